"""Bestand → Importeren uit GEDCOM: choose the centre person and how many generations.

A family tree of 2,000 people is not a genogram: the dialog offers the person (usually the
client) and N generations around them, and says how many people that will be.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from netwerkatlas.i18n import t, tn
from netwerkatlas.io.gedcom import GedcomTree
from netwerkatlas.tools.genogram.importing import selection_size

XREF_ROLE = Qt.ItemDataRole.UserRole


class GedcomImportDialog(QDialog):
    def __init__(self, tree: GedcomTree, client_name: str, parent=None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.setWindowTitle(t("gedcom.dialog.title"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("gedcom.dialog.search"))
        self.people = QListWidget()
        for xref, person in sorted(tree.persons.items(), key=lambda kv: kv[1].name.casefold()):
            years = "–".join(str(y) for y in (person.birth_year, person.death_year) if y)
            item = QListWidgetItem(f"{person.name or xref}" + (f"  ({years})" if years else ""))
            item.setData(XREF_ROLE, xref)
            self.people.addItem(item)
        self.generations = QSpinBox(minimum=0, maximum=10, value=2)
        self.is_client = QCheckBox(t("gedcom.dialog.is_client", client=client_name))
        self.is_client.setChecked(True)
        self.count = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("gedcom.dialog.ok"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            t("export.close_button")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(t("gedcom.dialog.generations"), self.generations)
        form.addRow(self.is_client)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tn("gedcom.dialog.choose", len(tree.persons))))
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addLayout(form)
        layout.addWidget(self.count)
        if tree.warnings:
            notes = QLabel(tn("gedcom.dialog.warnings", len(tree.warnings)))
            notes.setToolTip("\n".join(tree.warnings[:40]))
            layout.addWidget(notes)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.people.currentItemChanged.connect(self._update)
        self.generations.valueChanged.connect(self._update)
        self.people.setCurrentRow(0)
        self.resize(520, 620)
        self._update()

    def root_xref(self) -> str | None:
        item = self.people.currentItem()
        return item.data(XREF_ROLE) if item is not None and not item.isHidden() else None

    def choose(self, xref: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(XREF_ROLE) == xref:
                self.people.setCurrentRow(row)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        first = None
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
            if first is None and not item.isHidden():
                first = row
        if first is not None and (
            self.people.currentItem() is None or self.people.currentItem().isHidden()
        ):
            self.people.setCurrentRow(first)
        self._update()

    def _update(self) -> None:
        root = self.root_xref()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(root is not None)
        if root is None:
            self.count.setText(t("gedcom.dialog.nobody"))
            return
        size = selection_size(self.tree, root, self.generations.value())
        self.count.setText(tn("gedcom.dialog.count", size))
