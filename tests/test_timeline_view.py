"""The gebeurteniskaart on screen: add an event by clicking on the axis, drag it to another year
or score, the keys, the context menu, and "Gebeurtenis met …" from the netwerkintake. Asserts
are on the atlas and the undo stack, not on pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from tests.test_canvas_editing import click, drag, screen
from tests.test_sessions_ui import start_follow_up
from tests.windows import person

from netwerkatlas.canvas import gebeurteniskaart_view, netwerkintake_view
from netwerkatlas.model import NodeKind
from netwerkatlas.tools.gebeurteniskaart import dates, edits, people


@pytest.fixture
def timeline(window):
    """The example window with three events (2010, 2016 and 2020), the gebeurteniskaart in front."""
    atlas = window.document.atlas
    for label, year, score in (("Verhuizing", 2010, 0), ("Pesten", 2016, -1), ("Baan", 2020, 1)):
        window.push(edits.add_event(atlas, label, dates.parse(str(year)), score=score))
    window.views.show_instrument("gebeurteniskaart")
    view = window.views.tab("gebeurteniskaart").widget
    view.fit_all()
    return window


def tab(win):
    found = win.views.tab("gebeurteniskaart")
    return found.scene, found.widget


def event(win, label):
    return next(n for n in win.document.atlas.nodes(NodeKind.EVENT) if n.label == label)


def mark(win, label):
    scene, _ = tab(win)
    return scene.drawing.positions[event(win, label).id]


def select(win, label):
    scene, view = tab(win)
    click(view, mark(win, label))
    assert scene.selected_ids() == [event(win, label).id]


def test_a_click_on_the_axis_and_a_label_make_an_event_in_that_year(timeline):
    scene, view = tab(timeline)
    stack = timeline.document.undo_stack
    depth = len(stack)
    drawing = scene.drawing
    click(view, (drawing.x_of(2013), drawing.axis_y))
    assert view.labels.is_open
    QTest.keyClicks(view.labels.field, "Opa overleden")
    QTest.keyClick(view.labels.field, Qt.Key.Key_Return)
    made = event(timeline, "Opa overleden")
    assert dates.year_span(made, None).start == 2013
    assert len(stack) == depth + 1
    assert made.id in timeline.scene.bol_items  # on the netwerkintake too
    stack.undo()
    assert not timeline.document.atlas.has("nodes", made.id)


def test_a_tap_on_the_label_beside_an_event_selects_it(timeline):
    scene, view = tab(timeline)
    drawing = scene.drawing
    by_label = [event(timeline, label).id for label in ("Verhuizing", "Pesten", "Baan")]
    beside = [e for e in by_label if not drawing.layout.placed[e].leader]
    assert beside  # most labels stand by their mark
    for event_id in beside:
        left, top, right, bottom = drawing.label_box(event_id)
        click(view, ((left + right) / 2, (top + bottom) / 2))
        assert scene.selected_ids() == [event_id]


def test_escape_or_an_empty_label_adds_nothing(timeline):
    scene, view = tab(timeline)
    stack = timeline.document.undo_stack
    depth, count = len(stack), len(list(timeline.document.atlas.nodes(NodeKind.EVENT)))
    drawing = scene.drawing
    click(view, (drawing.x_of(2012), drawing.axis_y))
    QTest.keyClicks(view.labels.field, "Iets")
    QTest.keyClick(view.labels.field, Qt.Key.Key_Escape)
    click(view, (drawing.x_of(2012), drawing.axis_y))
    QTest.keyClick(view.labels.field, Qt.Key.Key_Return)
    assert len(stack) == depth
    assert len(list(timeline.document.atlas.nodes(NodeKind.EVENT))) == count


def test_dragging_an_event_sideways_changes_its_year_in_one_undo_step(timeline):
    scene, view = tab(timeline)
    stack = timeline.document.undo_stack
    depth = len(stack)
    x, y = mark(timeline, "Verhuizing")
    shift = scene.drawing.x_of(2013) - scene.drawing.x_of(2010)
    drag(view, (x, y), (x + shift, y))
    assert dates.year_span(event(timeline, "Verhuizing"), None).start == 2013
    assert event(timeline, "Verhuizing").score == 0
    assert len(stack) == depth + 1
    stack.undo()
    assert dates.year_span(event(timeline, "Verhuizing"), None).start == 2010


def _y_for_score(drawing, score: int) -> float:
    """A height at which the drawing reads `score` (searched, not assumed)."""
    step = 1 if score < 0 else -1
    for offset in range(0, 2000, 2):
        y = drawing.axis_y + step * offset
        if drawing.score_at(y) == score:
            return y
    raise AssertionError(f"no height for score {score}")


def test_dragging_an_event_up_raises_its_score(timeline):
    scene, view = tab(timeline)
    x, y = mark(timeline, "Verhuizing")
    drag(view, (x, y), (x, _y_for_score(scene.drawing, 1)))
    assert event(timeline, "Verhuizing").score == 1
    assert dates.year_span(event(timeline, "Verhuizing"), None).start == 2010
    timeline.document.undo_stack.undo()
    assert event(timeline, "Verhuizing").score == 0


def test_escape_during_a_drag_leaves_the_event_as_it_was(timeline):
    _, view = tab(timeline)
    stack = timeline.document.undo_stack
    depth = len(stack)
    start = mark(timeline, "Pesten")
    port = view.viewport()
    a = screen(view, start)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(port, a + QPointF(80, -60).toPoint())
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    assert len(stack) == depth
    assert dates.year_span(event(timeline, "Pesten"), None).start == 2016
    assert mark(timeline, "Pesten") == start


def test_keys_move_a_year_score_walk_and_remove(timeline):
    scene, view = tab(timeline)
    stack = timeline.document.undo_stack
    select(timeline, "Pesten")
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert dates.year_span(event(timeline, "Pesten"), None).start == 2017
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert dates.year_span(event(timeline, "Pesten"), None).start == 2015
    QTest.keyClicks(view, "+")
    assert event(timeline, "Pesten").score == 0
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert event(timeline, "Pesten").score == 1
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClicks(view, "-")
    assert event(timeline, "Pesten").score == -1
    order = [e.id for e in dates.in_time_order(timeline.document.atlas)]
    here = order.index(event(timeline, "Pesten").id)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert scene.selected_ids() == [order[(here + 1) % len(order)]]
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    assert scene.selected_ids() == [order[(here - 1) % len(order)]]
    select(timeline, "Baan")
    baan = event(timeline, "Baan").id
    depth = len(stack)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert not timeline.document.atlas.has("nodes", baan)
    assert len(stack) == depth + 1
    stack.undo()
    assert timeline.document.atlas.has("nodes", baan)


def _action(menu, text):
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_the_context_menu_toggles_the_people_involved(timeline):
    _, view = tab(timeline)
    atlas = timeline.document.atlas
    verhuizing = event(timeline, "Verhuizing").id
    someone = next(atlas.nodes(NodeKind.PERSON))
    menu = view.context_menu(QPointF(*mark(timeline, "Verhuizing")))
    _action(_action(menu, "Betrokkenen").menu(), someone.shown_label).trigger()
    assert people.involved(atlas, verhuizing) == [someone.id]
    menu = view.context_menu(QPointF(*mark(timeline, "Verhuizing")))
    entry = _action(_action(menu, "Betrokkenen").menu(), someone.shown_label)
    assert entry.isChecked()
    entry.trigger()
    assert people.involved(atlas, verhuizing) == []
    timeline.document.undo_stack.undo()
    assert people.involved(atlas, verhuizing) == [someone.id]


def test_the_date_dialog_reads_the_date_and_refuses_what_it_cannot_read(timeline, monkeypatch):
    _, view = tab(timeline)
    answers = [("", dates.parse("jaren 90"))]
    monkeypatch.setattr(gebeurteniskaart_view, "ask_event", lambda *a, **k: answers.pop(0))
    menu = view.context_menu(QPointF(*mark(timeline, "Baan")))
    _action(menu, "Datum…").trigger()
    baan = event(timeline, "Baan")
    assert (baan.year, baan.end_year, baan.approximate) == (1990, 1999, True)


def test_selecting_an_event_shows_its_date_in_the_details_panel(timeline):
    select(timeline, "Pesten")
    fields = timeline.details.event
    assert not fields.isHidden()
    assert fields.date.text() == "2016"


def test_an_event_with_a_person_from_the_netwerkintake(timeline, monkeypatch):
    atlas = timeline.document.atlas
    someone = next(atlas.nodes(NodeKind.PERSON))
    monkeypatch.setattr(
        netwerkintake_view, "ask_event", lambda *a, **k: ("Ruzie", dates.parse("2019"))
    )
    timeline.views.show_instrument("netwerkintake")
    point = timeline.scene.bol_items[someone.id].pos()
    menu = timeline.view.context_menu(point)
    _action(menu, f"Gebeurtenis met {someone.shown_label}…").trigger()
    ruzie = event(timeline, "Ruzie")
    assert people.involved(atlas, ruzie.id) == [someone.id]
    assert dates.year_span(ruzie, None).start == 2019
    scene, _ = tab(timeline)
    assert ruzie.id in scene.handles
    assert person(timeline, someone.shown_label).id == someone.id


def test_comparing_sessions_marks_the_events_new_since_then(timeline):
    atlas = timeline.document.atlas
    start_follow_up(timeline, "Vervolggesprek 2")
    timeline.push(edits.add_event(atlas, "Nieuwe baan", dates.parse("2024")))
    timeline.sessions.compare_action.trigger()
    marks = timeline.sessions._overlays.marks("gebeurteniskaart")
    assert {(m.what, m.node_id) for m in marks} == {("new", event(timeline, "Nieuwe baan").id)}
    scene, _ = tab(timeline)
    assert marks[0].radius >= scene.drawing.sizes.badge_r  # the ring goes round the score disc


def test_client_mode_hides_the_details_and_enlarges_the_menus(timeline):
    scene, view = tab(timeline)
    normal = view.context_menu(QPointF(*mark(timeline, "Baan"))).font().pointSizeF()
    timeline.set_client_mode(True)
    assert scene.client_mode
    assert timeline.details_dock.isHidden()
    assert view.context_menu(QPointF(*mark(timeline, "Baan"))).font().pointSizeF() > normal
    timeline.set_client_mode(False)
    assert not scene.client_mode


def test_the_paper_menu_switches_axis_lanes_and_family_layer_undoably(timeline):
    scene, view = tab(timeline)
    atlas, stack = timeline.document.atlas, timeline.document.undo_stack
    paper = QPointF(scene.drawing.x_of(2013), scene.drawing.axis_y + 2000)
    _action(view.context_menu(paper), "As in leeftijd").trigger()
    assert scene.drawing.unit == "age"
    _action(view.context_menu(paper), "Een rij per persoon").trigger()
    _action(view.context_menu(paper), "Familie uit het genogram").trigger()
    assert atlas.view_setting("gebeurteniskaart", "lanes")
    assert atlas.view_setting("gebeurteniskaart", "family")
    assert _action(view.context_menu(paper), "Een rij per persoon").isChecked()
    for _ in range(3):
        stack.undo()
    assert scene.drawing.unit == "year"
    assert not atlas.view_setting("gebeurteniskaart", "lanes")


def test_an_event_with_the_person_of_a_lane(timeline, monkeypatch):
    scene, view = tab(timeline)
    atlas = timeline.document.atlas
    someone = next(atlas.nodes(NodeKind.PERSON))
    timeline.push(edits.involve(atlas, event(timeline, "Verhuizing").id, someone.id))
    timeline.push(edits.set_setting(atlas, "lanes", True))
    drawing = scene.drawing
    y = next(y for y in range(-3000, 3000) if drawing.lane_at(y) == someone.id)
    monkeypatch.setattr(
        gebeurteniskaart_view, "ask_event", lambda *a, **k: ("Ruzie", dates.parse("2018"))
    )
    menu = view.context_menu(QPointF(drawing.x_of(2013), y))
    _action(menu, f"Gebeurtenis met {someone.shown_label}…").trigger()
    ruzie = event(timeline, "Ruzie")
    assert people.involved(atlas, ruzie.id) == [someone.id]
    assert scene.selected_ids() == [ruzie.id]
