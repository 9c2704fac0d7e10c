"""Follow-up sessions in the window: a new follow-up through the menu and its dialog, the session
bar, looking back read-only in every view, and one click back to now."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from tests.test_canvas_editing import click, drag, key
from tests.test_circle import cell_centre
from tests.windows import person

from netwerkatlas import io
from netwerkatlas.app.session_dialog import FollowUpDialog
from netwerkatlas.tools.circle import edits as circle_edits
from netwerkatlas.tools.circle.variants import cells
from netwerkatlas.tools.netwerkintake import VIEW
from netwerkatlas.tools.netwerkintake.layout import shown_positions
from netwerkatlas.tools.sessions.history import atlas_at, current_session, sessions_in_order


def start_follow_up(win, label: str, date: str = "") -> None:
    """Sessie → Nieuw vervolggesprek…, fill in the dialog, Gesprek beginnen."""
    action = next(a for a in win.sessions.menu.actions() if a is win.sessions.new_action)
    action.trigger()
    dialog = next(d for d in win.findChildren(FollowUpDialog) if d.isVisible())
    dialog.label_edit.setText(label)
    if date:
        dialog.date_edit.setDate(QDate.fromString(date, "yyyy-MM-dd"))
    dialog.accept()


def choose_session(win, session_id: str) -> None:
    bar = win.sessions.bar.shown
    bar.setCurrentIndex(bar.findData(session_id))


def score_by_keys(win, label: str, digit: str) -> None:
    node = person(win, label)
    click(
        win.view,
        win.document.atlas.position(VIEW, node.id)
        or shown_positions(win.document.atlas, VIEW)[node.id],
    )
    key(win, digit)


def test_a_follow_up_through_the_menu_is_one_undo_step_and_named_in_the_window(window):
    before = io.dumps(window.document.atlas)
    sessions = len(sessions_in_order(window.document.atlas))
    start_follow_up(window, "Vervolggesprek met Fleur")
    current = current_session(window.document.atlas)
    assert current.label == "Vervolggesprek met Fleur"
    assert current.date == QDate.currentDate().toString("yyyy-MM-dd")
    assert len(sessions_in_order(window.document.atlas)) == sessions + 1
    assert "Vervolggesprek met Fleur" in window.sessions.session_label.text()
    bar = window.sessions.bar.shown
    assert "Vervolggesprek met Fleur" in bar.itemText(bar.count() - 1)
    window.undo_action.trigger()
    assert io.dumps(window.document.atlas) == before
    assert "Vervolggesprek met Fleur" not in window.sessions.session_label.text()
    assert bar.count() == sessions


def test_a_follow_up_dated_before_the_last_session_is_refused_readably(window, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append(text))
    depth = len(window.document.undo_stack)
    start_follow_up(window, "Te vroeg", date="2000-01-01")
    assert len(window.document.undo_stack) == depth
    assert shown and "2000-01-01" in shown[0]


def test_looking_back_shows_the_old_state_in_every_view_and_changes_nothing(window):
    atlas = window.document.atlas
    fleur = person(window, "Fleur").id
    window.document.push(circle_edits.place(atlas, {fleur: ("vrienden", "familie")}))
    start_follow_up(window, "Vervolggesprek 9")
    closed = sessions_in_order(atlas)[-2]
    wonen = person(window, "Wonen")
    score_by_keys(window, "Wonen", "1" if wonen.score != -2 else "5")
    slapen = person(window, "Slapen")
    click(window.view, shown_positions(atlas, VIEW)[slapen.id])
    key(window, Qt.Key.Key_Delete)
    window.view_circle_action.trigger()
    window.circle_view.fit_all()
    drawing = window.circle_scene.drawing
    drag(window.circle_view, drawing.positions[fleur], cell_centre(drawing, "intimi", "familie"))
    assert cells(atlas)[fleur] == ("intimi", "familie")
    saved, depth = io.dumps(atlas), len(window.document.undo_stack)

    choose_session(window, closed.id)
    then = atlas_at(atlas, closed.id)
    banner = window.sessions.banner
    assert window.sessions.banner.isVisible()
    assert "alleen lezen" in banner.text.text()
    for tab in window.views.tabs.values():
        assert io.dumps(tab.follower.atlas) == io.dumps(then), tab.instrument.name
    assert set(window.scene.bol_items) == {node.id for node in then.nodes()}
    assert slapen.id in window.scene.bol_items
    for node in then.nodes():
        item = window.scene.bol_items[node.id]
        assert (item.score, item.emphasis) == (node.score, node.emphasis)
    assert window.scene.bol_items[wonen.id].score == wonen.score
    old_places = shown_positions(then, VIEW)
    for node_id, item in window.scene.bol_items.items():
        assert (item.pos().x(), item.pos().y()) == old_places[node_id]
    for scene in (window.circle_scene, window.ecogram_scene, window.genogram_scene):
        assert scene.drawing.positions == scene.make_drawing(then).positions
    assert cells(window.circle_scene.atlas).get(fleur) != ("intimi", "familie")

    # Nothing can be edited: not by keys, not by dragging, not by the window's actions.
    window.view_netwerkintake_action.trigger()
    window.view.fit_all()
    click(window.view, old_places[wonen.id])
    key(window, "=")
    drag(window.view, old_places[wonen.id], (old_places[wonen.id][0] + 90, 0))
    assert (
        window.scene.bol_items[wonen.id].pos().x(),
        window.scene.bol_items[wonen.id].pos().y(),
    ) == old_places[wonen.id]
    for action in window.sessions.edit_actions():
        assert not action.isEnabled(), action.objectName()
    assert not window.details.isEnabled()
    assert io.dumps(atlas) == saved and len(window.document.undo_stack) == depth
    assert window.document.is_modified  # the edits before looking back are still unsaved

    QTest.mouseClick(banner.back_button, Qt.MouseButton.LeftButton)
    assert not window.sessions.banner.isVisible()
    assert slapen.id not in window.scene.bol_items
    assert window.scene.atlas is atlas
    assert window.undo_action.isEnabled()
    assert io.dumps(atlas) == saved and len(window.document.undo_stack) == depth


def test_undo_across_a_session_start_through_the_window(window):
    atlas = window.document.atlas
    before = io.dumps(atlas)
    start_follow_up(window, "Vervolggesprek 9")
    wonen = person(window, "Wonen")
    score_by_keys(window, "Wonen", "1" if wonen.score != -2 else "5")
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert io.dumps(atlas) == before
    window.redo_action.trigger()
    assert current_session(atlas).label == "Vervolggesprek 9"


def test_opening_another_file_while_looking_back_opens_it_in_the_present(window):
    from netwerkatlas.document import Document

    start_follow_up(window, "Vervolggesprek 9")
    choose_session(window, sessions_in_order(window.document.atlas)[-2].id)
    assert window.sessions.looking_back
    other = Document.new()
    window.set_document(other)
    assert not window.sessions.looking_back
    assert not window.sessions.banner.isVisible()
    assert window.scene.atlas is other.atlas
    assert window.arrange_action.isEnabled() and window.details_dock.isEnabled()


def test_details_is_the_panel_in_front_when_the_window_opens(window):
    assert not window.details.visibleRegion().isEmpty()
    assert window.groslijst.visibleRegion().isEmpty()


def test_exporting_while_looking_back_exports_the_session_on_screen(window):
    atlas = window.document.atlas
    start_follow_up(window, "Vervolggesprek 9")
    closed = sessions_in_order(atlas)[-2]
    score_by_keys(window, "Wonen", "1" if person(window, "Wonen").score != -2 else "5")
    choose_session(window, closed.id)
    dialog = window.export_dialog()
    try:
        assert io.dumps(dialog.atlas) == io.dumps(atlas_at(atlas, closed.id))
    finally:
        dialog.reject()
    window.sessions.banner.back_button.click()
    dialog = window.export_dialog()
    try:
        assert dialog.atlas is atlas  # back to now: the present is exported
    finally:
        dialog.reject()
