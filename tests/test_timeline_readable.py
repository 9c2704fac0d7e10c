"""The gebeurteniskaart read from across the table: every text, the score symbols and the lane
names too, at least the minimum once "Passend" fits it into the laptop's view, larger still in
client mode (and drawn again when client mode changes), and on an A3 poster."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from tests.readable_probe import open_example, read
from tests.test_timeline_layout import TODAY, atlas_with, involve

from netwerkatlas import io
from netwerkatlas.model import EventNode, PersonNode
from netwerkatlas.render.readable import (
    CLIENT_MIN_PT,
    CLIENT_VIEW_PX,
    FIT_MARGIN_PX,
    MAX_FIT_ZOOM,
    SCREEN_MIN_PT,
    SMALLEST_VIEW_PX,
    measure,
    minimum_pt,
    points_on_screen,
)
from netwerkatlas.resources import example_path, examples
from netwerkatlas.tools.gebeurteniskaart import VIEW
from netwerkatlas.tools.gebeurteniskaart.drawing import TimelineDrawing

EXAMPLES = [path.stem for path in examples()]


def example(name: str):
    atlas = io.load(example_path(name))
    return atlas[0] if isinstance(atlas, tuple) else atlas


def fitted_points(drawing: TimelineDrawing, client: bool) -> float:
    """The smallest text in points once the drawing is fitted into the laptop's view (of
    client mode, with `client`), as "Passend" does."""
    found = measure(drawing)
    _, _, width, height = found.bounds
    room_w, room_h = (
        side - 2 * FIT_MARGIN_PX for side in (CLIENT_VIEW_PX if client else SMALLEST_VIEW_PX)
    )
    zoom = min(room_w / width, room_h / height, MAX_FIT_ZOOM)
    return points_on_screen(found.smallest[0], zoom)


@pytest.mark.parametrize("client", [False, True], ids=["normal", "client"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_fitted_into_the_laptops_view_reads_at_the_minimum(name, client):
    drawing = TimelineDrawing(example(name), True, client=client)
    assert fitted_points(drawing, client) >= minimum_pt(client)


def test_score_symbols_lane_names_and_the_family_are_as_large_as_the_labels():
    events = [
        EventNode(label=f"Gebeurtenis {i}", year=2005 + 3 * i, score=s)
        for i, s in enumerate([2, 1, -1, -2, None])
    ]
    events.append(EventNode(label="Zonder datum", score=1))
    atlas = atlas_with(*events)
    opa = PersonNode(label="Opa", birth_year=1940, death_year=2016)
    atlas.add("nodes", opa)
    involve(atlas, events[0], opa)
    atlas.set_view_setting(VIEW, "lanes", True)
    atlas.set_view_setting(VIEW, "family", True)
    drawing = TimelineDrawing(atlas, True, today=TODAY)
    sizes = {text: size for size, text in measure(drawing).texts}
    shown = {"++", "+", "−", "−−", "Opa", "2005", "zonder datum", "1940: geboren Opa"}
    assert shown <= set(sizes)
    assert min(sizes.values()) >= sizes["Gebeurtenis 0"]


def test_client_mode_draws_larger_type_and_fits_it_again(qtbot, qsettings):
    window = open_example("netwerkintake-sanne", qsettings, (1366, 768))
    qtbot.waitExposed(window)
    try:
        window.views.show_instrument(VIEW)
        found = window.views.tab(VIEW)
        scene, view = found.scene, found.widget
        view.fit_all()
        normal = read(view, VIEW)
        assert normal.smallest_pt >= SCREEN_MIN_PT
        normal_size = scene.drawing.sizes.text
        window.set_client_mode(True)
        qtbot.waitUntil(lambda: read(view, VIEW).smallest_pt >= CLIENT_MIN_PT, timeout=10000)
        assert scene.drawing.sizes.text > normal_size
        assert read(view, VIEW).fill >= 0.8
        window.set_client_mode(False)
        qtbot.waitUntil(lambda: scene.drawing.sizes.text == normal_size, timeout=10000)
        assert read(view, VIEW).smallest_pt >= SCREEN_MIN_PT
    finally:
        window.document.undo_stack.set_clean()
        window.close()


def test_client_mode_switched_on_another_tab_is_fitted_when_the_timeline_is_shown(qtbot, qsettings):
    window = open_example("netwerkintake-sanne", qsettings, (1366, 768))
    qtbot.waitExposed(window)
    try:
        window.views.show_instrument(VIEW)
        QApplication.processEvents()
        window.views.show_instrument("netwerkintake")
        window.set_client_mode(True)
        window.views.show_instrument(VIEW)
        view = window.views.tab(VIEW).widget
        qtbot.waitUntil(lambda: read(view, VIEW).fill >= 0.8, timeout=10000)
        assert read(view, VIEW).smallest_pt >= CLIENT_MIN_PT
    finally:
        window.document.undo_stack.set_clean()
        window.close()


@pytest.mark.parametrize("landscape", [True, False], ids=["landscape", "portrait"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_poster_on_a3_has_no_readability_note(name, landscape):
    from netwerkatlas.export.poster import readability_note

    drawing = TimelineDrawing(example(name), True)
    assert readability_note(drawing, "A3", landscape, 12.0) is None
