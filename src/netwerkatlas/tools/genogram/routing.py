"""Where the genogram's lines run: couple lines, sibling bars and emotional lines.

Kept apart from the painting so that the canvas, the poster and the tests share one geometry.
Sibling bars of different parents in one row get different heights where they would overlap;
an emotional line that would cross another person's symbol bends around it (a curve over or
under the row, a corridor between two rows, or, when each of those meets someone, down a free
channel between the people of the rows in between), choosing the way that crosses the fewest
family lines; running along one, where it would hide it, counts as crossing it, the more so
the longer.
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
YEAR_HEIGHT = 13.0  # the height of the years above a symbol, at the base type size
BAR_STEP = 9.0  # between the heights of sibling bars that would otherwise overlap
BAR_APART = 8.0  # the least horizontal room between two bars at the same height
LONE_PARENT_DROP = HALF + 28.6  # below a lone parent, under the name, where the line starts
CLEARANCE = 5.0  # around a symbol that an emotional line keeps free
SIDE_STEPS = (50.0, 80.0)  # out from a symbol's centre before turning: to the neighbour's half
NAME_HALF = 34.0  # half the width of most names
SAMPLES = 28  # points along a curve
ALONG = 6.0  # a line running this close along a family line hides it
ALONG_STEP = 10.0

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


def couple_routes(
    family: Family, positions: dict[str, Point], scale: float = 1.0
) -> list[CoupleRoute]:
    """Every couple line: between the symbols, or over the heads of someone in between (a
    little higher for each such couple, so no two lines lie on top of each other). `scale`
    is the drawing's type scale (`sizing`): the years above the heads grow with it."""
    routes, detours = [], 0
    for couple in family.couples:
        a, b = positions[couple.left], positions[couple.right]
        if a[0] > b[0]:
            a, b = b, a
        route = CoupleRoute(couple, (a[0] + HALF, a[1]), (b[0] - HALF, b[1]))
        if _someone_between(positions, a, b):
            detours += 1
            top = min(a[1], b[1]) - HALF - 18 * scale - 10 * detours
            route.risers = [((a[0], a[1] - HALF), (a[0], top)), ((b[0], b[1] - HALF), (b[0], top))]
            route.start, route.end = (a[0], top), (b[0], top)
        routes.append(route)
    return routes


def _someone_between(positions: dict[str, Point], a: Point, b: Point) -> bool:
    return any(abs(y - a[1]) < 1 and a[0] + 1 < x < b[0] - 1 for x, y in positions.values())


def sibling_bars(
    family: Family, positions: dict[str, Point], routes: list[CoupleRoute], scale: float = 1.0
) -> list[SiblingBar]:
    """A bar for each couple or lone parent with children; bars of one row that would share a
    stretch get different heights, nearest the usual height first. A lone parent's line starts
    under the name, which grows with the type `scale`."""
    bars = [
        SiblingBar(route.couple.left, route.middle, route.couple.children)
        for route in routes
        if route.couple.children
    ]
    for parent, children in family.single_parent_children.items():
        px, py = positions[parent]
        drop = HALF + (LONE_PARENT_DROP - HALF) * scale
        bars.append(SiblingBar(parent, (px, py + drop), children))
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


def child_gap(scale: float = 1.0) -> float:
    """From a child's centre up to where its line from the bar ends: above the birth year,
    which grows with the type `scale`."""
    return CHILD_GAP + (scale - 1) * YEAR_HEIGHT


def family_segments(
    routes: list[CoupleRoute],
    bars: list[SiblingBar],
    positions: dict[str, Point],
    scale: float = 1.0,
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
            segments.append(((x, bar.y), (x, y - child_gap(scale))))
    return segments


# --- emotional lines -------------------------------------------------------------------------


def emotional_route(
    a: Point,
    b: Point,
    others: Iterable[Point],
    segments: list[Segment],
    trim: float,
    scale: float = 1.0,
) -> list[Point]:
    """From the person at a to the person at b, leaving `trim` around both: straight when
    nobody is in the way, else the curve that keeps every other person (symbol and name)
    clear and crosses the fewest family lines. `scale` is the drawing's type scale: names
    are wider and people further apart with it. Curves and corridors are tried first; when
    each of them meets someone, lines down a free channel between the people of the rows in
    between."""
    others = list(others)
    obstacles = [person_area(p) for p in others] + [name_area(p, scale) for p in others]
    own_names = [name_area(a, scale), name_area(b, scale)]
    rows = sorted({round(p[1], 1) for p in [*others, a, b]})
    boxed = [(segment, _box(segment)) for segment in segments]
    best: tuple[tuple[int, int, float], list[Point]] | None = None
    stages = (
        lambda: itertools.chain(_candidates(a, b), _corridors(a, b, rows, scale)),
        lambda: _channels(a, b, others, scale),
    )
    for stage in stages:
        for candidate in stage():
            path = trim_path(candidate, a, b, trim)
            if len(path) < 2:
                continue
            box = _extent(path, ALONG + 1)
            hits = _people_hit(path, box, obstacles, best[0][0] if best else len(obstacles))
            if best is not None and hits > best[0][0]:
                continue  # more people crossed than the best so far: it cannot win
            crossings = sum(_crossings(path, s) for s, around in boxed if _overlaps(box, around))
            crossings += sum(3 for area in own_names if _hits(path, area))
            score = (hits, crossings, _length(path))
            if best is None or score < best[0]:
                best = (score, path)
            if hits == 0 and crossings == 0:
                return path
        if best is not None and best[0][0] == 0:
            break
    return best[1] if best else [a, b]


def _people_hit(path: list[Point], box: tuple, obstacles: list[tuple], limit: int) -> int:
    """How many of the obstacles the path meets, counting no further than one past `limit`."""
    hits = 0
    for area in obstacles:
        if _overlaps(box, area) and _hits(path, area):
            hits += 1
            if hits > limit:
                break
    return hits


def person_area(centre: Point) -> tuple[float, float, float, float]:
    """What an emotional line keeps clear of: the symbol with its years above (left, top,
    right, bottom)."""
    x, y = centre
    return (x - HALF - CLEARANCE, y - HALF - CLEARANCE - 8, x + HALF + CLEARANCE, y + HALF + 4)


def name_area(centre: Point, scale: float = 1.0) -> tuple[float, float, float, float]:
    """The name under a symbol, and the relation to the client under that."""
    x, y = centre
    return (x - NAME_HALF * scale, y + HALF + 4, x + NAME_HALF * scale, y + HALF + 30 * scale)


def _box(segment: Segment) -> tuple[float, float, float, float]:
    (x1, y1), (x2, y2) = segment
    return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


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


def _corridors(a: Point, b: Point, rows: list[float], scale: float = 1.0) -> Iterable[list[Point]]:
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
            ax, bx = a[0] + out_a * step * scale, b[0] + out_b * step * scale
            ay = a[1] + math.copysign(HALF, y - a[1])
            by = b[1] + math.copysign(HALF, y - b[1])
            yield _rounded([a, (ax, ay), (ax, y), (bx, y), (bx, by), b])


CHANNELS = 6  # free channels tried, the nearest first


def _channels(a: Point, b: Point, others: list[Point], scale: float = 1.0) -> Iterable[list[Point]]:
    """Out from a at its side to the band above or below its row, along it to a channel
    where nobody of the rows in between stands, down (or up) it to the band next to b's row,
    and in to b from its side. The channels beyond the outermost people are always free."""
    middle = (a[0] + b[0]) / 2
    for band_a, band_b in itertools.product(
        (a[1] - ROW / 2, a[1] + ROW / 2), (b[1] - ROW / 2, b[1] + ROW / 2)
    ):
        if abs(band_a - band_b) < 1:
            continue  # one band joins them: a corridor, tried already
        top, bottom = sorted((band_a, band_b))
        free = _free_channels(
            [p for p in others if p[1] + HALF + 30 * scale > top and p[1] - HALF - 13 < bottom],
            scale,
        )
        free.sort(key=lambda x: abs(x - a[0]) + abs(x - b[0]) + abs(x - middle) / 2)
        for x, step in itertools.product(free[:CHANNELS], SIDE_STEPS):
            ax = a[0] + math.copysign(step * scale, x - a[0])
            bx = b[0] + math.copysign(step * scale, x - b[0])
            ay = a[1] + math.copysign(HALF, band_a - a[1])
            by = b[1] + math.copysign(HALF, band_b - b[1])
            yield _rounded(
                [a, (ax, ay), (ax, band_a), (x, band_a), (x, band_b), (bx, band_b), (bx, by), b]
            )


def _free_channels(people: list[Point], scale: float) -> list[float]:
    """Where an upright line passes the people given clear of their symbols and names: the
    middle of each gap between them (and its sides, when wide), and beyond both ends."""
    reach = max(NAME_HALF * scale, HALF + CLEARANCE) + 6
    spans = sorted((x - reach, x + reach) for x, _ in people)
    if not spans:
        return []
    merged = [list(spans[0])]
    for left, right in spans[1:]:
        if left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    free = [merged[0][0] - 12, merged[-1][1] + 12]
    for (_, left), (right, _) in itertools.pairwise(merged):
        width = right - left
        free.append(left + width / 2)
        if width > 40:
            free.extend((left + width / 4, right - width / 4))
    return free


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
    left, top, right, bottom = area
    for p, q in itertools.pairwise(path):
        if (p[0] < left and q[0] < left) or (p[0] > right and q[0] > right):
            continue
        if (p[1] < top and q[1] < top) or (p[1] > bottom and q[1] > bottom):
            continue
        if segment_meets_rect(p, q, area):
            return True
    return False


def _crossings(path: list[Point], segment: Segment) -> int:
    """How often the path crosses a family line (all of them are level or upright); running
    along one, close enough to hide it, counts once more for every `ALONG_STEP` of it."""
    (x1, y1), (x2, y2) = segment
    box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    level = abs(y1 - y2) < 0.01
    upright = abs(x1 - x2) < 0.01
    count = 0
    for p, q in itertools.pairwise(path):
        if max(p[0], q[0]) < box[0] - ALONG or min(p[0], q[0]) > box[2] + ALONG:
            continue
        if max(p[1], q[1]) < box[1] - ALONG or min(p[1], q[1]) > box[3] + ALONG:
            continue
        a, b = (0, 1) if level else (1, 0)  # along the line, and across it
        along = min(max(p[a], q[a]), box[a + 2]) - max(min(p[a], q[a]), box[a])
        lying_on = abs(p[b] - box[b]) < ALONG and abs(q[b] - box[b]) < ALONG and along > 1
        if (level or upright) and lying_on:
            count += 1 + round(along / ALONG_STEP)
        elif _proper_cross(p, q, segment[0], segment[1]):
            count += 1
    return count


def _proper_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = side(r, s, p), side(r, s, q)
    d3, d4 = side(p, q, r), side(p, q, s)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0)
