"""The netwerkintake drawing on paper: bollen, links and score badges, as on the canvas.

Sizes, colours, label fitting and positions come from the same places the canvas uses, so the
poster shows the drawing the client and professional made together.
"""

from __future__ import annotations

from dataclasses import dataclass

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, EdgeKind
from netwerkatlas.model.records import Direction, NodeBase, NodeKind
from netwerkatlas.render.drawing import LegendEntry, Rect
from netwerkatlas.render.fonts import baseline_offset, text_width
from netwerkatlas.render.geometry import arrow_head, badge_offset, rim_to_rim
from netwerkatlas.render.goal_marker import (
    GOAL_FILL,
    GOAL_INK,
    MARKER_HEIGHT,
    MARKER_TEXT_SIZE,
    marker_centre,
    marker_text,
    marker_width,
)
from netwerkatlas.render.painter import Painter, Point
from netwerkatlas.render.person_mark import draw_person_mark, person_mark_offset
from netwerkatlas.render.score_disc import draw_score_disc
from netwerkatlas.render.style import (
    INK,
    LINK,
    METRICS,
    bol_fill,
    score_symbol,
)
from netwerkatlas.tools.netwerkintake import VIEW
from netwerkatlas.tools.netwerkintake.bol_label import PlacedLabel, obstacles, place_label
from netwerkatlas.tools.netwerkintake.layout import shown_positions
from netwerkatlas.tools.netwerkintake.perspectives import (
    SECOND_BADGE_SCALE,
    second_badge_offset,
    second_badge_score,
)
from netwerkatlas.tools.plan.markers import goal_markers, marked_goals

SCORE_ORDER = (2, 1, 0, -1, -2)


@dataclass(frozen=True)
class _Bol:
    record: NodeBase
    x: float
    y: float
    radius: float
    label: PlacedLabel

    @property
    def is_client(self) -> bool:
        return self.record.kind == NodeKind.CLIENT

    @property
    def lines(self) -> tuple[str, ...]:
        return self.label.lines

    @property
    def label_size(self) -> float:
        return self.label.size


def _bol(record: NodeBase, point: Point, badge: bool, second: bool, goal: bool) -> _Bol:
    """A bol with its label placed clear of what its rim shows (as on the canvas)."""
    is_client = record.kind == NodeKind.CLIENT
    radius = METRICS.client_radius if is_client else METRICS.radius
    size = METRICS.client_label_size if is_client else METRICS.label_size
    marks = obstacles(
        radius,
        badge=badge and not is_client,
        second_badge=second,
        person=record.kind == NodeKind.PERSON,
        goal=goal,
    )
    label = place_label(
        record.shown_label, size, radius, lambda text, at: text_width(text, at, is_client), marks
    )
    return _Bol(record, point[0], point[1], radius, label)


class NetwerkintakeDrawing:
    """The netwerkintake view of an atlas, ready to be drawn on any `Painter`."""

    view_title = "netwerkintake"

    def __init__(
        self,
        atlas: Atlas,
        show_scores: bool = True,
        show_goals: bool = True,
        show_other_views: bool = False,
    ) -> None:
        self.show_scores = show_scores
        self.show_other_views = show_other_views and show_scores
        self.show_goals = show_goals
        self.markers = goal_markers(atlas) if show_goals else {}
        self.marked_goals = marked_goals(atlas) if show_goals else []
        self.view_title = t("view.netwerkintake")
        positions = shown_positions(atlas, VIEW)
        # where another view's score differs from the client's: the second badge's score
        self.other_views: dict[str, int] = {}
        if self.show_other_views:
            for node in atlas.nodes():
                other = None if node.kind == NodeKind.CLIENT else second_badge_score(node)
                if other is not None:
                    self.other_views[node.id] = other
        bollen = [
            _bol(
                node,
                positions[node.id],
                # the badge's place shows on the canvas even without a score
                badge=show_scores,
                second=node.id in self.other_views,
                goal=node.id in self.markers,
            )
            for node in atlas.nodes()
        ]
        # The client last, so it lies on top, as on the canvas.
        self.bollen = sorted(bollen, key=lambda bol: bol.is_client)
        by_id = {bol.record.id: bol for bol in self.bollen}
        self.links = [
            (by_id[edge.source], by_id[edge.target], edge.direction)
            for edge in atlas.edges(EdgeKind.INFLUENCE)
            if edge.source in by_id and edge.target in by_id
        ]

    # --- extent and text --------------------------------------------------------------------

    def bounds(self) -> Rect:
        # the outline, and another view's badge on the right of the rim
        reach = METRICS.emphasis_outline + METRICS.badge_radius * SECOND_BADGE_SCALE
        if not self.bollen:
            return (-100.0, -100.0, 200.0, 200.0)
        left = min(b.x - b.radius for b in self.bollen) - reach
        top = min(b.y - b.radius for b in self.bollen) - reach
        right = max(b.x + b.radius for b in self.bollen) + reach
        bottom = max(b.y + b.radius for b in self.bollen) + reach
        return (left, top, right - left, bottom - top)

    def texts(self) -> list[str]:
        texts = [line for bol in self.bollen for line in bol.lines]
        if self.show_scores:
            texts += [score_symbol(b.record.score) for b in self._scored()]
        texts += [marker_text(self.markers[b.record.id]) for b in self._marked()]
        texts += [score_symbol(score) for score in self.other_views.values()]
        return texts

    def _marked(self) -> list[_Bol]:
        return [b for b in self.bollen if b.record.id in self.markers]

    def _scored(self) -> list[_Bol]:
        return [b for b in self.bollen if b.record.score is not None and not b.is_client]

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        for source, target, direction in self.links:
            _draw_link(painter, source, target, direction)
        for bol in self.bollen:
            self._draw_bol(painter, bol)

    def _draw_bol(self, painter: Painter, bol: _Bol) -> None:
        record = bol.record
        shows_score = self.show_scores and record.score is not None and not bol.is_client
        emphasised = record.emphasis and self.show_scores
        painter.circle(
            bol.x,
            bol.y,
            bol.radius,
            fill=bol_fill(bol.is_client, record.score, shows_score),
            stroke=INK,
            width=METRICS.emphasis_outline if emphasised else METRICS.outline,
            dash=(4, 3) if record.kind == NodeKind.EVENT else None,
        )
        if bol.is_client:
            painter.circle(bol.x, bol.y, bol.radius - 5, stroke=INK, width=METRICS.outline)
        if record.kind == NodeKind.PERSON:
            dx, dy = person_mark_offset(bol.radius)
            draw_person_mark(painter, bol.x + dx, bol.y + dy)
        _draw_label(painter, bol.x, bol.y, bol.label, bol.is_client)
        if record.id in self.markers:
            dx, dy = marker_centre(bol.radius)
            draw_goal_marker(painter, bol.x + dx, bol.y + dy, marker_text(self.markers[record.id]))
        if shows_score:
            dx, dy = badge_offset(bol.radius)
            draw_badge(painter, bol.x + dx, bol.y + dy, METRICS.badge_radius, record.score)
        if record.id in self.other_views:
            dx, dy = second_badge_offset(bol.radius)
            r = METRICS.badge_radius * SECOND_BADGE_SCALE
            draw_badge(painter, bol.x + dx, bol.y + dy, r, self.other_views[record.id])

    # --- legend -----------------------------------------------------------------------------

    def legend(self) -> list[LegendEntry]:
        entries: list[LegendEntry] = []
        if self.show_scores:
            for score in SCORE_ORDER:
                entries.append(
                    LegendEntry(
                        f"{score_symbol(score)} {t(f'score.{score}')}",
                        lambda p, x, y, s, score=score: draw_badge(p, x, y, s * 0.45, score),
                        t("legend.scores"),
                    )
                )
        symbols = t("legend.symbols")
        entries.append(LegendEntry(t("legend.client"), _client_symbol, symbols))
        kinds = {b.record.kind for b in self.bollen}
        if NodeKind.PERSON in kinds:
            entries.append(LegendEntry(t("legend.person"), _person_symbol, symbols))
        if NodeKind.EVENT in kinds:
            entries.append(LegendEntry(t("legend.event"), _event_symbol, symbols))
        if self.show_scores and any(b.record.emphasis for b in self.bollen):
            entries.append(LegendEntry(t("legend.emphasis"), _emphasis_symbol, symbols))
        if self.other_views:
            entries.append(LegendEntry(t("legend.perspective"), _other_view_symbol, symbols))
        if self._marked():
            for number, text in self.marked_goals:
                entries.append(
                    LegendEntry(
                        t("legend.goal_line", number=number, text=text or t("plan.goal.untitled")),
                        _goal_symbol(str(number)),
                        t("legend.goals"),
                    )
                )
        directions = {direction for _, _, direction in self.links}
        if self.links:
            entries.append(LegendEntry(t("legend.link"), _link_symbol(Direction.NONE), symbols))
        if directions & {Direction.FORWARD, Direction.BACKWARD}:
            entries.append(
                LegendEntry(t("legend.link_directed"), _link_symbol(Direction.FORWARD), symbols)
            )
        if Direction.BOTH in directions:
            entries.append(
                LegendEntry(t("legend.link_both"), _link_symbol(Direction.BOTH), symbols)
            )
        return entries


def _draw_label(painter: Painter, x: float, y: float, label: PlacedLabel, bold: bool) -> None:
    """A bol's label around (x, y), each line where `place_label` put it."""
    size = label.size
    for i, line in enumerate(label.lines):
        painter.text(
            x + label.centres[i],
            y + label.line_y(i) + baseline_offset(size),
            line,
            size=size,
            colour=INK,
            bold=bold,
            align="centre",
        )


def _draw_link(painter: Painter, source: _Bol, target: _Bol, direction: Direction) -> None:
    ends = rim_to_rim((source.x, source.y), source.radius, (target.x, target.y), target.radius)
    if ends is None:
        return
    start, end = ends
    painter.line(*start, *end, colour=LINK, width=METRICS.link_width)
    if direction in (Direction.FORWARD, Direction.BOTH):
        painter.polygon(arrow_head(end, start), fill=LINK)
    if direction in (Direction.BACKWARD, Direction.BOTH):
        painter.polygon(arrow_head(start, end), fill=LINK)


def draw_badge(painter: Painter, x: float, y: float, r: float, score: int | None) -> None:
    """The score as a small disc with its symbol, as on the canvas."""
    size = METRICS.badge_size * r / METRICS.badge_radius
    draw_score_disc(painter, x, y, r, score, symbol_size=size, line_width=1.2 * r / 15)


def draw_goal_marker(painter: Painter, x: float, y: float, text: str, scale: float = 1.0) -> None:
    """The goal tag centred on (x, y): the goal numbers white on dark, as on the canvas."""
    size = MARKER_TEXT_SIZE * scale
    width = marker_width(text_width(text, MARKER_TEXT_SIZE, True)) * scale
    height = MARKER_HEIGHT * scale
    painter.rect(
        x - width / 2, y - height / 2, width, height, fill=GOAL_FILL, stroke=GOAL_INK, width=1.2
    )
    painter.text(
        x, y + baseline_offset(size), text, size=size, colour=GOAL_INK, bold=True, align="centre"
    )


def _goal_symbol(text: str):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        draw_goal_marker(painter, x, y, text, scale=size / (MARKER_HEIGHT * 1.4))

    return draw


def _client_symbol(painter: Painter, x: float, y: float, size: float) -> None:
    r = size * 0.45
    painter.circle(x, y, r, fill=bol_fill(True, None, False), stroke=INK, width=1.0)
    painter.circle(x, y, r * 0.75, stroke=INK, width=1.0)


def _other_view_symbol(painter: Painter, x: float, y: float, size: float) -> None:
    """A score badge with a smaller one beside it, as on a bol where the views differ."""
    r = size * 0.32
    draw_badge(painter, x - r * 0.55, y, r, 1)
    draw_badge(painter, x + r * 1.05, y, r * SECOND_BADGE_SCALE, -1)


def _person_symbol(painter: Painter, x: float, y: float, size: float) -> None:
    draw_person_mark(painter, x, y, size * 0.4)


def _event_symbol(painter: Painter, x: float, y: float, size: float) -> None:
    painter.circle(x, y, size * 0.45, fill="#ffffff", stroke=INK, width=1.0, dash=(3, 2))


def _emphasis_symbol(painter: Painter, x: float, y: float, size: float) -> None:
    painter.circle(x, y, size * 0.42, fill="#ffffff", stroke=INK, width=size * 0.09)


def _link_symbol(direction: Direction):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        start, end = (x - size * 0.5, y), (x + size * 0.5, y)
        painter.line(*start, *end, colour=LINK, width=max(1.0, size * 0.06))
        head = size * 0.3
        if direction in (Direction.FORWARD, Direction.BOTH):
            painter.polygon(arrow_head(end, start, head), fill=LINK)
        if direction == Direction.BOTH:
            painter.polygon(arrow_head(start, end, head), fill=LINK)

    return draw
