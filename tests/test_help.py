"""A program that explains itself: the manual (F1), the client's name on a new atlas, the keys in
the context menus and tooltips that say what a control does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QToolBar
from tests.windows import example_window

from netwerkatlas.app import help as manual
from netwerkatlas.app import main
from netwerkatlas.canvas.menu_keys import MENU_KEYS, key_shown, score_keys
from netwerkatlas.i18n import t
from netwerkatlas.tools import registry

# --- the manual --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["nl", "en"])
def test_every_page_of_the_manual_is_written_in_both_languages(code):
    for page in manual.page_names():
        path = manual.written_path(page, code)
        assert path.is_file(), f"{page} has no written help in {code}: {path}"
        assert len(path.read_text(encoding="utf-8").split()) > 20


def test_the_start_page_lists_every_view_with_its_shortcut_from_the_registry():
    text = manual.page_markdown(manual.START)
    for instrument in registry.INSTRUMENTS:
        assert f"| {instrument.shortcut} | {t(instrument.title_key)} |" in text
    assert "| F1 |" in text


def press_f1(win) -> None:
    win.views.currentWidget().setFocus()
    QTest.keyClick(win.views.currentWidget(), Qt.Key.Key_F1)


def test_f1_opens_the_manual_on_the_page_of_the_view_in_front(qtbot, window):
    assert window.help_action.shortcut().toString() == "F1"
    assert window.help_action in window.help_menu.actions()
    window.view_genogram_action.trigger()
    press_f1(window)
    qtbot.waitUntil(lambda: getattr(window, "help_window", None) is not None, timeout=10000)
    help_window = window.help_window
    qtbot.waitUntil(help_window.isVisible, timeout=10000)
    assert help_window.page == "genogram"
    shown = help_window.browser.toPlainText()
    assert "Ouder toevoegen" in shown and "Ctrl+2" in shown  # written text, then the registry's
    assert not help_window.isModal()  # one can try it out while reading
    window.view_netwerkintake_action.trigger()
    window.help_action.trigger()
    assert help_window.page == "netwerkintake"
    assert "Nieuwe bol" in help_window.browser.toPlainText()
    help_window.pages.setCurrentRow(0)  # another page from the list
    assert "Ctrl+4" in help_window.browser.toPlainText()
    help_window.close()


def test_the_manual_speaks_english_with_lang_en(qtbot, qsettings, tmp_path):
    from netwerkatlas import i18n

    i18n.set_language("en")
    with example_window(qtbot, qsettings, tmp_path) as win:
        win.view_genogram_action.trigger()
        win.help_action.trigger()
        shown = win.help_window.browser.toPlainText()
        assert "Add a parent" in shown and "Ouder" not in shown
        assert win.help_window.windowTitle().startswith("Manual")
        win.help_window.close()


# --- the client's name on a new atlas ------------------------------------------------------------


def name_dialog(qtbot, win):
    qtbot.waitUntil(lambda: getattr(win, "client_name_dialog", None) is not None, timeout=10000)
    dialog = win.client_name_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10000)
    return dialog


def test_a_new_atlas_asks_the_clients_name_first(qtbot, window):
    window.new_action.trigger()
    dialog = name_dialog(qtbot, window)
    assert dialog.field.hasFocus() or dialog.field.isVisible()
    QTest.keyClicks(dialog.field, "S.B.")
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.atlas.client.label == "S.B.", timeout=10000)
    assert not dialog.isVisible()
    # the name is the new atlas's first state: nothing to save, nothing to undo
    assert not window.document.is_modified
    assert not window.undo_action.isEnabled()
    client = window.document.atlas.client_id
    assert window.scene.bol_items[client].label_lines  # drawn with the name
    assert list(window.scene.bol_items) == [client]


def test_enter_with_nothing_skips_the_name(qtbot, window):
    window.new_action.trigger()
    dialog = name_dialog(qtbot, window)
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert window.document.atlas.client.label == "Cliënt"
    assert not window.document.is_modified


def test_skip_button_leaves_the_client_as_it_is(qtbot, window):
    window.new_action.trigger()
    dialog = name_dialog(qtbot, window)
    QTest.keyClicks(dialog.field, "Bram")
    skip = next(b for b in dialog.findChildren(QPushButton) if b.text() == t("client_name.skip"))
    skip.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert window.document.atlas.client.label == "Cliënt"
    assert not window.document.is_modified


def test_escape_skips_too(qtbot, window):
    window.new_action.trigger()
    dialog = name_dialog(qtbot, window)
    QTest.keyClick(dialog.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert window.document.atlas.client.label == "Cliënt"


def test_a_start_without_a_file_asks_the_name_too(qtbot, qsettings, monkeypatch):
    monkeypatch.setattr(main, "make_settings", lambda: qsettings)
    monkeypatch.setattr(main.single_instance, "serve", lambda *a, **k: None)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    made = []
    opened = main.open_window
    monkeypatch.setattr(
        main, "open_window", lambda *a, **k: made.append(opened(*a, **k)) or made[-1]
    )
    assert main.run_app(None) == 0
    (win,) = made
    try:
        dialog = name_dialog(qtbot, win)
        QTest.keyClicks(dialog.field, "Noor")
        QTest.keyClick(dialog.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.document.atlas.client.label == "Noor", timeout=10000)
        assert not win.document.is_modified
    finally:
        win.document.undo_stack.set_clean()
        win.close()


def test_an_opened_file_is_not_asked_for_a_name(qtbot, window):
    assert getattr(window, "client_name_dialog", None) is None


# --- keys in the context menus, tooltips that say what a control does ---------------------------


def menu_popped_by(show: Callable[[], object]) -> QMenu:
    """The menu that `show` pops up, as a user would see it (then closed)."""
    caught: list[QMenu] = []

    def catch() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and not caught:
            caught.append(menu)
            menu.close()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(catch)
    timer.start()
    show()
    catch()  # a menu shown with popup() is open now
    timer.stop()
    assert caught, "a menu opened"
    return caught[0]


def open_menu(view, scene_point: QPointF) -> QMenu:
    """Right-click at `scene_point` as a user would; the menu that pops up (then closed)."""
    pos = view.mapFromScene(scene_point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.mapToGlobal(pos))
    return menu_popped_by(lambda: QApplication.sendEvent(view.viewport(), event))


def entries(menu: QMenu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from entries(action.menu())
        elif action.text():
            yield action


def keyed(menu: QMenu) -> dict[str, str]:
    """Each entry that has a key in this view, by its text without the key -> the key shown."""
    words = {t(key): key for key in MENU_KEYS} | score_keys()
    found = {}
    for action in entries(menu):
        text = action.text().partition("\t")[0]
        if text in words or key_shown(action.text()):
            found[text.replace("&", "")] = key_shown(action.text())
    return found


def drawn_points(view):
    """An empty spot and the centre of everything one can take hold of in the view."""
    scene = view.scene()
    points = [scene.sceneRect().topLeft() + QPointF(5, 5)]
    items = getattr(scene, "bol_items", None) or scene.handles
    points += [item.sceneBoundingRect().center() for item in list(items.values())[:6]]
    return points


@pytest.mark.parametrize(
    "example,name",
    [
        ("", "netwerkintake"),
        ("genogram-familie-de-boer", "genogram"),
        ("ecogram-freek", "ecogram"),
        ("", "netwerkcirkel"),
        ("", "gebeurteniskaart"),
    ],
)
def test_every_context_menu_entry_with_a_key_shows_it(
    qtbot, qsettings, tmp_path, monkeypatch, example, name
):
    with example_window(qtbot, qsettings, tmp_path, example) as win:
        win.views.show_instrument(name)
        view = win.views.tab(name).widget
        view.fit_all()
        for point in drawn_points(view):
            menu = open_menu(view, point)
            for text, key in keyed(menu).items():
                assert key, f"{name}: '{text}' has a key but the menu does not show it"


def test_the_genogram_menu_shows_p_k_o_b_f2_and_del(qtbot, qsettings, tmp_path, monkeypatch):
    with example_window(qtbot, qsettings, tmp_path, "genogram-familie-de-boer") as win:
        win.views.show_instrument("genogram")
        view = win.genogram_view
        view.fit_all()
        client = win.document.atlas.client_id
        point = win.genogram_scene.handles[client].sceneBoundingRect().center()
        shown = {key_shown(a.text()) for a in entries(open_menu(view, point))}
        assert {"P", "K", "O", "B", "F2", "Del"} <= shown


def test_the_netwerkintake_menus_show_their_keys(qtbot, window, monkeypatch):
    atlas = window.document.atlas
    theme = next(n for n in atlas.nodes() if n.kind == "theme")
    point = QPointF(*atlas.position("netwerkintake", theme.id))
    shown = {key_shown(a.text()) for a in entries(open_menu(window.view, point))}
    assert {"F2", "Del", "1", "5", "0", "!"} <= shown  # the score digits too
    empty = open_menu(window.view, QPointF(-2000, -2000))
    assert {key_shown(a.text()) for a in entries(empty)} >= {"N", "Ctrl+R", "Ctrl+0"}


def test_no_canvas_item_tooltip_is_just_its_label(qtbot, qsettings, tmp_path):
    for example in ("", "genogram-familie-de-boer", "ecogram-freek"):
        (tmp_path / (example or "sanne")).mkdir()
        with example_window(qtbot, qsettings, tmp_path / (example or "sanne"), example) as win:
            labels = {node.shown_label for node in win.document.atlas.nodes()}
            for tab in win.views.tabs.values():
                if not hasattr(tab.scene, "items"):
                    continue
                for item in tab.scene.items():
                    tip = item.toolTip()
                    assert tip not in labels or not tip, f"{tab.instrument.name}: tooltip '{tip}'"
            bol = next(iter(win.scene.bol_items.values()))
            assert "verbinden" in bol.toolTip()


def test_every_toolbar_button_says_what_it_does(window):
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            if action.isSeparator() or not action.text():
                continue
            name = action.text().replace("&", "").partition("\t")[0].rstrip("…")
            tip = action.toolTip().replace("&", "")
            assert tip and tip != name and len(tip) > len(name), f"'{name}': tooltip '{tip}'"


def test_the_netwerkintake_list_menu_shows_the_score_keys(qtbot, window):
    window.list_dock.show()
    window.list_dock.raise_()
    theme = next(n for n in window.document.atlas.nodes() if n.kind == "theme")
    qtbot.waitUntil(lambda: window.list.isVisible(), timeout=10000)
    window.list.select_ids([theme.id])
    menu = menu_popped_by(lambda: window.list._context_menu(window.list.viewport().rect().center()))
    shown = {key_shown(action.text()) for action in entries(menu)}
    assert {"1", "3", "5", "0", "Del"} <= shown
