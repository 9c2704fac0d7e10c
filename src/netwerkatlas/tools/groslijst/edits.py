"""Groslijst edits as commands: a new name, and a person's relation, domain, source or note."""

from __future__ import annotations

from netwerkatlas.commands import AddItem, Command, UpdateItem
from netwerkatlas.i18n import t
from netwerkatlas.model import NODES, Atlas
from netwerkatlas.model.records import PersonNode

EDITABLE = ("label", "relation", "life_domain", "suggested_by", "note")


def add_name(name: str) -> Command | None:
    """A new person from a typed name (the fast entry: type, Enter, the next one)."""
    name = name.strip()
    if not name:
        return None
    return AddItem(NODES, PersonNode(label=name, name=name))


def set_field(atlas: Atlas, person_id: str, field: str, value: str) -> Command | None:
    value = value.strip()
    if field not in EDITABLE or (field == "label" and not value):
        return None
    if getattr(atlas.node(person_id), field) == value:
        return None
    return UpdateItem(NODES, person_id, {field: value}, t(f"groslijst.command.{field}"))
