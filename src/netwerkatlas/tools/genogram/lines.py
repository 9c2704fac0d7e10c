"""The lines of a genogram: couples, children, emotional relations; on any `Painter`."""

from __future__ import annotations

import itertools
import math

from netwerkatlas.model.records import EmotionalKind, ParentChildKind, PartnerStatus
from netwerkatlas.render.geometry import arrow_head
from netwerkatlas.render.painter import Painter, Point
from netwerkatlas.render.style import INK, MUTED

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
    together; one slash for separated, two for divorced; the years above the middle, and
    what does not fit there (the end) below it."""
    dash = (6, 4) if status == PartnerStatus.COHABITING else None
    painter.line(*a, *b, colour=INK, width=WIDTH, dash=dash)
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    slashes = {PartnerStatus.SEPARATED: 1, PartnerStatus.DIVORCED: 2}.get(status, 0)
    for i in range(slashes):
        sx = mx + (i - (slashes - 1) / 2) * 6
        painter.line(sx - 4, my + 7, sx + 4, my - 7, colour=INK, width=WIDTH)
    if label:
        painter.text(mx, my - 9, label, size=size, colour=INK, align="centre")
    if below:
        painter.text(mx, my + 9 + size, below, size=size, colour=INK, align="centre")


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
    """close double, fused triple, distant dotted, conflict zigzag, cut-off broken by two bars,
    abuse a zigzag with an arrow."""
    colour = EMOTION_COLOUR.get(kind, MUTED)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    if kind in (EmotionalKind.CLOSE, EmotionalKind.FUSED):
        offsets = (-2.5, 2.5) if kind == EmotionalKind.CLOSE else (-4, 0, 4)
        for o in offsets:
            painter.line(
                a[0] + nx * o, a[1] + ny * o, b[0] + nx * o, b[1] + ny * o, colour=colour, width=1.2
            )
    elif kind in (EmotionalKind.CONFLICT, EmotionalKind.ABUSE):
        points = _zigzag(a, b, 5.0, 7.0)
        for p, q in itertools.pairwise(points):
            painter.line(*p, *q, colour=colour, width=1.3)
        if kind == EmotionalKind.ABUSE:
            painter.polygon(arrow_head(b, points[-2], 10), fill=colour)
    elif kind == EmotionalKind.CUT_OFF:
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        ux, uy = dx / length, dy / length
        gap = 5.0
        painter.line(*a, mx - ux * gap, my - uy * gap, colour=colour, width=1.3)
        painter.line(mx + ux * gap, my + uy * gap, *b, colour=colour, width=1.3)
        for side in (-1, 1):
            cx, cy = mx + ux * gap * side, my + uy * gap * side
            painter.line(
                cx - nx * 7, cy - ny * 7, cx + nx * 7, cy + ny * 7, colour=colour, width=1.6
            )
    elif kind == EmotionalKind.DISTANT:
        painter.line(*a, *b, colour=colour, width=1.3, dash=(1.5, 4))
    else:
        painter.line(*a, *b, colour=colour, width=1.0, dash=(5, 3))


def _zigzag(a: Point, b: Point, amplitude: float, step: float) -> list[Point]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy, nx, ny = dx / length, dy / length, -dy / length, dx / length
    count = max(2, int(length // step))
    points = [a]
    for i in range(1, count):
        side = amplitude if i % 2 else -amplitude
        t = i * length / count
        points.append((a[0] + ux * t + nx * side, a[1] + uy * t + ny * side))
    points.append(b)
    return points


def trim(a: Point, b: Point, ra: float, rb: float) -> tuple[Point, Point]:
    """The segment a→b shortened by ra at a and rb at b (to leave the symbols clear)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    return (a[0] + ux * ra, a[1] + uy * ra), (b[0] - ux * rb, b[1] - uy * rb)
