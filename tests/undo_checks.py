"""Shared checks for undo histories."""

from __future__ import annotations

from netwerkatlas import io


def assert_undo_all_and_redo_all(stack, original: bytes) -> None:
    """Undoing every step gives `original` back; redoing every step gives today's atlas."""
    final = io.dumps(stack.atlas)
    while stack.can_undo():
        stack.undo()
    assert io.dumps(stack.atlas) == original
    while stack.can_redo():
        stack.redo()
    assert io.dumps(stack.atlas) == final
