"""The plan's order: goals as the client ranked them, actions I → II → III, evaluations by date.

Records are stored by id (canonical file order), which says nothing; every view and export
asks these helpers instead, so the screen and every page agree.
"""

from __future__ import annotations

from netwerkatlas.model import ACTIONS, EVALUATIONS, GOALS, Atlas
from netwerkatlas.model.records import Action, Actor, Evaluation, Goal, GoalStatus
from netwerkatlas.tools.plan.words import GROUPS


def goals_in_order(atlas: Atlas) -> list[Goal]:
    """The client's order (lower `order` first); ties by created date, then id, so two
    goals with the same number still come out the same way every time."""
    return sorted(atlas.items(GOALS), key=lambda g: (g.order, g.created, g.id))


def active_goals(atlas: Atlas) -> list[Goal]:
    """The goals being worked on: the method keeps two or three at a time."""
    return [g for g in goals_in_order(atlas) if g.status == GoalStatus.ACTIVE]


def _action_key(action: Action) -> tuple:
    return (GROUPS.index(action.actor), action.order, action.id)


def actions_in_order(atlas: Atlas, goal_id: str) -> list[Action]:
    """The goal's actions, group I (self), II (naasten), III (professionals), each in its order."""
    return sorted((a for a in atlas.items(ACTIONS) if a.goal_id == goal_id), key=_action_key)


def actions_by_group(atlas: Atlas, goal_id: str) -> dict[Actor, list[Action]]:
    """The three groups in the method's order, also the empty ones."""
    groups: dict[Actor, list[Action]] = {actor: [] for actor in GROUPS}
    for action in actions_in_order(atlas, goal_id):
        groups[action.actor].append(action)
    return groups


def evaluations_in_order(atlas: Atlas, goal_id: str) -> list[Evaluation]:
    """Oldest first; an evaluation without a date comes last (it has not been placed yet)."""
    found = (e for e in atlas.items(EVALUATIONS) if e.goal_id == goal_id)
    return sorted(found, key=lambda e: (not e.date, e.date, e.id))


def goal_number(atlas: Atlas, goal_id: str) -> int:
    """A goal's number as the client counts (1 = first), for markers on the drawing."""
    for number, goal in enumerate(goals_in_order(atlas), 1):
        if goal.id == goal_id:
            return number
    raise KeyError(f"no goal with id {goal_id!r}")


def who_label(atlas: Atlas, action: Action) -> str:
    """Who does it: the linked person's current name (a rename shows at once), else the
    name as typed."""
    if action.who_id is not None and atlas.has("nodes", action.who_id):
        shown = atlas.node(action.who_id).shown_label
        if shown:
            return shown
    return action.who
