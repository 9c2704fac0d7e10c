"""The client-mode switch: one tap to enter, a deliberate action to leave.

The client may hold the pen (or the tablet) while the professional looks on. Whatever the
client taps must not bring the professional's notes, details or lists in sight, so leaving
the mode takes what a client does not do by accident: holding the Cliëntmodus button for two
seconds, or a key chord (Ctrl+Shift+K). A normal tap on the button, F11 or the menu item in
client mode only says how to leave.

While the mode is on, every dock but the left panel (suggestions, view help) is hidden and
stays hidden: a dock that is shown anyway (by a shortcut, a menu, a later feature) is hidden
again at once. The actions that would show a professional panel are switched off.

What each view hides is declared with its instrument (`client_mode_hides`, tools/registry.py):
the notes of bollen, links and the atlas everywhere (the ecogram's cards show only names), the
evaluation notes in the Plan, a steungroep meeting's notes on its members and its minutes. The
basisposter, the signaleringsplan and the contactschema are the client's own, made with them:
they stay as they are.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolButton

from netwerkatlas.i18n import t

LEAVE_HOLD_MS = 2000  # how long the Cliëntmodus button is held to leave the mode
LEAVE_CHORD = "Ctrl+Shift+K"
HINT_MS = 4000


class ClientModeSwitch(QObject):
    """Enters client mode on a tap of `window.client_mode_action`; leaves it on a long press of
    its toolbar button or on the chord. `window.set_client_mode(on)` does the switching."""

    def __init__(self, window: QMainWindow, keep: list[QDockWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.keep = keep  # docks a client may see (the suggestions)
        self.action: QAction = window.client_mode_action
        self.action.triggered.connect(self.tapped)
        self.leave_action = QAction(t("action.client_mode_leave"), window)
        self.leave_action.setObjectName("client_mode_leave")
        self.leave_action.setShortcut(QKeySequence(LEAVE_CHORD))
        self.leave_action.triggered.connect(self.leave)
        window.addAction(self.leave_action)  # works with the menu bar out of reach too
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(LEAVE_HOLD_MS)
        self.hold_timer.timeout.connect(self.held)
        self._left_by_hold = False
        self.hidden_docks: list[QDockWidget] = []  # shown before client mode: shown again after
        self.switched_off: list[QAction] = []
        self.last_hint = ""
        self.hint = QLabel(window)
        self.hint.setObjectName("client_mode_hint")
        self.hint.setWordWrap(True)
        self.hint.setMaximumWidth(420)
        self.hint.setMargin(10)
        self.hint.setStyleSheet(
            "background: #fff8e1; color: #3e2f00; border: 1px solid #c9a227; border-radius: 6px;"
        )
        font = self.hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.hint.setFont(font)
        self.hint.hide()
        self.hint_timer = QTimer(self)
        self.hint_timer.setSingleShot(True)
        self.hint_timer.setInterval(HINT_MS)
        self.hint_timer.timeout.connect(self.hint.hide)

    @property
    def on(self) -> bool:
        return bool(getattr(self.window, "client_mode", False))

    def watch_button(self, button: QToolButton) -> None:
        """The toolbar's Cliëntmodus button: pressed and held, it leaves the mode."""
        self.button = button
        button.installEventFilter(self)

    # --- entering and leaving ------------------------------------------------------------------

    def tapped(self, _checked: bool = False) -> None:
        """The action (button tap, F11, menu): enters; in client mode only shows the hint."""
        if not self.on:
            self.enter()
            return
        self.action.setChecked(True)  # a tap toggled it off: the mode stays
        self.show_hint()

    def enter(self) -> None:
        if not self.on:
            self.window.set_client_mode(True)

    def leave(self) -> None:
        self.hint.hide()
        if self.on:
            self.window.set_client_mode(False)

    def held(self) -> None:
        """The button was held long enough: leave, and ignore the release that follows."""
        if self.on:
            self._left_by_hold = True
            self.leave()

    def release_after(self, held_ms: int) -> None:
        """A press of the button let go after `held_ms`: long enough leaves, shorter says how."""
        self.hold_timer.stop()
        if held_ms >= LEAVE_HOLD_MS:
            self.held()
        elif self.on:
            self.show_hint()

    def show_hint(self) -> None:
        """A few seconds, right under the button that was tapped (the status bar is hidden in
        client mode, so the drawing keeps its height)."""
        self.last_hint = t("client_mode.leave_hint", chord=LEAVE_CHORD)
        hint = self.hint
        hint.setText(self.last_hint)
        hint.adjustSize()
        button = getattr(self, "button", None)
        place = QPoint(8, 8)
        if button is not None:
            place = button.mapTo(self.window, QPoint(0, button.height() + 4))
            place.setX(max(8, min(place.x(), self.window.width() - hint.width() - 8)))
        hint.move(place)
        hint.show()
        hint.raise_()
        self.hint_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the button in client mode: a press starts the hold, a release before it is up
        only hints (the action is not triggered), the release after leaving is swallowed."""
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and self.on:
            self._left_by_hold = False
            self.hold_timer.start()
            watched.setDown(True)
            return True
        if kind == QEvent.Type.MouseButtonRelease and (self.on or self._left_by_hold):
            if self.hold_timer.isActive():
                self.hold_timer.stop()
                self.show_hint()
            self._left_by_hold = False
            watched.setDown(False)
            return True
        if kind == QEvent.Type.MouseButtonDblClick and self.on:
            return True
        return super().eventFilter(watched, event)

    # --- what client mode keeps out of sight ----------------------------------------------------

    def professional_docks(self) -> list[QDockWidget]:
        return [d for d in self.window.findChildren(QDockWidget) if d not in self.keep]

    def hide_professional(self, actions: list[QAction]) -> None:
        """Hide every professional dock and switch off `actions` (and the docks' toggles)."""
        docks = self.professional_docks()
        self.hidden_docks = [d for d in docks if d.isVisible()]
        toggles = [d.toggleViewAction() for d in docks]
        self.switched_off = [a for a in (*actions, *toggles) if a.isEnabled()]
        for action in self.switched_off:
            action.setEnabled(False)
        for dock in docks:
            dock.hide()
            dock.visibilityChanged.connect(self._keep_hidden)

    def show_professional(self) -> None:
        """Back as the professional left them."""
        for dock in self.professional_docks():
            with contextlib.suppress(RuntimeError, TypeError):  # not connected
                dock.visibilityChanged.disconnect(self._keep_hidden)
        for action in self.switched_off:
            action.setEnabled(True)
        for dock in self.hidden_docks:
            dock.show()
        self.hidden_docks, self.switched_off = [], []

    def _keep_hidden(self, visible: bool) -> None:
        dock = self.sender()
        if visible and self.on and isinstance(dock, QDockWidget):
            dock.hide()
