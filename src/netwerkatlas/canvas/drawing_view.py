"""A view drawn by its paper drawing: select, drag, pan and zoom, for every such view.

Dragging moves people live and pushes one command on release (Esc puts them back); a view
decides in `dropped` what a drop means (a place in the genogram, a cell in the circle).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QMenu

from netwerkatlas.canvas.drawing_scene import DrawingScene
from netwerkatlas.commands import Command, SetPositions
from netwerkatlas.i18n import t
from netwerkatlas.tools.groslijst import MIME_PERSON

MARGIN = 60.0
DRAG_START = 4.0


class DrawingView(QGraphicsView):
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

    @property
    def drawn(self) -> DrawingScene:
        return self.scene()

    @property
    def genogram(self) -> DrawingScene:
        return self.scene()

    # --- zoom ---------------------------------------------------------------------------------

    def fit_all(self) -> None:
        rect = self.genogram.item.boundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        current = self.transform().m11()
        if current > 1.5:
            self.scale(1.5 / current, 1.5 / current)

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.05 / current, min(8.0 / current, factor))
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(1.0015 ** event.angleDelta().y())

    # --- mouse --------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        person = self.genogram.person_at(point)
        if person is None:
            self.genogram.clearSelection()
            self._pan_from = event.position()  # drag on empty paper pans
            return
        additive = event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        )
        if additive:
            handle = self.genogram.handles[person]
            handle.setSelected(not handle.isSelected())
        elif person not in self.genogram.selected_ids():
            self.genogram.select_only([person])
        self._press = point

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self._press is None:
            return
        point = self.mapToScene(event.position().toPoint())
        delta = point - self._press
        if self._moving is None and abs(delta.x()) + abs(delta.y()) < DRAG_START:
            return
        start = self.genogram.drawing.positions
        self._moving = {
            p: (start[p][0] + delta.x(), start[p][1] + delta.y())
            for p in self.genogram.selected_ids()
        }
        self.genogram.move_live(self._moving)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._pan_from = None
        moved, self._moving, self._press = self._moving, None, None
        if moved:
            self.dropped(moved)

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._moving is not None:
            self._moving, self._press = None, None
            self.drawn.cancel_move()
        else:
            super().keyPressEvent(event)

    # --- keys ---------------------------------------------------------------------------------
