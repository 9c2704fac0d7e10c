"""What the document tabs (Plan, Basisposter, Signaleringsplan, Steungroep, Contactschema) share.

They are forms, not drawings, but the registry treats every tab alike: `set_atlas`, `detach`,
`fit_all` and `zoom_by`. And they must follow the atlas the same way: an edit anywhere (a rename
in the groslijst, a person deleted, an undo) only marks the tab stale; it is drawn again once, on
the next turn of the event loop and only while it is looked at, or when it is shown again. One
place for that protocol keeps the five tabs from drifting apart in how they follow the model.
The documents' fields share their touch size, their "no date yet" and how a picker of the
atlas's people is filled here for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QScrollArea, QWidget

from netwerkatlas.app.plan_common import locale, scaled_font
from netwerkatlas.commands import Command
from netwerkatlas.model import Atlas, AtlasEvent, PositionsChanged
from netwerkatlas.model.events import Following

ROW_HEIGHT = 40  # touch-sized: a finger hits a row of 40 px
NO_DATE = QDate(2000, 1, 1)  # a date field's "no date yet"


def date_field(no_date_text: str, min_height: int = 0) -> QDateEdit:
    """A date field with a calendar, in the user's language, that may say "no date yet"."""
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setMinimumDate(NO_DATE)
    field.setSpecialValueText(no_date_text)
    field.setDisplayFormat("d MMMM yyyy")
    field.setLocale(locale())
    if min_height:
        field.setMinimumHeight(min_height)
    return field


def show_date(field: QDateEdit, iso: str) -> None:
    """Show `iso` (or "no date yet"), unless the field is being typed in."""
    wanted = QDate.fromString(iso, "yyyy-MM-dd")
    shown = wanted if wanted.isValid() else NO_DATE
    if field.date() != shown and not field.hasFocus():
        field.setDate(shown)


def iso_of(field: QDateEdit) -> str:
    """The field's date as the file keeps it; "" for no date."""
    date = field.date()
    return "" if date == NO_DATE else date.toString("yyyy-MM-dd")


def scrolled(page: QWidget) -> QScrollArea:
    """`page` in a frameless scroll area as wide as the tab: a document longer than the screen."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    return scroll


def fill_people(box: QComboBox, people: list[tuple[str, str]]) -> None:
    """Put `people` (id, shown name) in an editable picker; what is typed there stays."""
    text = box.currentText()
    box.blockSignals(True)
    box.clear()
    for person_id, name in people:
        box.addItem(name, person_id)
    box.setCurrentIndex(-1)
    box.setEditText(text)
    box.blockSignals(False)


class DocumentTab(QWidget):
    """A tab that shows one document of the atlas and follows its events.

    A subclass builds its widgets, calls `set_atlas` at the end of its `__init__` and fills
    them in `refresh`. `flush` draws again when something changed (`redraws` counts it), and
    `push_edit` pushes a command and shows its result at once.
    """

    empty: QLabel  # made by `empty_label`
    empty_hint: QLabel

    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(parent)
        self.push = push
        self.atlas: Atlas = atlas
        self.redraws = 0  # how often the tab was drawn again (one per edit, when shown)
        self._stale = False
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.flush)
        self._following = Following(self._on_event)

    def heading(self, text: str, scale: float) -> QLabel:
        """A heading in bold, `scale` times the tab's type."""
        label = QLabel(text)
        label.setFont(scaled_font(self, scale, bold=True))
        return label

    def empty_label(self, text: str, scale: float) -> QLabel:
        """The sentence an empty document says: what it is for and how to start. The tab keeps
        it as `empty` and as `empty_hint`, where the window looks for a view's hint."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setFont(scaled_font(self, scale))
        self.empty = self.empty_hint = label
        return label

    # --- the registry's tab protocol --------------------------------------------------------

    def set_atlas(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self._following.follow(atlas.events)
        self.redraw()

    def detach(self) -> None:
        self._following.stop()

    def fit_all(self) -> None:
        """Nothing to fit: a document keeps where it was scrolled to."""

    def zoom_by(self, factor: float) -> None:
        """Type larger or smaller, for reading across the table."""
        font = self.font()
        font.setPointSizeF(min(40.0, max(7.0, font.pointSizeF() * factor)))
        self.setFont(font)

    # --- following the model ----------------------------------------------------------------

    def concerns(self, event: AtlasEvent) -> bool:
        """Whether `event` may change what the tab shows; a bol moved on a drawing does not."""
        return not isinstance(event, PositionsChanged)

    def _on_event(self, event: AtlasEvent) -> None:
        if not self.concerns(event):
            return
        self._stale = True
        if self.isVisible():
            self._soon.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.flush()

    def redraw(self) -> None:
        """Draw again now, whatever changed."""
        self._stale = True
        self.flush()

    def flush(self) -> None:
        """Show the document as the atlas has it now; nothing when nothing changed."""
        if not self._stale:
            return
        self._stale = False
        self._soon.stop()
        self.redraws += 1
        self.refresh()

    def refresh(self) -> None:
        """Fill the widgets from the atlas; fields being typed in keep their text."""
        raise NotImplementedError

    def push_edit(self, command: Command | None) -> None:
        """Push an edit (None: nothing changed) and show its result at once."""
        if command is not None:
            self.push(command)
            self.flush()
