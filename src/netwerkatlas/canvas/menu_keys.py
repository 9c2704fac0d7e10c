"""Context menus show the key that does the same thing, as the menu bar does.

Who finds "Partner toevoegen…" in a menu should learn that P does it too. The views build their
menus entry by entry; `show_keys` goes over a finished menu (and its submenus) once and puts the
key after each entry that has one, so no view can forget an entry.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from netwerkatlas.i18n import t
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.netwerkintake.edits import DIGIT_SCORES

# translation key of a menu entry -> the key that does the same in that view
MENU_KEYS: dict[str, str] = {
    "canvas.new_bol_here": "N",
    "canvas.rename": "F2",
    "canvas.delete": "Del",
    "canvas.delete_link": "Del",
    "action.fit": "Ctrl+0",
    "action.arrange": "Ctrl+R",
    "genogram.menu.add_partner": "P",
    "genogram.menu.add_child": "K",
    "genogram.menu.add_parent": "O",
    "genogram.menu.add_sibling": "B",
    "genogram.menu.rename": "F2",
    "genogram.menu.remove": "Del",
}


def score_keys() -> dict[str, str]:
    """The score entries (as the score submenus write them) -> the digit that sets that score,
    0 for no score and ! for emphasis: the same keys on the netwerkintake and the
    gebeurteniskaart."""
    keys = {
        f"{score_symbol(score)}   {t(f'score.{score}')}": d for d, score in DIGIT_SCORES.items()
    }
    return {**keys, t("score.none"): "0", t("canvas.emphasis"): "!"}


def key_shown(text: str) -> str:
    """The key after the tab in a menu entry's text ("" when none)."""
    return text.partition("\t")[2]


def show_keys(menu: QMenu) -> QMenu:
    """Put each entry's key after a tab in its text; returns the menu for chaining."""
    keys = {t(key): shortcut for key, shortcut in MENU_KEYS.items()} | score_keys()
    for action in menu.actions():
        if action.menu() is not None:
            show_keys(action.menu())
            continue
        text = action.text()
        if "\t" not in text and text in keys:
            action.setText(f"{text}\t{keys[text]}")
    return menu
