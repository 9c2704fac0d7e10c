"""Palette, details panel, link editing, arranging, client mode and touch, through the window."""

from __future__ import annotations

import itertools
import json
import math

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from tests.test_canvas_editing import EMPTY, bol_named, click, drag, key, position, screen

from netwerkatlas import io
from netwerkatlas.model import NodeKind
from netwerkatlas.tools.netwerkintake import VIEW
from netwerkatlas.tools.netwerkintake.layout import MIN_GAP
from netwerkatlas.tools.netwerkintake.suggestions import MIME_TYPE


def drop(view, payload: dict, scene_point) -> None:
    """Drag a palette suggestion over the canvas and drop it."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
    drop_mime(view, mime, scene_point)


def drop_mime(view, mime: QMimeData, scene_point) -> None:
    """Drag `mime` over a view and drop it at a scene point, as Qt's drag and drop does: the
    drop goes to the widget that accepted the drag when it entered."""
    where = screen(view, scene_point)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(where, *args)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted(), "the view refused what was dragged onto it"
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(where), *args))


def test_dropping_a_suggested_theme_places_it_there(window):
    atlas = window.document.atlas
    count = len(atlas)
    drop(window.view, {"kind": "theme", "label": "Religie"}, (-450.0, 320.0))
    religie = bol_named(window, "Religie")
    assert len(atlas) == count + 1 and religie.kind == NodeKind.THEME
    assert position(window, religie.id) == pytest.approx((-450.0, 320.0), abs=3)
    window.undo_action.trigger()
    assert len(atlas) == count


def test_a_blank_person_from_the_palette_asks_for_the_name(window):
    drop(window.view, {"kind": "person", "label": ""}, (450.0, -320.0))
    assert window.view.labels.is_open
    QTest.keyClicks(window.view.labels.field, "Buurvrouw Els")
    QTest.keyClick(window.view.labels.field, Qt.Key.Key_Return)
    assert bol_named(window, "Buurvrouw Els").kind == NodeKind.PERSON


def test_double_clicking_a_suggestion_adds_it_in_a_free_spot(window):
    palette = window.palette
    item = next(palette.item(i) for i in range(palette.count()) if palette.item(i).text() == "Geld")
    rect = palette.visualItemRect(item)
    # A double-click is a click followed by a second, quick press.
    QTest.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    geld = bol_named(window, "Geld")
    x, y = position(window, geld.id)
    for other in window.document.atlas.nodes():
        if other.id != geld.id:
            ox, oy = window.scene.bol_items[other.id].pos().toTuple()
            assert math.dist((x, y), (ox, oy)) >= MIN_GAP - 1


def test_the_palette_can_be_hidden(window):
    window.palette_dock.toggleViewAction().trigger()
    assert not window.palette_dock.isVisible()


def test_the_details_panel_edits_the_note_of_the_selected_bol(window):
    atlas = window.document.atlas
    wonen = bol_named(window, "Wonen")
    click(window.view, position(window, wonen.id))
    panel = window.details
    assert panel.title.text() == "Wonen"
    assert panel.note.toPlainText() == wonen.note
    panel.note.setFocus()
    panel.note.selectAll()
    QTest.keyClicks(panel.note, "Kamer is te klein, wil verhuizen.")
    assert atlas.node(wonen.id).note == wonen.note  # not yet: one step on leaving the field
    window.view.setFocus()
    QApplication.processEvents()
    assert atlas.node(wonen.id).note == "Kamer is te klein, wil verhuizen."
    assert window.undo_action.text().endswith("Notitie wijzigen")
    panel.private.click()
    assert atlas.node(wonen.id).private is True
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert atlas.node(wonen.id) == wonen
    assert panel.note.toPlainText() == wonen.note


def test_a_link_is_selected_by_tapping_it_and_gets_a_direction_and_note(window):
    atlas = window.document.atlas
    scene = window.scene
    # a link of no direction whose middle is clear of every bol and every other link
    link = next(
        atlas.edge(edge_id)
        for edge_id, item in scene.link_items.items()
        if item.direction == "none"
        and scene.link_at(item.line().center()) is item
        and scene.bol_at(item.line().center()) is None
    )
    voetbal, fleur = atlas.node(link.source), atlas.node(link.target)
    line = window.scene.link_items[link.id].line()
    plain_width = window.scene.link_items[link.id].pen().widthF()
    click(window.view, line.center())
    assert window.scene.selected_link_ids() == [link.id]
    assert window.scene.link_items[link.id].pen().widthF() > plain_width
    assert window.details.direction.isVisible()
    menu = window.view.context_menu(line.center())
    direction_menu = menu.actions()[0].menu()
    both = next(a for a in direction_menu.actions() if "↔" in a.text())
    both.trigger()
    assert atlas.edge(link.id).direction == "both"
    assert window.scene.link_items[link.id].direction == "both"
    window.details.note.setFocus()
    QTest.keyClick(window.details.note, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(window.details.note, " Samen naar de training.")
    window.view.setFocus()
    QApplication.processEvents()
    assert atlas.edge(link.id).note.endswith("Samen naar de training.")
    window.scene.clearSelection()
    assert window.scene.link_items[link.id].pen().widthF() == plain_width
    click(window.view, line.center())
    key(window, Qt.Key.Key_Delete)
    assert not atlas.has("edges", link.id)
    assert atlas.has("nodes", voetbal.id) and atlas.has("nodes", fleur.id)


def _turn(a, b) -> float:
    """The angle between the directions of two points seen from the client, in degrees."""
    diff = math.atan2(a[0], -a[1]) - math.atan2(b[0], -b[1])
    return abs(math.degrees((diff + math.pi) % (2 * math.pi) - math.pi))


def test_arrange_packs_every_bol_without_overlap_keeping_the_picture_in_one_step(window):
    atlas = window.document.atlas
    before = io.dumps(atlas)
    wonen = bol_named(window, "Wonen").id
    drag(window.view, position(window, wonen), (40.0, 90.0))  # on top of the client
    was = {n: item.pos().toTuple() for n, item in window.scene.bol_items.items()}
    window.arrange_action.trigger()
    shown = {n: item.pos().toTuple() for n, item in window.scene.bol_items.items()}
    for (a, pa), (b, pb) in itertools.combinations(shown.items(), 2):
        assert math.dist(pa, pb) >= MIN_GAP - 1, f"{a} overlaps {b}"
    others = [n for n in shown if n != atlas.client_id]
    assert all(atlas.position(VIEW, n) is not None for n in others)
    client = window.scene.bol_items[atlas.client_id]
    for n in others:  # none on the client: it is larger, and needs the room
        gap = math.dist(shown[n], (0, 0)) - client.radius - window.scene.bol_items[n].radius
        assert gap >= 0, f"{n} covers the client"
    # each bol stays on its side of the client, and the inner ones stay nearer than the outer
    turns = [_turn(shown[n], was[n]) for n in others if n != wonen]
    assert max(turns) < 60 and sum(turns) / len(turns) < 20, [
        (atlas.node(n).label, was[n], shown[n]) for n in others if _turn(shown[n], was[n]) > 30
    ]
    inner = sorted(others, key=lambda n: math.dist(was[n], (0, 0)))
    half = len(inner) // 2
    mean = lambda ids: sum(math.dist(shown[n], (0, 0)) for n in ids) / len(ids)  # noqa: E731
    assert mean(inner[:half]) < mean(inner[half:])
    # packed: the bollen fill a screen's rectangle, not a ring around an empty middle
    xs, ys = [p[0] for p in shown.values()], [p[1] for p in shown.values()]
    assert (max(xs) - min(xs)) > (max(ys) - min(ys))
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert io.dumps(atlas) == before


def test_client_mode_enlarges_and_hides_what_is_for_the_professional(window):
    atlas = window.document.atlas
    before = io.dumps(atlas)
    item = window.scene.bol_items[bol_named(window, "Slapen").id]
    normal_font = item._font.pixelSize()
    assert window.details_dock.isVisible()
    window.client_mode_action.trigger()
    assert not window.details_dock.isVisible()
    assert item._font.pixelSize() > normal_font
    millimetre = window.logicalDpiX() / 25.4
    for action in window.toolbar.actions():
        button = window.toolbar.widgetForAction(action)
        assert button.height() >= 9 * millimetre and button.width() >= 9 * millimetre
    link = next(iter(window.scene.link_items.values()))
    assert link.toolTip() == ""
    assert io.dumps(atlas) == before and not window.document.is_modified
    window.client_mode_action.trigger()  # a tap does not leave client mode
    assert not window.details_dock.isVisible()
    window.client_switch.leave_action.trigger()  # Ctrl+Shift+K does
    assert window.details_dock.isVisible()
    assert item._font.pixelSize() == normal_font


# --- touch ------------------------------------------------------------------------------------


@pytest.fixture
def finger():
    return QTest.createTouchDevice()


def touch(window, device):
    """A touch sequence sent to the window, as the platform does; positions are given in
    viewport pixels and mapped into the window with `at`."""
    return QTest.touchEvent(window, device)


def at(window, point: QPoint) -> QPoint:
    return window.view.viewport().mapTo(window, point)


def test_a_finger_drags_a_bol(window, finger):
    wonen = bol_named(window, "Wonen")
    start = screen(window.view, position(window, wonen.id))
    window.view.viewport()
    touch(window, finger).press(0, at(window, start)).commit()
    for step in range(1, 6):
        touch(window, finger).move(0, at(window, start + QPoint(12 * step, 0))).commit()
    touch(window, finger).release(0, at(window, start + QPoint(60, 0))).commit()
    moved = position(window, wonen.id)
    expected = window.view.mapToScene(start + QPoint(60, 0))
    assert moved == pytest.approx((expected.x(), expected.y()), abs=5)
    assert len(window.document.undo_stack) == 1


def test_a_finger_on_empty_canvas_pans_and_a_tap_adds(window, finger):
    window.view.zoom_by(2.0)  # room to pan
    window.view.centerOn(0, 0)
    empty = screen(window.view, EMPTY)
    assert window.scene.bol_at(QPointF(*EMPTY)) is None
    assert window.scene.link_at(QPointF(*EMPTY)) is None
    scroll = window.view.horizontalScrollBar().value()
    touch(window, finger).press(0, at(window, empty)).commit()
    for step in range(1, 6):
        touch(window, finger).move(0, at(window, empty + QPoint(-15 * step, 0))).commit()
    touch(window, finger).release(0, at(window, empty + QPoint(-75, 0))).commit()
    assert window.view.horizontalScrollBar().value() == scroll + 75
    assert not window.view.labels.is_open and not window.document.is_modified
    touch(window, finger).press(0, at(window, empty)).commit()
    touch(window, finger).release(0, at(window, empty)).commit()
    assert window.view.labels.is_open


def test_two_fingers_pinch_to_zoom(window, finger):
    port = window.view.viewport()
    centre = port.rect().center()
    scale = window.view.transform().m11()
    touch(window, finger).press(0, at(window, centre - QPoint(50, 0))).press(
        1, at(window, centre + QPoint(50, 0))
    ).commit()
    for step in range(1, 6):
        touch(window, finger).move(0, at(window, centre - QPoint(50 + 10 * step, 0))).move(
            1, at(window, centre + QPoint(50 + 10 * step, 0))
        ).commit()
    touch(window, finger).release(0, at(window, centre - QPoint(100, 0))).release(
        1, at(window, centre + QPoint(100, 0))
    ).commit()
    assert window.view.transform().m11() == pytest.approx(scale * 2, rel=0.05)
    assert not window.document.is_modified


def test_a_long_press_opens_the_context_menu(window, finger, qtbot):
    wonen = bol_named(window, "Wonen")
    before = position(window, wonen.id)
    point = screen(window.view, before)
    window.view.viewport()
    touch(window, finger).press(0, at(window, point)).commit()
    qtbot.waitUntil(lambda: window.view.last_touch_menu is not None, timeout=20000)
    menu = window.view.last_touch_menu
    assert menu.actions()[0].text() == "Score"
    touch(window, finger).release(0, at(window, point)).commit()
    menu.close()
    assert position(window, wonen.id) == before
    assert not window.document.is_modified


def test_a_new_event_from_the_palette_is_typed_and_placed_in_sight(qtbot, qsettings):
    """On a new atlas the view is zoomed in on the client; the first free place around it lies
    beyond the view's top edge. The field and then the bol are brought into sight."""
    from PySide6.QtCore import QRect
    from PySide6.QtTest import QTest

    from netwerkatlas.app.main import open_window

    win = open_window(None, qsettings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    qtbot.waitExposed(win)
    win.view.fit_all()
    palette = win.palette
    item = next(
        palette.item(i) for i in range(palette.count()) if "gebeurtenis" in palette.item(i).text()
    )
    palette.itemActivated.emit(item)
    field = win.view.labels.field
    assert win.view.labels.is_open
    inside = QRect(0, 0, win.view.viewport().width(), win.view.viewport().height())
    assert inside.contains(field.geometry()), (field.geometry(), inside)
    QTest.keyClicks(field, "Verhuizing")
    QTest.keyClick(field, Qt.Key.Key_Return)
    (event,) = [n for n in win.document.atlas.nodes() if n.label == "Verhuizing"]
    bol = win.scene.bol_items[event.id]
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert shown.contains(bol.sceneBoundingRect().adjusted(15, 15, -15, -15))
    win.document.undo_stack.set_clean()
    win.close()
