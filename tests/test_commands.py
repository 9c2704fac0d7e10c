"""Undo and redo of every kind of edit, including cascades, as the user would use them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.undo_checks import assert_undo_all_and_redo_all

from netwerkatlas import io
from netwerkatlas.commands import (
    AddItem,
    RemoveItem,
    SetPositions,
    SetViewSetting,
    UndoStack,
    UpdateItem,
    UpdateMeta,
)
from netwerkatlas.model import (
    Action,
    Atlas,
    AtlasError,
    ClientNode,
    Evaluation,
    Goal,
    InfluenceLink,
    PersonNode,
    Session,
    ThemeNode,
)


def small_atlas():
    atlas = Atlas(ClientNode(label="Sanne"))
    sleep = ThemeNode(id="slapen", label="Slapen", score=-2)
    work = ThemeNode(id="werk", label="Werk", score=1)
    mother = PersonNode(id="moeder", label="Moeder", score=2)
    for node in (sleep, work, mother):
        atlas.add("nodes", node)
    atlas.add("edges", InfluenceLink(id="l1", source="slapen", target="werk"))
    atlas.add("edges", InfluenceLink(id="l2", source="werk", target="slapen"))
    atlas.add("goals", Goal(id="g1", text="Beter slapen", node_ids=("slapen", "werk")))
    atlas.add("sessions", Session(id="s1", date="2026-11-01", label="Intake"))
    atlas.add("actions", Action(id="a1", goal_id="g1", who="Moeder", who_id="moeder"))
    atlas.add("evaluations", Evaluation(id="e1", goal_id="g1", session_id="s1", score=3))
    atlas.set_positions("netwerkintake", {"slapen": (200, 0), "moeder": (-200, 10)})
    return atlas


def test_removing_a_node_takes_its_links_and_references_and_undo_restores_all():
    atlas = small_atlas()
    before = io.dumps(atlas)
    stack = UndoStack(atlas)
    stack.push(RemoveItem("nodes", "slapen"))
    assert not atlas.has("nodes", "slapen")
    assert not atlas.has("edges", "l1") and not atlas.has("edges", "l2")
    assert atlas.get("goals", "g1").node_ids == ("werk",)
    assert atlas.position("netwerkintake", "slapen") is None
    assert stack.undo_text() == "Thema verwijderen"
    stack.undo()
    assert io.dumps(atlas) == before
    assert atlas.position("netwerkintake", "slapen") == (200.0, 0.0)
    stack.redo()
    assert not atlas.has("nodes", "slapen")


def test_removing_a_person_clears_who_in_actions():
    atlas = small_atlas()
    stack = UndoStack(atlas)
    stack.push(RemoveItem("nodes", "moeder"))
    assert atlas.get("actions", "a1").who_id is None
    assert atlas.get("actions", "a1").who == "Moeder"
    stack.undo()
    assert atlas.get("actions", "a1").who_id == "moeder"


def test_removing_a_goal_removes_its_actions_and_evaluations():
    atlas = small_atlas()
    before = io.dumps(atlas)
    stack = UndoStack(atlas)
    stack.push(RemoveItem("goals", "g1"))
    assert atlas.items("actions") == [] and atlas.items("evaluations") == []
    stack.undo()
    assert io.dumps(atlas) == before


def test_removing_a_session_keeps_evaluations_without_it():
    atlas = small_atlas()
    stack = UndoStack(atlas)
    stack.push(RemoveItem("sessions", "s1"))
    assert atlas.get("evaluations", "e1").session_id is None
    stack.undo()
    assert atlas.get("evaluations", "e1").session_id == "s1"


def test_a_failing_command_changes_nothing_and_is_not_recorded():
    atlas = small_atlas()
    before = io.dumps(atlas)
    stack = UndoStack(atlas)
    with pytest.raises(AtlasError):
        stack.push(UpdateItem("nodes", "slapen", {"score": 7}))
    with pytest.raises(AtlasError):
        stack.push(RemoveItem("nodes", atlas.client_id))
    assert io.dumps(atlas) == before
    assert len(stack) == 0 and not stack.can_undo()


def test_a_macro_is_one_undo_step_and_rolls_back_when_a_step_fails():
    atlas = small_atlas()
    before = io.dumps(atlas)
    stack = UndoStack(atlas)
    with stack.macro("Twee bollen"):
        stack.push(AddItem("nodes", ThemeNode(id="wonen", label="Wonen")))
        stack.push(SetPositions("netwerkintake", {"wonen": (0, 300)}))
    assert len(stack) == 1 and stack.undo_text() == "Twee bollen"
    stack.undo()
    assert io.dumps(atlas) == before

    with pytest.raises(AtlasError), stack.macro("Half"):
        stack.push(AddItem("nodes", ThemeNode(id="roken", label="Roken")))
        stack.push(UpdateItem("nodes", "roken", {"score": 9}))
    assert io.dumps(atlas) == before
    assert len(stack) == 1  # only the earlier, undone macro remains in the history


def test_clean_mark_follows_save_undo_and_redo():
    atlas = small_atlas()
    stack = UndoStack(atlas)
    assert stack.is_clean()
    stack.push(UpdateMeta({"title": "Netwerk van Sanne"}))
    assert not stack.is_clean()
    stack.set_clean()
    stack.push(SetViewSetting("netwerkintake", "hide_scores", True))
    assert atlas.view_setting("netwerkintake", "hide_scores") is True
    stack.undo()
    assert stack.is_clean() and atlas.view_setting("netwerkintake", "hide_scores") is None
    stack.undo()
    assert not stack.is_clean()
    assert atlas.meta.title == ""
    stack.redo()
    assert stack.is_clean()
    stack.undo()
    stack.push(UpdateMeta({"title": "Anders"}))
    assert not stack.is_clean()  # the saved state is gone from the history for good


# --- property: any sequence of edits, undone entirely, gives the original atlas back ----------

edit_choices = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "update", "link", "unlink", "move", "setting", "meta"]),
        st.integers(0, 10_000),
        st.integers(-2, 2),
        st.floats(-900, 900, allow_nan=False),
    ),
    min_size=1,
    max_size=30,
)


def make_command(atlas, choice, pick, score, coordinate):
    nodes = sorted(n.id for n in atlas.nodes())
    others = [n for n in nodes if n != atlas.client_id]
    edges = sorted(e.id for e in atlas.edges())
    if choice == "add" or not others:
        return AddItem("nodes", ThemeNode(label=f"thema {pick}", score=score))
    node = others[pick % len(others)]
    if choice == "remove":
        return RemoveItem("nodes", node)
    if choice == "update":
        return UpdateItem("nodes", node, {"score": score, "label": f"nieuw {pick}"})
    if choice == "link":
        target = nodes[(pick // 7) % len(nodes)]
        if target == node:
            target = atlas.client_id
        return AddItem("edges", InfluenceLink(source=node, target=target, note=str(pick)))
    if choice == "unlink" and edges:
        return RemoveItem("edges", edges[pick % len(edges)])
    if choice == "setting":
        return SetViewSetting("netwerkintake", "zoom", score)
    if choice == "meta":
        return UpdateMeta({"title": f"titel {pick}"})
    return SetPositions("netwerkintake", {node: (coordinate, -coordinate)})


@settings(max_examples=80, deadline=None)
@given(edit_choices)
def test_undo_all_gives_the_original_and_redo_all_the_final_atlas(choices):
    atlas = small_atlas()
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    for choice in choices:
        stack.push(make_command(atlas, *choice))
    assert_undo_all_and_redo_all(stack, original)
