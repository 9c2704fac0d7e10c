"""A view drawn by its paper drawing (genogram, ecogram, circle), with one handle per person.

The whole view is one item painted by the view's drawing (the poster's own code), so screen and
paper agree. Above it lies an invisible, selectable handle for each person: those are what the
user taps, selects and drags. When the model changes the drawing is made again, once for a
whole edit (an edit may change several things) and only when it is looked at: a view on a tab
behind another one waits until it is shown, so a large atlas stays quick to edit elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from netwerkatlas.canvas.qt_painter import QtPainter
from netwerkatlas.model import Atlas, AtlasEvent, PositionsChanged
from netwerkatlas.model.atlas import Point
from netwerkatlas.model.events import Following
from netwerkatlas.render.style import PAPER
from netwerkatlas.tools.genogram import VIEW as GENOGRAM
from netwerkatlas.tools.genogram.drawing import GenogramDrawing
from netwerkatlas.tools.genogram.layout import SYMBOL

HANDLE = SYMBOL + 16  # a finger-sized target around each symbol
SELECTED = "#1565c0"


class DrawingItem(QGraphicsItem):
    """Paints the drawing; it is not selectable: the person handles are."""

    def __init__(self, drawing) -> None:
        super().__init__()
        self.drawing = drawing
        self.setZValue(0)

    def set_drawing(self, drawing) -> None:
        self.prepareGeometryChange()
        self.drawing = drawing
        self.update()

    def boundingRect(self) -> QRectF:
        x, y, w, h = self.drawing.bounds()
        return QRectF(x, y, w, h).adjusted(-40, -40, 40, 40)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.drawing.draw(QtPainter(painter))


class PersonHandle(QGraphicsRectItem):
    """The place of one person: selectable, shows a blue frame when selected."""

    def __init__(self, person_id: str) -> None:
        super().__init__(-HANDLE / 2, -HANDLE / 2, HANDLE, HANDLE)
        self.person_id = person_id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setZValue(1)

    def fit(self, size: tuple[float, float]) -> None:
        width, height = size
        if (self.rect().width(), self.rect().height()) != (width, height):
            self.setRect(-width / 2, -height / 2, width, height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.isSelected():
            painter.setPen(QPen(QColor(SELECTED), 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(QColor(21, 101, 192, 28)))
            painter.drawRoundedRect(self.rect(), 6, 6)


class DrawingScene(QGraphicsScene):
    """`make_drawing(atlas)` gives the view's drawing: it has `positions` (person id -> point),
    `at(positions)` for a drag in progress, `bounds()` and `draw(painter)`.

    `drawing`, `item` and `handles` are always up to date when read: a change not yet drawn is
    drawn first."""

    def __init__(self, atlas: Atlas, view_name: str, make_drawing, parent=None) -> None:
        super().__init__(parent)
        self.view_name = view_name
        self.make_drawing = make_drawing
        self.setBackgroundBrush(QBrush(QColor(PAPER)))
        self.atlas: Atlas | None = None
        self._drawing = None
        self._item: DrawingItem | None = None
        self._handles: dict[str, PersonHandle] = {}
        self._stale = False
        self._soon = QTimer(self)  # one redraw after the edit, not one per change within it
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.refresh)
        self._following = Following(self._on_event)
        self.set_atlas(atlas)

    @property
    def drawing(self):
        self.refresh()
        return self._drawing

    @property
    def item(self) -> DrawingItem:
        self.refresh()
        return self._item

    @property
    def handles(self) -> dict[str, PersonHandle]:
        self.refresh()
        return self._handles

    def refresh(self) -> None:
        """Draw again if the model changed since the last drawing."""
        if self._stale:
            self.rebuild()

    def set_atlas(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self._following.follow(atlas.events)
        self.rebuild()

    def detach(self) -> None:
        self._following.stop()

    def _on_event(self, event: AtlasEvent) -> None:
        if isinstance(event, PositionsChanged) and event.view != self.view_name:
            return  # another view's layout: nothing here moves
        self._stale = True
        if any(view.isVisible() for view in self.views()):
            self._soon.start()

    def rebuild(self) -> None:
        """Draw the view again; keeps the selection where the people remain."""
        self._stale = False
        self._soon.stop()
        handles = self._handles
        selected = {p for p, h in handles.items() if h.isSelected()}
        drawing = self._drawing = self.make_drawing(self.atlas)
        if self._item is None:
            self._item = DrawingItem(drawing)
            self.addItem(self._item)
        else:
            self._item.set_drawing(drawing)
        for person_id in list(handles):
            if person_id not in drawing.positions:
                self.removeItem(handles.pop(person_id))
        for person_id, point in drawing.positions.items():
            handle = handles.get(person_id)
            if handle is None:
                handle = handles[person_id] = PersonHandle(person_id)
                self.addItem(handle)
            handle.setPos(QPointF(*point))
            handle.fit(self._handle_size(person_id))
            handle.setSelected(person_id in selected)
        self.setSceneRect(self._item.boundingRect().adjusted(-300, -300, 300, 300))

    def _handle_size(self, person_id: str) -> tuple[float, float]:
        """The drawing's own size for what a person's handle covers (a whole card), or a
        finger-sized square around the symbol."""
        sized = getattr(self._drawing, "handle_size", None)
        return sized(person_id) if sized else (HANDLE, HANDLE)

    def move_live(self, positions: dict[str, Point]) -> None:
        """Show people elsewhere during a drag; the model changes on release."""
        self.item.set_drawing(self.drawing.at(positions))
        for person_id, point in positions.items():
            self._handles[person_id].setPos(QPointF(*point))

    def cancel_move(self) -> None:
        self.rebuild()

    def person_at(self, point: QPointF) -> str | None:
        self.refresh()
        for item in self.items(point):
            if isinstance(item, PersonHandle):
                return item.person_id
        return None

    def selected_ids(self) -> list[str]:
        self.refresh()
        return [i.person_id for i in self.selectedItems() if isinstance(i, PersonHandle)]

    def select_only(self, person_ids: list[str]) -> None:
        self.clearSelection()
        for person_id in person_ids:
            if person_id in self.handles:
                self.handles[person_id].setSelected(True)


class GenogramScene(DrawingScene):
    def __init__(self, atlas: Atlas, parent=None) -> None:
        super().__init__(atlas, GENOGRAM, GenogramDrawing, parent)
