"""A goal's evaluations over time, drawn on a `Painter`: 1 to 5 upwards, dates along the axis.

Qt-free, so the actieplan and summary PDFs draw it with the PDF painter and the Plan view can
draw the same picture on screen through `canvas/qt_painter.py`. Points sit at their dates
(days apart), so three months between evaluations look like three months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from netwerkatlas.i18n import t
from netwerkatlas.model.records import Evaluation
from netwerkatlas.render.fonts import baseline_offset, text_width
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import INK, MUTED
from netwerkatlas.tools.plan.words import SCORES, score_word

LINE = "#1565c0"
GRID = "#d9dee3"
LABEL_SIZE = 7.5
GAP = 4.0  # between two date labels


@dataclass(frozen=True)
class ChartPoint:
    day: dt.date
    score: int


def chart_points(evaluations: Iterable[Evaluation]) -> list[ChartPoint]:
    """The evaluations a chart can place: dated and scored, oldest first."""
    points = []
    for evaluation in evaluations:
        try:
            day = dt.date.fromisoformat(evaluation.date)
        except ValueError:
            continue
        if evaluation.score is not None:
            points.append(ChartPoint(day, evaluation.score))
    return sorted(points, key=lambda p: p.day)


def date_label(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def _x_positions(points: list[ChartPoint], left: float, width: float) -> list[float]:
    if len(points) == 1:
        return [left + width / 2]
    span = (points[-1].day - points[0].day).days
    if span == 0:
        step = width / (len(points) - 1)
        return [left + i * step for i in range(len(points))]
    return [left + width * (p.day - points[0].day).days / span for p in points]


def draw_evaluation_chart(
    painter: Painter, points: list[ChartPoint], width: float, height: float
) -> list[str]:
    """Draw the chart in the box (0, 0, width, height), y downwards; returns the texts set,
    so a check can see every label is there. Without points it says there are none yet."""
    size = LABEL_SIZE
    texts: list[str] = []

    def text(x: float, y: float, words: str, **kw) -> None:
        painter.text(x, y, words, size=kw.pop("size", size), colour=kw.pop("colour", MUTED), **kw)
        texts.append(words)

    left = text_width("5", size) + 8.0
    top, bottom = size, height - size * 3.6
    right = width - text_width("00-00-0000", size) / 2
    plot_w, plot_h = max(10.0, right - left), max(10.0, bottom - top)

    def y_of(score: int) -> float:
        return bottom - (score - 1) / 4 * plot_h

    for score in SCORES:
        y = y_of(score)
        painter.line(left, y, left + plot_w, y, colour=GRID, width=0.5)
        text(left - 4.0, y + baseline_offset(size), str(score), align="right")
    painter.line(left, bottom, left + plot_w, bottom, colour=MUTED, width=0.8)
    if not points:
        text(left + plot_w / 2, top + plot_h / 2, t("plan.chart.none"), align="centre")
        return texts
    xs = _x_positions(points, left + 6.0, plot_w - 12.0)
    ys = [y_of(p.score) for p in points]
    for i in range(len(points) - 1):
        painter.line(xs[i], ys[i], xs[i + 1], ys[i + 1], colour=LINE, width=1.4)
    next_start = 1e9  # labels from the newest back, so the newest date is always shown
    for x, point in reversed(list(zip(xs, points, strict=True))):
        painter.circle(x, y_of(point.score), 2.6, fill=LINE, stroke="#ffffff", width=0.8)
        label = date_label(point.day)
        half = text_width(label, size) / 2
        if x + half + GAP <= next_start:
            text(x, bottom + size * 1.5, label, align="centre", colour=INK)
            next_start = x - half
    low, high = f"1 = {score_word(1)}", f"5 = {score_word(5)}"
    text(left, height - 0.5, f"{low} · {high}", size=size - 1)
    return texts
