"""The A4 actieplan: one page per goal, to hand to the client and the naasten.

Each goal in the client's order gets its own page: the goal in the client's words, what it is
about, the three groups I → II → III as who / what / when tables, its evaluations as a chart and
a list with the 1-5 words, and the next evaluation date. The export lays the story out on A4
(`netwerkatlas.export.a4.a4_pdf`) from an atlas already redacted for the privacy options.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from netwerkatlas.export.a4 import INK, MUTED, facts, paragraph, styles
from netwerkatlas.export.options import ExportOptions
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.render.fonts import BOLD, REGULAR, text_width
from netwerkatlas.render.pdf_painter import PdfPainter
from netwerkatlas.tools.plan.chart import (
    ChartPoint,
    chart_points,
    draw_evaluation_chart,
    other_lines,
)
from netwerkatlas.tools.plan.order import actions_by_group, evaluations_in_order, goals_in_order
from netwerkatlas.tools.plan.summary import (
    action_cells,
    goal_details,
    goal_title,
    next_evaluation_line,
    shown_date,
    views_of,
)
from netwerkatlas.tools.plan.words import group_title, score_line

TEXT_WIDTH = 174 * mm  # A4 less the 18 mm margins
CHART_HEIGHT = 42 * mm


class EvaluationChartFlowable(Flowable):
    """The chart of `chart.py` as a block of a page, drawn top-down like the posters."""

    def __init__(
        self,
        points: list[ChartPoint],
        width: float,
        height: float,
        others: dict[str, list[ChartPoint]] | None = None,
    ) -> None:
        super().__init__()
        self.points, self.width, self.height = points, width, height
        self.others = others or {}

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.translate(0, self.height)
        canvas.scale(1, -1)
        bottomup, canvas.bottomup = canvas.bottomup, 0  # text upright in the flipped frame
        try:
            draw_evaluation_chart(
                PdfPainter(canvas), self.points, self.width, self.height, self.others
            )
        finally:
            canvas.bottomup = bottomup
            canvas.restoreState()


def _h3(base: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=7)


PADDING = 3.0  # left and right in a table cell
CELL_SIZE, CELL_LEADING = 8.5, 11.0


def _table(texts: list[list[str]], widths: list[float], style: ParagraphStyle) -> Table:
    """A who/what/when table; the first row is the header. A cell whose text fits its column
    on one line is set as a plain string (platypus parses a paragraph's markup even for one
    word, most of the cost of a long plan); longer texts wrap as paragraphs."""
    rows = [
        [
            text
            if "\n" not in text and text_width(text, CELL_SIZE, bold=r == 0) <= w - 2 * PADDING
            else paragraph(text, style)
            for text, w in zip(row, widths, strict=True)
        ]
        for r, row in enumerate(texts)
    ]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
                ("FONT", (0, 0), (-1, 0), BOLD, CELL_SIZE, CELL_LEADING),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, MUTED),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ]
        )
    )
    return table


def goal_page(atlas: Atlas, number: int, goal) -> list[Flowable]:
    """One goal: heading, details, the three groups and the evaluations."""
    s = styles()
    h3 = _h3(s["body"])
    story: list[Flowable] = [
        paragraph(goal_title(number, goal), s["h2"]),
        paragraph(goal_details(atlas, goal), s["muted"]),
    ]
    columns = [t("actieplan.col_who"), t("actieplan.col_what"), t("actieplan.col_when"), ""]
    widths = [38 * mm, 86 * mm, 32 * mm, 18 * mm]
    for actor, actions in actions_by_group(atlas, goal.id).items():
        title = paragraph(group_title(actor), h3)
        if not actions:
            story.append(KeepTogether([title, paragraph(t("actieplan.none"), s["muted"])]))
            continue
        rows = [columns, *(list(action_cells(atlas, a)) for a in actions)]
        story += [title, _table(rows, widths, s["small"])]
    evaluations = evaluations_in_order(atlas, goal.id)
    story.append(paragraph(t("actieplan.evaluations"), h3))
    if not evaluations:
        story.append(paragraph(t("actieplan.no_evaluations"), s["muted"]))
        return story
    points, others = chart_points(evaluations), other_lines(evaluations)
    if points or others:
        chart = EvaluationChartFlowable(points, 120 * mm, CHART_HEIGHT, others)
        story += [chart, Spacer(1, 2 * mm)]
    columns = [t("actieplan.col_date"), t("actieplan.col_score"), t("actieplan.col_note")]
    rows = [columns]
    for name in views_of(evaluations):  # the client's first, then each other view apart
        view = f" ({t('actieplan.evaluation_from', name=name)})" if name else ""
        rows += [
            [shown_date(e.date), score_line(e.score) + view, e.note]
            for e in evaluations
            if e.perspective == name
        ]
    story.append(_table(rows, [24 * mm, 52 * mm, 98 * mm], s["small"]))
    return story


def action_plan_pages(atlas: Atlas, options: ExportOptions) -> list[Flowable]:
    """The actieplan's story: a title block, then each goal on a page of its own."""
    s = styles()
    client = atlas.client.shown_label
    title = t("actieplan.title", client=client) if client else t("actieplan.title_plain")
    # the view's name first, so the page says which part of the atlas it is, as the summary does
    shown = [
        t("view.plan"),
        *(f"{name}: {value}" for name, value in facts(atlas, options) if value),
    ]
    facts_line = "   ·   ".join(shown)
    story: list[Flowable] = [paragraph(title, s["title"]), paragraph(facts_line, s["muted"])]
    next_line = next_evaluation_line(atlas)
    if next_line:
        story.append(paragraph(next_line, s["body"]))
    goals = goals_in_order(atlas)
    if not goals:
        story += [Spacer(1, 6 * mm), paragraph(t("actieplan.no_goals"), s["body"])]
        return story
    for number, goal in enumerate(goals, 1):
        if number > 1:
            story.append(PageBreak())
        story += goal_page(atlas, number, goal)
        if number > 1 and next_line:
            story += [Spacer(1, 4 * mm), paragraph(next_line, s["muted"])]
    return story
