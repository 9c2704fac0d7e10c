"""Who was involved in which life event: the `involved` edges from an event to a person.

The order of the people of one event is the order they were linked in: new involved edges get
time-ordered ids (`ordered_id`), and the edges are read in id order, so the order is the same
before and after a save (the file keeps records sorted by id).
"""

from __future__ import annotations

import secrets
import time
import uuid

from netwerkatlas.model import Atlas, EdgeKind, EventNode, InvolvedRelation, NodeKind
from netwerkatlas.tools.gebeurteniskaart.dates import in_time_order

PEOPLE = (NodeKind.PERSON, NodeKind.CLIENT)
_last_stamp = 0


def ordered_id() -> str:
    """A fresh UUID (version 7) that sorts after every one made before it in this program:
    48 bits of milliseconds, then a counter, then randomness."""
    global _last_stamp
    stamp = max((time.time_ns() // 1_000_000) << 12, _last_stamp + 1)
    _last_stamp = stamp
    value = (stamp >> 12) << 80 | 7 << 76 | (stamp & 0xFFF) << 64 | 2 << 62 | secrets.randbits(62)
    return str(uuid.UUID(int=value))


def involved_edges(atlas: Atlas, event_id: str) -> list[InvolvedRelation]:
    """The event's involved edges to people that exist, in the order they were linked."""
    edges = [
        e
        for e in atlas.edges_of(event_id)
        if isinstance(e, InvolvedRelation)
        and e.source == event_id
        and atlas.has("nodes", e.target)
        and atlas.node(e.target).kind in PEOPLE
    ]
    return sorted(edges, key=lambda e: e.id)


def involved(atlas: Atlas, event_id: str) -> list[str]:
    """The ids of the people involved in the event, in the order they were linked, each once."""
    return list(dict.fromkeys(e.target for e in involved_edges(atlas, event_id)))


def events_of(atlas: Atlas, person_id: str) -> list[str]:
    """The ids of the events the person was involved in, in time order."""
    linked = {
        e.source
        for e in atlas.edges_of(person_id)
        if e.kind == EdgeKind.INVOLVED and e.target == person_id
    }
    return [event.id for event in in_time_order(atlas) if event.id in linked]


def people_of_events(atlas: Atlas) -> list[str]:
    """Everyone involved in any event, by the time of their first event (the lanes' order)."""
    found: dict[str, None] = {}
    for event in in_time_order(atlas):
        for person_id in involved(atlas, event.id):
            found.setdefault(person_id, None)
    return list(found)


def is_event(atlas: Atlas, node_id: str) -> bool:
    return atlas.has("nodes", node_id) and isinstance(atlas.node(node_id), EventNode)


def is_person(atlas: Atlas, node_id: str) -> bool:
    return atlas.has("nodes", node_id) and atlas.node(node_id).kind in PEOPLE
