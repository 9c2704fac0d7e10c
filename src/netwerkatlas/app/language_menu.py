"""Which language the program speaks: chosen in Beeld → Taal, remembered per user, and at
first the system's (Dutch when that is neither Dutch nor English). --lang still wins.

A new choice applies at the next start: every window, menu and message would otherwise have
to be built again, and half-translated windows are worse than a restart.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from netwerkatlas import i18n
from netwerkatlas.i18n import LANGUAGES, t

SETTINGS_KEY = "language"


def system_language(system: QLocale | None = None) -> str:
    code = (system or QLocale.system()).name()[:2].lower()
    return code if code in LANGUAGES else "nl"


def saved_language(settings: QSettings) -> str | None:
    value = str(settings.value(SETTINGS_KEY, "") or "")
    return value if value in LANGUAGES else None


def choose_language(settings: QSettings, system: QLocale | None = None) -> str:
    """Set the language for this run: --lang (already set) or NETWERKATLAS_LANG first, then
    the user's choice, then the system's."""
    if i18n._language is not None:
        return i18n.language()
    wanted = os.environ.get("NETWERKATLAS_LANG", "").lower()[:2]
    if wanted not in LANGUAGES:
        wanted = saved_language(settings) or system_language(system)
    i18n.set_language(wanted)
    return wanted


def restart_note() -> str:
    """The note that the new language comes at the next start, in both languages: the user
    may have just picked the one they read."""
    return "\n\n".join(i18n.translations(code).gettext("language.restart") for code in LANGUAGES)


class LanguageActions:
    """Beeld → Taal: one radio item per language, each named in its own language."""

    def __init__(self, window: QMainWindow, menu: QMenu, settings: QSettings) -> None:
        self.window = window
        self.settings = settings
        self.menu = menu.addMenu(t("menu.language"))
        self.group = QActionGroup(window)
        self.group.setExclusive(True)
        chosen = saved_language(settings) or i18n.language()
        self.actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = QAction(i18n.translations(code).gettext(f"language.{code}"), window)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _=False, code=code: self.choose(code))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action

    def choose(self, code: str) -> None:
        self.settings.setValue(SETTINGS_KEY, code)
        self.settings.sync()
        self.actions[code].setChecked(True)
        if code != i18n.language():  # back to the language in use needs no restart
            QMessageBox.information(self.window, t("menu.language_title"), restart_note())
