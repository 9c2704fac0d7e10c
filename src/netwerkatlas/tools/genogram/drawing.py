"""The genogram drawn on any `Painter`: the canvas paints it with Qt, the poster with reportlab.

Names are prominent under each symbol, with the relation to the client below in grey; birth
year top left, death year top right, the age inside; couples joined at mid-height with their
years ("h '73", "g '97"); children hanging from the middle of their parents' line.
"""

from __future__ import annotations

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
from netwerkatlas.tools.genogram import lines
from netwerkatlas.tools.genogram.family import Family, kind_of_child, read_family
from netwerkatlas.tools.genogram.layout import ROW, SLOT, SYMBOL, genogram_positions
from netwerkatlas.tools.genogram.symbols import draw_symbol

NAME_SIZE = 11.0
SMALL = 8.5
NAME_WIDTH = SLOT * 0.92
HOUSEHOLD_PAD = 16.0


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
    """The genogram view of an atlas, ready to be drawn on any `Painter`."""

    def __init__(self, atlas: Atlas, show_scores: bool = True, today: date | None = None) -> None:
        self.today = today or date.today()
        self.view_title = t("view.genogram")
        self.family: Family = read_family(atlas, atlas.view_setting("genogram", "index_id"))
        self.positions: dict[str, Point] = genogram_positions(atlas, self.family)
        self.emotional = [
            e
            for e in atlas.edges(EdgeKind.EMOTIONAL)
            if e.source in self.positions and e.target in self.positions
        ]

    def at(self, positions: dict[str, Point]) -> GenogramDrawing:
        """The same drawing with some people elsewhere (while they are being dragged)."""
        moved = object.__new__(GenogramDrawing)
        moved.__dict__.update(self.__dict__)
        moved.positions = {**self.positions, **positions}
        return moved

    # --- extent and text --------------------------------------------------------------------

    def bounds(self) -> Rect:
        if not self.positions:
            return (-100.0, -100.0, 200.0, 200.0)
        xs = [p[0] for p in self.positions.values()]
        ys = [p[1] for p in self.positions.values()]
        pad_x, top, bottom = NAME_WIDTH / 2 + HOUSEHOLD_PAD, SYMBOL / 2 + 22, SYMBOL / 2 + 46
        return (
            min(xs) - pad_x,
            min(ys) - top,
            max(xs) - min(xs) + 2 * pad_x,
            max(ys) - min(ys) + top + bottom,
        )

    def name_lines(self, person: NodeBase) -> tuple[str, ...]:
        return fit_text(
            person.shown_label, NAME_SIZE, NAME_WIDTH, lambda s, z: text_width(s, z, True), 2
        ).lines

    def texts(self) -> list[str]:
        return [line for p in self.family.persons.values() for line in self.name_lines(p)]

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        self._draw_households(painter)
        self._draw_couples_and_children(painter)
        for edge in self.emotional:
            a, b = self.positions[edge.source], self.positions[edge.target]
            start, end = lines.trim(a, b, SYMBOL * 0.62, SYMBOL * 0.62)
            lines.emotional_line(painter, start, end, edge.quality)
        for person_id in self.family.persons:
            self.draw_person(painter, person_id)

    def draw_person(self, painter: Painter, person_id: str) -> None:
        person = self.family.persons[person_id]
        x, y = self.positions[person_id]
        half = SYMBOL / 2
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
                x - 2 if died else x - half,
                y - half - 5,
                str(born),
                size=SMALL,
                colour=INK,
                align="right" if died else "left",
            )
        if died:
            painter.text(x + 2, y - half - 5, str(died), size=SMALL, colour=INK)
        age = age_of(person, self.today)
        if age is not None and getattr(person, "pregnancy", None) is None:
            if deceased:  # keep the age at death readable on top of the cross
                painter.rect(x - 9, y - 7.5, 18, 15, fill="#ffffff")
            painter.text(x, y + baseline_offset(12), str(age), size=12, colour=INK, align="centre")
        top = y + half + 5 + NAME_SIZE
        for i, line in enumerate(self.name_lines(person)):
            painter.text(
                x,
                top + i * NAME_SIZE * 1.15,
                line,
                size=NAME_SIZE,
                colour=INK,
                bold=True,
                align="centre",
            )
        relation = getattr(person, "relation", "")
        if relation:
            below = top + len(self.name_lines(person)) * NAME_SIZE * 1.15
            painter.text(x, below, relation, size=SMALL, colour=MUTED, align="centre")

    def _draw_couples_and_children(self, painter: Painter) -> None:
        half = SYMBOL / 2
        detours = 0
        for couple in self.family.couples:
            a, b = self.positions[couple.left], self.positions[couple.right]
            if a[0] > b[0]:
                a, b = b, a
            rel = couple.relation
            label, below = couple_labels(rel.status, rel.start_year, rel.end_year)
            start, end = (a[0] + half, a[1]), (b[0] - half, b[1])
            if self._someone_between(a, b):
                # A third partner further along the row: go over the heads in between, a
                # little higher for each such couple, so no two lines lie on top of each other.
                detours += 1
                top = min(a[1], b[1]) - half - 18 - 10 * detours
                painter.line(a[0], a[1] - half, a[0], top, colour=INK, width=lines.WIDTH)
                painter.line(b[0], b[1] - half, b[0], top, colour=INK, width=lines.WIDTH)
                start, end = (a[0], top), (b[0], top)
            if below and text_width(f"{label} {below}", SMALL) <= end[0] - start[0] - 4:
                label, below = f"{label} {below}".strip(), ""
            lines.couple_line(painter, start, end, rel.status, label, SMALL, below)
            middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
            self._children(painter, middle, couple.left, couple.children)
        for parent, children in self.family.single_parent_children.items():
            px, py = self.positions[parent]
            start = (px, py + half + NAME_SIZE * 2.6)
            self._children(painter, start, parent, children)

    def _someone_between(self, a: Point, b: Point) -> bool:
        return any(
            abs(y - a[1]) < 1 and a[0] + 1 < x < b[0] - 1 for x, y in self.positions.values()
        )

    def _children(self, painter: Painter, start: Point, parent: str, children: list[str]) -> None:
        if not children:
            return
        top = min(self.positions[c][1] for c in children)
        bar_y = top - ROW * 0.38
        entries = []
        for child in children:
            link = self.family.child_links.get((parent, child))
            entries.append(
                (
                    self.positions[child],
                    kind_of_child(self.family, parent, child),
                    link.twin_group if link else "",
                    bool(link and link.identical_twin),
                )
            )
        lines.children_lines(painter, start, bar_y, entries, SYMBOL / 2 + 16)

    def _draw_households(self, painter: Painter) -> None:
        households: dict[str, list[Point]] = {}
        for person_id, person in self.family.persons.items():
            name = getattr(person, "household", "")
            if name:
                households.setdefault(name, []).append(self.positions[person_id])
        for points in households.values():
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            left = min(xs) - NAME_WIDTH / 2 - 4
            top = min(ys) - SYMBOL / 2 - HOUSEHOLD_PAD - 10
            painter.rect(
                left,
                top,
                max(xs) - min(xs) + NAME_WIDTH + 8,
                max(ys) - min(ys) + SYMBOL + 2 * HOUSEHOLD_PAD + 40,
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
