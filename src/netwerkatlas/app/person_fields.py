"""The facts about a person: name, sex, years, household, pregnancy (for the genogram), and
phone and e-mail (for the signaleringsplan).

Part of the details panel, shown for the client and for persons. Each field is saved as one
undoable change when the user leaves it (or picks from a list), not on every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from netwerkatlas.commands import Command, UpdateItem
from netwerkatlas.i18n import t
from netwerkatlas.model import NODES, Atlas
from netwerkatlas.model.records import MAX_SHORT, Gender, NodeBase, Pregnancy


class PersonFields(QWidget):
    def __init__(self, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(parent)
        self.push = push
        self.atlas: Atlas | None = None
        self.node_id: str | None = None
        self._filling = False
        self.name = QLineEdit()
        self.gender = QComboBox()
        for gender in Gender:
            self.gender.addItem(t(f"gender.{gender}"), gender.value)
        self.birth_year, self.death_year = QLineEdit(), QLineEdit()
        for field in (self.birth_year, self.death_year):
            field.setValidator(QIntValidator(1000, 2999, field))
            field.setPlaceholderText(t("person.year_placeholder"))
            field.setMaximumWidth(90)
        self.deceased = QCheckBox(t("person.deceased"))
        self.pregnancy = QComboBox()
        self.pregnancy.addItem(t("person.born"), None)
        for kind in Pregnancy:
            self.pregnancy.addItem(t(f"genogram.legend.{kind}"), kind.value)
        self.relation = QLineEdit()
        self.relation.setPlaceholderText(t("person.relation_placeholder"))
        self.household = QLineEdit()
        self.household.setPlaceholderText(t("person.household_placeholder"))
        # how to reach them: the signaleringsplan's crisis contacts and naasten show it
        self.phone, self.email = QLineEdit(), QLineEdit()
        self.phone.setPlaceholderText(t("person.phone_placeholder"))
        self.email.setPlaceholderText(t("person.email_placeholder"))
        for field in (self.phone, self.email):
            field.setMaxLength(MAX_SHORT)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(t("person.name"), self.name)
        form.addRow(t("person.gender"), self.gender)
        form.addRow(t("person.born_year"), self.birth_year)
        form.addRow(t("person.death_year"), self.death_year)
        form.addRow("", self.deceased)
        form.addRow(t("person.pregnancy"), self.pregnancy)
        form.addRow(t("person.relation"), self.relation)
        form.addRow(t("person.household"), self.household)
        form.addRow(t("person.phone"), self.phone)
        form.addRow(t("person.email"), self.email)
        self.phone.editingFinished.connect(lambda: self._save("phone", self.phone.text().strip()))
        self.email.editingFinished.connect(lambda: self._save("email", self.email.text().strip()))
        self.name.editingFinished.connect(lambda: self._save("name", self.name.text().strip()))
        self.relation.editingFinished.connect(
            lambda: self._save("relation", self.relation.text().strip())
        )
        self.household.editingFinished.connect(
            lambda: self._save("household", self.household.text().strip())
        )
        self.birth_year.editingFinished.connect(lambda: self._save_year("birth_year"))
        self.death_year.editingFinished.connect(lambda: self._save_year("death_year"))
        self.gender.activated.connect(lambda: self._save("gender", self.gender.currentData()))
        self.pregnancy.activated.connect(
            lambda: self._save("pregnancy", self.pregnancy.currentData())
        )
        self.deceased.clicked.connect(lambda on: self._save("deceased", bool(on)))

    def show_person(self, atlas: Atlas, node: NodeBase) -> None:
        self.atlas, self.node_id = atlas, node.id
        self._filling = True
        self.name.setText(node.name)
        self.gender.setCurrentIndex(max(0, self.gender.findData(node.gender.value)))
        self.birth_year.setText(str(node.birth_year or ""))
        self.death_year.setText(str(node.death_year or ""))
        self.deceased.setChecked(node.deceased)
        index = self.pregnancy.findData(node.pregnancy.value if node.pregnancy else None)
        self.pregnancy.setCurrentIndex(max(0, index))
        self.relation.setText(node.relation)
        self.household.setText(node.household)
        self.phone.setText(node.phone)
        self.email.setText(node.email)
        self._filling = False

    def _save_year(self, field: str) -> None:
        text = (self.birth_year if field == "birth_year" else self.death_year).text().strip()
        value = int(text) if text.isdigit() and 1000 <= int(text) <= 2999 else None
        self._save(field, value)

    def _save(self, field: str, value: Any) -> None:
        if self._filling or self.atlas is None or not self.atlas.has(NODES, self.node_id):
            return
        current = getattr(self.atlas.node(self.node_id), field)
        current = getattr(current, "value", current)
        if current != value:
            self.push(UpdateItem(NODES, self.node_id, {field: value}))
