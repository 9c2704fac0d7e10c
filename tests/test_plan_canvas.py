"""The plan and the drawing: a goal made from bollen chosen on the canvas, bollen dropped on a
goal card, and the goal markers on the canvas and on the poster, hidden with Beeld → Doelen
verbergen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication
from tests.windows import person

from netwerkatlas.app.plan_common import MIME_NODES
from netwerkatlas.model import GOALS
from netwerkatlas.tools.netwerkintake.drawing import NetwerkintakeDrawing
from netwerkatlas.tools.plan.order import goals_in_order


def click_bol(win, qtbot, node_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    item = win.scene.bol_items[node_id]
    point = win.view.mapFromScene(item.pos())
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def make_goal_from(win, qtbot, labels: list[str], text: str):
    """Choose the bollen on the canvas, Plan → Doel maken van…, type the client's words."""
    win.view_actions["netwerkintake"].trigger()
    win.view.fit_all()
    ids = [person(win, label).id for label in labels]
    click_bol(win, qtbot, ids[0])
    for node_id in ids[1:]:
        click_bol(win, qtbot, node_id, Qt.KeyboardModifier.ControlModifier)
    assert sorted(win.scene.selected_ids()) == sorted(ids)
    win.plan.goal_from_selection_action.trigger()
    plan = win.views.tab("plan").widget
    assert win.views.currentWidget() is plan
    card = plan.ordered_cards()[-1]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.text, timeout=10_000)
    qtbot.keyClicks(card.text, text)
    qtbot.keyClick(card.text, Qt.Key.Key_Return)
    return ids, card


def test_a_goal_made_from_two_selected_bollen_is_marked_on_canvas_and_poster(window, qtbot):
    atlas = window.document.atlas
    ids, card = make_goal_from(window, qtbot, ["Voetbal", "Trainer Kim"], "Weer voetballen")
    goal = next(g for g in atlas.items(GOALS) if g.text == "Weer voetballen")
    assert set(goal.node_ids) == set(ids)
    assert sorted(card.chip_texts()) == ["Trainer Kim", "Voetbal"]
    number = len(goals_in_order(atlas))
    assert card.number.text() == f"{number}."
    for node_id in ids:
        assert str(number) in window.scene.bol_items[node_id].goal_marker.split("·")
    drawing = NetwerkintakeDrawing(atlas)
    assert str(number) in drawing.texts()
    legend = [entry.label for entry in drawing.legend()]
    assert f"{number}. Weer voetballen" in legend

    # Beeld → Doelen verbergen: the markers go, the goal stays.
    window.plan.hide_goals_action.trigger()
    assert all(item.goal_marker == "" for item in window.scene.bol_items.values())
    assert atlas.has(GOALS, goal.id)
    hidden = NetwerkintakeDrawing(atlas, show_goals=False)
    assert str(number) not in hidden.texts()
    assert f"{number}. Weer voetballen" not in [e.label for e in hidden.legend()]
    window.plan.hide_goals_action.trigger()
    assert str(number) in window.scene.bol_items[ids[0]].goal_marker.split("·")

    # Undo the goal: its markers go with it.
    while atlas.has(GOALS, goal.id):
        window.document.undo_stack.undo()
    assert all(str(number) not in item.goal_marker for item in window.scene.bol_items.values())


def test_a_bol_dropped_on_a_goal_card_joins_the_goal(window, qtbot):
    atlas = window.document.atlas
    window.view_actions["plan"].trigger()
    plan = window.views.tab("plan").widget
    card = plan.ordered_cards()[0]
    goal_nodes = {n for g in atlas.items(GOALS) for n in g.node_ids}
    bol = next(n for n in atlas.nodes() if n.id not in goal_nodes and n.id != atlas.client_id)
    bol_id = bol.id
    mime = QMimeData()
    mime.setData(MIME_NODES, bol_id.encode())
    drop = QDropEvent(
        QPointF(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    card.dropEvent(drop)
    assert bol_id in atlas.get(GOALS, card.goal_id).node_ids
    qtbot.waitUntil(lambda: bol.shown_label in card.chip_texts(), timeout=10_000)
    assert window.scene.bol_items[bol_id].goal_marker == "1"
    window.document.undo_stack.undo()
    assert bol_id not in atlas.get(GOALS, card.goal_id).node_ids
    assert window.scene.bol_items[bol_id].goal_marker == ""


def test_english_words_in_the_plan(window, qtbot, monkeypatch):
    from netwerkatlas import i18n
    from netwerkatlas.app.plan_view import PlanView

    monkeypatch.setattr(i18n, "_language", "en")
    plan = PlanView(window.document.atlas, window.push)
    plan.show()
    qtbot.addWidget(plan)
    plan.flush()
    assert plan.new_goal_button.text() == "New goal"
    card = plan.ordered_cards()[0]
    assert "I. What I do myself" in card.groups[next(iter(card.groups))].title.text()
    assert plan.count.text().startswith("Active goals")


def test_make_goal_from_the_canvas_context_menu(window, qtbot):
    atlas = window.document.atlas
    window.view_actions["netwerkintake"].trigger()
    window.view.fit_all()
    ids = [person(window, "Schulden").id, person(window, "Wonen").id]
    click_bol(window, qtbot, ids[0])
    click_bol(window, qtbot, ids[1], Qt.KeyboardModifier.ControlModifier)
    item = window.scene.bol_items[ids[1]]
    menu = window.view.context_menu(item.pos())
    [action] = [a for a in menu.actions() if a.text() == "Doel maken van…"]
    count = len(atlas.items(GOALS))
    action.trigger()
    assert len(atlas.items(GOALS)) == count + 1
    goal = goals_in_order(atlas)[-1]
    assert set(goal.node_ids) == set(ids)
    assert window.views.currentWidget() is window.views.tab("plan").widget


def free_bol(win):
    """A bol (not the client) that no goal is about yet."""
    atlas = win.document.atlas
    goal_nodes = {n for g in atlas.items(GOALS) for n in g.node_ids}
    return next(n for n in atlas.nodes() if n.id not in goal_nodes and n.id != atlas.client_id)


def move_on_viewport(win, point: QPoint) -> None:
    """A mouse move with the left button held, as the viewport gets it (also outside it)."""
    viewport = win.view.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(viewport.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def test_a_bol_dragged_off_the_canvas_goes_through_the_plan_tab_onto_a_goal_card(
    window, qtbot, monkeypatch
):
    atlas = window.document.atlas
    window.view_actions["netwerkintake"].trigger()
    window.view.fit_all()
    bol = free_bol(window)
    item = window.scene.bol_items[bol.id]
    where = QPointF(item.pos())
    steps = len(window.document.undo_stack)
    drags = []
    monkeypatch.setattr(window.view, "exec_drag", drags.append)

    # Press on the bol, move it a little (it moves live), then past the top of the canvas.
    start = window.view.mapFromScene(item.pos())
    qtbot.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    move_on_viewport(window, start + QPoint(30, 10))
    assert item.pos() != where
    move_on_viewport(window, QPoint(start.x(), -25))
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, pos=start)

    [drag] = drags
    mime = drag.mimeData()
    assert bytes(mime.data(MIME_NODES)).decode() == bol.id
    assert item.pos() == where  # the move was called off: back in place, no undo step
    assert len(window.document.undo_stack) == steps
    assert atlas.views["netwerkintake"].positions[bol.id] == (where.x(), where.y())

    # Held over the Plan tab, the drag brings the Plan to the front.
    tabs = window.views
    bar = tabs.tabBar()
    plan = tabs.tab("plan").widget
    over = QPointF(bar.tabRect(tabs.indexOf(plan)).center())
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = kind(
            over.toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(bar, event)
    assert tabs.hover_timer.isActive()
    tabs.hover_timer.timeout.emit()  # the pause over the tab, without waiting for it
    assert tabs.currentWidget() is plan

    # Dropped on the first card: the bol joins that goal, one undo step.
    card = plan.ordered_cards()[0]
    enter = QDragEnterEvent(
        QPoint(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(card, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(card, drop)
    assert bol.id in atlas.get(GOALS, card.goal_id).node_ids
    qtbot.waitUntil(lambda: bol.shown_label in card.chip_texts(), timeout=10_000)
    assert len(window.document.undo_stack) == steps + 1


def test_a_drag_that_stays_on_the_canvas_still_just_moves_the_bol(window, qtbot, monkeypatch):
    window.view_actions["netwerkintake"].trigger()
    window.view.fit_all()
    item = window.scene.bol_items[free_bol(window).id]
    where = QPointF(item.pos())
    drags = []
    monkeypatch.setattr(window.view, "exec_drag", drags.append)
    start = window.view.mapFromScene(item.pos())
    qtbot.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    move_on_viewport(window, start + QPoint(40, 20))
    qtbot.mouseRelease(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 20)
    )
    assert drags == []
    assert item.pos() != where


def test_add_bollen_to_an_existing_goal_from_the_canvas_context_menu(window, qtbot):
    atlas = window.document.atlas
    window.view_actions["netwerkintake"].trigger()
    window.view.fit_all()
    bol = free_bol(window)
    goal = goals_in_order(atlas)[1]
    click_bol(window, qtbot, bol.id)
    menu = window.view.context_menu(window.scene.bol_items[bol.id].pos())
    [submenu] = [a.menu() for a in menu.actions() if a.text() == "Aan doel toevoegen"]
    entries = submenu.actions()
    assert [a.text().split(". ")[0] for a in entries] == [
        str(i) for i in range(1, len(goals_in_order(atlas)) + 1)
    ]
    [entry] = [a for a in entries if a.text().startswith("2. ")]
    assert goal.text[:20] in entry.text()
    steps = len(window.document.undo_stack)
    entry.trigger()
    assert bol.id in atlas.get(GOALS, goal.id).node_ids
    assert window.scene.bol_items[bol.id].goal_marker == "2"
    assert window.views.currentWidget() is window.view  # the drawing stays in front
    assert len(window.document.undo_stack) == steps + 1
    # Asked again, the goal it is already in is greyed out.
    menu = window.view.context_menu(window.scene.bol_items[bol.id].pos())
    [submenu] = [a.menu() for a in menu.actions() if a.text() == "Aan doel toevoegen"]
    assert not next(a for a in submenu.actions() if a.text().startswith("2. ")).isEnabled()
    window.document.undo_stack.undo()
    assert bol.id not in atlas.get(GOALS, goal.id).node_ids
