"""The panel on the left: the suggestions on the netwerkintake, how to work the view on the others.

It stays where it is when the view changes. It used to hide on the views without suggestions,
and the tabs then jumped sideways under the pointer, so a click meant for one tab landed on the
next. Now only its content changes: on a view without suggestions it says in a few lines how
to start there and what the gestures are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QWidget

from netwerkatlas.app.palette import CLIENT_PANEL_PT, SuggestionPalette
from netwerkatlas.i18n import t


class ViewHelp(QLabel):
    """A few plain lines about the view in front."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMargin(12)
        # the words wrap to the panel's width; they never widen the panel (and move the tabs)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._normal_pt = self.font().pointSizeF() * 1.1
        self.set_large(False)

    def set_large(self, large: bool) -> None:
        """Client mode: the same large type as the suggestions, read from across the table."""
        font = self.font()
        font.setPointSizeF(CLIENT_PANEL_PT if large else self._normal_pt)
        self.setFont(font)


class SidePanel(QStackedWidget):
    """The suggestion palette, or the help of the view in front."""

    def __init__(self, palette: SuggestionPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette = palette
        self.help = ViewHelp(self)
        self.addWidget(palette)
        self.addWidget(self.help)
        self.client_mode = False

    def set_client_mode(self, on: bool) -> None:
        """In client mode the help speaks to the client, of what the client can do there (the
        professional's panels, such as the Groslijst, are closed then)."""
        self.client_mode = on
        self.help.set_large(on)

    def show_for(self, name: str, shows_palette: bool) -> str:
        """Show what belongs beside the view `name`; the panel's title for it."""
        if shows_palette:
            self.setCurrentWidget(self.palette)
            return t("panel.palette")
        if self.client_mode:
            self.help.setText(t("view_help.client"))
            self.setCurrentWidget(self.help)
            return t("panel.view_help")
        text = t(f"view_help.{name}")
        self.help.setText(t("view_help.general") if text == f"view_help.{name}" else text)
        self.setCurrentWidget(self.help)
        return t("panel.view_help")
