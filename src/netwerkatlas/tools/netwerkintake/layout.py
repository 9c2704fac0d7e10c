"""Where bollen go that the user has not placed yet, and where "Rangschikken" puts them: close
together around the client, in a honeycomb that fills a screen's rectangle.

Placed bollen keep their place; only unplaced ones get a computed position, which the view shows
but does not store until the user moves them.

Why a honeycomb and not rings: the drawing is read across the table at the zoom "Passend"
gives, and that zoom is set by how much room the arrangement takes. Rings leave the corners of
a wide screen and a hole around the client empty; the honeycomb packs bollen as densely as
circles go, in a wide rectangle, so the same screen shows them (and their labels) larger.
The client sits in the middle of the centre row, where four cells make room for its larger bol.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from netwerkatlas.model.atlas import Atlas, Point
from netwerkatlas.render.style import METRICS
from netwerkatlas.tools.netwerkintake.untangle import untangle

GAP = 12.0  # between neighbours: room for a link's arrow head, and a badge clear of the next bol
MIN_GAP = 2 * METRICS.radius + GAP  # from centre to centre
ROW_STEP = MIN_GAP * math.sqrt(3) / 2
CLIENT_CLEAR = METRICS.client_radius + METRICS.radius + GAP  # from the client's centre
ASPECT = 1.4  # width over height of the filled area: between a laptop's view and client mode's
ROUNDNESS = 4.0  # the filled area is a rounded rectangle (2 would be an ellipse)


def _norm(point: Point) -> float:
    """How far out a point is in the rounded rectangle of `ASPECT`: equal values make one
    rounded rectangle around the client."""
    stretch = math.sqrt(ASPECT)
    x, y = abs(point[0]) / stretch, abs(point[1]) * stretch
    return (x**ROUNDNESS + y**ROUNDNESS) ** (1 / ROUNDNESS)


def _angle(point: Point) -> float:
    """Clockwise angle from the top, 0..2π (screen y grows downwards)."""
    return math.atan2(point[0], -point[1]) % (2 * math.pi)


def _cells(reach: float) -> list[Point]:
    """The honeycomb's free cells within `reach` (in `_norm`) of the client, nearest first and,
    at one distance, clockwise from the top."""
    rows = int(reach * math.sqrt(ASPECT) / ROW_STEP) + 2
    columns = int(reach * math.sqrt(ASPECT) / MIN_GAP) + 2
    cells = []
    for row in range(-rows, rows + 1):
        shift = MIN_GAP / 2 if row % 2 == 0 else 0.0  # the client between two cells of row 0
        for column in range(-columns, columns + 1):
            point = (round(column * MIN_GAP + shift, 2), round(row * ROW_STEP, 2))
            if math.dist(point, (0.0, 0.0)) >= CLIENT_CLEAR and _norm(point) <= reach:
                cells.append(point)
    cells.sort(key=lambda p: (round(_norm(p), 1), _angle(p)))
    return cells


class _Taken:
    """The places already used, hashed on a grid of `MIN_GAP`, so checking one is quick."""

    def __init__(self, points: Iterable[Point]) -> None:
        self._grid: dict[tuple[int, int], list[Point]] = {}
        for point in points:
            self.add(point)

    @staticmethod
    def _key(point: Point) -> tuple[int, int]:
        return math.floor(point[0] / MIN_GAP), math.floor(point[1] / MIN_GAP)

    def add(self, point: Point) -> None:
        self._grid.setdefault(self._key(point), []).append(point)

    def free(self, point: Point) -> bool:
        kx, ky = self._key(point)
        return all(
            math.dist(point, other) >= MIN_GAP - 0.01
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in self._grid.get((kx + dx, ky + dy), ())
        )


def _first_reach(count: int) -> float:
    """A reach whose cells hold about `count` bollen (more are looked for when some are taken)."""
    per_cell = MIN_GAP * ROW_STEP
    return math.sqrt((count + 4) * per_cell) / 1.8 + MIN_GAP


def place_unplaced(
    unplaced: Iterable[str], placed: Mapping[str, Point], client_id: str
) -> dict[str, Point]:
    """Positions for `unplaced` node ids: the free cells nearest the client, clear of the
    `placed` ones, clockwise from the top."""
    todo = list(dict.fromkeys(node_id for node_id in unplaced if node_id != client_id))
    if not todo:
        return {}
    taken = _Taken(p for node_id, p in placed.items() if node_id != client_id)
    result: dict[str, Point] = {}
    reach = _first_reach(len(todo) + len(placed))
    tried: set[Point] = set()
    while len(result) < len(todo):
        for cell in _cells(reach):
            if len(result) == len(todo):
                break
            if cell in tried:
                continue
            tried.add(cell)
            if taken.free(cell):
                result[todo[len(result)]] = cell
                taken.add(cell)
        reach *= 1.5
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


def arrange_around_client(
    positions: Mapping[str, Point], client_id: str, links: Iterable[tuple[str, str]] = ()
) -> dict[str, Point]:
    """The honeycomb around the client, without overlaps, keeping the picture the user made:
    the picture is scaled to the honeycomb's size, and each bol goes to the free cell nearest
    to where it then stands, the best matches first. A bol already on a cell stays there,
    unless a neighbour takes its place to keep one of the `links` from running under it."""
    others = sorted(n for n in positions if n != client_id)
    if not others:
        return {}
    cells = _cells(_first_reach(len(others)))
    while len(cells) < len(others):
        cells = _cells(_norm(cells[-1]) * 1.5 if cells else MIN_GAP * 2)
    cells = cells[: len(others)]
    widest = max(_norm(positions[n]) for n in others)
    scale = min(1.0, max(_norm(c) for c in cells) / widest) if widest else 1.0
    wanted = {n: (positions[n][0] * scale, positions[n][1] * scale) for n in others}
    free = _Cells(cells)
    pairs = sorted(
        (math.dist(wanted[n], cell), n, cell) for n in others for cell in free.near(wanted[n])
    )
    result: dict[str, Point] = {}
    used: set[Point] = set()
    for _, node_id, cell in pairs:
        if node_id not in result and cell not in used:
            result[node_id] = cell
            used.add(cell)
    for cell in used:
        free.remove(cell)
    for node_id in others:  # crowded out of the cells near it: the nearest left
        if node_id not in result:
            result[node_id] = free.take_nearest(wanted[node_id])
    return untangle(result, links, MIN_GAP)


class _Cells:
    """Free cells hashed on a grid, to find the one nearest a point quickly."""

    def __init__(self, cells: list[Point]) -> None:
        self._grid: dict[tuple[int, int], list[Point]] = {}
        for cell in cells:
            self._grid.setdefault(_Taken._key(cell), []).append(cell)

    def near(self, point: Point, rings: int = 2) -> list[Point]:
        """The cells within `rings` grid squares of `point`."""
        kx, ky = _Taken._key(point)
        return [
            cell
            for dx in range(-rings, rings + 1)
            for dy in range(-rings, rings + 1)
            for cell in self._grid.get((kx + dx, ky + dy), ())
        ]

    def remove(self, cell: Point) -> None:
        self._grid[_Taken._key(cell)].remove(cell)

    def take_nearest(self, point: Point) -> Point:
        kx, ky = _Taken._key(point)
        best: Point | None = None
        ring = 0
        while best is None or ring <= 1 + math.dist(best, point) / MIN_GAP:
            for dx in range(-ring, ring + 1):
                for dy in range(-ring, ring + 1):
                    if max(abs(dx), abs(dy)) != ring:
                        continue
                    for cell in self._grid.get((kx + dx, ky + dy), ()):
                        if best is None or math.dist(cell, point) < math.dist(best, point):
                            best = cell
            ring += 1
        self.remove(best)
        return best
