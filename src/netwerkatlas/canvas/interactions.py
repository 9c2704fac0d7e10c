"""What a press on the canvas turns into: moving bollen, drawing a link, or a rubber band.

Each interaction lives from press to release and can be cancelled with Esc. They change the
screen while they run and push exactly one command when they end, so a drag is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem

from netwerkatlas.commands import SetPositions
from netwerkatlas.tools.netwerkintake import edits

if TYPE_CHECKING:
    from netwerkatlas.canvas.netwerkintake_view import AtlasView

DRAG_THRESHOLD = 6.0  # screen pixels before a press counts as a drag


class Interaction:
    def __init__(self, view: AtlasView, press: QPointF) -> None:
        self.view = view
        self.scene = view.scene()
        self.press = press

    def move(self, point: QPointF) -> None: ...

    def release(self, point: QPointF) -> None: ...

    def cancel(self) -> None: ...

    def carried_ids(self) -> list[str]:
        """The bollen this interaction carries, if dragging it off the canvas should carry
        them on (onto a goal card); none for the others."""
        return []

    def dragged(self, point: QPointF) -> bool:
        """Whether the pointer travelled far enough, on screen, to be a drag and not a tap."""
        screen = self.view.mapFromScene(point) - self.view.mapFromScene(self.press)
        return screen.manhattanLength() >= DRAG_THRESHOLD


class MoveBollen(Interaction):
    """Drag the selected bollen; the links follow; one `SetPositions` on release."""

    def __init__(self, view: AtlasView, press: QPointF, node_ids: list[str]) -> None:
        super().__init__(view, press)
        self.start = {n: QPointF(self.scene.bol_items[n].pos()) for n in node_ids}
        self.moving = False

    def move(self, point: QPointF) -> None:
        if not self.moving and not self.dragged(point):
            return
        self.moving = True
        delta = point - self.press
        self.scene.move_live({n: p + delta for n, p in self.start.items()})

    def release(self, point: QPointF) -> None:
        if not self.moving:
            return
        delta = point - self.press
        ends = {n: (p.x() + delta.x(), p.y() + delta.y()) for n, p in self.start.items()}
        self.view.push(SetPositions(self.scene.view_name, ends))

    def cancel(self) -> None:
        self.scene.move_live(self.start)

    def carried_ids(self) -> list[str]:
        return list(self.start)


class DrawLink(Interaction):
    """Drag from a bol's link handle (or any bol in link mode) onto another bol."""

    def __init__(self, view: AtlasView, press: QPointF, source_id: str) -> None:
        super().__init__(view, press)
        self.source_id = source_id
        origin = self.scene.bol_items[source_id].pos()
        self.line = QGraphicsLineItem(QLineF(origin, press))
        pen = QPen(QColor("#1565c0"), 2.5, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(10)
        self.scene.addItem(self.line)

    def move(self, point: QPointF) -> None:
        self.line.setLine(QLineF(self.line.line().p1(), point))

    def release(self, point: QPointF) -> None:
        self._remove_line()
        target = self.scene.bol_at(point)
        if target is None:
            return
        command = edits.add_link(self.scene.atlas, self.source_id, target.node_id)
        if command is not None:
            self.view.push(command)

    def cancel(self) -> None:
        self._remove_line()

    def _remove_line(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class PressOnEmpty(Interaction):
    """A tap on empty canvas adds a bol there. A drag draws a rubber band to select bollen
    with a mouse or pen, and pans the canvas with a finger (`pan`)."""

    def __init__(self, view: AtlasView, press: QPointF, extend: bool, pan: bool = False) -> None:
        super().__init__(view, press)
        self.extend = extend
        self.pan = pan
        self.panned = False
        self.last_screen = view.mapFromScene(press)
        self.band: QGraphicsRectItem | None = None
        self.before = set(self.scene.selectedItems()) if extend else set()

    def move(self, point: QPointF) -> None:
        if self.pan:
            self._pan(point)
            return
        if self.band is None:
            if not self.dragged(point):
                return
            self.band = QGraphicsRectItem()
            self.band.setPen(QPen(QColor("#1565c0"), 0, Qt.PenStyle.DashLine))
            self.band.setBrush(QColor(21, 101, 192, 30))
            self.band.setZValue(20)
            self.scene.addItem(self.band)
        rect = QRectF(self.press, point).normalized()
        self.band.setRect(rect)
        for item in self.scene.bol_items.values():
            inside = rect.contains(item.pos())
            item.setSelected(inside or item in self.before)

    def _pan(self, point: QPointF) -> None:
        if not self.panned and not self.dragged(point):
            return
        self.panned = True
        here = self.view.mapFromScene(point)  # where the finger is on the screen, before panning
        delta = here - self.last_screen
        self.view.pan_by(delta.x(), delta.y())
        self.last_screen = here

    def release(self, point: QPointF) -> None:
        if self.band is not None:
            self.scene.removeItem(self.band)
            return
        if not self.panned:
            self.view.start_new_bol(self.press)

    def cancel(self) -> None:
        if self.band is not None:
            self.scene.removeItem(self.band)
            for item in self.scene.bol_items.values():
                item.setSelected(item in self.before)


class TapBadge(Interaction):
    """A tap on a bol's score badge opens the score picker; a drag from it moves the bol."""

    def __init__(self, view: AtlasView, press: QPointF, node_id: str) -> None:
        super().__init__(view, press)
        self.node_id = node_id
        self.scene.clearSelection()
        self.scene.bol_items[node_id].setSelected(True)
        self.move_instead = MoveBollen(view, press, [node_id])

    def move(self, point: QPointF) -> None:
        self.move_instead.move(point)

    def release(self, point: QPointF) -> None:
        if self.move_instead.moving:
            self.move_instead.release(point)
        else:
            self.view.open_score_picker(self.node_id)

    def cancel(self) -> None:
        self.move_instead.cancel()

    def carried_ids(self) -> list[str]:
        return self.move_instead.carried_ids()
