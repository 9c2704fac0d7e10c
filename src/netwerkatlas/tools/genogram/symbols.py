"""McGoldrick's genogram symbols, drawn on any `Painter` (screen, PDF, SVG).

Square male, circle female, and - a design choice shown in the legend - a diamond for other or
unknown; a double outline for the index person; an X for the deceased; a triangle for a
pregnancy and a small crossed triangle for a miscarriage.
"""

from __future__ import annotations

import math

from netwerkatlas.model.records import Gender, Pregnancy
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import INK

OUTLINE = 1.6
INDEX_GAP = 4.5
FILL = "#ffffff"


def draw_symbol(
    painter: Painter,
    x: float,
    y: float,
    size: float,
    gender: Gender | str,
    *,
    index: bool = False,
    deceased: bool = False,
    pregnancy: Pregnancy | str | None = None,
    fill: str = FILL,
) -> None:
    """One person centred on (x, y), `size` wide."""
    half = size / 2
    if pregnancy == Pregnancy.MISCARRIAGE:
        small = half * 0.55
        _triangle(painter, x, y, small, fill)
        painter.line(x - small, y - small, x + small, y + small, colour=INK, width=OUTLINE)
        painter.line(x - small, y + small, x + small, y - small, colour=INK, width=OUTLINE)
        return
    if pregnancy == Pregnancy.PREGNANT:
        _triangle(painter, x, y, half, fill)
        return
    _outline(painter, x, y, half, gender, fill)
    if index:
        _outline(painter, x, y, half + INDEX_GAP, gender, None)
    if deceased:
        reach = half * (1.15 if gender != Gender.FEMALE else 0.95)
        painter.line(x - reach, y - reach, x + reach, y + reach, colour=INK, width=OUTLINE)
        painter.line(x - reach, y + reach, x + reach, y - reach, colour=INK, width=OUTLINE)


def _outline(painter: Painter, x: float, y: float, half: float, gender, fill) -> None:
    if gender == Gender.MALE:
        painter.rect(x - half, y - half, 2 * half, 2 * half, fill=fill, stroke=INK, width=OUTLINE)
    elif gender == Gender.FEMALE:
        painter.circle(x, y, half, fill=fill, stroke=INK, width=OUTLINE)
    else:
        r = half * math.sqrt(2) * 0.9
        painter.polygon(
            [(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill=fill, stroke=INK, width=OUTLINE
        )


def _triangle(painter: Painter, x: float, y: float, half: float, fill: str) -> None:
    painter.polygon(
        [(x, y - half), (x + half, y + half * 0.8), (x - half, y + half * 0.8)],
        fill=fill,
        stroke=INK,
        width=OUTLINE,
    )
