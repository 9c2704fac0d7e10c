"""Ecogram edits as commands: put a person in a leefgebied, take them out, describe the line
to the client, change the list of leefgebieden, put the household in the middle. Each is one
undo step."""

from __future__ import annotations

from collections.abc import Iterable

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
from netwerkatlas.model import (
    EDGES,
    NODES,
    Atlas,
    Direction,
    SupportKind,
    SupportRelation,
    SupportStrength,
)
from netwerkatlas.model.atlas import Point
from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.ecogram import centre as centre_setting
from netwerkatlas.tools.ecogram.domains import (
    DEFAULT_DOMAINS,
    SETTING,
    clean,
    domain_of,
    domains,
    seen_from_client,
    support_edge,
    turned,
)


def place(atlas: Atlas, person_id: str, domain: str, point: Point) -> Command:
    """Put a person in `domain` at `point` (a drop): their life_domain becomes the domain and
    the place is kept by hand, as one undo step. In the household's domain, when the household
    shares the middle, the names there are set out by themselves and no place is kept. Raises
    ValueError for a domain that is not one of the atlas's (the person would not be drawn)."""
    names = domains(atlas)
    if domain not in names:
        raise ValueError(f"{domain!r} is not one of this ecogram's leefgebieden")
    steps: list[Command] = []
    if getattr(atlas.node(person_id), "life_domain", "") != domain:
        steps.append(UpdateItem(NODES, person_id, {"life_domain": domain}))
    if domain != centre_setting.centre_domain(atlas, names):
        steps.append(SetPositions(VIEW, {person_id: point}))
    elif atlas.position(VIEW, person_id) is not None:
        steps.append(SetPositions(VIEW, {person_id: None}))
    return Macro(t("ecogram.command.place"), steps) if steps else None


def unplace(atlas: Atlas, person_id: str) -> Command | None:
    """Take a person off the ecogram: their life_domain is cleared and their place forgotten.
    The line to the client stays in the atlas, so it is back when they are placed again."""
    steps: list[Command] = []
    if getattr(atlas.node(person_id), "life_domain", ""):
        steps.append(UpdateItem(NODES, person_id, {"life_domain": ""}))
    if atlas.position(VIEW, person_id) is not None:
        steps.append(SetPositions(VIEW, {person_id: None}))
    return Macro(t("ecogram.command.unplace"), steps) if steps else None


def set_support(
    atlas: Atlas,
    person_id: str,
    strength: SupportStrength | None = None,
    direction: Direction | None = None,
    support: Iterable[SupportKind] | None = None,
) -> Command | None:
    """Describe the line between the client and a person; what is None stays as it is.
    `direction` is seen from the client: forward means the client gives. The line is made
    (client to person) when there is none yet; None when nothing would change."""
    edge = support_edge(atlas, person_id)
    kinds = None if support is None else tuple(k for k in SupportKind if k in set(support))
    text = t("ecogram.command.support")
    if edge is None:
        record = SupportRelation(
            source=atlas.client_id,
            target=person_id,
            strength=strength or SupportStrength.STRONG,
            direction=direction or Direction.NONE,
            support=kinds or (),
        )
        command = AddItem(EDGES, record)
        command.text = text
        return command
    changes: dict[str, object] = {}
    if strength is not None and strength != edge.strength:
        changes["strength"] = strength
    if direction is not None and direction != seen_from_client(edge, atlas.client_id):
        changes["direction"] = turned(direction, edge, atlas.client_id)  # as the edge runs
    if kinds is not None and kinds != edge.support:
        changes["support"] = kinds
    return UpdateItem(EDGES, edge.id, changes, text) if changes else None


def remove_support(atlas: Atlas, person_id: str) -> Command | None:
    """Remove the line between the client and a person: they keep a thin plain line."""
    edge = support_edge(atlas, person_id)
    if edge is None:
        return None
    return Macro(t("ecogram.command.remove_support"), [RemoveItem(EDGES, edge.id)])


def set_domains(atlas: Atlas, names: Iterable[str]) -> tuple[Command | None, list[str]]:
    """Use another list of leefgebieden (clockwise from the top). People whose domain is no
    longer in the list keep their life_domain text but are not drawn; they are listed so the
    user can be told (they come back when the domain does). The default list is stored as no
    setting at all. Raises ValueError for an empty list: an ecogram needs a domain."""
    new = clean(names)
    if not new:
        raise ValueError("an ecogram needs at least one leefgebied")
    lost = [p for p in domain_of(atlas) if p not in domain_of(atlas, new)]
    value = None if new == DEFAULT_DOMAINS else list(new)
    if atlas.view_setting(VIEW, SETTING) == value:
        return None, lost
    return SetViewSetting(VIEW, SETTING, value, t("ecogram.command.domains")), lost


def set_household_centre(atlas: Atlas, on: bool) -> Command | None:
    """Put the household (the people of the household's leefgebied) in the middle with the
    client, or let the client stand alone again; None when nothing would change or the list of
    leefgebieden has none for the household."""
    names = domains(atlas)
    current = centre_setting.centre_domain(atlas, names)
    wanted = centre_setting.household_domain(names) if on else None
    if current == wanted or (on and wanted is None):
        return None
    return SetViewSetting(
        VIEW, centre_setting.SETTING, wanted, t("ecogram.command.household_centre")
    )
