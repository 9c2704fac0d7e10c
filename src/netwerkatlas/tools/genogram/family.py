"""The family as the genogram sees it: who belongs, their generations, couples and children.

Read from the atlas's person nodes and their partner and parent-child relations; Qt-free, so
the layout, the canvas and the poster all work from the same reading.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from netwerkatlas.model import Atlas, EdgeKind, NodeKind
from netwerkatlas.model.records import (
    NodeBase,
    ParentChildKind,
    ParentChildRelation,
    PartnerRelation,
)
from netwerkatlas.tools.genogram import generations


@dataclass
class Couple:
    """Two partners (in the order they are drawn) and their children, oldest first."""

    relation: PartnerRelation
    left: str
    right: str
    children: list[str] = field(default_factory=list)


@dataclass
class Family:
    persons: dict[str, NodeBase]
    generation: dict[str, int]  # 0 is the oldest generation shown
    couples: list[Couple]
    parents_of: dict[str, list[str]]  # child -> parents
    child_links: dict[tuple[str, str], ParentChildRelation]  # (parent, child) -> relation
    single_parent_children: dict[str, list[str]]  # parent -> children with no second parent
    index_id: str
    _partners: dict[str, list[Couple]] | None = field(default=None, repr=False, compare=False)

    def rows(self) -> list[list[str]]:
        count = max(self.generation.values(), default=-1) + 1
        rows: list[list[str]] = [[] for _ in range(count)]
        for person_id, gen in self.generation.items():
            rows[gen].append(person_id)
        return rows

    def partners_of(self, person_id: str) -> list[Couple]:
        """A person's couples, in the order of `couples` (indexed once: the layout asks for
        everyone's many times, and a family of 1,000 has hundreds of couples)."""
        if self._partners is None:
            self._partners = {}
            for couple in self.couples:
                self._partners.setdefault(couple.left, []).append(couple)
                if couple.right != couple.left:
                    self._partners.setdefault(couple.right, []).append(couple)
        return list(self._partners.get(person_id, ()))

    def birth_key(self, person_id: str) -> tuple:
        """Oldest first; unknown birth years after the known ones, then by name."""
        return person_key(self.persons, person_id)


def _is_person(node: NodeBase) -> bool:
    return node.kind in (NodeKind.CLIENT, NodeKind.PERSON)


def read_family(atlas: Atlas, index_id: str | None = None) -> Family:
    """The people connected to the index person (the client, unless chosen otherwise) by
    partner and parent-child relations, with a generation each."""
    index_id = index_id if index_id and atlas.has("nodes", index_id) else atlas.client_id
    nodes = {n.id: n for n in atlas.nodes() if _is_person(n)}
    key = lambda p: person_key(nodes, p)  # noqa: E731
    # Relations in an order of their people, not of their ids or of when they were added:
    # the same family gives the same genogram however it came into the atlas.
    partner_edges = sorted(
        atlas.edges(EdgeKind.PARTNER),
        key=lambda e: (e.start_year or 0, *_pair_key(nodes, e.source, e.target), e.id),
    )
    child_edges = sorted(
        atlas.edges(EdgeKind.PARENT_CHILD),
        key=lambda e: (*_pair_key(nodes, e.source, e.target), e.id),
    )
    neighbours: dict[str, list[tuple[str, int]]] = {}
    for edge in partner_edges:
        neighbours.setdefault(edge.source, []).append((edge.target, 0))
        neighbours.setdefault(edge.target, []).append((edge.source, 0))
    for edge in child_edges:
        neighbours.setdefault(edge.source, []).append((edge.target, 1))
        neighbours.setdefault(edge.target, []).append((edge.source, -1))
    generation = {index_id: 0}
    queue = deque([index_id])
    while queue:
        person_id = queue.popleft()
        for other, step in neighbours.get(person_id, []):
            if other not in generation and _is_person(atlas.node(other)):
                generation[other] = generation[person_id] + step
                queue.append(other)
    top = min(generation.values())
    generation = {p: g - top for p, g in generation.items()}
    persons = {p: atlas.node(p) for p in generation}
    pairs = [(e.source, e.target) for e in partner_edges if {e.source, e.target} <= persons.keys()]
    links = [(e.source, e.target) for e in child_edges if {e.source, e.target} <= persons.keys()]
    if not generations.consistent(generation, pairs, links):
        generation = generations.layered(sorted(persons, key=key), pairs, links, key) or generation

    parents_of: dict[str, list[str]] = {}
    child_links: dict[tuple[str, str], ParentChildRelation] = {}
    for edge in child_edges:
        if edge.source in persons and edge.target in persons:
            parents_of.setdefault(edge.target, []).append(edge.source)
            child_links[(edge.source, edge.target)] = edge

    couples: list[Couple] = []
    paired: set[frozenset[str]] = set()
    for edge in partner_edges:
        if edge.source not in persons or edge.target not in persons:
            continue
        pair = frozenset((edge.source, edge.target))
        if pair in paired:
            continue
        paired.add(pair)
        left, right = _drawing_order(persons, edge.source, edge.target)
        couples.append(Couple(edge, left, right))
    children_of: dict[str, list[str]] = {}
    for child, parents in parents_of.items():
        for parent in parents:
            children_of.setdefault(parent, []).append(child)
    for couple in couples:
        couple.children = sorted(
            (
                c
                for c in dict.fromkeys(children_of.get(couple.left, []))
                if couple.right in parents_of[c]
            ),
            key=key,
        )
    in_couple = {c for couple in couples for c in couple.children}
    single: dict[str, list[str]] = {}
    for child, parents in parents_of.items():
        if child in in_couple:
            continue
        for parent in parents[:1]:
            single.setdefault(parent, []).append(child)
    for children in single.values():
        children.sort(key=key)
    return Family(persons, generation, couples, parents_of, child_links, single, index_id)


def person_key(persons: dict[str, NodeBase], person_id: str) -> tuple:
    """Oldest first, then by what is shown, the full name and the other facts; the id only
    last, so that ids made at random on import never decide a layout."""
    person = persons.get(person_id)
    if person is None:
        return (9999, "", "", 0, "", person_id)
    year = getattr(person, "birth_year", None)
    return (
        year if year is not None else 9999,
        person.shown_label.casefold(),
        getattr(person, "name", "").casefold(),
        getattr(person, "death_year", None) or 0,
        str(getattr(person, "gender", "")),
        person_id,
    )


def _pair_key(persons: dict[str, NodeBase], a: str, b: str) -> tuple:
    return (person_key(persons, a), person_key(persons, b))


def _drawing_order(persons: dict[str, NodeBase], a: str, b: str) -> tuple[str, str]:
    """Male left, by convention; otherwise the order the relation was entered."""
    if (
        getattr(persons[b], "gender", None) == "male"
        and getattr(persons[a], "gender", None) != "male"
    ):
        return b, a
    return a, b


def kind_of_child(family: Family, parent: str, child: str) -> ParentChildKind:
    link = family.child_links.get((parent, child))
    return link.relation if link else ParentChildKind.BIOLOGICAL
