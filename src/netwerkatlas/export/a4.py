"""A4 pages of text (the summary, an instrument's document such as the actieplan) look alike:
the same type, margins, footer and metadata rules, laid out by reportlab's platypus."""

from __future__ import annotations

import io
from datetime import date
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from netwerkatlas import __version__
from netwerkatlas.export.options import ExportOptions, page_size_pt
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.render.fonts import BOLD, REGULAR, register_fonts
from netwerkatlas.render.style import INK as INK_HEX
from netwerkatlas.render.style import MUTED as MUTED_HEX

INK, MUTED = HexColor(INK_HEX), HexColor(MUTED_HEX)
MARGIN = 18 * mm


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles by name: body, small, title, h2, muted."""
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=16, leading=20, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, textColor=MUTED),
    }


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain text as a paragraph: markup characters are shown as typed, newlines kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def facts(atlas: Atlas, options: ExportOptions) -> list[tuple[str, str]]:
    """Client, date and session, for the line under a title (empty values are left out later)."""
    return [
        (t("summary.client"), atlas.client.shown_label),
        (t("summary.date"), date.today().strftime("%d-%m-%Y")),
        (t("summary.session"), options.session_label.strip()),
    ]


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, 10 * mm, f"Netwerkatlas {__version__}")
    canvas.drawRightString(doc.pagesize[0] - MARGIN, 10 * mm, t("summary.page", number=doc.page))
    canvas.restoreState()


def a4_pdf(story: list, meta_title: str) -> bytes:
    """The story on A4 portrait pages with the page footer; no personal data in the metadata
    beyond `meta_title`."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=page_size_pt("A4", False),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=meta_title,
        author="",
        subject="",
        creator=f"Netwerkatlas {__version__}",
        keywords="",
    )
    document.build(
        story,
        onFirstPage=_footer,
        onLaterPages=_footer,
        canvasmaker=partial(Canvas, initialFontName=REGULAR),
    )
    return buffer.getvalue()
