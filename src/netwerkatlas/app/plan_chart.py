"""A goal's evaluations over time: a small line chart, 1 to 5 upwards, dates along the bottom.

Painted by hand, not with a chart library: a few points, drawn the same way in every card and
cheap enough for a plan with many evaluations.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from netwerkatlas.app.plan_common import short_date
from netwerkatlas.i18n import t
from netwerkatlas.render.style import INK, MUTED

LINE = "#1565c0"


class EvaluationChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[str, int]] = []  # (ISO date, score 1-5), oldest first
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(110)

    def sizeHint(self) -> QSize:
        return QSize(320, 120)

    def set_points(self, points: list[tuple[str, int]]) -> None:
        if points != self.points:
            self.points = points
            self.setToolTip(
                "\n".join(f"{short_date(date)}: {score}" for date, score in points)
                or t("plan.evaluation.none")
            )
            self.update()

    def _x_positions(self, left: float, width: float) -> list[float]:
        """Points spaced by their dates (evenly when dates are missing or all the same)."""
        days = [QDate.fromString(date, "yyyy-MM-dd") for date, _ in self.points]
        if len(self.points) == 1:
            return [left + width / 2]
        if all(d.isValid() for d in days) and days[0] != days[-1]:
            span = days[0].daysTo(days[-1]) or 1
            return [left + width * days[0].daysTo(d) / span for d in days]
        step = width / (len(self.points) - 1)
        return [left + i * step for i in range(len(self.points))]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        metrics = painter.fontMetrics()
        left = metrics.horizontalAdvance("5") + 10.0
        top, bottom = 8.0, self.height() - metrics.height() - 8.0
        right = self.width() - 16.0
        plot = QRectF(left, top, max(10.0, right - left), max(10.0, bottom - top))

        def y_of(score: int) -> float:
            return plot.bottom() - (score - 1) / 4 * plot.height()

        painter.setPen(QPen(QColor(MUTED), 0.8, Qt.PenStyle.DotLine))
        for score in range(1, 6):
            painter.drawLine(QPointF(plot.left(), y_of(score)), QPointF(plot.right(), y_of(score)))
            painter.drawText(
                QRectF(0, y_of(score) - 10, left - 6, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(score),
            )
        if not self.points:
            painter.setPen(QColor(MUTED))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, t("plan.evaluation.none"))
            return
        xs = self._x_positions(plot.left() + 12, plot.width() - 24)
        path = QPainterPath()
        for index, (x, (_, score)) in enumerate(zip(xs, self.points, strict=True)):
            point = QPointF(x, y_of(score))
            path.moveTo(point) if index == 0 else path.lineTo(point)
        painter.setPen(QPen(QColor(LINE), 2.5))
        painter.drawPath(path)
        painter.setBrush(QColor(LINE))
        last_label_end = -1e9
        for x, (date, score) in zip(xs, self.points, strict=True):
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.drawEllipse(QPointF(x, y_of(score)), 5, 5)
            label = short_date(date)
            width = metrics.horizontalAdvance(label)
            if x - width / 2 > last_label_end + 4:  # dates never overlap: crowded ones are left out
                painter.setPen(QColor(INK))
                painter.drawText(
                    QRectF(x - width / 2 - 2, plot.bottom() + 4, width + 4, metrics.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
                last_label_end = x + width / 2
