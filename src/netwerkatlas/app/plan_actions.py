"""The actions of one goal, in the method's three fixed groups, with fast entry.

A row is who / what / when / done. Tab moves across who, what and when (and on to the next row);
Enter keeps what was typed and adds the next action in the same group, with the cursor in its
"who". "Who" suggests people of the atlas (naasten with a positive score or a strong line first,
professionals from the circle's quadrant); a name typed that is not yet a person of the atlas
gets a button that makes it one. Each change is one command; rows never write to the model.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.plan_common import actions_of, scaled_font, shown_date, shown_who
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Action, Actor
from netwerkatlas.tools.plan import edits as plan_edits
from netwerkatlas.tools.plan.suggest import who_suggestions
from netwerkatlas.tools.plan.words import group_title


class WhoField(QLineEdit):
    """ "Who": the completer's people are read from the atlas when the field gets the cursor,
    so a long plan opens without asking for suggestions it may never need."""

    def __init__(self, row: ActionRow) -> None:
        super().__init__()
        self.row = row
        self.people: dict[str, str] = {}  # shown name -> node id, for the completer's choices
        self.model: QStringListModel | None = None

    def _make_completer(self) -> None:
        """Made when the field first gets the cursor: most rows of a long plan never do."""
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        completer.activated[str].connect(self.row.picked)
        self.setCompleter(completer)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.load_people()
        super().focusInEvent(event)

    def load_people(self) -> None:
        if self.model is None:
            self._make_completer()
        atlas = self.row.group.atlas
        people = who_suggestions(atlas, self.row.group.actor)
        self.people = {}
        for node in people:
            self.people.setdefault(node.shown_label, node.id)
        self.model.setStringList(list(self.people))


class ActionRow(QWidget):
    def __init__(self, group: ActionGroup, action: Action) -> None:
        super().__init__()
        self.group = group
        self.action_id = action.id
        self.who_id: str | None = None
        self.who = WhoField(self)
        self.who.setPlaceholderText(t("plan.action.who"))
        self.make_person = QToolButton()
        self.make_person.setText(t("plan.action.make_person"))
        self.make_person.setToolTip(t("plan.action.make_person_tip"))
        self.make_person.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.make_person.clicked.connect(self._make_person)
        keep = self.make_person.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # rows stay aligned whether it shows or not
        self.make_person.setSizePolicy(keep)
        self.what = QLineEdit()
        self.what.setPlaceholderText(t("plan.action.what"))
        self.when = QLineEdit()
        self.when.setPlaceholderText(t("plan.action.when"))
        self.done = QCheckBox(t("plan.action.done"))
        self.done.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.done.toggled.connect(self._done_toggled)
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setToolTip(t("plan.action.remove"))
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.clicked.connect(
            lambda: group.push(plan_edits.remove_action(group.atlas, self.action_id))
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.who, 3)
        layout.addWidget(self.make_person)
        layout.addWidget(self.what, 6)
        layout.addWidget(self.when, 3)
        layout.addWidget(self.done)
        layout.addWidget(self.remove)
        for field in (self.who, self.what, self.when):
            field.editingFinished.connect(self.commit)
            field.returnPressed.connect(self._enter)
        self.who.textEdited.connect(self._who_typed)
        QWidget.setTabOrder(self.who, self.what)
        QWidget.setTabOrder(self.what, self.when)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)
        self.show_action(action)

    # --- from the model -------------------------------------------------------------------

    def show_action(self, action: Action) -> None:
        """Show the model's values; a field being typed in keeps what the user typed."""
        atlas = self.group.atlas
        self.who_id = action.who_id
        for field, value in (
            (self.who, shown_who(atlas, action)),
            (self.what, action.what),
            (self.when, shown_date(action.when)),
        ):
            if field.text() != value and not field.hasFocus():
                field.setText(value)
                field.setCursorPosition(0)
        if self.done.isChecked() != action.done:
            self.done.blockSignals(True)
            self.done.setChecked(action.done)
            self.done.blockSignals(False)
        self._show_make_person()

    def _show_make_person(self) -> None:
        typed = self.who.text().strip()
        self.make_person.setVisible(bool(typed) and self.who_id is None)

    # --- to the model ---------------------------------------------------------------------

    def _who_typed(self, text: str) -> None:
        self.who_id = None  # a changed name no longer is the person picked before
        self._show_make_person()

    def picked(self, name: str) -> None:
        """A person chosen in the completer: the action is linked to that person, and the
        cursor goes on to "what"."""
        self.who_id = self.who.people.get(name)
        self.commit()
        self.what.setFocus(Qt.FocusReason.TabFocusReason)

    def changes(self) -> dict:
        atlas = self.group.atlas
        if not atlas.has("actions", self.action_id):
            return {}
        action = atlas.get("actions", self.action_id)
        when = self.when.text().strip()
        if when == shown_date(action.when):
            when = action.when  # a date shown in words is still the date it was
        wanted = {"what": self.what.text().strip(), "when": when}
        name = self.who.text().strip()
        if self.who_id is not None and atlas.has("nodes", self.who_id):
            wanted |= {"who_id": self.who_id, "who": atlas.node(self.who_id).shown_label}
            if name != shown_who(atlas, action) and name != wanted["who"]:
                wanted |= {"who_id": None, "who": name}
        else:
            wanted |= {"who_id": None, "who": name}
        return {key: value for key, value in wanted.items() if getattr(action, key) != value}

    def commit(self) -> None:
        changes = self.changes()
        if changes:
            self.group.push(plan_edits.edit_action(self.group.atlas, self.action_id, **changes))

    def _enter(self) -> None:
        """Enter: keep this row and start the next action of the same group."""
        completer = self.who.completer()
        if self.sender() is self.who and completer is not None and completer.popup().isVisible():
            return  # Enter chose a name in the completer's list: that is not "next action"
        self.commit()
        self.group.add_after(self.action_id)

    def is_empty(self) -> bool:
        return not any(f.text().strip() for f in (self.who, self.what, self.when))

    def _escape(self) -> None:
        """Esc in a row left empty (Enter made one too many) takes it away again."""
        if self.is_empty():
            self.group.remove_row(self)

    def _done_toggled(self, on: bool) -> None:
        self.group.push(plan_edits.edit_action(self.group.atlas, self.action_id, done=on))

    def _make_person(self) -> None:
        self.commit()
        self.group.push(plan_edits.person_from_typed_who(self.group.atlas, self.action_id))

    def set_large(self, on: bool) -> None:
        font = scaled_font(self.group, 1.25 if on else 1.0)
        for widget in (self.who, self.what, self.when, self.done):
            widget.setFont(font)


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
        self.rows_layout.setSpacing(4)
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
                    row.set_large(True)
            else:
                row.show_action(action)
            if self.rows_layout.indexOf(row) != index:
                self.rows_layout.insertWidget(index, row)
                row.show()  # at once, not when the layout gets round to it: Tab needs it
        rows = [self.rows[action_id] for action_id in wanted]
        for before, after in itertools.pairwise(rows):
            QWidget.setTabOrder(before.when, after.who)
        self.empty.setVisible(not actions)

    def ordered_rows(self) -> list[ActionRow]:
        """The rows as shown, top to bottom."""
        found = (self.rows_layout.itemAt(i).widget() for i in range(self.rows_layout.count()))
        return [row for row in found if isinstance(row, ActionRow) and row.action_id in self.rows]

    def add_after(self, action_id: str | None = None) -> None:
        """A new, empty action below `action_id` (or at the end of this group), with the
        cursor in its "who"."""
        before = set(self.rows)
        self.push(plan_edits.add_action(self.atlas, self.goal_id, self.actor, after=action_id))
        self._after_edit()
        new = [row for action_id, row in self.rows.items() if action_id not in before]
        if new:
            new[0].who.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_row(self, row: ActionRow) -> None:
        """Take the row's action away; the cursor goes to the row above, or to "+ actie"."""
        index = self.ordered_rows().index(row)
        self.push(plan_edits.remove_action(self.atlas, row.action_id))
        self._after_edit()
        rows = self.ordered_rows()
        if rows:
            rows[max(0, index - 1)].who.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_large(self, on: bool) -> None:
        self.large = on
        self.title.setFont(scaled_font(self, 1.4 if on else 1.15, bold=True))
        for row in self.rows.values():
            row.set_large(on)
