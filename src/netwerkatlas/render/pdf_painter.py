"""The PDF backend of `Painter`: reportlab's canvas, top-down, with the bundled font embedded.

A poster has thousands of shapes in a handful of styles, so the painter remembers the colours,
width and dash in force and only writes a change: smaller files, and less number formatting,
which is most of the cost of writing a PDF in Python.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from netwerkatlas.render.fonts import font_name, register_fonts
from netwerkatlas.render.painter import Align, Point

KAPPA = 0.5522847498  # control-point distance of a quarter circle drawn as a Bézier curve


class _State:
    __slots__ = ("dash", "fill", "font", "stroke", "width")

    def __init__(self) -> None:
        self.stroke: str | None = None
        self.fill: str | None = None
        self.width: float | None = None
        self.dash: tuple[float, ...] | None = None
        self.font: tuple[str, float] | None = None

    def copy(self) -> _State:
        twin = _State()
        twin.stroke, twin.fill, twin.width = self.stroke, self.fill, self.width
        twin.dash, twin.font = self.dash, self.font
        return twin


class PdfPainter:
    """Draws on the current page of a reportlab canvas made with `bottomup=0`."""

    def __init__(self, canvas: Canvas) -> None:
        register_fonts()
        self.canvas = canvas
        self._colours: dict[str, HexColor] = {}
        self._state = _State()
        self._saved: list[_State] = []

    def new_page(self) -> None:
        """Call after `showPage`: a new page starts with the PDF's default state."""
        self._state = _State()
        self._saved.clear()

    def _colour(self, hex_colour: str) -> HexColor:
        colour = self._colours.get(hex_colour)
        if colour is None:
            colour = self._colours[hex_colour] = HexColor(hex_colour)
        return colour

    def _pen(self, stroke: str | None, width: float, dash: Sequence[float] | None) -> None:
        if stroke is None:
            return
        state = self._state
        if stroke != state.stroke:
            self.canvas.setStrokeColor(self._colour(stroke))
            state.stroke = stroke
        if width != state.width:
            self.canvas.setLineWidth(width)
            state.width = width
        pattern = tuple(dash) if dash else ()
        if pattern != state.dash:
            self.canvas.setDash(list(pattern))
            state.dash = pattern

    def _brush(self, fill: str | None) -> None:
        if fill is not None and fill != self._state.fill:
            self.canvas.setFillColor(self._colour(fill))
            self._state.fill = fill

    def save(self) -> None:
        self.canvas.saveState()
        self._saved.append(self._state.copy())

    def restore(self) -> None:
        self.canvas.restoreState()
        self._state = self._saved.pop()

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
        self._brush(fill)
        k = r * KAPPA
        path = self.canvas.beginPath()
        path.moveTo(cx + r, cy)
        path.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
        path.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
        path.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
        path.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
        path.close()
        self.canvas.drawPath(path, stroke=int(stroke is not None), fill=int(fill is not None))

    def polygon(self, points: Sequence[Point], *, fill=None, stroke=None, width=1.0) -> None:
        self._pen(stroke, width, None)
        self._brush(fill)
        path = self.canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
        self.canvas.drawPath(path, stroke=int(stroke is not None), fill=int(fill is not None))

    def rect(self, x, y, w, h, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._pen(stroke, width, dash)
        self._brush(fill)
        self.canvas.rect(x, y, w, h, stroke=int(stroke is not None), fill=int(fill is not None))

    def text(self, x, y, text, *, size, colour, bold=False, align: Align = "left") -> None:
        font = (font_name(bold), size)
        if font != self._state.font:
            self.canvas.setFont(*font)
            self._state.font = font
        self._brush(colour)
        if align == "centre":
            self.canvas.drawCentredString(x, y, text)
        elif align == "right":
            self.canvas.drawRightString(x, y, text)
        else:
            self.canvas.drawString(x, y, text)

    def image(self, x, y, w, h, png: bytes) -> None:
        # The canvas is flipped (bottomup=0): flip the box back so the picture stands upright.
        self.canvas.saveState()
        self.canvas.translate(x, y + h)
        self.canvas.scale(1, -1)
        self.canvas.drawImage(ImageReader(io.BytesIO(png)), 0, 0, w, h, mask="auto")
        self.canvas.restoreState()
