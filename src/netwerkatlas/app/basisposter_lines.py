"""An editable list of short lines (the basisposter's questions, its agenda) for the keyboard.

Each line is a field with buttons to move it up or down and to take it out; below them an
empty field takes the next line. Enter in that field adds what was typed and leaves the cursor
there for the next one; Enter in a line moves on to the next. A line is committed when the
cursor leaves it (or on Enter), never per key, so each change is one undo step. Emptying a
line and leaving it takes it out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from netwerkatlas.app.document_tab import ROW_HEIGHT
from netwerkatlas.i18n import t


def row_button(text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
    """A touch-sized button beside a row, out of the Tab chain."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setMinimumSize(ROW_HEIGHT, ROW_HEIGHT)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from line to line
    button.clicked.connect(slot)
    return button


class LineRow(QWidget):
    def __init__(self, owner: LineList, index: int) -> None:
        super().__init__()
        self.owner, self.index = owner, index
        self.field = QLineEdit()
        self.field.setMinimumHeight(ROW_HEIGHT)
        self.field.editingFinished.connect(lambda: owner.commit_row(self.index))
        self.field.returnPressed.connect(lambda: owner.focus_after(self.index))
        self.field.installEventFilter(self)
        self.up = row_button("▲", t("basisposter.form.up"), lambda: owner.move(self.index, -1))
        self.down = row_button("▼", t("basisposter.form.down"), lambda: owner.move(self.index, 1))
        self.remove = row_button(
            "✕", t("basisposter.form.remove"), lambda: owner.remove(self.index)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        for button in (self.up, self.down, self.remove):
            layout.addWidget(button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+Up and Alt+Down move the line the cursor is in, and the cursor with it."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
            if step and event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.owner.commit_row(self.index)
                self.owner.move(self.index, step, follow=True)
                return True
        return super().eventFilter(watched, event)


class LineList(QWidget):
    """Lines shown from the model with `set_lines`; every change is given to `changed` as the
    whole new list (the view turns it into one command)."""

    def __init__(self, placeholder: str, changed: Callable[[list[str]], None]) -> None:
        super().__init__()
        self.changed = changed
        self.rows: list[LineRow] = []
        self.lines: list[str] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.new_line = QLineEdit()
        self.new_line.setMinimumHeight(ROW_HEIGHT)
        self.new_line.setPlaceholderText(placeholder)
        self.new_line.returnPressed.connect(self.add_typed)
        self.column.addWidget(self.new_line)

    def set_lines(self, lines: list[str]) -> None:
        """Show `lines`; a field being typed in keeps its text and cursor."""
        self.lines = list(lines)
        while len(self.rows) < len(lines):
            row = LineRow(self, len(self.rows))
            self.column.insertWidget(len(self.rows), row)
            row.show()  # now, not when the layout gets round to it: Tab can reach it at once
            self.rows.append(row)
        while len(self.rows) > len(lines):
            row = self.rows.pop()
            self.column.removeWidget(row)
            row.hide()
            row.deleteLater()
        for index, (row, text) in enumerate(zip(self.rows, lines, strict=True)):
            typing = row.field.hasFocus() and row.field.isModified()
            if not typing and row.field.text() != text:
                row.field.setText(text)
                row.field.setCursorPosition(0)
            row.up.setEnabled(index > 0)
            row.down.setEnabled(index < len(lines) - 1)

    def texts(self) -> list[str]:
        return [row.field.text() for row in self.rows]

    def _change(self, lines: list[str]) -> None:
        if lines != self.lines:
            self.lines = list(lines)
            self.changed(lines)

    def commit_row(self, index: int) -> None:
        if index >= len(self.rows):
            return
        field = self.rows[index].field
        text = field.text().strip()
        field.setModified(False)
        lines = list(self.lines)
        if index >= len(lines):
            return
        if text:
            lines[index] = text
        else:
            del lines[index]
        self._change(lines)

    def add_typed(self) -> None:
        """Enter in the empty field: its text becomes the last line; the cursor stays for the
        next one."""
        text = self.new_line.text().strip()
        if not text:
            return
        self.new_line.clear()
        self._change([*self.lines, text])
        self.new_line.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_after(self, index: int) -> None:
        following = self.rows[index + 1].field if index + 1 < len(self.rows) else self.new_line
        following.setFocus(Qt.FocusReason.TabFocusReason)

    def _commit_typing(self) -> bool:
        """A line being typed in is kept before the lines are moved or one is taken out;
        False when that emptied it, so the lines were renumbered."""
        count = len(self.lines)
        for index, row in enumerate(self.rows):
            if row.field.isModified():
                self.commit_row(index)
        return len(self.lines) == count

    def move(self, index: int, step: int, follow: bool = False) -> None:
        """Move line `index` by `step`; with `follow` the cursor goes along."""
        if not self._commit_typing():
            return
        target = index + step
        if 0 <= index < len(self.lines) and 0 <= target < len(self.lines):
            lines = list(self.lines)
            lines.insert(target, lines.pop(index))
            self._change(lines)
            if follow and target < len(self.rows):
                self.rows[target].field.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self, index: int) -> None:
        if self._commit_typing() and 0 <= index < len(self.lines):
            self._change(self.lines[:index] + self.lines[index + 1 :])
