"""Placing the cards of an ecogram, sector by sector, box by box.

Each card goes to the free spot nearest its aim where the whole card lies inside its wedge,
beyond the inner radius (room for the support letters on the lines); spots whose line to the
client passes no other card come first, as a line hidden behind a card seems to end there. A
crowded sector grows outward, where the wedge is wider, so a card always finds room and never
lies over another; cards of different sectors lie in disjoint wedges, so they cannot meet
either. Cards placed by hand stay put and the others keep clear of them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from netwerkatlas.model.atlas import Point
from netwerkatlas.render.geometry import boxes_meet, segment_meets_rect
from netwerkatlas.tools.ecogram.geometry import (
    CLEAN_REACH,
    PAD,
    STEP,
    Box,
    Card,
    Geometry,
    point_at,
)


@dataclass(frozen=True)
class Strategy:
    """How the cards of a sector aim: each at its own slice of the sector's angle, or all at
    its middle; every other one further out where neighbours would touch; and how much a step
    sideways from the aim costs against one outward (more keeps a card in its slice)."""

    slices: bool = True
    stagger: bool = True
    sideways: float = 3.0


STRATEGIES = (
    Strategy(),
    Strategy(sideways=1.0),
    Strategy(stagger=False),
    Strategy(slices=False, stagger=False, sideways=1.0),
)
FEW = 6  # a sector with at most this many cards tries every strategy and keeps the best


def place_cards(
    geometry: Geometry,
    cards: Mapping[str, Card],
    domain_of_person: Mapping[str, str],
    order: list[str],
    fixed: Mapping[str, Point],
) -> dict[str, Point]:
    """Centres for the cards of `order`, sector by sector, clear of each other and of the
    `fixed` ones (cards of two sectors lie in disjoint wedges, so they never meet, and a line
    to a card in one wedge stays in that wedge). A sector's layout depends only on its own
    cards, so one that did not change since the last drawing is taken from a small cache: an
    edit redraws quickly however many people the other sectors hold."""
    placed: dict[str, Point] = {}
    for index, domain in enumerate(geometry.domains):
        people = tuple((p, cards[p]) for p in order if domain_of_person[p] == domain)
        if people:
            pinned = tuple(
                sorted(
                    (p, point, cards[p])
                    for p, point in fixed.items()
                    if domain_of_person.get(p) == domain
                    or _reaches_into(geometry, index, cards[p].box(point, PAD))
                )
            )
            placed.update(sector_layout(geometry, index, people, pinned))
    return placed


def _reaches_into(geometry: Geometry, index: int, box: Box) -> bool:
    """Whether a card placed by hand in another sector reaches over the line into this one
    (only its centre has to lie in its own): the cards here keep clear of it too."""
    x1, y1, x2, y2 = box
    steps = [i / 8 for i in range(9)]
    outline = [(x1 + (x2 - x1) * f, y) for f in steps for y in (y1, y2)]
    outline += [(x, y1 + (y2 - y1) * f) for f in steps for x in (x1, x2)]
    return any(geometry.sector_index(q) == index for q in outline)


@lru_cache(maxsize=256)
def sector_layout(
    geometry: Geometry,
    index: int,
    people: tuple[tuple[str, Card], ...],
    pinned: tuple[tuple[str, Point, Card], ...],
) -> tuple[tuple[str, Point], ...]:
    """One sector laid out. With a few cards it is laid out in each strategy and keeps the one
    whose lines pass the fewest cards, then the most compact: which works best depends on where
    the sector lies (at the top, wide cards block more of its angle than at the side)."""
    cards = {p: card for p, card in people} | {p: card for p, _, card in pinned}
    fixed = {p: point for p, point, _ in pinned}
    order = [p for p, _ in people]
    strategies = STRATEGIES if len(order) <= FEW else STRATEGIES[:1]
    tries = [_place_sector(geometry, index, cards, order, fixed, s) for s in strategies]
    return tuple(min(tries, key=lambda found: _score(geometry, found, cards, fixed)).items())


def _score(
    geometry: Geometry, found: Mapping[str, Point], cards: Mapping[str, Card], fixed
) -> tuple[int, float]:
    """Lines passing a card, and how far out the cards reach: the less the better."""
    everyone = {**fixed, **found}
    crossings = sum(
        _crosses(point, cards[other].box(everyone[other]))
        for person, point in everyone.items()
        for other in found
        if other != person
    ) + sum(
        _crosses(point, cards[other].box(fixed[other]))
        for point in found.values()
        for other in fixed
    )
    return crossings, max(geometry.box_reach(cards[p].box(point)) for p, point in found.items())


def _place_sector(
    geometry: Geometry,
    index: int,
    cards: Mapping[str, Card],
    people: list[str],
    fixed: Mapping[str, Point],
    strategy: Strategy = STRATEGIES[0],
) -> dict[str, Point]:
    """The cards of one sector share its angle out, clockwise in the order given, each aiming
    at the middle of its own slice, far enough out that a card's shadow (seen from the client)
    leaves its neighbours' aims free: a line to the client then passes beside the other cards.
    Where neighbours at one radius would touch, every other card aims further out.

    Each card takes the free spot nearest its aim, in passes, best first: inside the sector
    with a clear line to the client; a little beyond its edge with a clear line; inside it,
    aiming at rows across the whole band, at a spot near the aim whose line passes the fewest
    cards; ever further out. Once a pass finds no room the later cards skip it: the sector is
    full for cards of that size (which also keeps a crowded layout fast)."""
    boxes = _Boxes()
    for person, point in fixed.items():
        boxes.add(cards[person].box(point, PAD), point)
    start, end = geometry.sector_span(index)
    inner, outer = geometry.inner, geometry.search
    band = list(_arcs(geometry, start, end, inner, outer))
    slice_ = (end - start) / len(people)
    widest = max(cards[p].half_w for p in people)
    tallest = max(cards[p].half_h for p in people)
    radius = min(max(geometry.preferred, widest / slice_), outer - 2 * widest / 3)
    middle = start + slice_ * (len(people) // 2)
    typical = Card((), 0.0, (), widest, tallest)
    touch = boxes_meet(
        typical.box(geometry.point(radius, middle - slice_ / 2), PAD),
        typical.box(geometry.point(radius, middle + slice_ / 2), PAD),
    )
    stagger = 2.8 * tallest if strategy.stagger and len(people) > 1 and touch else 0.0
    if not strategy.slices:
        slice_, start_aim, radius = 0.0, (start + end) / 2, geometry.preferred
    else:
        start_aim = start + slice_ / 2
    row = 2 * (tallest + PAD)
    rows = max(1, int((outer - inner) // row))
    full = {"clean band": False, "clean edge": False, "band": False}
    beyond = outer  # where the last pass starts: the rings inside it are taken
    placed: dict[str, Point] = {}
    # The inner cards go first; the outer ones then find the gaps between their shadows.
    for i in sorted(range(len(people)), key=lambda i: (bool(stagger) and i % 2, i)):
        person, card = people[i], cards[people[i]]
        aim = start_aim + slice_ * i
        target = (radius + stagger * (i % 2), aim)
        in_rows = (inner + row * (i % rows + 0.5), aim)
        passes = {
            "clean band": (
                lambda t=target: _along(geometry, band, *t, strategy.sideways),
                CLEAN,
                outer,
            ),
            "clean edge": (
                lambda a=aim: _rings(geometry, start, end, a, outer, outer + CLEAN_REACH),
                CLEAN,
                math.inf,
            ),
            "band": (lambda t=in_rows: _along(geometry, band, *t, 1.0), FEWEST, outer),
        }
        spot = None
        for name, (candidates, mode, limit) in passes.items():
            if not full[name]:
                spot = _fit(geometry, index, card, candidates(), boxes, mode, limit)
                if spot is not None:
                    break
                full[name] = True
        if spot is None:
            rings = _rings(geometry, start, end, aim, beyond, math.inf)
            spot = _fit(geometry, index, card, rings, boxes, FEWEST, math.inf)
            assert spot is not None  # the rings go on until a card fits
            beyond = max(beyond, geometry.reach(*spot) - 2 * card.half_h - STEP)
        placed[person] = spot
        boxes.add(card.box(spot, PAD), spot)
    return placed


CLEAN, FEWEST = "clean", "fewest"
CHOICE = 40  # how many free spots near its aim a card compares, when no line can be clear


def _along(
    geometry: Geometry, points: list[Point], radius: float, angle: float, sideways: float
) -> list[Point]:
    """`points` nearest first to the point at `radius` and `angle`, a step sideways counting
    `sideways` times as much as one outward (measured before the aspect stretches them)."""
    aim = point_at(1.0, angle)
    k = geometry.aspect

    def cost(q: Point) -> float:
        x = q[0] / k
        along = x * aim[0] + q[1] * aim[1]
        across = x * aim[1] - q[1] * aim[0]
        return (along - radius) ** 2 + (sideways * across) ** 2

    return sorted(points, key=cost)


class _Boxes:
    """The boxes taken so far, in a coarse grid so a new box is checked only against its
    neighbours; and the lines from the client to their centres."""

    CELL = 48.0

    def __init__(self) -> None:
        self.grid: dict[tuple[int, int], list[Box]] = {}
        self.all: list[Box] = []
        self.ends: list[Point] = []

    def _cells(self, box: Box) -> Iterator[tuple[int, int]]:
        c = self.CELL
        for i in range(math.floor(box[0] / c), math.floor(box[2] / c) + 1):
            for j in range(math.floor(box[1] / c), math.floor(box[3] / c) + 1):
                yield i, j

    def add(self, box: Box, end: Point) -> None:
        self.all.append(box)
        self.ends.append(end)
        for cell in self._cells(box):
            self.grid.setdefault(cell, []).append(box)

    def meets(self, box: Box) -> bool:
        # Written out: this is asked for every candidate spot of every card.
        x1, y1, x2, y2 = box
        c, grid = self.CELL, self.grid
        rows = range(math.floor(y1 / c), math.floor(y2 / c) + 1)
        for i in range(math.floor(x1 / c), math.floor(x2 / c) + 1):
            for j in rows:
                for b in grid.get((i, j), ()):
                    if x1 < b[2] and b[0] < x2 and y1 < b[3] and b[1] < y2:
                        return True
        return False

    def in_the_way(self, end: Point, box: Box) -> bool:
        """Whether the line to `end` passes a box, or a box's line passes `box`."""
        return any(_crosses(end, b) for b in self.all) or any(_crosses(e, box) for e in self.ends)

    def crossings(self, end: Point, box: Box) -> int:
        """How many boxes the line to `end` passes, and lines pass `box`."""
        return sum(_crosses(end, b) for b in self.all) + sum(_crosses(e, box) for e in self.ends)


def _fit(geometry, index, card, candidates, boxes: _Boxes, mode, limit) -> Point | None:
    """The first free spot inside the sector (CLEAN: with a clear line); or (FEWEST) of the
    first few free spots, the one whose line passes the fewest cards."""
    best: tuple[int, Point] | None = None
    seen = 0
    for spot in candidates:
        box = card.box(spot)
        if geometry.box_reach(box) > limit - PAD:
            continue
        if boxes.meets(box) or not geometry.holds(box, index):
            continue
        if mode == CLEAN:
            if boxes.in_the_way(spot, box):
                continue
            return spot
        crossings = boxes.crossings(spot, box)
        if best is None or crossings < best[0]:
            best = (crossings, spot)
        seen += 1
        if crossings == 0 or seen >= CHOICE:
            break
    return None if best is None else best[1]


def _arcs(
    geometry: Geometry, start: float, end: float, inner: float, outer: float
) -> Iterator[Point]:
    radius = inner
    while radius <= outer:
        steps = max(1, int(radius * geometry.aspect * (end - start) / STEP))
        for i in range(steps + 1):
            yield geometry.point(radius, start + (end - start) * i / steps)
        radius += STEP


def _rings(
    geometry: Geometry, start: float, end: float, aim: float, inner: float, outer: float
) -> Iterator[Point]:
    """Ring after ring outward, each from the angle `aim` towards the sector's sides."""
    radius = inner
    while radius <= outer:
        steps = max(1, int(radius * geometry.aspect * (end - start) / STEP))
        angles = sorted(
            (start + (end - start) * i / steps for i in range(steps + 1)),
            key=lambda a: abs(a - aim),
        )
        for angle in angles:
            yield geometry.point(radius, angle)
        radius += STEP


def _crosses(end: Point, box: Box) -> bool:
    """Whether the line from the client (the origin) to `end` passes through `box`."""
    return segment_meets_rect((0.0, 0.0), end, box)
