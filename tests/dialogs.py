"""Answer the real modal dialogs the app opens, as a user would, by clicking their buttons."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class DialogAnswerer:
    """Clicks `button` on the next message box that appears, and remembers its text."""

    def __init__(self, button: QMessageBox.StandardButton) -> None:
        self.button = button
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.seen.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
            self._timer.stop()
            box.button(self.button).click()

    def stop(self) -> None:
        self._timer.stop()
