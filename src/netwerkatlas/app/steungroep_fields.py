"""The fields the steungroep and contactschema tabs are made of: a person picked from the
atlas (or a typed name), and a note that is stored when the cursor leaves it, not per key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from netwerkatlas.app.document_tab import ROW_HEIGHT, fill_people
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import PersonRef
from netwerkatlas.tools.meeting.people import pickable, ref_name


class PersonPicker(QComboBox):
    """An editable list of the atlas's people. `committed(person_id, name)`: a person picked
    (their id, name ""), or a name typed that is nobody in the atlas (id None); ("", "") when
    emptied. Enter or leaving the field commits what was typed."""

    committed = Signal(object, str)

    def __init__(self, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumHeight(ROW_HEIGHT)
        self.setMinimumContentsLength(16)
        self.lineEdit().setPlaceholderText(placeholder)
        self._people: list[tuple[str, str]] = []
        self.activated.connect(self._picked)
        self.lineEdit().returnPressed.connect(self._typed)
        self.lineEdit().editingFinished.connect(self._typed)
        self._last: tuple[str | None, str] | None = None

    def set_people(self, people: list[tuple[str, str]]) -> None:
        if people != self._people:
            self._people = people
            fill_people(self, people)

    def show_ref(self, atlas: Atlas, ref: PersonRef | None) -> None:
        """Show who the ref names now (a rename shows), unless the user is typing here."""
        if self.lineEdit().hasFocus():
            return
        self.set_people(pickable(atlas))
        name = ref_name(atlas, ref) if ref is not None else ""
        self.blockSignals(True)
        index = self.findData(ref.person_id) if ref is not None and ref.person_id else -1
        self.setCurrentIndex(index)
        if self.currentText() != name:
            self.setEditText(name)
        self.blockSignals(False)
        self._last = None

    def _emit(self, person_id: str | None, name: str) -> None:
        if self._last == (person_id, name):
            return  # Enter and then leaving the field: one commit
        self._last = (person_id, name)
        self.committed.emit(person_id, name)

    def _picked(self, index: int) -> None:
        if index >= 0:
            self._emit(self.itemData(index), "")

    def _typed(self) -> None:
        text = self.currentText().strip()
        if not text:
            self._emit("", "")
            return
        index = self.currentIndex()
        if index >= 0 and self.itemText(index).casefold() == text.casefold():
            self._emit(self.itemData(index), "")  # the one shown, also when two share a name
            return
        for person_id, name in self._people:
            if name.casefold() == text.casefold():
                self._emit(person_id, "")
                return
        self._emit(None, text)


def ref_from(person_id: str | None, name: str, role: str = "") -> PersonRef | None:
    """What a picker committed as a ref (keeping the role), or None when it was emptied."""
    if person_id == "" and not name:
        return None
    return PersonRef(person_id=person_id or None, name=name if person_id is None else "", role=role)


class NoteEdit(QPlainTextEdit):
    """A few lines of text, stored when the cursor leaves (`committed(text)`)."""

    committed = Signal(str)

    def __init__(self, placeholder: str = "", lines: int = 3, parent=None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(max(ROW_HEIGHT, self.fontMetrics().lineSpacing() * lines + 14))
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * (lines + 3) + 14)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())

    def show_text(self, text: str) -> None:
        if not self.hasFocus() and self.toPlainText() != text:
            self.setPlainText(text)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clearFocus()
            return
        super().keyPressEvent(event)
