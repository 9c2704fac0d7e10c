"""The Steungroep tab: the client's steungroep (resourcegroep) plan, and its meetings.

Members are the atlas's people, picked (a typed name is kept as typed); the chair is ideally the
client, the minute-taker may be a second professional (seed 000 steps 5-9). Each meeting's agenda
comes from the client's goals in the Plan. The tab follows the atlas's events like the Plan tab:
an edit anywhere marks it stale and it is drawn again once, while it is looked at; fields being
typed in keep their text. Every edit is one undo step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.document_tab import DocumentTab, scrolled
from netwerkatlas.app.steungroep_fields import ROW_HEIGHT, NoteEdit, PersonPicker, ref_from
from netwerkatlas.app.steungroep_meeting import MeetingCard
from netwerkatlas.commands import Command
from netwerkatlas.export.a4 import a4_pdf
from netwerkatlas.export.options import ExportOptions
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import MAX_SHORT
from netwerkatlas.tools.meeting.store import plan_of
from netwerkatlas.tools.steungroep import VIEW, edits
from netwerkatlas.tools.steungroep.agenda import meetings_in_order
from netwerkatlas.tools.steungroep.document import meeting_agenda
from netwerkatlas.tools.steungroep.words import CHANNEL_KEYS, channel_word

MIN_MEMBERS = 2  # the method nominates at least two for the first meeting


class MemberRow(QWidget):
    """One member: who (picked from the atlas), their role in the group, and a remove button."""

    def __init__(self, view: SteungroepView) -> None:
        super().__init__()
        self.view = view
        self.index = 0
        self.person = PersonPicker(t("steungroep.pick_person"))
        self.person.committed.connect(self._person_committed)
        self.role = QLineEdit()
        self.role.setPlaceholderText(t("steungroep.role"))
        self.role.setMaxLength(MAX_SHORT)
        self.role.setMinimumHeight(ROW_HEIGHT)
        self.role.editingFinished.connect(self._role_edited)
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setToolTip(t("steungroep.remove_member"))
        self.remove.setMinimumSize(ROW_HEIGHT, ROW_HEIGHT)
        self.remove.clicked.connect(
            lambda: self.view.push_edit(edits.remove_member(self.view.atlas, self.index))
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.person, 3)
        layout.addWidget(self.role, 3)
        layout.addWidget(self.remove)

    def refresh(self, atlas: Atlas, index: int) -> None:
        self.index = index
        ref = edits.body(atlas).members[index]
        self.person.show_ref(atlas, ref)
        if not self.role.hasFocus() and self.role.text() != ref.role:
            self.role.setText(ref.role)

    def _person_committed(self, person_id, name: str) -> None:
        atlas = self.view.atlas
        old = edits.body(atlas).members[self.index]
        ref = ref_from(person_id, name, old.role)
        if ref is None:
            self.view.push_edit(edits.remove_member(atlas, self.index))
        else:
            self.view.push_edit(edits.set_member(atlas, self.index, ref))

    def _role_edited(self) -> None:
        atlas = self.view.atlas
        old = edits.body(atlas).members[self.index]
        role = self.role.text().strip()
        if role != old.role:
            new = old.model_copy(update={"role": role})
            self.view.push_edit(edits.set_member(atlas, self.index, new))


class SteungroepView(DocumentTab):
    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(atlas, push, parent)
        self.setObjectName("steungroep_view")
        self.member_rows: list[MemberRow] = []
        self.client_mode = False
        self.meeting_cards: dict[str, MeetingCard] = {}
        self._build()
        self.set_atlas(atlas)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 14, 24, 24)
        column.setSpacing(10)
        self.title = self.heading("", 1.5)
        self.empty_label(t("steungroep.empty"), 1.2)
        column.addWidget(self.title)
        column.addWidget(self.empty)

        column.addWidget(self.heading(t("steungroep.members"), 1.3))
        self.members = QVBoxLayout()
        self.members.setSpacing(6)
        column.addLayout(self.members)
        self.new_member = PersonPicker(t("steungroep.pick_person"))
        self.new_member.committed.connect(self._new_member_committed)
        self.add_member_button = QPushButton(t("steungroep.add_member"))
        self.add_member_button.setMinimumHeight(ROW_HEIGHT)
        self.add_member_button.clicked.connect(self._add_member_clicked)
        adding = QHBoxLayout()
        adding.addWidget(self.new_member, 3)
        adding.addWidget(self.add_member_button)
        adding.addStretch(2)
        column.addLayout(adding)
        self.few = QLabel(t("steungroep.few_members"))
        self.few.setWordWrap(True)
        self.few.setStyleSheet("color: #6d4c00;")
        column.addWidget(self.few)

        column.addWidget(self.heading(t("steungroep.agreements"), 1.3))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.chair = PersonPicker("")
        self.chair.committed.connect(lambda pid, name: self._role_picked("chair", pid, name))
        self.minute_taker = PersonPicker(t("steungroep.pick_person"))
        for picker in (self.chair, self.minute_taker):
            picker.setMinimumContentsLength(28)
        self.minute_taker.committed.connect(
            lambda pid, name: self._role_picked("minute_taker", pid, name)
        )
        self.frequency = self._line(t("steungroep.frequency_hint"), "frequency")
        self.time_and_place = self._line("", "time_and_place")
        channels = QHBoxLayout()
        self.channels: dict[str, QCheckBox] = {}
        for channel in CHANNEL_KEYS:
            box = QCheckBox(channel_word(channel))
            box.setMinimumHeight(ROW_HEIGHT)
            box.clicked.connect(self._channels_clicked)
            self.channels[channel] = box
            channels.addWidget(box)
        channels.addStretch(1)
        self.confidentiality = NoteEdit(t("steungroep.confidentiality_hint"), lines=3)
        self.confidentiality.committed.connect(
            lambda text: self.push_edit(edits.change(self.atlas, confidentiality=text))
        )
        form.addRow(t("steungroep.chair"), self.chair)
        form.addRow(t("steungroep.minute_taker"), self.minute_taker)
        form.addRow(t("steungroep.frequency"), self.frequency)
        form.addRow(t("steungroep.time_and_place"), self.time_and_place)
        form.addRow(t("steungroep.channels"), channels)
        form.addRow(t("steungroep.confidentiality"), self.confidentiality)
        column.addLayout(form)

        meetings_top = QHBoxLayout()
        meetings_top.addWidget(self.heading(t("steungroep.meetings"), 1.3))
        meetings_top.addStretch(1)
        self.add_meeting_button = QPushButton(t("steungroep.add_meeting"))
        self.add_meeting_button.setMinimumHeight(ROW_HEIGHT)
        self.add_meeting_button.clicked.connect(lambda: self.add_meeting())
        meetings_top.addWidget(self.add_meeting_button)
        column.addLayout(meetings_top)
        self.meetings = QVBoxLayout()
        self.meetings.setSpacing(14)
        column.addLayout(self.meetings)
        column.addStretch(1)

        self.scroll = scrolled(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def _line(self, placeholder: str, field: str) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.setMaxLength(MAX_SHORT)
        line.setMinimumHeight(ROW_HEIGHT)
        line.editingFinished.connect(
            lambda: self.push_edit(edits.change(self.atlas, **{field: line.text().strip()}))
        )
        return line

    # --- the registry's tab protocol (the rest in DocumentTab) -----------------------------

    def set_atlas(self, atlas: Atlas) -> None:
        for card in self.meeting_cards.values():  # another atlas: its own meetings
            self.meetings.removeWidget(card)
            card.deleteLater()
        self.meeting_cards = {}
        super().set_atlas(atlas)

    def set_client_mode(self, on: bool) -> None:
        """The steungroep is the client's own; the notes on how the members are doing and the
        minutes are the minute-taker's and the professional's, out of sight in client mode."""
        self.client_mode = on
        for card in self.meeting_cards.values():
            card.set_client_mode(on)

    # --- following the model ---------------------------------------------------------------

    def refresh(self) -> None:
        """Show the plan as it is now."""
        atlas = self.atlas
        plan = edits.body(atlas)
        client = atlas.client.shown_label
        self.title.setText(
            t("steungroep.title", client=client) if client else t("steungroep.title_plain")
        )
        self.empty.setVisible(plan_of(atlas, VIEW) is None)
        self._show_members(atlas, len(plan.members))
        self.few.setVisible(len(plan.members) < MIN_MEMBERS)
        self.new_member.show_ref(atlas, None)
        self.chair.lineEdit().setPlaceholderText(
            t("steungroep.chair_hint", client=client or t("steungroep.the_client"))
        )
        self.chair.show_ref(atlas, plan.chair)
        self.minute_taker.show_ref(atlas, plan.minute_taker)
        for line, value in (
            (self.frequency, plan.frequency),
            (self.time_and_place, plan.time_and_place),
        ):
            if not line.hasFocus() and line.text() != value:
                line.setText(value)
        for channel, box in self.channels.items():
            box.setChecked(channel in plan.channels)
        self.confidentiality.show_text(plan.confidentiality)
        self._show_meetings(atlas)

    def _show_members(self, atlas: Atlas, count: int) -> None:
        while len(self.member_rows) > count:
            row = self.member_rows.pop()
            self.members.removeWidget(row)
            row.deleteLater()
        while len(self.member_rows) < count:
            row = MemberRow(self)
            self.member_rows.append(row)
            self.members.addWidget(row)
        for index, row in enumerate(self.member_rows):
            row.refresh(atlas, index)

    def _show_meetings(self, atlas: Atlas) -> None:
        ordered = meetings_in_order(edits.body(atlas))
        wanted = {m.id for m in ordered}
        for meeting_id in [m for m in self.meeting_cards if m not in wanted]:
            card = self.meeting_cards.pop(meeting_id)
            self.meetings.removeWidget(card)
            card.deleteLater()
        for index, meeting in enumerate(ordered):
            card = self.meeting_cards.get(meeting.id)
            if card is None:
                card = self.meeting_cards[meeting.id] = MeetingCard(
                    meeting.id, self._edit_meeting, self._remove_meeting, self.print_agenda
                )
                card.set_client_mode(self.client_mode)
            if self.meetings.indexOf(card) != index:
                self.meetings.insertWidget(index, card)
            card.refresh(atlas, meeting)

    def cards_in_order(self) -> list[MeetingCard]:
        self.flush()
        return [self.meeting_cards[m.id] for m in meetings_in_order(edits.body(self.atlas))]

    # --- edits -----------------------------------------------------------------------------

    def _new_member_committed(self, person_id, name: str) -> None:
        ref = ref_from(person_id, name)
        if ref is None:
            return
        self.push_edit(edits.add_member(self.atlas, ref))
        self.new_member.setEditText("")
        self.new_member.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_member_clicked(self) -> None:
        if self.new_member.currentText().strip():
            self.new_member.lineEdit().editingFinished.emit()
        else:
            self.new_member.setFocus(Qt.FocusReason.OtherFocusReason)
            self.new_member.showPopup()

    def _role_picked(self, field: str, person_id, name: str) -> None:
        self.push_edit(edits.change(self.atlas, **{field: ref_from(person_id, name)}))

    def _channels_clicked(self) -> None:
        chosen = [c for c, box in self.channels.items() if box.isChecked()]
        self.push_edit(edits.change(self.atlas, channels=chosen))

    def add_meeting(self, date: str | None = None) -> MeetingCard | None:
        """A meeting (today, unless `date` is given) with the active goals on its agenda."""
        command, meeting_id = edits.add_meeting(self.atlas, date or dt.date.today().isoformat())
        self.push_edit(command)
        card = self.meeting_cards.get(meeting_id)
        if card is not None:
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(card))
            card.date.setFocus(Qt.FocusReason.OtherFocusReason)
        return card

    def _edit_meeting(self, meeting_id: str, **changes) -> None:
        if edits.meeting(self.atlas, meeting_id) is not None:
            self.push_edit(edits.change_meeting(self.atlas, meeting_id, **changes))

    def _remove_meeting(self, meeting_id: str) -> None:
        self.push_edit(edits.remove_meeting(self.atlas, meeting_id))

    def agenda_pdf(self, meeting_id: str) -> bytes:
        """One meeting's agenda on A4, as the export lays out pages."""
        options = ExportOptions(view=VIEW, paper="A4")
        story = meeting_agenda(self.atlas, options, meeting_id)
        return a4_pdf(story, t("pdf.meta_title", view=t("steungroep.agenda")))

    def print_agenda(self, meeting_id: str) -> bool:
        from netwerkatlas.app.printing import ask_and_print  # PDF rasterising: on first use

        return ask_and_print(self, self.agenda_pdf(meeting_id))


def make_steungroep_tab(atlas: Atlas, push: Callable[[Command], None], parent: QWidget):
    """The registry's tab factory: no scene, the widget follows the atlas."""
    return None, SteungroepView(atlas, push, parent)
