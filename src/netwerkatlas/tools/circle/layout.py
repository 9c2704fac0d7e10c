"""Where the rings, sectors and people of the circle go, in points, with the client at 0, 0.

In a crowded cell names never overlap: they are spread along arcs inside the cell, in as many
rows as the ring allows, and fan out beyond the rings when even that is not enough. Names are
never set smaller than the circle's type size: that size is chosen so that the whole circle,
fitted into a laptop's view, still shows every text at the readable minimum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netwerkatlas.render.fonts import text_width
from netwerkatlas.render.readable import readable_size
from netwerkatlas.tools.circle.variants import Cell, Variant

CENTRE_RADIUS = 55.0
RING_WIDTH = 95.0
GAP = 10.0  # between two names on an arc
HALF_HEIGHT = 0.62  # half a name's box, in type sizes: from the cap height to the descender
ROW = 1.3  # from one row of names to the next, in type sizes


@dataclass(frozen=True)
class Geometry:
    variant: Variant
    client: bool = False  # type sized for client mode's larger minimum

    @property
    def outer(self) -> float:
        return CENTRE_RADIUS + RING_WIDTH * len(self.variant.rings)

    @property
    def type_size(self) -> float:
        """The least size of the texts in the circle: readable when the rings fill a laptop's
        view, in client mode at its larger minimum (the drawing takes more when names fan out
        beyond the rings)."""
        return math.ceil(readable_size((2 * self.outer, 2 * self.outer), client=self.client))

    def ring_band(self, ring: int) -> tuple[float, float]:
        inner = CENTRE_RADIUS + RING_WIDTH * ring
        return inner, inner + RING_WIDTH

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
        ring = min(int((r - CENTRE_RADIUS) // RING_WIDTH), len(self.variant.rings) - 1)
        angle = math.atan2(x, -y) % (2 * math.pi)
        step = 2 * math.pi / len(self.variant.sectors)
        sector = min(int(angle // step), len(self.variant.sectors) - 1)
        return self.variant.rings[ring], self.variant.sectors[sector]


def point_at(radius: float, angle: float) -> tuple[float, float]:
    return radius * math.sin(angle), -radius * math.cos(angle)


@dataclass(frozen=True)
class Placed:
    x: float
    y: float
    size: float  # the name's type size
    anchor: tuple[float, float] | None = None  # for a name fanned out of a full cell

    @property
    def box_half_height(self) -> float:
        return self.size * HALF_HEIGHT


def place_cell(
    geometry: Geometry,
    ring: int,
    sector: int,
    names: list[tuple[str, str]],
    outside: list[tuple[float, float, float, float]] | None = None,
    taken: list[tuple[float, float, float, float]] | None = None,
    size: float | None = None,
) -> dict[str, Placed]:
    """Put `names` ((person id, name), in order) inside one cell, nearest its middle first,
    each name's whole box inside the cell and clear of the others and of `taken` (the ring
    labels and counts). Boxes inside disjoint cells cannot meet, so no two names in the circle
    overlap. Names that do not fit fan out beyond the rings, each with a line to a dot in its
    cell; `outside` holds the boxes already used out there (shared by all cells)."""
    outside = [] if outside is None else outside
    if not names:
        return {}
    cell = (geometry.variant.rings[ring], geometry.variant.sectors[sector])
    inner, outer = geometry.ring_band(ring)
    start, end = geometry.sector_span(sector)
    middle = point_at((inner + outer) / 2, (start + end) / 2)
    placed: dict[str, Placed] = {}
    size = size or geometry.type_size
    candidates = sorted(
        _candidates(inner, outer, start, end, size),
        key=lambda p: math.dist(p, middle),
    )
    boxes: list[tuple[float, float, float, float]] = list(taken or ())
    for person, name in names:
        half_w, half_h = text_width(name, size, True) / 2 + GAP / 2, size * HALF_HEIGHT
        for x, y in candidates:
            box = (x - half_w, y - half_h, x + half_w, y + half_h)
            if _inside(geometry, box, cell) and not any(_meet(box, b) for b in boxes):
                boxes.append(box)
                placed[person] = Placed(x, y, size)
                break
        else:
            break
    # Too many for the cell: the rest fan out beyond the rings.
    rest = [n for n in names if n[0] not in placed]
    for i, (person, name) in enumerate(rest):
        anchor = point_at((inner + outer) / 2, start + (end - start) * (i + 0.5) / len(rest))
        half_w, half_h = text_width(name, size, True) / 2 + GAP / 2, size * HALF_HEIGHT
        placed[person] = _fan_out(geometry, start, end, half_w, half_h, size, anchor, outside)
    return placed


def _fan_out(geometry, start, end, half_w, half_h, size, anchor, outside) -> Placed:
    """The free place beyond the rings nearest the direction of `anchor`, within the sector."""
    radius = geometry.outer + 24
    toward = math.atan2(anchor[0], -anchor[1]) % (2 * math.pi)
    while True:
        steps = max(1, int(radius * (end - start) / 6.0))
        angles = sorted(
            (start + (end - start) * i / steps for i in range(steps + 1)),
            key=lambda a: abs(a - toward),
        )
        for angle in angles:
            x, y = point_at(radius, angle)
            box = (x - half_w, y - half_h, x + half_w, y + half_h)
            nearest = (min(max(0.0, box[0]), box[2]), min(max(0.0, box[1]), box[3]))
            if math.hypot(*nearest) > geometry.outer + 4 and not any(
                _meet(box, b) for b in outside
            ):
                outside.append(box)
                return Placed(x, y, size, anchor)
        radius += size * ROW


def _candidates(inner: float, outer: float, start: float, end: float, size: float):
    radial = size * ROW
    radius = inner + size * HALF_HEIGHT
    while radius <= outer - size * HALF_HEIGHT:
        steps = max(1, int(radius * (end - start) / 6.0))
        for i in range(steps + 1):
            yield point_at(radius, start + (end - start) * i / steps)
        radius += radial


def _inside(geometry: Geometry, box, cell: Cell) -> bool:
    x1, y1, x2, y2 = box
    return all(
        geometry.cell_at(corner) == cell for corner in ((x1, y1), (x2, y1), (x1, y2), (x2, y2))
    )


def _meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
