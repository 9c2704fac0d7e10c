"""One language at a time: every text the main window shows (all tabs, menus, panels, the
details of a bol and of a link) is a message of the chosen language's catalogue, or the
user's own data; never a Dutch text in English or an English one in Dutch."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
)
from tests.windows import example_window

from netwerkatlas import i18n
from netwerkatlas.model import EDGES, NODES
from netwerkatlas.resources import example_path

# Words that are Dutch and no English word: a text in English holding one is not translated.
DUTCH_WORDS = {"bol", "bollen", "kies", "naamloos", "geen", "nieuwe", "verbinding", "cliënt"}


def pattern(text: str) -> str:
    """A message as a pattern: its placeholders match anything; the shortcut "&" and a
    trailing "…" may be gone (Qt leaves them out of an action's tooltip)."""
    text = text.replace("&&", "\0")
    parts = re.split(r"\{[a-z_]*\}", text.replace("&", ""))
    body = "(.+?)".join(re.escape(p).replace("\0", "&") for p in parts)
    return body.removesuffix("…").removesuffix(re.escape("...")) + r"(?:…|\.\.\.)?"


def matcher(code: str) -> re.Pattern[str]:
    forms = {form for forms in i18n.messages(code).values() for form in forms}
    alternatives = sorted((pattern(f) for f in forms if f.strip()), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.DOTALL)


def user_strings(value: object) -> Iterator[str]:
    """Every string in an atlas file: names, notes, goals, the user's own words."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from user_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from user_strings(item)


def texts_of(win) -> set[str]:
    """What the window shows now: labels, buttons, actions and menus, tabs, dock titles,
    headers and rows of lists and tables, choices of combo boxes, placeholders."""
    found: set[str] = set()
    for widget in win.findChildren(QLabel):
        found.add(widget.text())
    for widget in win.findChildren(QAbstractButton):
        found |= {widget.text(), widget.toolTip()}
    for menu in win.findChildren(QMenu):
        found.add(menu.title())
        for action in menu.actions():
            found |= {action.text(), action.toolTip()}
    for action in win.actions() + [a for w in win.findChildren(QMenu) for a in w.actions()]:
        found |= {action.text(), action.toolTip()}
    for bar in win.findChildren(QTabBar):
        found |= {bar.tabText(i) for i in range(bar.count())}
    for dock in win.findChildren(QDockWidget):
        found.add(dock.windowTitle())
    for box in win.findChildren(QGroupBox):
        found.add(box.title())
    for edit in win.findChildren(QLineEdit):
        found.add(edit.placeholderText())
    for combo in win.findChildren(QComboBox):
        found |= {combo.itemText(i) for i in range(combo.count())}
    for view in win.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        try:
            columns = model.columnCount()
        except TypeError:  # a list model has one column and hides the method
            columns = 1
        for column in range(columns):
            found.add(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            for row in range(min(model.rowCount(), 60)):
                found.add(str(model.index(row, column).data() or ""))
    return found


def untranslated(win, code: str) -> list[str]:
    messages = matcher(code)
    own = set(user_strings(json.loads(example_path().read_text(encoding="utf-8"))))
    wrong = set()
    for text in texts_of(win):
        text = text.strip()
        if not re.search(r"[^\W\d_]", text) or text in own:
            continue
        shown = re.sub(r"&(?!&)", "", text)  # the shortcut letter's mark
        pieces = [p for p in re.split(r"\n+| — | · ", shown) if p.strip() and p not in own]
        words = set(re.findall(r"[^\W\d_]+", text.lower()))
        in_catalogue = all(messages.fullmatch(p.strip()) for p in pieces)
        if not in_catalogue or (code == "en" and DUTCH_WORDS & words):
            wrong.add(text)
    return sorted(wrong)


def walk(win, code: str) -> list[str]:
    """Every tab in front in turn, the details of nothing, of a bol and of a link."""
    wrong: set[str] = set()
    atlas = win.document.atlas
    someone = next(n for n in atlas.nodes() if n.shown_label == "Fleur")
    link = next(iter(atlas.edges()))
    for show in (
        lambda: win.details.show_item(None, None),
        lambda: win.details.show_item(NODES, someone.id),
        lambda: win.details.show_item(EDGES, link.id),
    ):
        show()
        for index in range(win.views.count()):
            win.views.setCurrentIndex(index)
            QApplication.processEvents()
            wrong |= set(untranslated(win, code))
    return sorted(wrong)


@pytest.mark.parametrize("code", ["en", "nl"])
def test_every_text_of_the_main_window_is_in_the_chosen_language(
    qtbot, qsettings, tmp_path, monkeypatch, code
):
    monkeypatch.setattr(i18n, "_language", code)
    with example_window(qtbot, qsettings, tmp_path) as win:
        assert walk(win, code) == []


def test_the_walk_finds_a_dutch_text_in_english(qtbot, qsettings, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    with example_window(qtbot, qsettings, tmp_path) as win:
        win.details.title.setText("Kies een bol")
        assert "Kies een bol" in untranslated(win, "en")
        win.details.title.setText("Choose a bol")
        assert "Choose a bol" in untranslated(win, "en")


def test_the_suggestions_are_english_in_english(qtbot, qsettings, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    with example_window(qtbot, qsettings, tmp_path) as win:
        offered = texts_of(win.palette_dock)
        assert {"Sleep", "Housing", "Money"} <= offered
        assert not {"Slapen", "Wonen", "Geld"} & offered
