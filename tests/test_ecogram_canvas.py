"""The ecogram and the other drawn views on screen: drag, touch, keys, the context menu, and
one person edited in one view showing the change in all the others."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from tests.test_canvas_editing import drag, screen
from tests.windows import example_window, person, show_view

from netwerkatlas import io
from netwerkatlas.model import EdgeKind
from netwerkatlas.tools.circle import edits as circle_edits
from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.groslijst.list_view import NAME, UNPLACED


@pytest.fixture
def freek(qtbot, qsettings, tmp_path):
    with example_window(qtbot, qsettings, tmp_path, "ecogram-freek") as win:
        show_view(win, win.view_ecogram_action, win.ecogram_view)
        yield win


def sector_point(drawing, domain, radius_share=0.75):
    geometry = drawing.geometry
    index = list(geometry.domains).index(domain)
    start, end = geometry.sector_span(index)
    return geometry.point(geometry.outer * radius_share, (start + end) / 2)


def test_dragging_a_contact_into_another_leefgebied_moves_it_there(freek):
    atlas, stack = freek.document.atlas, freek.document.undo_stack
    before = io.dumps(atlas)
    mo = person(freek, "Mo").id
    drawing = freek.ecogram_scene.drawing
    drag(freek.ecogram_view, drawing.positions[mo], sector_point(drawing, "vrije tijd"))
    assert atlas.node(mo).life_domain == "vrije tijd"
    assert atlas.position(VIEW, mo) is not None  # the place is kept, by hand
    assert freek.ecogram_scene.drawing.domain_at(freek.ecogram_scene.drawing.positions[mo]) == (
        "vrije tijd"
    )
    stack.undo()
    assert io.dumps(atlas) == before


def test_the_line_to_the_client_from_the_context_menu(freek):
    atlas, stack = freek.document.atlas, freek.document.undo_stack
    before = io.dumps(atlas)
    view = freek.ecogram_view
    jesse = person(freek, "Jesse").id
    point = view.mapToScene(view.mapFromScene(*freek.ecogram_scene.drawing.positions[jesse]))
    menu = view.context_menu(point)
    line = next(a.menu() for a in menu.actions() if a.menu() and "Lijn" in a.text())
    next(a for a in line.actions() if a.text().startswith("stressvol")).trigger()
    edge = next(e for e in atlas.edges(EdgeKind.SUPPORT) if jesse in (e.source, e.target))
    assert edge.strength == "stressful"
    menu = view.context_menu(point)
    kinds = next(a.menu() for a in menu.actions() if a.menu() and "Soort" in a.text())
    practical = next(a for a in kinds.actions() if a.text().startswith("P "))
    had = "practical" in atlas.edge(edge.id).support
    practical.trigger()
    assert ("practical" in atlas.edge(edge.id).support) != had
    while io.dumps(atlas) != before and stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == before


def test_tab_walks_and_delete_takes_a_contact_off_the_ecogram(freek):
    atlas, stack = freek.document.atlas, freek.document.undo_stack
    view = freek.ecogram_view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    first = freek.ecogram_scene.selected_ids()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    second = freek.ecogram_scene.selected_ids()
    assert len(first) == len(second) == 1 and first != second
    QTest.keyClick(view, Qt.Key.Key_Delete)
    gone = second[0]
    assert atlas.node(gone).life_domain == ""
    assert gone not in freek.ecogram_scene.drawing.positions
    assert "ecogram" in freek.groslijst.rows[gone].text(UNPLACED)  # back in the inbox
    stack.undo()
    assert gone in freek.ecogram_scene.drawing.positions


def test_a_finger_drags_a_contact(freek):
    finger = QTest.createTouchDevice()
    atlas = freek.document.atlas
    view = freek.ecogram_view
    lieke = person(freek, "Lieke").id
    drawing = freek.ecogram_scene.drawing
    start = screen(view, drawing.positions[lieke])
    end = screen(view, sector_point(drawing, "werk"))

    def at(point: QPoint) -> QPoint:
        return view.viewport().mapTo(freek, point)

    QTest.touchEvent(freek, finger).press(0, at(start)).commit()
    for step in range(1, 7):
        QTest.touchEvent(freek, finger).move(0, at(start + (end - start) * step / 6)).commit()
    QTest.touchEvent(freek, finger).release(0, at(end)).commit()
    assert atlas.node(lieke).life_domain == "werk"


def test_one_person_edited_in_each_view_shows_everywhere(freek):
    atlas, stack = freek.document.atlas, freek.document.undo_stack
    before = io.dumps(atlas)
    mo = person(freek, "Mo").id
    stack.push(circle_edits.place(atlas, {mo: ("intimi", "samenleving")}))
    # Renamed in the groslijst: the ecogram, the circle and the netwerkintake follow.
    freek.groslijst.rows[mo].setText(NAME, "Mohammed")
    assert "Mohammed" in freek.ecogram_scene.drawing.texts()
    assert freek.circle_scene.drawing.names[mo] == "Mohammed"
    assert freek.scene.bol_items[mo].label == "Mohammed"
    # Moved to another leefgebied in the ecogram: the groslijst shows it.
    drawing = freek.ecogram_scene.drawing
    drag(freek.ecogram_view, drawing.positions[mo], sector_point(drawing, "werk"))
    assert freek.groslijst.rows[mo].text(2) == "werk"
    # Removed in the netwerkintake: gone from every view; undo brings it back everywhere.
    freek.views.setCurrentWidget(freek.view)
    freek.scene.bol_items[mo].setSelected(True)
    QTest.keyClick(freek.view, Qt.Key.Key_Delete)
    assert mo not in freek.ecogram_scene.drawing.positions
    assert mo not in freek.circle_scene.drawing.positions and mo not in freek.groslijst.rows
    while stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == before
    assert mo in freek.ecogram_scene.drawing.positions and mo in freek.groslijst.rows


def test_the_household_in_the_middle_from_the_context_menu_and_by_dragging(freek):
    atlas, stack = freek.document.atlas, freek.document.undo_stack
    before = io.dumps(atlas)
    view, scene = freek.ecogram_view, freek.ecogram_scene
    menu = view.context_menu(view.mapToScene(screen(view, (0.0, 0.0))))
    household = next(a for a in menu.actions() if "Huishouden in het midden" in a.text())
    assert household.isEnabled() and not household.isChecked()
    household.trigger()
    lieke, oma = person(freek, "Lieke").id, person(freek, "Oma Riet").id
    assert lieke in scene.drawing.centre.members
    view.fit_all()
    # Lieke dragged out of the middle into a sector: now a friend, with a line of her own.
    drag(view, scene.drawing.positions[lieke], sector_point(scene.drawing, "vrienden", 0.8))
    assert atlas.node(lieke).life_domain == "vrienden"
    assert lieke in scene.drawing.cards and lieke not in scene.drawing.centre.members
    # Oma's card, taken by its corner, dragged into the middle: she joins the household.
    view.fit_all()  # Lieke's new card changed the drawing's extent: all of it in sight again
    x1, y1, x2, y2 = scene.drawing.card_box(oma)
    # The corner goes where the card's middle lands well inside the household, not on its rim.
    drag(view, (x1 + 4, y1 + 4), (x1 + 4 - (x1 + x2) / 2, y1 + 4 - (y1 + y2) / 2 + 6.0))
    assert atlas.node(oma).life_domain == "gezin of huishouden"
    assert oma in scene.drawing.centre.members
    assert freek.groslijst.rows[oma].text(2) == "gezin of huishouden"
    menu = view.context_menu(view.mapToScene(screen(view, (0.0, 0.0))))
    household = next(a for a in menu.actions() if "Huishouden in het midden" in a.text())
    assert household.isChecked()
    household.trigger()  # the client alone in the middle again
    assert scene.drawing.centre.members == {}
    while stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == before


def test_a_view_behind_another_is_drawn_when_shown_and_once_per_edit(freek, qtbot):
    """Editing stays quick in a large atlas: a hidden view is not drawn again for every change,
    and a drop (a new leefgebied and a place, one undo step) draws the visible view once."""
    atlas = freek.document.atlas
    scene = freek.ecogram_scene
    made = []
    make = scene.make_drawing
    scene.make_drawing = lambda a: made.append(1) or make(a)
    mo = person(freek, "Mo").id
    drawing = scene.drawing
    drag(freek.ecogram_view, drawing.positions[mo], sector_point(drawing, "werk"))
    qtbot.waitUntil(lambda: not scene._soon.isActive(), timeout=20000)
    assert len(made) == 1 and atlas.node(mo).life_domain == "werk"
    freek.view_netwerkintake_action.trigger()
    made.clear()
    for name in ("Mohammed", "Mo M.", "Mo"):
        freek.groslijst.rows[mo].setText(NAME, name)
    qtbot.wait(20)  # the event loop runs: a redraw that was scheduled would happen now
    assert made == []  # the ecogram is behind the netwerkintake
    freek.groslijst.rows[mo].setText(NAME, "Mohammed")
    freek.view_ecogram_action.trigger()
    assert len(made) == 1 and "Mohammed" in scene.item.drawing.texts()
