"""Every edit is an undoable command on the model. Pure Python, no Qt."""

from netwerkatlas.commands.base import Command, Macro, UndoStack
from netwerkatlas.commands.edits import (
    AddItem,
    RemoveItem,
    SetPositions,
    SetViewSetting,
    UpdateItem,
    UpdateMeta,
)

__all__ = [
    "AddItem",
    "Command",
    "Macro",
    "RemoveItem",
    "SetPositions",
    "SetViewSetting",
    "UndoStack",
    "UpdateItem",
    "UpdateMeta",
]
