"""The ecogram drawn on any `Painter`, after Hartman (1978) with the Dutch support letters.

The client sits in the centre, the leefgebieden are sectors around them, and each contact is a
card with the name and a short note. A line joins the client to each contact: thick for a
strong tie, dashed for a tenuous one, hatched for a stressful one, thin when nothing is known;
arrows show which way support and energy flow, and letters on the line what kind of support
(P praktisch, G gezelschap, A advies/informatie, E emotioneel). When the household shares the
middle, its members are named in the client's circle and the lines start at its rim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, Direction, SupportKind, SupportStrength
from netwerkatlas.model.atlas import Point
from netwerkatlas.render.drawing import LegendEntry, Rect
from netwerkatlas.render.fonts import LINE_HEIGHT, baseline_offset, text_width
from netwerkatlas.render.geometry import arrow_head, boxes_meet, shared_area
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import CLIENT_FILL, INK, MUTED
from netwerkatlas.tools.ecogram.domains import seen_from_client, support_edge
from netwerkatlas.tools.ecogram.geometry import Box
from netwerkatlas.tools.ecogram.layout import ASPECT, CLIENT_ASPECT, EcogramLayout, build_layout
from netwerkatlas.tools.ecogram.sizes import CLIENT_SCALE, FIRST_LEAST, TypeSizes

SECTOR_FILLS = ("#edf2f7", "#f6f8fb")
CARD_FILL = "#ffffff"
STRESS = "#b03a2e"  # red as well as hatched, so a black-and-white print still tells it
WIDTHS = {SupportStrength.STRONG: 3.2, SupportStrength.TENUOUS: 1.5, SupportStrength.STRESSFUL: 1.4}
PLAIN_WIDTH = 0.9
DASH = (7.0, 5.0)
HATCH_STEP, HATCH_HALF = 7.0, 4.5
LETTER_SPOTS = tuple(sorted((i / 20 for i in range(3, 18)), key=lambda f: abs(f - 0.5)))
"""Places along a line for its letters, from its middle outwards."""


@dataclass(frozen=True)
class Tie:
    """The line between the client and one contact, as the drawing needs it."""

    strength: SupportStrength | None  # None: a contact without a described relation
    flow: Direction  # seen from the client: forward = the client gives
    support: tuple[SupportKind, ...]


def letters(support: tuple[SupportKind, ...]) -> str:
    """The support letters in a fixed order (P G A E), whatever order they were stored in."""
    return " ".join(t(f"ecogram.letter.{k}") for k in SupportKind if k in support)


class EcogramDrawing:
    """The ecogram view of an atlas, ready to be drawn on any `Painter`."""

    def __init__(
        self,
        atlas: Atlas,
        show_scores: bool = True,
        show_notes: bool = True,
        *,
        client: bool = False,
        large_type: bool | None = None,
    ) -> None:
        """Scores are not part of an ecogram; the flag is taken for the export's signature.
        Without notes (client mode) the cards hold only the names and are laid out as such;
        with `client` the type is larger, for the client across the table, and the drawing
        wider. `large_type` gives names-only cards that larger type without client mode."""
        self.view_title = t("view.ecogram")
        large = client if large_type is None else large_type
        self.sizes = TypeSizes(FIRST_LEAST * (CLIENT_SCALE if large else 1.0))
        aspect = CLIENT_ASPECT if client else ASPECT
        self._use(build_layout(atlas, self.sizes, show_notes, aspect))
        self.ties: dict[str, Tie] = {}
        for person in self.cards:  # the people in the sectors: the household needs no line
            edge = support_edge(atlas, person)
            self.ties[person] = (
                Tie(None, Direction.NONE, ())
                if edge is None
                else Tie(edge.strength, seen_from_client(edge, atlas.client_id), edge.support)
            )

    def _use(self, layout: EcogramLayout) -> None:
        self.layout = layout
        self.geometry = self.layout.geometry
        self.cards = self.layout.cards
        self.centre = self.layout.centre
        self.positions: dict[str, Point] = dict(self.layout.positions)

    def at(self, positions: dict[str, Point]) -> EcogramDrawing:
        """The same drawing with some people elsewhere (while they are being dragged)."""
        moved = object.__new__(EcogramDrawing)
        moved.__dict__.update(self.__dict__)
        moved.positions = {**self.positions, **positions}
        return moved

    def domain_at(self, point: Point) -> str | None:
        return self.layout.domain_at(point)

    def card_box(self, person_id: str) -> Box:
        """The card of someone in a sector, or the name of someone in the middle."""
        x, y = self.positions[person_id]
        member = self.centre.members.get(person_id)
        if member is not None:
            return (x - member.half_w, y - member.half_h, x + member.half_w, y + member.half_h)
        return self.cards[person_id].box((x, y))

    def handle_size(self, person_id: str) -> tuple[float, float]:
        """What a tap or a drag takes hold of: the whole card or name, and at least a
        fingertip."""
        x1, y1, x2, y2 = self.card_box(person_id)
        return max(x2 - x1, 36.0), max(y2 - y1, 28.0)

    # --- extent and text --------------------------------------------------------------------

    def _labels(self) -> list[tuple[float, float, str, Box]]:
        """Each line of each domain's name inside the rim: (x, baseline, text, box)."""
        found = []
        size = self.sizes.label
        step = size * LINE_HEIGHT
        for label in (self.layout.labels or {}).values():
            x, y = label.centre
            first = y - step * (len(label.lines) - 1) / 2 + baseline_offset(size)
            for i, line in enumerate(label.lines):
                found.append((x, first + i * step, line, label.box))
        return found

    def bounds(self) -> Rect:
        r, k = self.geometry.outer, self.geometry.aspect
        boxes = [(-r * k, -r, r * k, r)] + [b for *_, b in self._labels()]
        boxes += [self.card_box(p) for p in self.positions]
        left, top = min(b[0] for b in boxes) - 12, min(b[1] for b in boxes) - 12
        right, bottom = max(b[2] for b in boxes) + 12, max(b[3] for b in boxes) + 12
        return (left, top, right - left, bottom - top)

    def texts(self) -> list[str]:
        found = list(self.centre.client_lines) + [line for _, _, line, _ in self._labels()]
        for member in self.centre.members.values():
            found += member.lines
        for person in self.cards:
            card = self.cards[person]
            found += [*card.name_lines, *card.note_lines]
            if self.ties[person].support:
                found.append(letters(self.ties[person].support))
        return found

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        self._draw_sectors(painter)
        ends = {p: self._ends(p) for p in self.cards}
        for person, (start, end) in ends.items():
            draw_tie(painter, start, end, self.ties[person])
        self._draw_client(painter)
        for person in self.cards:
            self._draw_card(painter, person)
        self._draw_letters(painter, ends)

    def _draw_sectors(self, painter: Painter) -> None:
        geometry = self.geometry
        outer, count = geometry.outer, len(geometry.domains)
        for index in range(count):
            start, end = geometry.sector_span(index)
            steps = max(2, int((end - start) / math.radians(3)))
            arc = [
                geometry.point(outer, start + (end - start) * i / steps) for i in range(steps + 1)
            ]
            fill = SECTOR_FILLS[index % 2] if count % 2 == 0 or index < count - 1 else "#f1f5f9"
            painter.polygon([(0.0, 0.0), *arc] if count > 1 else arc, fill=fill)
        steps = 120
        rim = [geometry.point(outer, 2 * math.pi * i / steps) for i in range(steps)]
        painter.polygon(rim, stroke=MUTED, width=1.0)
        if count > 1:
            for index in range(count):
                start, _ = geometry.sector_span(index)
                ux, uy = geometry.ray(start)
                a, b = (ux * geometry.centre, uy * geometry.centre), geometry.point(outer, start)
                painter.line(*a, *b, colour=MUTED, width=0.8)
        for x, y, line, _ in self._labels():
            painter.text(x, y, line, size=self.sizes.label, colour=INK, bold=True, align="centre")

    def _draw_client(self, painter: Painter) -> None:
        centre = self.centre
        painter.circle(0, 0, centre.radius, fill=CLIENT_FILL, stroke=INK, width=1.8)
        lines, size = centre.client_lines, centre.client_size
        step = size * LINE_HEIGHT
        first = centre.client_y - step * (len(lines) - 1) / 2 + baseline_offset(size)
        for i, line in enumerate(lines):
            painter.text(
                0, first + i * step, line, size=size, colour=INK, bold=True, align="centre"
            )
        if centre.rule is not None:
            y, half = centre.rule
            painter.line(-half, y, half, y, colour=MUTED, width=0.6)
        for person, member in centre.members.items():
            x, y = self.positions[person]
            painter.text(
                x,
                y + baseline_offset(member.size),
                member.lines[0],
                size=member.size,
                colour=INK,
                align="centre",
            )

    def _draw_card(self, painter: Painter, person: str) -> None:
        card = self.cards[person]
        x, y = self.positions[person]
        x1, y1, x2, y2 = card.box((x, y))
        painter.rect(x1, y1, x2 - x1, y2 - y1, fill=CARD_FILL, stroke=MUTED, width=0.7)
        baseline = y1 + self.sizes.pad[1] + card.name_size * 0.95
        for line in card.name_lines:
            painter.text(
                x, baseline, line, size=card.name_size, colour=INK, bold=True, align="centre"
            )
            baseline += card.name_size * LINE_HEIGHT
        baseline += self.sizes.note * 0.1
        for line in card.note_lines:
            painter.text(x, baseline, line, size=self.sizes.note, colour=MUTED, align="centre")
            baseline += self.sizes.note * LINE_HEIGHT

    def _ends(self, person: str) -> tuple[Point, Point]:
        """From the client's rim to the edge of the person's card, along the line between."""
        x, y = self.positions[person]
        length = math.hypot(x, y) or 1.0
        entry = _entry(self.cards[person].box((x, y), 1.5))
        rim = self.geometry.centre
        start = (x * rim / length, y * rim / length)
        end = (x * entry, y * entry)
        if math.dist((0, 0), end) <= rim:  # the card lies over the client
            end = start
        return start, end

    def letter_boxes(self, ends: dict[str, tuple[Point, Point]] | None = None) -> dict[str, Box]:
        """Where each line's support letters stand, in a small box on the line: at its middle, or
        as near it as keeps them off the cards, the client and each other's boxes; where no place
        on the line is free, the one that covers the least."""
        if ends is None:
            ends = {p: self._ends(p) for p in self.cards}
        taken = [self.card_box(p) for p in self.cards] + [b for *_, b in self._labels()]
        rim = self.geometry.centre
        taken.append((-rim, -rim, rim, rim))
        found: dict[str, Box] = {}
        for person, (start, end) in ends.items():
            text = letters(self.ties[person].support)
            if not text:
                continue
            size = self.sizes.letter
            half_w, half_h = text_width(text, size, True) / 2 + size * 0.3, size * 0.75
            spots = [
                (start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f)
                for f in LETTER_SPOTS
            ]
            boxes = [(x - half_w, y - half_h, x + half_w, y + half_h) for x, y in spots]
            box = next((b for b in boxes if not any(boxes_meet(b, o) for o in taken)), None)
            if box is None:
                box = min(boxes, key=lambda b: sum(shared_area(b, o) for o in taken))
            taken.append(box)
            found[person] = box
        return found

    def _draw_letters(self, painter: Painter, ends: dict[str, tuple[Point, Point]]) -> None:
        for person, box in self.letter_boxes(ends).items():
            text = letters(self.ties[person].support)
            colour = STRESS if self.ties[person].strength == SupportStrength.STRESSFUL else INK
            painter.rect(
                box[0],
                box[1],
                box[2] - box[0],
                box[3] - box[1],
                fill=CARD_FILL,
                stroke=colour,
                width=0.6,
            )
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            painter.text(
                cx,
                cy + baseline_offset(self.sizes.letter),
                text,
                size=self.sizes.letter,
                colour=INK,
                bold=True,
                align="centre",
            )

    # --- legend -----------------------------------------------------------------------------

    def legend(self) -> list[LegendEntry]:
        symbols, relations = t("legend.symbols"), t("legend.relations")
        ties = list(self.ties.values())
        client = "ecogram.legend.household" if self.centre.members else "legend.client"
        entries = [LegendEntry(t(client), _client_symbol, symbols)]
        for strength in SupportStrength:
            if any(tie.strength == strength for tie in ties):
                entries.append(
                    LegendEntry(t(f"ecogram.legend.{strength}"), _tie_symbol(strength), relations)
                )
        if any(tie.strength is None for tie in ties):
            entries.append(LegendEntry(t("ecogram.legend.plain"), _tie_symbol(None), relations))
        flows = {tie.flow for tie in ties if tie.strength is not None}
        for flow, key in (
            (Direction.BACKWARD, "to_client"),
            (Direction.FORWARD, "from_client"),
            (Direction.BOTH, "both"),
        ):
            if flow in flows:
                entries.append(
                    LegendEntry(t(f"ecogram.legend.{key}"), _arrow_symbol(flow), relations)
                )
        kinds = {k for tie in ties for k in tie.support}
        group = t("ecogram.legend.support")
        for kind in SupportKind:
            if kind in kinds:
                entries.append(
                    LegendEntry(t(f"ecogram.legend.{kind}"), _letter_symbol(kind), group)
                )
        return entries


def draw_tie(painter: Painter, start: Point, end: Point, tie: Tie) -> None:
    """One line from the client (at `start`) to a contact (at `end`), with its arrows."""
    length = math.dist(start, end)
    if length < 1:
        return
    strength = tie.strength
    colour = STRESS if strength == SupportStrength.STRESSFUL else INK if strength else MUTED
    width = WIDTHS.get(strength, PLAIN_WIDTH) if strength else PLAIN_WIDTH
    head = 9.0 + width * 1.2
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    to_client = tie.flow in (Direction.BACKWARD, Direction.BOTH) and strength is not None
    from_client = tie.flow in (Direction.FORWARD, Direction.BOTH) and strength is not None
    # The line stops inside the arrow heads, so a thick line does not poke out of their tips.
    a = (start[0] + ux * head * 0.7, start[1] + uy * head * 0.7) if to_client else start
    b = (end[0] - ux * head * 0.7, end[1] - uy * head * 0.7) if from_client else end
    dash = DASH if strength == SupportStrength.TENUOUS else None
    painter.line(*a, *b, colour=colour, width=width, dash=dash)
    if strength == SupportStrength.STRESSFUL:
        # Cross-strokes along the line, evenly, leaving the arrow heads clear.
        nx, ny = -uy * HATCH_HALF, ux * HATCH_HALF
        first = head if to_client else HATCH_STEP / 2
        last = length - (head if from_client else HATCH_STEP / 2)
        count = max(0, int((last - first) // HATCH_STEP))
        first += (last - first - count * HATCH_STEP) / 2
        for i in range(count + 1):
            d = first + i * HATCH_STEP
            cx, cy = start[0] + ux * d, start[1] + uy * d
            painter.line(cx - nx, cy - ny, cx + nx, cy + ny, colour=colour, width=1.1)
    if to_client:
        painter.polygon(arrow_head(start, end, head), fill=colour)
    if from_client:
        painter.polygon(arrow_head(end, start, head), fill=colour)


def _entry(box: Box) -> float:
    """How far along the line from the client to the box's centre the line meets the box."""
    x1, y1, x2, y2 = box
    dx, dy = (x1 + x2) / 2, (y1 + y2) / 2
    low = 0.0
    for p, q in ((-dx, -x1), (dx, x2), (-dy, -y1), (dy, y2)):
        if p < 0:
            low = max(low, q / p)
    return min(low, 1.0)


def _client_symbol(painter: Painter, x: float, y: float, size: float) -> None:
    painter.circle(x, y, size * 0.42, fill=CLIENT_FILL, stroke=INK, width=1.2)


def _tie_symbol(strength: SupportStrength | None):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        tie = Tie(strength, Direction.NONE, ())
        draw_tie(painter, (x - size * 0.6, y), (x + size * 0.6, y), tie)

    return draw


def _arrow_symbol(flow: Direction):
    """A small client disc on the left and a line from it: the arrows point as on the drawing."""

    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        r = size * 0.2
        cx, right = x - size * 0.6 + r, x + size * 0.6
        painter.circle(cx, y, r, fill=CLIENT_FILL, stroke=INK, width=0.8)
        start, end, head = (cx + r, y), (right, y), size * 0.3
        painter.line(*start, *end, colour=INK, width=1.2)
        if flow in (Direction.BACKWARD, Direction.BOTH):
            painter.polygon(arrow_head(start, end, head), fill=INK)
        if flow in (Direction.FORWARD, Direction.BOTH):
            painter.polygon(arrow_head(end, start, head), fill=INK)

    return draw


def _letter_symbol(kind: SupportKind):
    def draw(painter: Painter, x: float, y: float, size: float) -> None:
        half = size * 0.32
        painter.rect(x - half, y - half, 2 * half, 2 * half, fill=CARD_FILL, stroke=INK, width=0.6)
        text_size = size * 0.45
        painter.text(
            x,
            y + baseline_offset(text_size),
            t(f"ecogram.letter.{kind}"),
            size=text_size,
            colour=INK,
            bold=True,
            align="centre",
        )

    return draw
