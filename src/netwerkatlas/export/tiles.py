"""A poster on an ordinary printer: the page cut into overlapping A4 or A3 sheets.

Each sheet prints one region of the poster inside a margin (most printers cannot print to the
edge), with crop marks at the corners, a dashed glue line where the next sheet overlaps, and a
label saying which sheet it is. An overview page shows how the sheets fit together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netwerkatlas.export.options import MM, page_size_pt
from netwerkatlas.i18n import t, tn
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import INK, MUTED

SHEET_MARGIN_MM = 10.0
LABEL_BAND_MM = 7.0  # below the printed region, for the sheet label
MARK_MM = 5.0


@dataclass(frozen=True)
class Sheet:
    row: int
    col: int
    number: int  # 1-based, row by row
    x: float  # the poster region this sheet shows: top-left in poster points
    y: float


@dataclass(frozen=True)
class TilePlan:
    paper: str
    sheet_w: float
    sheet_h: float
    margin: float
    overlap: float
    area_w: float  # the printed region of one sheet
    area_h: float
    rows: int
    cols: int
    offset_x: float = 0.0  # the sheets start this far left of and above the poster (<= 0),
    offset_y: float = 0.0  # so the spare paper is shared evenly by both edges

    @property
    def count(self) -> int:
        return self.rows * self.cols

    @property
    def step_x(self) -> float:
        return self.area_w - self.overlap

    @property
    def step_y(self) -> float:
        return self.area_h - self.overlap

    def sheets(self) -> list[Sheet]:
        return [
            Sheet(
                r,
                c,
                r * self.cols + c + 1,
                self.offset_x + c * self.step_x,
                self.offset_y + r * self.step_y,
            )
            for r in range(self.rows)
            for c in range(self.cols)
        ]


def _count(length: float, area: float, step: float) -> int:
    if length <= area + 1e-6:
        return 1
    return math.ceil((length - area) / step - 1e-9) + 1


def plan_tiles(poster_w: float, poster_h: float, paper: str, overlap_mm: float) -> TilePlan:
    """The fewest sheets of `paper` (either way round) that cover a poster of the given size."""
    margin = SHEET_MARGIN_MM * MM
    overlap = overlap_mm * MM
    plans = []
    for landscape in (False, True):
        sheet_w, sheet_h = page_size_pt(paper, landscape)
        area_w = sheet_w - 2 * margin
        area_h = sheet_h - 2 * margin - LABEL_BAND_MM * MM
        cols = _count(poster_w, area_w, area_w - overlap)
        rows = _count(poster_h, area_h, area_h - overlap)
        spare_w = (cols - 1) * (area_w - overlap) + area_w - poster_w
        spare_h = (rows - 1) * (area_h - overlap) + area_h - poster_h
        plans.append(
            TilePlan(
                paper,
                sheet_w,
                sheet_h,
                margin,
                overlap,
                area_w,
                area_h,
                rows,
                cols,
                -spare_w / 2,
                -spare_h / 2,
            )
        )
    return min(plans, key=lambda plan: plan.count)


def draw_sheet_frame(painter: Painter, plan: TilePlan, sheet: Sheet, caption: str) -> None:
    """Crop marks, glue lines and the sheet label around the printed region of one sheet."""
    m, w, h = plan.margin, plan.area_w, plan.area_h
    mark, gap = MARK_MM * MM, 1.5 * MM
    for x, dx in ((m, -1), (m + w, 1)):
        for y, dy in ((m, -1), (m + h, 1)):
            painter.line(x + dx * gap, y, x + dx * (gap + mark), y, colour=INK, width=0.5)
            painter.line(x, y + dy * gap, x, y + dy * (gap + mark), colour=INK, width=0.5)
    # Where the next sheet to the right or below goes: its cut edge lies on this line.
    if sheet.col < plan.cols - 1:
        gx = m + w - plan.overlap
        painter.line(gx, m, gx, m + h, colour=MUTED, width=0.5, dash=(3, 3))
        _glue_mark(painter, gx, m - gap - mark / 2, t("tiles.glue", number=sheet.number + 1))
    if sheet.row < plan.rows - 1:
        gy = m + h - plan.overlap
        painter.line(m, gy, m + w, gy, colour=MUTED, width=0.5, dash=(3, 3))
        below = sheet.number + plan.cols
        painter.text(m + w + gap, gy + 3, f"▲ {below}", size=6.5, colour=MUTED)
    label_y = m + h + LABEL_BAND_MM * MM * 0.75
    clear = gap + mark + 2  # keep the words off the crop marks
    painter.text(
        m + clear,
        label_y,
        t(
            "tiles.label",
            number=sheet.number,
            count=plan.count,
            row=sheet.row + 1,
            col=sheet.col + 1,
        ),
        size=9,
        colour=INK,
        bold=True,
    )
    painter.text(m + w - clear, label_y, caption, size=8, colour=MUTED, align="right")
    _draw_sheet_map(painter, plan, sheet)


def _glue_mark(painter: Painter, x: float, y: float, text: str) -> None:
    painter.polygon([(x, y + 3), (x - 3, y - 2), (x + 3, y - 2)], fill=MUTED)
    painter.text(x - 5, y + 2, text, size=6.5, colour=MUTED, align="right")


def _draw_sheet_map(painter: Painter, plan: TilePlan, sheet: Sheet) -> None:
    """A tiny grid of all sheets with this one filled in: where it goes, at a glance."""
    band = LABEL_BAND_MM * MM
    cell = min(6.0, (band - 4) / plan.rows, 80.0 / plan.cols)
    left = plan.margin + plan.area_w / 2 - plan.cols * cell / 2
    top = plan.margin + plan.area_h + 3
    for s in plan.sheets():
        painter.rect(
            left + s.col * cell,
            top + s.row * cell,
            cell,
            cell,
            fill=INK if s.number == sheet.number else "#ffffff",
            stroke=INK,
            width=0.4,
        )


def draw_overview(
    painter: Painter,
    plan: TilePlan,
    poster_w: float,
    poster_h: float,
    page_w: float,
    page_h: float,
    draw_poster_at,
) -> None:
    """The whole poster small, with each sheet's region outlined and numbered."""
    margin = 15 * MM
    painter.text(
        margin,
        margin + 12,
        tn("tiles.overview_title", plan.count, cols=plan.cols, rows=plan.rows),
        size=14,
        colour=INK,
        bold=True,
    )
    painter.text(
        margin,
        margin + 28,
        t("tiles.overview_how", overlap=round(plan.overlap / MM)),
        size=9,
        colour=MUTED,
    )
    top = margin + 44
    avail_w, avail_h = page_w - 2 * margin, page_h - top - margin
    cover_w = (plan.cols - 1) * plan.step_x + plan.area_w
    cover_h = (plan.rows - 1) * plan.step_y + plan.area_h
    scale = min(avail_w / cover_w, avail_h / cover_h)
    painter.save()
    painter.translate(margin + (avail_w - cover_w * scale) / 2, top)
    painter.scale(scale)
    painter.translate(-plan.offset_x, -plan.offset_y)
    painter.rect(0, 0, poster_w, poster_h, fill="#ffffff", stroke=MUTED, width=0.5 / scale)
    draw_poster_at(painter)
    for sheet in plan.sheets():
        painter.rect(
            sheet.x,
            sheet.y,
            plan.area_w,
            plan.area_h,
            stroke="#1565c0",
            width=1.2 / scale,
            dash=(6 / scale, 3 / scale),
        )
        painter.text(
            sheet.x + plan.area_w / 2,
            sheet.y + plan.area_h / 2 + 12 / scale,
            str(sheet.number),
            size=34 / scale,
            colour="#1565c0",
            bold=True,
            align="centre",
        )
    painter.restore()
