"""The netwerkcirkel drawn on any `Painter`: rings, sectors, and each person's name in a cell.

Counts per cell and per ring are shown on request (how many intimi?).
"""

from __future__ import annotations

import math

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.atlas import Point
from netwerkatlas.render.drawing import LegendEntry, Rect
from netwerkatlas.render.fonts import LINE_HEIGHT, baseline_offset, text_width
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.readable import readable_size
from netwerkatlas.render.style import CLIENT_FILL, INK, MUTED
from netwerkatlas.render.text_fit import wrap_words
from netwerkatlas.tools.circle import VIEW
from netwerkatlas.tools.circle.layout import (
    CENTRE_RADIUS,
    GAP,
    RING_WIDTH,
    ROW,
    Geometry,
    Placed,
    free_dot,
    half_height,
    line_offsets,
    place_cell,
    point_at,
)
from netwerkatlas.tools.circle.outside import anchors, place_outside, ring_widths
from netwerkatlas.tools.circle.variants import current_variant, placeable

RING_FILLS = ("#dde8f3", "#e8eff7", "#f1f5fa", "#f8fafc", "#fbfcfd", "#fdfefe")


def ring_label(key: str) -> str:
    """Built-in ring and sector names are translated; an atlas's own are shown as typed."""
    translated = t(f"circle.name.{key}")
    return key if translated == f"circle.name.{key}" else translated


class CircleDrawing:
    def __init__(
        self,
        atlas: Atlas,
        show_scores: bool = True,
        show_counts: bool | None = None,
        *,
        client: bool = False,
    ):
        """The type is as large as the fitted circle needs on a laptop: larger in client mode
        (`client`), where the client reads it from further away."""
        self.view_title = t("view.netwerkcirkel")
        self.variant = current_variant(atlas)
        self.geometry = Geometry(self.variant, client)
        self.show_counts = (
            bool(atlas.view_setting(VIEW, "show_counts")) if show_counts is None else show_counts
        )
        self.client_label = atlas.client.shown_label
        self.cells = placeable(atlas, self.variant)
        self.names = {p: atlas.node(p).shown_label for p in self.cells}
        self.size = self.geometry.type_size
        # Names set outside make the drawing larger, and so its type, so that fewer fit
        # inside. A circle so crowded that this runs away keeps the circle's own type size
        # and the most names inside: it reads when zoomed in.
        smallest = self.size
        for _ in range(8):
            self._fit_rings()
            _, _, width, height = self.bounds()
            needed = math.ceil(readable_size((width, height), client=client))
            if needed <= self.size:
                break
            if needed > 1.5 * smallest:
                self.size = smallest
                self._fit_rings()
                break
            self.size = needed
        self.positions: dict[str, Point] = {p: (v.x, v.y) for p, v in self.placed.items()}

    def _fit_rings(self) -> None:
        """Equal rings, unless rings as wide as their names need keep more names inside: the
        best of a few shapes, then moved a ring edge at a time while that keeps more inside."""
        memo: dict[tuple[int, float, float], int] = {}
        client = self.geometry.client

        def left_over(widths: tuple[float, ...]) -> int:
            self.geometry = Geometry(self.variant, client, widths)
            taken = self._ring_label_boxes()
            total = 0
            for r in range(len(widths)):
                key = (r, *self.geometry.ring_band(r))
                if key not in memo:
                    memo[key] = sum(
                        len(self._place_in(r, s, list(taken))[1])
                        for s in range(len(self.variant.sectors))
                    )
                total += memo[key]
            return total

        tries = ring_widths(self.variant, self._demands(), self.size)
        best = min(tries, key=lambda widths: (left_over(widths), tries.index(widths)))
        step, least = RING_WIDTH / 10, RING_WIDTH * 0.6
        for _ in range(6):
            score = left_over(best)
            if score == 0:
                break
            moves = []
            for edge in range(len(best) - 1):
                for shift in (step, -step):
                    widths = list(best)
                    widths[edge] += shift
                    widths[edge + 1] -= shift
                    if min(widths) >= least:
                        moves.append(tuple(round(w, 3) for w in widths))
            better = [(left_over(w), i, w) for i, w in enumerate(moves)]
            better = [m for m in better if m[0] < score]
            if not better:
                break
            best = min(better)[2]
        self.geometry = Geometry(self.variant, client, best)
        self._place()

    def _demands(self) -> list[float]:
        """Per ring, the band width its fullest cell's names would take in rows along its arc."""
        uniform = Geometry(self.variant, self.geometry.client)
        demands = []
        for r, ring in enumerate(self.variant.rings):
            inner, outer = uniform.ring_band(r)
            most = 0.0
            for s, sector in enumerate(self.variant.sectors):
                start, end = uniform.sector_span(s)
                arc = (inner + outer) / 2 * (end - start)
                length = sum(
                    text_width(self.names[p], self.size, True) + GAP
                    for p, c in self.cells.items()
                    if c == (ring, sector)
                )
                most = max(most, length / arc * self.size * ROW)
            demands.append(most)
        return demands

    def _place(self) -> None:
        """Every name in its own cell where it finds room; the rest outside, with leaders."""
        self.placed: dict[str, Placed] = {}
        taken = self._ring_label_boxes()  # names inside keep clear of ring names and counts
        rest = []
        for r in range(len(self.variant.rings)):
            for s in range(len(self.variant.sectors)):
                boxes = list(taken)
                inside, left = self._place_in(r, s, boxes)
                self.placed.update(inside)
                dots = [
                    free_dot(self.geometry, r, s, boxes, near, self.size)
                    for near in anchors(self.geometry, r, s, len(left))
                ]
                rest += [(p, name, dot) for (p, name), dot in zip(left, dots, strict=True)]
        # Outside names keep clear of the sector names.
        self.placed.update(place_outside(self.geometry, rest, self._label_boxes(), self.size))

    def _place_in(self, r: int, s: int, boxes: list) -> tuple[dict[str, Placed], list]:
        """One cell's names inside it, and those that find no room (`boxes` gains theirs)."""
        cell = (self.variant.rings[r], self.variant.sectors[s])
        people = sorted(
            (p for p, c in self.cells.items() if c == cell),
            key=lambda p: (self.names[p].casefold(), p),
        )
        names = [(p, self.names[p]) for p in people]
        return place_cell(self.geometry, r, s, names, boxes, self.size)

    def lines(self, person: str) -> tuple[str, ...]:
        placed = self.placed.get(person)
        return placed.lines if placed is not None and placed.lines else (self.names[person],)

    def name_box(self, person: str) -> tuple[float, float, float, float]:
        """The box a name's lines take where it stands now."""
        x, y = self.positions[person]
        placed = self.placed.get(person)
        size = placed.size if placed is not None else self.size
        lines = self.lines(person)
        half_w = max(text_width(line, size, True) for line in lines) / 2
        half_h = half_height(len(lines), size)
        return (x - half_w, y - half_h, x + half_w, y + half_h)

    def at(self, positions: dict[str, Point]) -> CircleDrawing:
        moved = object.__new__(CircleDrawing)
        moved.__dict__.update(self.__dict__)
        moved.positions = {**self.positions, **positions}
        return moved

    def sector_labels(self) -> list[tuple[float, float, str, str]]:
        """Each sector's name (with its count) outside the rings: (x, y, text, align)."""
        labels = []
        for s, sector in enumerate(self.variant.sectors):
            start, end = self.geometry.sector_span(s)
            x, y = point_at(self.geometry.outer + 18, (start + end) / 2)
            label = ring_label(sector)
            if self.show_counts:
                label += f" ({sum(1 for c in self.cells.values() if c[1] == sector)})"
            # Words to the right of the circle start there, to the left of it end there.
            align = "left" if x > 1 else "right" if x < -1 else "centre"
            size = self.size
            y += baseline_offset(size) + (size if y > 1 else -size / 3 if y < -1 else 0)
            labels.append((x, y, label, align))
        return labels

    def _label_boxes(self) -> list[tuple[float, float, float, float]]:
        boxes = []
        for x, y, label, align in self.sector_labels():
            width = text_width(label, self.size, True)
            left = {"left": x, "right": x - width, "centre": x - width / 2}[align]
            boxes.append((left - 4, y - self.size, left + width + 4, y + self.size * 0.4))
        return boxes

    def ring_labels(self) -> list[tuple[float, float, str]]:
        """Each ring's name (with its count) just inside its outer edge, by the top axis."""
        labels = []
        for r, ring in enumerate(self.variant.rings):
            _inner, outer = self.geometry.ring_band(r)
            label = ring_label(ring)
            if self.show_counts:
                label += f" ({self.count(ring)})"
            labels.append((6.0, -(outer - self.size * 1.15), label))
        return labels

    def cell_counts(self) -> list[tuple[float, float, str]]:
        """How many people each cell holds, by the cell's clockwise edge (when asked for)."""
        if not self.show_counts:
            return []
        counts = []
        for r, ring in enumerate(self.variant.rings):
            inner, outer = self.geometry.ring_band(r)
            middle = (inner + outer) / 2
            for s, sector in enumerate(self.variant.sectors):
                _start, end = self.geometry.sector_span(s)
                x, y = point_at(middle, end - self.size * 0.9 / middle)
                counts.append((x, y + baseline_offset(self.size), str(self.count(ring, sector))))
        return counts

    def _ring_label_boxes(self) -> list[tuple[float, float, float, float]]:
        size = self.size
        boxes = [
            (x - 2, y - size, x + text_width(label, size) + 2, y + size * 0.3)
            for x, y, label in self.ring_labels()
        ]
        for x, y, label in self.cell_counts():
            half = text_width(label, size) / 2 + 2
            boxes.append((x - half, y - size, x + half, y + size * 0.3))
        return boxes

    def count(self, ring: str, sector: str | None = None) -> int:
        return sum(1 for c in self.cells.values() if c[0] == ring and sector in (None, c[1]))

    # --- extent and text ----------------------------------------------------------------------

    def bounds(self) -> Rect:
        """The rings, the sector names and any name fanned out beyond them: no empty room."""
        outer = self.geometry.outer
        left, top, right, bottom = -outer, -outer, outer, outer
        boxes = self._label_boxes()
        for person, placed in self.placed.items():
            if placed.anchor is not None:  # set outside the rings
                lines = placed.lines or (self.names[person],)
                half_w = max(text_width(line, placed.size, True) for line in lines) / 2 + GAP / 2
                half_h = half_height(len(lines), placed.size)
                boxes.append(
                    (placed.x - half_w, placed.y - half_h, placed.x + half_w, placed.y + half_h)
                )
        for x1, y1, x2, y2 in boxes:
            left, top, right, bottom = min(left, x1), min(top, y1), max(right, x2), max(bottom, y2)
        return (left, top, right - left, bottom - top)

    def texts(self) -> list[str]:
        return list(self.names.values())

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        geometry, variant = self.geometry, self.variant
        for r in reversed(range(len(variant.rings))):
            _, outer = geometry.ring_band(r)
            painter.circle(
                0, 0, outer, fill=RING_FILLS[min(r, len(RING_FILLS) - 1)], stroke=MUTED, width=1.2
            )
        for s in range(len(variant.sectors)):
            start, _ = geometry.sector_span(s)
            a, b = point_at(CENTRE_RADIUS, start), point_at(geometry.outer, start)
            painter.line(*a, *b, colour=MUTED, width=1.2)
        size = self.size
        for x, y, label, align in self.sector_labels():
            painter.text(x, y, label, size=size, colour=INK, bold=True, align=align)
        for x, y, label in self.ring_labels():
            painter.text(x, y, label, size=size, colour=MUTED)
        for x, y, label in self.cell_counts():
            painter.text(x, y, label, size=size, colour=MUTED, align="centre")
        painter.circle(0, 0, CENTRE_RADIUS - 8, fill=CLIENT_FILL, stroke=INK, width=1.6)
        lines = wrap_words(
            self.client_label, lambda line: text_width(line, size, True), 2 * CENTRE_RADIUS - 20
        )
        for i, line in enumerate(lines):  # a long name wraps rather than shrinks
            dy = (i - (len(lines) - 1) / 2) * size * LINE_HEIGHT
            y = dy + baseline_offset(size)
            painter.text(0, y, line, size=size, colour=INK, bold=True, align="centre")
        for person, (x, y) in self.positions.items():
            placed = self.placed.get(person)
            size = placed.size if placed is not None else self.size
            if placed is not None and placed.anchor is not None:
                x1, y1, x2, y2 = self.name_box(person)
                ax, ay = placed.anchor
                end = (min(max(ax, x1 - 2), x2 + 2), min(max(ay, y1), y2))  # the name's near edge
                painter.line(ax, ay, *end, colour=MUTED, width=0.8)
                painter.circle(ax, ay, 2.6, fill=INK)
            lines = self.lines(person)
            for line, dy in zip(lines, line_offsets(len(lines), size), strict=True):
                painter.text(
                    x,
                    y + dy + baseline_offset(size),
                    line,
                    size=size,
                    colour=INK,
                    bold=True,
                    align="centre",
                )

    def legend(self) -> list[LegendEntry]:
        symbols = t("legend.symbols")
        rings = ", ".join(ring_label(r) for r in self.variant.rings)
        sectors = ", ".join(ring_label(s) for s in self.variant.sectors)
        return [
            LegendEntry(t("legend.client"), _client, symbols),
            LegendEntry(t("circle.legend.rings", rings=rings), _rings, symbols),
            LegendEntry(t("circle.legend.sectors", sectors=sectors), _sectors, symbols),
        ]


def _client(painter: Painter, x: float, y: float, size: float) -> None:
    painter.circle(x, y, size * 0.42, fill=CLIENT_FILL, stroke=INK, width=1.0)


def _rings(painter: Painter, x: float, y: float, size: float) -> None:
    for f in (0.45, 0.3, 0.15):
        painter.circle(x, y, size * f, stroke=MUTED, width=0.8)


def _sectors(painter: Painter, x: float, y: float, size: float) -> None:
    painter.circle(x, y, size * 0.45, stroke=MUTED, width=0.8)
    for angle in (0, math.pi / 2):
        painter.line(
            *_add((x, y), point_at(size * 0.45, angle)),
            *_add((x, y), point_at(size * 0.45, angle + math.pi)),
            colour=MUTED,
            width=0.8,
        )


def _add(a: Point, b: Point) -> Point:
    return a[0] + b[0], a[1] + b[1]
