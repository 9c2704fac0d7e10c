"""The contactschema's rows as the table and the page show them, and its edits.

Relation and how often are the person's own fields (PersonFields.relation, contact_frequency):
shared with the groslijst and the other views, so editing them here changes the person. The
rest (how, initiative, what it brings) is the schema's own, in its body. Every edit is one
undoable command (None when nothing changes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netwerkatlas.commands import Command, UpdateItem
from netwerkatlas.i18n import t
from netwerkatlas.model import NODES, Atlas, NodeKind
from netwerkatlas.model.plan_bodies import ContactRow, ContactScheduleBody, PersonRef
from netwerkatlas.tools.contactschema import VIEW
from netwerkatlas.tools.meeting.people import person_of, ref_name, ref_of
from netwerkatlas.tools.meeting.store import body_of, set_body

HOW = ("in_person", "phone", "app", "video", "letter")
INITIATIVES = ("", "client", "other", "both")
SORTS = ("name", "relation", "frequency")


@dataclass(frozen=True)
class Shown:
    """One row in words: its index in the body, and each column's text."""

    index: int
    row: ContactRow
    name: str
    relation: str
    frequency: str


def body(atlas: Atlas) -> ContactScheduleBody:
    found = body_of(atlas, VIEW)
    assert isinstance(found, ContactScheduleBody)
    return found


def shown_rows(atlas: Atlas, schedule: ContactScheduleBody | None = None) -> list[Shown]:
    """The rows in the schema's sort order; empty values sort last, ties by name."""
    schedule = schedule or body(atlas)
    rows = []
    for index, row in enumerate(schedule.rows):
        node = person_of(atlas, row.person)
        rows.append(
            Shown(
                index,
                row,
                ref_name(atlas, row.person),
                node.relation if node is not None else "",
                node.contact_frequency if node is not None else "",
            )
        )

    def key(shown: Shown) -> tuple:
        value = getattr(shown, schedule.sort)
        return (not value, value.casefold(), shown.name.casefold(), shown.index)

    return sorted(rows, key=key)


def how_word(how: str) -> str:
    return t(f"contactschema.how.{how}")


def how_line(row: ContactRow) -> str:
    return ", ".join(how_word(h) for h in HOW if h in row.how)


def initiative_word(initiative: str) -> str:
    return t(f"contactschema.initiative.{initiative or 'none'}")


def _store(atlas: Atlas, new: ContactScheduleBody, key: str) -> Command | None:
    checked = ContactScheduleBody.model_validate(new.model_dump(mode="json"))
    return set_body(atlas, VIEW, checked, t(key))


def add_people(atlas: Atlas, refs: list[PersonRef]) -> Command | None:
    schedule = body(atlas)
    rows = [*schedule.rows, *(ContactRow(person=ref) for ref in refs)]
    return _store(atlas, schedule.model_copy(update={"rows": rows}), "contactschema.command.add")


def add_all_people(atlas: Atlas) -> Command | None:
    """A row for every person of the atlas not in the schema yet (not the client)."""
    present = {row.person.person_id for row in body(atlas).rows}
    people = [
        n
        for n in atlas.nodes()
        if n.kind == NodeKind.PERSON and n.shown_label and n.id not in present
    ]
    people.sort(key=lambda n: n.shown_label.casefold())
    return add_people(atlas, [ref_of(atlas, n.id) for n in people]) if people else None


def change_row(atlas: Atlas, index: int, **changes: Any) -> Command | None:
    """The schema's own fields of one row: how, initiative, brings."""
    schedule = body(atlas)
    rows = list(schedule.rows)
    rows[index] = rows[index].model_copy(update=changes)
    return _store(atlas, schedule.model_copy(update={"rows": rows}), "contactschema.command.change")


def remove_row(atlas: Atlas, index: int) -> Command | None:
    schedule = body(atlas)
    rows = [row for i, row in enumerate(schedule.rows) if i != index]
    return _store(atlas, schedule.model_copy(update={"rows": rows}), "contactschema.command.remove")


def set_sort(atlas: Atlas, sort: str) -> Command | None:
    schedule = body(atlas)
    if sort == schedule.sort:
        return None
    return _store(atlas, schedule.model_copy(update={"sort": sort}), "contactschema.command.sort")


def change_person(atlas: Atlas, index: int, field: str, value: str) -> Command | None:
    """Relation or how often of the row's person: the person's own field, so every view
    shows it. A typed name has no person to change: None."""
    assert field in ("relation", "contact_frequency")
    node = person_of(atlas, body(atlas).rows[index].person)
    if node is None or getattr(node, field) == value:
        return None
    text = t("contactschema.command.person", name=node.shown_label)
    return UpdateItem(NODES, node.id, {field: value}, text)
