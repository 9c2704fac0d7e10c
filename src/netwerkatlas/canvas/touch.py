"""Fingers on the canvas: one finger draws like a mouse (a drag on empty canvas pans), two
fingers pinch to zoom and move to pan, and a long press opens the context menu."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer
from PySide6.QtGui import QEventPoint, QTouchEvent

if TYPE_CHECKING:
    from netwerkatlas.canvas.netwerkintake_view import AtlasView

LONG_PRESS_MS = 600
LONG_PRESS_SLOP = 10.0  # pixels a finger may wander and still be holding still

TOUCH_TYPES = (
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
)


def _down(event: QTouchEvent) -> list[QEventPoint]:
    return [p for p in event.points() if p.state() != QEventPoint.State.Released]


class TouchGestures(QObject):
    """Watches a view's viewport for touch events (as an event filter, so a view needs no code
    of its own for it) and calls the view's begin/move/end_touch, zoom_by, pan_by and
    context_menu."""

    def __init__(self, view: AtlasView) -> None:
        super().__init__(view)
        self.view = view
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self.one_finger = False
        self.start = QPointF()
        self.pinch: tuple[float, QPointF] | None = None
        self.long_press = QTimer()
        self.long_press.setSingleShot(True)
        self.long_press.setInterval(LONG_PRESS_MS)
        self.long_press.timeout.connect(self._long_press)

    def handles(self, event: QEvent) -> bool:
        return event.type() in TOUCH_TYPES

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The type first: while the window is torn down the view may already be half gone.
        if event.type() in TOUCH_TYPES and watched is self._viewport:
            self.touch(event)
            return True
        return False

    def touch(self, event: QTouchEvent) -> None:
        """One touch event of the viewport. Not `event()`: that would override
        QObject.event and receive every event Qt sends this object (LanguageChange...)."""
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self._reset()
            self.view.cancel_touch()
            return
        down = _down(event)
        if kind == QEvent.Type.TouchEnd or not down:
            self.long_press.stop()
            if self.one_finger:
                self.view.end_touch(self._scene(event.points()[0].position()))
            self._reset()
            return
        if len(down) >= 2:
            self._two_fingers(down[0].position(), down[1].position())
            return
        position = down[0].position()
        if not self.one_finger and self.pinch is None:
            self.one_finger = True
            self.start = position
            self.long_press.start()
            self.view.begin_touch(self._scene(position))
        elif self.one_finger:
            if (position - self.start).manhattanLength() > LONG_PRESS_SLOP:
                self.long_press.stop()
            self.view.move_touch(self._scene(position))

    def _two_fingers(self, a: QPointF, b: QPointF) -> None:
        """Pinch to zoom around the fingers, move both to pan."""
        if self.one_finger:
            self.long_press.stop()
            self.view.cancel_touch()
            self.one_finger = False
        distance = max(1.0, math.dist((a.x(), a.y()), (b.x(), b.y())))
        centre = (a + b) / 2
        if self.pinch is not None:
            last_distance, last_centre = self.pinch
            self.view.zoom_by(distance / last_distance)
            delta = centre - last_centre
            self.view.pan_by(delta.x(), delta.y())
        self.pinch = (distance, centre)

    def _long_press(self) -> None:
        if not self.one_finger:
            return
        self.view.cancel_touch()
        self.one_finger = False
        menu = self.view.context_menu(self._scene(self.start))
        menu.popup(self.view.viewport().mapToGlobal(self.start.toPoint()))
        self.view.last_touch_menu = menu

    def _scene(self, position: QPointF) -> QPointF:
        return self.view.mapToScene(position.toPoint())

    def _reset(self) -> None:
        self.one_finger = False
        self.pinch = None
