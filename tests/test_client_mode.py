"""Client mode protects: no note in sight in any view, no professional panel, and it is left only
by a deliberate action (a long press on its button, or Ctrl+Shift+K)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidget,
    QWidget,
)
from tests.readable_probe import read
from tests.windows import shown_window

from netwerkatlas.app.client_mode import LEAVE_CHORD, LEAVE_HOLD_MS
from netwerkatlas.i18n import t
from netwerkatlas.tools import registry

MARK = "GEHEIM"


def _mark(data, path: list[str], counter: list[int]) -> None:
    """Put a marker text in every field at `path` (lists are walked through)."""
    if isinstance(data, list):
        for each in data:
            _mark(each, path, counter)
    elif isinstance(data, dict) and path:
        head, rest = path[0], path[1:]
        if head not in data:
            return
        if rest:
            _mark(data[head], rest, counter)
        else:
            counter[0] += 1
            data[head] = f"{MARK}{counter[0]} staat in de notitie van de behandelaar"


def marked_copy(tmp_path, name: str):
    """A copy of example `name` with a marker in every field client mode must hide."""
    from netwerkatlas.resources import example_path

    data = json.loads(example_path(name).read_text(encoding="utf-8"))
    counter = [0]
    for field in registry.client_mode_hidden():
        _mark(data, field.split("."), counter)
    assert counter[0] > 0
    path = tmp_path / f"marked-{name}.netwerkatlas"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(params=["netwerkintake-sanne", "ecogram-freek"])
def marked(request, qtbot, qsettings, tmp_path):
    with shown_window(qtbot, marked_copy(tmp_path, request.param), qsettings, (1366, 768)) as win:
        yield win


def _item_texts(view: QAbstractItemView) -> list[str]:
    if isinstance(view, QTreeWidget):
        found, todo = [], [view.invisibleRootItem()]
        while todo:
            item = todo.pop()
            for index in range(item.childCount()):
                child = item.child(index)
                todo.append(child)
                found += [
                    child.text(c) for c in range(view.columnCount()) if not view.isColumnHidden(c)
                ]
        return found
    model = view.model()
    if model is None:
        return []
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    return [
        str(model.index(r, c, root).data() or "")
        for r in range(model.rowCount(root))
        for c in range(columns)
        if not (hasattr(view, "isColumnHidden") and view.isColumnHidden(c))
    ]


def visible_texts(win) -> list[str]:
    """Every text a person at the table can see: widgets, drawn items and drawings."""
    found = [win.windowTitle(), win.statusBar().currentMessage()]
    for widget in win.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found.append(widget.currentText())
        if isinstance(widget, QAbstractItemView):
            found += _item_texts(widget)
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            scene = widget.scene()
            for item in scene.items():
                if item.isVisible():
                    found.append(item.toolTip())
                    if isinstance(item, (QGraphicsTextItem,)):
                        found.append(item.toPlainText())
                    elif isinstance(item, QGraphicsSimpleTextItem):
                        found.append(item.text())
            drawing = getattr(scene, "drawing", None)
            if drawing is not None and hasattr(drawing, "texts"):
                found += drawing.texts()
    return found


def shown_notes(win) -> list[str]:
    return [text for text in visible_texts(win) if MARK in text]


def every_view(win):
    for name in win.views.tabs:
        win.views.show_instrument(name)
        win.current_view().fit_all()
        yield name


def test_no_note_in_sight_in_any_view_in_client_mode(marked, qtbot):
    seen_before = {name: bool(shown_notes(marked)) for name in every_view(marked)}
    assert any(seen_before.values())  # the professional sees the notes
    marked.client_mode_action.trigger()
    assert marked.client_mode
    for name in every_view(marked):
        assert shown_notes(marked) == [], f"{name} shows a note in client mode"


def test_the_ecogram_cards_show_names_without_notes(qtbot, qsettings, tmp_path):
    from netwerkatlas.app.main import open_window

    win = open_window(str(marked_copy(tmp_path, "ecogram-freek")), qsettings)
    try:
        scene = win.ecogram_scene
        assert any(MARK in text for text in scene.drawing.texts())
        win.set_client_mode(True)
        texts = scene.drawing.texts()
        assert texts and not any(MARK in text for text in texts)
        names = [win.document.atlas.node(p).shown_label for p in scene.drawing.cards]
        assert names and all(name in " ".join(texts) for name in names)  # the names stay
    finally:
        win.document.undo_stack.set_clean()
        win.close()


def professional_docks(win) -> list[QDockWidget]:
    return [d for d in win.findChildren(QDockWidget) if d is not win.palette_dock]


def test_professional_panels_stay_hidden_whatever_is_tapped(window, qtbot):
    window.groslijst_dock.show()
    window.set_client_mode(True)
    assert all(not dock.isVisible() for dock in professional_docks(window))
    window.groslijst_action.trigger()  # View → Groslijst, Ctrl+5
    window.show_groslijst()
    for dock in professional_docks(window):
        dock.toggleViewAction().trigger()  # View → Panels
    assert all(not dock.isVisible() for dock in professional_docks(window))
    window.details_dock.show()  # shown by any other way: hidden again at once
    assert not window.details_dock.isVisible()
    assert not window.groslijst.table.isColumnHidden(0)
    from netwerkatlas.tools.groslijst.list_view import NOTE

    assert window.groslijst.table.isColumnHidden(NOTE)


def client_button(win):
    return win.toolbar.widgetForAction(win.client_mode_action)


def test_a_tap_enters_and_a_tap_does_not_leave_but_hints(window, qtbot):
    button = client_button(window)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.client_mode
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.client_mode
    hint = t("client_mode.leave_hint", chord=LEAVE_CHORD)
    shown = window.findChild(QLabel, "client_mode_hint")
    assert shown.isVisible() and shown.text() == hint
    window.client_switch.hint_timer.timeout.emit()  # a few seconds later
    assert not shown.isVisible()
    assert "ingedrukt" in hint
    window.client_mode_action.trigger()  # F11 or the menu item
    assert window.client_mode and window.client_mode_action.isChecked()


def test_a_long_press_leaves_and_the_panels_come_back(window, qtbot):
    window.details_dock.show()
    qtbot.mouseClick(client_button(window), Qt.MouseButton.LeftButton)
    assert window.client_mode and not window.details_dock.isVisible()
    button = client_button(window)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    switch = window.client_switch
    assert switch.hold_timer.isActive() and switch.hold_timer.interval() >= 2000
    switch.hold_timer.timeout.emit()  # held for the full two seconds
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert not window.client_mode  # and the release did not enter it again
    assert window.details_dock.isVisible()
    assert window.groslijst_action.isEnabled()


def test_a_short_press_is_measured_by_its_hold(window):
    window.set_client_mode(True)
    window.client_switch.release_after(LEAVE_HOLD_MS // 2)
    assert window.client_mode
    window.client_switch.release_after(LEAVE_HOLD_MS)
    assert not window.client_mode


def test_the_key_chord_leaves(window, qtbot):
    window.set_client_mode(True)
    leave = window.client_switch.leave_action
    assert leave.shortcut() == QKeySequence("Ctrl+Shift+K")
    assert leave in window.actions()  # a shortcut of the window, menus or not
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window.current_view(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.client_mode  # Ctrl+K alone is no way out
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.current_view(), Qt.Key.Key_K, keys)
    qtbot.waitUntil(lambda: not window.client_mode, timeout=5000)


def test_the_view_and_targets_grow_in_client_mode(window, qtbot):
    for name in ("netwerkintake", "ecogram"):
        window.views.show_instrument(name)
        view = window.current_view()
        view.fit_all()
        before = view.width(), view.height(), read(view, name)
        window.set_client_mode(True)
        qtbot.waitUntil(
            lambda v=view, b=before: v.width() >= b[0] and v.height() >= b[1], timeout=5000
        )
        view.fit_all()
        after = read(view, name)  # what is drawn, and its text, is no smaller on screen
        assert after.fill >= before[2].fill * 0.999
        assert after.smallest_pt >= before[2].smallest_pt * 0.999
        window.set_client_mode(False)
    window.set_client_mode(True)
    millimetre = window.logicalDpiX() / 25.4
    button = client_button(window)
    assert min(button.minimumWidth(), button.minimumHeight()) >= 12 * millimetre


def test_started_from_the_command_line_in_client_mode(qtbot, qsettings, tmp_path):
    from netwerkatlas.app import single_instance
    from netwerkatlas.app.main import _open_asked
    from netwerkatlas.resources import example_path

    path = tmp_path / "sanne.netwerkatlas"
    path.write_bytes(example_path().read_bytes())
    win = _open_asked(single_instance.Request(str(path), False, True), qsettings)
    try:
        assert win.client_mode
        assert all(not dock.isVisible() for dock in professional_docks(win))
    finally:
        win.document.undo_stack.set_clean()
        win.close()


def test_a_tab_that_hides_fields_must_take_the_switch(qtbot, monkeypatch):
    """A later view that declares professional fields cannot forget set_client_mode."""
    from netwerkatlas.app.view_tabs import ViewTabs
    from netwerkatlas.model import Atlas, AtlasMeta, ClientNode

    assert "plans.body.meetings.minutes" in registry.client_mode_hidden()
    assert set(registry.ALWAYS_HIDDEN) <= set(registry.client_mode_hidden())
    forgetful = registry.Instrument(
        name="later",
        title_key="view.later",
        action_key="action.view_later",
        shortcut="",
        qt_view=lambda atlas, push, parent: (None, QWidget(parent)),
        client_mode_hides=("plans.body.secrets",),
    )
    monkeypatch.setattr(registry, "INSTRUMENTS", (forgetful,))
    atlas = Atlas(ClientNode(id="client", label="Sanne"), AtlasMeta(id="meta", title="t"))
    tabs = ViewTabs(atlas, lambda command: None, None)
    qtbot.addWidget(tabs)
    with pytest.raises(TypeError, match="set_client_mode"):
        tabs.tab("later").widget  # noqa: B018 - made now


def menu_actions(menu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from menu_actions(action.menu())
        elif not action.isSeparator():
            yield action


def test_nothing_in_the_view_menu_brings_a_note_back(marked, qtbot):
    """Every item of Beeld a client could tap, one after the other: still in client mode,
    no professional panel, no note in sight."""
    marked.client_mode_action.trigger()
    # Beeld → Taal asks for a restart in a message box of its own and shows no note
    languages = set(marked.languages.menu.actions())
    for action in list(menu_actions(marked.view_menu)):
        if action.isEnabled() and action not in languages:
            action.trigger()
    assert marked.client_mode
    assert all(not dock.isVisible() for dock in professional_docks(marked))
    assert shown_notes(marked) == []
