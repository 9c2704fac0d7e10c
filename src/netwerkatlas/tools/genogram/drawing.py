"""The genogram drawn on any `Painter`: the canvas paints it with Qt, the poster with reportlab.

Names are prominent under each symbol, with the relation to the client below in grey; birth
year top left, death year top right, the age inside; couples joined at mid-height with their
years ("h '73", "g '97", "uit elkaar '20"); children hanging from the middle of their parents'
line; emotional lines around the people in between. Where the lines run is `routing`'s work.
"""

from __future__ import annotations

import itertools
import math
from datetime import date

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, EdgeKind
from netwerkatlas.model.atlas import Point
from netwerkatlas.model.records import (
    EmotionalKind,
    Gender,
    NodeBase,
    ParentChildKind,
    PartnerStatus,
    Pregnancy,
)
from netwerkatlas.render.drawing import LegendEntry, Rect
from netwerkatlas.render.fonts import baseline_offset, text_width
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import INK, MUTED
from netwerkatlas.render.text_fit import fit_text
from netwerkatlas.tools.genogram import lines, routing, sizing
from netwerkatlas.tools.genogram.family import Family, kind_of_child, read_family
from netwerkatlas.tools.genogram.layout import SYMBOL, genogram_positions
from netwerkatlas.tools.genogram.sizing import HOUSEHOLD_PAD, NAME_SIZE, NAME_WIDTH, SMALL
from netwerkatlas.tools.genogram.symbols import draw_symbol


def short_year(year: int | None) -> str:
    return f"'{year % 100:02d}" if year is not None else ""


def age_of(person: NodeBase, today: date) -> int | None:
    """Age now, or at death; None when it cannot be known."""
    born = getattr(person, "birth_year", None)
    if born is None:
        return None
    died = getattr(person, "death_year", None)
    if died is None and getattr(person, "deceased", False):
        return None
    return max(0, (died or today.year) - born)


def couple_labels(
    status: PartnerStatus | str, start: int | None, end: int | None
) -> tuple[str, str]:
    """The years of a couple: how it began ("h '73", "s '95") and, for a couple that split,
    how it ended: divorced ("g '97") and separated ("uit elkaar '20") are different facts."""
    began = ""
    if start:
        kind = "cohabiting" if status == PartnerStatus.COHABITING else "married"
        began = t(f"genogram.year.{kind}", year=short_year(start))
    ended = ""
    if end and status in (PartnerStatus.DIVORCED, PartnerStatus.SEPARATED):
        ended = t(f"genogram.year.{status}", year=short_year(end))
    return began, ended


class GenogramDrawing:
    """The genogram view of an atlas, ready to be drawn on any `Painter`. Its base type
    sizes read at the screen's minimum; with `client` the type and the spread grow for client
    mode's larger one (`sizing`), or by a given `scale`. `positions` are where people are
    drawn; `stored_place` turns one back into the atlas's."""

    def __init__(
        self,
        atlas: Atlas,
        show_scores: bool = True,
        today: date | None = None,
        *,
        client: bool = False,
        scale: float | None = None,
    ) -> None:
        self.today = today or date.today()
        self.view_title = t("view.genogram")
        self.family: Family = read_family(atlas, atlas.view_setting("genogram", "index_id"))
        placed = genogram_positions(atlas, self.family)
        self._size_type(1.0)
        if scale is None and client:
            below = {
                p: sizing.text_below(
                    len(self.name_lines(person)),
                    len(self.relation_lines(getattr(person, "relation", "") or "")),
                )
                for p, person in self.family.persons.items()
            }
            scale = sizing.type_scale(placed, below, client=True)
        self._size_type(scale or 1.0)
        self.positions: dict[str, Point] = sizing.spread(placed, self.scale)
        self.emotional = [
            e
            for e in atlas.edges(EdgeKind.EMOTIONAL)
            if e.source in self.positions and e.target in self.positions
        ]
        self._lines: tuple[list[routing.CoupleRoute], list[routing.SiblingBar]] | None = None
        self._routes: dict[str, list[Point]] | None = None

    def at(self, positions: dict[str, Point]) -> GenogramDrawing:
        """The same drawing with some people elsewhere (while they are being dragged)."""
        moved = object.__new__(GenogramDrawing)
        moved.__dict__.update(self.__dict__)
        moved.positions = {**self.positions, **positions}
        moved._lines = moved._routes = None
        return moved

    def _size_type(self, scale: float) -> None:
        self.scale = scale
        self.name_size, self.small = NAME_SIZE * scale, SMALL * scale
        self.name_width = NAME_WIDTH * scale

    def stored_place(self, point: Point) -> Point:
        """Where a person drawn at `point` is kept in the atlas (the drawing may be spread)."""
        return sizing.unspread(point, self.scale)

    # --- extent and text --------------------------------------------------------------------

    def bounds(self) -> Rect:
        if not self.positions:
            return (-100.0, -100.0, 200.0, 200.0)
        xs = [p[0] for p in self.positions.values()]
        ys = [p[1] for p in self.positions.values()]
        pad_x, top = self.name_width / 2 + HOUSEHOLD_PAD, SYMBOL / 2 + 5 + self.small
        bottom = SYMBOL / 2 + 5 + self.name_size * 2.15 + self.small * 2.3  # name, relation
        left, right = min(xs) - pad_x, max(xs) + pad_x
        upper, lower = min(ys) - top, max(ys) + bottom
        for route in self.emotional_routes().values():  # a curve may go round the outside
            left = min(left, *(p[0] - 8 for p in route))
            right = max(right, *(p[0] + 8 for p in route))
            upper = min(upper, *(p[1] - 8 for p in route))
            lower = max(lower, *(p[1] + 8 for p in route))
        return (left, upper, right - left, lower - upper)

    def name_lines(self, person: NodeBase) -> tuple[str, ...]:
        return fit_text(
            person.shown_label,
            self.name_size,
            self.name_width,
            lambda s, z: text_width(s, z, True),
            2,
        ).lines

    def relation_lines(self, relation: str) -> tuple[str, ...]:
        """The relation to the client under the name, wrapped to the person's slot."""
        return fit_text(relation, self.small, self.name_width, text_width, 2).lines

    def texts(self) -> list[str]:
        return [line for p in self.family.persons.values() for line in self.name_lines(p)]

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        self._draw_households(painter)
        self._draw_couples_and_children(painter)
        routes = self.emotional_routes()
        for edge in self.emotional:
            lines.emotional_path(painter, routes[edge.id], edge.quality)
        for person_id in self.family.persons:
            self.draw_person(painter, person_id)

    def draw_person(self, painter: Painter, person_id: str) -> None:
        person = self.family.persons[person_id]
        x, y = self.positions[person_id]
        half, small = SYMBOL / 2, self.small
        deceased = bool(getattr(person, "deceased", False) or getattr(person, "death_year", None))
        draw_symbol(
            painter,
            x,
            y,
            SYMBOL,
            getattr(person, "gender", Gender.UNKNOWN),
            index=person_id == self.family.index_id,
            deceased=deceased,
            pregnancy=getattr(person, "pregnancy", None),
        )
        born, died = getattr(person, "birth_year", None), getattr(person, "death_year", None)
        # Birth year top left, death year top right, meeting above the middle.
        if born:
            painter.text(
                x - 4 if died else x - half,
                y - half - 5,
                str(born),
                size=small,
                colour=INK,
                align="right" if died else "left",
            )
        if died:
            painter.text(x + 4, y - half - 5, str(died), size=small, colour=INK)
        age = age_of(person, self.today)
        if age is not None and getattr(person, "pregnancy", None) is None:
            if deceased:  # keep the age at death readable on top of the cross
                wide = min(text_width(str(age), small) + 6, SYMBOL - 4)
                painter.rect(x - wide / 2, y - small * 0.6, wide, small * 1.2, fill="#ffffff")
            painter.text(
                x, y + baseline_offset(small), str(age), size=small, colour=INK, align="centre"
            )
        top = y + half + 5 + self.name_size
        for i, line in enumerate(self.name_lines(person)):
            painter.text(
                x,
                top + i * self.name_size * 1.15,
                line,
                size=self.name_size,
                colour=INK,
                bold=True,
                align="centre",
            )
        relation = getattr(person, "relation", "")
        if relation:
            below = top + len(self.name_lines(person)) * self.name_size * 1.15
            for i, line in enumerate(self.relation_lines(relation)):
                y_line = below + i * small * 1.15
                painter.text(x, y_line, line, size=small, colour=MUTED, align="centre")

    # --- where the lines run ----------------------------------------------------------------

    def couple_routes(self) -> list[routing.CoupleRoute]:
        return self._geometry()[0]

    def sibling_bars(self) -> list[routing.SiblingBar]:
        return self._geometry()[1]

    def emotional_routes(self) -> dict[str, list[Point]]:
        """Each emotional relation's line, by relation id: clear of everyone else's symbol."""
        if self._routes is None:
            routes, bars = self._geometry()
            segments = routing.family_segments(routes, bars, self.positions, self.scale)
            self._routes = {}
            # The short ones first: they can least go round, the long ones then avoid them.
            for edge in sorted(self.emotional, key=self._straight_length):
                a, b = self.positions[edge.source], self.positions[edge.target]
                others = [
                    p for pid, p in self.positions.items() if pid not in (edge.source, edge.target)
                ]
                route = routing.emotional_route(a, b, others, segments, SYMBOL * 0.62, self.scale)
                self._routes[edge.id] = route
                segments = [*segments, *itertools.pairwise(route)]  # later ones avoid it too
        return self._routes

    def _straight_length(self, edge) -> tuple:
        a, b = self.positions[edge.source], self.positions[edge.target]
        key = self.family.birth_key
        return (round(math.dist(a, b), 1), key(edge.source), key(edge.target))

    def _geometry(self) -> tuple[list[routing.CoupleRoute], list[routing.SiblingBar]]:
        if self._lines is None:
            routes = routing.couple_routes(self.family, self.positions, self.scale)
            bars = routing.sibling_bars(self.family, self.positions, routes, self.scale)
            self._lines = (routes, bars)
        return self._lines

    def _draw_couples_and_children(self, painter: Painter) -> None:
        """The lines down to the children first: a couple's end year below its line lies on
        top of the line down from its middle."""
        routes, bars = self._geometry()
        for bar in bars:
            entries = []
            for child in bar.children:
                link = self.family.child_links.get((bar.parent, child))
                entries.append(
                    (
                        self.positions[child],
                        kind_of_child(self.family, bar.parent, child),
                        link.twin_group if link else "",
                        bool(link and link.identical_twin),
                    )
                )
            gap = routing.child_gap(self.scale)
            lines.children_lines(painter, bar.start, bar.y, entries, gap)
        for route in routes:
            rel = route.couple.relation
            label, below = couple_labels(rel.status, rel.start_year, rel.end_year)
            for riser in route.risers:
                painter.line(*riser[0], *riser[1], colour=INK, width=lines.WIDTH)
            start, end = route.start, route.end
            if below and text_width(f"{label} {below}", self.small) <= end[0] - start[0] - 4:
                label, below = f"{label} {below}".strip(), ""
            lines.couple_line(painter, start, end, rel.status, label, self.small, below)

    def _draw_households(self, painter: Painter) -> None:
        households: dict[str, list[Point]] = {}
        for person_id, person in self.family.persons.items():
            name = getattr(person, "household", "")
            if name:
                households.setdefault(name, []).append(self.positions[person_id])
        for points in households.values():
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            left = min(xs) - self.name_width / 2 - 4
            top = min(ys) - SYMBOL / 2 - HOUSEHOLD_PAD - 10 * self.scale
            painter.rect(
                left,
                top,
                max(xs) - min(xs) + self.name_width + 8,
                max(ys) - min(ys) + SYMBOL + 2 * HOUSEHOLD_PAD + 40 * self.scale,
                stroke=MUTED,
                width=1.2,
                dash=(2, 3),
            )

    # --- legend -----------------------------------------------------------------------------

    def legend(self) -> list[LegendEntry]:
        persons = list(self.family.persons.values())
        symbols, relations = t("legend.symbols"), t("legend.relations")
        entries = [
            LegendEntry(t("genogram.legend.male"), _symbol(Gender.MALE), symbols),
            LegendEntry(t("genogram.legend.female"), _symbol(Gender.FEMALE), symbols),
        ]
        if any(getattr(p, "gender", None) in (Gender.OTHER, Gender.UNKNOWN) for p in persons):
            entries.append(
                LegendEntry(t("genogram.legend.other"), _symbol(Gender.UNKNOWN), symbols)
            )
        entries.append(
            LegendEntry(t("genogram.legend.index"), _symbol(Gender.FEMALE, index=True), symbols)
        )
        if any(getattr(p, "deceased", False) or getattr(p, "death_year", None) for p in persons):
            entries.append(
                LegendEntry(
                    t("genogram.legend.deceased"), _symbol(Gender.MALE, deceased=True), symbols
                )
            )
        for kind in (Pregnancy.PREGNANT, Pregnancy.MISCARRIAGE):
            if any(getattr(p, "pregnancy", None) == kind for p in persons):
                entries.append(
                    LegendEntry(
                        t(f"genogram.legend.{kind}"),
                        _symbol(Gender.UNKNOWN, pregnancy=kind),
                        symbols,
                    )
                )
        statuses = {c.relation.status for c in self.family.couples}
        for status in PartnerStatus:
            if status in statuses and status != PartnerStatus.OTHER:
                entries.append(
                    LegendEntry(t(f"genogram.legend.{status}"), _couple(status), relations)
                )
        kinds = {link.relation for link in self.family.child_links.values()}
        for kind in (ParentChildKind.ADOPTED, ParentChildKind.FOSTER):
            if kind in kinds:
                entries.append(LegendEntry(t(f"genogram.legend.{kind}"), _child(kind), relations))
        links = self.family.child_links.values()
        if any(link.twin_group for link in links):
            entries.append(LegendEntry(t("genogram.legend.twins"), _twins(False), relations))
        if any(link.twin_group and link.identical_twin for link in links):
            entries.append(LegendEntry(t("genogram.legend.identical"), _twins(True), relations))
        if any(getattr(p, "household", "") for p in persons):
            entries.append(LegendEntry(t("genogram.legend.household"), _household, relations))
        for kind in EmotionalKind:
            if any(e.quality == kind for e in self.emotional):
                key = "other_relation" if kind == EmotionalKind.OTHER else kind
                entries.append(LegendEntry(t(f"genogram.legend.{key}"), _emotion(kind), relations))
        return entries


def _symbol(gender, **flags):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        draw_symbol(painter, x, y, size * 0.62, gender, **flags)

    return draw


def _couple(status):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        lines.couple_line(painter, (x - size * 0.55, y), (x + size * 0.55, y), status, "", 1)

    return draw


def _child(kind):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        painter.line(
            x, y - size * 0.5, x, y + size * 0.5, colour=INK, width=1.5, dash=lines.DASHES[kind]
        )

    return draw


def _twins(identical: bool):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        top, bottom, spread = y - size * 0.45, y + size * 0.45, size * 0.4
        lines.children_lines(
            painter,
            (x, top),
            top,
            [
                ((x - spread, bottom), ParentChildKind.BIOLOGICAL, "t", identical),
                ((x + spread, bottom), ParentChildKind.BIOLOGICAL, "t", identical),
            ],
            0,
        )

    return draw


def _household(painter: Painter, x: float, y: float, size: float) -> None:
    painter.rect(
        x - size * 0.5, y - size * 0.4, size, size * 0.8, stroke=MUTED, width=1.2, dash=(2, 3)
    )


def _emotion(kind):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        lines.emotional_line(painter, (x - size * 0.6, y), (x + size * 0.6, y), kind)

    return draw
