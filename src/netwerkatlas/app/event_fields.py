"""When an event happened and who was involved: part of the details panel, for event bollen.

The date is one line of text as people say it ("ca. 1998", "jaren 90", "12-14 jaar"); beside it
the same time as separate fields (year, month, day, age, approximate, end), kept in sync. A text
that cannot be read is said in red under the field and changes nothing. Every change is one
undoable step, made when a field is left or a choice is made, not on every keystroke.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import NODES, Atlas, NodeKind
from netwerkatlas.model.records import NodeBase
from netwerkatlas.tools.gebeurteniskaart import dates, edits, people

ERROR_STYLE = "color: #b71c1c;"


def _number(field: QLineEdit) -> int | None:
    text = field.text().strip()
    return int(text) if text.isdigit() else None


class EventFields(QWidget):
    """The date fields and the people involved of one event node."""

    def __init__(self, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(parent)
        self.push = push
        self.atlas: Atlas | None = None
        self.node_id: str | None = None
        self._filling = False
        self.date = QLineEdit()
        self.date.setPlaceholderText(t("timeline.date_placeholder"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.year, self.end_year = QLineEdit(), QLineEdit()
        self.age, self.end_age = QLineEdit(), QLineEdit()
        for field, low, high in (
            (self.year, 1000, 2999),
            (self.end_year, 1000, 2999),
            (self.age, 0, 150),
            (self.end_age, 0, 150),
        ):
            field.setValidator(QIntValidator(low, high, field))
            field.setMaximumWidth(70)
            field.editingFinished.connect(self._save_fields)
        self.month, self.day = QComboBox(), QComboBox()
        self.month.addItem("", None)
        for month in range(1, 13):
            self.month.addItem(dates.month_name(month), month)
        self.day.addItem("", None)
        for day in range(1, 32):
            self.day.addItem(str(day), day)
        for combo in (self.month, self.day):
            combo.activated.connect(self._save_fields)
        self.approximate = QCheckBox(t("event.approximate"))
        self.approximate.clicked.connect(self._save_fields)
        self.date.editingFinished.connect(self._save_text)

        self.people = QListWidget()
        self.people.setMaximumHeight(110)
        self.add_person = QComboBox()
        self.add_button = QPushButton(t("event.people_add"))
        self.remove_button = QPushButton(t("event.people_remove"))
        self.add_button.clicked.connect(self._involve)
        self.remove_button.clicked.connect(self._uninvolve)

        when = QHBoxLayout()
        when.addWidget(self.year)
        when.addWidget(self.month)
        when.addWidget(self.day)
        span = QHBoxLayout()
        span.addWidget(self.end_year)
        span.addWidget(QLabel(t("event.end_age")))
        span.addWidget(self.end_age)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(t("timeline.date"), self.date)
        form.addRow(self.error)
        form.addRow(t("event.year_month_day"), when)
        form.addRow(t("event.age"), self.age)
        form.addRow("", self.approximate)
        form.addRow(t("event.end_year"), span)
        adding = QHBoxLayout()
        adding.addWidget(self.add_person, stretch=1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(QLabel(t("event.people")))
        layout.addWidget(self.people)
        layout.addLayout(adding)
        layout.addWidget(self.remove_button)

    # --- what is shown ------------------------------------------------------------------------

    def show_event(self, atlas: Atlas, node: NodeBase) -> None:
        changed = (atlas, node.id) != (self.atlas, self.node_id)
        self.atlas, self.node_id = atlas, node.id
        if changed:
            self.error.hide()
        self._fill(node)

    def _birth_year(self) -> int | None:
        return self.atlas.client.birth_year if self.atlas is not None else None

    def _fill(self, node) -> None:
        self._filling = True
        shown = dates.describe(node, self._birth_year())
        if not self.date.hasFocus() and self.date.text() != shown:
            self.date.setText(shown)  # what is stored now; an earlier complaint no longer holds
            self.error.hide()
        year = month = day = None
        if node.date:
            parts = [int(p) for p in node.date.split("-")]
            year, month, day = [*parts, None, None][:3]
        elif node.year is not None:
            year = node.year
        for field, value in (
            (self.year, year),
            (self.age, node.age),
            (self.end_year, node.end_year),
            (self.end_age, node.end_age),
        ):
            if not field.hasFocus():
                field.setText("" if value is None else str(value))
        self.month.setCurrentIndex(max(0, self.month.findData(month)) if month else 0)
        self.day.setCurrentIndex(max(0, self.day.findData(day)) if day else 0)
        self.approximate.setChecked(node.approximate)
        self.people.clear()
        involved = people.involved(self.atlas, node.id)
        for person_id in involved:
            item = QListWidgetItem(self._name(person_id))
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            self.people.addItem(item)
        self.add_person.clear()
        candidates = [self.atlas.client, *self.atlas.nodes(NodeKind.PERSON)]
        for person in sorted(candidates, key=lambda n: n.shown_label.lower()):
            if person.id not in involved:
                self.add_person.addItem(self._name(person.id), person.id)
        self.add_button.setEnabled(self.add_person.count() > 0)
        self.remove_button.setEnabled(bool(involved))
        self._filling = False

    def _name(self, node_id: str) -> str:
        return self.atlas.node(node_id).shown_label or t("app.untitled")

    # --- edits --------------------------------------------------------------------------------

    def _node(self):
        if self._filling or self.atlas is None or not self.atlas.has(NODES, self.node_id):
            return None
        return self.atlas.node(self.node_id)

    def _save_text(self) -> None:
        if self._node() is None:
            return
        try:
            changes = dates.parse(self.date.text())
        except dates.DateError as error:
            self._say(str(error))
            return
        self._apply(changes)

    def _save_fields(self) -> None:
        if self._node() is None:
            return
        changes = self._from_fields()
        if isinstance(changes, str):
            self._say(changes)
        else:
            self._apply(changes)

    def _from_fields(self) -> dict[str, Any] | str:
        """The six time fields from the separate fields, or what is wrong with them."""
        year, month, day = _number(self.year), self.month.currentData(), self.day.currentData()
        if (month or day) and year is None:
            return t("event.error.month_needs_year")
        if day and not month:
            return t("event.error.day_needs_month")
        date = None
        if month:
            try:
                datetime.date(year, month, day or 1)
            except ValueError:
                return t("event.error.no_such_day", day=day, month=dates.month_name(month))
            date = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        end_year, end_age, age = _number(self.end_year), _number(self.end_age), _number(self.age)
        if end_year is not None and year is not None and end_year < year:
            return t("event.error.end_before_start")
        if end_age is not None and age is not None and end_age < age:
            return t("event.error.end_before_start")
        return {
            "date": date,
            "year": None if date else year,
            "age": age,
            "approximate": self.approximate.isChecked(),
            "end_year": end_year,
            "end_age": end_age,
        }

    def _apply(self, changes: dict[str, Any]) -> None:
        self.error.hide()
        command = edits.set_when(self.atlas, self.node_id, changes)
        if command is not None:
            self.push(command)
        if self.atlas.has(NODES, self.node_id):
            self.date.setText(dates.describe(self.atlas.node(self.node_id), self._birth_year()))
            self._fill(self.atlas.node(self.node_id))

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _involve(self) -> None:
        person_id = self.add_person.currentData()
        if self._node() is not None and person_id is not None:
            self._push(edits.involve(self.atlas, self.node_id, person_id))

    def _uninvolve(self) -> None:
        item = self.people.currentItem() or self.people.item(0)
        if self._node() is not None and item is not None:
            self._push(
                edits.uninvolve(self.atlas, self.node_id, item.data(Qt.ItemDataRole.UserRole))
            )

    def _push(self, command: Command | None) -> None:
        if command is not None:
            self.push(command)
        if self.atlas.has(NODES, self.node_id):
            self._fill(self.atlas.node(self.node_id))
