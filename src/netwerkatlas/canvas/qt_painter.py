"""The Qt backend of `Painter`: views drawn for paper draw on screen with the same code.

Text is set with fonts made `TEXT_SCALE` times larger and drawn scaled down, as the canvas
items do, so it stays sharp at every zoom.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
)

from netwerkatlas.canvas.items import TEXT_SCALE, scene_font
from netwerkatlas.render.painter import Align, Point

# Fonts and their metrics by (size, bold), shared by every QtPainter: a chart or view makes a new
# painter per paint, and making a font and its metrics costs more than drawing the text.
_FONTS: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}


class QtPainter:
    def __init__(self, painter: QPainter) -> None:
        self.painter = painter

    def _pen(self, colour: str | None, width: float, dash: Sequence[float] | None) -> None:
        if colour is None:
            self.painter.setPen(Qt.PenStyle.NoPen)
            return
        pen = QPen(QColor(colour), width)
        if dash:
            pen.setDashPattern([max(d / max(width, 0.1), 0.01) for d in dash])
        self.painter.setPen(pen)

    def _brush(self, fill: str | None) -> None:
        self.painter.setBrush(QBrush(QColor(fill)) if fill else Qt.BrushStyle.NoBrush)

    def save(self) -> None:
        self.painter.save()

    def restore(self) -> None:
        self.painter.restore()

    def translate(self, dx: float, dy: float) -> None:
        self.painter.translate(dx, dy)

    def scale(self, factor: float) -> None:
        self.painter.scale(factor, factor)

    def clip_rect(self, x: float, y: float, w: float, h: float) -> None:
        self.painter.setClipRect(QRectF(x, y, w, h), Qt.ClipOperation.IntersectClip)

    def line(self, x1, y1, x2, y2, *, colour, width, dash=None) -> None:
        self._pen(colour, width, dash)
        self.painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    def circle(self, cx, cy, r, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._pen(stroke, width, dash)
        self._brush(fill)
        self.painter.drawEllipse(QPointF(cx, cy), r, r)

    def polygon(self, points: Sequence[Point], *, fill=None, stroke=None, width=1.0) -> None:
        self._pen(stroke, width, None)
        self._brush(fill)
        self.painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))

    def rect(self, x, y, w, h, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._pen(stroke, width, dash)
        self._brush(fill)
        self.painter.drawRect(QRectF(x, y, w, h))

    def text(self, x, y, text, *, size, colour, bold=False, align: Align = "left") -> None:
        key = (round(size, 2), bold)
        if key not in _FONTS:
            font = scene_font(size, bold)
            _FONTS[key] = (font, QFontMetricsF(font))
        font, metrics = _FONTS[key]
        width = metrics.horizontalAdvance(text)
        left = {"left": 0.0, "centre": -width / 2, "right": -width}[align]
        self.painter.save()
        self.painter.translate(x, y)
        self.painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
        self.painter.setFont(font)
        self.painter.setPen(QColor(colour))
        self.painter.drawText(QPointF(left, 0), text)
        self.painter.restore()

    def image(self, x, y, w, h, png: bytes) -> None:
        picture = QImage.fromData(png, "PNG")
        if not picture.isNull():
            self.painter.drawImage(QRectF(x, y, w, h), picture)
