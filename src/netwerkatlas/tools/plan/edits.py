"""Plan edits as commands: goals, actions, evaluations and the next evaluation date.

Each function checks what it is given and returns one `Command` for `document.push`, so every
edit is one undo step; a reorder or a cascade is one `Macro`. A wrong id or value raises
`PlanError` (a `ValueError`) with a sentence saying what is wrong, before anything changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from netwerkatlas.commands import AddItem, Command, Macro, RemoveItem, UpdateItem, UpdateMeta
from netwerkatlas.i18n import t
from netwerkatlas.model import ACTIONS, EVALUATIONS, GOALS, NODES, Atlas
from netwerkatlas.model.records import (
    Action,
    Actor,
    Evaluation,
    Goal,
    GoalStatus,
    Horizon,
    PersonNode,
)
from netwerkatlas.tools.plan.order import actions_in_order, goals_in_order
from netwerkatlas.tools.plan.words import SCORES
from netwerkatlas.tools.sessions.history import current_session

DateLike = dt.date | str
CURRENT: Any = object()  # the default of `evaluate`'s session: the one held now


class PlanError(ValueError):
    """A plan edit that cannot be made; the atlas is unchanged."""


def iso_date(value: DateLike | None, what: str = "date", *, empty: bool = False) -> str:
    """A date as the file keeps it (YYYY-MM-DD); "" only where `empty` is allowed."""
    if value is None or value == "":
        if empty:
            return ""
        raise PlanError(f"the {what} is missing: give a date as YYYY-MM-DD")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise PlanError(f"the {what} {value!r} is not a date: write it as YYYY-MM-DD") from None


def _goal(atlas: Atlas, goal_id: str) -> Goal:
    if not atlas.has(GOALS, goal_id):
        raise PlanError(f"there is no goal with id {goal_id!r}")
    return atlas.get(GOALS, goal_id)


def _action(atlas: Atlas, action_id: str) -> Action:
    if not atlas.has(ACTIONS, action_id):
        raise PlanError(f"there is no action with id {action_id!r}")
    return atlas.get(ACTIONS, action_id)


def _evaluation(atlas: Atlas, evaluation_id: str) -> Evaluation:
    if not atlas.has(EVALUATIONS, evaluation_id):
        raise PlanError(f"there is no evaluation with id {evaluation_id!r}")
    return atlas.get(EVALUATIONS, evaluation_id)


def _nodes(atlas: Atlas, node_ids: Iterable[str]) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(node_ids))
    missing = [n for n in ids if not atlas.has(NODES, n)]
    if missing:
        raise PlanError(f"a goal can only be about bollen of the atlas; unknown: {missing}")
    return ids


def _score(score: Any) -> int | None:
    if score is None:
        return None
    if isinstance(score, bool) or score not in SCORES:
        raise PlanError(f"an evaluation scores 1 to 5, not {score!r}")
    return int(score)


def _named(command: Command, text: str) -> Command:
    command.text = text
    return command


def _check_fields(record_type: type, changes: dict[str, Any]) -> None:
    unknown = sorted(set(changes) - set(record_type.model_fields) - {"id"})
    if "id" in changes or unknown:
        raise PlanError(f"a {record_type.__name__} has no editable field {unknown or ['id']}")


# --- goals -------------------------------------------------------------------------------------


def make_goal(
    atlas: Atlas,
    text: str,
    node_ids: Iterable[str] = (),
    horizon: Horizon = Horizon.SHORT,
    today: dt.date | None = None,
) -> Command:
    """A new active goal, last in the client's order, made today, about `node_ids`."""
    orders = [g.order for g in atlas.items(GOALS)]
    goal = Goal(
        text=text.strip(),
        horizon=Horizon(horizon),
        node_ids=_nodes(atlas, node_ids),
        created=(today or dt.date.today()).isoformat(),
        order=max(orders) + 1 if orders else 0,
    )
    return _named(AddItem(GOALS, goal), t("plan.command.make_goal"))


def edit_goal(atlas: Atlas, goal_id: str, **changes: Any) -> Command:
    """Change a goal's text, horizon, status, bollen, created date or privacy."""
    _goal(atlas, goal_id)
    _check_fields(Goal, changes)
    if "status" in changes:
        changes["status"] = GoalStatus(changes["status"])
    if "horizon" in changes:
        changes["horizon"] = Horizon(changes["horizon"])
    if "node_ids" in changes:
        changes["node_ids"] = _nodes(atlas, changes["node_ids"])
    if "created" in changes:
        changes["created"] = iso_date(changes["created"], "created date", empty=True)
    key = "plan.command.status" if set(changes) == {"status"} else "plan.command.edit_goal"
    return UpdateItem(GOALS, goal_id, changes, t(key))


def remove_goal(atlas: Atlas, goal_id: str) -> Command:
    """The goal with its actions and evaluations, as one undo step."""
    _goal(atlas, goal_id)
    return Macro(t("plan.command.remove_goal"), [RemoveItem(GOALS, goal_id)])


def _renumber(collection: str, ordered: list, text: str, start: int = 0) -> Macro:
    steps: list[Command] = [
        UpdateItem(collection, record.id, {"order": number})
        for number, record in enumerate(ordered, start)
        if record.order != number
    ]
    return Macro(text, steps)


def move_goal(atlas: Atlas, goal_id: str, new_index: int) -> Command:
    """Put a goal at `new_index` in the client's order (0 = first); the goals are then
    numbered 0, 1, 2... in one undo step."""
    goal = _goal(atlas, goal_id)
    ordered = [g for g in goals_in_order(atlas) if g.id != goal_id]
    ordered.insert(max(0, min(new_index, len(ordered))), goal)
    return _renumber(GOALS, ordered, t("plan.command.move_goal"))


def add_nodes_to_goal(atlas: Atlas, goal_id: str, node_ids: Iterable[str]) -> Command:
    """Add bollen a goal is about (a bol dropped on a goal card); ones already there stay."""
    goal = _goal(atlas, goal_id)
    ids = _nodes(atlas, (*goal.node_ids, *node_ids))
    return UpdateItem(GOALS, goal_id, {"node_ids": ids}, t("plan.command.goal_nodes"))


# --- actions -----------------------------------------------------------------------------------


def _group(atlas: Atlas, goal_id: str, actor: Actor, without: str = "") -> list[Action]:
    return [a for a in actions_in_order(atlas, goal_id) if a.actor == actor and a.id != without]


def add_action(
    atlas: Atlas,
    goal_id: str,
    actor: Actor,
    who: str = "",
    who_id: str | None = None,
    what: str = "",
    when: str = "",
    after: str | None = None,
) -> Command:
    """A new action in the goal's group `actor`: last, or right after the action `after`
    (Enter in a row adds the next one below it)."""
    _goal(atlas, goal_id)
    actor = Actor(actor)
    if who_id is not None and not atlas.has(NODES, who_id):
        raise PlanError(f"who must be a person of the atlas; there is no node {who_id!r}")
    group = _group(atlas, goal_id, actor)
    action = Action(
        goal_id=goal_id,
        actor=actor,
        who=who.strip(),
        who_id=who_id,
        what=what.strip(),
        when=when.strip(),
        order=max((a.order for a in group), default=-1) + 1,
    )
    text = t("plan.command.add_action")
    if after is None:
        return _named(AddItem(ACTIONS, action), text)
    ids = [a.id for a in group]
    if after not in ids:
        raise PlanError(f"the action {after!r} is not in this goal's group {actor.value!r}")
    index = ids.index(after) + 1
    ordered: list[Action] = [*group[:index], action, *group[index:]]
    steps: list[Command] = [AddItem(ACTIONS, action.model_copy(update={"order": index}))]
    steps += [
        UpdateItem(ACTIONS, a.id, {"order": number})
        for number, a in enumerate(ordered)
        if a.id != action.id and a.order != number
    ]
    return Macro(text, steps)


def edit_action(atlas: Atlas, action_id: str, **changes: Any) -> Command:
    """Change who, what, when, done or group. A move to another group puts it last there."""
    action = _action(atlas, action_id)
    _check_fields(Action, changes)
    if changes.get("goal_id", action.goal_id) != action.goal_id:
        raise PlanError("an action stays with its goal; make a new one under the other goal")
    if "actor" in changes:
        changes["actor"] = Actor(changes["actor"])
        if changes["actor"] != action.actor and "order" not in changes:
            group = _group(atlas, action.goal_id, changes["actor"])
            changes["order"] = max((a.order for a in group), default=-1) + 1
    if changes.get("who_id") is not None and not atlas.has(NODES, changes["who_id"]):
        raise PlanError(
            f"who must be a person of the atlas; there is no node {changes['who_id']!r}"
        )
    for name in ("who", "what", "when"):
        if isinstance(changes.get(name), str):
            changes[name] = changes[name].strip()
    return UpdateItem(ACTIONS, action_id, changes, t("plan.command.edit_action"))


def move_action(atlas: Atlas, action_id: str, new_index: int) -> Command:
    """Put an action at `new_index` within its goal and group, as one undo step."""
    action = _action(atlas, action_id)
    ordered = _group(atlas, action.goal_id, action.actor, without=action_id)
    ordered.insert(max(0, min(new_index, len(ordered))), action)
    return _renumber(ACTIONS, ordered, t("plan.command.move_action"))


def remove_action(atlas: Atlas, action_id: str) -> Command:
    _action(atlas, action_id)
    return Macro(t("plan.command.remove_action"), [RemoveItem(ACTIONS, action_id)])


def person_from_typed_who(atlas: Atlas, action_id: str) -> Command:
    """The typed name becomes a person of the atlas (in the groslijst), linked to the action."""
    action = _action(atlas, action_id)
    name = action.who.strip()
    if not name:
        raise PlanError("the action has no typed name to make a person of")
    if action.who_id is not None:
        raise PlanError(f"{name!r} is already a person of the atlas")
    person = PersonNode(label=name, name=name)
    return Macro(
        t("plan.command.person_from_who", name=name),
        [AddItem(NODES, person), UpdateItem(ACTIONS, action_id, {"who_id": person.id})],
    )


# --- evaluations -------------------------------------------------------------------------------


def evaluate(
    atlas: Atlas,
    goal_id: str,
    date: DateLike,
    score: int | None,
    note: str = "",
    session_id: str | None = CURRENT,
    perspective: str = "",
) -> Command:
    """Score a goal at an evaluation moment on 1-5, with what helped or what to adjust. The
    evaluation belongs to the session held now unless another (or None) is given; it is the
    client's own unless `perspective` names another view (a naaste's, a professional's)."""
    _goal(atlas, goal_id)
    if session_id is CURRENT:
        session = current_session(atlas)
        session_id = session.id if session else None
    evaluation = Evaluation(
        goal_id=goal_id,
        session_id=session_id,
        date=iso_date(date, "evaluation date"),
        score=_score(score),
        note=note.strip(),
        perspective=" ".join(perspective.split()),
    )
    return _named(AddItem(EVALUATIONS, evaluation), t("plan.command.evaluate"))


def edit_evaluation(atlas: Atlas, evaluation_id: str, **changes: Any) -> Command:
    evaluation = _evaluation(atlas, evaluation_id)
    _check_fields(Evaluation, changes)
    if changes.get("goal_id", evaluation.goal_id) != evaluation.goal_id:
        raise PlanError("an evaluation stays with its goal")
    if "date" in changes:
        changes["date"] = iso_date(changes["date"], "evaluation date")
    if "score" in changes:
        changes["score"] = _score(changes["score"])
    if isinstance(changes.get("note"), str):
        changes["note"] = changes["note"].strip()
    return UpdateItem(EVALUATIONS, evaluation_id, changes, t("plan.command.edit_evaluation"))


def remove_evaluation(atlas: Atlas, evaluation_id: str) -> Command:
    _evaluation(atlas, evaluation_id)
    return Macro(t("plan.command.remove_evaluation"), [RemoveItem(EVALUATIONS, evaluation_id)])


def set_next_evaluation(atlas: Atlas, date: DateLike | None) -> Command:
    """The atlas's next evaluation moment ("" or None clears it)."""
    value = iso_date(date, "next evaluation date", empty=True)
    return UpdateMeta({"next_evaluation": value}, t("plan.command.next_evaluation"))


def three_months_after(date: DateLike) -> str:
    """The method's rhythm: the next evaluation about three months on (same day, or the
    month's last day when that month is shorter)."""
    day = dt.date.fromisoformat(iso_date(date))
    month = day.month + 3
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    for candidate in range(day.day, 27, -1):
        try:
            return dt.date(year, month, candidate).isoformat()
        except ValueError:
            continue
    return dt.date(year, month, min(day.day, 28)).isoformat()
