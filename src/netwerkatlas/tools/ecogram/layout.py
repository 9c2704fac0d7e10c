"""Where the sectors and contacts of an ecogram go, in points, with the client at 0, 0.

Each leefgebied is an equal wedge, clockwise from the top. A contact is a card: the name, and a
short note in small type under it. Cards are placed one by one, box by box, each at the free
spot nearest its aim where the whole card lies inside the wedge, beyond an inner radius (room
for the support letters on the lines); spots whose line to the client passes no other card
come first, as a line hidden behind a card seems to end there. A crowded sector grows outward,
where the wedge is wider, so a card always finds room and never lies over another; cards of
different sectors lie in disjoint wedges, so they cannot meet either. Cards the user placed by
hand stay put (stored per view, like the genogram's) and the computed ones keep clear of them.
When the household shares the middle with the client (see `centre`), the circle there is
larger and every radius here moves out by as much.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from netwerkatlas.model import Atlas, NodeBase
from netwerkatlas.model.atlas import Point
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.text_fit import ELLIPSIS, fit_text, wrap_words
from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.ecogram.centre import CLIENT_RADIUS, Centre, centre_domain, layout_centre
from netwerkatlas.tools.ecogram.domains import domain_of, domains

INNER = 135.0  # cards start here: the ring inside is for the lines and their letters
OUTER = 370.0  # cards are sought inside this radius first, and only then beyond it
MIN_OUTER = 290.0  # the drawn edge of the sectors: just beyond the cards, at least this
PREFERRED = 225.0  # the radius the cards of a sector gather around
CLEAN_REACH = 120.0  # how far beyond OUTER a card may go to keep its line clear
STEP = 7.0  # between candidate spots, along and across the arcs
PAD = 4.0  # free space around a card, also from the sector lines
NAME_SIZE = 11.0
NOTE_SIZE = 8.0
NAME_WIDTH = 130.0
NOTE_WIDTH = 92.0
NARROW_NOTE_WIDTH = 66.0  # in sectors above and below the client, where wide cards block more
NOTE_CHARS = 40
CARD_PAD_X, CARD_PAD_Y = 6.0, 4.0

Box = tuple[float, float, float, float]  # left, top, right, bottom


def point_at(radius: float, angle: float) -> Point:
    """The point at `radius` and `angle` (radians, clockwise from the top; y grows down)."""
    return radius * math.sin(angle), -radius * math.cos(angle)


def short_note(note: str, limit: int = NOTE_CHARS) -> str:
    """About the first `limit` characters of a note, cut after a word, with an ellipsis when
    cut: enough to recognise the note on the drawing (the whole note is in the details panel).
    Small words at the cut ("in het…", "en…") go too, as they only make the reader wait."""
    text = " ".join(note.split())
    if len(text) <= limit:
        return text
    words = text[: limit + 1].split(" ")[:-1]
    if len(" ".join(words)) < limit * 0.6:  # a very long word: cut inside it
        words = [text[:limit]]
    while (
        len(words) > 1
        and len(words[-1].strip(",;:.-–")) <= 3
        and len(" ".join(words)) > limit * 0.6
    ):
        words.pop()
    return " ".join(words).rstrip(" ,;:.-–") + ELLIPSIS


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


def card_for(person: NodeBase, note_width: float = NOTE_WIDTH) -> Card:
    def bold(s: str, size: float) -> float:
        return text_width(s, size, True)

    name = fit_text(person.shown_label, NAME_SIZE, NAME_WIDTH, bold, 2)
    widest = max((bold(line, name.size) for line in name.lines), default=0.0)
    note = short_note(person.note)
    notes = tuple(wrap_words(note, lambda s: text_width(s, NOTE_SIZE), max(note_width, widest)))
    widest = max([widest, *(text_width(line, NOTE_SIZE) for line in notes)])
    height = len(name.lines) * name.size * LINE_HEIGHT + len(notes) * NOTE_SIZE * LINE_HEIGHT
    return Card(
        name.lines,
        name.size,
        notes,
        max(widest / 2, 12.0) + CARD_PAD_X,
        max(height / 2, 6.0) + CARD_PAD_Y,
    )


@dataclass(frozen=True)
class Geometry:
    """The sectors: one equal wedge per domain, clockwise from the top, around a central circle
    of radius `centre`."""

    domains: tuple[str, ...]
    outer: float = OUTER
    centre: float = CLIENT_RADIUS

    @property
    def inner(self) -> float:
        """Where cards may start: the ring inside is for the lines and their letters."""
        return INNER + self.centre - CLIENT_RADIUS

    @property
    def search(self) -> float:
        """Inside this radius cards are sought first, and only then beyond it."""
        return OUTER + self.centre - CLIENT_RADIUS

    @property
    def preferred(self) -> float:
        return PREFERRED + self.centre - CLIENT_RADIUS

    def sector_span(self, index: int) -> tuple[float, float]:
        """Start and end angle (radians, clockwise from the top)."""
        step = 2 * math.pi / max(1, len(self.domains))
        return index * step, (index + 1) * step

    def sector_index(self, point: Point) -> int | None:
        """The sector a point lies in by its angle alone (at any distance); None in the
        client's circle."""
        x, y = point
        if math.hypot(x, y) < self.centre or not self.domains:
            return None
        angle = math.atan2(x, -y) % (2 * math.pi)
        step = 2 * math.pi / len(self.domains)
        return min(int(angle // step), len(self.domains) - 1)

    def domain_at(self, point: Point) -> str | None:
        """The domain a point lies in, for a drop: None in the centre and beyond the edge."""
        if math.hypot(*point) > self.outer:
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
        return [(*point_at(1.0, start), *point_at(1.0, end)) for start, end in spans]


def note_width(geometry: Geometry, domain: str) -> float:
    """Cards in a sector above or below the client are narrower and taller: seen from the
    client a wide card there spans much of the sector's angle, and leaves no room beside it
    for the lines to the cards behind."""
    start, end = geometry.sector_span(geometry.domains.index(domain))
    upright = abs(math.cos((start + end) / 2)) > math.cos(math.radians(40))
    return NARROW_NOTE_WIDTH if upright and len(geometry.domains) > 2 else NOTE_WIDTH


@dataclass(frozen=True)
class EcogramLayout:
    """The ecogram's sectors with everyone on it: their domain, card and place."""

    geometry: Geometry  # the sectors around the middle (without the household's domain)
    domain_of: dict[str, str]  # person id -> domain, for everyone on the ecogram
    cards: dict[str, Card]  # for the people in the sectors
    positions: dict[str, Point]  # card centres, and the names in the middle
    by_hand: frozenset[str]  # those whose place came from the view's stored positions
    centre: Centre
    centre_domain: str | None = None  # the household's domain, when it shares the middle

    def domain_at(self, point: Point) -> str | None:
        """The domain a drop at `point` gives: the household's in the middle (when it is
        there), a sector's, or None (in the client's own circle, or beyond the edge)."""
        if math.hypot(*point) < self.geometry.centre:
            return self.centre_domain
        return self.geometry.domain_at(point)

    def in_centre(self, person_id: str) -> bool:
        return person_id in self.centre.members


def build_layout(atlas: Atlas) -> EcogramLayout:
    """Everyone on the ecogram with their card and place: stored by hand, or computed."""
    names = domains(atlas)
    home = centre_domain(atlas, names)
    members = domain_of(atlas, names)
    household = [atlas.node(p) for p in members if members[p] == home]
    centre = layout_centre(atlas.client, household)
    ring = tuple(n for n in names if n != home)
    geometry = Geometry(ring, centre=centre.radius)
    around = {p: d for p, d in members.items() if d != home}
    cards = {p: card_for(atlas.node(p), note_width(geometry, around[p])) for p in around}
    state = atlas.views.get(VIEW)
    stored: Mapping[str, Point] = state.positions if state else {}
    # A stored place counts while it lies in the person's own sector; when the person's domain
    # (or the list of domains) changes, they are laid out afresh in their new sector.
    fixed = {
        p: stored[p]
        for p in around
        if p in stored and geometry.sector_index(stored[p]) == ring.index(around[p])
    }
    labels = {p: atlas.node(p).shown_label.casefold() for p in around}
    order = sorted((p for p in around if p not in fixed), key=lambda p: (labels[p], p))
    computed = place_cards(geometry, cards, around, order, fixed)
    positions = {p: fixed.get(p) or computed[p] for p in around}
    reach = max(
        (
            math.hypot(abs(x) + cards[p].half_w, abs(y) + cards[p].half_h)
            for p, (x, y) in positions.items()
        ),
        default=0.0,
    )
    outer = max(geometry.centre + MIN_OUTER - CLIENT_RADIUS, reach + 3 * PAD)
    return EcogramLayout(
        replace(geometry, outer=math.ceil(outer / 10) * 10),
        members,
        cards,
        {**positions, **centre.positions},
        frozenset(fixed),
        centre,
        home,
    )


def ecogram_positions(atlas: Atlas) -> dict[str, Point]:
    """Where everyone on the ecogram is drawn: placed by hand, or computed."""
    return build_layout(atlas).positions


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
                )
            )
            placed.update(sector_layout(geometry, index, people, pinned))
    return placed


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
    return tuple(min(tries, key=lambda found: _score(found, cards, fixed)).items())


def _score(found: Mapping[str, Point], cards: Mapping[str, Card], fixed) -> tuple[int, float]:
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
    reach = max(math.hypot(*point) + cards[p].half_w for p, point in found.items())
    return crossings, reach


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
    band = list(_arcs(start, end, inner, outer))
    slice_ = (end - start) / len(people)
    widest = max(cards[p].half_w for p in people)
    tallest = max(cards[p].half_h for p in people)
    radius = min(max(geometry.preferred, widest / slice_), outer - 2 * widest / 3)
    middle = start + slice_ * (len(people) // 2)
    typical = Card((), 0.0, (), widest, tallest)
    touch = _meet(
        typical.box(point_at(radius, middle - slice_ / 2), PAD),
        typical.box(point_at(radius, middle + slice_ / 2), PAD),
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
            "clean band": (lambda t=target: _along(band, *t, strategy.sideways), CLEAN, outer),
            "clean edge": (
                lambda a=aim: _rings(start, end, a, outer, outer + CLEAN_REACH),
                CLEAN,
                math.inf,
            ),
            "band": (lambda t=in_rows: _along(band, *t, 1.0), FEWEST, outer),
        }
        spot = None
        for name, (candidates, mode, limit) in passes.items():
            if not full[name]:
                spot = _fit(geometry, index, card, candidates(), boxes, mode, limit)
                if spot is not None:
                    break
                full[name] = True
        if spot is None:
            rings = _rings(start, end, aim, beyond, math.inf)
            spot = _fit(geometry, index, card, rings, boxes, FEWEST, math.inf)
            assert spot is not None  # the rings go on until a card fits
            beyond = max(beyond, math.hypot(*spot) - 2 * card.half_h - STEP)
        placed[person] = spot
        boxes.add(card.box(spot, PAD), spot)
    return placed


CLEAN, FEWEST = "clean", "fewest"
CHOICE = 40  # how many free spots near its aim a card compares, when no line can be clear


def _along(points: list[Point], radius: float, angle: float, sideways: float) -> list[Point]:
    """`points` nearest first to the point at `radius` and `angle`, a step sideways counting
    `sideways` times as much as one outward."""
    aim = point_at(1.0, angle)

    def cost(q: Point) -> float:
        along = q[0] * aim[0] + q[1] * aim[1]
        across = q[0] * aim[1] - q[1] * aim[0]
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
        if math.hypot(max(-box[0], box[2]), max(-box[1], box[3])) > limit - PAD:
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


def _arcs(start: float, end: float, inner: float, outer: float) -> Iterator[Point]:
    radius = inner
    while radius <= outer:
        steps = max(1, int(radius * (end - start) / STEP))
        for i in range(steps + 1):
            yield point_at(radius, start + (end - start) * i / steps)
        radius += STEP


def _rings(start: float, end: float, aim: float, inner: float, outer: float) -> Iterator[Point]:
    """Ring after ring outward, each from the angle `aim` towards the sector's sides."""
    radius = inner
    while radius <= outer:
        steps = max(1, int(radius * (end - start) / STEP))
        angles = sorted(
            (start + (end - start) * i / steps for i in range(steps + 1)),
            key=lambda a: abs(a - aim),
        )
        for angle in angles:
            yield point_at(radius, angle)
        radius += STEP


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(end: Point, box: Box) -> bool:
    """Whether the line from the client (the origin) to `end` passes through `box`."""
    low, high = 0.0, 1.0
    dx, dy = end
    for p, q in ((-dx, -box[0]), (dx, box[2]), (-dy, -box[1]), (dy, box[3])):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
        if low > high:
            return False
    return True
