"""Where the rings, sectors and people of the circle go, in points, with the client at 0, 0.

A name is set inside its own cell wherever the cell has room, in one line or wrapped at a word
break into two, clear of the other names, the ring names and the counts. Only a name that finds
no room goes outside the rings (see `outside`). Names are never set smaller than the circle's
type size: that size is chosen so that the whole circle, fitted into a laptop's view, still shows
every text at the readable minimum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netwerkatlas.render.fonts import text_width
from netwerkatlas.render.geometry import boxes_meet
from netwerkatlas.render.readable import readable_size
from netwerkatlas.tools.circle.variants import Cell, Variant

CENTRE_RADIUS = 55.0
RING_WIDTH = 95.0
GAP = 10.0  # between two names side by side
HALF_HEIGHT = 0.62  # half a line's box, in type sizes: from the cap height to the descender
ROW = 1.3  # from one line of a name to the next, and between rows of names, in type sizes
MARGIN = 3.0  # a name's box keeps this clear of the ring edges and the sector lines

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Geometry:
    variant: Variant
    client: bool = False  # type sized for client mode's larger minimum
    widths: tuple[float, ...] = ()  # each ring's width, inside out; all RING_WIDTH when empty

    @property
    def ring_widths(self) -> tuple[float, ...]:
        return self.widths or (RING_WIDTH,) * len(self.variant.rings)

    @property
    def outer(self) -> float:
        return CENTRE_RADIUS + sum(self.ring_widths)

    @property
    def type_size(self) -> float:
        """The least size of the texts in the circle: readable when the rings fill a laptop's
        view, in client mode at its larger minimum (the drawing takes more when names fan out
        beyond the rings)."""
        return math.ceil(readable_size((2 * self.outer, 2 * self.outer), client=self.client))

    def ring_band(self, ring: int) -> tuple[float, float]:
        widths = self.ring_widths
        inner = CENTRE_RADIUS + sum(widths[:ring])
        return inner, inner + widths[ring]

    def sector_span(self, sector: int) -> tuple[float, float]:
        """Start and end angle (radians, clockwise from the top)."""
        step = 2 * math.pi / len(self.variant.sectors)
        return sector * step, (sector + 1) * step

    def cell_at(self, point: tuple[float, float]) -> Cell | None:
        """The ring and sector under a point, or None outside the rings (or in the centre)."""
        x, y = point
        r = math.hypot(x, y)
        if r < CENTRE_RADIUS or r > self.outer:
            return None
        rings = len(self.variant.rings)
        ring = next((i for i in range(rings) if r < self.ring_band(i)[1]), rings - 1)
        angle = math.atan2(x, -y) % (2 * math.pi)
        step = 2 * math.pi / len(self.variant.sectors)
        sector = min(int(angle // step), len(self.variant.sectors) - 1)
        return self.variant.rings[ring], self.variant.sectors[sector]


def point_at(radius: float, angle: float) -> tuple[float, float]:
    return radius * math.sin(angle), -radius * math.cos(angle)


@dataclass(frozen=True)
class Placed:
    x: float  # the centre of the name's block of lines
    y: float
    size: float  # the name's type size
    anchor: tuple[float, float] | None = None  # the dot in its cell, for a name set outside
    lines: tuple[str, ...] = ()  # the name as set: one line, or two when wrapped

    @property
    def box_half_height(self) -> float:
        return half_height(len(self.lines) or 1, self.size)


def half_height(lines: int, size: float) -> float:
    return size * HALF_HEIGHT + (lines - 1) * size * ROW / 2


def line_offsets(lines: int, size: float) -> list[float]:
    """Each line's centre below the block's centre."""
    return [(i - (lines - 1) / 2) * size * ROW for i in range(lines)]


def settings(name: str, size: float) -> list[tuple[tuple[str, ...], float]]:
    """The ways to set a name, each with its width: one line first, then two at a word break
    (the most even break first)."""
    words = name.split()
    ways = [((name,), text_width(name, size, True))]
    splits = []
    for i in range(1, len(words)):
        lines = (" ".join(words[:i]), " ".join(words[i:]))
        splits.append((lines, max(text_width(line, size, True) for line in lines)))
    return ways + sorted(splits, key=lambda way: way[1])


def place_cell(
    geometry: Geometry,
    ring: int,
    sector: int,
    names: list[tuple[str, str]],
    taken: list[Box] | None = None,
    size: float | None = None,
) -> tuple[dict[str, Placed], list[tuple[str, str]]]:
    """Put `names` ((person id, name), in order) inside one cell, each in the free place
    nearest the cell's middle: the name's whole box inside the cell and clear of the other
    names and of `taken` (ring names and counts, extended with the names placed here). Boxes
    inside disjoint cells cannot meet, so no two names in the circle overlap. Returns the names
    placed and those that found no room."""
    size = size or geometry.type_size
    boxes: list[Box] = [] if taken is None else taken
    if not names:
        return {}, []
    inner, outer = geometry.ring_band(ring)
    start, end = geometry.sector_span(sector)
    middle = point_at((inner + outer) / 2, (start + end) / 2)
    candidates = _candidates(geometry, ring, sector, size)
    candidates.sort(key=lambda p: (math.dist(p, middle), p))
    placed: dict[str, Placed] = {}
    rest: list[tuple[str, str]] = []
    failed: dict[int, float] = {}  # per number of lines, the narrowest width that found no room
    # The longest names first: they fit in fewest places (by the ends of a ring's arc, where
    # its band runs level), the short ones then fill the middle.
    longest = sorted(names, key=lambda n: -text_width(n[1], size, True))
    for person, name in longest:
        for lines, width in settings(name, size):
            if width >= failed.get(len(lines), math.inf):
                continue
            spot = _free_spot(geometry, ring, sector, candidates, boxes, width, len(lines), size)
            if spot is not None:
                x, y, box = spot
                boxes.append(box)
                placed[person] = Placed(x, y, size, None, lines)
                break
            failed[len(lines)] = width
        else:
            rest.append((person, name))
    rest.sort(key=names.index)
    return placed, rest


def free_dot(
    geometry: Geometry,
    ring: int,
    sector: int,
    boxes: list[Box],
    near: tuple[float, float],
    size: float,
) -> tuple[float, float]:
    """The place for a leader's dot in its cell nearest `near`, clear of the names there (and
    of `boxes`, to which it is added)."""
    inner, outer = geometry.ring_band(ring)
    start, end = geometry.sector_span(sector)
    candidates = sorted(_candidates(geometry, ring, sector, size), key=lambda p: math.dist(p, near))
    reach = size / 3
    for x, y in candidates:
        box = (x - reach, y - reach, x + reach, y + reach)
        if _inside(box, inner, outer, start, end) and not any(boxes_meet(box, b) for b in boxes):
            boxes.append(box)
            return x, y
    return near


def _free_spot(geometry, ring, sector, candidates, boxes, width, lines, size):
    half_w, half_h = width / 2 + GAP / 2, half_height(lines, size)
    inner, outer = geometry.ring_band(ring)
    start, end = geometry.sector_span(sector)
    for x, y in candidates:
        box = (x - half_w, y - half_h, x + half_w, y + half_h)
        if _inside(box, inner, outer, start, end) and not any(boxes_meet(box, b) for b in boxes):
            return x, y, box
    return None


def _candidates(geometry: Geometry, ring: int, sector: int, size: float):
    """A grid of centres over the cell, a third of the type size apart."""
    inner, outer = geometry.ring_band(ring)
    start, end = geometry.sector_span(sector)
    rim = [point_at(r, start + (end - start) * i / 32) for r in (inner, outer) for i in range(33)]
    left, top = min(p[0] for p in rim), min(p[1] for p in rim)
    right, bottom = max(p[0] for p in rim), max(p[1] for p in rim)
    step = size / 3
    found = []
    for i in range(int((bottom - top) / step) + 1):
        y = top + i * step
        for j in range(int((right - left) / step) + 1):
            x = left + j * step
            r = math.hypot(x, y)
            angle = math.atan2(x, -y) % (2 * math.pi)
            if inner < r < outer and start <= angle < end:
                found.append((x, y))
    return found


def _inside(box: Box, inner: float, outer: float, start: float, end: float) -> bool:
    """The whole box within the ring band and the sector, with a margin."""
    x1, y1, x2, y2 = box
    near = (min(max(0.0, x1), x2), min(max(0.0, y1), y2))
    if math.hypot(*near) < inner + MARGIN:
        return False
    corners = ((x1, y1), (x2, y1), (x1, y2), (x2, y2))
    if any(math.hypot(*c) > outer - MARGIN for c in corners):
        return False
    for edge in (start, end):  # every corner on the cell's side of both sector lines
        dx, dy = math.sin(edge), -math.cos(edge)
        sign = 1 if edge == start else -1
        for cx, cy in corners:
            if sign * (dx * cy - dy * cx) < MARGIN:  # clockwise of start, before end
                return False
    return True
