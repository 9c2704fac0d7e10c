"""The session bar in the main toolbar, and the banner shown while looking at an earlier session.

One bar for the whole window, whatever view is in front: which session the views show (the
sessions by date, then "nu"), and, optionally, which session to compare it with. It only says
what was chosen (`chosen`); the window's `SessionActions` shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from netwerkatlas.app.plan_common import shown_date
from netwerkatlas.i18n import t

NOW = ""  # the combo boxes' data for "now": the current state of the atlas


def session_text(session) -> str:
    """ "Vervolggesprek 1 — 3 maart 2026" (a session without a date: its label only)."""
    label = session.label or t("session.unnamed")
    return f"{label} — {shown_date(session.date)}" if session.date else label


class SessionBar(QWidget):
    """`chosen(shown, compare_with)`: the session id shown (NOW for now) and the session id it
    is compared with (None: no comparison)."""

    chosen = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("session_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(QLabel(t("session.bar_label"), self))
        self.shown = QComboBox(self)
        self.shown.setObjectName("session_shown")
        self.shown.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.shown.setToolTip(t("session.bar_tip"))
        layout.addWidget(self.shown)
        self.compare_box = QCheckBox(t("session.compare_with"), self)
        self.compare_box.setObjectName("session_compare")
        layout.addWidget(self.compare_box)
        self.compare_with = QComboBox(self)
        self.compare_with.setObjectName("session_compare_with")
        self.compare_with.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_with.setEnabled(False)
        layout.addWidget(self.compare_with)
        self._filling = False
        self.shown.currentIndexChanged.connect(self._changed)
        self.compare_with.currentIndexChanged.connect(self._changed)
        self.compare_box.toggled.connect(self._compare_toggled)

    def set_sessions(self, earlier: list, current) -> None:
        """The closed sessions by date and the current one; keeps the choice where it still
        exists, else goes back to now."""
        shown, compared = self.shown.currentData(), self.compare_with.currentData()
        self._filling = True
        try:
            for box in (self.shown, self.compare_with):
                box.clear()
                for session in earlier:
                    box.addItem(session_text(session), session.id)
            now = t("session.now_named", label=current.label) if current else t("session.now")
            self.shown.addItem(now, NOW)
            self.compare_with.setEnabled(bool(earlier) and self.compare_box.isChecked())
            self.compare_box.setEnabled(bool(earlier))
            self._select(self.shown, shown if shown is not None else NOW, NOW)
            self._select(self.compare_with, compared, earlier[-1].id if earlier else None)
        finally:
            self._filling = False

    @staticmethod
    def _select(box: QComboBox, data, fallback) -> None:
        index = box.findData(data)
        if index < 0:
            index = box.findData(fallback)
        box.setCurrentIndex(max(index, 0) if box.count() else -1)

    def _compare_toggled(self, on: bool) -> None:
        self.compare_with.setEnabled(on)
        self._changed()

    def _changed(self, *_args) -> None:
        if self._filling:
            return
        self.chosen.emit(self.shown_id(), self.compare_id())

    def shown_id(self) -> str:
        data = self.shown.currentData()
        return data if data is not None else NOW

    def compare_id(self) -> str | None:
        if not self.compare_box.isChecked() or self.compare_with.count() == 0:
            return None
        return self.compare_with.currentData()

    def choose(self, shown: str = NOW, compare_with: str | None = None) -> None:
        """Choose by program (the menu, Terug naar nu): one `chosen` for the whole change."""
        self._filling = True
        try:
            self._select(self.shown, shown, NOW)
            self.compare_box.setChecked(compare_with is not None)
            self.compare_with.setEnabled(compare_with is not None)
            if compare_with is not None:
                self._select(self.compare_with, compare_with, None)
        finally:
            self._filling = False
        self._changed()


class LookBackBanner(QFrame):
    """The unmistakable sign that the views show the past, with one click back to now."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("look_back_banner")
        self.setStyleSheet(
            "#look_back_banner { background: #fff3c4; border-bottom: 2px solid #b8860b; }"
            "#look_back_banner QLabel { color: #3d2f00; font-weight: bold; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.text = QLabel(self)
        self.text.setObjectName("look_back_text")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.back_button = QPushButton(t("session.back_to_now"), self)
        self.back_button.setObjectName("back_to_now")
        self.back_button.clicked.connect(self.back)
        layout.addWidget(self.back_button)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.show()
