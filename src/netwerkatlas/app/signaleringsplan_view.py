"""The Signaleringsplan tab: the phases as cards in a scroll area, then the crisis contacts and
who agreed to the plan and when.

Each phase card has its number and colour band (green, orange, red), its name, and four lists:
the signals, what I do, what my naasten do and what professionals do. Every list line is its own
field, Enter opens the next one; naasten, professionals and contacts are picked from the atlas
(or typed). Every change is one undo step (`tools.meeting.store.set_body`); the tab follows the
atlas's events, so an undo or a rename in the groslijst shows here at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.document_tab import DocumentTab, date_field, iso_of, scrolled, show_date
from netwerkatlas.app.plan_common import scaled_font
from netwerkatlas.app.signaleringsplan_lines import ROW_HEIGHT, LineList, PersonLine, TextLine
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import SignalPhase, SignalPlanBody
from netwerkatlas.model.records import MAX_SHORT
from netwerkatlas.tools.meeting.defaults import phase_number
from netwerkatlas.tools.meeting.store import plan_of
from netwerkatlas.tools.signaleringsplan import VIEW
from netwerkatlas.tools.signaleringsplan import edits as plan_b
from netwerkatlas.tools.signaleringsplan.words import SECTIONS, colour_word, section_title

EDGE = {"green": "#2e7d32", "orange": "#e07000", "red": "#c62828"}
FILL = {"green": "#eef7ef", "orange": "#fdf3e6", "red": "#fbeeee"}


def _section_line(section: str) -> Callable[[LineList], object]:
    if section in ("signals", "i_do"):
        return lambda owner: TextLine(owner, t(f"signaleringsplan.placeholder.{section}"))
    with_phone = section == "close_ones_do"  # how to reach them
    return lambda owner: PersonLine(
        owner, "action", t("signaleringsplan.placeholder.what"), show_phone=with_phone
    )


class PhaseCard(QFrame):
    """One phase: number, colour and name on top, its four lists below."""

    def __init__(self, view: SignaleringsplanView) -> None:
        super().__init__()
        self.view = view
        self.index = 0
        self.setObjectName("phase_card")
        self.strip = QFrame()
        self.strip.setFixedWidth(12)
        self.number = QLabel()
        self.number.setFont(scaled_font(self, 1.25, bold=True))
        self.title = QLineEdit()
        self.title.setPlaceholderText(t("signaleringsplan.phase_title_placeholder"))
        self.title.setMaxLength(MAX_SHORT)
        self.title.setMinimumHeight(ROW_HEIGHT)
        self.title.setFont(scaled_font(self, 1.15, bold=True))
        self.title.editingFinished.connect(self._title_edited)
        self.colour = QComboBox()
        self.colour.setToolTip(t("signaleringsplan.colour"))
        self.colour.setMinimumHeight(ROW_HEIGHT)
        for colour in plan_b.COLOURS:
            self.colour.addItem(colour_word(colour), colour)
        self.colour.activated.connect(lambda _: self._edit(colour=self.colour.currentData()))
        self.remove = QToolButton()
        self.remove.setText(t("signaleringsplan.remove_phase"))
        self.remove.setMinimumHeight(ROW_HEIGHT)
        self.remove.clicked.connect(lambda: self.view.remove_phase(self.index))
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.title, 1)
        top.addWidget(self.colour)
        top.addWidget(self.remove)
        inner = QVBoxLayout()
        inner.setContentsMargins(12, 10, 12, 12)
        inner.setSpacing(6)
        inner.addLayout(top)
        self.lists: dict[str, LineList] = {}
        for section in SECTIONS:
            label = QLabel(section_title(section))
            label.setFont(scaled_font(self, 1.0, bold=True))
            lines = LineList(
                _section_line(section),
                t(f"signaleringsplan.add.{section}"),
                lambda values, s=section: self._edit(**{s: values}),
                lambda: self.view.atlas,
            )
            self.lists[section] = lines
            inner.addWidget(label)
            inner.addWidget(lines)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.strip)
        outer.addLayout(inner, 1)

    def show_phase(self, index: int, phase: SignalPhase, count: int) -> None:
        self.index = index
        self.number.setText(phase_number(index))
        if self.title.text() != phase.title and not self.title.hasFocus():
            self.title.setText(phase.title)
        self.colour.setCurrentIndex(max(0, self.colour.findData(phase.colour)))
        self.strip.setStyleSheet(f"background: {EDGE.get(phase.colour, EDGE['green'])};")
        fill = FILL.get(phase.colour, FILL["green"])
        self.setStyleSheet(f"QFrame#phase_card {{ background: {fill}; border-radius: 6px; }}")
        self.remove.setVisible(count > 1)
        for section, lines in self.lists.items():
            lines.set_values(list(getattr(phase, section)))

    def _title_edited(self) -> None:
        self._edit(title=self.title.text().strip())

    def _edit(self, **changes) -> None:
        self.view.edit_phase(self.index, **changes)


class SignaleringsplanView(DocumentTab):
    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(atlas, push, parent)
        self.setObjectName("signaleringsplan_view")
        self.body = SignalPlanBody()
        self.cards: list[PhaseCard] = []
        self.empty_label(t("signaleringsplan.empty"), 1.15)
        self.column = QVBoxLayout()
        self.column.setSpacing(16)
        self.add_phase_button = QPushButton(t("signaleringsplan.add_phase"))
        self.add_phase_button.setMinimumHeight(ROW_HEIGHT)
        self.add_phase_button.clicked.connect(self.add_phase)
        self._make_end()
        page = QWidget()
        page.setObjectName("signaleringsplan_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(self.empty)
        layout.addLayout(self.column)
        layout.addWidget(self.add_phase_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.end)
        layout.addStretch(1)
        self.scroll = scrolled(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.set_atlas(atlas)

    def _make_end(self) -> None:
        """The crisis contacts and the agreement, under the phases."""
        self.end = QWidget()
        layout = QVBoxLayout(self.end)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = self.heading(t("signaleringsplan.crisis_contacts"), 1.2)
        self.contacts = LineList(
            lambda owner: PersonLine(
                owner, "ref", t("signaleringsplan.placeholder.role"), show_phone=True
            ),
            t("signaleringsplan.add.crisis_contacts"),
            lambda values: self.edit(crisis_contacts=values),
            lambda: self.atlas,
        )
        agreed = self.heading(t("signaleringsplan.agreement"), 1.2)
        self.agreed_by = LineList(
            lambda owner: PersonLine(owner, "who"),
            t("signaleringsplan.add.agreed_by"),
            lambda values: self.edit(agreed_by=values),
            lambda: self.atlas,
        )
        self.agreed_on = date_field(t("signaleringsplan.no_date"), ROW_HEIGHT)
        self.agreed_on.editingFinished.connect(self._date_edited)
        date_row = QHBoxLayout()
        date_row.addWidget(QLabel(t("signaleringsplan.agreed_date")))
        date_row.addWidget(self.agreed_on)
        date_row.addStretch(1)
        for widget in (heading, self.contacts, agreed, self.agreed_by):
            layout.addWidget(widget)
        layout.addLayout(date_row)

    # --- following the model (the tab protocol is DocumentTab's) ----------------------------

    def refresh(self) -> None:
        """Show the plan as the atlas has it now; fields being typed in are left alone."""
        self.body = plan_b.current(self.atlas)
        phases = self.body.phases
        while len(self.cards) > len(phases):
            card = self.cards.pop()
            self.column.removeWidget(card)
            card.deleteLater()
        while len(self.cards) < len(phases):
            card = PhaseCard(self)
            self.cards.append(card)
            self.column.addWidget(card)
        for index, (card, phase) in enumerate(zip(self.cards, phases, strict=True)):
            card.show_phase(index, phase, len(phases))
        self.contacts.set_values(list(self.body.crisis_contacts))
        self.agreed_by.set_values(list(self.body.agreed_by))
        show_date(self.agreed_on, self.body.agreed_on)
        self.empty.setVisible(plan_of(self.atlas, VIEW) is None)

    # --- edits: each one command ------------------------------------------------------------

    def edit(self, **changes) -> None:
        self._store(self.body.model_copy(update=changes), t("signaleringsplan.command.edit"))

    def edit_phase(self, index: int, **changes) -> None:
        if 0 <= index < len(self.body.phases):
            body = plan_b.with_phase(self.body, index, **changes)
            self._store(body, t("signaleringsplan.command.edit"))

    def add_phase(self) -> PhaseCard:
        body, index = plan_b.add_phase(self.body)
        self._store(body, t("signaleringsplan.command.add_phase"))
        card = self.cards[index]
        card.title.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(card))
        return card

    def remove_phase(self, index: int) -> None:
        if len(self.body.phases) > 1:
            body = plan_b.remove_phase(self.body, index)
            self._store(body, t("signaleringsplan.command.remove_phase"))

    def _date_edited(self) -> None:
        iso = iso_of(self.agreed_on)
        if iso != self.body.agreed_on:
            self.edit(agreed_on=iso)

    def _store(self, body: SignalPlanBody, text: str) -> None:
        command = plan_b.store(self.atlas, body, text)
        if command is not None:
            self.push(command)
        self.redraw()


def make_signaleringsplan_tab(atlas: Atlas, push: Callable[[Command], None], parent):
    view = SignaleringsplanView(atlas, push, parent)
    return None, view
