"""Where bollen go that the user has not placed yet: on rings around the client, in free spots.

Placed bollen keep their place; only unplaced ones get a computed position, which the view shows
but does not store until the user moves them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from netwerkatlas.model.atlas import Point
from netwerkatlas.render.style import METRICS

FIRST_RING = 230.0
RING_STEP = 120.0
MIN_GAP = 2 * METRICS.radius + 18.0
RING_MAX = 20


def _free(point: Point, taken: list[Point]) -> bool:
    return all(math.dist(point, other) >= MIN_GAP for other in taken)


def place_unplaced(
    unplaced: Iterable[str], placed: Mapping[str, Point], client_id: str
) -> dict[str, Point]:
    """Positions for `unplaced` node ids, evenly around the client, clear of `placed` ones."""
    todo = [node_id for node_id in unplaced if node_id != client_id]
    taken = [p for node_id, p in placed.items() if node_id != client_id] + [(0.0, 0.0)]
    result: dict[str, Point] = {}
    # One ring holds up to RING_MAX bollen: widen the first ring rather than start a second
    # one for a few bollen.
    radius = max(FIRST_RING, min(len(todo), RING_MAX) * MIN_GAP / (2 * math.pi))
    while todo:
        capacity = max(6, int(2 * math.pi * radius // MIN_GAP))
        count = min(len(todo), capacity)
        # Spread evenly over the ring first; then try the gaps between the regular slots.
        fractions = [i / count for i in range(count)]
        fractions += [(i + 0.5) / capacity for i in range(capacity)]
        fractions += [i / capacity for i in range(capacity)]
        for fraction in fractions:
            if not todo:
                break
            angle = -math.pi / 2 + 2 * math.pi * fraction
            point = (round(radius * math.cos(angle), 2), round(radius * math.sin(angle), 2))
            if _free(point, taken):
                result[todo.pop(0)] = point
                taken.append(point)
        radius += RING_STEP
    return result
