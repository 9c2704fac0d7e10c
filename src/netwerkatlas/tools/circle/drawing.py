"""The netwerkcirkel drawn on any `Painter`: rings, sectors, and each person's name in a cell.

Counts per cell and per ring are shown on request (how many intimi?).
"""

from __future__ import annotations

import math

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.atlas import Point
from netwerkatlas.render.drawing import LegendEntry, Rect
from netwerkatlas.render.fonts import baseline_offset, text_width
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import CLIENT_FILL, INK, MUTED
from netwerkatlas.tools.circle import VIEW
from netwerkatlas.tools.circle.layout import (
    CENTRE_RADIUS,
    Geometry,
    Placed,
    place_cell,
    point_at,
)
from netwerkatlas.tools.circle.variants import current_variant, placeable

RING_FILLS = ("#dde8f3", "#e8eff7", "#f1f5fa", "#f8fafc", "#fbfcfd", "#fdfefe")
LABEL_ROOM = 190.0  # sector names stand outside the rings


def ring_label(key: str) -> str:
    """Built-in ring and sector names are translated; an atlas's own are shown as typed."""
    translated = t(f"circle.name.{key}")
    return key if translated == f"circle.name.{key}" else translated


class CircleDrawing:
    def __init__(self, atlas: Atlas, show_scores: bool = True, show_counts: bool | None = None):
        self.view_title = t("view.netwerkcirkel")
        self.variant = current_variant(atlas)
        self.geometry = Geometry(self.variant)
        self.show_counts = (
            bool(atlas.view_setting(VIEW, "show_counts")) if show_counts is None else show_counts
        )
        self.client_label = atlas.client.shown_label
        self.cells = placeable(atlas, self.variant)
        self.names = {p: atlas.node(p).shown_label for p in self.cells}
        self.placed: dict[str, Placed] = {}
        outside = self._label_boxes()  # fanned-out names keep clear of the sector names
        for r, ring in enumerate(self.variant.rings):
            for s, sector in enumerate(self.variant.sectors):
                people = sorted(
                    (p for p, c in self.cells.items() if c == (ring, sector)),
                    key=lambda p: self.names[p].casefold(),
                )
                self.placed.update(
                    place_cell(self.geometry, r, s, [(p, self.names[p]) for p in people], outside)
                )
        self.positions: dict[str, Point] = {p: (v.x, v.y) for p, v in self.placed.items()}

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
            y += baseline_offset(13) + (12 if y > 1 else -4 if y < -1 else 0)
            labels.append((x, y, label, align))
        return labels

    def _label_boxes(self) -> list[tuple[float, float, float, float]]:
        boxes = []
        for x, y, label, align in self.sector_labels():
            width = text_width(label, 13, True)
            left = {"left": x, "right": x - width, "centre": x - width / 2}[align]
            boxes.append((left - 4, y - 13, left + width + 4, y + 5))
        return boxes

    def count(self, ring: str, sector: str | None = None) -> int:
        return sum(1 for c in self.cells.values() if c[0] == ring and sector in (None, c[1]))

    # --- extent and text ----------------------------------------------------------------------

    def bounds(self) -> Rect:
        reach = self.geometry.outer + LABEL_ROOM
        for placed in self.placed.values():
            if placed.anchor is not None:  # fanned out beyond the rings
                reach = max(reach, abs(placed.x) + 120, abs(placed.y) + 20)
        return (-reach, -reach, 2 * reach, 2 * reach)

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
        for x, y, label, align in self.sector_labels():
            painter.text(x, y, label, size=13, colour=INK, bold=True, align=align)
        for r, ring in enumerate(variant.rings):
            _inner, outer = geometry.ring_band(r)
            label = ring_label(ring)
            if self.show_counts:
                label += f" ({self.count(ring)})"
            painter.text(6, -(outer - 14), label, size=10.5, colour=MUTED)
            if self.show_counts:
                for s, sector in enumerate(variant.sectors):
                    start, end = geometry.sector_span(s)
                    x, y = point_at(outer - 14, end - 0.06 * (end - start))
                    painter.text(
                        x,
                        y + baseline_offset(9),
                        str(self.count(ring, sector)),
                        size=9,
                        colour=MUTED,
                        align="centre",
                    )
        painter.circle(0, 0, CENTRE_RADIUS - 8, fill=CLIENT_FILL, stroke=INK, width=1.6)
        painter.text(
            0,
            baseline_offset(13),
            self.client_label,
            size=13,
            colour=INK,
            bold=True,
            align="centre",
        )
        for person, (x, y) in self.positions.items():
            placed = self.placed.get(person)
            if placed is not None and placed.anchor is not None:
                painter.line(*placed.anchor, x, y, colour=MUTED, width=0.6)
                painter.circle(*placed.anchor, 2.2, fill=INK)
            size = placed.size if placed is not None else 11.0
            painter.text(
                x,
                y + baseline_offset(size),
                self.names[person],
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
