"""Random sessions of genogram edits: undo all gives the original atlas, redo all the final one;
and after every step the genogram can still be laid out without overlaps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_genogram_layout import assert_no_overlaps
from tests.undo_checks import assert_undo_all_and_redo_all

from netwerkatlas import io
from netwerkatlas.commands import UndoStack
from netwerkatlas.model import EdgeKind, EmotionalKind, ParentChildKind, PartnerStatus
from netwerkatlas.resources import example_path
from netwerkatlas.tools.genogram import edits
from netwerkatlas.tools.genogram.drawing import GenogramDrawing

ACTIONS = [
    "partner",
    "child",
    "parent",
    "sibling",
    "status",
    "years",
    "kind",
    "twins",
    "emotional",
    "move",
    "rearrange",
    "index",
]

steps = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, 1_000)), min_size=1, max_size=20
)


def command_for(atlas, action, pick):
    family = GenogramDrawing(atlas).family
    people = sorted(family.persons)
    person = people[pick % len(people)]
    partners = sorted(e.id for e in atlas.edges(EdgeKind.PARTNER))
    if action in edits.RELATIVES:
        return edits.add_relative(atlas, person, action, f"{action} {pick}")
    if action == "status" and partners:
        status = list(PartnerStatus)[pick % len(PartnerStatus)]
        return edits.set_partner(atlas, partners[pick % len(partners)], status=status)
    if action == "years" and partners:
        return edits.set_partner(
            atlas, partners[pick % len(partners)], start_year=1900 + pick % 120
        )
    if action == "kind":
        return edits.set_child_kind(atlas, person, list(ParentChildKind)[pick % 3])
    if action == "twins" and (siblings := edits.siblings_of(atlas, person)):
        return edits.set_twins(atlas, person, siblings[0], pick % 3 != 0, pick % 2 == 0)
    if action == "emotional":
        other = people[(pick // 7) % len(people)]
        if other != person:
            kind = [None, *EmotionalKind][pick % (len(EmotionalKind) + 1)]
            return edits.set_emotional(atlas, person, other, kind)
    if action == "move":
        return edits.move({person: (pick * 3.0, (pick % 4) * 190.0)})
    if action == "rearrange":
        return edits.rearrange(atlas)
    if action == "index":
        return edits.set_index(atlas, person)
    return None


@settings(max_examples=50, deadline=None)
@given(steps)
def test_undo_all_and_redo_all(session):
    atlas, _ = io.load(example_path("genogram-familie-de-boer"))
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    for step in session:
        command = command_for(atlas, *step)
        if command is not None:
            stack.push(command)
    rearrange = edits.rearrange(atlas)  # every hand placement forgotten: all laid out anew
    if rearrange is not None:
        stack.push(rearrange)
    assert_no_overlaps(GenogramDrawing(atlas).positions)
    assert_undo_all_and_redo_all(stack, original)


def test_years_are_read_as_a_professional_types_them():
    assert edits.parse_years("1973") == (1973, None)
    assert edits.parse_years("1973-1997") == (1973, 1997)
    assert edits.parse_years("1973 – 1997") == (1973, 1997)
    assert edits.parse_years("-1997") == (None, 1997)
    assert edits.parse_years("") == (None, None)
    assert edits.parse_years("zeventig") is None
    assert edits.parse_years("73") is None
