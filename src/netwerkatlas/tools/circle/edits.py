"""Circle edits as commands: put people in cells, take them out, switch the variant."""

from __future__ import annotations

from collections.abc import Mapping

from netwerkatlas.commands import Command, Macro, SetViewSetting
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools.circle import VIEW
from netwerkatlas.tools.circle.variants import (
    BUILT_IN,
    CUSTOM,
    Cell,
    Variant,
    cells,
    in_variant,
)


def place(atlas: Atlas, moves: Mapping[str, Cell | None]) -> Command | None:
    """Put people in cells (None takes them out of the circle): one undoable step."""
    current = {p: list(c) for p, c in cells(atlas).items()}
    new = dict(current)
    for person, cell in moves.items():
        if cell is None:
            new.pop(person, None)
        else:
            new[person] = list(cell)
    if new == current:
        return None
    return SetViewSetting(VIEW, "cells", new, t("circle.command.place"))


def switch_variant(atlas: Atlas, variant: Variant) -> tuple[Command | None, list[str]]:
    """Use another ring and sector set. Placements stay; those without a cell there are listed
    (they are kept in the file and come back when the user switches back)."""
    lost = [person for person, cell in cells(atlas).items() if in_variant(cell, variant) is None]
    steps: list[Command] = []
    key = variant.key if variant.key in BUILT_IN else CUSTOM
    if (atlas.view_setting(VIEW, "variant") or "lensink") != key:
        steps.append(SetViewSetting(VIEW, "variant", key))
    if key == CUSTOM:
        steps.append(SetViewSetting(VIEW, "custom_rings", list(variant.rings)))
        steps.append(SetViewSetting(VIEW, "custom_sectors", list(variant.sectors)))
    if not steps:
        return None, lost
    return Macro(t("circle.command.variant"), steps), lost


def toggle_counts(atlas: Atlas) -> Command:
    on = not atlas.view_setting(VIEW, "show_counts")
    return SetViewSetting(VIEW, "show_counts", True if on else None, t("circle.command.counts"))
