"""Bollen without a stored place get one around the client, never on top of another."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from netwerkatlas.tools.netwerkintake.layout import (
    CLIENT_CLEAR,
    MIN_GAP,
    arrange_around_client,
    place_unplaced,
)


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(0, 60),
    placed=st.lists(st.tuples(st.floats(-600, 600), st.floats(-600, 600)), max_size=15),
)
def test_computed_places_keep_clear_of_each_other_and_of_placed_bollen(count, placed):
    stored = {f"p{i}": point for i, point in enumerate(placed)}
    new = [f"n{i}" for i in range(count)]
    result = place_unplaced(new, stored, client_id="client")
    assert set(result) == set(new)
    for a, b in itertools.combinations(result.values(), 2):
        assert math.dist(a, b) >= MIN_GAP - 0.01
    for point in result.values():
        assert math.dist(point, (0, 0)) >= MIN_GAP
        assert all(math.dist(point, other) >= MIN_GAP - 0.01 for other in stored.values())


def test_a_handful_of_bollen_pack_closely_round_the_client_from_the_top():
    result = place_unplaced([f"n{i}" for i in range(8)], {}, client_id="client")
    for point in result.values():  # all in the first cells round the client: no hole
        assert CLIENT_CLEAR <= math.dist(point, (0, 0)) <= CLIENT_CLEAR + 1.2 * MIN_GAP
    assert result["n0"][1] < 0  # the first above the client
    xs = [p[0] for p in result.values()]
    ys = [p[1] for p in result.values()]
    assert max(xs) - min(xs) > max(ys) - min(ys)  # wider than tall, as a screen is


def _ring(count: int, radius: float) -> dict[str, tuple[float, float]]:
    return {
        f"r{i}": (
            radius * math.sin(2 * math.pi * i / count),
            -radius * math.cos(2 * math.pi * i / count),
        )
        for i in range(count)
    }


def test_arranging_packs_bollen_closer_than_rings_did_and_keeps_their_sides():
    """Twenty bollen that the old rings put round the client: arranged, they take less room
    (so "Passend" shows them larger), none overlap, and each stays on its side."""
    ring = _ring(20, 20 * 110 / (2 * math.pi))  # how the rings placed twenty, 110 apart
    arranged = arrange_around_client(ring | {"client": (0.0, 0.0)}, "client")
    assert set(arranged) == set(ring)
    for a, b in itertools.combinations(arranged.values(), 2):
        assert math.dist(a, b) >= MIN_GAP - 0.01
    for node_id, point in arranged.items():
        assert math.dist(point, (0, 0)) >= CLIENT_CLEAR - 0.01
        assert (point[0] * ring[node_id][0] >= -1) or abs(ring[node_id][0]) < 120

    def area(points):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (max(xs) - min(xs)) * (max(ys) - min(ys))

    assert area(arranged.values()) < 0.8 * area(ring.values())


def test_an_arrangement_already_packed_stays_as_it_is():
    packed = place_unplaced([f"n{i}" for i in range(20)], {}, client_id="client")
    assert arrange_around_client(packed, "client") == packed
