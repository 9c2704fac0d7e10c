"""Editing the gebeurteniskaart: every edit is one undo step, undoing everything gives back the
same file, and the people involved in an event follow the people of the atlas."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netwerkatlas import io
from netwerkatlas.commands import RemoveItem, UndoStack
from netwerkatlas.export.options import Privacy
from netwerkatlas.export.privacy import redact
from netwerkatlas.model import (
    EDGES,
    NODES,
    Atlas,
    ClientNode,
    EdgeKind,
    EventNode,
    InfluenceLink,
    PersonNode,
)
from netwerkatlas.tools.gebeurteniskaart import VIEW, edits, people
from netwerkatlas.tools.gebeurteniskaart.dates import parse
from netwerkatlas.tools.netwerkintake import VIEW as NETWERKINTAKE
from netwerkatlas.tools.netwerkintake.drawing import NetwerkintakeDrawing
from netwerkatlas.tools.netwerkintake.layout import shown_positions
from undo_checks import assert_undo_all_and_redo_all


def sanne() -> Atlas:
    atlas = Atlas(ClientNode(id="sanne", name="Sanne", birth_year=2002))
    for person_id, name in (("moeder", "Fleur"), ("vader", "Karim"), ("opa", "Opa")):
        atlas.add(NODES, PersonNode(id=person_id, name=name))
    atlas.add(NODES, EventNode(id="verhuizing", label="Verhuizing naar Utrecht", year=2023))
    atlas.add(NODES, EventNode(id="opa-dood", label="Overlijden opa", year=2022, score=-2))
    return atlas


@pytest.fixture
def atlas() -> Atlas:
    return sanne()


def one_step(atlas: Atlas, command) -> UndoStack:
    """Push `command` and check it is exactly one undo step that undoes to the same bytes."""
    stack = UndoStack(atlas)
    before = io.dumps(atlas)
    assert command is not None
    stack.push(command)
    assert len(stack) == 1 and stack.undo_text()
    assert io.dumps(atlas) != before
    stack.undo()
    assert io.dumps(atlas) == before
    stack.redo()
    return stack


# --- adding ------------------------------------------------------------------------------------


def test_an_added_event_has_its_time_people_and_a_place_on_the_netwerkintake(atlas):
    command = edits.add_event(
        atlas, " Scheiding ouders ", parse("2011"), score=-1, people=["moeder", "vader"]
    )
    stack = one_step(atlas, command)
    assert stack.undo_text() == "Gebeurtenis toevoegen"
    event = next(e for e in atlas.nodes() if e.label == "Scheiding ouders")
    assert (event.year, event.date, event.score) == (2011, None, -1)
    assert people.involved(atlas, event.id) == ["moeder", "vader"]
    # on the netwerkintake it sits at a free place, clear of every bol shown there
    place = atlas.position(NETWERKINTAKE, event.id)
    assert place is not None
    others = [p for n, p in shown_positions(atlas, NETWERKINTAKE).items() if n != event.id]
    assert all(abs(place[0] - x) + abs(place[1] - y) > 50 for x, y in others)


def test_an_event_without_people_is_one_plain_add(atlas):
    stack = one_step(atlas, edits.add_event(atlas, "Diploma", parse("juli 2022"), score=2))
    event = next(e for e in atlas.nodes() if e.label == "Diploma")
    assert event.date == "2022-07" and people.involved(atlas, event.id) == []
    assert stack.undo_text() == "Gebeurtenis toevoegen"


def test_an_event_at_birth_keeps_age_0(atlas):
    one_step(atlas, edits.add_event(atlas, "Te vroeg geboren", parse("0 jaar")))
    event = next(e for e in atlas.nodes() if e.label == "Te vroeg geboren")
    assert event.age == 0


def test_adding_refuses_what_is_not_a_person(atlas):
    with pytest.raises(ValueError, match="not a person"):
        edits.add_event(atlas, "x", parse("2020"), people=["verhuizing"])
    with pytest.raises(ValueError, match="time field"):
        edits.add_event(atlas, "x", {"score": 1})


# --- time and score ----------------------------------------------------------------------------


def test_set_when_is_one_step_and_nothing_when_unchanged(atlas):
    stack = one_step(atlas, edits.set_when(atlas, "verhuizing", parse("ca. maart 2023")))
    event = atlas.node("verhuizing")
    assert (event.date, event.year, event.approximate) == ("2023-03", None, True)
    assert stack.undo_text() == "Datum wijzigen"
    assert edits.set_when(atlas, "verhuizing", parse("ca. maart 2023")) is None


def test_a_drag_moves_time_and_score_in_one_step(atlas):
    moves = {"verhuizing": (2025.3, 1), "opa-dood": (2020.0, None)}
    stack = one_step(atlas, edits.move(atlas, moves, "year"))
    assert (atlas.node("verhuizing").year, atlas.node("verhuizing").score) == (2025, 1)
    assert (atlas.node("opa-dood").year, atlas.node("opa-dood").score) == (2020, -2)
    assert stack.undo_text() == "Gebeurtenis verschuiven"


def test_a_drag_on_the_age_axis_keeps_a_year_a_year(atlas):
    one_step(atlas, edits.move(atlas, {"verhuizing": (18.0, None)}, "age"))
    assert (atlas.node("verhuizing").year, atlas.node("verhuizing").age) == (2020, None)


def test_a_drag_that_lands_where_it_started_changes_nothing(atlas):
    assert edits.move(atlas, {"verhuizing": (2023.2, None), "opa-dood": (None, -2)}, "year") is None
    assert edits.move(atlas, {}, "year") is None


def test_set_score(atlas):
    one_step(atlas, edits.set_score(atlas, "verhuizing", 2))
    assert atlas.node("verhuizing").score == 2
    assert edits.set_score(atlas, "verhuizing", 2) is None
    one_step(atlas, edits.set_score(atlas, "verhuizing", None))
    assert atlas.node("verhuizing").score is None


def test_edits_of_something_that_is_not_an_event_are_refused(atlas):
    with pytest.raises(ValueError, match="not an event"):
        edits.set_when(atlas, "moeder", parse("2020"))
    with pytest.raises(ValueError, match="not an event"):
        edits.move(atlas, {"nergens": (2020.0, None)}, "year")


# --- people involved ---------------------------------------------------------------------------


def test_involve_and_uninvolve(atlas):
    stack = one_step(atlas, edits.involve(atlas, "opa-dood", "opa", "overleden"))
    assert stack.undo_text() == "Betrokkene toevoegen"
    assert people.involved(atlas, "opa-dood") == ["opa"]
    edge = people.involved_edges(atlas, "opa-dood")[0]
    assert (edge.kind, edge.source, edge.target, edge.role) == (
        EdgeKind.INVOLVED,
        "opa-dood",
        "opa",
        "overleden",
    )
    assert edits.involve(atlas, "opa-dood", "opa") is None  # already involved
    one_step(atlas, edits.involve(atlas, "opa-dood", "opa", "was er niet bij"))
    assert people.involved_edges(atlas, "opa-dood")[0].role == "was er niet bij"
    one_step(atlas, edits.uninvolve(atlas, "opa-dood", "opa"))
    assert people.involved(atlas, "opa-dood") == []
    assert atlas.has(NODES, "opa") and atlas.has(NODES, "opa-dood")
    assert edits.uninvolve(atlas, "opa-dood", "opa") is None


def test_the_client_can_be_involved_but_a_theme_or_event_cannot(atlas):
    one_step(atlas, edits.involve(atlas, "verhuizing", "sanne"))
    assert people.involved(atlas, "verhuizing") == ["sanne"]
    with pytest.raises(ValueError, match="not a person"):
        edits.involve(atlas, "verhuizing", "opa-dood")


def test_people_are_listed_in_the_order_they_were_linked_also_after_a_save(atlas, tmp_path):
    stack = UndoStack(atlas)
    for person_id in ("vader", "opa", "moeder"):
        stack.push(edits.involve(atlas, "verhuizing", person_id))
    assert people.involved(atlas, "verhuizing") == ["vader", "opa", "moeder"]
    path = tmp_path / "sanne.netwerkatlas"
    io.save(atlas, path)
    again, _ = io.load(path)
    assert people.involved(again, "verhuizing") == ["vader", "opa", "moeder"]


def test_events_of_a_person_and_everyone_involved_in_time_order(atlas):
    stack = UndoStack(atlas)
    stack.push(edits.involve(atlas, "verhuizing", "moeder"))
    stack.push(edits.involve(atlas, "opa-dood", "opa"))
    stack.push(edits.involve(atlas, "opa-dood", "moeder"))
    stack.push(edits.add_event(atlas, "Scheiding", parse("2011"), people=["vader"]))
    assert people.events_of(atlas, "moeder") == ["opa-dood", "verhuizing"]
    assert people.events_of(atlas, "sanne") == []
    assert people.people_of_events(atlas) == ["vader", "opa", "moeder"]


def test_deleting_a_person_removes_their_involvement_and_the_event_stays(atlas):
    stack = UndoStack(atlas)
    stack.push(edits.involve(atlas, "opa-dood", "opa"))
    stack.push(edits.involve(atlas, "opa-dood", "moeder"))
    before = io.dumps(atlas)
    stack.push(RemoveItem(NODES, "opa"))
    assert atlas.has(NODES, "opa-dood")
    assert people.involved(atlas, "opa-dood") == ["moeder"]
    assert [e.target for e in atlas.edges(EdgeKind.INVOLVED)] == ["moeder"]
    stack.undo()
    assert io.dumps(atlas) == before
    assert people.involved(atlas, "opa-dood") == ["opa", "moeder"]


def test_deleting_an_event_removes_its_involvement_and_the_people_stay(atlas):
    stack = UndoStack(atlas)
    stack.push(edits.involve(atlas, "opa-dood", "opa"))
    stack.push(RemoveItem(NODES, "opa-dood"))
    assert atlas.has(NODES, "opa") and list(atlas.edges(EdgeKind.INVOLVED)) == []


def test_the_netwerkintake_draws_no_line_for_who_was_involved(atlas):
    plain = NetwerkintakeDrawing(atlas)
    stack = UndoStack(atlas)
    stack.push(edits.involve(atlas, "opa-dood", "opa"))
    assert NetwerkintakeDrawing(atlas).texts() == plain.texts()
    assert len(NetwerkintakeDrawing(atlas).links) == len(plain.links) == 0
    atlas.add(EDGES, InfluenceLink(source="opa-dood", target="opa"))
    assert len(NetwerkintakeDrawing(atlas).links) == 1


def test_hiding_private_people_drops_their_involvement_and_their_lane(atlas):
    stack = UndoStack(atlas)
    stack.push(edits.involve(atlas, "opa-dood", "opa", "belde Karim"))
    stack.push(edits.involve(atlas, "opa-dood", "moeder"))
    stack.push(edits.set_setting(atlas, "lane_people", ["opa", "moeder"]))
    atlas.update(NODES, "moeder", {"private": True})
    shown = redact(atlas, Privacy(hide_private=True, hide_names=True))
    assert people.involved(shown, "opa-dood") == ["opa"]
    assert shown.view_setting(VIEW, "lane_people") == ["opa"]
    assert people.involved_edges(shown, "opa-dood")[0].role == "belde K."


# --- settings ----------------------------------------------------------------------------------


def test_settings_are_one_step_and_the_default_is_stored_as_nothing(atlas):
    before = io.dumps(atlas)
    stack = one_step(atlas, edits.set_setting(atlas, "axis", "age"))
    assert atlas.view_setting(VIEW, "axis") == "age"
    stack.push(edits.set_setting(atlas, "axis", "year"))
    assert not atlas.has_view_setting(VIEW, "axis")
    assert io.dumps(atlas) == before
    assert edits.set_setting(atlas, "axis", "year") is None
    for key, value in (("lanes", True), ("family", True), ("lane_people", ["opa", "opa"])):
        one_step(atlas, edits.set_setting(atlas, key, value))
    assert atlas.view_setting(VIEW, "lane_people") == ["opa"]
    assert edits.set_setting(atlas, "lanes", True) is None
    stack = UndoStack(atlas)
    stack.push(edits.set_setting(atlas, "lanes", False))
    assert not atlas.has_view_setting(VIEW, "lanes")


def test_a_wrong_setting_is_refused_before_it_is_pushed(atlas):
    with pytest.raises(ValueError):
        edits.set_setting(atlas, "axis", "decade")
    with pytest.raises(ValueError):
        edits.set_setting(atlas, "zoom", 3)
    with pytest.raises(ValueError):
        edits.set_setting(atlas, "lanes", "ja")


# --- property: any sequence of edits undoes to the same file -----------------------------------

PEOPLE = ["sanne", "moeder", "vader", "opa"]
WHEN = ["", "1998", "ca. 2004", "jaren 90", "2009-2011", "maart 2014", "12-3-2014", "14 jaar"]
WHEN += ["12-14 jaar", "rond mijn 9e"]

edit_steps = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(WHEN), st.lists(st.sampled_from(PEOPLE))),
    st.tuples(
        st.just("move"),
        st.integers(0, 20),
        st.floats(-5, 2040),
        st.none() | st.integers(-2, 2),
        st.sampled_from(["year", "age"]),
    ),
    st.tuples(st.just("involve"), st.integers(0, 20), st.sampled_from(PEOPLE), st.text(max_size=5)),
    st.tuples(st.just("uninvolve"), st.integers(0, 20), st.sampled_from(PEOPLE)),
    st.tuples(st.just("set_when"), st.integers(0, 20), st.sampled_from(WHEN)),
    st.tuples(st.just("remove_person"), st.sampled_from(PEOPLE[1:])),
)


def command_for(atlas: Atlas, step: tuple):
    events = sorted(e.id for e in atlas.nodes() if isinstance(e, EventNode))
    kind, *args = step
    if kind == "add":
        here = [p for p in args[1] if atlas.has(NODES, p)]
        return edits.add_event(atlas, "gebeurtenis", parse(args[0]), people=here)
    if kind == "remove_person":
        return RemoveItem(NODES, args[0]) if atlas.has(NODES, args[0]) else None
    event = events[args[0] % len(events)]
    if kind == "move":
        return edits.move(atlas, {event: (args[1], args[2])}, args[3])
    if kind == "set_when":
        return edits.set_when(atlas, event, parse(args[1]))
    if not atlas.has(NODES, args[1]):
        return None
    if kind == "involve":
        return edits.involve(atlas, event, args[1], args[2])
    return edits.uninvolve(atlas, event, args[1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit_steps, max_size=12))
def test_any_sequence_of_edits_undoes_to_the_original_file(steps):
    atlas = sanne()
    original = io.dumps(atlas)
    stack = UndoStack(atlas)
    for step in steps:
        command = command_for(atlas, step)
        if command is not None:
            depth = len(stack)
            stack.push(command)
            assert len(stack) == depth + 1
    assert_undo_all_and_redo_all(stack, original)
