"""The ecogram's shapes, in points with the client at 0, 0: the sectors, wedges clockwise from
the top around the middle circle, each as wide as its cards need (`sector_bounds`), and the
cards, boxes around a centre point. When the household shares the middle with the client, that
circle is larger and every radius here moves out by as much.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from netwerkatlas.model.atlas import Point
from netwerkatlas.tools.ecogram.centre import CLIENT_RADIUS

INNER = 135.0  # cards start here: the ring inside is for the lines and their letters
OUTER = 370.0  # cards are sought inside this radius first, and only then beyond it
MIN_OUTER = 290.0  # the drawn edge of the sectors: just beyond the cards, at least this
PREFERRED = 190.0  # the radius the cards of a sector gather around (nearer the client keeps the
# rim in, where a laptop's height is what limits the drawing)
CLEAN_REACH = 120.0  # how far beyond OUTER a card may go to keep its line clear
STEP = 7.0  # between candidate spots, along and across the arcs
PAD = 4.0  # free space around a card, also from the sector lines
LETTER_RING = 4.0  # the ring for the lines is at least this many letter sizes wide

Box = tuple[float, float, float, float]  # left, top, right, bottom


def point_at(radius: float, angle: float) -> Point:
    """The point at `radius` and `angle` (radians, clockwise from the top; y grows down)."""
    return radius * math.sin(angle), -radius * math.cos(angle)


@dataclass(frozen=True)
class Card:
    """What one contact shows, and the size of its box around the centre point."""

    name_lines: tuple[str, ...]
    name_size: float
    note_lines: tuple[str, ...]
    half_w: float
    half_h: float

    def box(self, point: Point, pad: float = 0.0) -> Box:
        x, y = point
        w, h = self.half_w + pad, self.half_h + pad
        return (x - w, y - h, x + w, y + h)


WIDEST_SHARE = 0.45  # of the full turn: a wedge stays under half a turn (see `holds`)


def sector_bounds(weights: Sequence[float]) -> tuple[float, ...]:
    """The angles between the sectors (radians clockwise from the top, from 0 to a full turn)
    when each sector's angle is in proportion to its weight, none wider than `WIDEST_SHARE`
    of the turn. Two or fewer sectors share the turn equally."""
    if len(weights) <= 2:
        shares = [1.0 / max(1, len(weights))] * len(weights)
    else:
        shares = list(weights)
        capped: set[int] = set()
        while True:
            free = 1.0 - WIDEST_SHARE * len(capped)
            rest = sum(w for i, w in enumerate(shares) if i not in capped)
            scaled = [
                WIDEST_SHARE if i in capped else w * free / rest for i, w in enumerate(shares)
            ]
            over = {i for i, w in enumerate(scaled) if w > WIDEST_SHARE + 1e-9} - capped
            if not over:
                shares = scaled
                break
            capped |= over
    bounds, angle = [0.0], 0.0
    for share in shares:
        angle += share * 2 * math.pi
        bounds.append(angle)
    bounds[-1] = 2 * math.pi
    return tuple(bounds)


@dataclass(frozen=True)
class Geometry:
    """The sectors: one wedge per domain, clockwise from the top, around a central circle of
    radius `centre`; equal wedges unless `bounds` (from `sector_bounds`) says otherwise."""

    domains: tuple[str, ...]
    outer: float = OUTER
    centre: float = CLIENT_RADIUS
    letters: float = 0.0  # the size of the support letters: the ring holds a few of them
    bounds: tuple[float, ...] | None = None
    aspect: float = 1.0  # the rim is an ellipse this many times as wide as tall

    def point(self, radius: float, angle: float) -> Point:
        """The point at `radius` on the ray of `angle`, on the ellipse of the drawing's aspect:
        a screen is wider than tall, so the sectors reach further sideways than up and down."""
        return self.aspect * radius * math.sin(angle), -radius * math.cos(angle)

    def reach(self, x: float, y: float) -> float:
        """The radius of the ellipse (of the drawing's aspect) through `x`, `y`."""
        return math.hypot(x / self.aspect, y)

    def box_reach(self, box: Box) -> float:
        """The radius of the least ellipse holding the whole box."""
        return self.reach(max(-box[0], box[2]), max(-box[1], box[3]))

    def ray(self, angle: float) -> Point:
        """The unit vector along the ray of `angle` (which the aspect turns sideways)."""
        x, y = self.point(1.0, angle)
        length = math.hypot(x, y)
        return x / length, y / length

    @cached_property
    def _bounds(self) -> tuple[float, ...]:
        if self.bounds is not None:
            return self.bounds
        count = max(1, len(self.domains))
        return tuple(2 * math.pi * i / count for i in range(count + 1))

    @property
    def inner(self) -> float:
        """Where cards may start: the ring inside is for the lines and their letters."""
        return self.centre + max(INNER - CLIENT_RADIUS, LETTER_RING * self.letters)

    @property
    def search(self) -> float:
        """Inside this radius cards are sought first, and only then beyond it."""
        return OUTER - INNER + self.inner

    @property
    def preferred(self) -> float:
        return PREFERRED - INNER + self.inner

    def sector_span(self, index: int) -> tuple[float, float]:
        """Start and end angle (radians, clockwise from the top)."""
        return self._bounds[index], self._bounds[index + 1]

    def sector_index(self, point: Point) -> int | None:
        """The sector a point lies in by its angle alone (at any distance); None in the
        client's circle."""
        x, y = point
        if math.hypot(x, y) < self.centre or not self.domains:
            return None
        angle = math.atan2(x / self.aspect, -y) % (2 * math.pi)
        return min(max(bisect_right(self._bounds, angle) - 1, 0), len(self.domains) - 1)

    def domain_at(self, point: Point) -> str | None:
        """The domain a point lies in, for a drop: None in the centre and beyond the edge."""
        if self.reach(*point) > self.outer:
            return None
        index = self.sector_index(point)
        return None if index is None else self.domains[index]

    def holds(self, box: Box, index: int) -> bool:
        """Whether the whole box lies in sector `index`, beyond the inner radius and clear of
        the sector lines."""
        x1, y1, x2, y2 = box
        if math.hypot(min(max(0.0, x1), x2), min(max(0.0, y1), y2)) < self.inner:
            return False
        if len(self.domains) == 1:
            return True
        sx, sy, ex, ey = self._sides[index]
        # A wedge of at most half a turn is where both lines have the point on their inner side.
        for cx, cy in ((x1, y1), (x2, y1), (x1, y2), (x2, y2)):
            if sx * cy - sy * cx < PAD or cx * ey - cy * ex < PAD:
                return False
        return True

    @cached_property
    def _sides(self) -> list[tuple[float, float, float, float]]:
        """Per sector, unit vectors along its start and end line."""
        spans = (self.sector_span(i) for i in range(len(self.domains)))
        return [(*self.ray(start), *self.ray(end)) for start, end in spans]
