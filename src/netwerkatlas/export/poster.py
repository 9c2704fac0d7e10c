"""One poster page: a title block on top, the view's drawing scaled to fill, a legend below.

Everything is sized from the page (a unit of 1/100 of its short side), so an A4 and an A0
poster look alike, only bigger.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netwerkatlas.export.options import MM, page_size_pt
from netwerkatlas.i18n import t
from netwerkatlas.render.drawing import LegendEntry, Rect, ViewDrawing
from netwerkatlas.render.fonts import text_width
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.readable import PAPER_MIN_PT, Measure, measure
from netwerkatlas.render.style import INK, MUTED

GAP = 1.5  # units between the blocks


@dataclass(frozen=True)
class TitleBlock:
    title: str
    subtitle: str


@dataclass(frozen=True)
class PosterGeometry:
    """Where things went on the page, in points: what tests and the preview check."""

    drawing_rect: Rect  # the drawing's extent on the page after scaling
    scale: float
    legend_top: float


def _legend_rows(
    entries: list[LegendEntry], width: float, unit: float
) -> list[list[tuple[LegendEntry, float]]]:
    """Entries flowed into rows that fit `width`; each with its own width."""
    rows: list[list[tuple[LegendEntry, float]]] = [[]]
    used = 0.0
    for entry in entries:
        w = 3.0 * unit + text_width(entry.label, 1.25 * unit) + 2.5 * unit
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append((entry, w))
        used += w
    return rows


def legend_height(entries: list[LegendEntry], width: float, unit: float) -> float:
    if not entries:
        return 0.0
    return 2.4 * unit + 3.2 * unit * len(_legend_rows(entries, width, unit))


def draw_legend(
    painter: Painter, entries: list[LegendEntry], x: float, y: float, width: float, unit: float
) -> None:
    painter.text(x, y + 1.4 * unit, t("legend.title"), size=1.4 * unit, colour=INK, bold=True)
    top = y + 2.4 * unit
    for r, row in enumerate(_legend_rows(entries, width, unit)):
        left = x
        centre_y = top + r * 3.2 * unit + 1.4 * unit
        for entry, w in row:
            entry.draw_symbol(painter, left + 1.2 * unit, centre_y, 2.2 * unit)
            painter.text(
                left + 3.0 * unit,
                centre_y + 0.45 * unit,
                entry.label,
                size=1.25 * unit,
                colour=INK,
            )
            left += w


def draw_poster(
    painter: Painter,
    drawing: ViewDrawing,
    width: float,
    height: float,
    margin: float,
    title: TitleBlock,
) -> PosterGeometry:
    """Draw a whole poster page of `width` × `height` points."""
    unit = min(width, height) / 100
    inner_w = width - 2 * margin
    # Title block.
    painter.text(margin, margin + 2.6 * unit, title.title, size=2.8 * unit, colour=INK, bold=True)
    painter.text(margin, margin + 4.9 * unit, title.subtitle, size=1.4 * unit, colour=MUTED)
    rule_y = margin + 6.2 * unit
    painter.line(margin, rule_y, width - margin, rule_y, colour=MUTED, width=max(0.5, unit * 0.08))
    # Legend at the foot.
    entries = drawing.legend()
    legend_h = legend_height(entries, inner_w, unit)
    legend_top = height - margin - legend_h
    if entries:
        painter.line(
            margin,
            legend_top - GAP * unit * 0.5,
            width - margin,
            legend_top - GAP * unit * 0.5,
            colour=MUTED,
            width=max(0.5, unit * 0.08),
        )
        draw_legend(painter, entries, margin, legend_top, inner_w, unit)
    # The drawing, scaled to fill what is left and centred in it.
    area_top = rule_y + GAP * unit
    area_h = legend_top - GAP * unit - area_top
    bx, by, bw, bh = drawing.bounds()
    scale = min(inner_w / bw, area_h / bh) if bw > 0 and bh > 0 else 1.0
    scale = max(scale, 1e-6)
    offset_x = margin + (inner_w - bw * scale) / 2 - bx * scale
    offset_y = area_top + (area_h - bh * scale) / 2 - by * scale
    painter.save()
    painter.translate(offset_x, offset_y)
    painter.scale(scale)
    drawing.draw(painter)
    painter.restore()
    placed = (bx * scale + offset_x, by * scale + offset_y, bw * scale, bh * scale)
    return PosterGeometry(placed, scale, legend_top)


def fits(rect: Rect, width: float, height: float, margin: float) -> bool:
    x, y, w, h = rect
    eps = 1e-6
    return (
        x >= margin - eps
        and y >= margin - eps
        and x + w <= width - margin + eps
        and y + h <= height - margin + eps
        and not math.isnan(w)
    )


def smallest_text_on_paper(
    drawing: ViewDrawing, paper: str, landscape: bool, margin_mm: float
) -> float:
    """The size in points of the drawing's smallest text once it is scaled onto the poster."""
    width, height = page_size_pt(paper, landscape)
    geometry = draw_poster(Measure(), drawing, width, height, margin_mm * MM, TitleBlock("", ""))
    return measure(drawing).smallest[0] * geometry.scale


def readability_note(
    drawing: ViewDrawing, paper: str, landscape: bool, margin_mm: float
) -> str | None:
    """What to tell the user when the poster's smallest text falls below `PAPER_MIN_PT`
    (an A4 of a large network), or None when every text stays readable."""
    smallest = smallest_text_on_paper(drawing, paper, landscape, margin_mm)
    if smallest >= PAPER_MIN_PT:
        return None
    return t(
        "export.note.small_text",
        paper=paper.strip().upper(),
        size=max(1, math.floor(smallest)),
        minimum=f"{PAPER_MIN_PT:g}",
    )
