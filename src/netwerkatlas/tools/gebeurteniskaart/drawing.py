"""The gebeurteniskaart drawn on any `Painter`: the canvas paints it with Qt, the poster with
reportlab, from one layout.

A time axis in years (or the client's age); each event a mark at its time, helping events above
the axis and hindering ones below, farther for a stronger score, with its label, its date as
people say it and the people involved. On request one lane per person with their own life line,
and the family's births, deaths and relations from the genogram in a quieter band. Events
without a time wait in a strip "zonder datum" after the axis, where they can still be picked.

This module works out where everything goes and answers the screen's questions about it (which
time or score lies under a point, where a label stands while its mark is dragged); `painting`
puts the result on a `Painter` and `legend` lists the symbols it uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, EdgeKind, NodeKind
from netwerkatlas.model.atlas import Point
from netwerkatlas.model.records import EventNode, PartnerStatus
from netwerkatlas.render.drawing import LegendEntry, Rect
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.readable import fit_room, readable_size
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.gebeurteniskaart import VIEW, dates, people
from netwerkatlas.tools.gebeurteniskaart.layout import (
    Axis,
    Box,
    EventInput,
    FamilyLayout,
    LabelText,
    Lane,
    Quiet,
    label_text,
    least_per_year,
    place_events,
    place_family,
    score_at,
    time_range,
    union,
)
from netwerkatlas.tools.gebeurteniskaart.legend import legend_entries
from netwerkatlas.tools.gebeurteniskaart.painting import draw_timeline
from netwerkatlas.tools.gebeurteniskaart.sizes import Sizes

HANDLE_MIN = 28.0  # a finger-sized target, at least
STRIP_ROWS = 12
TRIES = 4  # widths of a year tried to give the drawing the view's shape
COMFORTABLE = 1.3  # type this many times the minimum needs to get no larger


def fractional_year(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365


@dataclass(frozen=True)
class Undated:
    id: str
    score: int | None
    text: LabelText
    mark: Point
    label: Box


class TimelineDrawing:
    """The gebeurteniskaart of an atlas, ready to be drawn on any `Painter`."""

    def __init__(
        self,
        atlas: Atlas,
        show_scores: bool = True,
        today: date | None = None,
        *,
        client: bool = False,
    ) -> None:
        self.today = today or date.today()
        self.client = client
        self.sizes = sizes = Sizes.for_view(client)
        self.view_title = t("view.gebeurteniskaart")
        self.show_scores = show_scores
        self.unit: dates.Unit = "age" if atlas.view_setting(VIEW, "axis") == "age" else "year"
        self.birth_year: int | None = atlas.client.birth_year
        self.axis_y = 0.0
        lanes_on = bool(atlas.view_setting(VIEW, "lanes"))
        family_on = bool(atlas.view_setting(VIEW, "family"))
        now = self._in_unit(fractional_year(self.today))
        self.now = now

        events = dates.in_time_order(atlas)
        self.events: dict[str, EventNode] = {e.id: e for e in events}
        self.involved = {e.id: people.involved(atlas, e.id) for e in events}
        spans = {e.id: dates.span(e, self.unit, self.birth_year) for e in events}
        self.names = {p: atlas.node(p).shown_label for ids in self.involved.values() for p in ids}
        self.names_shown = not lanes_on
        inputs = []
        undated: list[EventNode] = []
        for event in events:
            found = spans[event.id]
            if found is None:
                undated.append(event)
                continue
            when = dates.describe(event, self.birth_year)
            text = label_text(event.shown_label, sizes, when, self._names(event.id))
            inputs.append(
                EventInput(event.id, found.start, found.end, found.approximate, event.score, text)
            )
        self.spans = {i.id: i for i in inputs}
        self.family_items = self._family(atlas) if family_on else []
        self.birth_time = self._in_unit(self.birth_year) if self.birth_year is not None else None

        starts = [i.start for i in inputs]
        ends = [i.end for i in inputs]
        if self.birth_time is not None:
            starts.append(self.birth_time)
        if not starts:  # nothing of the client's own: the family's chronology is the axis
            starts = [q.time for q in self.family_items]
        self.time_range = time_range(starts, ends, now)
        self.tick_width = text_width("8888", sizes.text)
        self._choose_year_width(atlas, inputs, undated, lanes_on)

    # --- the view's shape -------------------------------------------------------------------

    def _choose_year_width(
        self, atlas: Atlas, inputs: list[EventInput], undated: list[EventNode], lanes_on: bool
    ) -> None:
        """Lay out with a year as wide as makes the drawing take the shape of the laptop's
        view (of client mode, when drawn for it), so that fitted it shows its type largest:
        the width the height leaves, tried a few times since labels crowd a narrower axis
        into more rows. Type well over the minimum does not need to get larger still: then
        the wider axis wins, with fewer labels stacked. A long life on its narrowest axis
        still grows the drawing."""
        start, end = self.time_range
        span = end - start
        narrowest, widest = self.sizes.per_year_range
        narrowest = min(widest, max(narrowest, least_per_year(span, self.tick_width)))
        room_w, room_h = fit_room(self.client)
        tried: list[tuple[float, float, dict]] = []  # how well it reads, a year's width, layout

        def lay_out(per_year: float) -> tuple[float, float]:
            self._lay_out(atlas, Axis(start, end, per_year), inputs, undated, lanes_on)
            left, top, right, bottom = union(self._all_boxes()) or (0, 0, 1, 1)
            width, height = right - left, bottom - top
            reads = self.sizes.text / readable_size((width, height), client=self.client)
            tried.append((min(reads, COMFORTABLE), per_year, dict(self.__dict__)))
            return reads, (height * room_w / room_h - (width - self.axis.width)) / span

        per_year = min(widest, max(narrowest, self._first_guess(inputs, lanes_on) / span))
        for _ in range(TRIES):
            _, wanted = lay_out(per_year)
            wanted = min(widest, max(narrowest, wanted))
            if abs(wanted - per_year) <= 0.1 * per_year:
                break
            per_year = wanted
        reads, best, _ = max(tried, key=lambda each: each[:2])
        if reads >= COMFORTABLE and best < widest:
            lay_out(min(widest, best * 1.4))  # room to spare: a calmer, wider axis
        self.__dict__.update(max(tried, key=lambda each: each[:2])[2])

    def _first_guess(self, inputs: list[EventInput], lanes_on: bool) -> float:
        """The axis' width for the view's shape, from the room the labels take (packed about
        half tight) and the height of the rows that do not depend on it: often right at once."""
        sizes = self.sizes
        room_w, room_h = fit_room(self.client)
        aspect = room_w / room_h
        gap = sizes.gap
        area = sum((i.text.width + gap) * (i.text.height + gap) for i in inputs)
        fixed = 4 * sizes.level + 2 * sizes.text  # the score levels and the year numbers
        if lanes_on:
            people_shown = {p for ids in self.involved.values() for p in ids}
            fixed += len(people_shown) * sizes.lane_height
        height = (fixed + math.sqrt(fixed**2 + 8 * area / aspect)) / 2
        return max(room_w * 0.8, height * aspect - 4 * sizes.label_width / 2)

    def _lay_out(
        self,
        atlas: Atlas,
        axis: Axis,
        inputs: list[EventInput],
        undated: list[EventNode],
        lanes_on: bool,
    ) -> None:
        """Everything placed along `axis`: events, the family band, the lanes, the strip."""
        sizes = self.sizes
        self.axis = axis
        family_items = [q.clamped(axis) for q in self.family_items]
        reserved = self.reserved = self._reserved()
        self.layout = place_events(axis, inputs, self.show_scores, sizes, reserved.values())
        bottom = max(
            [sizes.tick_band[1]]
            + [b[3] for b in reserved.values()]
            + [max(p.label[3], p.mark_box()[3]) for p in self.layout.placed.values()]
        )
        band_gap = 2 * sizes.text
        self.family: FamilyLayout | None = None
        if family_items:
            self.family = place_family(axis, family_items, bottom + band_gap, sizes)
            bottom = max([self.family.y + sizes.family_r] + [b[3] for b in self.family.boxes()])
        self.lanes: list[Lane] = self._lanes(atlas, bottom + band_gap) if lanes_on else []
        self.undated = self._strip(undated)
        self.undated_ids = [u.id for u in self.undated]
        self.positions: dict[str, Point] = {i: (p.x, p.y) for i, p in self.layout.placed.items()}
        self.positions.update({u.id: u.mark for u in self.undated})
        self.home = dict(self.positions)  # where each mark stood before any drag

    # --- reading the atlas ------------------------------------------------------------------

    def _in_unit(self, year: float) -> float | None:
        """A calendar year on this axis: itself, or the client's age then (None: unknown)."""
        if self.unit == "year":
            return year
        return year - self.birth_year if self.birth_year is not None else None

    def _family(self, atlas: Atlas) -> list[Quiet]:
        """Births, deaths, marriages and separations of the people in the genogram."""
        items: list[Quiet] = []

        def add(key: str, year: int | None, text: str) -> None:
            time = self._in_unit(year) if year is not None else None
            if year is not None and time is not None:
                items.append(Quiet(key, time, text, year))

        for person in atlas.nodes(NodeKind.PERSON):
            name = person.shown_label
            add(f"born:{person.id}", person.birth_year, t("timeline.family.born", name=name))
            add(f"died:{person.id}", person.death_year, t("timeline.family.died", name=name))
        for edge in atlas.edges(EdgeKind.PARTNER):
            a, b = atlas.node(edge.source).shown_label, atlas.node(edge.target).shown_label
            # a divorce was a marriage; a couple now apart may not have been married
            together = {
                PartnerStatus.MARRIED: "timeline.family.married",
                PartnerStatus.DIVORCED: "timeline.family.married",
                PartnerStatus.COHABITING: "timeline.family.cohabiting",
            }.get(edge.status, "timeline.family.together")
            add(f"start:{edge.id}", edge.start_year, t(together, a=a, b=b))
            apart = (
                "timeline.family.divorced"
                if edge.status == PartnerStatus.DIVORCED
                else "timeline.family.separated"
            )
            add(f"end:{edge.id}", edge.end_year, t(apart, a=a, b=b))
        return items

    def _lanes(self, atlas: Atlas, top: float) -> list[Lane]:
        """One row per person (those chosen, or everyone involved), by their first event."""
        # everyone involved, by their first event (the events are in time order)
        involved = list(dict.fromkeys(p for ids in self.involved.values() for p in ids))
        chosen = atlas.view_setting(VIEW, "lane_people")
        if chosen is None:
            order = involved
        else:
            wanted = [p for p in chosen if atlas.has("nodes", p)]
            rank = {p: i for i, p in enumerate(involved)}
            order = sorted(wanted, key=lambda p: (rank.get(p, len(rank)), wanted.index(p)))
        lanes = []
        for i, person_id in enumerate(order):
            person = atlas.node(person_id)
            born = self._in_unit(person.birth_year) if person.birth_year is not None else None
            died = getattr(person, "death_year", None)
            if died is not None:
                end = self._in_unit(died)
            elif getattr(person, "deceased", False):
                end = None
            else:
                end = self.now
            life = None
            if end is not None and (born is not None or person.kind == NodeKind.CLIENT):
                start = born if born is not None else self.axis.start
                lo = max(start, self.axis.start)
                hi = min(end, self.axis.end)
                if hi >= lo:
                    life = (self.axis.x_of(lo), self.axis.x_of(hi))
            lanes.append(
                Lane(
                    person_id,
                    person.shown_label,
                    top + i * self.sizes.lane_height,
                    life,
                    born is None or born < self.axis.start,
                    self.sizes.lane_height,
                )
            )
        return lanes

    def _reserved(self) -> dict[str, Box]:
        """What labels keep clear of: the axis with its numbers, the birth mark, the caption."""
        width, size = self.axis.width, self.sizes.text
        band = self.sizes.tick_band
        boxes = {"axis": (-0.8 * size, band[0], width + 0.8 * size, band[1])}
        caption = self.axis_caption()
        boxes["caption"] = (
            width + 1.0 * size,
            -size,
            width + 1.4 * size + text_width(caption, size),
            size,
        )
        if self.birth_time is not None:
            x = self.axis.x_of(self.birth_time)
            words = self.birth_text()
            boxes["birth"] = (
                x - 0.2 * size,
                band[1],
                x + text_width(words, size, True) + 0.2 * size,
                band[1] + size * LINE_HEIGHT + 0.2 * size,
            )
        return boxes

    def _strip(self, events: list[EventNode]) -> list[Undated]:
        """Events without a time, in columns after the axis' end."""
        if not events:
            return []
        boxes = [*self.reserved.values(), *self.layout.boxes()]
        if self.family is not None:
            boxes += self.family.boxes()
        sizes = self.sizes
        r, gap = sizes.badge_r, sizes.gap
        left = max(b[2] for b in boxes) + 3 * sizes.text
        top = -2 * sizes.level
        self.strip_title = (left, top - sizes.text)
        placed = []
        for start in range(0, len(events), STRIP_ROWS):
            column = events[start : start + STRIP_ROWS]
            texts = [label_text(e.shown_label, sizes, "", self._names(e.id)) for e in column]
            y = top
            for event, text in zip(column, texts, strict=True):
                mark = (left + r, y + max(text.height, 2 * r) / 2)
                label_left = left + 2 * r + gap
                box = (label_left, y, label_left + text.width, y + text.height)
                placed.append(Undated(event.id, event.score, text, mark, box))
                y += max(text.height, 2 * r) + gap
            left += 2 * r + gap + max(x.width for x in texts) + 1.6 * sizes.text
        return placed

    def _names(self, event_id: str) -> list[str]:
        """The people involved, under the label; on the lanes instead when those are on."""
        if not self.names_shown:
            return []
        return [self.names[p] for p in self.involved.get(event_id, ())]

    # --- what the screen asks ---------------------------------------------------------------

    def at(self, positions: dict[str, Point]) -> TimelineDrawing:
        """The same drawing with some events elsewhere (while they are being dragged)."""
        moved = object.__new__(TimelineDrawing)
        moved.__dict__.update(self.__dict__)
        moved.positions = {**self.positions, **positions}
        return moved

    def x_of(self, time: float) -> float:
        return self.axis.x_of(time)

    def time_at(self, x: float) -> float:
        return self.axis.time_at(x)

    def score_at(self, y: float) -> int:
        return score_at(y - self.axis_y, self.sizes) if self.show_scores else 0

    def on_axis(self, x: float, y: float) -> bool:
        return abs(y - self.axis_y) <= 1.6 * self.sizes.text and 0 <= x <= self.axis.width

    def lane_at(self, y: float) -> str | None:
        for lane in self.lanes:
            if lane.contains(y):
                return lane.person_id
        return None

    def handle_rect(self, event_id: str) -> Rect:
        """What a tap on the event takes, as (x, y, width, height) from its mark: the mark with
        its label when the label stands by it; else the mark alone (also in the undated strip,
        where a handle around the label beside the mark would cover the column before)."""
        least = max(HANDLE_MIN, 2 * self.sizes.badge_r + self.sizes.gap)
        x, y = self.positions[event_id]
        box = self.label_box(event_id)
        placed = self.layout.placed.get(event_id)
        if box is None or placed is None or placed.leader:
            return (-least / 2, -least / 2, least, least)
        left = min(box[0] - x, -least / 2)
        top = min(box[1] - y, -least / 2)
        right = max(box[2] - x, least / 2)
        bottom = max(box[3] - y, least / 2)
        return (left, top, right - left, bottom - top)

    def handle_size(self, event_id: str) -> tuple[float, float]:
        _, _, width, height = self.handle_rect(event_id)
        return (width, height)

    def label_box(self, event_id: str) -> Box | None:
        """Where the event's label is (moved along with its mark during a drag)."""
        placed = self.layout.placed.get(event_id)
        box = placed.label if placed is not None else None
        if box is None:
            box = next((u.label for u in self.undated if u.id == event_id), None)
        if box is None:
            return None
        hx, hy = self.home[event_id]
        x, y = self.positions[event_id]
        return (box[0] + x - hx, box[1] + y - hy, box[2] + x - hx, box[3] + y - hy)

    def label_boxes(self) -> dict[str, Box]:
        return {i: b for i in self.positions if (b := self.label_box(i)) is not None}

    def axis_caption(self) -> str:
        return t("timeline.axis.age") if self.unit == "age" else t("timeline.axis.year")

    def birth_text(self) -> str:
        return t("timeline.born", year=self.birth_year)

    # --- extent and text --------------------------------------------------------------------

    def _all_boxes(self) -> list[Box]:
        size, r = self.sizes.text, self.sizes.badge_r
        boxes = [*self.reserved.values(), *self.label_boxes().values()]
        boxes += [p.mark_box() for p in self.layout.placed.values()]
        boxes += [(x - r, y - r, x + r, y + r) for x, y in self.positions.values()]
        if self.family is not None:
            boxes += self.family.boxes()
            boxes.append(
                (
                    -1.2 * size - text_width(t("timeline.family"), size),
                    self.family.y - 0.6 * size,
                    0,
                    self.family.y + 0.6 * size,
                )
            )
        for lane in self.lanes:
            width = text_width(lane.name, size, True)
            boxes.append((-1.2 * size - width, lane.top, self.axis.width, lane.top + lane.height))
        if self.undated:
            x, y = self.strip_title
            width = text_width(t("timeline.undated"), size, True)
            boxes.append((x, y - size * 1.2, x + width, y + 0.4 * size))
        return boxes

    def bounds(self) -> Rect:
        box = union(self._all_boxes())
        assert box is not None
        pad = self.sizes.text
        return (box[0] - pad, box[1] - pad, box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad)

    def texts(self) -> list[str]:
        found = [line.text for i in self.spans.values() for line in i.text.lines]
        found += [line.text for u in self.undated for line in u.text.lines]
        if self.show_scores:
            scores = (self.events[i].score for i in self.positions)
            found += [score_symbol(score) for score in scores if score is not None]
        found += [str(time) for _, time, labelled in self.axis.ticks(self.tick_width) if labelled]
        found.append(self.axis_caption())
        if self.birth_time is not None:
            found.append(self.birth_text())
        if self.family is not None:
            found += [t("timeline.family"), *(m[2] for m in self.family.marks)]
        found += [lane.name for lane in self.lanes]
        if self.undated:
            found.append(t("timeline.undated"))
        return found

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        draw_timeline(self, painter)

    def legend(self) -> list[LegendEntry]:
        return legend_entries(self)
