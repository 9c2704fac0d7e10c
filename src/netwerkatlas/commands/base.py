"""Undoable commands and the undo stack. Pure Python, so tests and scripts can use them without Qt.

A command changes the atlas only through its six operations and remembers what it needs to
reverse itself. Compound edits (a cascade, a multi-step gesture) are `Macro`s: their children undo
in reverse order, and if one child fails the ones already done are undone, so an edit happens
whole or not at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from netwerkatlas.model.atlas import Atlas


class Command:
    """One undoable edit. Subclasses implement `redo` and `undo`; `text` names it in the menu."""

    text: str = ""

    def redo(self, atlas: Atlas) -> None:
        raise NotImplementedError

    def undo(self, atlas: Atlas) -> None:
        raise NotImplementedError


class Macro(Command):
    """Several commands as one undo step."""

    def __init__(self, text: str, children: list[Command] | None = None) -> None:
        self.text = text
        self.children: list[Command] = list(children or [])

    def redo(self, atlas: Atlas) -> None:
        done: list[Command] = []
        try:
            for child in self.children:
                child.redo(atlas)
                done.append(child)
        except Exception:
            for child in reversed(done):
                child.undo(atlas)
            raise

    def undo(self, atlas: Atlas) -> None:
        for child in reversed(self.children):
            child.undo(atlas)


class UndoStack:
    """A linear history with a clean mark (the state last saved)."""

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self._commands: list[Command] = []
        self._index = 0
        self._clean_index: int | None = 0
        self._open_macros: list[Macro] = []
        self._listeners: list[Callable[[], None]] = []

    # --- observing --------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[], None]) -> None:
        """`listener()` is called after every push, undo, redo or clean-mark change."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # --- state ------------------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    def __len__(self) -> int:
        return len(self._commands)

    def can_undo(self) -> bool:
        return self._index > 0 and not self._open_macros

    def can_redo(self) -> bool:
        return self._index < len(self._commands) and not self._open_macros

    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self.can_undo() else ""

    def redo_text(self) -> str:
        return self._commands[self._index].text if self.can_redo() else ""

    def is_clean(self) -> bool:
        return self._clean_index == self._index

    def set_clean(self) -> None:
        self._clean_index = self._index
        self._changed()

    # --- changing ---------------------------------------------------------------------------

    def push(self, command: Command) -> None:
        """Do `command` and make it the newest undo step. If it fails, nothing is changed."""
        command.redo(self.atlas)
        self._record_done(command)

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[Macro]:
        """Group the commands pushed inside the block into one undo step."""
        macro = Macro(text)
        self._open_macros.append(macro)
        try:
            yield macro
        except Exception:
            self._open_macros.pop()
            macro.undo(self.atlas)
            raise
        self._open_macros.pop()
        if macro.children:
            self._record_done(macro)

    def _record_done(self, command: Command) -> None:
        if self._open_macros:
            self._open_macros[-1].children.append(command)
            return
        del self._commands[self._index :]
        if self._clean_index is not None and self._clean_index > self._index:
            self._clean_index = None  # the saved state can no longer be reached
        self._commands.append(command)
        self._index += 1
        self._changed()

    def undo(self) -> None:
        if self.can_undo():
            self._index -= 1
            self._commands[self._index].undo(self.atlas)
            self._changed()

    def redo(self) -> None:
        if self.can_redo():
            self._commands[self._index].redo(self.atlas)
            self._index += 1
            self._changed()

    def clear(self) -> None:
        self._commands.clear()
        self._index = 0
        self._clean_index = 0
        self._changed()
