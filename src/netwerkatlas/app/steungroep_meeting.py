"""One steungroep meeting as a card: its date, the agenda made from the client's goals in the
method's order, the notes on how the members are doing, the minutes and the decisions.

The agenda is read from the Plan each time it is drawn (a goal renamed, an action added or a
person renamed shows at once); what is typed here is stored when the cursor leaves the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from netwerkatlas.app.plan_common import locale, scaled_font
from netwerkatlas.app.steungroep_fields import ROW_HEIGHT, NoteEdit
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import SupportMeeting
from netwerkatlas.tools.plan.order import goals_in_order
from netwerkatlas.tools.plan.summary import action_line, goal_title
from netwerkatlas.tools.steungroep.agenda import agenda_goals
from netwerkatlas.tools.steungroep.words import question

NO_DATE = QDate(2000, 1, 1)  # the date field's "no date yet"


class MeetingCard(QFrame):
    """`edit(meeting_id, **changes)` stores a change; `print_agenda(meeting_id)` prints."""

    def __init__(
        self,
        meeting_id: str,
        edit: Callable[..., None],
        remove: Callable[[str], None],
        print_agenda: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._edit = edit
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(t("steungroep.no_date"))
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setLocale(locale())
        self.date.setMinimumHeight(ROW_HEIGHT)
        self.date.setFont(scaled_font(self, 1.15, bold=True))
        self.date.editingFinished.connect(self._date_edited)
        self.print_button = QPushButton(t("steungroep.print_agenda"))
        self.print_button.setMinimumHeight(ROW_HEIGHT)
        self.print_button.clicked.connect(lambda: print_agenda(self.meeting_id))
        self.goals_button = QToolButton()
        self.goals_button.setText(t("steungroep.goals_on_agenda"))
        self.goals_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.goals_button.setMinimumHeight(ROW_HEIGHT)
        self.goals_menu = QMenu(self.goals_button)
        self.goals_menu.triggered.connect(self._goal_toggled)
        self.goals_button.setMenu(self.goals_menu)
        self.remove_button = QPushButton(t("steungroep.remove_meeting"))
        self.remove_button.setMinimumHeight(ROW_HEIGHT)
        self.remove_button.clicked.connect(lambda: remove(self.meeting_id))
        top = QHBoxLayout()
        top.addWidget(QLabel(t("steungroep.meeting_date")))
        top.addWidget(self.date)
        top.addStretch(1)
        top.addWidget(self.goals_button)
        top.addWidget(self.print_button)
        top.addWidget(self.remove_button)

        self.how_are_members = NoteEdit(lines=2)
        self.how_are_members.committed.connect(
            lambda text: self._edit_field("how_are_members", text)
        )
        self.goals = QVBoxLayout()
        self.goals.setSpacing(4)
        self.minutes = NoteEdit(lines=4)
        self.minutes.committed.connect(lambda text: self._edit_field("minutes", text))
        self.decisions = NoteEdit(t("steungroep.decisions_hint"), lines=3)
        self.decisions.committed.connect(self._decisions_edited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.addLayout(top)
        how_heading = self._heading(f"1. {t('steungroep.how_are_members')}")
        layout.addWidget(how_heading)
        layout.addWidget(self.how_are_members)
        layout.addLayout(self.goals)
        minutes_heading = self._heading(t("steungroep.minutes"))
        layout.addWidget(minutes_heading)
        layout.addWidget(self.minutes)
        # the notes on the members and the minutes: not for the client's eyes in client mode
        self.professional = [how_heading, self.how_are_members, minutes_heading, self.minutes]
        layout.addWidget(self._heading(t("steungroep.decisions")))
        layout.addWidget(self.decisions)
        self.setTabOrder(self.date, self.how_are_members)
        self.setTabOrder(self.how_are_members, self.minutes)
        self.setTabOrder(self.minutes, self.decisions)
        self.agenda_texts: list[str] = []  # the goal lines as shown, for reading back
        self._goal_ids: list[str] = []  # the Plan's goals in its order

    def set_client_mode(self, on: bool) -> None:
        for widget in self.professional:
            widget.setVisible(not on)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setFont(scaled_font(self, 1.1, bold=True))
        label.setWordWrap(True)
        return label

    def refresh(self, atlas: Atlas, meeting: SupportMeeting) -> None:
        wanted = QDate.fromString(meeting.date or "", "yyyy-MM-dd")
        shown = wanted if wanted.isValid() else NO_DATE
        if self.date.date() != shown and not self.date.hasFocus():
            self.date.setDate(shown)
        self.how_are_members.show_text(meeting.how_are_members)
        self.minutes.show_text(meeting.minutes)
        self.decisions.show_text("\n".join(meeting.decisions))
        self._show_agenda(atlas, meeting)
        self._show_goal_choice(atlas, meeting)
        self._goal_ids = [g.id for g in goals_in_order(atlas)]

    def _show_goal_choice(self, atlas: Atlas, meeting: SupportMeeting) -> None:
        """The menu of the Plan's goals, ticked when on this meeting's agenda."""
        self.goals_menu.clear()
        for number, goal in enumerate(goals_in_order(atlas), 1):
            action = self.goals_menu.addAction(goal_title(number, goal))
            action.setCheckable(True)
            action.setChecked(goal.id in meeting.goal_ids)
            action.setData(goal.id)

    def _goal_toggled(self, _action) -> None:
        chosen = {a.data() for a in self.goals_menu.actions() if a.isChecked()}
        wanted = [g for g in self._goal_ids if g in chosen]
        # after the menu's own signal: storing it fills the menu again
        QTimer.singleShot(0, lambda: self._edit_field("goal_ids", wanted))

    def _show_agenda(self, atlas: Atlas, meeting: SupportMeeting) -> None:
        """The goals part, drawn again when it changed (labels only: nothing is typed in it)."""
        parts: list[tuple[str, str]] = []  # (goal | question | actions, text)
        numbers = {g.id: n for n, g in enumerate(goals_in_order(atlas), 1)}
        points = agenda_goals(atlas, meeting)
        for item, point in enumerate(points, 2):
            parts.append(("goal", f"{item}. {goal_title(numbers[point.goal.id], point.goal)}"))
            for actor, actions in point.groups.items():
                parts.append(("question", question(actor, atlas)))
                lines = [f"•  {action_line(atlas, a)}" for a in actions]
                parts.append(("actions", "\n".join(lines) or t("steungroep.nothing_yet")))
        if not points:
            parts.append(("actions", t("steungroep.no_goals")))
        texts = [text for _, text in parts]
        if texts == self.agenda_texts:
            return
        self.agenda_texts = texts
        while self.goals.count():
            widget = self.goals.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for kind, text in parts:
            if kind == "goal":
                label = self._heading(text)
            else:
                label = QLabel(text)
                label.setWordWrap(True)
                if kind == "question":
                    label.setFont(scaled_font(self, 1.0, bold=True))
                    label.setContentsMargins(8, 4, 0, 0)
                else:
                    label.setContentsMargins(18, 0, 0, 4)
            self.goals.addWidget(label)

    def _edit_field(self, field: str, value) -> None:
        self._edit(self.meeting_id, **{field: value})

    def _date_edited(self) -> None:
        date = self.date.date()
        self._edit_field("date", "" if date == NO_DATE else date.toString("yyyy-MM-dd"))

    def _decisions_edited(self, text: str) -> None:
        self._edit_field("decisions", [line.strip() for line in text.splitlines() if line.strip()])
