"""Poster and tiled PDFs: vector pages with the font embedded and metadata free of names."""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from netwerkatlas import __version__
from netwerkatlas.export.options import MM, TILE_PAPERS, page_size_pt
from netwerkatlas.export.poster import PosterGeometry, TitleBlock, draw_poster
from netwerkatlas.export.tiles import draw_overview, draw_sheet_frame, plan_tiles
from netwerkatlas.i18n import t
from netwerkatlas.render.drawing import ViewDrawing
from netwerkatlas.render.fonts import REGULAR, register_fonts
from netwerkatlas.render.pdf_painter import PdfPainter


def new_canvas(buffer: io.BytesIO, size: tuple[float, float], title: str) -> Canvas:
    """A top-down canvas whose metadata carries only what the user may share, with the
    bundled font as its first font, so no unembedded standard font is listed."""
    register_fonts()
    # Plain zlib-compressed streams: ASCII85 on top only makes files a fifth bigger and slower
    # to write; every PDF reader since 1996 takes binary streams.
    rl_config.useA85 = 0
    canvas = Canvas(buffer, pagesize=size, bottomup=0, pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(title)
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setKeywords("")
    canvas.setCreator(f"Netwerkatlas {__version__}")
    return canvas


def _bookmark(canvas: Canvas, key: str, title: str) -> None:
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(title, key, level=0)


def poster_pdf(
    drawing: ViewDrawing,
    title: TitleBlock,
    paper: str,
    landscape: bool,
    margin_mm: float,
    meta_title: str,
) -> tuple[bytes, PosterGeometry]:
    """A one-page poster PDF, and where its parts went on the page."""
    width, height = page_size_pt(paper, landscape)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (width, height), meta_title)
    _bookmark(canvas, "poster", t("pdf.outline_poster"))
    geometry = draw_poster(PdfPainter(canvas), drawing, width, height, margin_mm * MM, title)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), geometry


def tiled_pdf(
    drawing: ViewDrawing,
    title: TitleBlock,
    paper: str,
    landscape: bool,
    margin_mm: float,
    tiles: str,
    overlap_mm: float,
    meta_title: str,
) -> bytes:
    """An overview page, then one page per sheet of the poster."""
    if tiles not in TILE_PAPERS:
        raise ValueError(tiles)
    poster_w, poster_h = page_size_pt(paper, landscape)
    margin = margin_mm * MM
    plan = plan_tiles(poster_w, poster_h, tiles, overlap_mm)

    def poster(painter) -> None:
        draw_poster(painter, drawing, poster_w, poster_h, margin, title)

    buffer = io.BytesIO()
    overview_size = page_size_pt("A4", poster_w > poster_h)
    canvas = new_canvas(buffer, overview_size, meta_title)
    painter = PdfPainter(canvas)
    _bookmark(canvas, "overview", t("pdf.outline_overview"))
    draw_overview(painter, plan, poster_w, poster_h, *overview_size, poster)
    canvas.showPage()
    painter.new_page()
    caption = f"{title.title} · {paper}"
    for sheet in plan.sheets():
        canvas.setPageSize((plan.sheet_w, plan.sheet_h))
        _bookmark(
            canvas,
            f"sheet{sheet.number}",
            t("tiles.label_short", number=sheet.number, count=plan.count),
        )
        painter.save()
        painter.clip_rect(plan.margin, plan.margin, plan.area_w, plan.area_h)
        painter.translate(plan.margin - sheet.x, plan.margin - sheet.y)
        poster(painter)
        painter.restore()
        draw_sheet_frame(painter, plan, sheet, caption)
        canvas.showPage()
        painter.new_page()
    canvas.save()
    return buffer.getvalue()
