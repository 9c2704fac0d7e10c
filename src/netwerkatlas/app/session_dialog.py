"""The dialog for Sessie → Nieuw vervolggesprek…: when, what to call it, and who was there.

It only asks; the window turns the answer into one `start_follow_up` command, so starting a
follow-up is one step on the undo stack like any other edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.plan_common import locale
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, NodeKind
from netwerkatlas.tools.sessions.edits import next_label


@dataclass(frozen=True)
class FollowUp:
    """What the professional filled in."""

    date: str  # ISO date
    label: str
    present: tuple[str, ...]


class FollowUpDialog(QDialog):
    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_dialog")
        self.setWindowTitle(t("session.new_title"))
        layout = QVBoxLayout(self)
        intro = QLabel(t("session.new_intro"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setLocale(locale())
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        form.addRow(t("session.date"), self.date_edit)
        self.label_edit = QLineEdit(next_label(atlas), self)
        form.addRow(t("session.label"), self.label_edit)
        self.people = QListWidget(self)
        self.people.setObjectName("present_people")
        for node in atlas.nodes():
            if node.kind == NodeKind.PERSON or node.id == atlas.client_id:
                item = QListWidgetItem(node.shown_label or t("privacy.client"), self.people)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if node.id == atlas.client_id else Qt.CheckState.Unchecked
                )
        self.people.setMaximumHeight(160)
        form.addRow(t("session.present"), self.people)
        self.others_edit = QLineEdit(self)
        self.others_edit.setPlaceholderText(t("session.present_others_hint"))
        form.addRow(t("session.present_others"), self.others_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("session.start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.label_edit.setFocus()
        self.label_edit.selectAll()

    def answer(self) -> FollowUp:
        date = self.date_edit.date()
        label = self.label_edit.text().strip()
        present = [
            self.people.item(row).text()
            for row in range(self.people.count())
            if self.people.item(row).checkState() == Qt.CheckState.Checked
        ]
        present += [name.strip() for name in self.others_edit.text().split(",") if name.strip()]
        iso = dt.date(date.year(), date.month(), date.day()).isoformat()
        return FollowUp(iso, label, tuple(present))
