"""Ring and sector sets: Lensink's 4 × 4, the wijkecogram's 2 × 3, or the atlas's own.

Placements are kept by name (ring "intimi", sector "familie"), so switching to another set
keeps every placement whose ring and sector exist there too, and lists the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from netwerkatlas.model import Atlas
from netwerkatlas.tools.circle import VIEW

Cell = tuple[str, str]  # (ring, sector)


@dataclass(frozen=True)
class Variant:
    key: str
    rings: tuple[str, ...]  # inside out
    sectors: tuple[str, ...]  # clockwise from the top


LENSINK = Variant(
    "lensink",
    ("intimi", "vrienden", "bekenden", "diensten"),
    ("familie", "medecliënten", "professionals", "samenleving"),
)
WIJKECOGRAM = Variant(
    "wijkecogram",
    ("dichtbij", "verder weg"),
    ("familie", "vrienden, kennissen en collega's", "maatschappelijke diensten"),
)
BUILT_IN = {v.key: v for v in (LENSINK, WIJKECOGRAM)}
# What a Lensink cell is in the wijkecogram. The other way is not one to one (is "dichtbij"
# intimi or vrienden?), so a wijkecogram placement only counts in the circle where it was made.
EQUIVALENT = {
    "intimi": "dichtbij",
    "vrienden": "dichtbij",
    "bekenden": "verder weg",
    "diensten": "verder weg",
    "medecliënten": "vrienden, kennissen en collega's",
    "samenleving": "vrienden, kennissen en collega's",
    "professionals": "maatschappelijke diensten",
}
CUSTOM = "custom"


def current_variant(atlas: Atlas) -> Variant:
    key = atlas.view_setting(VIEW, "variant") or LENSINK.key
    if key == CUSTOM:
        rings = tuple(atlas.view_setting(VIEW, "custom_rings") or LENSINK.rings)
        sectors = tuple(atlas.view_setting(VIEW, "custom_sectors") or LENSINK.sectors)
        return Variant(CUSTOM, rings, sectors)
    return BUILT_IN.get(key, LENSINK)


def cells(atlas: Atlas) -> dict[str, Cell]:
    """Where each placed person is, by ring and sector name (people since removed left out)."""
    stored = atlas.view_setting(VIEW, "cells") or {}
    return {
        person: (cell[0], cell[1])
        for person, cell in stored.items()
        if atlas.has("nodes", person) and isinstance(cell, list | tuple) and len(cell) == 2
    }


def in_variant(cell: Cell, variant: Variant) -> Cell | None:
    """Where a stored placement lies in `variant`: the same names, or their equivalents."""
    ring, sector = cell
    ring = ring if ring in variant.rings else EQUIVALENT.get(ring)
    sector = sector if sector in variant.sectors else EQUIVALENT.get(sector)
    if ring in variant.rings and sector in variant.sectors:
        return ring, sector
    return None


def placeable(atlas: Atlas, variant: Variant) -> dict[str, Cell]:
    """The placements that make sense in `variant`, in its own names."""
    found = {p: in_variant(c, variant) for p, c in cells(atlas).items()}
    return {p: c for p, c in found.items() if c is not None}
