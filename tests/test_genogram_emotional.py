"""Emotional lines (close, conflict, cut-off...) go around the other people in the genogram,
never through them: a line through someone's symbol reads as a relation with that person."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from tests.genogram_families import random_family

from netwerkatlas import io
from netwerkatlas.commands import UndoStack
from netwerkatlas.model import EmotionalKind
from netwerkatlas.resources import assets_dir
from netwerkatlas.tools.genogram import edits, routing
from netwerkatlas.tools.genogram.drawing import GenogramDrawing
from netwerkatlas.tools.genogram.layout import SYMBOL

HALF = SYMBOL / 2


def de_boer():
    atlas, _ = io.load(assets_dir() / "examples" / "genogram-familie-de-boer.netwerkatlas")
    return atlas


def by_label(atlas, label):
    return next(n.id for n in atlas.nodes() if n.shown_label == label)


def passes_through(path, centre) -> bool:
    """Whether the line comes inside the symbol's square (walked in 1-point steps)."""
    for p, q in itertools.pairwise(path):
        steps = max(1, int(math.dist(p, q)))
        for i in range(steps + 1):
            x = p[0] + (q[0] - p[0]) * i / steps
            y = p[1] + (q[1] - p[1]) * i / steps
            if abs(x - centre[0]) < HALF and abs(y - centre[1]) < HALF:
                return True
    return False


def people_crossed(drawing: GenogramDrawing) -> list[tuple[str, str]]:
    crossed = []
    routes = drawing.emotional_routes()
    for edge in drawing.emotional:
        for pid, centre in drawing.positions.items():
            if pid not in (edge.source, edge.target) and passes_through(routes[edge.id], centre):
                crossed.append((edge.id, drawing.family.persons[pid].shown_label))
    return crossed


def couple_lines_crossed(drawing: GenogramDrawing, edge_id: str) -> int:
    path = drawing.emotional_routes()[edge_id]
    count = 0
    for route in drawing.couple_routes():
        (x1, y), (x2, _) = route.start, route.end
        for p, q in itertools.pairwise(path):
            if (p[1] - y) * (q[1] - y) < 0:
                x = p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1])
                count += min(x1, x2) < x < max(x1, x2)
    return count


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client-mode"])
def test_a_close_line_across_four_generations_goes_around_everyone_between(client):
    atlas = de_boer()
    UndoStack(atlas).push(
        edits.set_emotional(
            atlas, by_label(atlas, "Greet"), by_label(atlas, "Liesbeth"), EmotionalKind.CLOSE
        )
    )
    drawing = GenogramDrawing(atlas, client=client)
    assert drawing.scale > 1 if client else drawing.scale == 1
    assert len(drawing.emotional) >= 2
    assert people_crossed(drawing) == []
    greet_liesbeth = edits.emotional_between(
        atlas, by_label(atlas, "Greet"), by_label(atlas, "Liesbeth")
    )
    assert couple_lines_crossed(drawing, greet_liesbeth.id) == 0


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client-mode"])
def test_the_example_draws_no_emotional_line_through_anyone(client):
    assert people_crossed(GenogramDrawing(de_boer(), client=client)) == []


def test_a_line_between_neighbours_stays_straight():
    atlas = de_boer()
    drawing = GenogramDrawing(atlas)
    conflict = next(e for e in drawing.emotional if e.quality == EmotionalKind.CONFLICT)
    assert len(drawing.emotional_routes()[conflict.id]) == 2


# Thirty made-up families of 40 with eight emotional lines each, the same on every run. Before
# lines could go down a free channel between the rows, families 8, 12 and 15 had a line through
# someone; before running along a line counted, the worst ran 101 points along family lines.
SEEDS = range(1, 31)
FAILED_BEFORE = (8, 12, 15)
ALONG_AT_MOST = 50.0  # half the room between two neighbours


def family_with_feelings(seed: int):
    atlas = random_family(40, seed)
    stack = UndoStack(atlas)
    rng = random.Random(seed)
    people = sorted(n.id for n in atlas.nodes())
    # by name, not by id: ids are random, and the same seed must give the same family lines
    people.sort(key=lambda node_id: atlas.node(node_id).shown_label)
    kinds = list(EmotionalKind)
    for _ in range(8):
        a, b = rng.sample(people, 2)
        command = edits.set_emotional(atlas, a, b, rng.choice(kinds))
        if command is not None:  # the pair may already have its line
            stack.push(command)
    return atlas


@pytest.fixture(scope="module")
def big_families():
    drawings = {seed: GenogramDrawing(family_with_feelings(seed)) for seed in SEEDS}
    for drawing in drawings.values():
        drawing.emotional_routes()
    return drawings


def test_emotional_lines_between_anyone_in_thirty_big_families_avoid_the_others(big_families):
    assert set(FAILED_BEFORE) <= set(SEEDS)
    assert all(len(d.emotional) >= 6 for d in big_families.values())
    crossed = {seed: people_crossed(d) for seed, d in big_families.items()}
    assert {seed: c for seed, c in crossed.items() if c} == {}


def longest_along(path, segments, near: float = 5.0) -> float:
    """The longest stretch of `path` within `near` points of one of the family's lines (in
    2-point steps): a line drawn over another hides it."""
    points = []
    for p, q in itertools.pairwise(path):
        steps = max(1, int(math.dist(p, q) / 2))
        points += [
            (p[0] + (q[0] - p[0]) * i / steps, p[1] + (q[1] - p[1]) * i / steps)
            for i in range(steps)
        ]
    longest = stretch = 0.0
    for p, q in itertools.pairwise(points):
        if any(_near(p, s, near) and _near(q, s, near) for s in segments):
            stretch += math.dist(p, q)
            longest = max(longest, stretch)
        else:
            stretch = 0.0
    return longest


def _near(point, segment, distance: float) -> bool:
    (x1, y1), (x2, y2) = segment
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    s = 0.0 if not length else ((point[0] - x1) * dx + (point[1] - y1) * dy) / length
    s = min(1.0, max(0.0, s))
    return math.dist(point, (x1 + s * dx, y1 + s * dy)) < distance


def test_emotional_lines_do_not_run_along_couple_lines_or_sibling_bars(big_families):
    worst = {}
    for seed, drawing in big_families.items():
        segments = routing.family_segments(
            drawing.couple_routes(), drawing.sibling_bars(), drawing.positions
        )
        routes = drawing.emotional_routes().values()
        worst[seed] = max(longest_along(route, segments) for route in routes)
    assert {seed: w for seed, w in worst.items() if w > ALONG_AT_MOST} == {}


class LineRecorder:
    def __init__(self) -> None:
        self.points: list = []

    def line(self, x1, y1, x2, y2, **_):
        self.points.extend([(x1, y1), (x2, y2)])

    def __getattr__(self, name):
        return lambda *a, **k: None


def test_every_kind_of_line_follows_its_curve():
    """A recording painter sees each kind drawn near the route, not on the straight line."""
    atlas = de_boer()
    greet, liesbeth = by_label(atlas, "Greet"), by_label(atlas, "Liesbeth")
    for kind in EmotionalKind:
        UndoStack(atlas).push(edits.set_emotional(atlas, greet, liesbeth, kind))
        drawing = GenogramDrawing(atlas)
        edge = edits.emotional_between(atlas, greet, liesbeth)
        route = drawing.emotional_routes()[edge.id]
        assert len(route) > 2  # a curve: the straight way runs through others
        recorder = LineRecorder()
        drawing.emotional = [edge]
        drawing.draw(recorder)
        points = recorder.points
        near = [p for p in points if min(math.dist(p, r) for r in route) < 12]
        assert len(near) >= len(route), kind
