"""The Plan view through its real widgets: goals, actions typed with Enter and Tab, who picked
from the atlas, evaluations through the dialog, reordering, undo back to the same file, and the
view following edits made elsewhere (a rename, a deletion) once per edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from tests.windows import person

from netwerkatlas import io
from netwerkatlas.app.plan_common import MIME_GOAL
from netwerkatlas.model import ACTIONS, GOALS
from netwerkatlas.model.records import Actor, GoalStatus
from netwerkatlas.tools.plan.order import actions_by_group, evaluations_in_order, goals_in_order

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def open_plan(win, qtbot):
    win.view_actions["plan"].trigger()
    plan = win.views.tab("plan").widget
    qtbot.waitUntil(plan.isVisible, timeout=10_000)
    plan.flush()
    return plan


def focused():
    """Where a key goes: an open completer list first (as on a real keyboard), else the
    widget with the cursor."""
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def new_goal(win, qtbot, plan, text: str):
    qtbot.mouseClick(plan.new_goal_button, Qt.MouseButton.LeftButton)
    card = plan.ordered_cards()[-1]
    qtbot.waitUntil(lambda: focused() is card.text, timeout=10_000)
    qtbot.keyClicks(card.text, text)
    qtbot.keyClick(card.text, Qt.Key.Key_Return)
    return card


def type_row(qtbot, who: str, what: str, when: str) -> None:
    """Type an action where the cursor is (its "who"): who, Tab, what, Tab, when."""
    qtbot.keyClicks(focused(), who)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), what)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), when)


def goal_by_text(atlas, text: str):
    return next(g for g in atlas.items(GOALS) if g.text == text)


def test_plan_tab_shows_the_goals_in_order_with_their_count(window, qtbot):
    plan = open_plan(window, qtbot)
    atlas = window.document.atlas
    goals = goals_in_order(atlas)
    cards = plan.ordered_cards()
    assert [c.text.text() for c in cards] == [g.text for g in goals]
    assert [c.number.text() for c in cards] == [f"{i}." for i in range(1, len(goals) + 1)]
    active = sum(g.status == GoalStatus.ACTIVE for g in goals)
    assert f"Actieve doelen: {active}" in plan.count.text()
    assert window.views.tabText(window.views.currentIndex()) == "Plan"
    assert window.view_actions["plan"].shortcut().toString() == "Ctrl+7"


def test_actions_typed_in_all_three_groups_with_enter_and_tab(window, qtbot):
    atlas = window.document.atlas
    before = io.dumps(atlas)
    plan = open_plan(window, qtbot)
    card = new_goal(window, qtbot, plan, "Vaker buiten zijn")
    goal = goal_by_text(atlas, "Vaker buiten zijn")

    # I: two actions in a row; Enter after the second makes a third, Esc takes it away again.
    qtbot.mouseClick(card.groups[Actor.SELF].add_button, Qt.MouseButton.LeftButton)
    type_row(qtbot, "Sanne", "Elke ochtend een rondje lopen", "elke dag")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    type_row(qtbot, "Sanne", "Fiets laten maken", "deze week")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert len(card.groups[Actor.SELF].rows) == 3
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(card.groups[Actor.SELF].rows) == 2, timeout=10_000)

    # II: who picked from the atlas through the completer.
    qtbot.mouseClick(card.groups[Actor.CLOSE_ONES].add_button, Qt.MouseButton.LeftButton)
    who = focused()
    qtbot.keyClicks(who, "Fle")
    popup = who.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=10_000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is not who and not popup.isVisible(), timeout=10_000)
    qtbot.keyClicks(focused(), "Gaat zaterdag mee wandelen")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "zaterdag")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    # III: a typed name that is no person yet becomes one with one click.
    qtbot.mouseClick(card.groups[Actor.PROFESSIONALS].add_button, Qt.MouseButton.LeftButton)
    type_row(qtbot, "Buurtsportcoach Ali", "Sportaanbod in de wijk laten zien", "in april")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving the row keeps what was typed
    row = card.groups[Actor.PROFESSIONALS].ordered_rows()[0]
    qtbot.waitUntil(row.make_person.isVisible, timeout=10_000)
    qtbot.mouseClick(row.make_person, Qt.MouseButton.LeftButton)

    plan.flush()
    groups = actions_by_group(atlas, goal.id)
    assert [(a.who, a.what, a.when) for a in groups[Actor.SELF]] == [
        ("Sanne", "Elke ochtend een rondje lopen", "elke dag"),
        ("Sanne", "Fiets laten maken", "deze week"),
    ]
    [close] = groups[Actor.CLOSE_ONES]
    assert close.who_id == person(window, "Fleur").id
    assert (close.what, close.when) == ("Gaat zaterdag mee wandelen", "zaterdag")
    [professional] = groups[Actor.PROFESSIONALS]
    assert atlas.node(professional.who_id).shown_label == "Buurtsportcoach Ali"
    assert not row.make_person.isVisible()
    assert [r.who.text() for r in card.groups[Actor.CLOSE_ONES].ordered_rows()] == ["Fleur"]

    # Undo everything: the file is byte for byte what it was.
    stack = window.document.undo_stack
    while stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == before
    plan.flush()
    assert "Vaker buiten zijn" not in [c.text.text() for c in plan.ordered_cards()]


def test_a_rename_shows_in_the_action_and_a_deleted_person_keeps_the_typed_name(window, qtbot):
    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    card = new_goal(window, qtbot, plan, "Samen koken")
    qtbot.mouseClick(card.groups[Actor.CLOSE_ONES].add_button, Qt.MouseButton.LeftButton)
    who = focused()
    qtbot.keyClicks(who, "Moe")
    popup = who.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=10_000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), "Kookt zondag samen")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    row = card.groups[Actor.CLOSE_ONES].ordered_rows()[0]
    mother = person(window, "Moeder")
    assert atlas.get(ACTIONS, row.action_id).who_id == mother.id

    # Rename in the groslijst: the Plan view follows, in one redraw.
    window.show_groslijst()
    table_row = window.groslijst.rows[mother.id]
    redraws = plan.redraws
    table_row.setText(0, "Mama")
    qtbot.waitUntil(lambda: row.who.text() == "Mama", timeout=10_000)
    assert plan.redraws == redraws + 1

    # Delete the person on the drawing: the action keeps the name it showed.
    window.view_actions["netwerkintake"].trigger()
    window.scene.clearSelection()
    window.scene.bol_items[mother.id].setSelected(True)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not atlas.has("nodes", mother.id)
    action = atlas.get(ACTIONS, row.action_id)
    assert (action.who, action.who_id) == ("Mama", None)
    open_plan(window, qtbot)
    assert row.who.text() == "Mama"
    assert row.make_person.isVisible()  # it is a typed name again


def test_evaluate_twice_through_the_dialog(window, qtbot):
    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    first = plan.ordered_cards()[0]
    goal_id = first.goal_id
    before = len(evaluations_in_order(atlas, goal_id))
    for date, score, note in (
        (QDate(2031, 3, 1), 2, "Slecht geslapen"),
        (QDate(2031, 6, 1), 4, ""),
    ):
        qtbot.mouseClick(plan.evaluate_button, Qt.MouseButton.LeftButton)
        dialog = plan.last_dialog
        qtbot.waitUntil(dialog.isVisible, timeout=10_000)
        dialog.date.setDate(date)
        part = dialog.part(goal_id)
        assert "dichterbij" in part.choices.button(4).text()  # the words are visible
        qtbot.mouseClick(part.choices.button(score), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(part.note, note)
        buttons = dialog.findChild(QDialogButtonBox)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=10_000)
    found = evaluations_in_order(atlas, goal_id)
    assert len(found) == before + 2
    assert [(e.date, e.score) for e in found[-2:]] == [("2031-03-01", 2), ("2031-06-01", 4)]
    assert atlas.meta.next_evaluation == "2031-09-01"
    qtbot.waitUntil(
        lambda: "1 juni 2031: 4 – dichterbij" in first.evaluations.text(), timeout=10_000
    )
    assert "Slecht geslapen" in first.evaluations.text()
    assert first.chart.points[-2:] == [("2031-03-01", 2), ("2031-06-01", 4)]
    assert first.chart.isVisible()
    # one undo step per evaluation moment
    window.document.undo_stack.undo()
    assert len(evaluations_in_order(atlas, goal_id)) == len(found) - 1
    # client mode: the goals large, the notes out of sight
    size = first.text.font().pointSizeF()
    window.set_client_mode(True)
    assert "Slecht geslapen" not in first.evaluations.text()
    assert first.text.font().pointSizeF() > size


def test_reorder_goals_by_keys_buttons_and_drag_each_one_undo_step(window, qtbot):
    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    start = [g.id for g in goals_in_order(atlas)]
    assert len(start) >= 3
    steps = len(window.document.undo_stack)
    second = plan.card(start[1])
    second.text.setFocus()
    qtbot.waitUntil(second.text.hasFocus, timeout=10_000)
    qtbot.keyClick(second.text, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [g.id for g in goals_in_order(atlas)] == [start[1], start[0], *start[2:]]
    assert second.text.hasFocus()
    assert plan.card(start[1]).number.text() == "1."
    qtbot.mouseClick(plan.card(start[0]).down, Qt.MouseButton.LeftButton)
    assert [g.id for g in goals_in_order(atlas)][:3] == [start[1], start[2], start[0]]
    # a card dropped above the first one goes first
    mime = QMimeData()
    mime.setData(MIME_GOAL, start[0].encode())
    drop = QDropEvent(
        QPointF(50, 1),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    plan.list.dropEvent(drop)
    assert [g.id for g in goals_in_order(atlas)][:3] == [start[0], start[1], start[2]]
    assert len(window.document.undo_stack) == steps + 3
    for _ in range(3):
        window.document.undo_stack.undo()
    assert [g.id for g in goals_in_order(atlas)] == start


def test_more_than_three_active_goals_are_allowed_and_said_gently(window, qtbot):
    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    while sum(g.status == GoalStatus.ACTIVE for g in atlas.items(GOALS)) <= 3:
        new_goal(window, qtbot, plan, "Nog een doel")
    plan.flush()
    assert plan.gentle.isVisible()
    assert "twee of drie" in plan.gentle.text()
    card = plan.ordered_cards()[-1]
    card.status.setCurrentIndex(card.status.findData("reached"))
    card.status.activated.emit(card.status.currentIndex())
    plan.flush()
    assert not plan.gentle.isVisible()


def test_the_plan_redraws_once_per_edit_and_only_when_shown(window, qtbot):
    from netwerkatlas.tools.plan import edits as plan_edits

    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    window.view_actions["netwerkintake"].trigger()
    qtbot.waitUntil(lambda: not plan.isVisible(), timeout=10_000)
    redraws = plan.redraws
    goal = goals_in_order(atlas)[0]
    window.push(plan_edits.edit_goal(atlas, goal.id, text="Beter slapen"))
    window.push(plan_edits.add_action(atlas, goal.id, Actor.SELF, what="Eerder naar bed"))
    QApplication.processEvents()
    assert plan.redraws == redraws  # behind another tab: nothing drawn
    open_plan(window, qtbot)
    assert plan.redraws == redraws + 1
    assert plan.card(goal.id).text.text() == "Beter slapen"
    whats = [r.shown("what") for r in plan.card(goal.id).groups[Actor.SELF].ordered_rows()]
    assert "Eerder naar bed" in whats


def test_in_client_mode_the_evaluation_dialog_has_no_note_field(window, qtbot):
    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    goal_id = plan.ordered_cards()[0].goal_id
    before = len(evaluations_in_order(atlas, goal_id))
    window.set_client_mode(True)
    qtbot.mouseClick(plan.evaluate_button, Qt.MouseButton.LeftButton)
    dialog = plan.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    part = dialog.part(goal_id)
    assert part.choices.button(4).isVisible()  # the scores with their words are there
    assert not part.note.isVisible()
    qtbot.mouseClick(part.choices.button(3), Qt.MouseButton.LeftButton)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    found = evaluations_in_order(atlas, goal_id)
    assert len(found) == before + 1
    assert found[-1].score == 3

    # Out of client mode, the note is back.
    window.set_client_mode(False)
    qtbot.mouseClick(plan.evaluate_button, Qt.MouseButton.LeftButton)
    dialog = plan.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    assert dialog.part(goal_id).note.isVisible()
    dialog.reject()


def goal_with_actions(window, plan, count: int):
    """A new goal with `count` actions in group I, typed in nowhere yet (so painted)."""
    from netwerkatlas.tools.plan import edits as plan_edits

    atlas = window.document.atlas
    window.push(plan_edits.make_goal(atlas, "Meer bewegen"))
    goal = goals_in_order(atlas)[-1]
    for number in range(count):
        window.push(plan_edits.add_action(atlas, goal.id, Actor.SELF, what=f"Stap {number + 1}"))
    card = plan.card(goal.id)
    plan.scroll.ensureWidgetVisible(card)
    return goal, card.groups[Actor.SELF].ordered_rows()


def test_a_painted_row_opens_where_it_is_clicked_and_tab_runs_on_through_the_rows(window, qtbot):
    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    goal, rows = goal_with_actions(window, plan, 3)
    assert [r.shown("what") for r in rows] == ["Stap 1", "Stap 2", "Stap 3"]
    assert not any(r.live for r in rows)
    first, second, third = rows
    qtbot.waitUntil(first.isVisible, timeout=10_000)

    qtbot.mouseClick(first, Qt.MouseButton.LeftButton, pos=first.columns()["what"].center())
    assert first.live and focused() is first.what
    assert first.what.text() == "Stap 1"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is first.when
    qtbot.keyClicks(focused(), "morgen")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # on to the next row, which opens
    assert second.live and focused() is second.who
    assert actions_by_group(atlas, goal.id)[Actor.SELF][0].when == "morgen"
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is first.when
    assert not third.live

    # The painted check box and remove button do what the real ones do, one step each.
    steps = len(window.document.undo_stack)
    qtbot.mouseClick(third, Qt.MouseButton.LeftButton, pos=third.columns()["done"].center())
    assert actions_by_group(atlas, goal.id)[Actor.SELF][2].done
    assert len(window.document.undo_stack) == steps + 1
    plan.flush()
    assert third.is_done and not third.live
    qtbot.mouseClick(third, Qt.MouseButton.LeftButton, pos=third.columns()["remove"].center())
    assert [a.what for a in actions_by_group(atlas, goal.id)[Actor.SELF]] == ["Stap 1", "Stap 2"]


def test_cards_out_of_sight_are_made_when_scrolled_to(window, qtbot):
    from netwerkatlas.tools.plan import edits as plan_edits

    atlas = window.document.atlas
    plan = open_plan(window, qtbot)
    for number in range(6):
        window.push(plan_edits.make_goal(atlas, f"Doel {number}"))
        goal = goals_in_order(atlas)[-1]
        for step in range(12):
            window.push(plan_edits.add_action(atlas, goal.id, Actor.SELF, what=f"Actie {step}"))
    plan.flush()
    cards = plan.cards_in_order()
    assert cards[0].built and not cards[-1].built
    bar = plan.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: cards[-1].built, timeout=10_000)
    last = cards[-1]
    assert last.text.text() == "Doel 5"
    assert len(last.groups[Actor.SELF].rows) == 12
