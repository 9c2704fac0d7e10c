"""Bollen without a stored place get one around the client, never on top of another."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from netwerkatlas.tools.netwerkintake.layout import MIN_GAP, place_unplaced


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


def test_a_handful_of_bollen_share_one_ring_starting_at_the_top():
    result = place_unplaced([f"n{i}" for i in range(8)], {}, client_id="client")
    radii = {round(math.dist(p, (0, 0)), 1) for p in result.values()}
    assert len(radii) == 1
    assert result["n0"][0] == 0 and result["n0"][1] < 0
