"""Comparing two sessions in the window: the marks sit on exactly the bollen and people that
changed, the side list says what changed, and comparing edits nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.test_canvas_editing import click, drag, key
from tests.test_circle import cell_centre
from tests.test_sessions_ui import score_by_keys, start_follow_up
from tests.windows import example_window, person

from netwerkatlas import io
from netwerkatlas.canvas.compare_overlay import MarksItem
from netwerkatlas.commands import UpdateItem
from netwerkatlas.model import NODES, EdgeKind
from netwerkatlas.tools.circle import edits as circle_edits
from netwerkatlas.tools.genogram import edits as genogram_edits
from netwerkatlas.tools.netwerkintake import VIEW
from netwerkatlas.tools.netwerkintake.layout import shown_positions


def test_compare_marks_the_changed_bollen_only_and_lists_the_changes(window):
    atlas = window.document.atlas
    fleur = person(window, "Fleur").id
    window.document.push(circle_edits.place(atlas, {fleur: ("vrienden", "familie")}))
    start_follow_up(window, "Vervolggesprek 9")
    wonen = person(window, "Wonen")
    better = wonen.score is None or wonen.score < 2
    score_by_keys(window, "Wonen", "5" if better else "1")
    slapen = person(window, "Slapen")
    slapen_links = {edge.id for edge in atlas.edges_of(slapen.id) if edge.kind == "influence"}
    click(window.view, shown_positions(atlas, VIEW)[slapen.id])
    key(window, Qt.Key.Key_Delete)
    window.view_circle_action.trigger()
    window.circle_view.fit_all()
    drawing = window.circle_scene.drawing
    drag(window.circle_view, drawing.positions[fleur], cell_centre(drawing, "intimi", "familie"))
    saved, depth = io.dumps(atlas), len(window.document.undo_stack)

    window.sessions.compare_action.trigger()
    assert window.sessions.banner.isVisible()
    assert "alleen lezen" in window.sessions.banner.text.text()
    overlays = window.sessions._overlays
    marks = overlays.marks("netwerkintake")
    on_bollen = {(mark.what, mark.node_id) for mark in marks if mark.node_id}
    assert on_bollen == {("score_up" if better else "score_down", wonen.id), ("gone", slapen.id)}
    score_mark = next(mark for mark in marks if mark.node_id == wonen.id)
    assert score_mark.text.startswith("▲" if better else "▼")
    removed_links = [mark for mark in marks if mark.what == "link_removed"]
    assert len(removed_links) == len(slapen_links)
    assert any(isinstance(i, MarksItem) for i in window.scene.items())

    moved = [mark for mark in overlays.marks("netwerkcirkel") if mark.what == "moved"]
    assert [mark.node_id for mark in moved] == [fleur]
    assert moved[0].text.startswith("Fleur: ") and moved[0].text.endswith("intimi")
    assert any(mark.what == "counts" for mark in overlays.marks("netwerkcirkel"))

    lines = [
        window.sessions.changes_list.item(row).text()
        for row in range(window.sessions.changes_list.count())
    ]
    assert window.sessions.changes_dock.isVisible()
    assert any("Slapen" in line for line in lines) and any("Fleur" in line for line in lines)
    assert io.dumps(atlas) == saved and len(window.document.undo_stack) == depth

    window.sessions.back_action.trigger()
    assert not any(isinstance(i, MarksItem) for i in window.scene.items())
    assert not window.sessions.changes_dock.isVisible()
    assert not window.sessions.banner.isVisible()


def test_a_session_compared_with_itself_is_no_comparison(window):
    start_follow_up(window, "Vervolggesprek 9")
    earlier = window.sessions.bar.compare_with.itemData(0)
    window.sessions.bar.choose(earlier, earlier)
    assert window.sessions.compared is None
    assert window.sessions.changes is None
    assert not window.sessions.changes_dock.isVisible()


def test_compare_marks_a_death_and_a_new_partner_in_the_genogram(qtbot, qsettings, tmp_path):

    with example_window(qtbot, qsettings, tmp_path, "genogram-familie-de-boer") as win:
        atlas = win.document.atlas
        start_follow_up(win, "Vervolggesprek 9")
        living = [
            n
            for n in atlas.nodes()
            if n.kind == "person" and not n.deceased and n.death_year is None
        ]
        partnered = {e.source for e in atlas.edges(EdgeKind.PARTNER)}
        partnered |= {e.target for e in atlas.edges(EdgeKind.PARTNER)}
        dying = living[0]
        win.push(UpdateItem(NODES, dying.id, {"deceased": True}))
        single = next(n for n in living[1:] if n.id not in partnered)
        win.push(genogram_edits.add_relative(atlas, single.id, "partner", "Ruud"))
        ruud = person(win, "Ruud")
        win.sessions.compare_action.trigger()
        marks = {(m.node_id, m.text) for m in win.sessions._overlays.marks("genogram")}
        assert (dying.id, "overleden") in marks
        assert {(single.id, "nieuwe partner"), (ruud.id, "nieuwe partner")} <= marks
        assert {node_id for node_id, _ in marks} == {dying.id, single.id, ruud.id}


def test_every_view_marks_exactly_what_the_comparison_found_in_the_sanne_example(
    qtbot, qsettings, tmp_path
):
    from netwerkatlas.app.session_bar import NOW
    from netwerkatlas.tools.sessions.history import sessions_in_order

    with example_window(qtbot, qsettings, tmp_path, "netwerkintake-sanne") as win:
        saved = io.dumps(win.document.atlas)
        intake = sessions_in_order(win.document.atlas)[0]
        win.sessions.bar.choose(NOW, intake.id)
        items = win.sessions.changes.items
        assert items
        kinds = {"ScoreChanged": "score", "NodeAdded": "new", "NodeRemoved": "gone"}
        expected = {
            item.node_id
            for item in items
            if type(item).__name__ in kinds and not getattr(item, "perspective", "")
        }
        marked = {mark.node_id for mark in win.sessions._overlays.marks("netwerkintake")}
        assert marked - {""} == expected
        for view in ("ecogram", "netwerkcirkel"):
            moved = {
                item.node_id
                for item in items
                if type(item).__name__ == "Moved"
                and item.view == view
                and item.old_place
                and item.new_place
            }
            trails = {
                mark.node_id for mark in win.sessions._overlays.marks(view) if mark.what == "moved"
            }
            assert trails == moved, view
        assert io.dumps(win.document.atlas) == saved


def test_a_contact_dragged_to_another_leefgebied_gets_a_trail_in_the_ecogram(
    qtbot, qsettings, tmp_path
):
    from tests.test_ecogram_canvas import sector_point
    from tests.windows import show_view

    with example_window(qtbot, qsettings, tmp_path, "ecogram-freek") as win:
        start_follow_up(win, "Vervolggesprek 9")
        show_view(win, win.view_ecogram_action, win.ecogram_view)
        mo = person(win, "Mo").id
        drawing = win.ecogram_scene.drawing
        old_place = drawing.positions[mo]
        drag(win.ecogram_view, old_place, sector_point(drawing, "vrije tijd"))
        assert win.document.atlas.node(mo).life_domain == "vrije tijd"
        win.sessions.compare_action.trigger()
        trails = [m for m in win.sessions._overlays.marks("ecogram") if m.what == "moved"]
        assert [m.node_id for m in trails] == [mo]
        assert (trails[0].at.x(), trails[0].at.y()) == old_place
        assert trails[0].text.startswith("Mo: ") and trails[0].text.endswith("vrije tijd")
        assert any(m.what == "counts" for m in win.sessions._overlays.marks("ecogram"))
