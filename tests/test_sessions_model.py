"""Sessions as dated versions of the atlas: closing one keeps exactly what was there, an earlier
one is rebuilt exactly, undo of a follow-up gives back the same file, and a file without
sessions opens as its intake."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from netwerkatlas.document import Document
from netwerkatlas.model import (
    EDGES,
    GOALS,
    NODES,
    SESSIONS,
    Atlas,
    AtlasMeta,
    ClientNode,
    Goal,
    InfluenceLink,
    PersonNode,
    ThemeNode,
)
from netwerkatlas.tools.plan.edits import evaluate
from netwerkatlas.tools.sessions.edits import SessionError, ensure_intake, start_follow_up
from netwerkatlas.tools.sessions.history import (
    SessionNotFound,
    atlas_at,
    current_session,
    find_session,
    sessions_in_order,
)


def intake_atlas() -> tuple[Atlas, UndoStack]:
    atlas = Atlas(ClientNode(id="sanne", label="Sanne"), AtlasMeta(id="m", created="2026-01-05"))
    ensure_intake(atlas)
    stack = UndoStack(atlas)
    stack.push(
        AddItem(NODES, ThemeNode(id="werk", label="Werk", score=1), {"netwerkintake": (80, 0)})
    )
    stack.push(AddItem(NODES, PersonNode(id="jesse", label="Jesse", score=2)))
    stack.push(AddItem(EDGES, InfluenceLink(id="l1", source="werk", target="jesse")))
    stack.push(SetViewSetting("netwerkcirkel", "cells", {"jesse": ["vrienden", "familie"]}))
    stack.push(AddItem(GOALS, Goal(id="g1", text="Weer werken", node_ids=("werk",))))
    return atlas, stack


def test_a_new_document_and_a_file_without_sessions_start_as_their_intake(tmp_path):
    document = Document.new()
    (intake,) = document.atlas.items(SESSIONS)
    assert intake.label == "Intake" and intake.kind == "intake" and not document.is_modified
    atlas = Atlas(ClientNode(label="Ali"), AtlasMeta(created="2025-09-01"))
    path = tmp_path / "oud.netwerkatlas"
    io.save(atlas, path)
    before = path.read_bytes()
    opened, _ = Document.open(path)
    (intake,) = sessions_in_order(opened.atlas)
    assert intake.date == "2025-09-01" and current_session(opened.atlas) == intake
    assert not opened.is_modified and path.read_bytes() == before  # written only on a save
    assert io.dumps(atlas_at(opened.atlas, intake.id)) == io.dumps(opened.atlas)


def test_an_earlier_session_is_rebuilt_exactly_as_it_was_saved():
    atlas, stack = intake_atlas()
    at_intake = io.dumps(atlas)
    stack.push(start_follow_up(atlas, "2026-04-05", "", present=["Sanne", "Fleur"]))
    stack.push(UpdateItem(NODES, "werk", {"score": -1}))
    stack.push(SetPositions("netwerkintake", {"werk": (120, 40), "jesse": (0, 90)}))
    stack.push(SetViewSetting("netwerkcirkel", "cells", {"jesse": ["intimi", "familie"]}))
    stack.push(AddItem(NODES, ThemeNode(id="slapen", label="Slapen", score=0)))
    stack.push(evaluate(atlas, "g1", "2026-04-05", 3))
    stack.push(UpdateMeta({"next_evaluation": "2026-07-05"}))
    at_first = io.dumps(atlas)
    stack.push(start_follow_up(atlas, "2026-07-05", "Netwerkberaad"))
    stack.push(RemoveItem(NODES, "jesse"))
    stack.push(UpdateItem(NODES, "slapen", {"score": 2}))

    intake, first, second = sessions_in_order(atlas)
    assert [s.label for s in (intake, first, second)] == [
        "Intake",
        "Vervolggesprek 1",
        "Netwerkberaad",
    ]
    assert first.present == ("Sanne", "Fleur")
    assert current_session(atlas) == second
    assert io.dumps(atlas_at(atlas, intake.id)) == at_intake
    assert io.dumps(atlas_at(atlas, first.id)) == at_first
    assert io.dumps(atlas_at(atlas, second.id)) == io.dumps(atlas)
    assert io.dumps(atlas_at(atlas, None)) == io.dumps(atlas)
    # only the latest closed session keeps everything; the intake keeps its difference
    assert first.snapshot.against is None and intake.snapshot.against == first.id
    assert len(intake.snapshot.nodes) == 1  # "werk" as it was; "slapen" did not exist yet
    assert intake.snapshot.removed["nodes"] == ("slapen",)


def test_looking_back_changes_nothing_and_the_rebuilt_atlas_is_independent():
    atlas, stack = intake_atlas()
    stack.push(start_follow_up(atlas, "2026-04-05"))
    now = io.dumps(atlas)
    then = atlas_at(atlas, sessions_in_order(atlas)[0].id)
    then.update(NODES, "werk", {"score": -2})
    then.set_positions("netwerkintake", {"werk": (1, 1)})
    assert io.dumps(atlas) == now


def test_snapshots_survive_a_save_and_a_load(tmp_path):
    atlas, stack = intake_atlas()
    at_intake = io.dumps(atlas)
    stack.push(start_follow_up(atlas, "2026-04-05"))
    stack.push(RemoveItem(NODES, "werk"))
    path = tmp_path / "sanne.netwerkatlas"
    io.save(atlas, path)
    loaded, _ = io.load(path)
    assert io.dumps(loaded) == path.read_bytes() == io.dumps(atlas)
    intake = sessions_in_order(loaded)[0]
    assert io.dumps(atlas_at(loaded, intake.id)) == at_intake
    nodes = json.loads(path.read_bytes())["sessions"]
    assert {n["kind"] for s in nodes for n in s.get("snapshot", {}).get("nodes", [])} >= {"theme"}


def test_undo_across_a_session_start_gives_back_the_identical_file():
    atlas, stack = intake_atlas()
    stack.push(start_follow_up(atlas, "2026-04-05"))
    stack.push(UpdateItem(NODES, "werk", {"score": -1}))
    before_second = io.dumps(atlas)
    stack.push(start_follow_up(atlas, "2026-07-05"))
    stack.push(UpdateItem(NODES, "werk", {"score": 0}))
    stack.undo()
    stack.undo()
    assert io.dumps(atlas) == before_second
    stack.redo()
    assert len(atlas.items(SESSIONS)) == 3
    stack.undo()
    stack.undo()
    stack.undo()
    assert len(atlas.items(SESSIONS)) == 1 and sessions_in_order(atlas)[0].snapshot is None


def test_a_follow_up_before_the_current_session_is_refused_with_the_dates():
    atlas, _ = intake_atlas()
    with pytest.raises(SessionError, match=r"2025-12-01.*Intake.*2026-01-05"):
        start_follow_up(atlas, "2025-12-01")
    with pytest.raises(SessionError, match="JJJJ-MM-DD"):
        start_follow_up(atlas, "3 maart")


def test_evaluations_of_a_follow_up_belong_to_its_session():
    atlas, stack = intake_atlas()
    stack.push(start_follow_up(atlas, "2026-04-05"))
    stack.push(evaluate(atlas, "g1", "2026-04-05", 4))
    (evaluation,) = atlas.items("evaluations")
    assert evaluation.session_id == current_session(atlas).id


def test_a_session_is_found_by_label_date_id_or_now():
    atlas, stack = intake_atlas()
    stack.push(start_follow_up(atlas, "2026-04-05", "Vervolggesprek 1"))
    intake, first = sessions_in_order(atlas)
    assert find_session(atlas, "intake") == intake
    assert find_session(atlas, " Vervolggesprek 1 ") == first
    assert find_session(atlas, "2026-01-05") == intake
    assert find_session(atlas, first.id) == first
    assert find_session(atlas, "nu") is None and find_session(atlas, "now") is None
    with pytest.raises(SessionNotFound) as caught:
        find_session(atlas, "Vervolggesprek 7")
    message = str(caught.value)
    assert "Vervolggesprek 7" in message and "Intake (2026-01-05)" in message


@st.composite
def session_edits(draw):
    """Per follow-up, a few edits of every kind a snapshot must keep apart."""
    steps = []
    for _ in range(draw(st.integers(1, 6))):
        steps.append(
            draw(
                st.sampled_from(
                    [
                        "score",
                        "add",
                        "remove",
                        "move",
                        "unplace",
                        "cell",
                        "uncell",
                        "setting",
                        "meta",
                    ]
                )
            )
        )
    return steps, draw(st.integers(0, 10_000))


def apply(atlas: Atlas, stack: UndoStack, steps: list[str], seed: int) -> None:
    rng = random.Random(seed)
    others = [n.id for n in atlas.nodes() if n.id != atlas.client_id]
    for step in steps:
        target = rng.choice(others) if others else None
        cells = dict(atlas.view_setting("netwerkcirkel", "cells") or {})
        if step == "add" or target is None:
            node = ThemeNode(label=f"Nieuw {rng.random():.3f}", score=rng.choice([None, -1, 2]))
            stack.push(AddItem(NODES, node, {"netwerkintake": (rng.randint(-50, 50), 1.5)}))
            others.append(node.id)
        elif step == "score":
            stack.push(UpdateItem(NODES, target, {"score": rng.choice([None, -2, 0, 1])}))
        elif step == "remove":
            stack.push(RemoveItem(NODES, target))
            others.remove(target)
        elif step == "move":
            stack.push(SetPositions("netwerkintake", {target: (rng.randint(-99, 99), 0.25)}))
        elif step == "unplace":
            stack.push(SetPositions("netwerkintake", {target: None}))
        elif step == "cell":
            cells[target] = [rng.choice(["intimi", "vrienden"]), "familie"]
            stack.push(SetViewSetting("netwerkcirkel", "cells", cells))
        elif step == "uncell" and cells:
            cells.pop(rng.choice(sorted(cells)))
            stack.push(SetViewSetting("netwerkcirkel", "cells", cells or None))
        elif step == "setting":
            value = rng.choice([None, "lensink", "wijkecogram"])
            stack.push(SetViewSetting("netwerkcirkel", "variant", value))
        elif step == "meta":
            stack.push(UpdateMeta({"title": f"Atlas {rng.randint(0, 3)}"}))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(session_edits(), min_size=1, max_size=5))
def test_every_session_is_rebuilt_byte_for_byte_after_random_edits(follow_ups):
    atlas, _ = intake_atlas()
    stack = UndoStack(atlas)
    first = io.dumps(atlas)
    saved = []
    for number, (steps, seed) in enumerate(follow_ups, 1):
        apply(atlas, stack, steps, seed)
        saved.append(io.dumps(atlas))
        stack.push(start_follow_up(atlas, f"2026-{number + 1:02d}-01"))
    for session, then in zip(sessions_in_order(atlas), saved, strict=False):
        assert io.dumps(atlas_at(atlas, session.id)) == then
    while stack.can_undo():
        stack.undo()
    assert len(atlas.items(SESSIONS)) == 1 and io.dumps(atlas) == first
