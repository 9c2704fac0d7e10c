"""Where a bol's label goes: inside the circle and clear of the score badge and the small marks
on its rim, so that nothing ever covers a letter, on the canvas and on the poster alike.

A line of a label gets the free stretch of its own height band: the circle's chord there, less
whatever badge or mark reaches into that band; it is centred in that stretch. The lines are
set at the label size, never smaller (`render.text_fit.fit_shaped`): a label that needs it
wraps, and a long word is hyphenated between syllables.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from netwerkatlas.render.geometry import badge_offset
from netwerkatlas.render.goal_marker import MARKER_HEIGHT, marker_centre
from netwerkatlas.render.person_mark import MARK_RADIUS, person_mark_offset
from netwerkatlas.render.style import METRICS
from netwerkatlas.render.text_fit import (
    ELLIPSIS,
    HYPHEN,
    MAX_LINES,
    FittedText,
    Measure,
    fit_shaped,
)
from netwerkatlas.tools.netwerkintake.perspectives import SECOND_BADGE_SCALE, second_badge_offset

RIM_INSET = 3.5  # from the circle to the text: the outline and a little air
CLEARANCE = 2.0  # between a letter and a badge or mark
LINE_STEP = 1.1  # from line to line, as a share of the type size: a label's lines stay close
# A line's ink above and below its centre, as shares of the size: the baseline lies
# `baseline_offset` below the centre, with accented capitals above and descenders below it.
INK_ABOVE, INK_BELOW = 0.45, 0.62
GOAL_MARKER_WIDTH = 40.0  # room kept for a goal tag with two numbers ("1·3")


@dataclass(frozen=True)
class Disc:
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float


Obstacle = Disc | Box


def obstacles(
    radius: float,
    *,
    badge: bool,
    second_badge: bool = False,
    person: bool = False,
    goal: bool = False,
) -> tuple[Obstacle, ...]:
    """What sits on a bol's rim and may not cover its label: the score badge (or its empty
    place), another view's badge, the person mark and the goal tag."""
    found: list[Obstacle] = []
    if badge:
        found.append(Disc(*badge_offset(radius), METRICS.badge_radius))
    if second_badge:
        found.append(Disc(*second_badge_offset(radius), METRICS.badge_radius * SECOND_BADGE_SCALE))
    if person:
        found.append(Disc(*person_mark_offset(radius), MARK_RADIUS))
    if goal:
        x, y = marker_centre(radius)
        half_w, half_h = GOAL_MARKER_WIDTH / 2, MARKER_HEIGHT / 2
        found.append(Box(x - half_w, y - half_h, x + half_w, y + half_h))
    return tuple(found)


SHIFTS = (0.0, 0.35, 0.7, -0.35)  # the block moved down (or up), in type sizes, to clear a mark


def line_centres(count: int, size: float, shift: float = 0.0) -> list[float]:
    """The vertical centres of `count` lines at `size`: the block centred on the bol, moved
    down by `shift` type sizes."""
    step = size * LINE_STEP
    return [(index - (count - 1) / 2) * step + shift * size for index in range(count)]


def _blocked(obstacle: Obstacle, top: float, bottom: float) -> tuple[float, float] | None:
    """The stretch of x an obstacle (with clearance) takes in the band top..bottom."""
    if isinstance(obstacle, Box):
        if obstacle.bottom + CLEARANCE <= top or obstacle.top - CLEARANCE >= bottom:
            return None
        return obstacle.left - CLEARANCE, obstacle.right + CLEARANCE
    reach = obstacle.r + CLEARANCE
    nearest = min(max(obstacle.y, top), bottom)
    dy = abs(obstacle.y - nearest)
    if dy >= reach:
        return None
    dx = math.sqrt(reach * reach - dy * dy)
    return obstacle.x - dx, obstacle.x + dx


@lru_cache(maxsize=1024)
def free_stretches(
    radius: float, count: int, size: float, marks: tuple[Obstacle, ...], shift: float = 0.0
) -> tuple[tuple[float, float], ...]:
    """For each of `count` lines at `size`: the widest free (left, right) inside the circle."""
    inner = radius - RIM_INSET
    stretches = []
    for centre in line_centres(count, size, shift):
        top, bottom = centre - INK_ABOVE * size, centre + INK_BELOW * size
        far = max(abs(top), abs(bottom))
        half = math.sqrt(max(inner * inner - far * far, 0.0))
        free = [(-half, half)]
        for obstacle in marks:
            blocked = _blocked(obstacle, top, bottom)
            if blocked is not None:
                free = [piece for span in free for piece in _cut(span, blocked)]
        stretches.append(max(free, key=lambda s: s[1] - s[0], default=(0.0, 0.0)))
    return tuple(stretches)


def _cut(span: tuple[float, float], blocked: tuple[float, float]) -> list[tuple[float, float]]:
    left, right = span
    pieces = [(left, min(right, blocked[0])), (max(left, blocked[1]), right)]
    return [(a, b) for a, b in pieces if b > a]


@dataclass(frozen=True)
class PlacedLabel:
    """A fitted label: its size, its lines and the horizontal centre of each line."""

    size: float
    lines: tuple[str, ...]
    centres: tuple[float, ...]
    shift: float = 0.0

    def line_y(self, index: int) -> float:
        return line_centres(len(self.lines), self.size, self.shift)[index]


def place_label(
    text: str,
    size: float,
    radius: float,
    measure: Measure,
    marks: Sequence[Obstacle] = (),
    max_lines: int = MAX_LINES,
) -> PlacedLabel:
    """The label's lines at `size`, each in the free stretch of its band inside the bol.

    The block sits in the middle of the bol unless moving it a little down (away from the
    score badge) or up lets it keep a word whole that it would otherwise break or cut."""
    marks = tuple(marks)
    best: tuple[tuple[int, int, int, int], PlacedLabel] | None = None
    for rank, shift in enumerate(SHIFTS):

        def widths(count: int, shift: float = shift) -> list[float]:
            spans = free_stretches(radius, count, size, marks, shift)
            return [right - left for left, right in spans]

        fitted: FittedText = fit_shaped(text, size, widths, measure, max_lines)
        spans = free_stretches(radius, len(fitted.lines), size, marks, shift)
        centres = tuple((left + right) / 2 for left, right in spans)
        placed = PlacedLabel(fitted.size, fitted.lines, centres, shift)
        cut = sum(line.endswith(ELLIPSIS) for line in fitted.lines)
        broken = sum(line.endswith(HYPHEN) for line in fitted.lines)
        # what is cut short shows as much of its text as it can
        shown = sum(len(line.rstrip(ELLIPSIS)) for line in fitted.lines) if cut else 0
        score = (cut, -shown, broken, rank)
        if best is None or score < best[0]:
            best = (score, placed)
        if not cut and not broken:
            break
    return best[1]


def line_boxes(label: PlacedLabel, measure: Measure) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) of each line's ink as placed, for checking what covers it."""
    boxes = []
    for index, line in enumerate(label.lines):
        width = measure(line, label.size)
        x, y = label.centres[index], label.line_y(index)
        top, bottom = y - INK_ABOVE * label.size, y + INK_BELOW * label.size
        boxes.append((x - width / 2, top, x + width / 2, bottom))
    return boxes
