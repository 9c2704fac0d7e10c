"""The person mark: a small grey figure on the upper left of a person's bol.

Persons and themes are both bollen on the netwerkintake; at a glance across the table (and on the
poster) the figure tells "someone" from "something" without making people louder than themes.
It sits where nothing else does: the score badge is upper right, the second view's badge right,
the link handle lower right and the goal marker lower left.
"""

from __future__ import annotations

import math

from netwerkatlas.render.painter import Painter, Point
from netwerkatlas.render.style import MUTED

MARK_ANGLE = math.radians(-135)  # upper left, in y-down coordinates
MARK_RADIUS = 9.0
MARK_FILL = "#ffffff"


def person_mark_offset(radius: float) -> Point:
    """Where the mark sits, relative to the bol's centre."""
    return radius * math.cos(MARK_ANGLE), radius * math.sin(MARK_ANGLE)


def draw_person_mark(painter: Painter, x: float, y: float, r: float = MARK_RADIUS) -> None:
    """A white disc with a head and shoulders in the muted grey, readable in black and white."""
    painter.circle(x, y, r, fill=MARK_FILL, stroke=MUTED, width=max(0.8, r * 0.1))
    painter.circle(x, y - r * 0.3, r * 0.26, fill=MUTED)
    shoulders = [
        (x + r * 0.52 * math.cos(a), y + r * 0.55 - r * 0.45 * math.sin(a))
        for a in (math.pi * i / 10 for i in range(11))
    ]
    painter.polygon(shoulders, fill=MUTED)
