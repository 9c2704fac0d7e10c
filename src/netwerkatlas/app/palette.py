"""The palette of suggestions: the method's themes, and a blank theme, person or event.

Drag an entry onto the canvas to place it there, or double-click (tap) it to add it in a free
spot. Offered, never required; the palette can be hidden.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from netwerkatlas.i18n import t
from netwerkatlas.model import NodeKind
from netwerkatlas.tools.netwerkintake.suggestions import BLANK_KINDS, MIME_TYPE, suggested_themes

ROLE = Qt.ItemDataRole.UserRole


CLIENT_PANEL_PT = 14.0
"""The type of the panel beside the drawing in client mode, read from across the table."""


class SuggestionPalette(QListWidget):
    """Emits `chosen(kind, label)` on double-click or Enter; an empty label means "ask"."""

    chosen = Signal(str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)
        for kind in BLANK_KINDS:
            item = QListWidgetItem(t(f"palette.blank.{kind.value}"))
            item.setData(ROLE, {"kind": kind.value, "label": ""})
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
            self.addItem(item)
        for label in suggested_themes():
            item = QListWidgetItem(label)
            item.setData(ROLE, {"kind": NodeKind.THEME.value, "label": label})
            self.addItem(item)
        self.itemActivated.connect(self._activate)

    def _activate(self, item: QListWidgetItem) -> None:
        data = item.data(ROLE)
        self.chosen.emit(data["kind"], data["label"])

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(MIME_TYPE, json.dumps(items[0].data(ROLE)).encode("utf-8"))
            mime.setText(items[0].data(ROLE)["label"])
        return mime

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def set_large(self, large: bool) -> None:
        font = QFont(self.font())
        font.setPointSizeF(CLIENT_PANEL_PT if large else 10.5)
        self.setFont(font)
