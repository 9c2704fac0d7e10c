"""The window's Plan menu and the goal markers on the drawing.

Plan → Nieuw doel, Doel maken van… (the bollen chosen on the netwerkintake), Evalueren…; and
Beeld → Doelen verbergen, which hides the markers like Scores verbergen hides the scores. The
window keeps one of these; it wires itself to the window's actions and menus.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from netwerkatlas.app.plan_markers import GoalMarkers
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas


class PlanActions:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.markers = GoalMarkers(window.scene)
        window.view.make_goal = lambda ids: self.new_goal(tuple(ids))
        self.new_goal_action = self._action("action.plan_new_goal", self.new_goal)
        self.goal_from_selection_action = self._action(
            "action.plan_goal_from_selection", self.goal_from_selection, "Ctrl+G"
        )
        self.goal_from_selection_action.setToolTip(t("action.plan_goal_from_selection_tip"))
        self.evaluate_action = self._action("action.plan_evaluate", self.evaluate)
        self.hide_goals_action = self._action("action.hide_goals", self.hide_goals)
        self.hide_goals_action.setCheckable(True)
        self._beside(window.view_menu, window.hide_scores_action, self.hide_goals_action)
        self.menu = window.menuBar().addMenu(t("menu.plan"))
        self.menu.addActions(
            [self.new_goal_action, self.goal_from_selection_action, self.evaluate_action]
        )

    @staticmethod
    def _beside(menu, anchor: QAction, action: QAction) -> None:
        """Put `action` right after `anchor` in `menu` (at the end when it is not there)."""
        actions = menu.actions()
        later = actions[actions.index(anchor) + 1 :] if anchor in actions else []
        if later:
            menu.insertAction(later[0], action)
        else:
            menu.addAction(action)

    def _action(self, key: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(t(key), self.window)
        action.setObjectName(key.removeprefix("action."))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    @property
    def view(self):
        """The Plan tab's widget."""
        return self.window.views.tab("plan").widget

    def show_plan(self) -> None:
        self.window.views.show_instrument("plan")

    def new_goal(self, node_ids: tuple[str, ...] = ()) -> None:
        self.show_plan()
        self.view.new_goal(node_ids)

    def goal_from_selection(self) -> None:
        """A goal about the bollen chosen on the netwerkintake; the cursor waits in its text
        for the client's words."""
        self.new_goal(tuple(self.window.scene.selected_ids()))

    def evaluate(self) -> None:
        self.show_plan()
        self.view.evaluate()

    def hide_goals(self) -> None:
        self.markers.set_show(not self.hide_goals_action.isChecked())

    def set_atlas(self, atlas: Atlas) -> None:
        self.markers.set_atlas(atlas)

    def detach(self) -> None:
        self.markers.detach()
