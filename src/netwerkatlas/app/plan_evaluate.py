"""The evaluation moment: a date, and for each active goal a score 1-5 with the method's words
visible (1 = doel veel verder uit zicht ... 5 = volledig bereikt) and a note on what helped or
what to adjust. Everything filled in is one undo step, with the next evaluation date.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.plan_common import goals, locale, scaled_font
from netwerkatlas.commands import Command
from netwerkatlas.commands.base import Macro
from netwerkatlas.i18n import t
from netwerkatlas.model import EVALUATIONS, Atlas
from netwerkatlas.model.records import GoalStatus
from netwerkatlas.tools.netwerkintake.perspectives import perspective_names
from netwerkatlas.tools.plan import edits as plan_edits
from netwerkatlas.tools.plan.words import SCORES, score_word

MONTHS_TO_NEXT = 3  # the method evaluates every three months


class GoalScore(QGroupBox):
    """One goal's part of the dialog: its words, five choices, a note (not in client mode,
    which hides notes everywhere)."""

    def __init__(self, number: int, goal, large: bool) -> None:
        super().__init__()
        self.goal_id = goal.id
        title = QLabel(f"{number}. {goal.text or t('plan.goal.untitled')}")
        title.setWordWrap(True)
        title.setFont(scaled_font(self, 1.6 if large else 1.3, bold=True))
        self.choices = QButtonGroup(self)
        grid = QGridLayout()
        for column, score in enumerate(SCORES):
            button = QRadioButton(f"{score}\n{score_word(score)}")
            button.setObjectName(f"score_{score}")
            button.setFont(scaled_font(self, 1.25 if large else 1.0))
            self.choices.addButton(button, score)
            grid.addWidget(button, 0, column)
        self.note = QLineEdit()
        self.note.setPlaceholderText(t("plan.evaluation.note_placeholder"))
        self.note.setHidden(large)  # client mode: notes are the professional's, out of sight
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.note)

    def score(self) -> int | None:
        chosen = self.choices.checkedId()
        return chosen if chosen in SCORES else None

    def choose(self, score: int) -> None:
        self.choices.button(score).setChecked(True)


class EvaluateDialog(QDialog):
    def __init__(self, atlas: Atlas, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.setWindowTitle(t("plan.evaluation.dialog_title"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setLocale(locale())
        self.date.dateChanged.connect(lambda d: self.next_date.setDate(d.addMonths(MONTHS_TO_NEXT)))
        self.next_date = QDateEdit(QDate.currentDate().addMonths(MONTHS_TO_NEXT))
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("d MMMM yyyy")
        self.next_date.setLocale(locale())
        self.perspective = self._perspective_choice(atlas)
        form = QFormLayout()
        form.addRow(t("plan.evaluation.date"), self.date)
        form.addRow(t("plan.evaluation.from"), self.perspective)
        form.addRow(t("plan.next_evaluation"), self.next_date)
        ordered = goals(atlas)
        shown = [g for g in ordered if g.status == GoalStatus.ACTIVE] or ordered
        numbers = {goal.id: i for i, goal in enumerate(ordered, 1)}
        self.goals = [GoalScore(numbers[g.id], g, large) for g in shown]
        inner = QWidget()
        column = QVBoxLayout(inner)
        for part in self.goals:
            column.addWidget(part)
        if not self.goals:
            column.addWidget(QLabel(t("plan.evaluation.no_goals")))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("plan.evaluation.save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(860, 640)

    @staticmethod
    def _perspective_choice(atlas: Atlas) -> QComboBox:
        """Whose evaluation this is: the client's own, or a view named before or typed."""
        box = QComboBox()
        box.setObjectName("perspective")
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.lineEdit().setPlaceholderText(t("plan.evaluation.from_placeholder"))
        box.addItem(t("plan.evaluation.from_client"), "")
        named = {e.perspective for e in atlas.items(EVALUATIONS) if e.perspective}
        for name in sorted(named | set(perspective_names(atlas)), key=str.casefold):
            box.addItem(name, name)
        return box

    def chosen_perspective(self) -> str:
        """ "" for the client's own; otherwise the name chosen or typed."""
        text = " ".join(self.perspective.currentText().split())
        index = self.perspective.findText(text)
        return self.perspective.itemData(index) if index >= 0 else text

    def part(self, goal_id: str) -> GoalScore:
        return next(p for p in self.goals if p.goal_id == goal_id)

    def command(self) -> Command | None:
        """The evaluations filled in (a score or a note), and the next date, as one step."""
        date = self.date.date().toString("yyyy-MM-dd")
        perspective = self.chosen_perspective()
        steps: list[Command] = []
        for part in self.goals:
            note = part.note.text().strip()
            if part.score() is not None or note:
                steps.append(
                    plan_edits.evaluate(
                        self.atlas,
                        part.goal_id,
                        date,
                        part.score(),
                        note,
                        perspective=perspective,
                    )
                )
        next_iso = self.next_date.date().toString("yyyy-MM-dd")
        if steps and next_iso != (self.atlas.meta.next_evaluation or ""):
            steps.append(plan_edits.set_next_evaluation(self.atlas, next_iso))
        steps = [step for step in steps if step is not None]
        return Macro(t("plan.command.evaluate_all"), steps) if steps else None
