"""After "Rangschikken": neighbouring bollen change places where a link would otherwise run
under a third bol, so each line is seen to join the two it joins.

In a packed honeycomb a link between two bollen two cells apart passes straight under the bol
between them, and reads as two links. Swapping a bol with a neighbour is a small change to the
picture the user made, and only made when it frees a link. Links are not pulled short: between
two neighbours a link would be no more than its arrow head.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from netwerkatlas.model.atlas import Point
from netwerkatlas.render.geometry import distance_to_segment
from netwerkatlas.render.style import METRICS

LENGTH = 0.001  # what a link's length costs, per cell: only to choose between equal swaps
MOST_BOLLEN = 300  # beyond this the swaps take too long for a click, and links are many


def untangle(
    places: Mapping[str, Point],
    links: Iterable[tuple[str, str]],
    cell: float,
    passes: int = 4,
) -> dict[str, Point]:
    """`places` with neighbours (less than 1.5 `cell` apart) swapped while that lowers the
    number of bollen (the client too) that links run under."""
    result = dict(places)
    pairs = [(a, b) for a, b in links if a in result and b in result and a != b]
    if not pairs or len(result) > MOST_BOLLEN:
        return result
    links_of: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        for end in pair:
            links_of.setdefault(end, []).append(pair)
    client = METRICS.client_radius + 2.0
    reach = METRICS.radius + 2.0

    def cost(link: tuple[str, str]) -> float:
        a, b = result[link[0]], result[link[1]]
        total = LENGTH * math.dist(a, b) / cell
        if distance_to_segment((0.0, 0.0), a, b) < client:
            total += 1
        for node_id, point in result.items():
            if node_id not in link and distance_to_segment(point, a, b) < reach:
                total += 1
        return total

    def around(u: str, v: str) -> float:
        return sum(cost(link) for link in set(links_of.get(u, []) + links_of.get(v, [])))

    for _ in range(passes):
        improved = False
        for u in sorted(links_of):
            for v in sorted(result):
                if v == u or math.dist(result[u], result[v]) > 1.5 * cell:
                    continue
                before = around(u, v)
                result[u], result[v] = result[v], result[u]
                if around(u, v) < before - 0.5:
                    improved = True
                else:
                    result[u], result[v] = result[v], result[u]
        if not improved:
            break
    return result
