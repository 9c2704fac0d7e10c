"""One of the three fixed groups of a goal's action plan (I / II / III): its title, its rows
and "+ actie". The rows themselves, painted until typed in, are in `plan_actions`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.plan_actions import ROW_SPACING, ActionRow
from netwerkatlas.app.plan_common import actions_of, scaled_font
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Actor
from netwerkatlas.tools.plan import edits as plan_edits
from netwerkatlas.tools.plan.words import group_title


class ActionGroup(QWidget):
    """One of I / II / III for one goal: its title, its rows and "+ actie"."""

    def __init__(
        self,
        atlas: Atlas,
        goal_id: str,
        actor: Actor,
        push: Callable[[object], None],
        after_edit: Callable[[], None],
    ) -> None:
        super().__init__()
        self.atlas = atlas
        self.goal_id = goal_id
        self.actor = actor
        self._push = push
        self._after_edit = after_edit  # draws the edit at once, so the new row can get the cursor
        self.rows: dict[str, ActionRow] = {}
        self._order: list[str] = []
        self.large = False
        self.title = QLabel(group_title(actor))
        self.title.setFont(scaled_font(self, 1.15, bold=True))
        self.add_button = QToolButton()
        self.add_button.setText(t("plan.action.add"))
        self.add_button.setToolTip(t("plan.action.add_tip"))
        self.add_button.clicked.connect(lambda: self.add_after())
        self.empty = QLabel(t("plan.action.none"))
        self.empty.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.add_button)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(ROW_SPACING)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows_layout)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def push(self, command) -> None:
        if command is not None:
            self._push(command)

    def refresh(self, atlas: Atlas) -> None:
        """Rows for the group's actions in their order; rows of remaining actions are kept, so
        the one being typed in keeps its cursor."""
        self.atlas = atlas
        actions = actions_of(atlas, self.goal_id, self.actor)
        wanted = [action.id for action in actions]
        for action_id in [a for a in self.rows if a not in wanted]:
            row = self.rows.pop(action_id)
            self.rows_layout.removeWidget(row)
            row.deleteLater()
        for index, action in enumerate(actions):
            row = self.rows.get(action.id)
            if row is None:
                row = self.rows[action.id] = ActionRow(self, action)
                if self.large:
                    row.setFont(self._row_font())
            else:
                row.show_action(action)
            if self.rows_layout.indexOf(row) != index:
                self.rows_layout.insertWidget(index, row)
                row.show()  # at once, not when the layout gets round to it: Tab needs it
        self._order = wanted
        self.empty.setVisible(not actions)

    def ordered_rows(self) -> list[ActionRow]:
        """The rows as shown, top to bottom."""
        return [self.rows[action_id] for action_id in self._order if action_id in self.rows]

    def neighbour(self, row: ActionRow, step: int) -> ActionRow | None:
        """The row `step` places below (above, when negative) `row`, if there is one."""
        rows = self.ordered_rows()
        index = rows.index(row) + step if row in rows else -1
        return rows[index] if 0 <= index < len(rows) else None

    def add_after(self, action_id: str | None = None) -> None:
        """A new, empty action below `action_id` (or at the end of this group), with the
        cursor in its "who"."""
        before = set(self.rows)
        self.push(plan_edits.add_action(self.atlas, self.goal_id, self.actor, after=action_id))
        self._after_edit()
        new = [row for action_id, row in self.rows.items() if action_id not in before]
        if new:
            new[0].edit("who")

    def remove_row(self, row: ActionRow) -> None:
        """Take the row's action away; the cursor goes to the row above, or to "+ actie"."""
        index = self.ordered_rows().index(row)
        self.push(plan_edits.remove_action(self.atlas, row.action_id))
        self._after_edit()
        rows = self.ordered_rows()
        if rows:
            rows[max(0, index - 1)].edit("who")
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row_font(self):
        return scaled_font(self, 1.25 if self.large else 1.0)

    def set_large(self, on: bool) -> None:
        self.large = on
        self.title.setFont(scaled_font(self, 1.4 if on else 1.15, bold=True))
        for row in self.rows.values():
            row.setFont(self._row_font())
