"""The poster as one SVG page: the same layout as the PDF, as editable vector text."""

from __future__ import annotations

from netwerkatlas.export.options import MM, ExportOptions, page_size_pt
from netwerkatlas.export.poster import TitleBlock, draw_poster
from netwerkatlas.render.drawing import ViewDrawing
from netwerkatlas.render.svg_painter import SvgPainter


def poster_svg(
    drawing: ViewDrawing, title: TitleBlock, options: ExportOptions, meta_title: str
) -> bytes:
    width, height = page_size_pt(options.paper, options.landscape)
    painter = SvgPainter(width, height, meta_title)
    painter.rect(0, 0, width, height, fill="#ffffff")
    draw_poster(painter, drawing, width, height, options.margin_mm * MM, title)
    return painter.document().encode("utf-8")
