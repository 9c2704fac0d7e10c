"""What changed between two sessions, drawn over the views: one marks item per scene.

The marks read in black and white as well as in colour: a score that went up has a ▲ and the
old and new score in words, one that went down a ▼; a new bol says "nieuw", a removed one is a
faded, struck-through ghost at its old place; a new link is dashed, a lost one faded with a ×;
in the netwerkcirkel and ecogram a person who moved has a dotted trail from the old place.
The marks take no clicks: the views below stay as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.render.style import METRICS, score_symbol

UP = "#1b7f3b"
DOWN = "#b3261e"
NEW = "#1565c0"
GONE = "#8a8f98"
TRAIL = "#6a3d9a"
TAG_FONT = 9.5
MARKS_Z = 50


def signed(score) -> str:
    """A score as its badge shows it: ++, +, =, −, −− (no score: a dash)."""
    return score_symbol(score) or "–"


def moved_text(item) -> str:
    """ "Jesse: vrienden → intimi": the ring alone when the sector stayed, else ring and sector;
    in the ecogram the leefgebied."""
    from netwerkatlas.tools.circle import VIEW as CIRCLE
    from netwerkatlas.tools.circle.drawing import ring_label
    from netwerkatlas.tools.ecogram.domains import domain_label

    old, new = item.old_place, item.new_place
    if item.view == CIRCLE:
        if old[1:] == new[1:]:
            old_text, new_text = ring_label(old[0]), ring_label(new[0])
        else:
            old_text, new_text = (" / ".join(ring_label(part) for part in p) for p in (old, new))
    else:
        old_text, new_text = domain_label(old[0]), domain_label(new[0])
    return t("compare.moved", label=item.label, old=old_text, new=new_text)


def change_items(changes) -> list:
    """Every typed item of a `Changes`."""
    return list(changes.items)


def kind_of(item) -> str:
    return type(item).__name__


@dataclass
class Mark:
    """One thing to draw: `what` says which, the points are in scene coordinates."""

    what: str  # score_up, score_down, new, gone, link_added, link_removed, moved, counts
    at: QPointF
    radius: float = 0.0
    to: QPointF | None = None
    text: str = ""
    lines: list[str] = field(default_factory=list)
    node_id: str = ""


class MarksItem(QGraphicsItem):
    """Paints a list of marks above everything in the scene; never takes a click."""

    def __init__(self, marks: list[Mark]) -> None:
        super().__init__()
        self.marks = marks
        self.setZValue(MARKS_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.font = QFont()
        self.font.setPointSizeF(TAG_FONT)
        self.font.setBold(True)
        self._bounds = self._measure()

    def _measure(self) -> QRectF:
        rect = QRectF()
        for mark in self.marks:
            r = mark.radius + 80
            rect = rect.united(QRectF(mark.at.x() - r - 120, mark.at.y() - r, 2 * r + 240, 2 * r))
            if mark.to is not None:
                rect = rect.united(QRectF(mark.to, mark.to).adjusted(-r, -r, r, r))
            if mark.lines:
                rect = rect.united(QRectF(mark.at.x(), mark.at.y(), 420, 30 * len(mark.lines)))
        return rect

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font)
        for mark in self.marks:
            getattr(self, f"_paint_{mark.what}")(painter, mark)

    # --- one method per kind of mark -------------------------------------------------------

    def _tag(self, painter: QPainter, centre: QPointF, text: str, colour: str, filled=True):
        """A rounded label: white text on the colour, so it stands out in colour and in grey."""
        metrics = QFontMetricsF(self.font)
        width, height = metrics.horizontalAdvance(text) + 14, metrics.height() + 6
        rect = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
        painter.setPen(QPen(QColor(colour), 1.5))
        painter.setBrush(QBrush(QColor(colour) if filled else QColor("#ffffff")))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("#ffffff") if filled else QColor(colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_score_up(self, painter: QPainter, mark: Mark) -> None:
        self._score(painter, mark, UP, Qt.PenStyle.SolidLine)

    def _paint_score_down(self, painter: QPainter, mark: Mark) -> None:
        self._score(painter, mark, DOWN, Qt.PenStyle.DashLine)

    def _score(self, painter: QPainter, mark: Mark, colour: str, style) -> None:
        """A ring round the bol (solid when better, dashed when worse) and "▲ −1 → +2"."""
        painter.setPen(QPen(QColor(colour), 3.0, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(mark.at, mark.radius + 6, mark.radius + 6)
        self._tag(painter, QPointF(mark.at.x(), mark.at.y() - mark.radius - 20), mark.text, colour)

    def _paint_new(self, painter: QPainter, mark: Mark) -> None:
        painter.setPen(QPen(QColor(NEW), 3.0, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(mark.at, mark.radius + 6, mark.radius + 6)
        self._tag(painter, QPointF(mark.at.x(), mark.at.y() + mark.radius + 20), mark.text, NEW)

    def _paint_gone(self, painter: QPainter, mark: Mark) -> None:
        """A ghost of the bol at its old place, struck through, with its name and "weg"."""
        r = mark.radius
        grey = QColor(GONE)
        painter.setPen(QPen(grey, 2.0, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(QColor(255, 255, 255, 170)))
        painter.drawEllipse(mark.at, r, r)
        painter.setPen(grey)
        painter.drawText(
            QRectF(mark.at.x() - r, mark.at.y() - r, 2 * r, 2 * r),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            mark.lines[0] if mark.lines else "",
        )
        painter.setPen(QPen(grey, 3.0))
        d = r * math.sqrt(0.5)
        painter.drawLine(
            QPointF(mark.at.x() - d, mark.at.y() + d), QPointF(mark.at.x() + d, mark.at.y() - d)
        )
        self._tag(
            painter, QPointF(mark.at.x(), mark.at.y() + r + 20), mark.text, GONE, filled=False
        )

    def _paint_link_added(self, painter: QPainter, mark: Mark) -> None:
        painter.setPen(QPen(QColor(NEW), 3.0, Qt.PenStyle.DashLine))
        painter.drawLine(mark.at, mark.to)
        self._tag(painter, (mark.at + mark.to) / 2, mark.text, NEW)

    def _paint_link_removed(self, painter: QPainter, mark: Mark) -> None:
        painter.setPen(QPen(QColor(GONE), 2.5, Qt.PenStyle.DotLine))
        painter.drawLine(mark.at, mark.to)
        self._tag(painter, (mark.at + mark.to) / 2, mark.text, GONE, filled=False)

    def _paint_moved(self, painter: QPainter, mark: Mark) -> None:
        """A dotted trail from the old place (a hollow circle) to the new, with an arrow head."""
        colour = QColor(TRAIL)
        painter.setPen(QPen(colour, 2.5, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(mark.at, 9, 9)
        painter.drawLine(mark.at, mark.to)
        angle = math.atan2(mark.to.y() - mark.at.y(), mark.to.x() - mark.at.x())
        head = QPainterPath(mark.to)
        for side in (-0.45, 0.45):
            head.lineTo(
                mark.to.x() - 16 * math.cos(angle + side), mark.to.y() - 16 * math.sin(angle + side)
            )
        head.closeSubpath()
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(QBrush(colour))
        painter.drawPath(head)
        self._tag(painter, QPointF(mark.at.x(), mark.at.y() - 24), mark.text, TRAIL)

    def _paint_counts(self, painter: QPainter, mark: Mark) -> None:
        """A small table in a corner: per ring, how many then → now."""
        metrics = QFontMetricsF(self.font)
        line = metrics.height() + 4
        width = max(metrics.horizontalAdvance(text) for text in [mark.text, *mark.lines]) + 24
        rect = QRectF(mark.at.x(), mark.at.y(), width, line * (len(mark.lines) + 1) + 12)
        painter.setPen(QPen(QColor(TRAIL), 1.5))
        painter.setBrush(QBrush(QColor(255, 255, 255, 235)))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("#1f2933"))
        for row, text in enumerate([mark.text, *mark.lines]):
            painter.drawText(QPointF(rect.x() + 12, rect.y() + 6 + line * (row + 0.8)), text)


# --- turning the changes into marks, per kind of view ------------------------------------------


def netwerkintake_marks(changes, scene, before: Atlas) -> list[Mark]:
    """Marks on the netwerkintake scene (an `AtlasScene` showing the later atlas)."""
    from netwerkatlas.model import EDGES, EdgeKind
    from netwerkatlas.tools.netwerkintake.layout import shown_positions

    old_places = shown_positions(before, scene.view_name)
    marks: list[Mark] = []

    def bol(node_id: str):
        return scene.bol_items.get(node_id)

    def point(node_id: str, ids_now: bool) -> QPointF | None:
        item = bol(node_id) if ids_now else None
        if item is not None:
            return item.pos()
        place = old_places.get(node_id)
        return QPointF(*place) if place else None

    for item in change_items(changes):
        kind = kind_of(item)
        if kind == "ScoreChanged" and not getattr(item, "perspective", ""):
            shown = bol(item.node_id)
            if shown is None:
                continue
            better = (item.new or 0) > (item.old or 0)
            arrow = "▲" if better else "▼"
            text = t("compare.score", arrow=arrow, old=signed(item.old), new=signed(item.new))
            what = "score_up" if better else "score_down"
            marks.append(Mark(what, shown.pos(), shown.radius, text=text, node_id=item.node_id))
        elif kind == "NodeAdded" and bol(item.node_id) is not None:
            shown = bol(item.node_id)
            marks.append(
                Mark("new", shown.pos(), shown.radius, text=t("compare.new"), node_id=item.node_id)
            )
        elif kind == "NodeRemoved" and item.node_id in old_places:
            marks.append(
                Mark(
                    "gone",
                    QPointF(*old_places[item.node_id]),
                    METRICS.radius,
                    text=t("compare.gone"),
                    lines=[item.label],
                    node_id=item.node_id,
                )
            )
        elif kind in ("LinkAdded", "LinkRemoved") and item.kind == EdgeKind.INFLUENCE:
            added = kind == "LinkAdded"
            atlas = scene.atlas if added else before
            if not item.edge_id or not atlas.has(EDGES, item.edge_id):
                continue
            edge = atlas.edge(item.edge_id)
            points = [point(end, added) for end in (edge.source, edge.target)]
            if None in points:
                continue
            marks.append(
                Mark(
                    "link_added" if added else "link_removed",
                    points[0],
                    to=points[1],
                    text=t("compare.link_added") if added else "×",
                )
            )
    return marks


def placed_marks(changes, scene, before: Atlas) -> list[Mark]:
    """Marks on a drawn view (netwerkcirkel, ecogram): trails for people who moved, new and
    lost contacts, and the counts per ring then → now."""
    old_places = scene.make_drawing(before).positions
    new_places = scene.drawing.positions
    marks: list[Mark] = []
    for item in change_items(changes):
        kind = kind_of(item)
        if kind == "Moved" and item.view == scene.view_name:
            old, new = old_places.get(item.node_id), new_places.get(item.node_id)
            if old is None or new is None or item.old_place is None or item.new_place is None:
                continue
            text = moved_text(item)
            marks.append(
                Mark("moved", QPointF(*old), to=QPointF(*new), text=text, node_id=item.node_id)
            )
        elif kind == "NodeAdded" and item.node_id in new_places:
            marks.append(
                Mark(
                    "new",
                    QPointF(*new_places[item.node_id]),
                    18,
                    text=t("compare.new"),
                    node_id=item.node_id,
                )
            )
        elif kind == "NodeRemoved" and item.node_id in old_places:
            marks.append(
                Mark(
                    "gone",
                    QPointF(*old_places[item.node_id]),
                    18,
                    text=t("compare.gone"),
                    lines=[""],
                    node_id=item.node_id,
                )
            )
        elif kind == "RingCounts" and item.view == scene.view_name:
            lines = count_lines(item)
            x, y, _w, _h = scene.drawing.bounds()
            marks.append(Mark("counts", QPointF(x, y), text=t("compare.counts_title"), lines=lines))
    return marks


def genogram_marks(changes, scene, before: Atlas) -> list[Mark]:
    """Marks on the genogram: who was born, who died, who became partners or separated since."""
    places = scene.drawing.positions
    marks: list[Mark] = []
    for item in change_items(changes):
        if kind_of(item) != "FamilyEvent":
            continue
        text = t(f"compare.family.{item.kind}")
        for node_id in item.node_ids:
            if node_id in places:
                marks.append(Mark("new", QPointF(*places[node_id]), 26, text=text, node_id=node_id))
    return marks


def timeline_marks(changes, scene, before: Atlas) -> list[Mark]:
    """Marks on the gebeurteniskaart: the events that are new since the earlier session."""
    places = scene.drawing.positions
    radius = scene.drawing.sizes.badge_r  # round the score disc, which grows with the type
    return [
        Mark("new", QPointF(*point), radius, text=t("compare.new"), node_id=event_id)
        for event_id, point in places.items()
        if not before.has("nodes", event_id)
    ]


def count_lines(item) -> list[str]:
    """ "vrienden: 3 → 4", one line per ring (or leefgebied) there was or is anyone in."""
    from netwerkatlas.tools.circle import VIEW as CIRCLE
    from netwerkatlas.tools.circle.drawing import ring_label
    from netwerkatlas.tools.ecogram.domains import domain_label

    name = ring_label if item.view == CIRCLE else domain_label
    return [
        t(
            "compare.count_line",
            ring=name(ring),
            old=item.before.get(ring, 0),
            new=item.after.get(ring, 0),
        )
        for ring in dict.fromkeys([*item.before, *item.after])
    ]


class CompareOverlays:
    """The marks items of the views that draw a comparison; the others get the side list."""

    def __init__(self, views) -> None:
        self.views = views
        self.items: dict[str, MarksItem] = {}

    def clear(self) -> None:
        for name, item in self.items.items():
            scene = self.views.tab(name).scene
            if shiboken6.isValid(item) and item.scene() is scene:  # a rebuilt scene deleted it
                scene.removeItem(item)
        self.items.clear()

    def show(self, changes, before: Atlas, after: Atlas) -> None:
        self.clear()
        makers = {
            "genogram": genogram_marks,
            "netwerkintake": netwerkintake_marks,
            "netwerkcirkel": placed_marks,
            "ecogram": placed_marks,
            "gebeurteniskaart": timeline_marks,
        }
        for name, make in makers.items():
            if name not in self.views.tabs:
                continue
            scene = self.views.tab(name).scene
            item = self.items[name] = MarksItem(make(changes, scene, before))
            scene.addItem(item)

    def marks(self, name: str) -> list[Mark]:
        item = self.items.get(name)
        return item.marks if item is not None else []
