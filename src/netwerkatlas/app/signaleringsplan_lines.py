"""Editable lists for the signaleringsplan tab: lines of text, and lines of a person with what
they do (or their role), the person picked from the atlas or typed.

A list never writes to the model: when a line is left (focus out) or Enter is pressed, the list
hands all its values to `on_change`, which makes one command of them. Enter in a line's last
field keeps what was typed and opens the next line below, with the cursor in it; an emptied line
is taken out. When the model changes (an undo, a rename in the groslijst) `set_values` shows the
new values without touching the field being typed in.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.document_tab import ROW_HEIGHT, fill_people
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import PersonAction, PersonRef
from netwerkatlas.model.records import MAX_SHORT
from netwerkatlas.tools.meeting.people import (
    person_of,
    pickable,
    ref_name,
    ref_of,
    ref_phone,
    typed_ref,
)


class Line(QWidget):
    """One line of a `LineList`: its fields left to right and a remove button."""

    def __init__(self, owner: LineList) -> None:
        super().__init__()
        self.owner = owner
        self.fields: list[QWidget] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setToolTip(t("signaleringsplan.remove_line"))
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from text to text
        self.remove.setMinimumSize(ROW_HEIGHT, ROW_HEIGHT)
        self.remove.clicked.connect(lambda: self.owner.remove_line(self))

    def finish(self) -> None:
        self.row.addWidget(self.remove)

    def add_text_field(self, placeholder: str, stretch: int = 1) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(placeholder)
        field.setMinimumHeight(ROW_HEIGHT)
        field.editingFinished.connect(self.owner.commit)
        field.returnPressed.connect(lambda: self.owner.enter_in(self, field))
        self.fields.append(field)
        self.row.addWidget(field, stretch)
        return field

    def has_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and any(
            f is focused or f.isAncestorOf(focused) for f in self.fields
        )

    def focus_first(self) -> None:
        self.fields[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> Any:
        """The line's value, or None when it is empty (an empty line is no line)."""
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError


def _show_text(field: QLineEdit, text: str) -> None:
    """Put `text` in the field unless the user is typing there."""
    if field.text() != text and not field.hasFocus():
        field.setText(text)


class TextLine(Line):
    def __init__(self, owner: LineList, placeholder: str) -> None:
        super().__init__(owner)
        self.text = self.add_text_field(placeholder)
        self.finish()

    def value(self) -> str | None:
        return self.text.text().strip() or None

    def show_value(self, value: str) -> None:
        _show_text(self.text, value)


class PersonPicker(QComboBox):
    """Who: the atlas's client and people to pick from, or a name typed in. Picking gives a
    ref to the person (so a rename shows); a new name gives a typed ref."""

    def __init__(self, owner: PersonLine, placeholder: str) -> None:
        super().__init__()
        self.owner = owner
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumHeight(ROW_HEIGHT)
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lineEdit().setPlaceholderText(placeholder)
        self.lineEdit().setMaxLength(MAX_SHORT)
        self._names: list[tuple[str, str]] = []
        self.fill()

    def fill(self) -> None:
        """The people to pick from, read from the atlas again (names change)."""
        names = pickable(self.owner.owner.atlas())
        if names == self._names:
            return
        fill_people(self, names)
        completer = QCompleter([name for _, name in names], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self._names = names

    def focusInEvent(self, event) -> None:
        self.fill()
        super().focusInEvent(event)

    def person_id_for(self, text: str) -> str | None:
        """The person whose shown name is `text` (a pick, or a name typed exactly)."""
        wanted = text.strip().casefold()
        return next((pid for pid, name in self._names if name.casefold() == wanted), None)


class PersonLine(Line):
    """A person and, optionally, a text of theirs (what they do, or their role) and their phone
    number from the atlas (read-only here: it is the person's own field, in Details)."""

    def __init__(
        self, owner: LineList, kind: str, second: str = "", show_phone: bool = False
    ) -> None:
        super().__init__(owner)
        self.kind = kind  # "action" (PersonAction), "ref" (PersonRef with a role) or "who"
        self.ref: PersonRef | None = None
        self.who = PersonPicker(self, t("signaleringsplan.placeholder.who"))
        self.who.activated.connect(lambda _: self.owner.commit())
        self.who.lineEdit().editingFinished.connect(self.owner.commit)
        self.who.lineEdit().returnPressed.connect(lambda: self.owner.enter_in(self, self.who))
        self.fields.append(self.who)
        self.row.addWidget(self.who, 3)
        self.second = self.add_text_field(second, 5) if second else None
        self.phone = QLabel() if show_phone else None
        if self.phone is not None:
            self.phone.setMinimumWidth(120)
            self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.row.addWidget(self.phone, 0)
        self.finish()

    def current_ref(self) -> PersonRef | None:
        atlas = self.owner.atlas()
        name = self.who.currentText().strip()
        role = self.ref.role if self.ref is not None else ""
        if self.kind == "ref" and self.second is not None:
            role = self.second.text().strip()
        if not name:
            return None
        if self.ref is not None and ref_name(atlas, self.ref) == name:
            return self.ref.model_copy(update={"role": role})
        person_id = self.who.person_id_for(name)
        if person_id is not None:
            return ref_of(atlas, person_id, role)
        return typed_ref(name, role)

    def value(self) -> PersonAction | PersonRef | None:
        ref = self.current_ref()
        if self.kind == "action":
            what = self.second.text().strip() if self.second is not None else ""
            if ref is None and not what:
                return None
            return PersonAction(who=ref or PersonRef(), what=what)
        return ref

    def show_value(self, value: PersonAction | PersonRef) -> None:
        atlas = self.owner.atlas()
        self.ref = value.who if isinstance(value, PersonAction) else value
        self.who.fill()
        name = ref_name(atlas, self.ref)
        if self.who.currentText() != name and not self.who.hasFocus():
            self.who.setEditText(name)
        if self.second is not None:
            _show_text(self.second, value.what if isinstance(value, PersonAction) else value.role)
        if self.phone is not None:
            phone = ref_phone(atlas, self.ref)
            known = person_of(atlas, self.ref) is not None
            self.phone.setText(phone or (t("signaleringsplan.no_phone") if known else ""))
            self.phone.setStyleSheet("" if phone else "color: #777;")


class LineList(QWidget):
    """A column of lines and a button that adds one; see the module docstring."""

    def __init__(
        self,
        make_line: Callable[[LineList], Line],
        add_text: str,
        on_change: Callable[[list], None],
        atlas: Callable[[], Atlas],
    ) -> None:
        super().__init__()
        self.make_line = make_line
        self.on_change = on_change
        self.atlas = atlas
        self.values: list = []
        self.lines: list[Line] = []
        self.fresh: Line | None = None  # a line just opened, still empty
        self._opening = False
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.add_button = QPushButton(add_text)
        self.add_button.setMinimumHeight(ROW_HEIGHT)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.add_button.clicked.connect(lambda: self.add_line(len(self.lines)))
        self.column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    # --- from the model ---------------------------------------------------------------------

    def set_values(self, values: list) -> None:
        """Show `values`: lines are kept and given their new value in order; a fresh empty line
        being typed in stays where it is."""
        self.values = list(values)
        keep = self.fresh if self.fresh is not None and self.fresh.value() is None else None
        others = [line for line in self.lines if line is not keep]
        while len(others) > len(values):
            line = others.pop()
            self._drop(line)
        while len(others) < len(values):
            others.append(self._new_line())
        for line, value in zip(others, values, strict=True):
            line.show_value(value)
        if keep is not None:
            at = min(self.lines.index(keep), len(others))
            others.insert(at, keep)
        self.lines = others
        for index, line in enumerate(self.lines):
            if self.column.indexOf(line) != index:
                self.column.insertWidget(index, line)
        self._tab_order()

    # --- edits ------------------------------------------------------------------------------

    def current(self) -> list:
        return [v for v in (line.value() for line in self.lines) if v is not None]

    def commit(self) -> None:
        """Hand the values to `on_change` when they differ from the model's."""
        values = self.current()
        if values != self.values:
            self.values = values
            self.on_change(values)
        fresh = self.fresh
        empty = fresh is not None and fresh.value() is None
        if empty and not self._opening and not fresh.has_focus():
            self._forget_fresh()

    def enter_in(self, line: Line, field: QWidget) -> None:
        """Enter: on to the line's next field, or from its last field to a new line below."""
        index = line.fields.index(field)
        if index + 1 < len(line.fields):
            line.fields[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.commit()
        if line.value() is None:
            return  # Enter on an empty line: nothing to add after
        position = self.lines.index(line) + 1 if line in self.lines else len(self.lines)
        self.add_line(position)

    def add_line(self, index: int) -> Line:
        """A new empty line at `index`, with the cursor in it."""
        if self.fresh is not None and self.fresh.value() is None:
            self._forget_fresh()
        line = self._new_line()
        index = min(index, len(self.lines))
        self.lines.insert(index, line)
        self.column.insertWidget(index, line)
        self.fresh = line
        self._tab_order()
        self._opening = True  # the line left now commits; the new one stays
        try:
            line.focus_first()
        finally:
            self._opening = False
        return line

    def remove_line(self, line: Line) -> None:
        if line is self.fresh:
            self.fresh = None
        if line in self.lines:
            self.lines.remove(line)
            self._drop(line)
        self.commit()

    def _forget_fresh(self) -> None:
        line, self.fresh = self.fresh, None
        if line in self.lines:
            self.lines.remove(line)
            self._drop(line)

    def _new_line(self) -> Line:
        line = self.make_line(self)
        line.show()
        return line

    def _drop(self, line: Line) -> None:
        self.column.removeWidget(line)
        line.hide()
        line.deleteLater()

    def _tab_order(self) -> None:
        fields = [f for line in self.lines for f in line.fields]
        for first, second in pairwise(fields):
            QWidget.setTabOrder(first, second)
        if fields:
            QWidget.setTabOrder(fields[-1], self.add_button)
