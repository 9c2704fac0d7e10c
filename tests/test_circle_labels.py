"""Netwerkcirkel names read from across the table: each in its own cell where it has room,
the rest outside with leaders that do not cross, and no name on another text."""

from __future__ import annotations

import itertools

import pytest

from netwerkatlas import io
from netwerkatlas.model import Atlas, ClientNode, PersonNode
from netwerkatlas.render.fonts import text_width
from netwerkatlas.resources import example_path
from netwerkatlas.tools.circle import edits
from netwerkatlas.tools.circle.drawing import CircleDrawing
from netwerkatlas.tools.circle.variants import LENSINK


def meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def other_texts(drawing: CircleDrawing) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The boxes of the ring names, the counts and the sector names, as drawn."""
    size = drawing.size
    found = []
    for x, y, label in drawing.ring_labels():
        found.append((label, (x, y - size * 0.75, x + text_width(label, size), y + size * 0.2)))
    for x, y, label in drawing.cell_counts():
        half = text_width(label, size) / 2
        found.append((label, (x - half, y - size * 0.75, x + half, y + size * 0.2)))
    for x, y, label, align in drawing.sector_labels():
        width = text_width(label, size, True)
        left = {"left": x, "right": x - width, "centre": x - width / 2}[align]
        found.append((label, (left, y - size * 0.75, left + width, y + size * 0.2)))
    return found


def leaders(drawing: CircleDrawing) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    return [
        (placed.anchor, (placed.x, placed.y))
        for placed in drawing.placed.values()
        if placed.anchor is not None
    ]


def crossing(a, b) -> bool:
    def turn(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    (p1, p2), (p3, p4) = a, b
    return turn(p1, p2, p3) * turn(p1, p2, p4) < 0 and turn(p3, p4, p1) * turn(p3, p4, p2) < 0


def assert_readable_layout(drawing: CircleDrawing, uncrossed: bool = True) -> None:
    names = {p: drawing.name_box(p) for p in drawing.positions}
    for (a, box_a), (b, box_b) in itertools.combinations(names.items(), 2):
        assert not meet(box_a, box_b), (drawing.names[a], drawing.names[b])
    for person, box in names.items():
        for label, other in other_texts(drawing):
            assert not meet(box, other), (drawing.names[person], label)
        assert " ".join(drawing.lines(person)) == drawing.names[person]
        assert len(drawing.lines(person)) <= 2
    for person, placed in drawing.placed.items():
        # Inside its own cell, or outside the rings with its dot in its own cell.
        assert (
            drawing.geometry.cell_at(placed.anchor or (placed.x, placed.y)) == drawing.cells[person]
        )
        if placed.anchor is not None:
            x1, y1, x2, y2 = names[person]
            assert drawing.geometry.cell_at((x1, y1)) is None
            assert drawing.geometry.cell_at((x2, y2)) is None
    if uncrossed:
        assert not [pair for pair in itertools.combinations(leaders(drawing), 2) if crossing(*pair)]


@pytest.mark.parametrize("client", [False, True])
def test_freeks_names_stand_in_their_cells_and_nothing_overlaps(client):
    atlas, _ = io.load(example_path("ecogram-freek"))
    drawing = CircleDrawing(atlas, client=client)
    assert_readable_layout(drawing)
    inside = [p for p, placed in drawing.placed.items() if placed.anchor is None]
    # Of his 14 people, most stand in their own cell; in client mode's larger type, fewer.
    assert len(drawing.placed) == 14
    assert len(inside) >= (6 if client else 10)
    # Names outside stay beside the rings, within their height: the type need not grow.
    assert drawing.size == drawing.geometry.type_size


def test_a_name_that_fits_only_wrapped_is_wrapped_at_a_word_inside_its_cell():
    atlas = Atlas(ClientNode(label="Freek"))
    long = PersonNode(label="Steunpunt Mantelzorg Oost")
    atlas.add("nodes", long)
    edits.place(atlas, {long.id: ("diensten", "familie")}).redo(atlas)
    drawing = CircleDrawing(atlas)
    placed = drawing.placed[long.id]
    assert placed.anchor is None and len(placed.lines) == 2
    assert_readable_layout(drawing)


@pytest.mark.parametrize("client", [False, True])
def test_a_crowded_circle_keeps_every_name_clear(client):
    """40 people, 12 of them in one cell."""
    atlas = Atlas(ClientNode(label="Freek"))
    people = [PersonNode(label=f"Buurvrouw {i}" if i % 3 else f"Oom {i}") for i in range(40)]
    for p in people:
        atlas.add("nodes", p)
    cells_ = list(itertools.product(LENSINK.rings, LENSINK.sectors))
    placing = {
        p.id: cells_[0] if i < 12 else cells_[1 + i % (len(cells_) - 1)]
        for i, p in enumerate(people)
    }
    edits.place(atlas, placing).redo(atlas)
    drawing = CircleDrawing(atlas, client=client)
    assert set(drawing.positions) == set(placing)
    # In client mode's larger type the names outside fill more than one column a side, and
    # leaders to the further column may cross.
    assert_readable_layout(drawing, uncrossed=not client)
    inside = sum(1 for placed in drawing.placed.values() if placed.anchor is None)
    assert inside >= (8 if client else 12)


def test_the_layout_is_the_same_every_time():
    atlas, _ = io.load(example_path("ecogram-freek"))
    assert CircleDrawing(atlas).placed == CircleDrawing(atlas).placed
