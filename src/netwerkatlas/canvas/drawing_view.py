"""A view drawn by its paper drawing: select, drag, pan and zoom, for every such view.

Dragging moves people live and pushes one command on release (Esc puts them back); a view
decides in `dropped` what a drop means (a place in the genogram, a cell in the circle).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QMenu

from netwerkatlas.canvas.drawing_scene import DrawingScene
from netwerkatlas.canvas.fitting import FittedWithoutScrollBars, fit_rect
from netwerkatlas.canvas.menu_keys import show_keys
from netwerkatlas.canvas.touch import TouchGestures
from netwerkatlas.commands import Command, SetPositions
from netwerkatlas.i18n import t
from netwerkatlas.render.readable import Measure, largest_fit_zoom, measure
from netwerkatlas.tools.groslijst import MIME_PERSON

DRAG_START = 4.0
NUDGE = {
    Qt.Key.Key_Left: (-20.0, 0.0),
    Qt.Key.Key_Right: (20.0, 0.0),
    Qt.Key.Key_Up: (0.0, -20.0),
    Qt.Key.Key_Down: (0.0, 20.0),
}


class DrawingView(FittedWithoutScrollBars, QGraphicsView):
    """Select, drag (one command on release, Esc puts back), pan and zoom on a `DrawingScene`."""

    def __init__(self, scene: DrawingScene, push: Callable[[Command], None], parent=None):
        super().__init__(scene, parent)
        self.push = push
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._press: QPointF | None = None
        self._moving: dict[str, tuple[float, float]] | None = None
        self._pan_from: QPointF | None = None
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.last_menu: QMenu | None = None
        self.last_touch_menu: QMenu | None = None
        self.touch = TouchGestures(self)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.fitted = False  # shown as "Passend" left it: a resize fits again
        self._fitted_size = self.size()

    @property
    def drawn(self) -> DrawingScene:
        return self.scene()

    def showEvent(self, event) -> None:
        self.drawn.refresh()  # edits made while another view was in front
        super().showEvent(event)
        if not self.fitted and self.transform().isIdentity():
            self.fit_all()  # first shown: fitted at its real size, not the hidden tab's

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        busy = self._press is not None or self._pan_from is not None
        # Only a new size of the view itself: scroll bars coming and going must not refit.
        if self.fitted and not busy and self.isVisible() and self.size() != self._fitted_size:
            self.fit_all()  # not under a finger: what is held stays under it

    # --- zoom ---------------------------------------------------------------------------------

    def drawn_bounds(self, found: Measure | None = None) -> QRectF:
        """What the drawing really covers: its ink, not room kept for labels that are not there."""
        drawing = self.drawn.drawing
        x, y, w, h = (found or measure(drawing)).bounds or drawing.bounds()
        return QRectF(x, y, w, h)

    def fit_all(self) -> None:
        """All of the drawing, as large as the view allows, but its type no larger than a few
        times the minimum (a family of two is not blown up to fill the screen)."""
        self.fitted, self._fitted_size = True, self.size()  # first: the bars' room is the drawing's
        found = measure(self.drawn.drawing)
        client = getattr(self.drawn, "client_mode", False)
        largest = largest_fit_zoom(found.smallest[0], self.logicalDpiY(), client)
        fit_rect(self, self.drawn_bounds(found), largest)

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.05 / current, min(8.0 / current, factor))
        self.scale(factor, factor)
        self.fitted = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(1.0015 ** event.angleDelta().y())

    # --- pointer: the mouse and one finger do the same -----------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        additive = bool(
            event.modifiers()
            & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        )
        self._begin(event.position(), additive)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._follow(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._finish()

    def _begin(self, position: QPointF, additive: bool = False) -> None:
        point = self.mapToScene(position.toPoint())
        person = self.drawn.person_at(point)
        if person is None:
            self.drawn.clearSelection()
            self._pan_from = position  # dragging empty paper pans
            return
        if additive:
            handle = self.drawn.handles[person]
            handle.setSelected(not handle.isSelected())
        elif person not in self.drawn.selected_ids():
            self.drawn.select_only([person])
        self._press = point

    def _follow(self, position: QPointF) -> None:
        if self._pan_from is not None:
            delta = position - self._pan_from
            self._pan_from = position
            self.pan_by(delta.x(), delta.y())
            return
        if self._press is None:
            return
        point = self.mapToScene(position.toPoint())
        delta = point - self._press
        if self._moving is None and abs(delta.x()) + abs(delta.y()) < DRAG_START:
            return
        start = self.drawn.drawing.positions
        self._moving = {
            p: (start[p][0] + delta.x(), start[p][1] + delta.y()) for p in self.drawn.selected_ids()
        }
        self.drawn.move_live(self._moving)

    def _finish(self) -> None:
        self._pan_from = None
        moved, self._moving, self._press = self._moving, None, None
        if moved:
            self.dropped(moved)

    def pan_by(self, dx: float, dy: float) -> None:
        self.fitted = False
        self.horizontalScrollBar().setValue(round(self.horizontalScrollBar().value() - dx))
        self.verticalScrollBar().setValue(round(self.verticalScrollBar().value() - dy))

    # --- touch: one finger drags or pans, two pinch and pan, a long press opens the menu -----

    def begin_touch(self, point: QPointF) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._begin(self.mapFromScene(point).toPointF())

    def move_touch(self, point: QPointF) -> None:
        self._follow(self.mapFromScene(point).toPointF())

    def end_touch(self, point: QPointF) -> None:
        self._finish()

    def cancel_touch(self) -> None:
        self._cancel_move()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.last_menu = show_keys(self.context_menu(self.mapToScene(event.pos())))
        self.last_menu.popup(event.globalPos())

    def context_menu(self, point: QPointF) -> QMenu:
        """The menu for a scene point; views add their own entries."""
        return QMenu(self)

    # --- keys: walk, nudge, remove --------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ids = self.drawn.selected_ids()
        if key == Qt.Key.Key_Escape and self._moving is not None:
            self._cancel_move()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.select_next(-1 if key == Qt.Key.Key_Backtab else 1)
        elif ids and key in NUDGE:
            dx, dy = NUDGE[key]
            start = self.drawn.drawing.positions
            self.dropped({p: (start[p][0] + dx, start[p][1] + dy) for p in ids})
        elif ids and key == Qt.Key.Key_Delete:
            self.remove_selected(ids)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab walks through the people here, not to the next widget

    def select_next(self, step: int) -> None:
        """Tab and Shift+Tab walk through the people in reading order, row by row."""
        order = sorted(
            self.drawn.drawing.positions,
            key=lambda p: (
                round(self.drawn.drawing.positions[p][1] / 40),
                self.drawn.drawing.positions[p][0],
            ),
        )
        if not order:
            return
        current = self.drawn.selected_ids()
        index = (order.index(current[0]) + step) % len(order) if current else 0
        self.drawn.select_only([order[index]])
        self.ensureVisible(self.drawn.handles[order[index]])

    def remove_selected(self, ids: list[str]) -> None:
        """Del on selected people: what it means depends on the view (off the circle...)."""

    def _cancel_move(self) -> None:
        if self._moving is not None:
            self.drawn.cancel_move()
        self._moving, self._press, self._pan_from = None, None, None

    # --- names dragged from the groslijst -----------------------------------------------------

    def accepts_people(self) -> bool:
        """Whether names can be dragged onto this view from the groslijst."""
        return type(self).place_at is not DrawingView.place_at

    def place_at(self, person_id: str, point: QPointF) -> None:
        """Place a person dropped from the groslijst at `point` (views with places override)."""

    def _people_in(self, event) -> list[str]:
        if not self.accepts_people() or not event.mimeData().hasFormat(MIME_PERSON):
            return []
        data = bytes(event.mimeData().data(MIME_PERSON)).decode()
        return [p for p in data.split("\n") if p and self.drawn.atlas.has("nodes", p)]

    def dragEnterEvent(self, event) -> None:
        if self._people_in(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._people_in(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        people = self._people_in(event)
        if not people:
            super().dropEvent(event)
            return
        point = self.mapToScene(event.position().toPoint())
        for person in people:
            self.place_at(person, point)
        event.acceptProposedAction()

    def dropped(self, moved: dict[str, tuple[float, float]]) -> None:
        """People let go at new places: keep those places (views with cells decide more)."""
        self.push(SetPositions(self.drawn.view_name, moved, t("command.move")))

    # --- keys ---------------------------------------------------------------------------------
