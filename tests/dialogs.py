"""Answer the real modal dialogs the app opens, as a user would, by clicking their buttons."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox


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


class Answers:
    """Answers the app's modal dialogs one after another, as a user would: each step names
    the kind of dialog expected and what to do with it. Remembers what each dialog said."""

    def __init__(self, *steps) -> None:
        self.steps = list(steps)
        self.seen: list[str] = []
        self._last = None
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is self._last or not self.steps:
            return
        kind, answer = self.steps[0]
        if not isinstance(dialog, kind):
            return
        self.steps.pop(0)
        self._last = dialog
        self.seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        answer(dialog)

    def stop(self) -> None:
        self._timer.stop()
