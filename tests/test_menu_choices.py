"""Where a menu offers one of several (a score, a direction, a line's strength, the circle's
variant), its items are radio items in one exclusive group with the current one marked; where it
offers any of several (kinds of support), they stay check boxes."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu
from tests.windows import example_window, person, show_view

from netwerkatlas.model import EdgeKind


def submenu(menu, words: str):
    return next(a.menu() for a in menu.actions() if a.menu() and words in a.text())


def assert_one_of(menu, current_text_start: str) -> None:
    actions = [a for a in menu.actions() if a.isCheckable()]
    assert actions, "the menu offers choices"
    groups = {a.actionGroup() for a in actions}
    assert len(groups) == 1 and None not in groups, "one group for all choices"
    (group,) = groups
    assert group.isExclusive()
    checked = [a.text() for a in actions if a.isChecked()]
    assert len(checked) == 1 and checked[0].startswith(current_text_start), checked


def test_score_and_direction_on_the_netwerkintake(window):
    atlas = window.document.atlas
    wonen = next(n for n in atlas.nodes() if n.label == "Wonen")
    point = QPointF(*atlas.position("netwerkintake", wonen.id))
    scores = submenu(window.view.context_menu(point), "Score")
    assert_one_of(scores, "−")  # Wonen is scored −
    assert any(a.text() == "Geen score" or "geen" in a.text().lower() for a in scores.actions())
    picker = window.view.score_picker(wonen.id)
    assert_one_of(picker, "−")
    link = next(iter(atlas.edges(EdgeKind.INFLUENCE)))
    menu = window.view._link_menu(QMenu(window.view), window.scene.link_items[link.id])
    assert_one_of(submenu(menu, "ichting"), "")


def test_strength_and_direction_of_an_ecogram_line_and_the_circle_variant(
    qtbot, qsettings, tmp_path
):
    with example_window(qtbot, qsettings, tmp_path, "ecogram-freek") as win:
        show_view(win, win.view_ecogram_action, win.ecogram_view)
        view = win.ecogram_view
        jesse = person(win, "Jesse").id
        menu = view.context_menu(QPointF(*win.ecogram_scene.drawing.positions[jesse]))
        assert_one_of(submenu(menu, "Lijn"), "")
        assert_one_of(submenu(menu, "ichting"), "")
        kinds = submenu(menu, "Soort")
        assert all(a.actionGroup() is None for a in kinds.actions())  # any of: check boxes
        show_view(win, win.view_circle_action, win.circle_view)
        menu = win.circle_view.context_menu(QPointF(0, 0))
        assert_one_of(submenu(menu, "Indeling"), "Netwerkcirkel van Lensink")


def test_a_couples_status_a_childs_kind_and_an_emotional_relation_in_the_genogram(
    qtbot, qsettings, tmp_path
):
    from PySide6.QtCore import Qt
    from tests.test_canvas_editing import click
    from tests.test_genogram_canvas import at, menu_for

    with example_window(qtbot, qsettings, tmp_path, "genogram-familie-de-boer") as win:
        show_view(win, win.view_genogram_action, win.genogram_view)
        couple = submenu(menu_for(win, "Henk"), "Relatie met Truus")
        assert_one_of(couple, "")
        child = submenu(menu_for(win, "Greet"), "Kind van de ouders")
        kinds = [a for a in child.actions() if a.actionGroup() is not None]
        assert len(kinds) == 3 and sum(a.isChecked() for a in kinds) == 1
        twins = [a for a in child.actions() if a.text().startswith("Tweeling")]
        assert twins and all(a.actionGroup() is None for a in twins)  # any of: check boxes
        click(win.genogram_view, at(win, "Greet"))
        click(win.genogram_view, at(win, "Daan"), Qt.KeyboardModifier.ControlModifier)
        emotional = submenu(menu_for(win, "Daan"), "Relatie tussen")
        group = {a.actionGroup() for a in emotional.actions() if a.isCheckable()}
        assert len(group) == 1 and None not in group
