"""Typing a label in place: a line edit laid over the canvas where the bol is (or will be)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsView, QLineEdit

WIDTH = 240
VISIBLE_AROUND = 140  # px on screen kept in sight around the field's place
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class LabelEditor(QObject):
    """One line edit, reused. Enter or leaving the field commits; Esc cancels."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.field = QLineEdit(view.viewport())
        font = QFont(self.field.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.field.setFont(font)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setFixedWidth(WIDTH)
        self.field.hide()
        self.field.installEventFilter(self)
        self._on_commit: Callable[[str], None] | None = None

    @property
    def is_open(self) -> bool:
        return self.field.isVisible()

    def open(self, scene_point: QPointF, text: str, on_commit: Callable[[str], None]) -> None:
        self._on_commit = on_commit
        # where the bol is (or will be) is scrolled into sight first: a free spot around the
        # client can lie beyond the edge of a zoomed-in view, and the field with it
        reach = VISIBLE_AROUND / max(self.view.transform().m11(), 0.05)
        self.view.ensureVisible(
            QRectF(scene_point.x() - reach, scene_point.y() - reach, 2 * reach, 2 * reach), 0, 0
        )
        centre = self.view.mapFromScene(scene_point)
        self.field.setText(text)
        self.field.selectAll()
        self.field.move(centre.x() - WIDTH // 2, centre.y() - self.field.sizeHint().height() // 2)
        self.field.show()
        self.field.raise_()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit(self) -> None:
        if not self.is_open:
            return
        callback, self._on_commit = self._on_commit, None
        text = self.field.text()
        self._close()
        if callback is not None:
            callback(text)

    def cancel(self) -> None:
        self._on_commit = None
        self._close()

    def _close(self) -> None:
        self.field.hide()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = self.__dict__.get("field")  # gone while the view is being torn down
        if field is not None and watched is field:
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() in ENTER:
                # Taken here: a line edit passes Enter on, and the canvas would take that
                # Enter as "edit the selected bol's label" and open the editor again at once.
                self.commit()
                return True
            if event.type() == QEvent.Type.FocusOut and self.is_open:
                self.commit()
        return False
