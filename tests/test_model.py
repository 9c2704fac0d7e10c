"""The atlas's six operations: what they change, what they return, what they emit, what they
refuse (leaving the atlas exactly as it was)."""

import math

import pytest

from netwerkatlas import io
from netwerkatlas.model import (
    ACTIONS,
    EDGES,
    EVALUATIONS,
    GOALS,
    NODES,
    PLANS,
    SESSIONS,
    Atlas,
    AtlasError,
    ItemAdded,
    ItemChanged,
    ItemRemoved,
    PositionsChanged,
)
from netwerkatlas.model.records import (
    Action,
    AtlasMeta,
    ClientNode,
    EmotionalRelation,
    Evaluation,
    EventNode,
    Gender,
    Goal,
    InfluenceLink,
    PartnerRelation,
    PersonNode,
    Plan,
    Session,
    SupportRelation,
    ThemeNode,
)


class Recorder(list):
    def __call__(self, event):
        self.append(event)


@pytest.fixture
def atlas():
    atlas = Atlas(ClientNode(id="client", label="Sanne"), AtlasMeta(id="meta", title="Sanne"))
    atlas.add(NODES, PersonNode(id="moeder", label="Moeder", score=2))
    atlas.add(NODES, ThemeNode(id="werk", label="Werk", score=-1))
    atlas.add(NODES, EventNode(id="verhuizing", label="Verhuizing", year=2019))
    return atlas


@pytest.fixture
def events(atlas):
    recorder = Recorder()
    atlas.events.subscribe(recorder)
    return recorder


def unchanged(atlas):
    """Everything observable about an atlas, to compare before and after a refused operation."""
    return (io.dumps(atlas), sorted(atlas.graph.edges(keys=True)), {n.id: n for n in atlas.nodes()})


# --- the client -----------------------------------------------------------------------------


def test_a_new_atlas_has_exactly_one_client():
    atlas = Atlas()
    assert len(atlas) == 1
    assert [n.kind for n in atlas.nodes()] == ["client"]
    assert atlas.client.id == atlas.client_id


def test_a_second_client_is_refused(atlas, events):
    before = unchanged(atlas)
    with pytest.raises(AtlasError):
        atlas.add(NODES, ClientNode(id="tweede", label="Nog een cliënt"))
    assert unchanged(atlas) == before
    assert events == []
    assert not atlas.has(NODES, "tweede")


def test_the_client_cannot_be_removed(atlas, events):
    before = unchanged(atlas)
    with pytest.raises(AtlasError):
        atlas.remove(NODES, "client")
    assert unchanged(atlas) == before
    assert events == []
    assert atlas.client.label == "Sanne"


def test_the_client_cannot_become_a_person(atlas, events):
    with pytest.raises(AtlasError):
        atlas.update(NODES, "client", {"kind": "person"})
    assert atlas.client.kind == "client"
    assert events == []


# --- add --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "record"),
    [
        (NODES, ThemeNode(id="geld", label="Geld")),
        (NODES, PersonNode(id="vader", label="Vader", gender="male")),
        (EDGES, InfluenceLink(id="e1", source="werk", target="client")),
        (GOALS, Goal(id="g1", text="Werk houden", node_ids=("werk",))),
        (SESSIONS, Session(id="s1", date="2024-03-01")),
        (PLANS, Plan(id="p1", kind="signaleringsplan")),
    ],
)
def test_add_emits_item_added(atlas, events, collection, record):
    atlas.add(collection, record)
    assert events == [ItemAdded(collection, record.id)]
    assert atlas.has(collection, record.id)
    assert atlas.get(collection, record.id) is record
    assert record in atlas.items(collection)


def test_add_action_and_evaluation_for_existing_goal_and_session(atlas, events):
    atlas.add(GOALS, Goal(id="g1"))
    atlas.add(SESSIONS, Session(id="s1"))
    atlas.add(ACTIONS, Action(id="a1", goal_id="g1", who_id="moeder"))
    atlas.add(EVALUATIONS, Evaluation(id="v1", goal_id="g1", session_id="s1", score=4))
    assert events == [
        ItemAdded(GOALS, "g1"),
        ItemAdded(SESSIONS, "s1"),
        ItemAdded(ACTIONS, "a1"),
        ItemAdded(EVALUATIONS, "v1"),
    ]


@pytest.mark.parametrize(
    ("collection", "record"),
    [
        (GOALS, Goal(id="g2", node_ids=("werk", "spook"))),
        (ACTIONS, Action(id="a2", goal_id="spook")),
        (ACTIONS, Action(id="a3", goal_id="g1", who_id="spook")),
        (EVALUATIONS, Evaluation(id="v2", goal_id="spook")),
        (EVALUATIONS, Evaluation(id="v3", goal_id="g1", session_id="spook")),
    ],
)
def test_add_refuses_references_to_unknown_ids(atlas, collection, record):
    atlas.add(GOALS, Goal(id="g1"))
    before = unchanged(atlas)
    events = Recorder()
    atlas.events.subscribe(events)
    with pytest.raises(AtlasError, match="spook"):
        atlas.add(collection, record)
    assert not atlas.has(collection, record.id)
    assert unchanged(atlas) == before
    assert events == []


@pytest.mark.parametrize(
    ("collection", "first", "second"),
    [
        (NODES, None, ThemeNode(id="werk", label="Ander werk")),
        (
            EDGES,
            InfluenceLink(id="e1", source="werk", target="client"),
            InfluenceLink(id="e1", source="werk", target="moeder"),
        ),
        (GOALS, Goal(id="g1", text="eerste"), Goal(id="g1", text="ander doel")),
    ],
)
def test_add_refuses_a_duplicate_id(atlas, collection, first, second):
    if first is not None:
        atlas.add(collection, first)
    events = Recorder()
    atlas.events.subscribe(events)
    kept = atlas.get(collection, second.id)
    before = unchanged(atlas)
    with pytest.raises(AtlasError):
        atlas.add(collection, second)
    assert atlas.get(collection, second.id) is kept
    assert unchanged(atlas) == before
    assert events == []


def test_add_node_with_positions_rounds_them(atlas, events):
    node = ThemeNode(id="geld", label="Geld")
    atlas.add(NODES, node, {"netwerkintake": (1.23456, -7.891), "genogram": (1e-9, 4999.999)})
    assert atlas.position("netwerkintake", "geld") == (1.23, -7.89)
    assert atlas.position("genogram", "geld") == (0.0, 5000.0)
    assert events == [ItemAdded(NODES, "geld")]


# --- edges ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), [("spook", "client"), ("client", "spook")])
def test_an_edge_to_a_missing_node_is_refused(atlas, events, source, target):
    before = unchanged(atlas)
    with pytest.raises(AtlasError, match="spook"):
        atlas.add(EDGES, InfluenceLink(id="e1", source=source, target=target))
    assert unchanged(atlas) == before
    assert not atlas.has(EDGES, "e1")
    assert "spook" not in atlas.graph  # networkx must not have made the node on the fly
    assert events == []


def test_a_self_loop_is_refused(atlas, events):
    before = unchanged(atlas)
    with pytest.raises(AtlasError):
        atlas.add(EDGES, SupportRelation(id="e1", source="moeder", target="moeder"))
    assert unchanged(atlas) == before
    assert atlas.graph.number_of_edges() == 0
    assert events == []


def test_several_edges_between_the_same_two_nodes(atlas, events):
    edges = [
        InfluenceLink(id="e1", source="moeder", target="client"),
        EmotionalRelation(id="e2", source="moeder", target="client", quality="conflict"),
        SupportRelation(id="e3", source="moeder", target="client", support=("advice",)),
        PartnerRelation(id="e4", source="client", target="moeder"),
    ]
    for edge in edges:
        atlas.add(EDGES, edge)
    assert atlas.graph.number_of_edges("moeder", "client") == 3
    assert atlas.graph.number_of_edges() == 4
    assert sorted(e.id for e in atlas.edges_of("moeder")) == ["e1", "e2", "e3", "e4"]
    assert sorted(e.id for e in atlas.edges_of("client")) == ["e1", "e2", "e3", "e4"]
    assert [e.id for e in atlas.edges("emotional")] == ["e2"]
    assert atlas.edge("e3").support == ("advice",)

    record, positions = atlas.remove(EDGES, "e2")
    assert record is edges[1] and positions == {}
    assert sorted(e.id for e in atlas.edges_of("moeder")) == ["e1", "e3", "e4"]
    assert atlas.graph.number_of_edges("moeder", "client") == 2
    assert events[-1] == ItemRemoved(EDGES, "e2", edges[1])


def test_update_moves_an_edge_to_other_nodes(atlas, events):
    atlas.add(EDGES, InfluenceLink(id="e1", source="werk", target="client"))
    events.clear()
    assert atlas.update(EDGES, "e1", {"target": "moeder"}) == {"target": "client"}
    assert atlas.edge("e1").target == "moeder"
    assert list(atlas.graph.edges(keys=True)) == [("werk", "moeder", "e1")]
    assert atlas.edges_of("client") == []
    assert events == [ItemChanged(EDGES, "e1", {"target": ("client", "moeder")})]


@pytest.mark.parametrize("changes", [{"target": "spook"}, {"target": "werk"}, {"source": "client"}])
def test_update_refuses_a_dangling_or_looping_edge(atlas, changes):
    atlas.add(EDGES, InfluenceLink(id="e1", source="werk", target="client"))
    before = unchanged(atlas)
    events = Recorder()
    atlas.events.subscribe(events)
    with pytest.raises(AtlasError):
        atlas.update(EDGES, "e1", changes)
    assert unchanged(atlas) == before
    assert atlas.edge("e1") == InfluenceLink(id="e1", source="werk", target="client")
    assert events == []


# --- remove ---------------------------------------------------------------------------------------


def test_remove_returns_the_record_and_its_positions(atlas, events):
    atlas.set_positions("netwerkintake", {"werk": (10.004, 20.006), "moeder": (1, 2)})
    atlas.set_positions("ecogram", {"werk": (-3.3333, 4)})
    record = atlas.node("werk")
    events.clear()

    removed, positions = atlas.remove(NODES, "werk")

    assert removed is record
    assert positions == {"netwerkintake": (10.0, 20.01), "ecogram": (-3.33, 4.0)}
    assert not atlas.has(NODES, "werk")
    assert "werk" not in atlas.graph
    assert atlas.position("netwerkintake", "werk") is None
    assert atlas.position("ecogram", "werk") is None
    assert atlas.position("netwerkintake", "moeder") == (1.0, 2.0)
    assert events == [ItemRemoved(NODES, "werk", record)]


def test_remove_then_add_with_the_positions_restores_the_atlas(atlas):
    atlas.set_positions("netwerkintake", {"werk": (10.5, 20.25)})
    before = io.dumps(atlas)
    record, positions = atlas.remove(NODES, "werk")
    assert io.dumps(atlas) != before
    atlas.add(NODES, record, positions)
    assert io.dumps(atlas) == before


def test_remove_of_a_node_with_edges_is_refused(atlas, events):
    atlas.add(EDGES, InfluenceLink(id="e1", source="werk", target="client"))
    atlas.add(EDGES, InfluenceLink(id="e2", source="moeder", target="werk"))
    events.clear()
    before = unchanged(atlas)
    with pytest.raises(AtlasError):
        atlas.remove(NODES, "werk")
    assert unchanged(atlas) == before
    assert events == []
    assert sorted(e.id for _, e in atlas.references_to(NODES, "werk")) == ["e1", "e2"]
    atlas.remove(EDGES, "e1")
    atlas.remove(EDGES, "e2")
    atlas.remove(NODES, "werk")  # no references left: now it may go
    assert not atlas.has(NODES, "werk")


def test_remove_of_a_node_a_goal_or_action_refers_to_is_refused(atlas):
    atlas.add(GOALS, Goal(id="g1", node_ids=("werk",)))
    atlas.add(ACTIONS, Action(id="a1", goal_id="g1", who_id="moeder"))
    for node_id in ("werk", "moeder"):
        with pytest.raises(AtlasError):
            atlas.remove(NODES, node_id)
        assert atlas.has(NODES, node_id)
    assert atlas.references_to(NODES, "werk") == [(GOALS, atlas.get(GOALS, "g1"))]
    assert atlas.references_to(NODES, "moeder") == [(ACTIONS, atlas.get(ACTIONS, "a1"))]


def test_remove_of_a_goal_or_session_that_is_referred_to_is_refused(atlas):
    atlas.add(GOALS, Goal(id="g1"))
    atlas.add(SESSIONS, Session(id="s1"))
    atlas.add(EVALUATIONS, Evaluation(id="v1", goal_id="g1", session_id="s1"))
    with pytest.raises(AtlasError):
        atlas.remove(GOALS, "g1")
    with pytest.raises(AtlasError):
        atlas.remove(SESSIONS, "s1")
    atlas.remove(EVALUATIONS, "v1")
    atlas.remove(SESSIONS, "s1")
    atlas.remove(GOALS, "g1")
    assert atlas.items(GOALS) == [] and atlas.items(SESSIONS) == []


def test_remove_of_something_that_does_not_exist(atlas, events):
    with pytest.raises(KeyError):
        atlas.remove(NODES, "spook")
    with pytest.raises(KeyError):
        atlas.remove(EDGES, "spook")
    with pytest.raises(KeyError):
        atlas.remove(GOALS, "spook")
    assert events == []


# --- update ---------------------------------------------------------------------------------------


def test_update_returns_only_the_old_values_that_really_changed(atlas, events):
    old = atlas.node("moeder")
    returned = atlas.update(NODES, "moeder", {"label": "Moeder", "score": 1, "note": ""})
    assert returned == {"score": 2}
    assert events == [ItemChanged(NODES, "moeder", {"score": (2, 1)})]
    assert events[0].fields == frozenset({"score"})
    new = atlas.node("moeder")
    assert new is not old and new.score == 1 and new.label == "Moeder"
    assert old.score == 2  # records are frozen: the old one is what undo gives back


def test_update_with_nothing_really_changed_emits_nothing(atlas, events):
    record = atlas.node("werk")
    assert atlas.update(NODES, "werk", {"label": "Werk", "score": -1}) == {}
    assert atlas.node("werk") is record
    assert events == []


def test_update_converts_values_like_loading_does(atlas, events):
    assert atlas.update(NODES, "moeder", {"gender": "female"}) == {"gender": Gender.UNKNOWN}
    assert atlas.node("moeder").gender is Gender.FEMALE
    assert events == [ItemChanged(NODES, "moeder", {"gender": (Gender.UNKNOWN, Gender.FEMALE)})]


@pytest.mark.parametrize(
    ("changes"),
    [
        {"score": 5},
        {"score": -3},
        {"score": "veel"},
        {"label": "x" * 501},
        {"birth_year": 999},
        {"gender": "vrouw"},
        {"label": "Nieuw", "score": 5},  # one bad value spoils the whole change
    ],
)
def test_update_with_an_invalid_value_is_refused_and_changes_nothing(atlas, events, changes):
    before = unchanged(atlas)
    record = atlas.node("moeder")
    with pytest.raises(AtlasError):
        atlas.update(NODES, "moeder", changes)
    assert atlas.node("moeder") is record
    assert unchanged(atlas) == before
    assert events == []


def test_update_cannot_change_an_id_or_a_kind(atlas, events):
    with pytest.raises(AtlasError):
        atlas.update(NODES, "werk", {"id": "ander"})
    with pytest.raises(AtlasError):
        atlas.update(NODES, "werk", {"kind": "person"})
    assert atlas.node("werk").kind == "theme"
    assert atlas.has(NODES, "werk") and not atlas.has(NODES, "ander")
    assert events == []


def test_update_of_a_goal_checks_its_references(atlas, events):
    atlas.add(GOALS, Goal(id="g1", node_ids=("werk",)))
    events.clear()
    with pytest.raises(AtlasError):
        atlas.update(GOALS, "g1", {"node_ids": ("werk", "spook")})
    assert atlas.get(GOALS, "g1").node_ids == ("werk",)
    assert events == []
    assert atlas.update(GOALS, "g1", {"node_ids": ("werk", "moeder")}) == {"node_ids": ("werk",)}
    assert atlas.get(GOALS, "g1").node_ids == ("werk", "moeder")


# --- positions, view settings and meta ------------------------------------------------------------


def test_set_positions_rounds_returns_the_old_ones_and_emits(atlas, events):
    assert atlas.set_positions("netwerkintake", {"werk": (1.234567, -2.345678)}) == {"werk": None}
    assert atlas.position("netwerkintake", "werk") == (1.23, -2.35)
    old = atlas.set_positions("netwerkintake", {"werk": (5, 6), "moeder": (7.006, 8)})
    assert old == {"werk": (1.23, -2.35), "moeder": None}
    assert atlas.position("netwerkintake", "moeder") == (7.01, 8.0)
    assert events == [
        PositionsChanged("netwerkintake", frozenset({"werk"})),
        PositionsChanged("netwerkintake", frozenset({"werk", "moeder"})),
    ]


def test_positions_are_plain_floats_without_negative_zero(atlas):
    atlas.set_positions("v", {"werk": (-0.001, -0.0)})
    x, y = atlas.position("v", "werk")
    assert (x, y) == (0.0, 0.0)
    assert math.copysign(1, x) == 1 and math.copysign(1, y) == 1
    assert type(x) is float and type(y) is float
    assert b"-0.0" not in io.dumps(atlas)


def test_set_positions_none_unplaces(atlas, events):
    atlas.set_positions("v", {"werk": (1, 2)})
    assert atlas.set_positions("v", {"werk": None}) == {"werk": (1.0, 2.0)}
    assert atlas.position("v", "werk") is None
    assert events[-1] == PositionsChanged("v", frozenset({"werk"}))


def test_set_positions_of_an_unknown_node_changes_nothing(atlas, events):
    atlas.set_positions("v", {"werk": (1, 2)})
    events.clear()
    before = unchanged(atlas)
    with pytest.raises(AtlasError, match="spook"):
        atlas.set_positions("v", {"werk": (9, 9), "spook": (3, 4)})
    assert atlas.position("v", "werk") == (1.0, 2.0)
    assert unchanged(atlas) == before
    assert events == []


def test_set_view_setting(atlas, events):
    assert atlas.set_view_setting("ecogram", "zoom", 1.5) is None
    assert atlas.view_setting("ecogram", "zoom") == 1.5
    assert atlas.set_view_setting("ecogram", "zoom", 2) == 1.5
    assert atlas.set_view_setting("ecogram", "zoom", None) == 2
    assert atlas.view_setting("ecogram", "zoom", "standaard") == "standaard"
    assert events == [
        ItemChanged("views", "ecogram", {"zoom": (None, 1.5)}),
        ItemChanged("views", "ecogram", {"zoom": (1.5, 2)}),
        ItemChanged("views", "ecogram", {"zoom": (2, None)}),
    ]


def test_update_meta(atlas, events):
    assert atlas.update_meta({"title": "Netwerk van Sanne"}) == {"title": "Sanne"}
    assert atlas.meta.title == "Netwerk van Sanne"
    assert events == [ItemChanged("meta", "meta", {"title": ("Sanne", "Netwerk van Sanne")})]
    events.clear()
    with pytest.raises(AtlasError):
        atlas.update_meta({"title": "x" * 501})
    assert atlas.meta.title == "Netwerk van Sanne"
    assert events == []


# --- events ---------------------------------------------------------------------------------------


def test_listeners_see_the_atlas_after_the_change(atlas):
    seen = []

    def listener(event):
        seen.append((type(event).__name__, atlas.has(NODES, "geld")))

    unsubscribe = atlas.events.subscribe(listener)
    atlas.add(NODES, ThemeNode(id="geld"))
    atlas.remove(NODES, "geld")
    assert seen == [("ItemAdded", True), ("ItemRemoved", False)]
    unsubscribe()
    atlas.add(NODES, ThemeNode(id="geld"))
    assert len(seen) == 2
