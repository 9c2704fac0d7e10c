"""Genogram edits as commands: add a partner, child, parent or sibling in one undo step each,
re-arrange, move. Qt-free; the canvas and the keyboard build the same commands."""

from __future__ import annotations

from collections.abc import Mapping

from netwerkatlas.commands import AddItem, Command, Macro, SetPositions
from netwerkatlas.i18n import t
from netwerkatlas.model import EDGES, NODES, Atlas, EdgeKind
from netwerkatlas.model.atlas import Point
from netwerkatlas.model.records import (
    Gender,
    ParentChildRelation,
    PartnerRelation,
    PartnerStatus,
    PersonNode,
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


def rearrange(atlas: Atlas) -> Command | None:
    """Forget every hand-placed position in the genogram: the layout places everyone again."""
    state = atlas.views.get(VIEW)
    if not state or not state.positions:
        return None
    return SetPositions(VIEW, dict.fromkeys(state.positions), t("genogram.command.rearrange"))
