"""Names that find no room in their cell, set outside the rings as a cartographer labels a map
from its margin: each name has a dot in its cell and a leader to it; on each side of the circle
the names keep the order of their dots from top to bottom, stacked without overlap and clear
of the sector names, so that no two leaders cross. A name of several words takes two lines
there: the drawing grows less wide, and its type less large."""

from __future__ import annotations

import itertools
import math

from netwerkatlas.render.geometry import boxes_meet
from netwerkatlas.tools.circle.layout import (
    GAP,
    RING_WIDTH,
    ROW,
    Box,
    Geometry,
    Placed,
    half_height,
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


SWAP_LIMIT = 24  # names on one side

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
    the rings in its dot's direction as the names above and below it and the sector names
    allow. Names stay within the rings' height, where a laptop's wide view has room to spare;
    only when a side is full do the next names start a further column there."""
    radius = geometry.outer + size * 0.6
    pad = size * 0.35  # between two names in a column
    obstacles = [(x1 - GAP, y1 - pad, x2 + GAP, y2 + pad) for x1, y1, x2, y2 in avoid]
    placed: dict[str, Placed] = {}
    for right in (True, False):
        side = [item for item in items if (item[2][0] >= 0) == right]
        side.sort(key=lambda item: (_ideal(item[2], radius)[1], item[0]))
        names = []
        for person, name, dot in side:
            lines, width = min(settings(name, size), key=lambda way: way[1])  # narrowest
            names.append((person, dot, lines, width, half_height(len(lines), size)))
        column = _stacked(geometry, names, obstacles, radius, right, pad)
        # Where two leaders cross, their names trade places (not for a side so full that this
        # would take long: there leaders to a further column may cross).
        for _ in range(len(names) ** 2 if len(names) <= SWAP_LIMIT else 0):
            pair = _crossing(names, column)
            if pair is None:
                break
            i, j = pair
            names[i], names[j] = names[j], names[i]
            column = _stacked(geometry, names, obstacles, radius, right, pad)
        for (person, dot, lines, _w, _h), box in zip(names, column, strict=True):
            y = (box[1] + box[3]) / 2
            placed[person] = Placed((box[0] + box[2]) / 2, y, size, dot, lines)
    return placed


def _stacked(geometry, names, obstacles, radius, right, pad) -> list[Box]:
    column = _column(geometry, names, obstacles, radius, right, pad, 0.0, settle=True)
    return (
        column if column is not None else _columns(geometry, names, obstacles, radius, right, pad)
    )


def _crossing(names, boxes) -> tuple[int, int] | None:
    """The first two names whose leaders (dot to the name's middle) cross."""
    ends = [
        (n[1], ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)) for n, b in zip(names, boxes, strict=True)
    ]
    for i, j in itertools.combinations(range(len(ends)), 2):
        if _cross(ends[i], ends[j]):
            return i, j
    return None


def _cross(a, b) -> bool:
    def turn(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    (p1, p2), (p3, p4) = a, b
    return turn(p1, p2, p3) * turn(p1, p2, p4) < 0 and turn(p3, p4, p1) * turn(p3, p4, p2) < 0


def _column(geometry, names, obstacles, radius, right, pad, offset, settle):
    """One column of names, top down, each at its ideal height or below the one above; when
    the last would pass the rings' bottom, the column is pushed up from there (`settle`).
    None when the names do not fit in the rings' height."""
    outer = geometry.outer
    boxes, floor = [], -math.inf
    for _person, dot, _lines, width, half_h in names:
        ideal = min(max(_ideal(dot, radius)[1], half_h - outer), outer - half_h)
        box = _free(max(ideal, floor + half_h), half_h, width, radius, right, offset, obstacles, 1)
        boxes.append(box)
        floor = box[3] + pad
    if not boxes or boxes[-1][3] <= outer:
        return boxes
    if not settle:
        return None
    ceiling = outer + pad
    for i in reversed(range(len(boxes))):
        _person, _dot, _lines, width, half_h = names[i]
        y = min((boxes[i][1] + boxes[i][3]) / 2, ceiling - pad - half_h)
        boxes[i] = _free(y, half_h, width, radius, right, offset, obstacles, -1)
        ceiling = boxes[i][1]
    return boxes if boxes[0][1] >= -outer else None


def _columns(geometry, names, obstacles, radius, right, pad):
    """Names that fill more than the rings' height: as many as fit per column, further out."""
    boxes: list[Box] = []
    offset, start = 0.0, 0
    while start < len(names):
        count = len(names) - start
        while (
            count > 1
            and _column(
                geometry, names[start : start + count], obstacles, radius, right, pad, offset, False
            )
            is None
        ):
            count -= 1
        column = _column(
            geometry, names[start : start + count], obstacles, radius, right, pad, offset, False
        ) or _column(geometry, names[start : start + count], [], radius, right, pad, offset, False)
        boxes += column
        offset = max(max(b[2], -b[0]) for b in column) + GAP  # beyond this column's widest
        start += count
    return boxes


def _free(y, half_h, width, radius, right, offset, obstacles, direction) -> Box:
    """The box at height `y`, or moved down (`direction` 1) or up (-1) past the sector names."""
    while True:
        box = _box_at(y, half_h, width, radius, right, offset)
        hit = [b for b in obstacles if boxes_meet(box, b)]
        if not hit:
            return box
        if direction > 0:
            y = max(b[3] for b in hit) + half_h + 0.5
        else:
            y = min(b[1] for b in hit) - half_h - 0.5


def _ideal(dot: tuple[float, float], radius: float) -> tuple[float, float]:
    angle = math.atan2(dot[0], -dot[1])
    return point_at(radius, angle)


def _box_at(
    y: float, half_h: float, width: float, radius: float, right: bool, offset: float
) -> Box:
    """The box of a name at height `y` on one side, as close to the circle as it may stand
    (in a further column, from `offset` out)."""
    top, bottom = y - half_h, y + half_h
    nearest = 0.0 if top <= 0 <= bottom else min(abs(top), abs(bottom))
    inner = math.sqrt(radius**2 - nearest**2) if nearest < radius else 0.0
    inner = max(inner, GAP / 2, offset)
    if right:
        return (inner, top, inner + width + GAP, bottom)
    return (-inner - width - GAP, top, -inner, bottom)
