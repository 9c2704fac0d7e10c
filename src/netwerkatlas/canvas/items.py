"""Graphics items for bollen, the client and links. They draw; they never own data.

An item knows the id of what it shows and a copy of the display values it was last given by the
scene (label, score...). Scene units are points, the same unit the layout and the poster use.
Text is laid out once per change, not in `paint`, so dragging stays cheap.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPolygonItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from netwerkatlas.i18n import t
from netwerkatlas.model.records import Direction, EdgeBase, NodeBase, NodeKind
from netwerkatlas.render.fonts import baseline_offset
from netwerkatlas.render.geometry import ARROW_LENGTH, arrow_head, badge_offset, distance_to_segment
from netwerkatlas.render.goal_marker import (
    GOAL_FILL,
    GOAL_INK,
    MARKER_HEIGHT,
    MARKER_TEXT_SIZE,
    marker_centre,
    marker_text,
    marker_width,
)
from netwerkatlas.render.person_mark import draw_person_mark, person_mark_offset
from netwerkatlas.render.style import (
    INK,
    LINK,
    METRICS,
    MUTED,
    SCORE_FILL,
    SCORE_INK,
    bol_fill,
    score_symbol,
)
from netwerkatlas.tools.netwerkintake.bol_label import (
    PlacedLabel,
    line_boxes,
    obstacles,
    place_label,
)
from netwerkatlas.tools.netwerkintake.perspectives import (
    SECOND_BADGE_SCALE,
    second_badge_offset,
    second_badge_score,
)

# Fonts are made at this many pixels per scene unit and drawn scaled down, so text has the
# same size in points on every screen, whatever its dots per inch.
TEXT_SCALE = 8.0
SMALLEST_READABLE_PX = 4.0  # below this text is a smudge: leave it out and draw faster


def _pixels(size: float) -> int:
    return max(1, round(size * TEXT_SCALE))


@cache
def _font(pixels: int, bold: bool) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


@cache
def _metrics(pixels: int, bold: bool) -> QFontMetricsF:
    """Made once per size: a thousand bollen measured their labels with fresh metrics each."""
    return QFontMetricsF(_font(pixels, bold))


def scene_font(size: float, bold: bool = False) -> QFont:
    return QFont(_font(_pixels(size), bold))  # a copy: the caller may change it


@cache
def measure_with(bold: bool):
    """Qt's measure of a line, in scene units, as `render.text_fit` asks for it. Widths are
    kept: fitting a label measures the same words again for each way of wrapping them."""
    widths: dict[tuple[str, int], float] = {}

    def measure(line: str, at_size: float) -> float:
        key = (line, _pixels(at_size))
        if key not in widths:
            if len(widths) > 50_000:
                widths.clear()
            widths[key] = _metrics(key[1], bold).horizontalAdvance(line) / TEXT_SCALE
        return widths[key]

    return measure


class BolItem(QGraphicsItem):
    """A bol: a circle with the label inside and the score as a badge (colour and symbol)."""

    def __init__(self, node_id: str, record: NodeBase) -> None:
        super().__init__()
        self.node_id = node_id
        self.is_client = record.kind == NodeKind.CLIENT
        self.radius = METRICS.client_radius if self.is_client else METRICS.radius
        self.setZValue(2 if self.is_client else 1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        # Drawn once into a pixmap and reused while other things move: text is the costly part.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._label_size = METRICS.client_label_size if self.is_client else METRICS.label_size
        self._font = scene_font(self._label_size, self.is_client)
        self._badge_font = scene_font(METRICS.badge_size, bold=True)
        self.label_lines: list[str] = []
        self.score: int | None = None
        self.emphasis = False
        self.kind = record.kind
        self.show_score = True
        self.goal_numbers: tuple[int, ...] = ()  # the goals this bol is about (1 = first)
        self.show_goals = True
        self.other_score: int | None = None  # another view's score where it differs
        self.show_other_views = False  # Beeld → Andere visies tonen
        self._marker_font = scene_font(MARKER_TEXT_SIZE, bold=True)
        self.text_scale = 1.0
        self._label_text = ""
        self.placed = PlacedLabel(self._label_size, (), ())
        self.set_record(record)

    def set_record(self, record: NodeBase) -> None:
        """Take the display values of `record` (called by the scene on every model change)."""
        self.prepareGeometryChange()
        self.kind = record.kind
        self.score = record.score
        self.other_score = second_badge_score(record)
        self.emphasis = record.emphasis
        self._label_text = record.shown_label
        # what one can do with it (its name is written on it already)
        self.setToolTip(t("canvas.client_tip" if self.is_client else "canvas.bol_tip"))
        self._layout_label()

    def _layout_label(self) -> None:
        """Fit the label around what the rim shows now (badge, marks), never under them."""
        self.prepareGeometryChange()
        marks = obstacles(
            self.radius,
            badge=self.show_score and not self.is_client,
            second_badge=bool(self.other_badge),
            person=self.kind == NodeKind.PERSON,
            goal=bool(self.goal_marker),
        )
        size = self._label_size * self.text_scale
        self.placed = place_label(
            self._label_text, size, self.radius, measure_with(self.is_client), marks
        )
        self._font = scene_font(self.placed.size, self.is_client)
        self.label_lines = list(self.placed.lines)
        self.update()

    def label_boxes(self) -> list[tuple[float, float, float, float]]:
        """Each label line's ink as (left, top, right, bottom) in item coordinates."""
        return line_boxes(self.placed, measure_with(self.is_client))

    def set_text_scale(self, scale: float) -> None:
        """Larger type (client mode): the label wraps anew, at that size."""
        self.text_scale = scale
        self._layout_label()

    def set_show_score(self, show: bool) -> None:
        if show != self.show_score:  # a new bol is told the scene's choice: mostly no change
            self.show_score = show
            self._layout_label()

    def set_goals(self, numbers: tuple[int, ...], show: bool) -> None:
        """The numbers of the goals this bol is about, drawn as a small tag (or hidden)."""
        if (numbers, show) != (self.goal_numbers, self.show_goals):
            self.goal_numbers, self.show_goals = numbers, show
            self._layout_label()

    def set_show_other_views(self, show: bool) -> None:
        if show != self.show_other_views:
            self.show_other_views = show
            self._layout_label()

    @property
    def other_badge(self) -> str:
        """The second badge's symbol as drawn ("" when the views agree or it is hidden)."""
        shown = self.show_other_views and self.show_score and not self.is_client
        return score_symbol(self.other_score) if shown and self.other_score is not None else ""

    @property
    def goal_marker(self) -> str:
        """The marker's text as drawn ("" when there is none or goals are hidden)."""
        return marker_text(self.goal_numbers) if self.goal_numbers and self.show_goals else ""

    @property
    def label(self) -> str:
        return " ".join(self.label_lines)

    def boundingRect(self) -> QRectF:
        """The circle with its outline; the badges and marks on the rim stay inside it, but
        for another view's badge, which reaches out on the right."""
        r = self.radius + METRICS.emphasis_outline
        right = max(r, self.radius + METRICS.badge_radius * SECOND_BADGE_SCALE + 1.5)
        return QRectF(-r, -r, r + right, 2 * r)

    def shape(self) -> QPainterPath:
        """The circle, and the score badge where one can be tapped."""
        path = QPainterPath()
        # Winding: where the badge overlaps the circle is inside both, not a hole (the default
        # odd-even rule would cut the inner half of the badge out of what a tap can hit).
        path.setFillRule(Qt.FillRule.WindingFill)
        path.addEllipse(QPointF(0, 0), self.radius, self.radius)
        if self.show_score and not self.is_client:
            badge = METRICS.badge_radius * 1.2
            path.addEllipse(self.badge_centre(), badge, badge)
        return path.simplified()

    def handle_centre(self) -> QPointF:
        """The link handle on the lower right of the rim, in item coordinates."""
        angle = math.pi / 4
        return QPointF(self.radius * math.cos(angle), self.radius * math.sin(angle))

    def handle_hit(self, scene_point: QPointF) -> bool:
        """Whether `scene_point` is on the link handle (shown while the bol is selected)."""
        if not self.isSelected():
            return False
        offset = self.mapFromScene(scene_point) - self.handle_centre()
        return math.hypot(offset.x(), offset.y()) <= METRICS.handle_radius * 1.3

    def badge_centre(self) -> QPointF:
        """The score badge on the upper right of the rim, in item coordinates."""
        return QPointF(*badge_offset(self.radius))

    def badge_hit(self, scene_point: QPointF) -> bool:
        """Whether `scene_point` is on the score badge (or its empty place): one tap there
        opens the score picker."""
        if self.is_client or not self.show_score:
            return False
        offset = self.mapFromScene(scene_point) - self.badge_centre()
        return math.hypot(offset.x(), offset.y()) <= METRICS.badge_radius * 1.2

    def _has_badge(self) -> bool:
        return self.show_score and self.score is not None and not self.is_client

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ):
        fill = QColor(bol_fill(self.is_client, self.score, self._has_badge()))
        width = METRICS.emphasis_outline if self.emphasis and self.show_score else METRICS.outline
        pen = QPen(QColor(INK), width)
        if self.kind == NodeKind.EVENT:
            pen.setStyle(Qt.PenStyle.DashLine)
        if self.isSelected():
            pen.setColor(QColor("#1565c0"))
            pen.setWidthF(width + 1.5)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(QPointF(0, 0), self.radius, self.radius)
        if self.is_client:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self.radius - 5, self.radius - 5)
        if self.kind == NodeKind.PERSON:
            from netwerkatlas.canvas.qt_painter import QtPainter  # it builds on this module

            draw_person_mark(QtPainter(painter), *person_mark_offset(self.radius))
        readable = (
            option.levelOfDetailFromTransform(painter.worldTransform())
            * self._label_size
            * self.text_scale
            >= SMALLEST_READABLE_PX
        )
        if readable:
            self._paint_label(painter)
        if self.goal_marker:
            self._paint_goal_marker(painter, with_text=readable)
        if self._has_badge():
            self._paint_badge(painter, with_symbol=readable)
        elif self.show_score and not self.is_client:
            self._paint_empty_badge(painter)
        if self.other_badge:
            centre = QPointF(*second_badge_offset(self.radius))
            r = METRICS.badge_radius * SECOND_BADGE_SCALE
            self._paint_badge(painter, readable, self.other_score, centre, r)
        if self.isSelected():
            self._paint_handle(painter)

    def _paint_handle(self, painter: QPainter) -> None:
        """A small blue disc with two chain links: drag it onto another bol to link the two.
        (A plain bar looked like the "−" of a score badge next to it.)"""
        centre = self.handle_centre()
        r = METRICS.handle_radius
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QBrush(QColor("#1565c0")))
        painter.drawEllipse(centre, r, r)
        painter.save()
        painter.translate(centre)
        painter.rotate(-45)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for dx in (-0.3 * r, 0.3 * r):
            painter.drawRoundedRect(QRectF(dx - 0.32 * r, -0.2 * r, 0.64 * r, 0.4 * r), 3, 3)
        painter.restore()

    def _paint_label(self, painter: QPainter) -> None:
        """Each line where `place_label` put it, on the same baseline as on the poster."""
        painter.save()
        painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
        painter.setFont(self._font)
        painter.setPen(QColor(INK))
        metrics = _metrics(_pixels(self.placed.size), self.is_client)
        below = baseline_offset(self.placed.size)
        for i, line in enumerate(self.placed.lines):
            width = metrics.horizontalAdvance(line)
            x = self.placed.centres[i] * TEXT_SCALE - width / 2
            y = (self.placed.line_y(i) + below) * TEXT_SCALE
            painter.drawText(QPointF(x, y), line)
        painter.restore()

    def _paint_goal_marker(self, painter: QPainter, with_text: bool = True) -> None:
        text = self.goal_marker
        metrics = QFontMetricsF(self._marker_font)
        width = marker_width(metrics.horizontalAdvance(text) / TEXT_SCALE)
        x, y = marker_centre(self.radius)
        box = QRectF(x - width / 2, y - MARKER_HEIGHT / 2, width, MARKER_HEIGHT)
        painter.setPen(QPen(QColor(GOAL_INK), 1.2))
        painter.setBrush(QBrush(QColor(GOAL_FILL)))
        painter.drawRoundedRect(box, 4, 4)
        if not with_text:
            return
        painter.save()
        painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
        painter.setFont(self._marker_font)
        painter.setPen(QColor(GOAL_INK))
        scaled = QRectF(
            box.x() * TEXT_SCALE,
            box.y() * TEXT_SCALE,
            width * TEXT_SCALE,
            MARKER_HEIGHT * TEXT_SCALE,
        )
        painter.drawText(scaled, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def _paint_empty_badge(self, painter: QPainter) -> None:
        """A faint dashed disc where the score goes: a place to tap to give one."""
        pen = QPen(QColor(MUTED), 1.0, Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawEllipse(self.badge_centre(), METRICS.badge_radius, METRICS.badge_radius)

    def _paint_badge(
        self,
        painter: QPainter,
        with_symbol: bool = True,
        score: int | None = None,
        centre: QPointF | None = None,
        r: float = METRICS.badge_radius,
    ) -> None:
        """The score symbol in a small disc on the upper right of the bol (or, smaller beside
        it, another view's score)."""
        score = self.score if score is None else score
        centre = self.badge_centre() if centre is None else centre
        painter.setPen(QPen(QColor(INK), 1.2 * r / METRICS.badge_radius))
        painter.setBrush(QBrush(QColor(SCORE_FILL[score])))
        painter.drawEllipse(centre, r, r)
        if not with_symbol:
            return
        painter.save()
        painter.translate(centre)
        painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
        scale = r / METRICS.badge_radius
        painter.setFont(
            self._badge_font if scale == 1 else scene_font(METRICS.badge_size * scale, bold=True)
        )
        painter.setPen(QColor(SCORE_INK[score]))
        box = QRectF(-r * TEXT_SCALE, -r * TEXT_SCALE, 2 * r * TEXT_SCALE, 2 * r * TEXT_SCALE)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, score_symbol(score))
        painter.restore()


class LinkItem(QGraphicsLineItem):
    """A link between two bollen, drawn from rim to rim, with arrow heads for a direction.

    A plain line item, so Qt draws the line itself: a canvas has thousands of links and a
    Python paint call for each would make every drag step slow."""

    ARROW = ARROW_LENGTH

    def __init__(self, edge_id: str, record: EdgeBase) -> None:
        super().__init__()
        self.edge_id = edge_id
        self.source_id = record.source
        self.target_id = record.target
        self.direction = Direction.NONE
        self.show_note = True
        self.setZValue(0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self._arrows: list[QGraphicsPolygonItem] = []  # made when a direction needs them
        self._style(selected=False)
        self.set_record(record)

    def set_record(self, record: EdgeBase) -> None:
        self.source_id, self.target_id = record.source, record.target
        self.direction = getattr(record, "direction", Direction.NONE)
        tip = record.note if self.show_note else ""
        if tip or self.toolTip():
            self.setToolTip(tip)
        self._place_arrows()

    def set_ends(self, source: QPointF, source_r: float, target: QPointF, target_r: float) -> None:
        """Run the line between the rims of the two circles."""
        line = QLineF(source, target)
        length = line.length()
        if length <= source_r + target_r:
            self.setLine(QLineF())
        else:
            self.setLine(
                QLineF(line.pointAt(source_r / length), line.pointAt(1 - target_r / length))
            )
        self._place_arrows()

    def show_selected(self, selected: bool) -> None:
        """Draw the link thicker and blue while selected (the scene calls this on a change)."""
        self._style(selected)

    def _style(self, selected: bool) -> None:
        colour = QColor("#1565c0" if selected else LINK)
        pen = QPen(colour, METRICS.link_width + (1.5 if selected else 0))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        for arrow in self._arrows:
            arrow.setBrush(QBrush(colour))

    def _place_arrows(self) -> None:
        line = self.line()
        ends = []
        if not line.isNull():
            if self.direction in (Direction.FORWARD, Direction.BOTH):
                ends.append((line.p2(), line.p1()))
            if self.direction in (Direction.BACKWARD, Direction.BOTH):
                ends.append((line.p1(), line.p2()))
        while len(self._arrows) < len(ends):
            arrow = QGraphicsPolygonItem(self)
            arrow.setPen(Qt.PenStyle.NoPen)
            arrow.setBrush(self.pen().color())
            self._arrows.append(arrow)
        for index, arrow in enumerate(self._arrows):
            if index < len(ends):
                arrow.setPolygon(QPolygonF(self._arrow_points(*ends[index])))
                arrow.show()
            else:
                arrow.hide()

    def _arrow_points(self, tip: QPointF, tail: QPointF) -> list[QPointF]:
        return [QPointF(x, y) for x, y in arrow_head(tip.toTuple(), tail.toTuple(), self.ARROW)]

    def distance_to(self, point: QPointF) -> float:
        """How far a scene point is from the line: links are hit within a finger's width."""
        line = self.line()
        if line.isNull():
            return math.inf
        return distance_to_segment(point.toTuple(), line.p1().toTuple(), line.p2().toTuple())
