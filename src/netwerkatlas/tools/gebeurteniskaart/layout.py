"""Where things go on the gebeurteniskaart: the time axis, each event's mark and its label.

Pure geometry (y down, the axis at y = 0), so the screen and the poster share it. Every length
follows from one type size (`Sizes`): the least size of any text, chosen so that the drawing,
fitted into the laptop's view, reads from across the table; the width of a year is chosen by the
drawing so that it takes the view's shape. Labels are placed one by one in time order, each at
the first free place outward from its mark (or, in a crowded year, fanned out beside it with a
leader line); every placed label and mark is an obstacle for the next, so no two labels overlap
however many events share a year.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from netwerkatlas.i18n import t
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.text_fit import elide, wrap_words
from netwerkatlas.tools.gebeurteniskaart.sizes import Sizes

Box = tuple[float, float, float, float]  # left, top, right, bottom

LABEL_LINES = 3
FAN = 3  # label columns tried on each side of a crowded mark
ASIDE = 1.5  # a label pushed further outward than this many text sizes goes beside its mark
SPREAD = 0.35  # events of the same year and score share the year's middle, this far each side
BAR_ROWS = 3  # spans overlapping in time on rows of their own within a score, this many at most


def union(boxes: Iterable[Box]) -> Box | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# --- the axis ----------------------------------------------------------------------------------

TICK_STEPS = (1, 5, 10, 20, 50, 100)
LABEL_ROOM = 1.4  # a labelled year's room, in year numbers' widths


@dataclass(frozen=True)
class Axis:
    """Time `start`..`end` (in years or in years of age) drawn from x = 0, `per_year` wide."""

    start: float
    end: float
    per_year: float

    @property
    def width(self) -> float:
        return (self.end - self.start) * self.per_year

    def x_of(self, time: float) -> float:
        return (time - self.start) * self.per_year

    def time_at(self, x: float) -> float:
        return self.start + x / self.per_year

    def tick_step(self, label_width: float) -> int:
        """Every year, or every 5 or 10 (20, 50) years for a long span; labels never touch."""
        for step in _steps_for(self.end - self.start):
            if step * self.per_year >= label_width * LABEL_ROOM:
                return step
        return TICK_STEPS[-1]

    def ticks(self, label_width: float) -> list[tuple[float, int, bool]]:
        """(x, time, labelled) for every whole year on the axis."""
        step = self.tick_step(label_width)
        return [
            (self.x_of(year), year, year % step == 0)
            for year in range(math.ceil(self.start), math.floor(self.end) + 1)
        ]


def _steps_for(span: float) -> list[int]:
    """The year steps a span may be labelled in: single years only on a short one."""
    return [step for step in TICK_STEPS if (step >= 5 or span <= 30) and (step >= 10 or span <= 80)]


def least_per_year(span: float, label_width: float) -> float:
    """The narrowest year at which the axis still numbers two of its years: a short span
    (a new atlas shows six years) numbered every ten years had no number at all, and "click
    at a year" had nothing to point at."""
    steps = [step for step in _steps_for(span) if step <= span / 2] or [1]
    return label_width * LABEL_ROOM / max(steps)


def time_range(
    starts: Sequence[float], ends: Sequence[float], now: float | None
) -> tuple[float, float]:
    """From the earliest time to now (or the last event), and a year beyond it."""
    if not starts:
        anchor = now if now is not None else 2000.0
        start, end = math.floor(anchor) - 5, math.floor(anchor) + 1
    else:
        start = math.floor(min(starts))
        last = max([*ends, *starts, *([now] if now is not None else [])])
        end = math.floor(last) + 1 if last == math.floor(last) else math.ceil(last)
        end = max(end + 1, start + 2)
    return float(start), float(end)


def level_y(score: int | None, sizes: Sizes) -> float:
    """Helping events above the axis, hindering below, farther for a stronger score."""
    return -(score or 0) * sizes.level


def score_at(y: float, sizes: Sizes) -> int:
    return max(-2, min(2, -round(y / sizes.level)))


# --- labels ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    text: str
    size: float
    bold: bool = False
    muted: bool = False


@dataclass(frozen=True)
class LabelText:
    lines: tuple[Line, ...]
    width: float
    height: float


def _wrapped(text: str, size: float, bold: bool, limit: float) -> list[str]:
    def width_of(s: str) -> float:
        return text_width(s, size, bold)

    lines = wrap_words(text, width_of, limit)
    if len(lines) > LABEL_LINES:
        lines = [*lines[: LABEL_LINES - 1], " ".join(lines[LABEL_LINES - 1 :])]
    return [elide(line, width_of, limit) for line in lines]


def label_text(label: str, sizes: Sizes, when: str = "", names: Sequence[str] = ()) -> LabelText:
    """The label in bold, the date as people say it, the people involved: wrapped, not shrunk."""
    size, detail, limit = sizes.text, sizes.detail, sizes.label_width
    lines = [Line(s, size, True) for s in _wrapped(label, size, True, limit)]
    if when:
        lines += [Line(s, detail, muted=True) for s in _wrapped(when, detail, False, limit)]
    if names:
        lines += [Line(s, detail) for s in _wrapped(", ".join(names), detail, False, limit)]
    if not lines:
        lines = [Line("…", size, True)]
    width = max(text_width(line.text, line.size, line.bold) for line in lines) + 2 * sizes.pad
    height = sum(line.size * LINE_HEIGHT for line in lines) + 2 * sizes.pad
    return LabelText(tuple(lines), width, height)


def _top(box: Box) -> float:
    return box[1]


def _bottom(box: Box) -> float:
    return -box[3]


class Placer:
    """Free places for label boxes among the marks and the labels placed so far. Obstacles are
    kept in vertical strips, so a label only looks at what stands above or below it."""

    def __init__(self, gap: float, obstacles: Iterable[Box] = ()) -> None:
        self.gap = gap
        self.strip = 30.0 * gap  # about a label's width
        self.boxes: list[Box] = []
        self.strips: dict[int, list[int]] = {}  # strip -> indexes into boxes
        for box in obstacles:
            self.add(box)

    def _strips(self, left: float, right: float) -> range:
        return range(math.floor(left / self.strip), math.floor(right / self.strip) + 1)

    def add(self, box: Box) -> None:
        gap, index = self.gap, len(self.boxes)
        self.boxes.append(box)
        for strip in self._strips(box[0] - gap, box[2] + gap):
            self.strips.setdefault(strip, []).append(index)

    def near(self, left: float, right: float) -> list[Box]:
        gap, strips, boxes = self.gap, self.strips, self.boxes
        found: set[int] = set()
        for strip in self._strips(left - gap, right + gap):
            found.update(strips.get(strip, ()))
        low, high = left - gap, right + gap
        return [o for o in map(boxes.__getitem__, found) if o[0] < high and low < o[2]]

    def _free_edge(self, left: float, right: float, height: float, edge: float, up: bool) -> float:
        """The label's inner edge (bottom when going up, top when going down) nearest `edge`
        where a box of `height` between `left` and `right` touches nothing."""
        # swept in the direction of travel, so one pass mostly settles it; what lies behind
        # the start (the other side of the axis) never stands in the way
        gap = self.gap
        if up:
            near = sorted((o for o in self.near(left, right) if o[1] < edge + gap), key=_bottom)
        else:
            near = sorted((o for o in self.near(left, right) if o[3] > edge - gap), key=_top)
        moved = True
        while moved:
            moved = False
            for o in near:
                top, bottom = (edge - height, edge) if up else (edge, edge + height)
                if o[1] < bottom + gap and top - gap < o[3]:
                    beyond = o[1] - gap if up else o[3] + gap
                    # only ever outward: a box exactly a gap away may still seem to touch
                    # when rounding has its say, and must not hold the label in place forever
                    if (beyond < edge) if up else (beyond > edge):
                        edge = beyond
                        moved = True
        return edge

    def free(self, box: Box, near: Sequence[Box] | None = None) -> bool:
        """Whether `box` keeps a gap from everything placed (of `near`, when the caller has
        already looked up what stands around it)."""
        gap = self.gap * 0.99  # what stands exactly a gap away does not touch
        return not any(
            o[0] < box[2] + gap
            and box[0] - gap < o[2]
            and o[1] < box[3] + gap
            and box[1] - gap < o[3]
            for o in (self.near(box[0], box[2]) if near is None else near)
        )

    def place(self, width: float, height: float, x: float, edge: float, up: bool) -> Box:
        """A free box of `width` × `height` centred on x (or beside it, for a crowded mark),
        starting at `edge` and going up or down: the least displaced place wins."""
        _, box = self.find(width, height, x, edge, up)
        self.add(box)
        return box

    def find(
        self, width: float, height: float, x: float, edge: float, up: bool
    ) -> tuple[float, Box]:
        """The place `place` would take, with how far it lies from where it wants to be."""
        best: tuple[float, Box] | None = None
        for step in range(2 * FAN + 1):
            column = (step + 1) // 2 * (1 if step % 2 else -1)
            sideways = 1.5 * abs(column) * (width + self.gap)
            if best is not None and best[0] <= sideways:
                break  # every place further aside costs more than the best one found
            left = x - width / 2 + column * (width + self.gap)
            found = self._free_edge(left, left + width, height, edge, up)
            cost = abs(found - edge) + sideways
            top = found - height if up else found
            if best is None or cost < best[0]:
                best = (cost, (left, top, left + width, top + height))
        assert best is not None
        return best


# --- events on the axis --------------------------------------------------------------------------


@dataclass(frozen=True)
class EventInput:
    """One dated event as the layout sees it: its time on the axis and what its label says."""

    id: str
    start: float
    end: float
    approximate: bool
    score: int | None
    text: LabelText


@dataclass
class Placed:
    """A laid-out event: its mark at (x, y), a span's bar to `bar_end`, its label's box."""

    id: str
    x: float
    y: float
    radius: float
    bar_end: float | None
    label: Box
    leader: bool  # the label stands away from the mark: a thin line joins them

    def mark_box(self) -> Box:
        right = max(self.x + self.radius, self.bar_end or self.x)
        return (self.x - self.radius, self.y - self.radius, right, self.y + self.radius)


@dataclass
class EventLayout:
    placed: dict[str, Placed] = field(default_factory=dict)

    def boxes(self) -> list[Box]:
        return [p.label for p in self.placed.values()]


def spread_times(events: Sequence[EventInput], levels: dict[str, float]) -> dict[str, float]:
    """Where each mark stands in time: events of one year with the same score (and no month)
    are spread over the middle of that year, so each can still be pointed at."""
    groups: dict[tuple[float, float], list[EventInput]] = {}
    for event in events:
        if event.start == math.floor(event.start) and event.end == event.start:
            groups.setdefault((event.start, levels[event.id]), []).append(event)
    shown = {e.id: e.start for e in events}
    for (year, _), members in groups.items():
        if len(members) > 1:
            step = 2 * SPREAD / (len(members) - 1)
            for i, event in enumerate(members):
                shown[event.id] = year - SPREAD + i * step
    return shown


def bar_rows(
    events: Sequence[EventInput], levels: dict[str, float], step: float
) -> dict[str, float]:
    """How far each span's bar stands out from its score's line: spans of one score that
    overlap in time go on rows of their own (outward, a few rows at most), like a Gantt chart."""
    ends: dict[float, list[float]] = {}
    offsets: dict[str, float] = {}
    for event in sorted(events, key=lambda e: (e.start, e.end)):
        if event.end <= event.start:
            continue
        rows = ends.setdefault(levels[event.id], [])
        row = next((i for i, end in enumerate(rows) if end <= event.start), len(rows))
        if row == len(rows):
            rows.append(event.end)
        rows[row] = event.end
        outward = 1 if levels[event.id] > 0 else -1  # below the axis down, else up
        offsets[event.id] = outward * (row % BAR_ROWS) * step
    return offsets


def place_events(
    axis: Axis,
    events: Sequence[EventInput],
    show_scores: bool,
    sizes: Sizes,
    reserved: Iterable[Box] = (),
) -> EventLayout:
    """Marks at their time and score, then labels outward from the axis, in time order."""
    levels = {e.id: level_y(e.score, sizes) if show_scores else 0.0 for e in events}
    times = spread_times(events, levels)
    rows = bar_rows(events, levels, sizes.bar_step)
    band, gap = sizes.tick_band, sizes.gap
    layout = EventLayout()
    marks: list[Placed] = []
    for event in events:
        radius = sizes.badge_r if show_scores and event.score is not None else sizes.dot_r
        bar = axis.x_of(event.end) if event.end > event.start else None
        x, y = axis.x_of(times[event.id]), levels[event.id] + rows.get(event.id, 0.0)
        marks.append(Placed(event.id, x, y, radius, bar, (0, 0, 0, 0), False))
    placer = Placer(gap, [*reserved, *(m.mark_box() for m in marks)])
    for index, (event, mark) in enumerate(zip(events, marks, strict=True)):
        score = event.score if show_scores else None
        up = (score or 0) >= 0 if show_scores else index % 2 == 0
        centre = mark.x if mark.bar_end is None else (mark.x + mark.bar_end) / 2
        width, height = event.text.width, event.text.height
        cost, box, edge = _outward(placer, mark, width, height, centre, up, band)
        aside = None
        if cost > ASIDE * sizes.text:
            aside = _aside(placer, mark, width, height, band)
            if aside is None and show_scores and mark.y == 0:
                # on the axis (a neutral event): its label may as well stand below it
                other = _outward(placer, mark, width, height, centre, not up, band)
                if other[0] < cost:
                    (cost, box, edge), up = other, not up
        if aside is not None:
            box, mark.leader = aside, False
        else:
            reach = mark.bar_end if mark.bar_end is not None else mark.x
            beside = box[0] <= reach and mark.x <= box[2]
            mark.leader = abs((box[3] if up else box[1]) - edge) > 0.5 or not beside
        placer.add(box)
        mark.label = box
        layout.placed[event.id] = mark
    return layout


def _outward(
    placer: Placer,
    mark: Placed,
    width: float,
    height: float,
    centre: float,
    up: bool,
    band: tuple[float, float],
) -> tuple[float, Box, float]:
    """The label's place going up (or down) from its mark and the axis band: how far it had
    to go, the box, and where it wanted to start."""
    gap = placer.gap
    if up:
        edge = min(mark.y - mark.radius, band[0]) - gap
    else:
        edge = max(mark.y + mark.radius, band[1]) + gap
    cost, box = placer.find(width, height, centre, edge, up)
    return cost, box, edge


def _aside(
    placer: Placer, mark: Placed, width: float, height: float, band: tuple[float, float]
) -> Box | None:
    """A free place right beside the mark (after a span's bar), else left of it: for a label
    that outward would be pushed past the marks of the next score. Centred on the mark, or
    level with its outer edge; beside a mark on the axis, just above the axis or below it."""
    gap = placer.gap
    right = max(mark.x + mark.radius, mark.bar_end or mark.x) + gap
    if mark.y == 0:
        tops = (band[0] - gap - height, band[1] + gap)
    elif mark.y > 0:
        tops = (mark.y - height / 2, mark.y - mark.radius)
    else:
        tops = (mark.y - height / 2, mark.y + mark.radius - height)
    lefts = (right, mark.x - mark.radius - gap - width)
    near = placer.near(lefts[1], right + width)
    for top in tops:
        for left in lefts:
            box = (left, top, left + width, top + height)
            if placer.free(box, near):
                return box
    return None


# --- the quieter layers: family and lanes --------------------------------------------------------


@dataclass(frozen=True)
class Quiet:
    """A family event (birth, death, marriage, separation) in the band under the events."""

    key: str
    time: float
    text: str
    year: int  # the calendar year, said in words when it lies before the axis

    def clamped(self, axis: Axis) -> Quiet:
        """Before the client's time line starts (a grandparent's birth): at its start, with
        the year in words, so the axis stays the client's and the family still stands by it."""
        if axis.start <= self.time <= axis.end:
            return self
        time = min(max(self.time, axis.start), axis.end)
        return Quiet(
            self.key, time, t("timeline.family.earlier", year=self.year, text=self.text), self.year
        )


@dataclass
class FamilyLayout:
    y: float  # the band's line
    marks: list[tuple[float, Box, str, bool]]  # x, label box, text, leader

    def boxes(self) -> list[Box]:
        return [m[1] for m in self.marks]


def place_family(axis: Axis, items: Sequence[Quiet], top: float, sizes: Sizes) -> FamilyLayout:
    """The family's events on their own line under the client's, labels stacked below it."""
    y = top + sizes.text
    r, gap, size = sizes.family_r, sizes.gap, sizes.text
    placer = Placer(
        gap, [(axis.x_of(i.time) - r, y - r, axis.x_of(i.time) + r, y + r) for i in items]
    )
    marks = []
    for item in sorted(items, key=lambda i: (i.time, i.text)):
        x = axis.x_of(item.time)
        width = text_width(item.text, size) + 2 * sizes.pad
        height = size * LINE_HEIGHT + 2 * sizes.pad
        box = placer.place(width, height, x, y + r + gap, up=False)
        leader = box[1] > y + r + gap + 0.5 or not box[0] <= x <= box[2]
        marks.append((x, box, item.text, leader))
    return FamilyLayout(y, marks)


@dataclass(frozen=True)
class Lane:
    person_id: str
    name: str
    top: float
    life: tuple[float, float] | None  # x from birth to death (or now)
    life_open: bool  # the line goes on past the axis' start (no birth year known)
    height: float

    @property
    def y(self) -> float:
        return self.top + self.height / 2

    def contains(self, y: float) -> bool:
        return self.top <= y < self.top + self.height
