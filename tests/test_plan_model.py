"""The plan's records, order, commands and suggestions, as the Plan view and exports use them.

Every command is one undo step and undoing all of them gives the file back byte for byte."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.undo_checks import assert_undo_all_and_redo_all

from netwerkatlas import io
from netwerkatlas.commands import RemoveItem, UndoStack, UpdateItem
from netwerkatlas.model import ACTIONS, EVALUATIONS, GOALS, NODES, Atlas
from netwerkatlas.model.records import (
    Actor,
    ClientNode,
    EmotionalRelation,
    GoalStatus,
    Horizon,
    PersonNode,
    SupportRelation,
    SupportStrength,
    ThemeNode,
)
from netwerkatlas.tools.plan import edits
from netwerkatlas.tools.plan.edits import PlanError
from netwerkatlas.tools.plan.order import (
    actions_by_group,
    actions_in_order,
    active_goals,
    evaluations_in_order,
    goal_number,
    goals_in_order,
    who_label,
)
from netwerkatlas.tools.plan.suggest import who_suggestions
from netwerkatlas.tools.plan.words import group_title, score_line, score_word, status_word

TODAY = dt.date(2025, 3, 3)


def atlas_with_people() -> Atlas:
    atlas = Atlas(ClientNode(id="sanne", label="Sanne", name="Sanne"))
    for node in (
        ThemeNode(id="slapen", label="Slapen", score=-2),
        ThemeNode(id="werk", label="Werk", score=1),
        PersonNode(id="moeder", label="Moeder", score=2),
        PersonNode(id="buurman", label="Buurman Kees", score=-1),
        PersonNode(id="fenna", label="Fenna"),
        PersonNode(id="huisarts", label="Huisarts", life_domain="zorg"),
        PersonNode(id="jobcoach", label="Jobcoach"),
    ):
        atlas.add(NODES, node)
    atlas.add("edges", SupportRelation(id="s1", source="sanne", target="fenna"))
    atlas.set_view_setting("netwerkcirkel", "cells", {"jobcoach": ["diensten", "professionals"]})
    return atlas


def push(stack: UndoStack, command) -> str:
    before = len(stack)
    stack.push(command)
    assert len(stack) == before + 1, "every plan edit is one undo step"
    return stack.undo_text()


def new_goal(stack: UndoStack, text: str, **kw) -> str:
    command = edits.make_goal(stack.atlas, text, today=TODAY, **kw)
    push(stack, command)
    return command.record.id


def test_every_command_is_one_undo_step_and_undo_all_gives_the_same_file():
    atlas = atlas_with_people()
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    sleep = new_goal(stack, "  Ik wil weer doorslapen ", node_ids=("slapen", "werk"))
    work = new_goal(stack, "Weer drie dagen werken", horizon=Horizon.LONG)
    assert atlas.get(GOALS, sleep).text == "Ik wil weer doorslapen"
    assert atlas.get(GOALS, sleep).created == "2025-03-03"
    texts = [
        push(stack, edits.add_action(atlas, sleep, Actor.SELF, what="Om elf uur naar bed")),
        push(
            stack, edits.add_action(atlas, sleep, Actor.CLOSE_ONES, who="Oom Piet", what="Bellen")
        ),
        push(stack, edits.add_action(atlas, sleep, Actor.PROFESSIONALS, who_id="huisarts")),
    ]
    assert texts == ["Actie toevoegen"] * 3
    piet = next(a for a in actions_in_order(atlas, sleep) if a.who == "Oom Piet")
    push(stack, edits.person_from_typed_who(atlas, piet.id))
    assert who_label(atlas, atlas.get(ACTIONS, piet.id)) == "Oom Piet"
    push(stack, edits.edit_action(atlas, piet.id, when="elke zondag", done=True))
    push(stack, edits.evaluate(atlas, sleep, "2025-06-03", 3, "Koffie laten staan hielp"))
    first_eval = atlas.items(EVALUATIONS)[0].id
    push(stack, edits.evaluate(atlas, sleep, dt.date(2025, 9, 3), 4))
    push(stack, edits.edit_evaluation(atlas, first_eval, score=2))
    push(stack, edits.set_next_evaluation(atlas, "2025-12-03"))
    push(stack, edits.move_goal(atlas, work, 0))
    push(stack, edits.edit_goal(atlas, work, status=GoalStatus.REACHED))
    push(stack, edits.add_nodes_to_goal(atlas, work, ["werk", "moeder"]))
    push(stack, edits.remove_evaluation(atlas, first_eval))
    push(stack, edits.remove_action(atlas, piet.id))
    assert push(stack, edits.remove_goal(atlas, sleep)) == "Doel verwijderen"
    assert atlas.items(ACTIONS) == [] and atlas.items(EVALUATIONS) == []
    assert atlas.meta.next_evaluation == "2025-12-03"
    assert_undo_all_and_redo_all(stack, original)


def test_goals_come_in_the_clients_order_and_moving_one_is_one_step():
    atlas = atlas_with_people()
    stack = UndoStack(atlas)
    ids = [new_goal(stack, text) for text in ("Slapen", "Werken", "Wandelen")]
    assert [g.text for g in goals_in_order(atlas)] == ["Slapen", "Werken", "Wandelen"]
    push(stack, edits.move_goal(atlas, ids[2], 0))
    assert [g.text for g in goals_in_order(atlas)] == ["Wandelen", "Slapen", "Werken"]
    assert goal_number(atlas, ids[2]) == 1
    push(stack, edits.move_goal(atlas, ids[2], 99))
    assert [g.text for g in goals_in_order(atlas)] == ["Slapen", "Werken", "Wandelen"]
    stack.undo()
    assert [g.text for g in goals_in_order(atlas)] == ["Wandelen", "Slapen", "Werken"]


def test_actions_come_in_groups_i_ii_iii_whatever_order_they_were_made_in():
    atlas = atlas_with_people()
    stack = UndoStack(atlas)
    goal = new_goal(stack, "Slapen")
    for actor, what in [
        (Actor.PROFESSIONALS, "slaapcursus"),
        (Actor.SELF, "naar bed om elf"),
        (Actor.CLOSE_ONES, "samen wandelen"),
        (Actor.SELF, "geen koffie"),
    ]:
        push(stack, edits.add_action(atlas, goal, actor, what=what))
    assert [a.what for a in actions_in_order(atlas, goal)] == [
        "naar bed om elf",
        "geen koffie",
        "samen wandelen",
        "slaapcursus",
    ]
    first = actions_in_order(atlas, goal)[0]
    push(stack, edits.add_action(atlas, goal, Actor.SELF, what="lezen", after=first.id))
    groups = actions_by_group(atlas, goal)
    assert list(groups) == [Actor.SELF, Actor.CLOSE_ONES, Actor.PROFESSIONALS]
    assert [a.what for a in groups[Actor.SELF]] == ["naar bed om elf", "lezen", "geen koffie"]
    push(stack, edits.move_action(atlas, groups[Actor.SELF][2].id, 0))
    assert actions_by_group(atlas, goal)[Actor.SELF][0].what == "geen koffie"
    moved = push(stack, edits.edit_action(atlas, first.id, actor=Actor.PROFESSIONALS))
    assert moved == "Actie wijzigen"
    assert [a.what for a in actions_by_group(atlas, goal)[Actor.PROFESSIONALS]] == [
        "slaapcursus",
        "naar bed om elf",
    ]


def test_evaluations_come_in_date_order_with_their_words():
    atlas = atlas_with_people()
    stack = UndoStack(atlas)
    goal = new_goal(stack, "Slapen")
    push(stack, edits.evaluate(atlas, goal, "2025-09-01", 4))
    push(stack, edits.evaluate(atlas, goal, "2025-06-01", 2))
    assert [(e.date, e.score) for e in evaluations_in_order(atlas, goal)] == [
        ("2025-06-01", 2),
        ("2025-09-01", 4),
    ]
    assert score_word(1) == "doel veel verder uit zicht"
    assert score_line(5) == "5 – volledig bereikt"
    assert group_title(Actor.CLOSE_ONES) == "II. Wat mijn naasten doen"
    assert status_word(GoalStatus.STOPPED) == "gestopt"
    assert edits.three_months_after("2025-11-30") == "2026-02-28"


def test_renaming_a_person_shows_the_new_name_and_deleting_keeps_the_name():
    atlas = atlas_with_people()
    stack = UndoStack(atlas)
    goal = new_goal(stack, "Slapen")
    push(stack, edits.add_action(atlas, goal, Actor.CLOSE_ONES, who_id="moeder", what="bellen"))
    action = atlas.items(ACTIONS)[0]
    stack.push(UpdateItem(NODES, "moeder", {"label": "Mama Ans"}))
    assert who_label(atlas, atlas.get(ACTIONS, action.id)) == "Mama Ans"
    stack.push(RemoveItem(NODES, "moeder"))
    kept = atlas.get(ACTIONS, action.id)
    assert kept.who_id is None and who_label(atlas, kept) == "Mama Ans"
    stack.undo()
    assert atlas.get(ACTIONS, action.id).who_id == "moeder"


def test_a_goal_can_count_its_active_goals_and_never_forbids_a_fourth():
    atlas = atlas_with_people()
    stack = UndoStack(atlas)
    ids = [new_goal(stack, f"Doel {n}") for n in range(4)]
    push(stack, edits.edit_goal(atlas, ids[0], status="stopped"))
    assert len(active_goals(atlas)) == 3


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda a, g: edits.evaluate(a, g, "3 juni", 3), "YYYY-MM-DD"),
        (lambda a, g: edits.evaluate(a, g, "2025-06-01", 6), "1 to 5"),
        (lambda a, g: edits.evaluate(a, g, "2025-06-01", True), "1 to 5"),
        (lambda a, g: edits.add_action(a, "nope", Actor.SELF), "no goal"),
        (lambda a, g: edits.add_action(a, g, Actor.SELF, who_id="spook"), "no node"),
        (lambda a, g: edits.make_goal(a, "x", node_ids=["spook"]), "unknown"),
        (lambda a, g: edits.edit_goal(a, g, colour="rood"), "no editable field"),
        (lambda a, g: edits.set_next_evaluation(a, "morgen"), "not a date"),
    ],
)
def test_wrong_input_is_refused_with_a_sentence_before_anything_changes(make, words):
    atlas = atlas_with_people()
    stack = UndoStack(atlas)
    goal = new_goal(stack, "Slapen")
    before = io.dumps(atlas)
    with pytest.raises(PlanError, match=words):
        make(atlas, goal)
    assert io.dumps(atlas) == before


def test_person_from_typed_who_needs_a_typed_name():
    atlas = atlas_with_people()
    stack = UndoStack(atlas)
    goal = new_goal(stack, "Slapen")
    push(stack, edits.add_action(atlas, goal, Actor.SELF))
    with pytest.raises(PlanError, match="no typed name"):
        edits.person_from_typed_who(atlas, atlas.items(ACTIONS)[0].id)


def test_who_suggestions_put_the_likeliest_people_first():
    atlas = atlas_with_people()
    atlas.add("edges", EmotionalRelation(id="e1", source="buurman", target="sanne"))
    assert [n.id for n in who_suggestions(atlas, Actor.SELF)] == ["sanne"]
    close = [n.id for n in who_suggestions(atlas, Actor.CLOSE_ONES)]
    assert set(close[:3]) == {"moeder", "fenna", "buurman"}  # score +, strong line, close line
    assert close[0] == "moeder"
    assert set(close[-2:]) == {"huisarts", "jobcoach"}  # professionals last
    professionals = [n.id for n in who_suggestions(atlas, Actor.PROFESSIONALS)]
    assert set(professionals[:2]) == {"huisarts", "jobcoach"}
    assert sorted(professionals) == sorted(close)
    atlas.update("edges", "s1", {"strength": SupportStrength.TENUOUS})
    assert "fenna" not in [n.id for n in who_suggestions(atlas, Actor.CLOSE_ONES)[:2]]


# --- a random session of plan edits undoes to the original ------------------------------------

STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "goal",
                "edit_goal",
                "move_goal",
                "remove_goal",
                "action",
                "action_after",
                "edit_action",
                "move_action",
                "remove_action",
                "typed_who",
                "evaluate",
                "edit_evaluation",
                "remove_evaluation",
                "next",
                "delete_person",
            ]
        ),
        st.integers(0, 50),
        st.sampled_from(list(Actor)),
        st.text(alphabet="abc ëZ", max_size=8),
    ),
    max_size=25,
)


def _pick(items: list, n: int):
    return items[n % len(items)] if items else None


def _command(atlas: Atlas, step: str, n: int, actor: Actor, text: str):
    goal = _pick(goals_in_order(atlas), n)
    action = _pick(sorted(atlas.items(ACTIONS), key=lambda a: a.id), n)
    evaluation = _pick(sorted(atlas.items(EVALUATIONS), key=lambda e: e.id), n)
    people = sorted(p.id for p in atlas.nodes() if p.kind == "person")
    if step == "goal":
        return edits.make_goal(atlas, text, node_ids=people[: n % 3], today=TODAY)
    if step == "next":
        return edits.set_next_evaluation(atlas, TODAY + dt.timedelta(days=n))
    if step == "delete_person" and people:
        return RemoveItem(NODES, _pick(people, n))
    if goal is None:
        return None
    if step == "edit_goal":
        return edits.edit_goal(atlas, goal.id, text=text, status=_pick(list(GoalStatus), n))
    if step == "move_goal":
        return edits.move_goal(atlas, goal.id, n % 4)
    if step == "remove_goal":
        return edits.remove_goal(atlas, goal.id)
    if step == "action":
        who_id = _pick(people, n) if n % 2 else None
        return edits.add_action(atlas, goal.id, actor, who=text, who_id=who_id, what=text)
    if step == "evaluate":
        return edits.evaluate(atlas, goal.id, TODAY + dt.timedelta(days=n), n % 5 + 1, text)
    if action is not None:
        if step == "action_after":
            return edits.add_action(atlas, action.goal_id, action.actor, what=text, after=action.id)
        if step == "edit_action":
            return edits.edit_action(atlas, action.id, what=text, actor=actor, done=bool(n % 2))
        if step == "move_action":
            return edits.move_action(atlas, action.id, n % 3)
        if step == "remove_action":
            return edits.remove_action(atlas, action.id)
        if step == "typed_who" and action.who.strip() and action.who_id is None:
            return edits.person_from_typed_who(atlas, action.id)
    if evaluation is not None:
        if step == "edit_evaluation":
            return edits.edit_evaluation(atlas, evaluation.id, score=n % 5 + 1, note=text)
        if step == "remove_evaluation":
            return edits.remove_evaluation(atlas, evaluation.id)
    return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_a_random_session_of_plan_edits_undoes_to_the_original(steps):
    atlas = atlas_with_people()
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    for step, n, actor, text in steps:
        command = _command(atlas, step, n, actor, text)
        if command is not None:
            push(stack, command)
    assert_undo_all_and_redo_all(stack, original)
