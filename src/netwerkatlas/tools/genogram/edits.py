"""Genogram edits as commands: add a partner, child, parent or sibling in one undo step each,
re-arrange, move. Qt-free; the canvas and the keyboard build the same commands."""

from __future__ import annotations

from collections.abc import Mapping

from netwerkatlas.commands import (
    AddItem,
    Command,
    Macro,
    RemoveItem,
    SetPositions,
    SetViewSetting,
    UpdateItem,
)
from netwerkatlas.i18n import t
from netwerkatlas.model import EDGES, NODES, Atlas, EdgeKind
from netwerkatlas.model.atlas import Point
from netwerkatlas.model.records import (
    EmotionalKind,
    EmotionalRelation,
    Gender,
    ParentChildKind,
    ParentChildRelation,
    PartnerRelation,
    PartnerStatus,
    PersonNode,
    new_id,
)
from netwerkatlas.tools.genogram import VIEW

RELATIVES = ("partner", "child", "parent", "sibling")


def parents_of(atlas: Atlas, person_id: str) -> list[str]:
    return [e.source for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target == person_id]


def partners_of(atlas: Atlas, person_id: str) -> list[str]:
    """Partners, the latest relation last."""
    relations = sorted(
        (e for e in atlas.edges(EdgeKind.PARTNER) if person_id in (e.source, e.target)),
        key=lambda e: e.start_year or 0,
    )
    return [e.target if e.source == person_id else e.source for e in relations]


def _person(name: str, gender: Gender) -> PersonNode:
    return PersonNode(label=name.strip(), name=name.strip(), gender=gender)


def add_relative(
    atlas: Atlas, person_id: str, relative: str, name: str, gender: Gender = Gender.UNKNOWN
) -> Command | None:
    """A new person as `relative` ("partner", "child", "parent" or "sibling") of `person_id`."""
    if not name.strip() or relative not in RELATIVES:
        return None
    new = _person(name, gender)
    steps: list[Command] = [AddItem(NODES, new)]
    if relative == "partner":
        steps.append(
            AddItem(
                EDGES,
                PartnerRelation(source=person_id, target=new.id, status=PartnerStatus.MARRIED),
            )
        )
    elif relative == "child":
        partners = partners_of(atlas, person_id)
        for parent in [person_id, *partners[-1:]]:
            steps.append(AddItem(EDGES, ParentChildRelation(source=parent, target=new.id)))
    elif relative == "parent":
        existing = parents_of(atlas, person_id)
        steps.append(AddItem(EDGES, ParentChildRelation(source=new.id, target=person_id)))
        if len(existing) == 1:  # the second parent: the parents become a couple
            steps.append(AddItem(EDGES, PartnerRelation(source=existing[0], target=new.id)))
    else:  # sibling: a child of the same parents; with none known, of one unknown parent
        parents = parents_of(atlas, person_id)
        if not parents:
            unknown = _person(t("genogram.unknown_parent"), Gender.UNKNOWN)
            steps.append(AddItem(NODES, unknown))
            steps.append(AddItem(EDGES, ParentChildRelation(source=unknown.id, target=person_id)))
            parents = [unknown.id]
        for parent in parents:
            steps.append(AddItem(EDGES, ParentChildRelation(source=parent, target=new.id)))
    return Macro(t(f"genogram.command.add_{relative}"), steps)


def move(positions: Mapping[str, Point]) -> Command:
    return SetPositions(VIEW, positions, t("command.move"))


def set_index(atlas: Atlas, person_id: str) -> Command | None:
    """The person the genogram is about (double outline); the client unless chosen."""
    current = atlas.view_setting(VIEW, "index_id") or atlas.client_id
    if current == person_id:
        return None
    value = None if person_id == atlas.client_id else person_id
    return SetViewSetting(VIEW, "index_id", value, t("genogram.command.index"))


def rearrange(atlas: Atlas) -> Command | None:
    """Forget every hand-placed position in the genogram: the layout places everyone again."""
    state = atlas.views.get(VIEW)
    if not state or not state.positions:
        return None
    return SetPositions(VIEW, dict.fromkeys(state.positions), t("genogram.command.rearrange"))


# --- the relations themselves ----------------------------------------------------------------


def partner_relations(atlas: Atlas, person_id: str) -> list[PartnerRelation]:
    return sorted(
        (e for e in atlas.edges(EdgeKind.PARTNER) if person_id in (e.source, e.target)),
        key=lambda e: (e.start_year or 0, e.id),
    )


def set_partner(atlas: Atlas, edge_id: str, **changes) -> Command | None:
    """Status or years of a couple ("status", "start_year", "end_year")."""
    edge = atlas.edge(edge_id)
    changes = {k: v for k, v in changes.items() if getattr(edge, k) != v}
    if not changes:
        return None
    return UpdateItem(EDGES, edge_id, changes, t("genogram.command.partner"))


def parse_years(text: str) -> tuple[int | None, int | None] | None:
    """ "1973", "1973-1997", "-1997" or "" -> (start, end); None when it is not years."""
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    if len(parts) > 2 or not all(
        p == "" or (p.isdigit() and 1000 <= int(p) <= 2999) for p in parts
    ):
        return None
    start = int(parts[0]) if parts[0] else None
    end = int(parts[1]) if len(parts) > 1 and parts[1] else None
    return start, end


def child_links(atlas: Atlas, child_id: str) -> list[ParentChildRelation]:
    return [e for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.target == child_id]


def set_child_kind(atlas: Atlas, child_id: str, kind: ParentChildKind) -> Command | None:
    """Biological, adopted or foster, for the child's links to all its parents."""
    steps = [
        UpdateItem(EDGES, e.id, {"relation": kind})
        for e in child_links(atlas, child_id)
        if e.relation != kind
    ]
    return Macro(t("genogram.command.child_kind"), steps) if steps else None


def siblings_of(atlas: Atlas, person_id: str) -> list[str]:
    parents = set(parents_of(atlas, person_id))
    return sorted(
        {e.target for e in atlas.edges(EdgeKind.PARENT_CHILD) if e.source in parents} - {person_id}
    )


def set_twins(atlas: Atlas, a: str, b: str, twins: bool, identical: bool = False) -> Command:
    """Make two siblings twins (drawn from one point; identical ones with a bar), or not."""
    existing = next((e.twin_group for e in child_links(atlas, a) if e.twin_group), "")
    group = (existing or f"twin-{new_id()[:8]}") if twins else ""
    steps = [
        UpdateItem(EDGES, e.id, {"twin_group": group, "identical_twin": twins and identical})
        for person in (a, b)
        for e in child_links(atlas, person)
    ]
    return Macro(t("genogram.command.twins"), steps)


def emotional_between(atlas: Atlas, a: str, b: str) -> EmotionalRelation | None:
    return next(
        (e for e in atlas.edges(EdgeKind.EMOTIONAL) if {e.source, e.target} == {a, b}), None
    )


def set_emotional(atlas: Atlas, a: str, b: str, kind: EmotionalKind | None) -> Command | None:
    """The emotional relation between two people: drawn as close, conflict, cut-off...;
    None removes it."""
    edge = emotional_between(atlas, a, b)
    if kind is None:
        return RemoveItem(EDGES, edge.id) if edge else None
    if edge is None:
        return AddItem(EDGES, EmotionalRelation(source=a, target=b, quality=kind))
    if edge.quality == kind:
        return None
    return UpdateItem(EDGES, edge.id, {"quality": kind}, t("genogram.command.emotional"))
