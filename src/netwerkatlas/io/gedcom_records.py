"""Choose whom to import from a read GEDCOM file and turn them into atlas records.

Reading a file gives a `GedcomTree` (see `netwerkatlas.io.gedcom`); this module needs none of
the parsing: `select_around` picks the people worth drawing in a genogram, and `to_records`
makes person nodes and partner/parent-child edges for `Atlas.add`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from netwerkatlas.model.records import (
    EdgeBase,
    ParentChildRelation,
    PartnerRelation,
    PersonNode,
)

if TYPE_CHECKING:
    from netwerkatlas.io.gedcom import GedcomTree

__all__ = ["GedcomRecords", "select_around", "to_records"]


class GedcomRecords(NamedTuple):
    """Records ready for `Atlas.add`, and the node id each GEDCOM person got."""

    nodes: list[PersonNode]
    edges: list[EdgeBase]
    ids: dict[str, str]


def select_around(tree: GedcomTree, root_xref: str, generations: int) -> set[str]:
    """The people around `root_xref` worth drawing: a family of 2,000 is not a genogram.

    The rule, in this order: the root; their ancestors up to `generations` generations up
    (parents, grandparents, ...) and descendants down to `generations` generations (children,
    grandchildren, ...), following birth, adoptive and foster links alike; the root's siblings,
    full and half (every child of any of the root's parents), whatever `generations` is; then
    the partners of everyone chosen so far (so a parent's second wife and a child's husband
    come along, but not a partner's other partners). Aunts, uncles and cousins are left out.
    """
    if root_xref not in tree.persons:
        raise KeyError(root_xref)
    if generations < 0:
        raise ValueError("generations must be 0 or more")
    parents: dict[str, set[str]] = defaultdict(set)
    children: dict[str, set[str]] = defaultdict(set)
    partners: dict[str, set[str]] = defaultdict(set)
    for family in tree.families:
        for person in family.partners:
            partners[person].update(p for p in family.partners if p != person)
            children[person].update(c.xref for c in family.children)
        for child in family.children:
            parents[child.xref].update(family.partners)
    chosen = {root_xref}
    for links in (parents, children):
        frontier = {root_xref}
        for _ in range(generations):
            frontier = {n for person in frontier for n in links[person]} - chosen
            chosen |= frontier
    chosen |= {sibling for parent in parents[root_xref] for sibling in children[parent]}
    chosen |= {partner for person in list(chosen) for partner in partners[person]}
    return chosen


def to_records(tree: GedcomTree, selected: set[str] | None = None) -> GedcomRecords:
    """Person nodes and partner/parent-child edges for the `selected` people (all if None).

    Relations to people not selected are left out. A couple is MARRIED when the file has a
    marriage (MARR), DIVORCED when it has a divorce (DIV, which wins), and OTHER when it has
    neither: GEDCOM makes a family of any two parents of a child, so without a marriage the
    file does not say whether they married, lived together or neither. Children of one family
    born on the same full date are marked as twins (not whether they are identical).
    """
    chosen = set(tree.persons) if selected is None else set(selected) & set(tree.persons)
    nodes: list[PersonNode] = []
    ids: dict[str, str] = {}
    for xref, person in tree.persons.items():
        if xref in chosen:
            node = PersonNode(
                name=person.name,
                label=person.given.split()[0] if person.given else "",
                gender=person.gender,
                birth_year=person.birth_year,
                death_year=person.death_year,
                deceased=person.deceased,
            )
            nodes.append(node)
            ids[xref] = node.id
    edges: list[EdgeBase] = []
    twin_groups = 0
    for family in tree.families:
        couple = [ids[p] for p in family.partners if p in ids]
        if len(couple) == 2:
            edges.append(
                PartnerRelation(
                    source=couple[0],
                    target=couple[1],
                    status=family.status,
                    start_year=family.married_year,
                    end_year=family.divorced_year,
                )
            )
        born: dict[str, list[str]] = defaultdict(list)
        for child in family.children:
            if day := tree.persons[child.xref].birth_date:
                born[day].append(child.xref)
        twins: dict[str, str] = {}
        for group in (g for g in born.values() if len(g) > 1):
            twin_groups += 1
            twins.update(dict.fromkeys(group, f"gedcom-{twin_groups}"))
        for child in family.children:
            if child.xref not in ids:
                continue
            for parent, kind in zip(family.partners, child.kinds, strict=False):
                if parent in ids:
                    edges.append(
                        ParentChildRelation(
                            source=ids[parent],
                            target=ids[child.xref],
                            relation=kind,
                            twin_group=twins.get(child.xref, ""),
                        )
                    )
    return GedcomRecords(nodes, edges, ids)
