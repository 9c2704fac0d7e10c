"""Where things go on the gebeurteniskaart: the time axis, each event's mark and its label.

Pure geometry in points (y down, the axis at y = 0), so the screen and the poster share it.
Labels are placed one by one in time order, each at the first free place outward from its mark
(or, in a crowded year, fanned out beside it with a leader line); every placed label and mark is
an obstacle for the next, so no two labels overlap however many events share a year.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from netwerkatlas.i18n import t
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.text_fit import elide, wrap_words

Box = tuple[float, float, float, float]  # left, top, right, bottom

YEAR_WIDTH = 44.0  # points per year: long spans make the drawing longer, never the text smaller
MIN_AXIS = 640.0
LEVEL = 66.0  # distance from the axis of a score 1 (+ above, − below); score 2 twice as far
BADGE_R = 9.0  # a scored mark: the score's disc with its symbol
DOT_R = 6.0  # an unscored mark
BAR_H = 9.0  # a span's bar
BAR_ROWS, BAR_STEP = 3, 11.0  # spans overlapping in time on rows this far apart, within a score
TICK_SIZE = 9.0
TICK_BAND = (-6.0, 24.0)  # the axis line and its year numbers, kept free of labels
LABEL_SIZE = 10.0
DETAIL_SIZE = 8.5
LABEL_WIDTH = 140.0
LABEL_LINES = 3
PAD = 3.0  # around a label's text
GAP = 4.0  # between a mark and its label, and between labels
FAN = 3  # label columns tried on each side of a crowded mark
SPREAD = 0.35  # events of the same year and score share the year's middle, this far each side


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
        span = self.end - self.start
        for step in (1, 5, 10, 20, 50, 100):
            allowed = (step >= 5 or span <= 30) and (step >= 10 or span <= 80)
            if allowed and step * self.per_year >= label_width + 8:
                return step
        return 100

    def ticks(self, label_width: float) -> list[tuple[float, int, bool]]:
        """(x, time, labelled) for every whole year on the axis."""
        step = self.tick_step(label_width)
        return [
            (self.x_of(year), year, year % step == 0)
            for year in range(math.ceil(self.start), math.floor(self.end) + 1)
        ]


def make_axis(starts: Sequence[float], ends: Sequence[float], now: float | None) -> Axis:
    """From the earliest time to now (or the last event), and a year beyond it."""
    if not starts:
        anchor = now if now is not None else 2000.0
        start, end = math.floor(anchor) - 5, math.floor(anchor) + 1
    else:
        start = math.floor(min(starts))
        last = max([*ends, *starts, *([now] if now is not None else [])])
        end = math.floor(last) + 1 if last == math.floor(last) else math.ceil(last)
        end = max(end + 1, start + 2)
    span = end - start
    return Axis(float(start), float(end), max(YEAR_WIDTH, MIN_AXIS / span))


def level_y(score: int | None) -> float:
    """Helping events above the axis, hindering below, farther for a stronger score."""
    return -(score or 0) * LEVEL


def score_at(y: float) -> int:
    return max(-2, min(2, -round(y / LEVEL)))


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


def label_text(
    label: str, when: str = "", names: Sequence[str] = (), size: float = LABEL_SIZE
) -> LabelText:
    """The label in bold, the date as people say it, the people involved: wrapped, not shrunk."""
    detail = size * DETAIL_SIZE / LABEL_SIZE
    lines = [Line(s, size, True) for s in _wrapped(label, size, True, LABEL_WIDTH)]
    if when:
        lines += [Line(s, detail, muted=True) for s in _wrapped(when, detail, False, LABEL_WIDTH)]
    if names:
        lines += [Line(s, detail) for s in _wrapped(", ".join(names), detail, False, LABEL_WIDTH)]
    if not lines:
        lines = [Line("…", size, True)]
    width = max(text_width(line.text, line.size, line.bold) for line in lines) + 2 * PAD
    height = sum(line.size * LINE_HEIGHT for line in lines) + 2 * PAD
    return LabelText(tuple(lines), width, height)


class Placer:
    """Free places for label boxes among the marks and the labels placed so far. Obstacles are
    kept in vertical strips, so a label only looks at what stands above or below it."""

    STRIP = 120.0

    def __init__(self, obstacles: Iterable[Box] = ()) -> None:
        self.strips: dict[int, list[Box]] = {}
        for box in obstacles:
            self.add(box)

    def _strips(self, left: float, right: float) -> range:
        return range(math.floor(left / self.STRIP), math.floor(right / self.STRIP) + 1)

    def add(self, box: Box) -> None:
        for strip in self._strips(box[0] - GAP, box[2] + GAP):
            self.strips.setdefault(strip, []).append(box)

    def near(self, left: float, right: float) -> list[Box]:
        found: dict[int, Box] = {}
        for strip in self._strips(left - GAP, right + GAP):
            for o in self.strips.get(strip, ()):
                if o[0] < right + GAP and left - GAP < o[2]:
                    found[id(o)] = o
        return list(found.values())

    def _free_edge(self, left: float, right: float, height: float, edge: float, up: bool) -> float:
        """The label's inner edge (bottom when going up, top when going down) nearest `edge`
        where a box of `height` between `left` and `right` touches nothing."""
        # swept in the direction of travel, so one pass mostly settles it
        near = sorted(self.near(left, right), key=lambda o: -o[3] if up else o[1])
        moved = True
        while moved:
            moved = False
            for o in near:
                top, bottom = (edge - height, edge) if up else (edge, edge + height)
                if o[1] < bottom + GAP and top - GAP < o[3]:
                    beyond = o[1] - GAP if up else o[3] + GAP
                    # only ever outward: a box exactly GAP away may still seem to touch
                    # when rounding has its say, and must not hold the label in place forever
                    if (beyond < edge) if up else (beyond > edge):
                        edge = beyond
                        moved = True
        return edge

    def place(self, width: float, height: float, x: float, edge: float, up: bool) -> Box:
        """A free box of `width` × `height` centred on x (or beside it, for a crowded mark),
        starting at `edge` and going up or down: the least displaced place wins."""
        best: tuple[float, Box] | None = None
        for step in range(2 * FAN + 1):
            column = (step + 1) // 2 * (1 if step % 2 else -1)
            sideways = 1.5 * abs(column) * (width + GAP)
            if best is not None and best[0] <= sideways:
                break  # every place further aside costs more than the best one found
            left = x - width / 2 + column * (width + GAP)
            found = self._free_edge(left, left + width, height, edge, up)
            cost = abs(found - edge) + sideways
            top = found - height if up else found
            if best is None or cost < best[0]:
                best = (cost, (left, top, left + width, top + height))
        assert best is not None
        self.add(best[1])
        return best[1]


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


def bar_rows(events: Sequence[EventInput], levels: dict[str, float]) -> dict[str, float]:
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
        offsets[event.id] = outward * (row % BAR_ROWS) * BAR_STEP
    return offsets


def place_events(
    axis: Axis,
    events: Sequence[EventInput],
    show_scores: bool,
    reserved: Iterable[Box] = (),
) -> EventLayout:
    """Marks at their time and score, then labels outward from the axis, in time order."""
    levels = {e.id: level_y(e.score) if show_scores else 0.0 for e in events}
    times = spread_times(events, levels)
    rows = bar_rows(events, levels)
    layout = EventLayout()
    marks: list[Placed] = []
    for event in events:
        radius = BADGE_R if show_scores and event.score is not None else DOT_R
        bar = axis.x_of(event.end) if event.end > event.start else None
        x, y = axis.x_of(times[event.id]), levels[event.id] + rows.get(event.id, 0.0)
        marks.append(Placed(event.id, x, y, radius, bar, (0, 0, 0, 0), False))
    placer = Placer([*reserved, *(m.mark_box() for m in marks)])
    for index, (event, mark) in enumerate(zip(events, marks, strict=True)):
        score = event.score if show_scores else None
        up = (score or 0) >= 0 if show_scores else index % 2 == 0
        if up:
            edge = min(mark.y - mark.radius, TICK_BAND[0]) - GAP
        else:
            edge = max(mark.y + mark.radius, TICK_BAND[1]) + GAP
        centre = mark.x if mark.bar_end is None else (mark.x + mark.bar_end) / 2
        box = placer.place(event.text.width, event.text.height, centre, edge, up)
        mark.label = box
        reach = mark.bar_end if mark.bar_end is not None else mark.x
        beside = box[0] <= reach and mark.x <= box[2]
        mark.leader = abs((box[3] if up else box[1]) - edge) > 0.5 or not beside
        layout.placed[event.id] = mark
    return layout


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


FAMILY_SIZE = 8.0
FAMILY_R = 3.2


@dataclass
class FamilyLayout:
    y: float  # the band's line
    marks: list[tuple[float, Box, str, bool]]  # x, label box, text, leader

    def boxes(self) -> list[Box]:
        return [m[1] for m in self.marks]


def place_family(axis: Axis, items: Sequence[Quiet], top: float) -> FamilyLayout:
    """The family's events on their own line under the client's, labels stacked below it."""
    y = top + 10
    placer = Placer([(axis.x_of(i.time) - 4, y - 4, axis.x_of(i.time) + 4, y + 4) for i in items])
    marks = []
    for item in sorted(items, key=lambda i: (i.time, i.text)):
        x = axis.x_of(item.time)
        width = text_width(item.text, FAMILY_SIZE) + 2 * PAD
        height = FAMILY_SIZE * LINE_HEIGHT + 2 * PAD
        box = placer.place(width, height, x, y + FAMILY_R + GAP, up=False)
        leader = box[1] > y + FAMILY_R + GAP + 0.5 or not box[0] <= x <= box[2]
        marks.append((x, box, item.text, leader))
    return FamilyLayout(y, marks)


LANE_HEIGHT = 26.0
LANE_NAME_SIZE = 9.0


@dataclass(frozen=True)
class Lane:
    person_id: str
    name: str
    top: float
    life: tuple[float, float] | None  # x from birth to death (or now)
    life_open: bool  # the line goes on past the axis' start (no birth year known)

    @property
    def y(self) -> float:
        return self.top + LANE_HEIGHT / 2

    def contains(self, y: float) -> bool:
        return self.top <= y < self.top + LANE_HEIGHT
