"""Where bollen go that the user has not placed yet: on rings around the client, in free spots.

Placed bollen keep their place; only unplaced ones get a computed position, which the view shows
but does not store until the user moves them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from netwerkatlas.model.atlas import Atlas, Point
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


def shown_positions(atlas: Atlas, view: str) -> dict[str, Point]:
    """Where every bol of `atlas` is drawn in `view`: its stored place, or a computed one.

    The canvas and the poster both ask here, so paper shows what the screen shows."""
    state = atlas.views.get(view)
    stored = dict(state.positions) if state else {}
    stored[atlas.client_id] = (0.0, 0.0)
    node_ids = [node.id for node in atlas.nodes()]
    unplaced = [node_id for node_id in node_ids if node_id not in stored]
    stored.update(place_unplaced(unplaced, stored, atlas.client_id))
    return {node_id: stored[node_id] for node_id in node_ids}


def _angle(point: Point) -> float:
    """Clockwise angle from the top, 0..2π (screen y grows downwards)."""
    return math.atan2(point[0], -point[1]) % (2 * math.pi)


def _ring_radius(count: int) -> float:
    return max(FIRST_RING, count * MIN_GAP / (2 * math.pi))


def _best_rotation(angles: list[float], count: int) -> float:
    """The ring's starting angle that moves the bollen, kept in their order, the least."""
    step = 2 * math.pi / count

    def cost(offset: float) -> float:
        total = 0.0
        for index, angle in enumerate(angles):
            diff = abs((offset + index * step - angle + math.pi) % (2 * math.pi) - math.pi)
            total += diff
        return total

    candidates = [(angle - index * step) % (2 * math.pi) for index, angle in enumerate(angles)]
    return min(candidates, key=cost) if candidates else 0.0


def arrange_around_client(positions: Mapping[str, Point], client_id: str) -> dict[str, Point]:
    """Even rings around the client, without overlaps, that keep every bol in the direction
    the user put it: bollen keep their clockwise order, inner ones stay on the inner ring,
    and each ring is turned so the bollen move as little as possible."""
    others = sorted(
        (n for n in positions if n != client_id),
        key=lambda n: math.dist(positions[n], (0.0, 0.0)),
    )
    result: dict[str, Point] = {}
    ring_index = 0
    while others:
        ring, others = others[:RING_MAX], others[RING_MAX:]
        ring.sort(key=lambda n: _angle(positions[n]))
        radius = _ring_radius(len(ring)) + ring_index * (RING_STEP + MIN_GAP / 2)
        if ring_index:
            radius = max(radius, _ring_radius(RING_MAX) + ring_index * RING_STEP)
        start = _best_rotation([_angle(positions[n]) for n in ring], len(ring))
        for index, node_id in enumerate(ring):
            angle = start + index * 2 * math.pi / len(ring)
            result[node_id] = (
                round(radius * math.sin(angle), 2),
                round(-radius * math.cos(angle), 2),
            )
        ring_index += 1
    return result
