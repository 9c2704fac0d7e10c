"""The lines of a genogram: couples, children, emotional relations; on any `Painter`."""

from __future__ import annotations

import itertools
import math

from netwerkatlas.model.records import EmotionalKind, ParentChildKind, PartnerStatus
from netwerkatlas.render.fonts import ASCENT, text_width
from netwerkatlas.render.geometry import arrow_head
from netwerkatlas.render.painter import Painter, Point
from netwerkatlas.render.style import INK, MUTED, PAPER

WIDTH = 1.5
DASHES = {
    ParentChildKind.BIOLOGICAL: None,
    ParentChildKind.ADOPTED: (6, 4),
    ParentChildKind.FOSTER: (1.5, 3),
}
EMOTION_COLOUR = {
    EmotionalKind.CLOSE: "#2e7d32",
    EmotionalKind.FUSED: "#2e7d32",
    EmotionalKind.DISTANT: MUTED,
    EmotionalKind.CONFLICT: "#c0392b",
    EmotionalKind.CUT_OFF: INK,
    EmotionalKind.ABUSE: "#c0392b",
    EmotionalKind.OTHER: MUTED,
}


def couple_line(
    painter: Painter,
    a: Point,
    b: Point,
    status: PartnerStatus | str,
    label: str,
    size: float,
    below: str = "",
) -> None:
    """From partner a to partner b (left to right): solid when married, dashed when living
    together; one slash for separated, two for divorced; the years just above the middle
    (below the partners' birth and death years), and what does not fit there (the end) below
    it, on a patch of paper: the line down to the children (drawn first) passes behind it."""
    dash = (6, 4) if status == PartnerStatus.COHABITING else None
    painter.line(*a, *b, colour=INK, width=WIDTH, dash=dash)
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    slashes = {PartnerStatus.SEPARATED: 1, PartnerStatus.DIVORCED: 2}.get(status, 0)
    for i in range(slashes):
        sx = mx + (i - (slashes - 1) / 2) * 6
        painter.line(sx - 3.5, my + 5.5, sx + 3.5, my - 5.5, colour=INK, width=WIDTH)
    if label:
        painter.text(mx, my - 7, label, size=size, colour=INK, align="centre")
    if below:
        baseline, width = my + 9 + size * 0.8, text_width(below, size)
        top = baseline - size * ASCENT
        painter.rect(mx - width / 2 - 2, top, width + 4, size * (ASCENT + 0.3), fill=PAPER)
        painter.text(mx, baseline, below, size=size, colour=INK, align="centre")


def children_lines(
    painter: Painter,
    start: Point,
    bar_y: float,
    children: list[tuple[Point, ParentChildKind | str, str, bool]],
    top_gap: float,
) -> None:
    """From the couple (or a lone parent) at `start` down to a sibling bar at `bar_y`, and
    from the bar to each child. `children` holds (centre, kind, twin group, identical)."""
    if not children:
        return
    xs = [c[0][0] for c in children] + [start[0]]
    painter.line(*start, start[0], bar_y, colour=INK, width=WIDTH)
    painter.line(min(xs), bar_y, max(xs), bar_y, colour=INK, width=WIDTH)
    twins: dict[str, list[tuple[Point, ParentChildKind | str, bool]]] = {}
    for centre, kind, twin, identical in children:
        if twin:
            twins.setdefault(twin, []).append((centre, kind, identical))
            continue
        painter.line(
            centre[0],
            bar_y,
            centre[0],
            centre[1] - top_gap,
            colour=INK,
            width=WIDTH,
            dash=DASHES.get(kind),
        )
    for group in twins.values():
        apex_x = sum(c[0][0] for c in group) / len(group)
        ends = []
        for centre, kind, _ in group:
            end = (centre[0], centre[1] - top_gap)
            ends.append(end)
            painter.line(apex_x, bar_y, *end, colour=INK, width=WIDTH, dash=DASHES.get(kind))
        if len(ends) >= 2 and all(identical for *_, identical in group):
            t = 0.45
            left = (apex_x + (ends[0][0] - apex_x) * t, bar_y + (ends[0][1] - bar_y) * t)
            right = (apex_x + (ends[-1][0] - apex_x) * t, bar_y + (ends[-1][1] - bar_y) * t)
            painter.line(*left, *right, colour=INK, width=WIDTH)


def emotional_line(painter: Painter, a: Point, b: Point, kind: EmotionalKind | str) -> None:
    """A straight emotional line from a to b (see `emotional_path`)."""
    emotional_path(painter, [a, b], kind)


def emotional_path(painter: Painter, points: list[Point], kind: EmotionalKind | str) -> None:
    """Along `points` (straight, or a curve around other people): close double, fused triple,
    distant dotted, conflict zigzag, cut-off broken by two bars, abuse a zigzag with an arrow."""
    colour = EMOTION_COLOUR.get(kind, MUTED)
    if kind in (EmotionalKind.CLOSE, EmotionalKind.FUSED):
        offsets = (-2.5, 2.5) if kind == EmotionalKind.CLOSE else (-4, 0, 4)
        for o in offsets:
            _polyline(painter, _offset(points, o), colour=colour, width=1.2)
    elif kind in (EmotionalKind.CONFLICT, EmotionalKind.ABUSE):
        zigzag = _zigzag(points, 5.0, 7.0)
        _polyline(painter, zigzag, colour=colour, width=1.3)
        if kind == EmotionalKind.ABUSE:
            painter.polygon(arrow_head(zigzag[-1], zigzag[-2], 10), fill=colour)
    elif kind == EmotionalKind.CUT_OFF:
        walk = _Walk(points)
        middle, gap = walk.length / 2, 5.0
        _polyline(painter, walk.part(0, middle - gap), colour=colour, width=1.3)
        _polyline(painter, walk.part(middle + gap, walk.length), colour=colour, width=1.3)
        for side in (-1, 1):
            (cx, cy), (ux, uy) = walk.at(middle + gap * side)
            nx, ny = -uy, ux
            painter.line(
                cx - nx * 7, cy - ny * 7, cx + nx * 7, cy + ny * 7, colour=colour, width=1.6
            )
    elif kind == EmotionalKind.DISTANT:
        _polyline(painter, points, colour=colour, width=1.3, dash=(1.5, 4))
    else:
        _polyline(painter, points, colour=colour, width=1.0, dash=(5, 3))


def _polyline(painter: Painter, points: list[Point], **style) -> None:
    for p, q in itertools.pairwise(points):
        painter.line(*p, *q, **style)


class _Walk:
    """Positions along a polyline by distance from its start."""

    def __init__(self, points: list[Point]) -> None:
        self.points = points
        self.ends = list(
            itertools.accumulate(math.dist(p, q) for p, q in itertools.pairwise(points))
        )
        self.length = self.ends[-1] if self.ends else 0.0

    def at(self, s: float) -> tuple[Point, Point]:
        """The point at distance s and the direction of the line there."""
        s = min(max(s, 0.0), self.length)
        begin = 0.0
        for i, end in enumerate(self.ends):
            if s <= end or i == len(self.ends) - 1:
                p, q = self.points[i], self.points[i + 1]
                piece = (end - begin) or 1.0
                ux, uy = (q[0] - p[0]) / piece, (q[1] - p[1]) / piece
                return (p[0] + ux * (s - begin), p[1] + uy * (s - begin)), (ux, uy)
            begin = end
        return self.points[0], (1.0, 0.0)

    def part(self, start: float, stop: float) -> list[Point]:
        if stop <= start:
            return []
        inner = [self.points[i + 1] for i, end in enumerate(self.ends[:-1]) if start < end < stop]
        return [self.at(start)[0], *inner, self.at(stop)[0]]


def _offset(points: list[Point], distance: float) -> list[Point]:
    """The polyline moved sideways by `distance` (left of the direction of travel < 0)."""
    normals = []
    for p, q in itertools.pairwise(points):
        length = math.dist(p, q) or 1.0
        normals.append((-(q[1] - p[1]) / length, (q[0] - p[0]) / length))
    moved = []
    for i, (x, y) in enumerate(points):
        around = normals[max(0, i - 1) : i + 1]
        nx = sum(n[0] for n in around) / len(around)
        ny = sum(n[1] for n in around) / len(around)
        moved.append((x + nx * distance, y + ny * distance))
    return moved


def _zigzag(points: list[Point], amplitude: float, step: float) -> list[Point]:
    walk = _Walk(points)
    count = max(2, int(walk.length // step))
    result = [points[0]]
    for i in range(1, count):
        side = amplitude if i % 2 else -amplitude
        (x, y), (ux, uy) = walk.at(i * walk.length / count)
        result.append((x - uy * side, y + ux * side))
    result.append(points[-1])
    return result
