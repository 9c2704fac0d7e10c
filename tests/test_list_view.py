"""The list view of the netwerkintake: the same atlas as the canvas, edited the same way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit
from tests.test_canvas_editing import bol_named, click, position

from netwerkatlas import io
from netwerkatlas.commands import AddItem, RemoveItem, UndoStack, UpdateItem
from netwerkatlas.model import NodeKind, ThemeNode
from netwerkatlas.resources import example_path
from netwerkatlas.tools.netwerkintake import edits
from netwerkatlas.tools.netwerkintake.list_view import NAME, NOTE, PRIVATE, SCORE, NetwerkintakeList


@pytest.fixture
def setup(qtbot):
    atlas, _ = io.load(example_path())
    stack = UndoStack(atlas)
    view = NetwerkintakeList(atlas, stack.push)
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    qtbot.waitExposed(view)
    return atlas, stack, view


def row_of(view, atlas, label):
    node = next(n for n in atlas.nodes() if n.label == label)
    return node, view.rows[node.id]


def select(view, row):
    view.clearSelection()
    view.setCurrentItem(row)
    row.setSelected(True)
    view.setFocus()


def test_every_bol_but_the_client_is_listed_by_kind_with_its_score(setup):
    atlas, _, view = setup
    others = [n for n in atlas.nodes() if n.kind != NodeKind.CLIENT]
    assert set(view.rows) == {n.id for n in others}
    for node in others:
        row = view.rows[node.id]
        assert row.text(NAME) == node.label
        assert row.parent() is view.groups[node.kind]
    node, row = row_of(view, atlas, "Slapen")
    assert row.text(SCORE) == "−−"
    assert row.checkState(PRIVATE) == Qt.CheckState.Unchecked


def test_keys_in_the_list_score_and_delete_as_on_the_canvas(setup):
    atlas, stack, view = setup
    before = io.dumps(atlas)
    node, row = row_of(view, atlas, "Wonen")
    select(view, row)
    QTest.keyClick(view, Qt.Key.Key_5)
    assert atlas.node(node.id).score == 2 and row.text(SCORE) == "++"
    QTest.keyClicks(view, "-")
    assert atlas.node(node.id).score == 1
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert not atlas.has("nodes", node.id) and node.id not in view.rows
    assert len(stack) == 3
    while stack.can_undo():
        stack.undo()
    assert io.dumps(atlas) == before
    assert view.rows[node.id].text(SCORE) == "−"


def test_renaming_and_notes_typed_in_the_list_are_one_undo_step_each(setup):
    atlas, stack, view = setup
    node, row = row_of(view, atlas, "Wonen")
    row.setText(NAME, "Woonkamer")
    assert atlas.node(node.id).label == "Woonkamer"
    row.setText(NOTE, "Te klein.")
    assert atlas.node(node.id).note == "Te klein."
    assert len(stack) == 2
    row.setText(NAME, "   ")  # refused: a bol keeps a name
    assert atlas.node(node.id).label == "Woonkamer" and row.text(NAME) == "Woonkamer"
    assert len(stack) == 2


def test_checkboxes_set_emphasis_and_private(setup):
    atlas, stack, view = setup
    node, row = row_of(view, atlas, "Wonen")
    row.setCheckState(PRIVATE, Qt.CheckState.Checked)
    assert atlas.node(node.id).private is True
    stack.undo()
    assert atlas.node(node.id).private is False
    assert row.checkState(PRIVATE) == Qt.CheckState.Unchecked


def test_the_list_follows_changes_made_elsewhere(setup):
    _, stack, view = setup
    new = ThemeNode(label="Religie", score=1)
    stack.push(AddItem("nodes", new))
    assert view.rows[new.id].text(NAME) == "Religie"
    assert view.rows[new.id].parent() is view.groups[NodeKind.THEME]
    stack.push(UpdateItem("nodes", new.id, {"label": "Geloof", "score": -1}))
    assert view.rows[new.id].text(NAME) == "Geloof" and view.rows[new.id].text(SCORE) == "−"
    stack.push(RemoveItem("nodes", new.id))
    assert new.id not in view.rows
    stack.undo()
    assert view.rows[new.id].text(NAME) == "Geloof"


def test_sorting_by_score_puts_the_most_negative_first(setup):
    atlas, _, view = setup
    view.sortByColumn(SCORE, Qt.SortOrder.AscendingOrder)
    themes = view.groups[NodeKind.THEME]
    scores = [
        atlas.node(themes.child(i).data(NAME, Qt.ItemDataRole.UserRole)).score
        for i in range(themes.childCount())
    ]
    known = [s for s in scores if s is not None]
    assert known == sorted(known) and known[0] == -2


def test_hiding_scores_hides_the_column_not_the_data(setup):
    atlas, _, view = setup
    before = io.dumps(atlas)
    view.set_show_scores(False)
    assert view.isColumnHidden(SCORE)
    assert io.dumps(atlas) == before


def test_list_and_canvas_select_and_edit_the_same_bollen(window):
    atlas = window.document.atlas
    wonen = bol_named(window, "Wonen")
    click(window.view, position(window, wonen.id))
    assert window.list.selected_ids() == [wonen.id]
    huisarts = bol_named(window, "Huisarts")
    window.list.select_ids([])
    window.list.rows[huisarts.id].setSelected(True)
    assert window.scene.selected_ids() == [huisarts.id]
    window.list.rows[huisarts.id].setText(NAME, "Huisarts Jansen")
    assert window.scene.bol_items[huisarts.id].label == "Huisarts Jansen"
    window.hide_scores_action.trigger()
    assert window.list.isColumnHidden(SCORE)
    assert atlas.node(huisarts.id).label == "Huisarts Jansen"


def test_a_note_with_line_breaks_keeps_them_when_edited_in_the_list(setup, qtbot):
    atlas, stack, view = setup
    node, row = row_of(view, atlas, "Wonen")
    stack.push(edits.set_note(atlas, node.id, "Regel een\nRegel twee"))
    assert row.text(NOTE) == "Regel een Regel twee"  # shown on one line
    view.editItem(row, NOTE)
    editor = view.findChild(QPlainTextEdit)
    assert editor.toPlainText() == "Regel een\nRegel twee"
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, ", te duur.")
    QTest.keyClick(editor, Qt.Key.Key_Tab)  # leave the box: the note is saved
    assert atlas.node(node.id).note == "Regel een\nRegel twee, te duur."
    stack.undo()
    assert atlas.node(node.id).note == "Regel een\nRegel twee"


def test_scores_and_flags_cannot_be_typed_over(setup, qtbot):
    atlas, _, view = setup
    _, row = row_of(view, atlas, "Wonen")
    for column in (SCORE, PRIVATE):
        view.editItem(row, column)
        assert view.state() != QAbstractItemView.State.EditingState


def test_the_list_behind_another_panel_tab_is_filled_when_its_tab_is_clicked(window, qtbot):
    """At the start the Lijst tab is behind Details: its rows wait (a thousand bollen cost the
    start a tenth of a second) and are there as soon as its tab is clicked."""
    from PySide6.QtWidgets import QTabBar

    qtbot.waitExposed(window)
    assert window.list.visibleRegion().isEmpty()
    assert window.list.topLevelItemCount() == 0
    bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible()]
    bar, index = next(
        (bar, i)
        for bar in bars
        for i in range(bar.count())
        if bar.tabText(i) == window.list_dock.windowTitle()
    )
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: window.list.topLevelItemCount() > 0, timeout=10000)
    nodes = [n for n in window.document.atlas.nodes() if n.kind != NodeKind.CLIENT]
    assert len(window.list.rows) == len(nodes)
