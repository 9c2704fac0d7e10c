"""The commands every view uses: add, remove (with its cascade), change, move, view settings.

Each wraps one model operation and keeps what the operation returned, so undo puts back exactly
what was there, including a removed node's positions in every view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netwerkatlas.commands.base import Command, Macro
from netwerkatlas.i18n import t
from netwerkatlas.model.atlas import (
    ACTIONS,
    EDGES,
    EVALUATIONS,
    GOALS,
    LIST_COLLECTIONS,
    NODES,
    PLANS,
    Atlas,
    Point,
)
from netwerkatlas.model.plan_bodies import without_person
from netwerkatlas.model.records import EDGE_CLASSES, MAX_SHORT, NODE_CLASSES, Record


def describe(collection: str, record: Record) -> str:
    """A short name of what a record is, for menu texts like "Thema toevoegen"."""
    if collection in (NODES, EDGES):
        return t(f"kind.{record.kind}")
    return t(f"collection.{collection}")


class AddItem(Command):
    def __init__(
        self, collection: str, record: Record, positions: Mapping[str, Point] | None = None
    ) -> None:
        self.collection = collection
        self.record = record
        self.positions = dict(positions or {})
        self.text = t("command.add", kind=describe(collection, record)).capitalize()

    def redo(self, atlas: Atlas) -> None:
        atlas.add(self.collection, self.record, self.positions)

    def undo(self, atlas: Atlas) -> None:
        atlas.remove(self.collection, self.record.id)


def _fields_of(collection: str) -> set[str]:
    """Every field a record of `collection` can have (of any kind, for nodes and edges)."""
    if collection == NODES:
        classes = list(NODE_CLASSES.values())
    elif collection == EDGES:
        classes = list(EDGE_CLASSES.values())
    elif collection in LIST_COLLECTIONS:
        classes = [LIST_COLLECTIONS[collection]]
    else:
        raise ValueError(f"unknown collection {collection!r}")
    return {name for cls in classes for name in cls.model_fields}


class UpdateItem(Command):
    """Change fields of one record. A field no record of the collection has is a mistake in
    the program and refused at once; one the record's own kind lacks is refused by the model
    when the command is done. Either way undo can only put back fields that were there."""

    def __init__(self, collection: str, item_id: str, changes: Mapping[str, Any], text: str = ""):
        unknown = sorted(set(changes) - _fields_of(collection))
        if unknown:
            raise ValueError(f"{collection} have no field {', '.join(unknown)}")
        self.collection = collection
        self.item_id = item_id
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}
        self.text = text

    def redo(self, atlas: Atlas) -> None:
        if not self.text:
            self.text = t(
                "command.change",
                kind=describe(self.collection, atlas.get(self.collection, self.item_id)),
            )
            self.text = self.text.capitalize()
        self.old = atlas.update(self.collection, self.item_id, self.changes)

    def undo(self, atlas: Atlas) -> None:
        atlas.update(self.collection, self.item_id, self.old)


class _RemoveOne(Command):
    """Remove one item that nothing refers to any more; undo restores it and its positions."""

    def __init__(self, collection: str, item_id: str) -> None:
        self.collection = collection
        self.item_id = item_id
        self.record: Record | None = None
        self.positions: dict[str, Point] = {}

    def redo(self, atlas: Atlas) -> None:
        self.record, self.positions = atlas.remove(self.collection, self.item_id)

    def undo(self, atlas: Atlas) -> None:
        atlas.add(self.collection, self.record, self.positions)


def typed_name_notice(name: str, kinds: list[str]) -> str:
    """ "Fleur staat nu als getypte naam in het signaleringsplan.": what a removed person
    leaves behind in the meeting documents."""
    known = ("basisposter", "signaleringsplan", "steungroep", "contactschema")
    where = [t(f"meeting.in.{k}" if k in known else "meeting.in.other") for k in kinds]
    where = list(dict.fromkeys(where))
    return t("meeting.typed_after_remove", name=name, documents=t("meeting.in.and").join(where))


def notices_of(command: Command) -> list[str]:
    """What an edit asks to tell the user besides doing it (a person kept as a typed name)."""
    found = [command.notice] if getattr(command, "notice", "") else []
    for child in getattr(command, "children", []):
        found += notices_of(child)
    return found


class RemoveItem(Macro):
    """Remove an item and, first, everything that refers to it: a node's edges, a goal's
    actions and evaluations; references from goals and actions are cleared instead, and a
    person in a meeting document stays there as a typed name (`notice` says so)."""

    def __init__(self, collection: str, item_id: str) -> None:
        super().__init__("")
        self.collection = collection
        self.item_id = item_id
        self.notice = ""

    def redo(self, atlas: Atlas) -> None:
        if not self.children:
            self.text = t(
                "command.remove",
                kind=describe(self.collection, atlas.get(self.collection, self.item_id)),
            ).capitalize()
            self.children = [*self._cascade(atlas), _RemoveOne(self.collection, self.item_id)]
        super().redo(atlas)

    def _cascade(self, atlas: Atlas) -> list[Command]:
        steps: list[Command] = []
        documents: list[str] = []
        for collection, record in atlas.references_to(self.collection, self.item_id):
            if collection == GOALS:
                kept = tuple(n for n in record.node_ids if n != self.item_id)
                steps.append(UpdateItem(GOALS, record.id, {"node_ids": kept}))
            elif collection == ACTIONS and self.collection == NODES:
                # the action keeps the name it showed, typed in, once the person is gone
                name = atlas.node(self.item_id).shown_label or record.who
                steps.append(UpdateItem(ACTIONS, record.id, {"who": name, "who_id": None}))
            elif collection == PLANS and self.collection == NODES:
                # a meeting document keeps the person as a typed name, and the user is told
                name = atlas.node(self.item_id).shown_label[:MAX_SHORT]
                body = without_person(record.body, self.item_id, name)
                steps.append(UpdateItem(PLANS, record.id, {"body": body}))
                documents.append(record.kind)
            elif collection == EVALUATIONS and self.collection != GOALS:
                steps.append(UpdateItem(EVALUATIONS, record.id, {"session_id": None}))
            elif collection in (EDGES, ACTIONS, EVALUATIONS):
                steps.append(RemoveItem(collection, record.id))
        if documents:
            self.notice = typed_name_notice(atlas.node(self.item_id).shown_label, documents)
        return steps


class SetPositions(Command):
    """Place nodes in a view. A drag of several bollen is one `SetPositions` on release."""

    def __init__(self, view: str, positions: Mapping[str, Point | None], text: str = "") -> None:
        self.view = view
        self.positions = dict(positions)
        self.old: dict[str, Point | None] = {}
        self.text = text or t("command.move")

    def redo(self, atlas: Atlas) -> None:
        self.old = atlas.set_positions(self.view, self.positions)

    def undo(self, atlas: Atlas) -> None:
        atlas.set_positions(self.view, self.old)


class SetViewSetting(Command):
    """Set (or with None remove) one setting of a view. Undo restores exactly what was there:
    no key when there was none, and a stored value (even null) as it was."""

    def __init__(self, view: str, key: str, value: Any, text: str = "") -> None:
        self.view, self.key, self.value = view, key, value
        self.old: Any = None
        self.was_set = False
        self.text = text or t("command.setting")

    def redo(self, atlas: Atlas) -> None:
        self.was_set = atlas.has_view_setting(self.view, self.key)
        self.old = atlas.set_view_setting(self.view, self.key, self.value)

    def undo(self, atlas: Atlas) -> None:
        if self.was_set:
            atlas.set_view_setting(self.view, self.key, self.old, restore=True)
        else:
            atlas.set_view_setting(self.view, self.key, None)


class UpdateMeta(Command):
    def __init__(self, changes: Mapping[str, Any], text: str = "") -> None:
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}
        self.text = text or t("command.meta")

    def redo(self, atlas: Atlas) -> None:
        self.old = atlas.update_meta(self.changes)

    def undo(self, atlas: Atlas) -> None:
        atlas.update_meta(self.old)
