"""Names that find no room in their cell, set outside the rings as a cartographer labels a map
from its margin: each name has a dot in its cell and a leader to it; on each side of the circle
the names keep the order of their dots from top to bottom, stacked without overlap and clear
of the sector names, so that no two leaders cross. A name of several words takes two lines
there: the drawing grows less wide, and its type less large."""

from __future__ import annotations

import math

from netwerkatlas.tools.circle.layout import (
    GAP,
    RING_WIDTH,
    ROW,
    Box,
    Geometry,
    Placed,
    half_height,
    meet,
    point_at,
    settings,
)


def ring_widths(variant, demands: list[float], size: float) -> list[tuple[float, ...]]:
    """Ring widths to try, the equal ones first: then halfway to and wholly in proportion to
    each ring's demand, the total unchanged."""
    count = len(variant.rings)
    total = RING_WIDTH * count
    need = [size * ROW + 1.5 * d for d in demands]  # a row for the ring's name, and its names
    scale = total / sum(need)
    shaped = [min(max(n * scale, RING_WIDTH * 0.6), RING_WIDTH * 1.7) for n in need]
    shaped = [w * total / sum(shaped) for w in shaped]
    equal = (RING_WIDTH,) * count
    half = tuple((a + b) / 2 for a, b in zip(equal, shaped, strict=True))
    tries = [equal, half, tuple(shaped)]
    return [tuple(round(w, 3) for w in widths) for widths in tries]


Item = tuple[str, str, tuple[float, float]]  # person, name, the dot in its cell


def anchors(geometry: Geometry, ring: int, sector: int, count: int) -> list[tuple[float, float]]:
    """Dots for the names that left one cell, spread over its middle arc in clockwise order."""
    inner, outer = geometry.ring_band(ring)
    start, end = geometry.sector_span(sector)
    return [
        point_at((inner + outer) / 2, start + (end - start) * (i + 0.5) / count)
        for i in range(count)
    ]


def place_outside(
    geometry: Geometry, items: list[Item], avoid: list[Box], size: float
) -> dict[str, Placed]:
    """Each side's names in the order of their dots (by height), each as near the point beyond
    the rings in its dot's direction as the names above it and the sector names allow. Names
    stay within the rings' height, where a laptop's wide view has room to spare; when a side
    is full, the next names start a further column there, from the top."""
    radius = geometry.outer + size * 0.6
    placed: dict[str, Placed] = {}
    for right in (True, False):
        side = [item for item in items if (item[2][0] >= 0) == right]
        side.sort(key=lambda item: (_ideal(item[2], radius)[1], item[0]))
        boxes = list(avoid)
        floor, offset, widest = -math.inf, 0.0, 0.0
        for person, name, dot in side:
            lines, width = min(settings(name, size), key=lambda way: way[1])  # narrowest
            half_h = half_height(len(lines), size)
            low = half_h - geometry.outer
            high = max(low, geometry.outer - half_h)
            y = max(min(max(_ideal(dot, radius)[1], low), high), floor + half_h)
            while True:
                if y > high and floor > low:  # this column is full
                    offset, widest, floor = offset + widest + GAP, 0.0, low - half_h
                    y = low
                box = _box_at(y, half_h, width, radius, right, offset)
                hit = [b for b in boxes if meet(box, b)]
                if not hit:
                    break
                y = max(b[3] for b in hit) + half_h + 0.5
            boxes.append(box)
            floor, widest = box[3] + size * 0.35, max(widest, box[2] - box[0])
            placed[person] = Placed((box[0] + box[2]) / 2, y, size, dot, lines)
    return placed


def _ideal(dot: tuple[float, float], radius: float) -> tuple[float, float]:
    angle = math.atan2(dot[0], -dot[1])
    return point_at(radius, angle)


def _box_at(
    y: float, half_h: float, width: float, radius: float, right: bool, offset: float
) -> Box:
    """The box of a name at height `y` on one side, as close to the circle as it may stand
    (`offset` further out, in a further column)."""
    top, bottom = y - half_h, y + half_h
    nearest = 0.0 if top <= 0 <= bottom else min(abs(top), abs(bottom))
    inner = math.sqrt(radius**2 - nearest**2) if nearest < radius else 0.0
    inner = max(inner, GAP / 2) + offset
    if right:
        return (inner, top, inner + width + GAP, bottom)
    return (-inner - width - GAP, top, -inner, bottom)
