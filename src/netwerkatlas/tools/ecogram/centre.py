"""The middle of the ecogram: the client alone, or the client with their household.

Hartman's ecogram puts the household in the central circle and draws the lines from there to
the world outside. Here the household is the people of one leefgebied (by default "gezin of
huishouden"): when the view's `centre` setting names that domain, its people are written in the
circle under the client's name instead of in a sector of their own, and the circle grows to
hold them. Moving someone into the middle or out of it is then simply a change of leefgebied.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netwerkatlas.model import Atlas, NodeBase
from netwerkatlas.model.atlas import Point
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.text_fit import fit_text
from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.ecogram.domains import key
from netwerkatlas.tools.ecogram.sizes import DEFAULT_SIZES, TypeSizes

SETTING = "centre"
HOUSEHOLD_WORDS = ("huishouden", "gezin", "household")
CLIENT_RADIUS = 44.0  # the least radius of the middle: it grows to hold the names
MEMBER_EMS = 11.0  # a household member's name is cut to this many sizes, as the circle holds it
GAP = 0.75  # between the client's name and the household, in sizes of the least type
MARGIN = 1.0  # between the text and the circle, in sizes of the least type
# Partners and parents first, then brothers and sisters, then children: the order a household
# is usually told in. Relations are free text, so only the common words are known here.
RELATION_ORDER = {
    **dict.fromkeys(("partner", "echtgenoot", "echtgenote", "man", "vrouw", "vriend"), 0),
    **dict.fromkeys(("moeder", "vader", "ouder", "stiefmoeder", "stiefvader"), 1),
    **dict.fromkeys(("pleegmoeder", "pleegvader", "pleegouder", "opa", "oma"), 1),
    **dict.fromkeys(("zus", "broer", "zusje", "broertje", "stiefzus", "stiefbroer"), 2),
    **dict.fromkeys(("halfzus", "halfbroer", "pleegzus", "pleegbroer"), 2),
    **dict.fromkeys(("zoon", "dochter", "kind", "stiefzoon", "stiefdochter", "pleegkind"), 3),
}


def household_domain(names: tuple[str, ...]) -> str | None:
    """The leefgebied that can stand for the household: the first whose name says so."""
    return next((n for n in names if any(w in key(n) for w in HOUSEHOLD_WORDS)), None)


def centre_domain(atlas: Atlas, names: tuple[str, ...]) -> str | None:
    """The leefgebied drawn in the middle with the client, in the list's spelling; None when
    the client stands alone (also when the chosen domain is no longer in the list)."""
    stored = atlas.view_setting(VIEW, SETTING)
    if not isinstance(stored, str):
        return None
    return next((n for n in names if key(n) == key(stored)), None)


@dataclass(frozen=True)
class Member:
    """One household member's name in the circle: its lines, size and half extents."""

    lines: tuple[str, ...]
    size: float
    half_w: float
    half_h: float


@dataclass(frozen=True)
class Centre:
    """The central circle: its radius, the client's name (centred on `client_y`) and where each
    household member's name stands."""

    radius: float
    client_lines: tuple[str, ...]
    client_size: float
    client_y: float
    members: dict[str, Member]
    positions: dict[str, Point]
    rule: tuple[float, float] | None = None  # a thin line under the client: height, half width


def household_order(people: list[NodeBase]) -> list[NodeBase]:
    """Partners and parents before brothers and sisters before children (by the relation's
    words), then the eldest first where birth years are known, then by name."""

    def rank(person: NodeBase) -> float:
        words = key(getattr(person, "relation", "")).split()
        return min((RELATION_ORDER[w] for w in words if w in RELATION_ORDER), default=2.5)

    return sorted(
        people,
        key=lambda p: (
            rank(p),
            getattr(p, "birth_year", None) or 9999,
            p.shown_label.casefold(),
            p.id,
        ),
    )


def layout_centre(
    client: NodeBase, household: list[NodeBase], sizes: TypeSizes = DEFAULT_SIZES
) -> Centre:
    """The circle for the client and (in one or two columns) the household under them."""

    def bold(s: str, size: float) -> float:
        return text_width(s, size, True)

    margin, gap = MARGIN * sizes.least, GAP * sizes.least
    if not household:
        width = max(CLIENT_RADIUS * 1.7, sizes.client * 5)
        name = fit_text(client.shown_label, sizes.client, width, bold, 2)
        half_w = max((bold(line, name.size) for line in name.lines), default=0.0) / 2
        half_h = len(name.lines) * name.size * LINE_HEIGHT / 2
        radius = max(CLIENT_RADIUS, math.hypot(half_w, half_h) + margin / 2)
        return Centre(radius, name.lines, name.size, 0.0, {}, {})
    member_width = MEMBER_EMS * sizes.member
    name = fit_text(client.shown_label, sizes.client, member_width * 1.3, bold, 2)
    client_w = max((bold(line, name.size) for line in name.lines), default=0.0)
    client_h = len(name.lines) * name.size * LINE_HEIGHT
    members: dict[str, Member] = {}
    for person in household_order(household):
        fitted = fit_text(person.shown_label, sizes.member, member_width, text_width, 1)
        width = max(text_width(line, fitted.size) for line in fitted.lines)
        members[person.id] = Member(
            fitted.lines,
            fitted.size,
            width / 2 + sizes.least * 0.375,
            sizes.member * LINE_HEIGHT / 2 + sizes.least * 0.125,
        )
    columns = 1 if len(members) <= 3 else 2
    rows = math.ceil(len(members) / columns)
    column_w = max(m.half_w for m in members.values()) * 2 + sizes.least * 0.75
    row_h = max(m.half_h for m in members.values()) * 2 + sizes.least * 0.125
    height = client_h + gap + rows * row_h
    top = -height / 2
    positions: dict[str, Point] = {}
    for index, person_id in enumerate(members):
        row, column = divmod(index, columns) if columns > 1 else (index, 0)
        x = (column - (columns - 1) / 2) * column_w
        if columns > 1 and index == len(members) - 1 and len(members) % 2:
            x = 0.0  # an odd last one in the middle, under the pair above
        positions[person_id] = (x, top + client_h + gap + (row + 0.5) * row_h)
    corners = [(client_w / 2, top)] + [
        (abs(x) + members[p].half_w, abs(y) + members[p].half_h) for p, (x, y) in positions.items()
    ]
    radius = max(CLIENT_RADIUS, max(math.hypot(x, y) for x, y in corners) + margin)
    rule = (top + client_h + gap / 2, min(radius * 0.45, max(client_w / 2 + 10, 30.0)))
    return Centre(radius, name.lines, name.size, top + client_h / 2, members, positions, rule)
