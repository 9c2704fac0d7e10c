"""The PDF backend of `Painter`: reportlab's canvas, top-down, with the bundled font embedded."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from netwerkatlas.render.fonts import font_name, register_fonts
from netwerkatlas.render.painter import Align, Point


class PdfPainter:
    """Draws on the current page of a reportlab canvas made with `bottomup=0`."""

    def __init__(self, canvas: Canvas) -> None:
        register_fonts()
        self.canvas = canvas
        self._colours: dict[str, HexColor] = {}

    def _colour(self, hex_colour: str) -> HexColor:
        colour = self._colours.get(hex_colour)
        if colour is None:
            colour = self._colours[hex_colour] = HexColor(hex_colour)
        return colour

    def _pen(self, stroke: str | None, width: float, dash: Sequence[float] | None) -> None:
        if stroke is not None:
            self.canvas.setStrokeColor(self._colour(stroke))
            self.canvas.setLineWidth(width)
            self.canvas.setDash(list(dash) if dash else [])

    def save(self) -> None:
        self.canvas.saveState()

    def restore(self) -> None:
        self.canvas.restoreState()

    def translate(self, dx: float, dy: float) -> None:
        self.canvas.translate(dx, dy)

    def scale(self, factor: float) -> None:
        self.canvas.scale(factor, factor)

    def clip_rect(self, x: float, y: float, w: float, h: float) -> None:
        path = self.canvas.beginPath()
        path.rect(x, y, w, h)
        self.canvas.clipPath(path, stroke=0, fill=0)

    def line(self, x1, y1, x2, y2, *, colour, width, dash=None) -> None:
        self._pen(colour, width, dash)
        self.canvas.line(x1, y1, x2, y2)

    def circle(self, cx, cy, r, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._pen(stroke, width, dash)
        if fill is not None:
            self.canvas.setFillColor(self._colour(fill))
        self.canvas.circle(cx, cy, r, stroke=int(stroke is not None), fill=int(fill is not None))

    def polygon(self, points: Sequence[Point], *, fill=None, stroke=None, width=1.0) -> None:
        self._pen(stroke, width, None)
        if fill is not None:
            self.canvas.setFillColor(self._colour(fill))
        path = self.canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
        self.canvas.drawPath(path, stroke=int(stroke is not None), fill=int(fill is not None))

    def rect(self, x, y, w, h, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._pen(stroke, width, dash)
        if fill is not None:
            self.canvas.setFillColor(self._colour(fill))
        self.canvas.rect(x, y, w, h, stroke=int(stroke is not None), fill=int(fill is not None))

    def text(self, x, y, text, *, size, colour, bold=False, align: Align = "left") -> None:
        self.canvas.setFont(font_name(bold), size)
        self.canvas.setFillColor(self._colour(colour))
        if align == "centre":
            self.canvas.drawCentredString(x, y, text)
        elif align == "right":
            self.canvas.drawRightString(x, y, text)
        else:
            self.canvas.drawString(x, y, text)
