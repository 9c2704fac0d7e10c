"""One goal as a card: the client's words in large type, short or long term, status, the date it
was made, the bollen it is about, its actions in the groups I / II / III and its evaluations.

Drop a bol (from the drawing or the groslijst) on the card to add it to the goal; drag the card by
its grip, or press Alt+Up / Alt+Down, to move the goal. Every change is one command.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QDrag,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.plan_action_group import ActionGroup
from netwerkatlas.app.plan_chart import EvaluationChart
from netwerkatlas.app.plan_common import (
    MIME_GOAL,
    evaluations_of,
    node_ids_from,
    scaled_font,
    shown_date,
)
from netwerkatlas.app.plan_compare import CardMark, marks_html
from netwerkatlas.canvas.compare_overlay import UP as UP_COLOUR
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Goal, GoalStatus, Horizon
from netwerkatlas.tools.plan import edits as plan_edits
from netwerkatlas.tools.plan.order import actions_by_group
from netwerkatlas.tools.plan.words import GROUPS, horizon_word, score_line, status_word

# Painted, not style sheets: a style sheet on a card restyles every field in it, and a long
# plan then takes most of a second to open.
CARD_FILL = {"active": "#ffffff", "reached": "#f1f8f1", "stopped": "#f4f4f4"}
CARD_EDGE = "#c9ced6"
CHIP_FILL, CHIP_EDGE = "#e8eef7", "#9fb3d1"


class Chip(QToolButton):
    """A bol the goal is about, as a rounded label; its menu takes it off the goal."""

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(CHIP_EDGE), 1.0))
        painter.setBrush(QColor(CHIP_FILL))
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 24, metrics.height() + 8)


class Grip(QLabel):
    """The handle to drag the card by (the whole card would fight with text selection)."""

    def __init__(self, card: GoalCard) -> None:
        super().__init__("⠿")
        self.card = card
        self.setToolTip(t("plan.goal.drag_tip"))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFont(scaled_font(self, 1.6))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        mime = QMimeData()
        mime.setData(MIME_GOAL, self.card.goal_id.encode("utf-8"))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.card.grab().scaledToWidth(320))
        drag.exec(Qt.DropAction.MoveAction)


class GoalCard(QFrame):
    """A goal's card. Until it first comes into sight it is only its frame, as tall as the card
    will be (`build` makes what is in it): a plan of ten goals opens with the two in view."""

    def __init__(
        self,
        atlas: Atlas,
        goal: Goal,
        push: Callable[[object], None],
        after_edit: Callable[[], None],
        move: Callable[[str, int], None],
    ) -> None:
        super().__init__()
        self.setObjectName("goal_card")
        self.atlas = atlas
        self.goal_id = goal.id
        self._push = push
        self._after_edit = after_edit
        self._move = move
        self.client_mode = False
        self.built = False
        self.shown_number: int | None = None
        self.estimate = 0
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab onto a card not yet made makes it
        self._fill = CARD_FILL["active"]
        self.marks: list[CardMark] = []  # while comparing: what changed for this goal
        self.done_since: dict[str, str] = {}  # while comparing: action id → its tag
        self.refresh(atlas)

    def build(self) -> GoalCard:
        """Make the card's fields, rows and chart (once), filled in from the atlas."""
        if self.built:
            return self
        self.built = True
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        goal_id, move = self.goal_id, self._move
        self.number = QLabel()
        self.number.setFont(scaled_font(self, 2.0, bold=True))
        self.number.setMinimumWidth(36)
        self.text = QLineEdit()
        self.text.setPlaceholderText(t("plan.goal.text_placeholder"))
        self.text.setFont(scaled_font(self, 1.6))
        self.text.setFrame(False)
        self.text.editingFinished.connect(self._text_edited)
        self.horizon = QComboBox()
        for horizon in Horizon:
            self.horizon.addItem(horizon_word(horizon), horizon.value)
        self.horizon.activated.connect(
            lambda: self._edit(horizon=Horizon(self.horizon.currentData()))
        )
        self.status = QComboBox()
        for status in GoalStatus:
            self.status.addItem(status_word(status), status.value)
        self.status.activated.connect(
            lambda: self._edit(status=GoalStatus(self.status.currentData()))
        )
        self.created = QLabel()
        self.created.setEnabled(False)
        self.up = self._tool("▲", t("plan.goal.up"), lambda: move(goal_id, -1))
        self.down = self._tool("▼", t("plan.goal.down"), lambda: move(goal_id, +1))
        self.remove = self._tool(
            "×",
            t("plan.goal.remove"),
            lambda: self._push(plan_edits.remove_goal(self.atlas, goal_id)),
        )
        for keys, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: move(goal_id, s))
        self.chips = QHBoxLayout()
        self.chips.setSpacing(6)
        self._chips_shown: list[tuple[str, str]] | None = None
        self.chip_hint = QLabel(t("plan.goal.drop_hint"))
        self.chip_hint.setEnabled(False)
        self.groups = {
            actor: ActionGroup(self.atlas, goal_id, actor, self._push, self._after_edit)
            for actor in GROUPS
        }
        self.chart = EvaluationChart()
        self.evaluations = QLabel()
        self.evaluations.setWordWrap(True)
        self.evaluations.setTextFormat(Qt.TextFormat.PlainText)
        self.compare_mark = QLabel()
        self.compare_mark.setObjectName("goal_compare_mark")
        self.compare_mark.setTextFormat(Qt.TextFormat.RichText)
        self.compare_mark.setWordWrap(True)
        self.done_lines = {actor: self._done_line() for actor in GROUPS}
        self.evaluations_title = QLabel(t("plan.evaluation.title"))
        self.evaluations_title.setFont(scaled_font(self, 1.15, bold=True))
        content = self._lay_out()
        if self.client_mode:
            self._apply_client_mode()
        self.refresh(self.atlas, self.shown_number)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(content)
        content.show()  # now, with everything in it: the cursor can go there at once
        self.updateGeometry()
        return self

    def sizeHint(self) -> QSize:
        return super().sizeHint() if self.built else QSize(600, self.estimate)

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint() if self.built else QSize(200, self.estimate)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if not self.built:
            self.build()
            self.text.setFocus(event.reason())

    def _tool(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> QWidget:
        """The card's contents in one widget, put in the card when complete."""
        head = QHBoxLayout()
        head.addWidget(Grip(self), 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.text, 1)
        head.addWidget(self.up)
        head.addWidget(self.down)
        head.addWidget(self.remove)
        facts = QHBoxLayout()
        facts.addWidget(self.horizon)
        facts.addWidget(self.status)
        facts.addWidget(self.created)
        facts.addSpacing(12)
        facts.addLayout(self.chips)
        facts.addWidget(self.chip_hint)
        facts.addStretch(1)
        evaluations = QHBoxLayout()
        evaluations.addWidget(self.chart, 1)
        evaluations.addWidget(self.evaluations, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addLayout(facts)
        layout.addWidget(self.compare_mark)
        for actor, group in self.groups.items():
            layout.addWidget(group)
            layout.addWidget(self.done_lines[actor])
        layout.addWidget(self.evaluations_title)
        layout.addLayout(evaluations)
        return content

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(CARD_EDGE), 1.0))
        painter.setBrush(QColor(self._fill))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)

    # --- from the model -------------------------------------------------------------------

    def refresh(self, atlas: Atlas, number: int | None = None) -> None:
        self.atlas = atlas
        goal: Goal = atlas.get("goals", self.goal_id)
        if number is not None:
            self.shown_number = number
        if self._fill != CARD_FILL[goal.status.value]:
            self._fill = CARD_FILL[goal.status.value]
            self.update()
        if not self.built:
            self._estimate(goal)
            return
        if self.shown_number is not None:
            self.number.setText(f"{self.shown_number}.")
        if not self.text.hasFocus() and self.text.text() != goal.text:
            self.text.setText(goal.text)
            self.text.setCursorPosition(0)
        self.horizon.setCurrentIndex(self.horizon.findData(goal.horizon.value))
        self.status.setCurrentIndex(self.status.findData(goal.status.value))
        self.created.setText(
            t("plan.goal.created", date=shown_date(goal.created)) if goal.created else ""
        )
        self._show_chips(goal)
        for group in self.groups.values():
            group.refresh(atlas)
        self._show_evaluations()
        self._show_comparison()

    def _estimate(self, goal: Goal) -> None:
        """How tall the card will be, from what it will show, so the column is as long (and
        the scroll bar as true) before the card is made."""
        line = self.fontMetrics().lineSpacing()
        field = line + 10
        groups = actions_by_group(self.atlas, self.goal_id)
        rows = sum(len(actions) for actions in groups.values())
        empty = sum(not actions for actions in groups.values())
        found = evaluations_of(self.atlas, self.goal_id)
        notes = sum(bool(e.note) for e in found) if not self.client_mode else 0
        evaluations = max(120 if found else line, (len(found) + notes) * line)
        height = (
            30  # margins
            + round(line * 2.6)  # the goal's words, large
            + field
            + 8  # horizon, status, chips
            + 3 * (round(line * 1.6) + 6 + 8)  # the group titles and "+ actie"
            + rows * (field + 4)
            + empty * line
            + round(line * 1.5)
            + 8  # "Evaluaties"
            + evaluations
        )
        if height != self.estimate:
            self.estimate = height
            self.updateGeometry()

    def _show_chips(self, goal: Goal) -> None:
        shown = [
            (node_id, self.atlas.node(node_id).shown_label or "…")
            for node_id in goal.node_ids
            if self.atlas.has("nodes", node_id)
        ]
        if shown == self._chips_shown:
            return
        self._chips_shown = shown
        while self.chips.count():
            widget = self.chips.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for node_id, label in shown:
            chip = Chip()
            chip.setObjectName("goal_chip")
            chip.setText(label)
            chip.setToolTip(t("plan.goal.chip_tip"))
            menu = QMenu(chip)
            menu.addAction(t("plan.goal.chip_remove"), lambda n=node_id: self._drop_node(n))
            chip.setMenu(menu)
            chip.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.chips.addWidget(chip)
        self.chip_hint.setVisible(not goal.node_ids)

    def chip_texts(self) -> list[str]:
        return [self.chips.itemAt(i).widget().text() for i in range(self.chips.count())]

    def _show_evaluations(self) -> None:
        found = evaluations_of(self.atlas, self.goal_id)
        # the client's own line solid, other views dashed and named, as on paper
        self.chart.set_evaluations(found)
        self.chart.setVisible(self.chart.has_lines())
        lines = []
        for evaluation in found:
            line = f"{shown_date(evaluation.date)}: {score_line(evaluation.score)}"
            if evaluation.perspective:
                line += f" ({t('actieplan.evaluation_from', name=evaluation.perspective)})"
            if evaluation.note and not self.client_mode:
                line += f"\n    {evaluation.note}"
            lines.append(line)
        self.evaluations.setText("\n".join(lines) or t("plan.evaluation.none_yet"))

    # --- comparing with an earlier session ------------------------------------------------

    def _done_line(self) -> QLabel:
        line = QLabel()
        line.setObjectName("goal_done_since")
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.setWordWrap(True)
        line.setStyleSheet(f"color: {UP_COLOUR}; font-weight: bold;")
        line.hide()
        return line

    def set_comparison(self, marks: list[CardMark], done_since: dict[str, str]) -> None:
        """Show what changed since the session compared with (nothing: back to now)."""
        self.marks, self.done_since = list(marks), dict(done_since)
        if self.built:
            self._show_comparison()

    def _show_comparison(self) -> None:
        self.compare_mark.setText(marks_html(self.marks))
        self.compare_mark.setVisible(bool(self.marks))
        for actor, group in self.groups.items():
            ids = [row.action_id for row in group.ordered_rows()]
            tags = [self.done_since[a] for a in ids if a in self.done_since]
            line = self.done_lines[actor]
            line.setText("\n".join(tags))
            line.setVisible(bool(tags))

    def compare_texts(self) -> list[str]:
        """The marks a made card shows while comparing: the goal's, then each action's tag."""
        shown = [mark.text for mark in self.marks] if not self.compare_mark.isHidden() else []
        for line in self.done_lines.values():
            if not line.isHidden():
                shown.extend(line.text().split("\n"))
        return shown

    # --- to the model ---------------------------------------------------------------------

    def _edit(self, **changes) -> None:
        goal = self.atlas.get("goals", self.goal_id)
        if any(getattr(goal, key) != value for key, value in changes.items()):
            self._push(plan_edits.edit_goal(self.atlas, self.goal_id, **changes))

    def _text_edited(self) -> None:
        self._edit(text=self.text.text().strip())

    def _drop_node(self, node_id: str) -> None:
        goal = self.atlas.get("goals", self.goal_id)
        self._edit(node_ids=tuple(n for n in goal.node_ids if n != node_id))

    def add_nodes(self, node_ids: list[str]) -> None:
        goal = self.atlas.get("goals", self.goal_id)
        new = [n for n in node_ids if n not in goal.node_ids and self.atlas.has("nodes", n)]
        if new:
            self._push(plan_edits.add_nodes_to_goal(self.atlas, self.goal_id, new))

    def dragEnterEvent(self, event) -> None:
        if node_ids_from(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event) -> None:
        ids = node_ids_from(event.mimeData())
        if ids:
            self.add_nodes(ids)
            event.acceptProposedAction()
        else:
            event.ignore()

    # --- client mode ----------------------------------------------------------------------

    def set_client_mode(self, on: bool) -> None:
        """Goals larger still and notes out of sight while the client holds the pen."""
        self.client_mode = on
        if self.built:
            self._apply_client_mode()
        else:
            self._estimate(self.atlas.get("goals", self.goal_id))

    def _apply_client_mode(self) -> None:
        on = self.client_mode
        self.text.setFont(scaled_font(self, 2.2 if on else 1.6))
        self.number.setFont(scaled_font(self, 2.6 if on else 2.0, bold=True))
        for group in self.groups.values():
            group.set_large(on)
        self._show_evaluations()
