"""Who is on the ecogram: the leefgebieden (a default set, or the atlas's own list), each
person's domain, and the line between the client and each of them.

Domains are data, kept in Dutch as typed (like the circle's ring names); the built-in ones are
translated for display only. A person belongs to a domain through their `life_domain` text, so
the same field serves the details panel, the groslijst and this view.
"""

from __future__ import annotations

from collections.abc import Iterable

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, Direction, EdgeKind, NodeKind, SupportRelation
from netwerkatlas.tools.ecogram import VIEW

DEFAULT_DOMAINS: tuple[str, ...] = (
    "gezin of huishouden",
    "familie",
    "vrienden",
    "school of studie",
    "werk",
    "vrije tijd",
    "zorg",
    "buren",
)
SETTING = "domains"


def clean(names: Iterable[str]) -> tuple[str, ...]:
    """Names trimmed, empty ones dropped, each once (the first spelling wins)."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        name = " ".join(str(name).split())
        if name and key(name) not in seen:
            seen.add(key(name))
            kept.append(name)
    return tuple(kept)


def key(name: str) -> str:
    """How a life_domain is matched to a domain: "Vrienden " and "vrienden" are the same."""
    return " ".join(name.split()).casefold()


def domains(atlas: Atlas) -> tuple[str, ...]:
    """The atlas's leefgebieden, clockwise from the top; the default set when none are stored."""
    stored = atlas.view_setting(VIEW, SETTING)
    if isinstance(stored, list | tuple):
        own = clean(n for n in stored if isinstance(n, str))
        if own:
            return own
    return DEFAULT_DOMAINS


def domain_label(name: str) -> str:
    """Built-in domain names are translated; an atlas's own are shown as typed."""
    translated = t(f"ecogram.domain.{name}")
    return name if translated == f"ecogram.domain.{name}" else translated


def domain_of(atlas: Atlas, names: tuple[str, ...] | None = None) -> dict[str, str]:
    """Each person whose life_domain is one of `names` (default: the atlas's), with that
    domain in the list's own spelling. Others are simply not on the ecogram."""
    names = domains(atlas) if names is None else names
    by_key = {key(n): n for n in names}
    found: dict[str, str] = {}
    for node in atlas.nodes(NodeKind.PERSON):
        domain = by_key.get(key(getattr(node, "life_domain", "")))
        if domain is not None:
            found[node.id] = domain
    return found


def support_edge(atlas: Atlas, person_id: str) -> SupportRelation | None:
    """The ecogram line between the client and a person (either way round), if there is one;
    with several, the first one counts (and is the one an edit changes)."""
    client = atlas.client_id
    for edge in atlas.edges_of(person_id):
        if edge.kind == EdgeKind.SUPPORT and {edge.source, edge.target} == {client, person_id}:
            return edge
    return None


def seen_from_client(edge: SupportRelation, client_id: str) -> Direction:
    """The edge's direction as seen from the client: forward means the client gives."""
    return turned(edge.direction, edge, client_id)


def turned(direction: Direction, edge: SupportRelation, client_id: str) -> Direction:
    """`direction` turned between the client's way of seeing and the edge's own way: the same
    turn both ways, and none at all when the edge runs from the client."""
    if edge.source == client_id:
        return direction
    return {Direction.FORWARD: Direction.BACKWARD, Direction.BACKWARD: Direction.FORWARD}.get(
        direction, direction
    )
