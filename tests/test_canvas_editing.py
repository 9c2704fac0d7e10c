"""Drawing on the canvas with real presses, drags, taps and keys, checked on the model and undo."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from netwerkatlas import io
from netwerkatlas.app.main import open_window
from netwerkatlas.model import EdgeKind, NodeKind
from netwerkatlas.tools.netwerkintake import VIEW

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


EMPTY = (0.0, 118.0)  # in Sanne's example: canvas below the client, between her bollen


def screen(view, point) -> QPoint:
    return view.mapFromScene(QPointF(*point) if isinstance(point, tuple) else point)


def drag(view, start, end, modifiers=NO_MOD, steps=6):
    """Press at `start`, move in steps, release at `end` (scene points), on the viewport."""
    port = view.viewport()
    a, b = screen(view, start), screen(view, end)
    QTest.mousePress(port, LEFT, modifiers, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(port, a + (b - a) * i / steps)
    QTest.mouseRelease(port, LEFT, modifiers, b)


def click(view, point, modifiers=NO_MOD):
    QTest.mouseClick(view.viewport(), LEFT, modifiers, screen(view, point))


def bol_named(window, label):
    atlas = window.document.atlas
    return next(n for n in atlas.nodes() if n.label == label)


def position(window, node_id):
    return window.document.atlas.position(VIEW, node_id)


def key(window, key_or_text):
    if isinstance(key_or_text, str):
        QTest.keyClicks(window.view, key_or_text)
    else:
        QTest.keyClick(window.view, key_or_text)


def test_dragging_a_bol_moves_it_as_one_undo_step(window):
    sleep = bol_named(window, "Slapen")
    before = position(window, sleep.id)
    depth = len(window.document.undo_stack)
    free = window.view.free_spot()  # where it overlaps nothing, so its links are drawn
    drag(window.view, before, free.toTuple())
    after = position(window, sleep.id)
    assert after[0] == pytest.approx(free.x(), abs=2)
    assert after[1] == pytest.approx(free.y(), abs=2)
    assert len(window.document.undo_stack) == depth + 1
    link_ids = [e.id for e in window.document.atlas.edges_of(sleep.id)]
    item = window.scene.bol_items[sleep.id]
    for link_id in link_ids:
        line = window.scene.link_items[link_id].line()
        nearest = min(
            (line.p1() - item.pos()).manhattanLength(), (line.p2() - item.pos()).manhattanLength()
        )
        assert nearest < item.radius * 1.5, "the link did not follow the bol"
    window.undo_action.trigger()
    assert position(window, sleep.id) == before
    assert window.scene.bol_items[sleep.id].pos() == QPointF(*before)


def test_a_small_wobble_is_a_tap_not_a_move(window):
    sleep = bol_named(window, "Slapen")
    before = position(window, sleep.id)
    depth = len(window.document.undo_stack)
    drag(window.view, before, (before[0] + 0.5, before[1]), steps=1)
    assert position(window, sleep.id) == before
    assert len(window.document.undo_stack) == depth
    assert window.scene.selected_ids() == [sleep.id]


def test_escape_during_a_drag_puts_the_bol_back(window):
    sleep = bol_named(window, "Slapen")
    before = position(window, sleep.id)
    port = window.view.viewport()
    start = screen(window.view, before)
    QTest.mousePress(port, LEFT, NO_MOD, start)
    QTest.mouseMove(port, start + QPoint(60, 60))
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(port, LEFT, NO_MOD, start + QPoint(60, 60))
    assert window.scene.bol_items[sleep.id].pos() == QPointF(*before)
    assert position(window, sleep.id) == before
    assert not window.document.is_modified


def test_tap_on_empty_canvas_then_type_adds_a_bol_there(window):
    atlas = window.document.atlas
    count = len(atlas)
    spot = (-420.0, -330.0)
    click(window.view, spot)
    assert window.view.labels.is_open
    QTest.keyClicks(window.view.labels.field, "Religie")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Return)
    assert len(atlas) == count + 1
    new = bol_named(window, "Religie")
    assert new.kind == NodeKind.THEME
    x, y = position(window, new.id)
    assert x == pytest.approx(spot[0], abs=3) and y == pytest.approx(spot[1], abs=3)
    assert new.id in window.scene.bol_items
    assert window.undo_action.text().endswith("Thema toevoegen")
    window.undo_action.trigger()
    assert len(atlas) == count and new.id not in window.scene.bol_items


def test_tap_then_escape_adds_nothing(window):
    count = len(window.document.atlas)
    click(window.view, (-420.0, -330.0))
    QTest.keyClicks(window.view.labels.field, "Half")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Escape)
    assert not window.view.labels.is_open
    assert len(window.document.atlas) == count
    assert not window.document.is_modified


def test_rubber_band_selects_and_the_selection_moves_together(window):
    social = bol_named(window, "Social media")
    housing = bol_named(window, "Wonen")
    sx, sy = position(window, social.id)
    hx, hy = position(window, housing.id)
    corner_a = (min(sx, hx) - 70, min(sy, hy) - 70)
    corner_b = (max(sx, hx) + 10, max(sy, hy) + 10)
    drag(window.view, corner_a, corner_b)
    selected = set(window.scene.selected_ids())
    assert {social.id, housing.id} <= selected
    assert len(window.document.atlas) > len(selected) + 5  # not everything
    depth = len(window.document.undo_stack)
    moved = {n: position(window, n) for n in selected}
    drag(window.view, (sx, sy), (sx - 50, sy + 30))
    for node_id, (x, y) in moved.items():
        assert position(window, node_id) == pytest.approx((x - 50, y + 30), abs=2)
    assert len(window.document.undo_stack) == depth + 1
    window.undo_action.trigger()
    assert {n: position(window, n) for n in selected} == moved


def test_shift_click_adds_to_the_selection(window):
    social = bol_named(window, "Social media")
    housing = bol_named(window, "Wonen")
    click(window.view, position(window, social.id))
    click(window.view, position(window, housing.id), Qt.KeyboardModifier.ShiftModifier)
    assert set(window.scene.selected_ids()) == {social.id, housing.id}
    click(window.view, position(window, housing.id), Qt.KeyboardModifier.ControlModifier)
    assert window.scene.selected_ids() == [social.id]


def test_dragging_from_the_link_handle_links_two_bollen(window):
    atlas = window.document.atlas
    voetbal = bol_named(window, "Voetbal")
    huisarts = bol_named(window, "Huisarts")
    click(window.view, position(window, voetbal.id))
    item = window.scene.bol_items[voetbal.id]
    handle = item.mapToScene(item.handle_centre())
    links_before = {e.id for e in atlas.edges(EdgeKind.INFLUENCE)}
    voetbal_at = position(window, voetbal.id)
    drag(window.view, handle, position(window, huisarts.id))
    new = {e.id for e in atlas.edges(EdgeKind.INFLUENCE)} - links_before
    assert len(new) == 1
    link = atlas.edge(new.pop())
    assert (link.source, link.target) == (voetbal.id, huisarts.id)
    assert link.id in window.scene.link_items
    assert position(window, voetbal.id) == voetbal_at  # drawing a link does not move the bol
    window.undo_action.trigger()
    assert {e.id for e in atlas.edges(EdgeKind.INFLUENCE)} == links_before


def test_a_link_dropped_on_empty_canvas_or_on_itself_adds_nothing(window):
    atlas = window.document.atlas
    voetbal = bol_named(window, "Voetbal")
    click(window.view, position(window, voetbal.id))
    item = window.scene.bol_items[voetbal.id]
    handle = item.mapToScene(item.handle_centre())
    edges = atlas.graph.number_of_edges()
    drag(window.view, handle, (900.0, 900.0))
    drag(window.view, handle, position(window, voetbal.id))
    assert atlas.graph.number_of_edges() == edges
    assert not window.document.is_modified


def test_link_mode_links_by_dragging_from_any_bol(window):
    atlas = window.document.atlas
    window.link_mode_action.trigger()
    wonen = bol_named(window, "Wonen")
    schulden = bol_named(window, "Schulden")
    edges = atlas.graph.number_of_edges()
    wonen_at = position(window, wonen.id)
    drag(window.view, wonen_at, position(window, schulden.id))
    assert atlas.graph.number_of_edges() == edges + 1
    assert position(window, wonen.id) == wonen_at
    window.link_mode_action.trigger()
    before = position(window, wonen.id)
    drag(window.view, before, (before[0] + 40, before[1]))
    assert position(window, wonen.id) != before  # back to moving


def test_keys_score_emphasise_and_clear(window):
    atlas = window.document.atlas
    wonen = bol_named(window, "Wonen")
    click(window.view, position(window, wonen.id))
    key(window, "5")
    assert atlas.node(wonen.id).score == 2
    key(window, "-")
    assert atlas.node(wonen.id).score == 1
    key(window, "1")
    assert atlas.node(wonen.id).score == -2
    key(window, "-")
    assert atlas.node(wonen.id).score == -2  # the scale ends at −−
    key(window, "=")
    assert atlas.node(wonen.id).score == 0
    key(window, "0")
    assert atlas.node(wonen.id).score is None
    key(window, "!")
    assert atlas.node(wonen.id).emphasis is True
    assert window.scene.bol_items[wonen.id].emphasis is True
    for _ in range(7):
        window.undo_action.trigger()
    assert atlas.node(wonen.id) == wonen


def test_delete_key_removes_the_bol_and_its_links_undoably(window):
    atlas = window.document.atlas
    before = io.dumps(atlas)
    sleep = bol_named(window, "Slapen")
    links = [e.id for e in atlas.edges_of(sleep.id)]
    assert links
    click(window.view, position(window, sleep.id))
    key(window, Qt.Key.Key_Delete)
    assert not atlas.has("nodes", sleep.id)
    assert not any(atlas.has("edges", e) for e in links)
    assert sleep.id not in window.scene.bol_items
    assert not any(e in window.scene.link_items for e in links)
    window.undo_action.trigger()
    assert io.dumps(atlas) == before
    assert all(e in window.scene.link_items for e in links)


def test_the_client_cannot_be_deleted_or_scored(window):
    atlas = window.document.atlas
    click(window.view, (0.0, 0.0))
    assert window.scene.selected_ids() == [atlas.client_id]
    key(window, Qt.Key.Key_Delete)
    key(window, "5")
    assert atlas.has("nodes", atlas.client_id) and atlas.client.score is None
    assert not window.document.is_modified


def test_f2_and_double_click_rename_in_place(window):
    atlas = window.document.atlas
    sleep = bol_named(window, "Slapen")
    click(window.view, position(window, sleep.id))
    key(window, Qt.Key.Key_F2)
    assert window.view.labels.field.text() == "Slapen"
    QTest.keyClicks(window.view.labels.field, "Nachtrust")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Return)
    assert atlas.node(sleep.id).label == "Nachtrust"
    assert window.scene.bol_items[sleep.id].label == "Nachtrust"
    assert not window.view.labels.is_open  # Enter closes it; it does not open again at once
    assert window.view.hasFocus()  # so the next key (F2, Delete, a score) acts on the canvas

    QTest.mouseDClick(
        window.view.viewport(), LEFT, NO_MOD, screen(window.view, position(window, sleep.id))
    )
    assert window.view.labels.is_open
    window.view.labels.field.setText("Slaap")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Return)
    assert atlas.node(sleep.id).label == "Slaap"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert atlas.node(sleep.id).label == "Slapen"


def test_context_menu_scores_flags_and_deletes(window):
    atlas = window.document.atlas
    wonen = bol_named(window, "Wonen")
    menu = window.view.context_menu(QPointF(*position(window, wonen.id)))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Score" and any("Privé" in t for t in texts)
    score_menu = menu.actions()[0].menu()
    plus_plus = next(a for a in score_menu.actions() if a.text().startswith("++"))
    plus_plus.trigger()
    assert atlas.node(wonen.id).score == 2
    private = next(a for a in menu.actions() if a.text().startswith("Privé"))
    private.trigger()
    assert atlas.node(wonen.id).private is True
    empty_menu = window.view.context_menu(QPointF(900, 900))
    assert empty_menu.actions()[0].text() == "Nieuwe bol hier"


def test_tab_walks_round_the_client_clockwise(window):
    view = window.view
    view.setFocus()
    key(window, Qt.Key.Key_Tab)
    assert window.scene.selected_ids() == [window.document.atlas.client_id]
    key(window, Qt.Key.Key_Tab)
    first = window.scene.selected_ids()[0]
    _, y = position(window, first)

    def clockwise(point):
        return math.atan2(point[0], -point[1]) % (2 * math.pi)

    others = [n for n in window.scene.bol_items if n != window.document.atlas.client_id]
    topmost = min(others, key=lambda n: clockwise(window.scene.bol_items[n].pos().toTuple()))
    assert first == topmost and y < 0, "Tab after the client goes to the bol at the top"
    key(window, Qt.Key.Key_Backtab)
    assert window.scene.selected_ids() == [window.document.atlas.client_id]


def test_hiding_scores_changes_the_drawing_not_the_data(window):
    atlas = window.document.atlas
    before = io.dumps(atlas)
    sleep = bol_named(window, "Slapen")
    item = window.scene.bol_items[sleep.id]
    shown = window.view.grab().toImage()
    window.hide_scores_action.trigger()
    assert item.show_score is False
    hidden = window.view.grab().toImage()
    assert hidden != shown
    assert io.dumps(atlas) == before and not window.document.is_modified
    window.hide_scores_action.trigger()
    assert item.show_score is True


def test_a_session_of_edits_undone_entirely_gives_the_file_back(window):
    atlas = window.document.atlas
    original = io.dumps(atlas)
    click(window.view, (-430.0, 330.0))
    QTest.keyClicks(window.view.labels.field, "Religie")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Return)
    religie = bol_named(window, "Religie")
    key(window, Qt.Key.Key_Escape)
    drag(window.view, position(window, religie.id), (-480.0, 380.0))
    key(window, "4")
    window.link_mode_action.trigger()
    drag(
        window.view, position(window, religie.id), position(window, bol_named(window, "Moeder").id)
    )
    window.link_mode_action.trigger()
    final = io.dumps(atlas)
    assert final != original
    while window.document.undo_stack.can_undo():
        window.undo_action.trigger()
    assert io.dumps(atlas) == original
    while window.document.undo_stack.can_redo():
        window.redo_action.trigger()
    assert io.dumps(atlas) == final


def test_reopening_shows_exactly_what_was_saved(window, qsettings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    click(window.view, (-430.0, 330.0))
    QTest.keyClicks(window.view.labels.field, "Religie")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Return)
    key(window, Qt.Key.Key_Escape)
    sleep = bol_named(window, "Slapen")
    drag(window.view, position(window, sleep.id), (120.0, -380.0))
    target = tmp_path / "bewaard.netwerkatlas"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    drawn = {n: item.pos().toTuple() for n, item in window.scene.bol_items.items()}
    window.adopt_lock(None)  # let the second window take the file without the in-use warning
    again = open_window(str(target), qsettings)
    try:
        reopened = {n: item.pos().toTuple() for n, item in again.scene.bol_items.items()}
        assert reopened == drawn
        assert set(again.scene.link_items) == set(window.scene.link_items)
    finally:
        again.close()


def test_one_tap_on_the_score_badge_opens_the_picker(window):
    atlas = window.document.atlas
    huisarts = bol_named(window, "Huisarts")
    item = window.scene.bol_items[huisarts.id]
    badge = item.mapToScene(item.badge_centre())
    before = position(window, huisarts.id)
    click(window.view, badge)
    picker = window.view.last_score_picker
    assert picker is not None and picker.isVisible()
    choices = [a.text().split()[0] for a in picker.actions()]
    assert choices[:5] == ["++", "+", "=", "−", "−−"]
    next(a for a in picker.actions() if a.text().startswith("−−")).trigger()
    picker.close()
    assert atlas.node(huisarts.id).score == -2
    assert position(window, huisarts.id) == before


def test_keyboard_only_adds_a_bol_in_a_free_spot(window):
    atlas = window.document.atlas
    count = len(atlas)
    window.view.setFocus()
    key(window, Qt.Key.Key_Escape)
    key(window, Qt.Key.Key_Insert)
    assert window.view.labels.is_open
    QTest.keyClicks(window.view.labels.field, "Humor")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Return)
    assert len(atlas) == count + 1
    humor = bol_named(window, "Humor")
    item = window.scene.bol_items[humor.id]
    others = [i for n, i in window.scene.bol_items.items() if n != humor.id]
    for other in others:
        assert math.dist(item.pos().toTuple(), other.pos().toTuple()) >= item.radius + other.radius


def test_space_and_drag_pans_with_a_mouse(window):
    window.view.zoom_by(2.0)
    window.view.centerOn(0, 0)
    scroll = window.view.verticalScrollBar().value()
    QTest.keyPress(window.view, Qt.Key.Key_Space)
    assert window.scene.bol_at(QPointF(*EMPTY)) is None
    assert window.scene.link_at(QPointF(*EMPTY)) is None
    drag(window.view, EMPTY, (EMPTY[0], EMPTY[1] + 40.0))
    QTest.keyRelease(window.view, Qt.Key.Key_Space)
    assert window.view.verticalScrollBar().value() < scroll
    assert not window.view.labels.is_open and not window.document.is_modified


def test_every_part_of_the_score_badge_can_be_tapped(window):
    """Also the half of the badge that lies over the bol's own circle."""
    huisarts = bol_named(window, "Huisarts")
    item = window.scene.bol_items[huisarts.id]
    centre = item.badge_centre()
    inward = centre * (1 - 6 / item.radius)  # 6 points towards the middle of the bol
    assert item.contains(inward) and item.badge_hit(item.mapToScene(inward))
    click(window.view, item.mapToScene(inward))
    assert window.view.last_score_picker is not None
    window.view.last_score_picker.close()
