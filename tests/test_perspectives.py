"""Scores from more than one perspective: the client's (drawn), a naaste's or a professional's
(kept beside it); and goal evaluations from a perspective, kept apart in the plan."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from netwerkatlas import io
from netwerkatlas.commands import UndoStack
from netwerkatlas.model import NodeKind
from netwerkatlas.model.records import PersonNode
from netwerkatlas.resources import example_path
from netwerkatlas.tools.netwerkintake.perspectives import (
    PerspectiveError,
    second_badge_score,
    set_perspective_score,
)


def first_theme(atlas):
    return next(n for n in atlas.nodes() if n.kind == NodeKind.THEME)


# --- the model and the file ----------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", [{"Fleur": 3}, {"Fleur": True}, {"Fleur": "1"}, {"": 1}, {" Fleur": 1}, {"a\nb": 1}]
)
def test_a_bad_perspective_is_refused(bad):
    with pytest.raises(ValidationError):
        PersonNode(label="Jesse", perspectives=bad)


def test_perspectives_are_kept_sorted_and_left_out_when_there_are_none(tmp_path):
    atlas, _ = io.load(example_path())
    node = first_theme(atlas)
    stack = UndoStack(atlas)
    stack.push(set_perspective_score(atlas, node.id, "  behandelaar ", -1))
    stack.push(set_perspective_score(atlas, node.id, "Fleur (moeder)", 2))
    path = tmp_path / "a.netwerkatlas"
    io.save(atlas, path)
    stored = next(n for n in json.loads(path.read_bytes())["nodes"] if n["id"] == node.id)
    assert list(stored["perspectives"].items()) == [("Fleur (moeder)", 2), ("behandelaar", -1)]
    again, _ = io.load(path)
    assert again.node(node.id).perspectives == {"Fleur (moeder)": 2, "behandelaar": -1}
    assert io.dumps(again) == io.dumps(atlas)
    others = [n for n in json.loads(path.read_bytes())["nodes"] if n["id"] != node.id]
    assert all("perspectives" not in n for n in others)


def test_each_change_of_a_perspective_is_one_undo_step():
    atlas, _ = io.load(example_path())
    original = io.dumps(atlas)
    node = first_theme(atlas)
    stack = UndoStack(atlas)
    stack.push(set_perspective_score(atlas, node.id, "behandelaar", 1))
    stack.push(set_perspective_score(atlas, node.id, "behandelaar", -2))
    assert set_perspective_score(atlas, node.id, "behandelaar", -2) is None
    stack.push(set_perspective_score(atlas, node.id, "behandelaar", None))
    assert atlas.node(node.id).perspectives == {}
    stack.undo()
    assert atlas.node(node.id).perspectives == {"behandelaar": -2}
    stack.undo()
    stack.undo()
    assert io.dumps(atlas) == original
    with pytest.raises(PerspectiveError):
        set_perspective_score(atlas, node.id, "   ", 1)


def test_the_second_badge_is_the_view_furthest_from_the_clients():
    node = PersonNode(label="Jesse", score=1, perspectives={"Fleur": 1, "Ali": -1, "Bo": 2})
    assert second_badge_score(node) == -1
    assert second_badge_score(PersonNode(label="Jesse", score=1, perspectives={"Fleur": 1})) is None
    assert second_badge_score(PersonNode(label="Jesse", perspectives={"Fleur": 1})) == 1
