"""A goal's evaluations over time, drawn on a `Painter`: 1 to 5 upwards, dates along the axis.

Qt-free, so the actieplan and summary PDFs draw it with the PDF painter and the Plan view can
draw the same picture on screen through `canvas/qt_painter.py`. Points sit at their dates
(days apart), so three months between evaluations look like three months. The client's own
evaluations are the solid line; another view's (a naaste's, a professional's) is a dashed line
of its own, labelled with its name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from netwerkatlas.i18n import t
from netwerkatlas.model.records import Evaluation
from netwerkatlas.render.fonts import baseline_offset, text_width
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import INK, MUTED
from netwerkatlas.tools.plan.words import SCORES, score_word

LINE = "#1565c0"
OTHER_LINE = "#6a4c93"  # another view's line: dashed, so it reads apart in black and white too
OTHER_DASH = (3.0, 2.0)
GRID = "#d9dee3"
LABEL_SIZE = 7.5
GAP = 4.0  # between two date labels


@dataclass(frozen=True)
class ChartPoint:
    day: dt.date
    score: int


def chart_points(evaluations: Iterable[Evaluation], perspective: str = "") -> list[ChartPoint]:
    """The evaluations of one view (the client's by default) a chart can place: dated and
    scored, oldest first."""
    points = []
    for evaluation in evaluations:
        if evaluation.perspective != perspective:
            continue
        try:
            day = dt.date.fromisoformat(evaluation.date)
        except ValueError:
            continue
        if evaluation.score is not None:
            points.append(ChartPoint(day, evaluation.score))
    return sorted(points, key=lambda p: p.day)


def other_lines(evaluations: Iterable[Evaluation]) -> dict[str, list[ChartPoint]]:
    """The other views' evaluations, each its own line, by name."""
    evaluations = list(evaluations)
    names = sorted({e.perspective for e in evaluations if e.perspective}, key=str.casefold)
    lines = {name: chart_points(evaluations, name) for name in names}
    return {name: points for name, points in lines.items() if points}


def date_label(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def _x_by_date(points: list[ChartPoint], left: float, width: float):
    """Where a date lies on an axis that holds all `points` (the middle when all share one)."""
    first = min(p.day for p in points)
    span = (max(p.day for p in points) - first).days
    inner_left, inner_w = left + 6.0, width - 12.0
    if span == 0:
        return lambda day: inner_left + inner_w / 2
    return lambda day: inner_left + inner_w * (day - first).days / span


def _x_positions(points: list[ChartPoint], left: float, width: float) -> list[float]:
    if len(points) == 1:
        return [left + width / 2]
    span = (points[-1].day - points[0].day).days
    if span == 0:
        step = width / (len(points) - 1)
        return [left + i * step for i in range(len(points))]
    return [left + width * (p.day - points[0].day).days / span for p in points]


def draw_evaluation_chart(
    painter: Painter,
    points: list[ChartPoint],
    width: float,
    height: float,
    others: Mapping[str, list[ChartPoint]] | None = None,
) -> list[str]:
    """Draw the chart in the box (0, 0, width, height), y downwards; returns the texts set,
    so a check can see every label is there. Without points it says there are none yet.
    `others` are other views' lines, dashed and named, on the same dates."""
    others = {name: line for name, line in (others or {}).items() if line}
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
    if not points and not others:
        text(left + plot_w / 2, top + plot_h / 2, t("plan.chart.none"), align="centre")
        return texts
    if others:  # one time axis for every line, so the same date is at the same place
        x_of = _x_by_date([*points, *(p for line in others.values() for p in line)], left, plot_w)
        for name, line in others.items():
            line_xs = [x_of(p.day) for p in line]
            for i in range(len(line) - 1):
                painter.line(
                    line_xs[i],
                    y_of(line[i].score),
                    line_xs[i + 1],
                    y_of(line[i + 1].score),
                    colour=OTHER_LINE,
                    width=1.2,
                    dash=OTHER_DASH,
                )
            for x, point in zip(line_xs, line, strict=True):
                painter.circle(x, y_of(point.score), 2.2, fill="#ffffff", stroke=OTHER_LINE)
            last_y = y_of(line[-1].score) - 4.0
            text(line_xs[-1] - 4.0, last_y, name, align="right", colour=OTHER_LINE, size=size - 1)
        xs = [x_of(p.day) for p in points]
        days = {p.day for p in points} | {p.day for line in others.values() for p in line}
        dated = sorted((x_of(day), day) for day in days)
    else:
        xs = _x_positions(points, left + 6.0, plot_w - 12.0)
        dated = [(x, p.day) for x, p in zip(xs, points, strict=True)]
    ys = [y_of(p.score) for p in points]
    for i in range(len(points) - 1):
        painter.line(xs[i], ys[i], xs[i + 1], ys[i + 1], colour=LINE, width=1.4)
    for x, point in zip(xs, points, strict=True):
        painter.circle(x, y_of(point.score), 2.6, fill=LINE, stroke="#ffffff", width=0.8)
    next_start = 1e9  # labels from the newest back, so the newest date is always shown
    for x, day in reversed(dated):
        label = date_label(day)
        half = text_width(label, size) / 2
        if x + half + GAP <= next_start:
            text(x, bottom + size * 1.5, label, align="centre", colour=INK)
            next_start = x - half
    low, high = f"1 = {score_word(1)}", f"5 = {score_word(5)}"
    text(left, height - 0.5, f"{low} · {high}", size=size - 1)
    return texts
