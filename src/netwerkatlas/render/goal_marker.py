"""The goal marker: a small dark tag on the lower left of a bol with the number(s) of the goal(s)
the bol is about. Canvas and poster take its place and words from here, so they agree; it sits
opposite the score badge (upper right) and the link handle (lower right)."""

from __future__ import annotations

import math

from netwerkatlas.render.painter import Point

GOAL_FILL = "#37474f"
GOAL_INK = "#ffffff"
MARKER_HEIGHT = 20.0
MARKER_TEXT_SIZE = 11.0
MARKER_ANGLE = math.radians(135)  # lower left, in y-down coordinates


def marker_text(numbers: tuple[int, ...]) -> str:
    """ "1" for one goal, "1·3" for a bol two goals are about."""
    return "·".join(str(n) for n in sorted(numbers))


def marker_centre(radius: float) -> Point:
    """Where the marker sits, relative to the bol's centre."""
    return radius * math.cos(MARKER_ANGLE), radius * math.sin(MARKER_ANGLE)


def marker_width(text_width: float) -> float:
    """Wide enough for its text, never narrower than it is high."""
    return max(MARKER_HEIGHT, text_width + 10.0)
