"""The score as a coloured disc with its symbol (++ + = − −−): the netwerkintake's badge, and the
gebeurteniskaart's mark, on screen and on paper. Each view says how large the symbol is for its
disc; the colours and the symbol are the same everywhere."""

from __future__ import annotations

from netwerkatlas.render.fonts import baseline_offset
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import INK, SCORE_FILL, SCORE_INK, score_symbol


def draw_score_disc(
    painter: Painter,
    x: float,
    y: float,
    r: float,
    score: int | None,
    *,
    symbol_size: float,
    line_width: float,
) -> None:
    """A disc of radius `r` centred on (x, y), its symbol centred in it, `symbol_size` high."""
    painter.circle(x, y, r, fill=SCORE_FILL[score], stroke=INK, width=line_width)
    painter.text(
        x,
        y + baseline_offset(symbol_size),
        score_symbol(score),
        size=symbol_size,
        colour=SCORE_INK[score],
        bold=True,
        align="centre",
    )
