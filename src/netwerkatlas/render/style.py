"""How scores and bollen look, in physical units (points), for the screen and for print.

Scores are shown as colour *and* symbol: the blue-orange scale is safe for the common kinds of
colour blindness, and the symbols keep a black-and-white print readable.
"""

from __future__ import annotations

from dataclasses import dataclass

MINUS = "\u2212"  # a typographic minus: "−" reads better than "-" next to "+"
SCORE_SYMBOLS: dict[int, str] = {2: "++", 1: "+", 0: "=", -1: MINUS, -2: MINUS * 2}
SCORE_FILL: dict[int | None, str] = {
    2: "#2b6cb0",
    1: "#a9cce3",
    0: "#e4e4e4",
    -1: "#f8c291",
    -2: "#d35400",
    None: "#ffffff",
}
SCORE_INK: dict[int | None, str] = {
    2: "#ffffff",
    1: "#1a1a1a",
    0: "#1a1a1a",
    -1: "#1a1a1a",
    -2: "#ffffff",
    None: "#1a1a1a",
}
INK = "#1f2933"
MUTED = "#6b7785"
LINK = "#52606d"
PAPER = "#fbfaf7"
BOL_FILL = "#ffffff"
CLIENT_FILL = "#fff4d6"


@dataclass(frozen=True)
class BolMetrics:
    """Sizes of a bol in points."""

    radius: float = 55.0  # files laid out 110 apart (before the honeycomb) at worst touch
    client_radius: float = 74.0
    outline: float = 1.6
    emphasis_outline: float = 4.0
    badge_radius: float = 15.0
    label_size: float = 15.0
    client_label_size: float = 18.0
    badge_size: float = 13.0
    link_width: float = 1.6
    handle_radius: float = 10.0


METRICS = BolMetrics()


def score_symbol(score: int | None) -> str:
    return SCORE_SYMBOLS.get(score, "") if score is not None else ""


def tint(colour: str, amount: float) -> str:
    """`colour` mixed with white: calm fills, with the full colour kept for the score badge."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - v) * amount):02x}" for v in channels)


def bol_fill(is_client: bool, score: int | None, show_score: bool) -> str:
    """The fill of a bol: cream for the client, a pale score colour, or white."""
    if is_client:
        return CLIENT_FILL
    if show_score and score is not None:
        return tint(SCORE_FILL[score], 0.35)
    return BOL_FILL
