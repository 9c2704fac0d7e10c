"""Hypothesis strategies for random, valid atlases, and the canonical bytes of an atlas.

`atlases()` builds an `Atlas` through its public operations (so the model's own checks run on
every example): one client, up to 25 other nodes of every kind, up to 40 edges of all five kinds
between distinct existing nodes (several between the same pair allowed), goals, actions,
evaluations, sessions and plans that refer to existing ids, positions and settings in 1-3 views,
and now and then unknown extra fields on records, on the meta data, on a view and on the file.
"""

from __future__ import annotations

from hypothesis import strategies as st

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
)
from netwerkatlas.model.records import (
    Action,
    Actor,
    AtlasMeta,
    ClientNode,
    Direction,
    EmotionalKind,
    EmotionalRelation,
    Evaluation,
    EventNode,
    Gender,
    Goal,
    GoalStatus,
    Horizon,
    InfluenceLink,
    ParentChildKind,
    ParentChildRelation,
    PartnerRelation,
    PartnerStatus,
    PersonNode,
    Plan,
    Pregnancy,
    Session,
    SupportKind,
    SupportRelation,
    SupportStrength,
    ThemeNode,
)
from netwerkatlas.model.snapshot import Snapshot, ViewSnapshot

MAX_NODES = 25
MAX_EDGES = 40
VIEW_NAMES = ("netwerkintake", "genogram", "ecogram", "netwerkcirkel", "tijdlijn ë")
# Names of unknown fields, as a newer version might write them; none is a field of any record.
EXTRA_NAMES = ("mood", "x_kleur", "future_field", "stemming_ë")

# Characters that tend to break naive writers: Dutch accents, quotes, backslashes, newlines,
# tabs, a NUL and the line separators JSON allows but JavaScript did not.
_SPECIAL = "ëéïöüÉËÏĳ'\"\\\n\r\t\x00\u2028\u2029 −abc"
# Whole texts that are hard to build from single characters: joined emoji, combining accents.
_SAMPLES = (
    "Ëlla 😀",
    "🧑‍🤝‍🧑 vrienden",
    'Zoë & Chloë "de tweeling"',
    "ruzie met 'pa'\nsinds 2019",
    "e\u0301e\u0308n",  # combining acute and diaeresis
    "👩🏽‍⚕️ huisarts",
)


def texts(max_size=30):
    return st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=max_size),  # never a lone surrogate
        st.text(_SPECIAL, max_size=max_size),
        st.sampled_from(_SAMPLES),
    )


labels = texts(40)
notes = texts(60)
shorts = texts(20)
years = st.none() | st.integers(1000, 2999)
scores = st.none() | st.integers(-2, 2)
perspective_names = (
    st.text(alphabet="abcFLé ():-", min_size=1, max_size=15)
    .map(lambda name: " ".join(name.split()))
    .filter(bool)
)
perspectives = st.dictionaries(perspective_names, st.integers(-2, 2), max_size=3)

ids = st.one_of(
    st.uuids().map(str),
    st.from_regex(r"[A-Za-z0-9_.:-]{1,24}", fullmatch=True),
)

json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    texts(15),
)
# Two levels of nesting are enough to catch ordering and escaping mistakes (and st.recursive is
# several times slower to draw from).
_json_inner = json_leaves | st.lists(json_leaves, max_size=3)
json_values = st.one_of(
    json_leaves,
    st.lists(_json_inner, max_size=3),
    st.dictionaries(texts(8), _json_inner, max_size=3),
)
json_objects = st.dictionaries(texts(10), json_values, max_size=4)
# A session's snapshot: none, the whole state then (a bol, its place, a setting), or the
# parts a difference from a later session has.
snapshots = st.one_of(
    st.none(),
    st.builds(
        lambda label, score, x, setting: Snapshot(
            meta=AtlasMeta(id="meta-then"),
            nodes=(ThemeNode(id="then", label=label, score=score),),
            views={"netwerkintake": ViewSnapshot(positions={"then": (x, 0.0)}, settings=setting)},
        ),
        texts(20),
        st.none() | st.integers(-2, 2),
        st.integers(-5000, 5000).map(lambda v: v / 100),
        json_objects,
    ),
    st.builds(
        lambda label, ids: Snapshot(  # the parts of a difference (its `against` must resolve)
            nodes=(PersonNode(id="then", label=label),),
            removed={"nodes": tuple(sorted(ids))} if ids else {},
            views_removed=("ecogram",),
        ),
        texts(20),
        st.sets(st.sampled_from(("a", "b", "c")), max_size=2),
    ),
)
# Unknown fields: mostly absent, sometimes one or two with any JSON value.
extras = st.one_of(
    st.just({}),
    st.just({}),
    st.dictionaries(st.sampled_from(EXTRA_NAMES), json_values, min_size=1, max_size=2),
)
_edge_kinds = st.sampled_from(("influence", "partner", "parent_child", "emotional", "support"))
_directions = st.sampled_from(Direction)
_partnerstatus = st.sampled_from(PartnerStatus)
_parentchildkind = st.sampled_from(ParentChildKind)
_emotionalkind = st.sampled_from(EmotionalKind)
_supportstrength = st.sampled_from(SupportStrength)
_support_kinds = st.lists(st.sampled_from(SupportKind), max_size=4)
_gender = st.sampled_from(Gender)
_node_kinds = st.sampled_from(("person", "theme", "event"))
_dates = st.none() | st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)
coordinates = st.floats(-5000, 5000, allow_nan=False, allow_infinity=False)


@st.composite
def _node_common(draw, node_id):
    return {
        "id": node_id,
        "label": draw(labels),
        "score": draw(scores),
        "perspectives": draw(perspectives),
        "emphasis": draw(st.booleans()),
        "note": draw(notes),
        "private": draw(st.booleans()),
        **draw(extras),
    }


@st.composite
def _person_fields(draw):
    return {
        "name": draw(labels),
        "gender": draw(_gender),
        "birth_year": draw(years),
        "death_year": draw(years),
        "relation": draw(shorts),
        "life_domain": draw(shorts),
        "contact_frequency": draw(shorts),
        "deceased": draw(st.booleans()),
        "pregnancy": draw(st.none() | st.sampled_from(Pregnancy)),
        "household": draw(shorts),
        "suggested_by": draw(shorts),
        "photo": draw(st.sampled_from(["", "iVBORw0KGgo=", "AAAA"])),
    }


@st.composite
def nodes(draw, node_id, kind=None):
    kind = kind or draw(_node_kinds)
    fields = draw(_node_common(node_id))
    if kind in ("client", "person"):
        fields.update(draw(_person_fields()))
        return (ClientNode if kind == "client" else PersonNode)(**fields)
    if kind == "theme":
        return ThemeNode(**fields)
    fields.update(
        date=draw(_dates),
        year=draw(years),
        age=draw(st.none() | st.integers(0, 150)),
        order=draw(st.none() | st.integers(-1000, 1000)),
    )
    return EventNode(**fields)


@st.composite
def edges(draw, edge_id, node_ids):
    i = draw(st.integers(0, len(node_ids) - 1))
    j = draw(st.integers(0, len(node_ids) - 2))
    source, target = node_ids[i], node_ids[j + (j >= i)]  # two distinct nodes
    fields = {
        "id": edge_id,
        "source": source,
        "target": target,
        "note": draw(notes),
        "private": draw(st.booleans()),
        **draw(extras),
    }
    kind = draw(_edge_kinds)
    if kind == "influence":
        return InfluenceLink(**fields, direction=draw(_directions))
    if kind == "partner":
        return PartnerRelation(
            **fields,
            status=draw(_partnerstatus),
            start_year=draw(years),
            end_year=draw(years),
        )
    if kind == "parent_child":
        return ParentChildRelation(
            **fields,
            relation=draw(_parentchildkind),
            twin_group=draw(shorts),
            identical_twin=draw(st.booleans()),
        )
    if kind == "emotional":
        return EmotionalRelation(
            **fields, quality=draw(_emotionalkind), direction=draw(_directions)
        )
    return SupportRelation(
        **fields,
        strength=draw(_supportstrength),
        direction=draw(_directions),
        support=tuple(draw(_support_kinds)),
    )


@st.composite
def atlases(draw, max_nodes=MAX_NODES, max_edges=MAX_EDGES):
    """A random valid atlas, built with the model's own operations."""
    n_nodes = draw(st.integers(0, max_nodes))
    n_edges = draw(st.integers(0, max_edges)) if n_nodes else 0
    n_goals = draw(st.integers(0, 4))
    n_sessions = draw(st.integers(0, 3))
    n_plans = draw(st.integers(0, 3))
    n_actions = draw(st.integers(0, 5)) if n_goals else 0
    n_evaluations = draw(st.integers(0, 4)) if n_goals else 0
    total = 2 + n_nodes + n_edges + n_goals + n_sessions + n_plans + n_actions + n_evaluations
    pool = iter(draw(st.lists(ids, min_size=total, max_size=total, unique=True)))

    meta = AtlasMeta(
        id=next(pool),
        title=draw(labels),
        client_term=draw(st.sampled_from(("cliënt", "bewoner", "deelnemer", "jongere"))),
        language=draw(st.sampled_from(("nl", "en"))),
        created=draw(st.sampled_from(("", "2024-03-01", "2025-12-31"))),
        note=draw(notes),
        next_evaluation=draw(st.sampled_from(("", "2024-06-01", "2026-11-10"))),
        **draw(extras),
    )
    atlas = Atlas(client=draw(nodes(next(pool), kind="client")), meta=meta)
    for _ in range(n_nodes):
        atlas.add(NODES, draw(nodes(next(pool))))
    node_ids = sorted(atlas.graph.nodes)
    for _ in range(n_edges):
        atlas.add(EDGES, draw(edges(next(pool), node_ids)))

    goal_ids, session_ids = [], []
    for _ in range(n_goals):
        goal = Goal(
            id=next(pool),
            text=draw(notes),
            horizon=draw(st.sampled_from(Horizon)),
            node_ids=tuple(draw(st.lists(st.sampled_from(node_ids), max_size=3, unique=True))),
            created=draw(shorts),
            status=draw(st.sampled_from(GoalStatus)),
            order=draw(st.integers(0, 20)),
            private=draw(st.booleans()),
            **draw(extras),
        )
        atlas.add(GOALS, goal)
        goal_ids.append(goal.id)
    for _ in range(n_sessions):
        session = Session(
            id=next(pool),
            date=draw(st.sampled_from(("", "2024-01-15", "2024-06-30"))),
            label=draw(labels),
            kind=draw(st.sampled_from(("intake", "follow_up", "netwerkberaad"))),
            note=draw(notes),
            snapshot=draw(snapshots),
            **draw(extras),
        )
        atlas.add(SESSIONS, session)
        session_ids.append(session.id)
    for _ in range(n_plans):
        plan = Plan(
            id=next(pool),
            kind=draw(st.sampled_from(("signaleringsplan", "crisisplan", "steungroep"))),
            title=draw(labels),
            body=draw(json_objects),
            **draw(extras),
        )
        atlas.add(PLANS, plan)
    for _ in range(n_actions):
        action = Action(
            id=next(pool),
            goal_id=draw(st.sampled_from(goal_ids)),
            actor=draw(st.sampled_from(Actor)),
            who=draw(labels),
            who_id=draw(st.none() | st.sampled_from(node_ids)),
            what=draw(notes),
            when=draw(shorts),
            done=draw(st.booleans()),
            order=draw(st.integers(0, 20)),
            **draw(extras),
        )
        atlas.add(ACTIONS, action)
    for _ in range(n_evaluations):
        evaluation = Evaluation(
            id=next(pool),
            goal_id=draw(st.sampled_from(goal_ids)),
            session_id=draw(st.none() | st.sampled_from(session_ids)) if session_ids else None,
            date=draw(shorts),
            score=draw(st.none() | st.integers(1, 5)),
            note=draw(notes),
            perspective=draw(st.just("") | perspective_names),
            **draw(extras),
        )
        atlas.add(EVALUATIONS, evaluation)

    views = draw(st.lists(st.sampled_from(VIEW_NAMES), min_size=1, max_size=3, unique=True))
    for view in views:
        placed = draw(st.lists(st.sampled_from(node_ids), unique=True))
        points = draw(
            st.lists(
                st.tuples(coordinates, coordinates), min_size=len(placed), max_size=len(placed)
            )
        )
        atlas.set_positions(view, dict(zip(placed, points, strict=True)))
        settings = draw(st.dictionaries(texts(10), json_values, max_size=3))
        for key, value in settings.items():
            if value is not None:  # None means "remove this setting"
                atlas.set_view_setting(view, key, value)
        atlas.views[view].extra.update(draw(extras))
    atlas.extra.update({f"x_{k}": v for k, v in draw(extras).items()})
    return atlas


def canonical(atlas: Atlas) -> bytes:
    """The canonical file bytes of `atlas`."""
    return io.dumps(atlas)
