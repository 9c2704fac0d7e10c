"""The bundled DejaVu Sans, registered with reportlab, and text measured with it.

Export embeds this font so scores (++ −−), accents and names in any European script print the
same on every machine; measuring with the same font file keeps layout and print in step.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from netwerkatlas.resources import assets_dir

REGULAR = "NetwerkatlasSans"
BOLD = "NetwerkatlasSans-Bold"
FAMILY = "DejaVu Sans"  # the family name the font files carry (SVG and Qt refer to it)
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

ASCENT = 0.76  # cap height and descent as fractions of the size, for centring a line
LINE_HEIGHT = 1.2


def font_path(name: str = REGULAR) -> Path:
    return assets_dir() / "fonts" / FILES[name]


@cache
def register_fonts() -> None:
    """Make the bundled fonts known to reportlab (once per process, when first needed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in FILES:
        pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)


def font_name(bold: bool) -> str:
    return BOLD if bold else REGULAR


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of `text` set in the bundled font at `size` points."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return pdfmetrics.stringWidth(text, font_name(bold), size)


def baseline_offset(size: float) -> float:
    """From the middle of a line to its baseline, so text centres on a point by eye."""
    return size * ASCENT / 2
