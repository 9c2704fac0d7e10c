"""Small plane geometry shared by the canvas and the paper backends (points, y down)."""

from __future__ import annotations

import math

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom

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


def segment_meets_rect(p: Point, q: Point, rect: tuple[float, float, float, float]) -> bool:
    """Whether the segment p-q passes through `rect` (left, top, right, bottom), by
    Liang-Barsky clipping."""
    left, top, right, bottom = rect
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for step, room in (
        (-dx, p[0] - left),
        (dx, right - p[0]),
        (-dy, p[1] - top),
        (dy, bottom - p[1]),
    ):
        if step == 0:
            if room < 0:
                return False
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def distance_to_segment(point: Point, a: Point, b: Point) -> float:
    """How far `point` is from the segment a-b (from `a` itself when the segment is a point)."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length = dx * dx + dy * dy
    t = 0.0 if not length else ((point[0] - ax) * dx + (point[1] - ay) * dy) / length
    t = max(0.0, min(1.0, t))
    return math.dist(point, (ax + t * dx, ay + t * dy))


def boxes_meet(a: Box, b: Box) -> bool:
    """Whether two boxes overlap (touching edges do not)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def shared_area(a: Box, b: Box) -> float:
    """The area two boxes share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0
