"""Where the main window opens and how big: fitted to the screen the first time, then as the
user left it (size, place, and the panels' layout), remembered per user.

A fixed 1280×860 put the bottom tabs and the status bar off a 1366×768 laptop screen. Now a
small screen (below SMALL) gets the window maximised; a larger one gets most of it, centred.
A remembered place that is no longer on any screen (a second monitor unplugged) is not used.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

SMALL = (1500, 950)  # a screen narrower or lower than this: maximised
SHARE = 0.86  # of a larger screen's available area
GEOMETRY, STATE = "window/geometry", "window/state"


def _available(window: QMainWindow) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, 1280, 720)


def _on_some_screen(rect: QRect) -> bool:
    return any(s.availableGeometry().intersects(rect) for s in QGuiApplication.screens())


def place(window: QMainWindow, settings: QSettings) -> bool:
    """Size and place `window` before it is shown; True when it should open maximised."""
    geometry = settings.value(GEOMETRY)
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
        state = settings.value(STATE)
        if isinstance(state, QByteArray):
            window.restoreState(state)
        if _on_some_screen(window.frameGeometry()):
            return window.isMaximized()
    available = _available(window)
    if available.width() < SMALL[0] or available.height() < SMALL[1]:
        window.resize(min(1280, available.width()), min(720, available.height()))
        return True
    width, height = round(available.width() * SHARE), round(available.height() * SHARE)
    window.resize(width, height)
    window.move(
        available.x() + (available.width() - width) // 2,
        available.y() + (available.height() - height) // 2,
    )
    return False


def show(window: QMainWindow, settings: QSettings) -> None:
    """Show `window` where `place` puts it."""
    if place(window, settings):
        window.showMaximized()
    else:
        window.show()


def remember(window: QMainWindow, settings: QSettings) -> None:
    """Keep the window's size, place and panel layout for the next start."""
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(STATE, window.saveState())
