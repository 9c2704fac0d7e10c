"""A goal's evaluations over time on screen: the same drawing as on the actieplan and the summary
(`tools/plan/chart.py`), through the Qt backend of the Painter, so screen and paper agree: the
client's own line solid, another view's (a naaste's, a professional's) dashed and named."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from netwerkatlas.app.plan_common import short_date
from netwerkatlas.canvas.qt_painter import QtPainter
from netwerkatlas.i18n import t
from netwerkatlas.model.records import Evaluation
from netwerkatlas.tools.plan.chart import (
    ChartPoint,
    chart_points,
    draw_evaluation_chart,
    other_lines,
)

SCREEN_SCALE = 1.35  # the paper drawing's 7.5 pt labels, readable across a table
SIDE_ROOM = 22.0  # left and right of the drawing, in its own units


class EvaluationChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[str, int]] = []  # the client's own (ISO date, score), oldest first
        self._own: list[ChartPoint] = []
        self._others: dict[str, list[ChartPoint]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(130)

    def sizeHint(self) -> QSize:
        return QSize(320, 140)

    def set_evaluations(self, evaluations: Iterable[Evaluation]) -> None:
        """Show these evaluations of one goal; redraws only when something changed."""
        evaluations = list(evaluations)
        own = chart_points(evaluations)
        others = other_lines(evaluations)
        if own == self._own and others == self._others:
            return
        self._own, self._others = own, others
        self.points = [(p.day.isoformat(), p.score) for p in own]
        tips = [f"{short_date(date)}: {score}" for date, score in self.points]
        for name, line in others.items():
            tips += [f"{short_date(p.day.isoformat())} ({name}): {p.score}" for p in line]
        self.setToolTip("\n".join(tips) or t("plan.evaluation.none"))
        self.update()

    def has_lines(self) -> bool:
        return bool(self._own or self._others)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(SCREEN_SCALE, SCREEN_SCALE)
        painter.translate(SIDE_ROOM, 0)  # a date label is centred on its point: room for half
        draw_evaluation_chart(
            QtPainter(painter),
            self._own,
            self.width() / SCREEN_SCALE - 2 * SIDE_ROOM,
            self.height() / SCREEN_SCALE,
            self._others,
        )
