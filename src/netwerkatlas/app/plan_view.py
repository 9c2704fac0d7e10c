"""The Plan tab: the client's goals as cards, the count of active goals, the next evaluation.

It follows the atlas's events like the drawings do: an edit anywhere (a rename in the groslijst,
a person deleted, an undo) marks the view stale, and it is drawn again once per edit, only while
it is looked at. Cards and rows are kept and updated, not rebuilt, so the field being typed in
keeps its cursor. The method works with two or three active goals; more are allowed, and the view
says so gently.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.document_tab import DocumentTab, date_field, iso_of, scrolled, show_date
from netwerkatlas.app.plan_common import (
    MIME_GOAL,
    SUGGESTED_ACTIVE,
    active_count,
    goals,
    scaled_font,
)
from netwerkatlas.app.plan_compare import PlanMarks, plan_marks
from netwerkatlas.app.plan_evaluate import EvaluateDialog
from netwerkatlas.app.plan_goal_card import GoalCard
from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools.plan import edits as plan_edits


class GoalList(QWidget):
    """The column of cards; a card dropped between others moves its goal there."""

    def __init__(self, view: PlanView) -> None:
        super().__init__()
        self.view = view
        self.setAcceptDrops(True)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(24, 12, 24, 24)
        self.column.setSpacing(18)
        self.column.addStretch(1)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME_GOAL):
            event.acceptProposedAction()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event) -> None:
        if not event.mimeData().hasFormat(MIME_GOAL):
            event.ignore()
            return
        goal_id = bytes(event.mimeData().data(MIME_GOAL)).decode("utf-8")
        self.view.move_to(goal_id, self.index_at(event.position().y()))
        event.acceptProposedAction()

    def index_at(self, y: float) -> int:
        """The place in the order of a drop at height `y`: before the first card it is above."""
        cards = self.view.cards_in_order()
        for index, card in enumerate(cards):
            if y < card.geometry().center().y():
                return index
        return max(0, len(cards) - 1)


class PlanView(DocumentTab):
    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent=None) -> None:
        super().__init__(atlas, push, parent)
        self.setObjectName("plan_view")
        self.cards: dict[str, GoalCard] = {}  # every goal's card, made (`built`) or not yet
        self._order: list[str] = []
        self.client_mode = False
        self.comparison = PlanMarks()  # while comparing sessions: what the cards mark
        self._make_header()
        self.list = GoalList(self)
        self.scroll = scrolled(self.list)
        self._build_soon = QTimer(self)
        self._build_soon.setSingleShot(True)
        self._build_soon.setInterval(0)
        self._build_soon.timeout.connect(self.build_in_sight)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _: self._build_soon.start())
        self.scroll.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        self.set_atlas(atlas)

    def _make_header(self) -> None:
        self.header = QWidget()
        self.header.setObjectName("plan_header")
        self.count = QLabel()
        self.count.setFont(scaled_font(self, 1.3, bold=True))
        self.gentle = QLabel()
        self.gentle.setWordWrap(True)
        self.gentle.setStyleSheet("color: #6d4c00;")
        self.next_label = QLabel(t("plan.next_evaluation"))
        self.next_date = date_field(t("plan.no_date"))
        self.next_date.editingFinished.connect(self._next_date_edited)
        self.new_goal_button = QPushButton(t("plan.new_goal"))
        self.new_goal_button.clicked.connect(lambda: self.new_goal())
        self.evaluate_button = QPushButton(t("plan.evaluate"))
        self.evaluate_button.clicked.connect(self.evaluate)
        self.empty_label(t("plan.empty"), 1.2)
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.next_label)
        top.addWidget(self.next_date)
        top.addSpacing(12)
        top.addWidget(self.new_goal_button)
        top.addWidget(self.evaluate_button)
        layout = QVBoxLayout(self.header)
        layout.setContentsMargins(24, 14, 24, 0)
        layout.addLayout(top)
        layout.addWidget(self.gentle)
        layout.addWidget(self.empty)

    # --- the atlas it shows (the registry's tab protocol) -----------------------------------

    def set_atlas(self, atlas: Atlas) -> None:
        self.comparison = PlanMarks()  # another atlas: the comparison, if any, is given again
        for card in self.cards.values():
            self.list.column.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        super().set_atlas(atlas)

    def zoom_by(self, factor: float) -> None:
        super().zoom_by(factor)
        for card in self.cards.values():
            if not card.built:
                card.refresh(self.atlas)  # its estimated height, in the new size
        self._build_soon.start()

    def set_comparison(self, changes, label: str = "") -> None:
        """Mark on the cards what changed since the session named `label` (`changes`, from
        `compare`); None: back to now, no marks."""
        self.comparison = plan_marks(changes, label) if changes is not None else PlanMarks()
        for goal_id, card in self.cards.items():
            self._mark(card, goal_id)

    def _mark(self, card: GoalCard, goal_id: str) -> None:
        card.set_comparison(self.comparison.goals.get(goal_id, []), self.comparison.done)

    def set_client_mode(self, on: bool) -> None:
        self.client_mode = on
        for card in self.cards.values():
            card.set_client_mode(on)

    # --- following the model (DocumentTab's, and the cards made as they come in sight) ------

    def showEvent(self, event) -> None:
        super().showEvent(event)  # flushes
        self._build_soon.start()  # again once laid out: the estimates were only estimates

    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._build_soon.start()
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Draw what changed since the last time."""
        atlas = self.atlas
        ordered = goals(atlas)
        wanted = {goal.id for goal in ordered}
        for goal_id in [g for g in self.cards if g not in wanted]:
            card = self.cards.pop(goal_id)
            self.list.column.removeWidget(card)
            card.deleteLater()
        for index, goal in enumerate(ordered):
            card = self.cards.get(goal.id)
            if card is None:
                card = self.cards[goal.id] = GoalCard(
                    atlas, goal, self.push, self.flush, self.move_by
                )
                if self.client_mode:
                    card.set_client_mode(True)
                if self.comparison.goals or self.comparison.done:
                    self._mark(card, goal.id)
            if self.list.column.indexOf(card) != index:
                self.list.column.insertWidget(index, card)
                card.show()
            card.refresh(atlas, index + 1)
        self._order = [goal.id for goal in ordered]
        self._show_header(len(ordered))
        self.build_in_sight()

    def build_in_sight(self) -> None:
        """Make the cards that are (partly) in sight; the others stay frames of their height
        until scrolled to. Positions are added up from the cards' heights, so this works before
        Qt has laid the column out, and the first paint already shows the cards."""
        if not self.isVisible():
            return
        margins, spacing = self.list.column.contentsMargins(), self.list.column.spacing()
        top = self.scroll.verticalScrollBar().value()
        bottom = top + max(self.scroll.viewport().height(), self.height() // 2)
        y = margins.top()
        for card in self.cards_in_order():
            if y > bottom:
                break
            if not card.built and y + card.sizeHint().height() >= top:
                card.build()
            y += card.sizeHint().height() + spacing

    def _show_header(self, total: int) -> None:
        active = active_count(self.atlas)
        self.count.setText(t("plan.active_count", active=active, total=total))
        self.gentle.setText(
            t("plan.many_active", active=active) if active > SUGGESTED_ACTIVE else ""
        )
        self.gentle.setVisible(active > SUGGESTED_ACTIVE)
        self.empty.setVisible(total == 0)
        show_date(self.next_date, self.atlas.meta.next_evaluation or "")

    def cards_in_order(self) -> list[GoalCard]:
        """The cards top to bottom, made or not."""
        return [self.cards[goal_id] for goal_id in self._order if goal_id in self.cards]

    def card(self, goal_id: str) -> GoalCard:
        """The card of `goal_id`, made if it was not yet."""
        self.flush()
        return self.cards[goal_id].build()

    def ordered_cards(self) -> list[GoalCard]:
        """All cards top to bottom, made."""
        self.flush()
        return [self.card(goal_id) for goal_id in self._order]

    # --- edits ----------------------------------------------------------------------------

    def _push(self, command: Command | None) -> None:
        if command is not None:
            self.push(command)

    def new_goal(self, node_ids: tuple[str, ...] = ()) -> GoalCard | None:
        """A new goal (about `node_ids`) at the end, with the cursor in its text: type the
        client's words."""
        before = set(self.cards)
        self._push(plan_edits.make_goal(self.atlas, "", tuple(node_ids)))
        self.redraw()
        new = [card.build() for goal_id, card in self.cards.items() if goal_id not in before]
        if not new:
            return None
        self.scroll.ensureWidgetVisible(new[0])
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(new[0]))
        new[0].text.setFocus(Qt.FocusReason.OtherFocusReason)
        return new[0]

    def move_by(self, goal_id: str, step: int) -> None:
        order = [goal.id for goal in goals(self.atlas)]
        if goal_id in order:
            self.move_to(goal_id, order.index(goal_id) + step)

    def move_to(self, goal_id: str, index: int) -> None:
        order = [goal.id for goal in goals(self.atlas)]
        index = max(0, min(len(order) - 1, index))
        if goal_id in order and order.index(goal_id) != index:
            self._push(plan_edits.move_goal(self.atlas, goal_id, index))
            self.flush()
            card = self.cards.get(goal_id)
            if card is not None:
                self.scroll.ensureWidgetVisible(card)

    def _next_date_edited(self) -> None:
        iso = iso_of(self.next_date)
        if iso != (self.atlas.meta.next_evaluation or ""):
            self._push(plan_edits.set_next_evaluation(self.atlas, iso))

    def evaluate(self) -> EvaluateDialog:
        """The evaluation moment: a date and a score 1-5 with its words for each active goal;
        what is filled in becomes one undo step."""
        dialog = EvaluateDialog(self.atlas, self.client_mode, self)
        dialog.accepted.connect(lambda: self._push(dialog.command()))
        dialog.open()
        self.last_dialog = dialog
        return dialog


def make_plan_tab(atlas: Atlas, push: Callable[[Command], None], parent: QWidget):
    """The registry's tab factory: the Plan view has no scene, the widget follows the atlas."""
    return None, PlanView(atlas, push, parent)
