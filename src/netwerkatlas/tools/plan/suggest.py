"""Who could do an action: people of the atlas, the likeliest first.

For naasten the people the client feels good about come first: a positive score in the
netwerkintake, or a strong line to them in the ecogram or a close one in the genogram. For
professionals those in the circle's professionals quadrant (or its wijkecogram equivalent) and
those in the zorg leefgebied. Everyone else follows, so a name is never out of reach.
"""

from __future__ import annotations

from netwerkatlas.model import Atlas, EdgeKind, NodeKind
from netwerkatlas.model.records import (
    Actor,
    EmotionalKind,
    NodeBase,
    SupportStrength,
)
from netwerkatlas.tools.circle.variants import cells

PROFESSIONAL_CELLS = {"professionals", "maatschappelijke diensten", "diensten"}
CARE_DOMAINS = {"zorg", "hulpverlening", "care"}


def _strong_to_client(atlas: Atlas) -> set[str]:
    """People joined to the client by a strong ecogram line or a close genogram line."""
    found: set[str] = set()
    for edge in atlas.edges_of(atlas.client_id):
        strong = (edge.kind == EdgeKind.SUPPORT and edge.strength == SupportStrength.STRONG) or (
            edge.kind == EdgeKind.EMOTIONAL
            and edge.quality in (EmotionalKind.CLOSE, EmotionalKind.FUSED)
        )
        if strong:
            found.add(edge.target if edge.source == atlas.client_id else edge.source)
    return found


def _professionals(atlas: Atlas) -> set[str]:
    placed = cells(atlas)
    found = {p for p, (ring, sector) in placed.items() if {ring, sector} & PROFESSIONAL_CELLS}
    found |= {
        n.id
        for n in atlas.nodes(NodeKind.PERSON)
        if getattr(n, "life_domain", "").strip().casefold() in CARE_DOMAINS
    }
    return found


def _by_name(node: NodeBase) -> tuple:
    return (-(node.score if node.score is not None else 0), node.shown_label.casefold(), node.id)


def who_suggestions(atlas: Atlas, actor: Actor) -> list[NodeBase]:
    """People for the group `actor`, the best suggestions first, every person once."""
    actor = Actor(actor)
    if actor == Actor.SELF:
        return [atlas.client]
    people = [n for n in atlas.nodes(NodeKind.PERSON) if not getattr(n, "deceased", False)]
    professionals = _professionals(atlas)
    if actor == Actor.PROFESSIONALS:
        first = [n for n in people if n.id in professionals]
    else:
        strong = _strong_to_client(atlas)
        first = [
            n
            for n in people
            if n.id not in professionals and ((n.score or 0) > 0 or n.id in strong)
        ]
    chosen = {n.id for n in first}
    rest = [n for n in people if n.id not in chosen]
    if actor == Actor.CLOSE_ONES:  # professionals are the least likely naasten
        rest.sort(key=lambda n: (n.id in professionals, *_by_name(n)))
    else:
        rest.sort(key=_by_name)
    return sorted(first, key=_by_name) + rest
