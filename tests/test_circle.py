"""The Lensink netwerkcirkel: drag into a cell sets ring and sector, counts, variants, no
overlapping names, and the same people as every other view."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtWidgets import QMessageBox
from tests.dialogs import DialogAnswerer
from tests.test_canvas_editing import drag
from tests.windows import person

from netwerkatlas import io
from netwerkatlas.commands import UndoStack
from netwerkatlas.model import Atlas, ClientNode, PersonNode
from netwerkatlas.tools.circle import edits
from netwerkatlas.tools.circle.drawing import CircleDrawing
from netwerkatlas.tools.circle.variants import CUSTOM, LENSINK, WIJKECOGRAM, Variant, cells


@pytest.fixture
def circle(window):
    window.view_circle_action.trigger()
    assert window.views.currentWidget() is window.circle_view
    return window


def cell_centre(drawing, ring, sector):
    from netwerkatlas.tools.circle.layout import point_at

    inner, outer = drawing.geometry.ring_band(drawing.variant.rings.index(ring))
    start, end = drawing.geometry.sector_span(drawing.variant.sectors.index(sector))
    return point_at((inner + outer) / 2, (start + end) / 2)


def test_dragging_a_name_into_a_cell_sets_ring_and_sector_as_one_step(circle):
    atlas, stack = circle.document.atlas, circle.document.undo_stack
    fleur = person(circle, "Fleur").id
    stack.push(edits.place(atlas, {fleur: ("vrienden", "samenleving")}))
    circle.circle_view.fit_all()
    drawing = circle.circle_scene.drawing
    start = drawing.positions[fleur]
    depth = len(stack)
    drag(circle.circle_view, start, cell_centre(drawing, "intimi", "familie"))
    assert cells(atlas)[fleur] == ("intimi", "familie")
    assert len(stack) == depth + 1
    # Out of the circle: no longer placed (the groslijst shows her as not yet placed).
    drawing = circle.circle_scene.drawing
    drag(circle.circle_view, drawing.positions[fleur], (drawing.geometry.outer + 120, 0))
    assert fleur not in cells(atlas)
    stack.undo()
    stack.undo()
    assert cells(atlas)[fleur] == ("vrienden", "samenleving")


def test_counts_per_cell_and_per_ring():
    atlas = Atlas(ClientNode(label="Freek"))
    people = [PersonNode(label=f"P{i}") for i in range(7)]
    for p in people:
        atlas.add("nodes", p)
    stack = UndoStack(atlas)
    places = (
        [("intimi", "familie")] * 3
        + [("intimi", "professionals")]
        + [("diensten", "samenleving")] * 3
    )
    stack.push(edits.place(atlas, {p.id: c for p, c in zip(people, places, strict=True)}))
    drawing = CircleDrawing(atlas, show_counts=True)
    assert drawing.count("intimi") == 4 and drawing.count("intimi", "familie") == 3
    assert drawing.count("diensten", "samenleving") == 3 and drawing.count("vrienden") == 0
    texts = []

    class Recorder:
        def text(self, x, y, text, **_):
            texts.append(text)

        def __getattr__(self, name):
            return lambda *a, **k: None

    drawing.draw(Recorder())
    assert "intimi (4)" in texts and "familie (3)" in texts


def test_switching_variant_keeps_what_fits_and_names_who_has_no_cell(circle):
    atlas, stack = circle.document.atlas, circle.document.undo_stack
    fleur, kim = person(circle, "Fleur").id, person(circle, "Trainer Kim").id
    stack.push(edits.place(atlas, dict.fromkeys(cells(atlas))))  # the example placed her mother
    stack.push(edits.place(atlas, {fleur: ("intimi", "familie"), kim: ("vrienden", "samenleving")}))
    assert circle.circle_view.switch(WIJKECOGRAM) == []  # every Lensink cell has its place
    drawing = circle.circle_scene.drawing
    assert drawing.cells == {
        fleur: ("dichtbij", "familie"),
        kim: ("dichtbij", "vrienden, kennissen en collega's"),
    }
    own = Variant(CUSTOM, ("thuis", "buiten"), ("familie", "anderen"))
    answerer = DialogAnswerer(QMessageBox.StandardButton.Ok)
    lost = circle.circle_view.switch(own)
    answerer.stop()
    assert sorted(lost) == sorted([fleur, kim])
    assert answerer.seen and "Trainer Kim" in answerer.seen[0] and "Fleur" in answerer.seen[0]
    assert circle.circle_scene.drawing.positions == {}
    circle.circle_view.switch(LENSINK)  # back again: both have their cells back
    assert circle.circle_scene.drawing.cells == {
        fleur: ("intimi", "familie"),
        kim: ("vrienden", "samenleving"),
    }


@pytest.mark.parametrize("count", [5, 30, 150])
def test_names_never_overlap_in_a_crowded_circle(count):
    atlas = Atlas(ClientNode(label="Freek"))
    people = [PersonNode(label=f"Persoon met naam {i}") for i in range(count)]
    for p in people:
        atlas.add("nodes", p)
    cells_ = list(itertools.product(LENSINK.rings, LENSINK.sectors))
    # Crowd the intimi: half of everyone in one cell.
    placing = {
        p.id: (cells_[0] if i % 2 else cells_[i % len(cells_)]) for i, p in enumerate(people)
    }
    edits.place(atlas, placing).redo(atlas)
    drawing = CircleDrawing(atlas)
    boxes = [drawing.name_box(pid) for pid in drawing.positions]
    for pid in drawing.positions:  # every word of the name is set, in one line or two
        assert " ".join(drawing.lines(pid)) == drawing.names[pid]
    overlaps = [
        (a, b)
        for a, b in itertools.combinations(boxes, 2)
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    assert overlaps == []
    for pid, point in drawing.positions.items():
        placed = drawing.placed[pid]
        # In its cell, or set outside the rings with a line to a dot in its cell.
        inside = placed.anchor or point
        assert drawing.geometry.cell_at(inside) == placing[pid]


def test_a_person_renamed_elsewhere_is_renamed_in_the_circle(circle):
    atlas, stack = circle.document.atlas, circle.document.undo_stack
    fleur = person(circle, "Fleur").id
    stack.push(edits.place(atlas, {fleur: ("intimi", "familie")}))
    from netwerkatlas.tools.netwerkintake import edits as node_edits

    stack.push(node_edits.relabel(atlas, fleur, "Fleur B."))
    assert circle.circle_scene.drawing.names[fleur] == "Fleur B."
    before = io.dumps(atlas)
    stack.push(node_edits.remove(atlas, [fleur]))
    assert fleur not in circle.circle_scene.drawing.positions
    stack.undo()
    assert io.dumps(atlas) == before and fleur in circle.circle_scene.drawing.positions


@pytest.mark.parametrize("example", ["ecogram-freek", "netwerkintake-sanne"])
def test_in_client_mode_the_circle_is_set_for_the_larger_minimum(example):
    """Fitted on a laptop, every name reads at 14 pt in client mode: the type is sized for
    client mode's own view and minimum, not the professional's."""
    from netwerkatlas.render.readable import measure, readable_size
    from netwerkatlas.resources import example_path

    atlas, _ = io.load(example_path(example))
    for client in (False, True):
        drawing = CircleDrawing(atlas, client=client)
        found = measure(drawing)
        assert found.smallest[0] >= readable_size(found.bounds[2:], client=client) - 1e-6
    assert CircleDrawing(atlas, client=True).size > CircleDrawing(atlas).size


def test_client_mode_redraws_a_circle_behind_another_tab_and_fits_it_when_shown(window, qtbot):
    from tests.readable_probe import read

    from netwerkatlas.render.readable import CLIENT_MIN_PT

    window.view_circle_action.trigger()
    view = window.circle_view
    view.fit_all()
    normal = window.circle_scene.drawing.size
    window.views.show_instrument("netwerkintake")
    window.set_client_mode(True)
    assert window.circle_scene.drawing.size > normal
    window.view_circle_action.trigger()
    assert window.views.currentWidget() is view
    qtbot.waitUntil(lambda: read(view, "netwerkcirkel").fill >= 0.8, timeout=10000)
    assert read(view, "netwerkcirkel").smallest_pt >= CLIENT_MIN_PT


@pytest.mark.parametrize(
    "example", ["ecogram-freek", "genogram-familie-de-boer", "netwerkintake-sanne"]
)
def test_the_circle_prints_readable_on_a3_without_a_note(example):
    from netwerkatlas.export.poster import readability_note, smallest_text_on_paper
    from netwerkatlas.render.readable import PAPER_MIN_PT
    from netwerkatlas.resources import example_path

    atlas, _ = io.load(example_path(example))
    drawing = CircleDrawing(atlas)
    assert smallest_text_on_paper(drawing, "A3", False, 12.0) >= PAPER_MIN_PT
    assert readability_note(drawing, "A3", False, 12.0) is None
