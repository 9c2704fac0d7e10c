"""Small plane geometry shared by the canvas and the paper backends (points, y down)."""

from __future__ import annotations

import math

Point = tuple[float, float]

ARROW_LENGTH = 9.0
ARROW_SPREAD = math.radians(25)
BADGE_ANGLE = -math.pi / 4  # the score badge sits on the upper right of the rim


def rim_to_rim(a: Point, ra: float, b: Point, rb: float) -> tuple[Point, Point] | None:
    """The part of the segment a→b outside both circles, or None when they touch or overlap."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length <= ra + rb:
        return None
    ux, uy = dx / length, dy / length
    return (a[0] + ux * ra, a[1] + uy * ra), (b[0] - ux * rb, b[1] - uy * rb)


def arrow_head(tip: Point, tail: Point, length: float = ARROW_LENGTH) -> list[Point]:
    """A filled triangle at `tip`, pointing away from `tail`."""
    angle = math.atan2(tip[1] - tail[1], tip[0] - tail[0])
    points = [tip]
    for side in (-1, 1):
        a = angle + math.pi + side * ARROW_SPREAD
        points.append((tip[0] + length * math.cos(a), tip[1] + length * math.sin(a)))
    return points


def badge_offset(radius: float) -> Point:
    return radius * math.cos(BADGE_ANGLE), radius * math.sin(BADGE_ANGLE)
