"""Random sessions of netwerkintake edits (as the canvas and list make them): undo all gives the
original atlas back, redo all the final one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.undo_checks import assert_undo_all_and_redo_all

from netwerkatlas import io
from netwerkatlas.commands import SetPositions, UndoStack
from netwerkatlas.model import Direction, EdgeKind, NodeKind
from netwerkatlas.resources import example_path
from netwerkatlas.tools.netwerkintake import VIEW, edits

ACTIONS = [
    "add", "label", "score", "step", "emphasis", "private", "note",
    "link", "direction", "unlink", "move", "remove", "arrange",
]  # fmt: skip

steps = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, 1_000), st.integers(-2, 2)),
    min_size=1,
    max_size=25,
)


def command_for(atlas, action, pick, number):
    nodes = sorted(n.id for n in atlas.nodes())
    others = [n for n in nodes if n != atlas.client_id]
    links = sorted(e.id for e in atlas.edges(EdgeKind.INFLUENCE))  # the drawing's links
    chosen = others[pick % len(others)] if others else None
    if action == "add" or chosen is None:
        kind = (NodeKind.THEME, NodeKind.PERSON, NodeKind.EVENT)[pick % 3]
        return edits.add_bol(f"bol {pick}", (pick - 500.0, number * 100.0), kind)
    if action == "label":
        return edits.relabel(atlas, chosen, f"naam {pick}")
    if action == "score":
        return edits.set_score(atlas, [chosen], number)
    if action == "step":
        return edits.step_score(atlas, others[: pick % 4 + 1], 1 if number >= 0 else -1)
    if action in ("emphasis", "private"):
        return edits.toggle_flag(atlas, [chosen], action)
    if action == "note":
        return edits.set_note(atlas, chosen, f"notitie {pick}")
    if action == "link":
        return edits.add_link(atlas, chosen, nodes[(pick // 3) % len(nodes)])
    if action == "direction" and links:
        return edits.set_direction(links[pick % len(links)], list(Direction)[pick % 4])
    if action == "unlink" and links:
        return edits.remove_links([links[pick % len(links)]])
    if action == "remove":
        return edits.remove(atlas, [chosen])
    if action == "arrange":
        shown = {n: atlas.position(VIEW, n) or (0.0, 0.0) for n in nodes}
        return edits.arrange(atlas, shown)
    return SetPositions(VIEW, {chosen: (number * 37.5, pick * 0.5)})


@settings(max_examples=60, deadline=None)
@given(steps)
def test_undo_all_and_redo_all(session):
    atlas, _ = io.load(example_path())
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    for step in session:
        command = command_for(atlas, *step)
        if command is not None:
            stack.push(command)
    assert_undo_all_and_redo_all(stack, original)


def test_no_op_edits_make_no_undo_step():
    atlas, _ = io.load(example_path())
    node = next(n for n in atlas.nodes() if n.kind == NodeKind.THEME)
    assert edits.relabel(atlas, node.id, node.label) is None
    assert edits.relabel(atlas, node.id, "   ") is None
    assert edits.set_note(atlas, node.id, node.note) is None
    assert edits.add_link(atlas, node.id, node.id) is None
    assert edits.set_score(atlas, [atlas.client_id], 2) is None
    assert edits.remove(atlas, [atlas.client_id]) is None
