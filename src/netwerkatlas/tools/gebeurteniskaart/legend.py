"""The legend of the gebeurteniskaart: which entries a drawing needs (only the scores and
symbols it shows) and the small symbols drawn beside them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netwerkatlas.i18n import t
from netwerkatlas.render.drawing import LegendEntry
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import INK, MUTED, SCORE_FILL, score_symbol
from netwerkatlas.tools.gebeurteniskaart.painting import JOIN, QUIET, draw_badge

if TYPE_CHECKING:
    from netwerkatlas.tools.gebeurteniskaart.drawing import TimelineDrawing

SCORES = (2, 1, 0, -1, -2)


def legend_entries(drawing: TimelineDrawing) -> list[LegendEntry]:
    """The scores and symbols this drawing uses, for the poster's and the screen's legend."""
    entries: list[LegendEntry] = []
    shown = [drawing.events[i] for i in drawing.positions]
    if drawing.show_scores and any(e.score is not None for e in shown):
        group = t("legend.scores")
        for score in SCORES:
            entries.append(
                LegendEntry(
                    f"{score_symbol(score)} {t(f'score.{score}')}",
                    lambda p, x, y, s, score=score: draw_badge(p, x, y, s * 0.42, score),
                    group,
                )
            )
        entries.append(LegendEntry(t("timeline.legend.sides"), _sides, group))
    symbols = t("legend.symbols")
    spans = list(drawing.spans.values())
    if any(s.end == s.start for s in spans) or drawing.undated:
        entries.append(LegendEntry(t("timeline.legend.moment"), _moment, symbols))
    if any(s.end > s.start for s in spans):
        entries.append(LegendEntry(t("timeline.legend.span"), _span, symbols))
    if any(s.approximate for s in spans):
        entries.append(LegendEntry(t("timeline.legend.approximate"), _approximate, symbols))
    if drawing.birth_time is not None:
        entries.append(LegendEntry(t("timeline.legend.born"), _born, symbols))
    if drawing.now is not None:
        entries.append(LegendEntry(t("timeline.legend.today"), _today, symbols))
    if drawing.family is not None:
        entries.append(LegendEntry(t("timeline.legend.family"), _family, symbols))
    if drawing.lanes:
        entries.append(LegendEntry(t("timeline.legend.lane"), _life_line, symbols))
        entries.append(LegendEntry(t("timeline.legend.lane_event"), _lane_event, symbols))
    return entries


def _sides(painter: Painter, x: float, y: float, size: float) -> None:
    painter.line(x - size * 0.5, y, x + size * 0.5, y, colour=INK, width=1.0)
    painter.circle(
        x - size * 0.2, y - size * 0.3, size * 0.14, fill=SCORE_FILL[1], stroke=INK, width=0.6
    )
    painter.circle(
        x + size * 0.2, y + size * 0.3, size * 0.14, fill=SCORE_FILL[-1], stroke=INK, width=0.6
    )


def _moment(painter: Painter, x: float, y: float, size: float) -> None:
    painter.circle(x, y, size * 0.22, fill="#ffffff", stroke=INK, width=1.0)


def _span(painter: Painter, x: float, y: float, size: float) -> None:
    painter.rect(
        x - size * 0.45,
        y - size * 0.15,
        size * 0.9,
        size * 0.3,
        fill=SCORE_FILL[0],
        stroke=INK,
        width=0.7,
    )


def _approximate(painter: Painter, x: float, y: float, size: float) -> None:
    painter.circle(x, y, size * 0.3, fill="#ffffff", stroke=INK, width=1.0, dash=(2, 1.6))


def _born(painter: Painter, x: float, y: float, size: float) -> None:
    painter.line(x - size * 0.45, y, x + size * 0.45, y, colour=INK, width=1.0)
    painter.line(
        x - size * 0.2, y - size * 0.35, x - size * 0.2, y + size * 0.35, colour=INK, width=2.0
    )


def _today(painter: Painter, x: float, y: float, size: float) -> None:
    painter.line(
        x - size * 0.45, y + size * 0.2, x + size * 0.45, y + size * 0.2, colour=INK, width=1.0
    )
    half = size * 0.2
    painter.polygon(
        [(x, y + size * 0.15), (x - half, y - size * 0.25), (x + half, y - size * 0.25)], fill=MUTED
    )


def _family(painter: Painter, x: float, y: float, size: float) -> None:
    painter.line(x - size * 0.45, y, x + size * 0.45, y, colour=QUIET, width=0.7)
    painter.circle(x, y, size * 0.13, fill=QUIET)


def _life_line(painter: Painter, x: float, y: float, size: float) -> None:
    painter.line(x - size * 0.45, y, x + size * 0.45, y, colour=QUIET, width=3.0)


def _lane_event(painter: Painter, x: float, y: float, size: float) -> None:
    painter.line(x, y - size * 0.45, x, y, colour=JOIN, width=0.8)
    painter.line(x - size * 0.45, y, x + size * 0.45, y, colour=QUIET, width=1.0)
    painter.circle(x, y, size * 0.15, fill="#ffffff", stroke=INK, width=0.7)
