"""One of several in a menu (a score, a direction, a variant): radio items, not check boxes.
A check box says "any of these may be on"; a radio item says "this one, instead of the others"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu


def one_of(menu: QMenu) -> QActionGroup:
    """A group whose items exclude each other; Qt draws them as radio items."""
    group = QActionGroup(menu)
    group.setExclusive(True)
    return group


def choice(
    menu: QMenu, group: QActionGroup, text: str, chosen: Callable[[], object], checked: bool
) -> QAction:
    """One radio item of `group` in `menu`, marked when it is the current value."""
    action = menu.addAction(text, chosen)
    action.setCheckable(True)
    action.setChecked(checked)
    group.addAction(action)
    return action
