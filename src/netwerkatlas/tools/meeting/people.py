"""People in the meeting documents: a ref to the atlas's person, or a typed name.

A ref to a person shows the atlas's current name, so a rename in the groslijst shows in every
document; a typed ref (or one whose person was deleted) shows the name it keeps.
"""

from __future__ import annotations

from netwerkatlas.model import NODES, Atlas, NodeKind
from netwerkatlas.model.plan_bodies import PersonRef

__all__ = ["person_of", "pickable", "ref_email", "ref_name", "ref_of", "ref_phone", "typed_ref"]

PEOPLE = (NodeKind.CLIENT, NodeKind.PERSON)


def person_of(atlas: Atlas, ref: PersonRef | None):
    """The atlas's client or person the ref points to, or None (typed, or gone)."""
    if ref is None or ref.person_id is None or not atlas.has(NODES, ref.person_id):
        return None
    node = atlas.node(ref.person_id)
    return node if node.kind in PEOPLE else None


def ref_name(atlas: Atlas, ref: PersonRef | None) -> str:
    """The atlas's current name of the person, else the typed name."""
    node = person_of(atlas, ref)
    if node is not None:
        return node.shown_label
    return ref.name if ref is not None else ""


def ref_phone(atlas: Atlas, ref: PersonRef | None) -> str:
    """The person's phone number (PersonFields.phone); "" for a typed name or none."""
    node = person_of(atlas, ref)
    return getattr(node, "phone", "") if node is not None else ""


def ref_email(atlas: Atlas, ref: PersonRef | None) -> str:
    node = person_of(atlas, ref)
    return getattr(node, "email", "") if node is not None else ""


def ref_of(atlas: Atlas, person_id: str, role: str = "") -> PersonRef:
    """A ref to the atlas's person. The name is not copied: it is looked up when shown."""
    if not atlas.has(NODES, person_id):
        raise KeyError(f"no person with id {person_id!r}")
    return PersonRef(person_id=person_id, role=role)


def typed_ref(name: str, role: str = "") -> PersonRef:
    """A ref to someone who is not (yet) in the atlas, by name only."""
    return PersonRef(name=name.strip()[:200], role=role)


def pickable(atlas: Atlas) -> list[tuple[str, str]]:
    """(person id, shown name) of the client and the people with a name, by name."""
    people = [(n.id, n.shown_label) for n in atlas.nodes() if n.kind in PEOPLE and n.shown_label]
    return sorted(people, key=lambda pair: (pair[1].casefold(), pair[0]))
