"""What changed between two sessions: exactly the edits made, in plain Dutch, private things
left out as in every export."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netwerkatlas.commands import (
    AddItem,
    RemoveItem,
    SetViewSetting,
    UndoStack,
    UpdateItem,
)
from netwerkatlas.export.options import NameStyle, Privacy
from netwerkatlas.model import (
    ACTIONS,
    EDGES,
    GOALS,
    NODES,
    Action,
    Atlas,
    AtlasMeta,
    ClientNode,
    Goal,
    InfluenceLink,
    ParentChildRelation,
    PartnerRelation,
    PersonNode,
    ThemeNode,
)
from netwerkatlas.tools.plan.edits import evaluate
from netwerkatlas.tools.sessions.changes import (
    ActionDone,
    FamilyEvent,
    GoalEvaluated,
    GoalReached,
    LinkAdded,
    LinkRemoved,
    Moved,
    NodeAdded,
    NodeRemoved,
    RingCounts,
    ScoreChanged,
    compare,
)
from netwerkatlas.tools.sessions.edits import ensure_intake, start_follow_up
from netwerkatlas.tools.sessions.history import atlas_at, sessions_in_order
from netwerkatlas.tools.sessions.report import private_changes, report_lines

RINGS = ("intimi", "vrienden", "bekenden", "diensten")
SECTOR = "familie"


def base_atlas(n_themes: int = 6, n_people: int = 5) -> tuple[Atlas, UndoStack]:
    """An intake: themes and people with scores, links between neighbours, people in the
    circle, a goal per theme with an evaluation and an action."""
    atlas = Atlas(ClientNode(id="client", label="Sanne"), AtlasMeta(id="m", created="2026-01-05"))
    ensure_intake(atlas)
    for i in range(n_themes):
        atlas.add(NODES, ThemeNode(id=f"t{i}", label=f"Thema {i}", score=(i % 5) - 2))
    for i in range(n_people):
        atlas.add(NODES, PersonNode(id=f"p{i}", label=f"Persoon {i}", score=(i % 3) - 1))
    ids = [n.id for n in atlas.nodes() if n.id != "client"]
    for i, (a, b) in enumerate(pairwise(ids)):
        if i % 2 == 0:
            atlas.add(EDGES, InfluenceLink(id=f"l{i}", source=a, target=b))
    cells = {f"p{i}": [RINGS[i % 4], SECTOR] for i in range(n_people)}
    atlas.set_view_setting("netwerkcirkel", "cells", cells)
    for i in range(3):
        atlas.add(GOALS, Goal(id=f"g{i}", text=f"Doel {i}", order=i))
        atlas.add(ACTIONS, Action(id=f"a{i}", goal_id=f"g{i}", what=f"Actie {i}"))
    stack = UndoStack(atlas)
    stack.push(evaluate(atlas, "g0", "2026-01-05", 2))
    return atlas, stack


@st.composite
def edit_plans(draw):
    """Which things to change between the sessions; each thing is touched once at most."""
    nodes = [f"t{i}" for i in range(6)] + [f"p{i}" for i in range(5)]
    touched = draw(st.permutations(nodes))
    n_score = draw(st.integers(0, 4))
    n_remove = draw(st.integers(0, 3))
    rescored = touched[:n_score]
    removed = touched[n_score : n_score + n_remove]
    staying_people = [n for n in touched[n_score + n_remove :] if n.startswith("p")]
    moved = staying_people[: draw(st.integers(0, len(staying_people)))]
    return {
        "scores": {n: draw(st.integers(-2, 2)) for n in rescored},
        "removed": removed,
        "added": draw(st.integers(0, 3)),
        "moved": {n: draw(st.sampled_from(RINGS)) for n in moved},
        "evaluated": draw(st.dictionaries(st.sampled_from(["g0", "g1", "g2"]), st.integers(1, 5))),
        "done": draw(st.sets(st.sampled_from(["a0", "a1", "a2"]))),
        "new_link": draw(st.booleans()),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=edit_plans())
def test_the_report_lists_exactly_the_changes_made_between_two_sessions(plan):
    atlas, stack = base_atlas()
    stack.push(start_follow_up(atlas, "2026-04-05"))
    before = atlas_at(atlas, sessions_in_order(atlas)[0].id)
    expected: set = set()
    old_cells = {k: tuple(v) for k, v in atlas.view_setting("netwerkcirkel", "cells").items()}
    for node_id, score in plan["scores"].items():
        old = atlas.node(node_id)
        if old.score != score:
            stack.push(UpdateItem(NODES, node_id, {"score": score}))
            expected.add(ScoreChanged(node_id, old.shown_label, old.score, score))
    for node_id in plan["removed"]:
        node = atlas.node(node_id)
        for edge in atlas.edges_of(node_id):
            ends = [atlas.node(n).shown_label for n in (edge.source, edge.target)]
            expected.add(LinkRemoved(*ends, "influence", edge.id))
        stack.push(RemoveItem(NODES, node_id))
        expected.add(NodeRemoved(node_id, node.shown_label, node.kind.value))
    for i in range(plan["added"]):
        stack.push(AddItem(NODES, ThemeNode(id=f"new{i}", label=f"Nieuw {i}")))
        expected.add(NodeAdded(f"new{i}", f"Nieuw {i}", "theme"))
    if plan["new_link"] and plan["added"]:
        stack.push(AddItem(EDGES, InfluenceLink(id="l-new", source="client", target="new0")))
        expected.add(LinkAdded("Sanne", "Nieuw 0", "influence", "l-new"))
    cells = {k: list(v) for k, v in old_cells.items()}
    cells.update({k: [ring, SECTOR] for k, ring in plan["moved"].items()})
    stack.push(SetViewSetting("netwerkcirkel", "cells", cells))
    new_cells = {k: tuple(v) for k, v in cells.items() if atlas.has(NODES, k)}
    for node_id in old_cells.keys() | new_cells.keys():
        if old_cells.get(node_id) != new_cells.get(node_id):
            label = before.node(node_id).shown_label
            expected.add(
                Moved("netwerkcirkel", node_id, label, old_cells[node_id], new_cells.get(node_id))
            )
    then = Counter(c[0] for c in old_cells.values())
    now = Counter(c[0] for c in new_cells.values())
    if then != now:
        expected.add(RingCounts("netwerkcirkel", dict(then), dict(now)))
    for goal_id, score in plan["evaluated"].items():
        stack.push(evaluate(atlas, goal_id, "2026-04-05", score))
        old_score = 2 if goal_id == "g0" else None
        expected.add(GoalEvaluated(goal_id, atlas.get(GOALS, goal_id).text, old_score, score))
    for action_id in plan["done"]:
        stack.push(UpdateItem(ACTIONS, action_id, {"done": True}))
        action = atlas.get(ACTIONS, action_id)
        goal_text = atlas.get(GOALS, action.goal_id).text
        expected.add(ActionDone(action_id, goal_text, action.what))

    changes = compare(before, atlas)
    assert set(changes.items) == expected
    assert len(changes.items) == len(expected)  # nothing twice
    lines = report_lines(changes, "Intake", "nu")
    assert sum(line.startswith("- ") for line in lines) == len(expected)
    assert all(len(line) <= 100 for line in lines)


def test_nothing_changed_says_so():
    atlas, stack = base_atlas()
    stack.push(start_follow_up(atlas, "2026-04-05"))
    changes = compare(atlas_at(atlas, sessions_in_order(atlas)[0].id), atlas)
    assert not changes
    assert report_lines(changes, "Intake", "nu")[-1] == "Er is niets veranderd."


def follow_up_with_family() -> tuple[Atlas, Atlas]:
    atlas, stack = base_atlas()
    atlas.add(NODES, PersonNode(id="fleur", label="Fleur", name="Fleur de Vries"))
    atlas.add(NODES, PersonNode(id="opa", label="Opa Jan", name="Jan Bakker"))
    stack.push(start_follow_up(atlas, "2026-04-05"))
    before = atlas_at(atlas, sessions_in_order(atlas)[0].id)
    stack.push(AddItem(NODES, PersonNode(id="baby", label="Noor", birth_year=2026)))
    stack.push(AddItem(EDGES, ParentChildRelation(id="pc", source="fleur", target="baby")))
    stack.push(AddItem(EDGES, PartnerRelation(id="pr", source="client", target="fleur")))
    stack.push(UpdateItem(NODES, "opa", {"deceased": True, "death_year": 2026}))
    stack.push(UpdateItem(NODES, "fleur", {"score": 2, "private": True}))
    stack.push(UpdateItem(GOALS, "g1", {"status": "reached"}))
    stack.push(UpdateItem(NODES, "p1", {"perspectives": {"Fleur (moeder)": 1}}))
    return before, atlas


def test_family_events_goals_and_perspectives_are_told_apart():
    before, after = follow_up_with_family()
    items = set(compare(before, after).items)
    assert FamilyEvent("birth", ("Noor",), 2026, ("baby",)) in items
    assert FamilyEvent("death", ("Opa Jan",), 2026, ("opa",)) in items
    assert FamilyEvent("partner", ("Sanne", "Fleur"), None, ("client", "fleur")) in items
    assert GoalReached("g1", "Doel 1") in items
    assert ScoreChanged("p1", "Persoon 1", None, 1, "Fleur (moeder)") in items
    text = "\n".join(report_lines(compare(before, after), "Intake", "nu"))
    assert "Geboren: Noor (2026)." in text and "Overleden: Opa Jan (2026)." in text
    assert "Persoon 1 (volgens Fleur (moeder)) heeft nu een score: +." in text


def test_privacy_options_apply_to_the_change_report():
    before, after = follow_up_with_family()
    hidden = private_changes(before, after, Privacy(hide_names=True))
    text = "\n".join(report_lines(hidden, "Intake", "nu"))
    assert "Sanne" not in text and "Fleur" not in text and "Opa Jan" not in text
    assert "Nieuwe partners: S. en F." in text and "(volgens F. (moeder))" in text
    pseudonyms = private_changes(
        before, after, Privacy(hide_names=True, name_style=NameStyle.PSEUDONYMS)
    )
    births = [i for i in pseudonyms.items if isinstance(i, FamilyEvent)]
    assert births and all("Noor" not in " ".join(i.labels) for i in births)
    private = private_changes(before, after, Privacy(hide_private=True))
    assert not [i for i in private.items if "fleur" in getattr(i, "node_ids", ())]
    assert not [i for i in private.items if getattr(i, "node_id", "") == "fleur"]
    no_scores = private_changes(before, after, Privacy(hide_scores=True))
    assert not [i for i in no_scores.items if isinstance(i, ScoreChanged)]
    assert [i for i in no_scores.items if isinstance(i, NodeAdded)]
