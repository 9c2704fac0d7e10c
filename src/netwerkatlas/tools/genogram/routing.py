"""Where the genogram's lines run: couple lines, sibling bars and emotional lines.

Kept apart from the painting so that the canvas, the poster and the tests share one geometry.
Sibling bars of different parents in one row get different heights where they would overlap;
an emotional line that would cross another person's symbol bends around it (a curve over or
under the row), choosing the way that crosses the fewest family lines.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from netwerkatlas.model.atlas import Point
from netwerkatlas.render.geometry import segment_meets_rect
from netwerkatlas.tools.genogram.family import Couple, Family
from netwerkatlas.tools.genogram.layout import ROW, SYMBOL

HALF = SYMBOL / 2
CHILD_GAP = HALF + 16  # from a child's centre up to where its line from the bar ends
BAR_STEP = 9.0  # between the heights of sibling bars that would otherwise overlap
BAR_APART = 8.0  # the least horizontal room between two bars at the same height
LONE_PARENT_DROP = HALF + 28.6  # below a lone parent, under the name, where the line starts
CLEARANCE = 5.0  # around a symbol that an emotional line keeps free
SIDE_STEPS = (50.0, 80.0)  # out from a symbol's centre before turning: to the neighbour's half
NAME_HALF = 34.0  # half the width of most names
SAMPLES = 28  # points along a curve

Segment = tuple[Point, Point]


@dataclass
class CoupleRoute:
    couple: Couple
    start: Point  # the couple line, left to right
    end: Point
    risers: list[Segment] = field(default_factory=list)  # up and over someone in between

    @property
    def middle(self) -> Point:
        return ((self.start[0] + self.end[0]) / 2, (self.start[1] + self.end[1]) / 2)


@dataclass
class SiblingBar:
    parent: str  # the parent whose links say how each child belongs
    start: Point  # the middle of the couple line, or under a lone parent
    children: list[str]
    y: float = 0.0
    left: float = 0.0
    right: float = 0.0


def couple_routes(family: Family, positions: dict[str, Point]) -> list[CoupleRoute]:
    """Every couple line: between the symbols, or over the heads of someone in between (a
    little higher for each such couple, so no two lines lie on top of each other)."""
    routes, detours = [], 0
    for couple in family.couples:
        a, b = positions[couple.left], positions[couple.right]
        if a[0] > b[0]:
            a, b = b, a
        route = CoupleRoute(couple, (a[0] + HALF, a[1]), (b[0] - HALF, b[1]))
        if _someone_between(positions, a, b):
            detours += 1
            top = min(a[1], b[1]) - HALF - 18 - 10 * detours
            route.risers = [((a[0], a[1] - HALF), (a[0], top)), ((b[0], b[1] - HALF), (b[0], top))]
            route.start, route.end = (a[0], top), (b[0], top)
        routes.append(route)
    return routes


def _someone_between(positions: dict[str, Point], a: Point, b: Point) -> bool:
    return any(abs(y - a[1]) < 1 and a[0] + 1 < x < b[0] - 1 for x, y in positions.values())


def sibling_bars(
    family: Family, positions: dict[str, Point], routes: list[CoupleRoute]
) -> list[SiblingBar]:
    """A bar for each couple or lone parent with children; bars of one row that would share a
    stretch get different heights, nearest the usual height first."""
    bars = [
        SiblingBar(route.couple.left, route.middle, route.couple.children)
        for route in routes
        if route.couple.children
    ]
    for parent, children in family.single_parent_children.items():
        px, py = positions[parent]
        bars.append(SiblingBar(parent, (px, py + LONE_PARENT_DROP), children))
    rows: dict[float, list[SiblingBar]] = {}
    for bar in bars:
        xs = [positions[c][0] for c in bar.children] + [bar.start[0]]
        bar.left, bar.right = min(xs), max(xs)
        usual = min(positions[c][1] for c in bar.children) - ROW * 0.38
        rows.setdefault(round(usual, 1), []).append(bar)
    for usual, row in rows.items():
        levels: list[float] = []  # per level, where its rightmost bar ends
        for bar in sorted(row, key=lambda b: (b.left, b.right, b.start)):
            level = next(
                (i for i, end in enumerate(levels) if end + BAR_APART < bar.left), len(levels)
            )
            if level == len(levels):
                levels.append(bar.right)
            levels[level] = bar.right
            bar.y = usual + _level_offset(level)
    return bars


def _level_offset(level: int) -> float:
    """0, -1, +1, -2, +2, -3, +3 steps: around the usual height, staying between the rows."""
    level %= 7
    step = (level + 1) // 2
    return BAR_STEP * step * (-1 if level % 2 else 1)


def family_segments(
    routes: list[CoupleRoute], bars: list[SiblingBar], positions: dict[str, Point]
) -> list[Segment]:
    """The straight pieces of every couple and child line, to count what a line crosses."""
    segments: list[Segment] = []
    for route in routes:
        segments.append((route.start, route.end))
        segments.extend(route.risers)
    for bar in bars:
        segments.append((bar.start, (bar.start[0], bar.y)))
        segments.append(((bar.left, bar.y), (bar.right, bar.y)))
        for child in bar.children:
            x, y = positions[child]
            segments.append(((x, bar.y), (x, y - CHILD_GAP)))
    return segments


# --- emotional lines -------------------------------------------------------------------------


def emotional_route(
    a: Point, b: Point, others: Iterable[Point], segments: list[Segment], trim: float
) -> list[Point]:
    """From the person at a to the person at b, leaving `trim` around both: straight when
    nobody is in the way, else the curve that keeps every other person (symbol and name)
    clear and crosses the fewest family lines."""
    others = list(others)
    obstacles = [person_area(p) for p in others] + [name_area(p) for p in others]
    own_names = [name_area(a), name_area(b)]
    rows = sorted({round(p[1], 1) for p in [*others, a, b]})
    best: tuple[tuple[int, int, float], list[Point]] | None = None
    for candidate in itertools.chain(_candidates(a, b), _corridors(a, b, rows)):
        path = trim_path(candidate, a, b, trim)
        if len(path) < 2:
            continue
        near = _extent(path, 2 * HALF + 40)
        hits = sum(1 for area in obstacles if _overlaps(near, area) and _hits(path, area))
        crossings = sum(_crossings(path, s) for s in segments)
        crossings += sum(3 for area in own_names if _hits(path, area))
        score = (hits, crossings, _length(path))
        if best is None or score < best[0]:
            best = (score, path)
        if hits == 0 and crossings == 0:
            break
    return best[1] if best else [a, b]


def person_area(centre: Point) -> tuple[float, float, float, float]:
    """What an emotional line keeps clear of: the symbol with its years above (left, top,
    right, bottom)."""
    x, y = centre
    return (x - HALF - CLEARANCE, y - HALF - CLEARANCE - 8, x + HALF + CLEARANCE, y + HALF + 4)


def name_area(centre: Point) -> tuple[float, float, float, float]:
    """The name under a symbol, and the relation to the client under that."""
    x, y = centre
    return (x - NAME_HALF, y + HALF + 4, x + NAME_HALF, y + HALF + 30)


def _extent(path: list[Point], pad: float) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in path], [p[1] for p in path]
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def _overlaps(r: tuple, q: tuple) -> bool:
    return r[0] <= q[2] and q[0] <= r[2] and r[1] <= q[3] and q[1] <= r[3]


def trim_path(path: list[Point], a: Point, b: Point, radius: float) -> list[Point]:
    """The path without its parts within `radius` of a (at the start) and of b (at the end)."""

    def cut(points: list[Point], centre: Point) -> list[Point]:
        for i in range(1, len(points)):
            p, q = points[i - 1], points[i]
            if math.dist(q, centre) >= radius:
                # where the segment p-q leaves the circle, by bisection (p is inside)
                lo, hi = 0.0, 1.0
                for _ in range(20):
                    mid = (lo + hi) / 2
                    m = (p[0] + (q[0] - p[0]) * mid, p[1] + (q[1] - p[1]) * mid)
                    lo, hi = (mid, hi) if math.dist(m, centre) < radius else (lo, mid)
                m = (p[0] + (q[0] - p[0]) * hi, p[1] + (q[1] - p[1]) * hi)
                return [m, *points[i:]]
        return []

    front = cut(path, a)
    return cut(front[::-1], b)[::-1] if front else []


def _candidates(a: Point, b: Point) -> Iterable[list[Point]]:
    yield [a, b]
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    for bulge in (0.2, 0.35, 0.5, 0.7, 0.95):
        for side in (1, -1):
            d = bulge * length * side
            yield _quadratic(a, (mx + nx * d, my + ny * d), b)
    # Arches over or under the rows: out from each end at a slant, across, and back in.
    top, bottom = min(a[1], b[1]), max(a[1], b[1])
    spread = (b[0] - a[0]) * 0.25 or SYMBOL * 1.5
    for reach in (0.45, 0.75, 1.1, 1.5, 2.0):
        for y in (top - ROW * reach, bottom + ROW * reach):
            yield _cubic(a, (a[0] + spread, y), (b[0] - spread, y), b)


def _corridors(a: Point, b: Point, rows: list[float]) -> Iterable[list[Point]]:
    """Out from a to the free band between two rows, along it, and in to b; the corners
    rounded. Between rows there are only child lines, never a person."""
    bands = [y + ROW / 2 for y in rows] + [rows[0] - ROW / 2]
    bands.sort(key=lambda y: abs(y - (a[1] + b[1]) / 2))
    side = 1 if b[0] >= a[0] else -1
    slant = side * min(SYMBOL, abs(b[0] - a[0]) / 3)
    for y in bands:
        yield _rounded([a, (a[0] + slant, y), (b[0] - slant, y), b])
    # The same, leaving each symbol at its side, clear of the name under it.
    for step, y in itertools.product(SIDE_STEPS, bands):
        for out_a, out_b in itertools.product((side, -side), (-side, side)):
            ax, bx = a[0] + out_a * step, b[0] + out_b * step
            ay = a[1] + math.copysign(HALF, y - a[1])
            by = b[1] + math.copysign(HALF, y - b[1])
            yield _rounded([a, (ax, ay), (ax, y), (bx, y), (bx, by), b])


def _rounded(points: list[Point], rounds: int = 3) -> list[Point]:
    """Corners cut (Chaikin) into a smooth curve through the same ends."""
    for _ in range(rounds):
        smooth = [points[0]]
        for p, q in itertools.pairwise(points):
            smooth.append((0.75 * p[0] + 0.25 * q[0], 0.75 * p[1] + 0.25 * q[1]))
            smooth.append((0.25 * p[0] + 0.75 * q[0], 0.25 * p[1] + 0.75 * q[1]))
        smooth.append(points[-1])
        points = smooth
    return points


def _quadratic(a: Point, c: Point, b: Point) -> list[Point]:
    points = []
    for i in range(SAMPLES + 1):
        s = i / SAMPLES
        u = 1 - s
        points.append(
            (
                u * u * a[0] + 2 * u * s * c[0] + s * s * b[0],
                u * u * a[1] + 2 * u * s * c[1] + s * s * b[1],
            )
        )
    return points


def _cubic(a: Point, c1: Point, c2: Point, b: Point) -> list[Point]:
    points = []
    for i in range(SAMPLES + 1):
        s = i / SAMPLES
        u = 1 - s
        w = (u**3, 3 * u * u * s, 3 * u * s * s, s**3)
        points.append(
            (
                w[0] * a[0] + w[1] * c1[0] + w[2] * c2[0] + w[3] * b[0],
                w[0] * a[1] + w[1] * c1[1] + w[2] * c2[1] + w[3] * b[1],
            )
        )
    return points


def _length(path: list[Point]) -> float:
    return sum(math.hypot(q[0] - p[0], q[1] - p[1]) for p, q in itertools.pairwise(path))


def _hits(path: list[Point], area: tuple[float, float, float, float]) -> bool:
    return any(segment_meets_rect(p, q, area) for p, q in itertools.pairwise(path))


def _crossings(path: list[Point], segment: Segment) -> int:
    """How often the path crosses a family line (all of them are level or upright); running
    along one counts double, as it hides it."""
    (x1, y1), (x2, y2) = segment
    box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    level = abs(y1 - y2) < 0.01
    upright = abs(x1 - x2) < 0.01
    count = 0
    for p, q in itertools.pairwise(path):
        if max(p[0], q[0]) < box[0] - 3 or min(p[0], q[0]) > box[2] + 3:
            continue
        if max(p[1], q[1]) < box[1] - 3 or min(p[1], q[1]) > box[3] + 3:
            continue
        a, b = (1, 0) if level else (0, 1)
        along = min(max(p[a], q[a]), box[a + 2]) - max(min(p[a], q[a]), box[a])
        lying_on = abs(p[b] - box[b]) < 3 and abs(q[b] - box[b]) < 3 and along > 3
        if (level or upright) and lying_on:
            count += 2
        elif _proper_cross(p, q, segment[0], segment[1]):
            count += 1
    return count


def _proper_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = side(r, s, p), side(r, s, q)
    d3, d4 = side(p, q, r), side(p, q, s)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0)
