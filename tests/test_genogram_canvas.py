"""The genogram on screen: select, drag, add relatives by menu and key, undo; same people as
the netwerkintake."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from tests.test_canvas_editing import click, drag
from tests.windows import example_window, person, show_view

from netwerkatlas import io
from netwerkatlas.model import EdgeKind, NodeKind
from netwerkatlas.tools.genogram import VIEW


@pytest.fixture
def genogram(qtbot, qsettings, tmp_path):
    with example_window(qtbot, qsettings, tmp_path, "genogram-familie-de-boer") as win:
        show_view(win, win.view_genogram_action, win.genogram_view)
        yield win


def at(win, label):
    return win.genogram_scene.drawing.positions[person(win, label).id]


def answer_names(monkeypatch, *names):
    """Type these names, in turn, into the name dialogs the app opens."""
    queue = list(names)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (queue.pop(0), True))


def test_dragging_a_person_keeps_the_place_as_one_undo_step(genogram):
    atlas, stack = genogram.document.atlas, genogram.document.undo_stack
    start = at(genogram, "Liesbeth")
    depth = len(stack)
    drag(genogram.genogram_view, start, (start[0] + 120, start[1] + 30))
    placed = atlas.position(VIEW, person(genogram, "Liesbeth").id)
    assert placed == pytest.approx((start[0] + 120, start[1] + 30), abs=2)
    assert len(stack) == depth + 1
    assert at(genogram, "Liesbeth") == placed  # shown where it was dropped
    others = at(genogram, "Klaas")
    genogram.rearrange_genogram_action.trigger()
    assert atlas.position(VIEW, person(genogram, "Liesbeth").id) is None
    assert at(genogram, "Liesbeth") == start and at(genogram, "Klaas") == others
    stack.undo()
    stack.undo()
    assert at(genogram, "Liesbeth") == start


def test_escape_during_a_drag_puts_the_person_back(genogram):
    view = genogram.genogram_view
    start = at(genogram, "Henk")
    port = view.viewport()
    a = view.mapFromScene(*start)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(port, a + a.__class__(60, 20))
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    assert at(genogram, "Henk") == start
    assert genogram.document.atlas.position(VIEW, person(genogram, "Henk").id) is None


def test_relatives_are_added_from_the_context_menu_and_appear_in_every_view(genogram, monkeypatch):
    atlas, stack = genogram.document.atlas, genogram.document.undo_stack
    before = io.dumps(atlas)
    liesbeth = person(genogram, "Liesbeth")
    answer_names(monkeypatch, "Ahmed", "Sara")
    view = genogram.genogram_view
    menu = view.context_menu(view.mapToScene(view.mapFromScene(*at(genogram, "Liesbeth"))))
    partner = next(a for a in menu.actions() if a.text().startswith("&Partner"))
    partner.trigger()
    ahmed = person(genogram, "Ahmed")
    relation = next(e for e in atlas.edges(EdgeKind.PARTNER) if ahmed.id in (e.source, e.target))
    assert liesbeth.id in (relation.source, relation.target)
    assert ahmed.id in genogram.genogram_scene.handles  # in the genogram
    assert ahmed.id in genogram.scene.bol_items  # and in the netwerkintake drawing
    menu = view.context_menu(view.mapToScene(view.mapFromScene(*at(genogram, "Liesbeth"))))
    next(a for a in menu.actions() if a.text().startswith("&Kind")).trigger()
    sara = person(genogram, "Sara")
    parents = {e.source for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target == sara.id}
    assert parents == {liesbeth.id, ahmed.id}  # a child of the couple
    assert at(genogram, "Sara")[1] > at(genogram, "Liesbeth")[1]  # a generation lower
    assert len(stack) >= 2
    stack.undo()
    stack.undo()
    assert io.dumps(atlas) == before


def test_keys_add_a_parent_and_a_sibling_to_the_selected_person(genogram, monkeypatch):
    atlas = genogram.document.atlas
    answer_names(monkeypatch, "Oma Daan", "Eva")
    click(genogram.genogram_view, at(genogram, "Daan"))
    assert genogram.genogram_scene.selected_ids() == [person(genogram, "Daan").id]
    QTest.keyClick(genogram.genogram_view, Qt.Key.Key_O)
    mother = person(genogram, "Oma Daan")
    assert at(genogram, "Oma Daan")[1] < at(genogram, "Daan")[1]
    # The new person is selected; Daan again, then B adds a sister with the same parent.
    click(genogram.genogram_view, at(genogram, "Daan"))
    QTest.keyClick(genogram.genogram_view, Qt.Key.Key_B)
    eva = person(genogram, "Eva")
    assert {e.source for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target == eva.id} == {
        mother.id
    }
    assert eva.kind == NodeKind.PERSON


def test_gender_and_removal_from_the_menu_are_undoable(genogram):
    atlas, stack = genogram.document.atlas, genogram.document.undo_stack
    view = genogram.genogram_view
    henk = person(genogram, "Henk")
    menu = view.context_menu(view.mapToScene(view.mapFromScene(*at(genogram, "Henk"))))
    genders = next(a.menu() for a in menu.actions() if a.menu() and "Geslacht" in a.text())
    next(a for a in genders.actions() if a.text() == "anders").trigger()
    assert atlas.node(henk.id).gender == "other"
    click(view, at(genogram, "Henk"))
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert not atlas.has("nodes", henk.id) and henk.id not in genogram.genogram_scene.handles
    stack.undo()
    stack.undo()
    assert atlas.node(henk.id) == henk


def test_the_details_panel_edits_a_selected_persons_facts(genogram):
    atlas, stack = genogram.document.atlas, genogram.document.undo_stack
    henk = person(genogram, "Henk")
    click(genogram.genogram_view, at(genogram, "Henk"))
    fields = genogram.details.person
    assert fields.isVisible() and fields.name.text() == henk.name
    assert fields.birth_year.text() == "1949"
    fields.death_year.setFocus()
    QTest.keyClicks(fields.death_year, "2020")
    QTest.keyClick(fields.death_year, Qt.Key.Key_Return)
    assert atlas.node(henk.id).death_year == 2020
    assert at(genogram, "Henk")  # still drawn, now with a cross and the year
    fields.household.setFocus()
    QTest.keyClicks(fields.household, "Truus en Henk")
    QTest.keyClick(fields.household, Qt.Key.Key_Return)
    assert atlas.node(henk.id).household == "Truus en Henk"
    fields.gender.setCurrentIndex(fields.gender.findData("other"))
    fields.gender.activated.emit(fields.gender.currentIndex())
    assert atlas.node(henk.id).gender == "other"
    stack.undo()
    stack.undo()
    stack.undo()
    assert atlas.node(henk.id) == henk
    assert fields.death_year.text() == ""


def menu_for(win, label):
    view = win.genogram_view
    return view.context_menu(view.mapToScene(view.mapFromScene(*at(win, label))))


def submenu(menu, starts):
    return next(a.menu() for a in menu.actions() if a.menu() and a.text().startswith(starts))


def action(menu, text):
    return next(a for a in menu.actions() if a.text() == text)


def test_a_couples_status_and_years_are_set_from_the_menu(genogram, monkeypatch):
    atlas, stack = genogram.document.atlas, genogram.document.undo_stack
    relation = next(
        e
        for e in atlas.edges(EdgeKind.PARTNER)
        if person(genogram, "Henk").id in (e.source, e.target)
    )
    couple = submenu(menu_for(genogram, "Henk"), "Relatie met Truus")
    action(couple, "gescheiden").trigger()
    assert atlas.edge(relation.id).status == "divorced"
    from netwerkatlas.canvas.genogram_menus import YearsDialog

    def type_years(dialog):
        dialog.start_edit.setText("2005")
        dialog.end_edit.setText("2019")
        return YearsDialog.DialogCode.Accepted

    monkeypatch.setattr(YearsDialog, "exec", type_years)
    action(submenu(menu_for(genogram, "Henk"), "Relatie met Truus"), "Jaren…").trigger()
    assert (atlas.edge(relation.id).start_year, atlas.edge(relation.id).end_year) == (2005, 2019)
    assert "g '19" in " ".join(
        genogram.genogram_scene.drawing.texts() + [t for t in _drawn_texts(genogram)]
    )
    stack.undo()
    stack.undo()
    assert atlas.edge(relation.id) == relation


def _drawn_texts(win):
    """Every text the genogram paints, collected with a recording painter."""
    texts: list[str] = []

    class Recorder:
        def __getattr__(self, name):
            return lambda *a, **k: texts.append(a[2]) if name == "text" else None

    win.genogram_scene.drawing.draw(Recorder())
    return texts


def test_twins_adoption_and_an_emotional_relation_from_the_menus(genogram):
    atlas, stack = genogram.document.atlas, genogram.document.undo_stack
    before = io.dumps(atlas)
    child_menu = submenu(menu_for(genogram, "Greet"), "Kind van de ouders")
    action(child_menu, "Tweeling met Thijs").trigger()
    greet, thijs = person(genogram, "Greet").id, person(genogram, "Thijs").id
    groups = {
        e.twin_group for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target in (greet, thijs)
    }
    assert len(groups) == 1 and groups != {""}
    action(submenu(menu_for(genogram, "Greet"), "Kind van de ouders"), "pleegkind").trigger()
    assert {e.relation for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target == greet} == {
        "foster"
    }
    click(genogram.genogram_view, at(genogram, "Greet"))
    click(genogram.genogram_view, at(genogram, "Daan"), Qt.KeyboardModifier.ControlModifier)
    emotional = submenu(menu_for(genogram, "Daan"), "Relatie tussen")
    action(emotional, "conflict").trigger()
    daan = person(genogram, "Daan").id
    edge = next(e for e in atlas.edges(EdgeKind.EMOTIONAL) if {e.source, e.target} == {greet, daan})
    assert edge.quality == "conflict"
    assert "conflict" in [entry.label for entry in genogram.genogram_scene.drawing.legend()]
    while len(stack) and io.dumps(atlas) != before:
        stack.undo()
    assert io.dumps(atlas) == before
