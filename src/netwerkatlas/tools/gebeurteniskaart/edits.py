"""The edits of the gebeurteniskaart, as commands: pure Python, shared by the drag, the keys, the
context menu and the Details panel, so each does exactly the same thing. Every function returns
one undo step (a `Macro` when it takes several), or None when nothing would change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from netwerkatlas.commands import (
    AddItem,
    Command,
    Macro,
    RemoveItem,
    SetViewSetting,
    UpdateItem,
)
from netwerkatlas.i18n import t
from netwerkatlas.model import EDGES, NODES, Atlas, EventNode, InvolvedRelation
from netwerkatlas.model.view_settings import GebeurteniskaartSettings, fits
from netwerkatlas.tools.gebeurteniskaart import VIEW
from netwerkatlas.tools.gebeurteniskaart.dates import FIELDS, Unit, current, moved
from netwerkatlas.tools.gebeurteniskaart.people import (
    involved_edges,
    is_event,
    is_person,
    ordered_id,
)
from netwerkatlas.tools.netwerkintake import VIEW as NETWERKINTAKE
from netwerkatlas.tools.netwerkintake.layout import place_unplaced, shown_positions

# A setting at its default is not stored, so a file only says what differs.
DEFAULTS: dict[str, Any] = {"axis": "year", "lanes": False, "lane_people": None, "family": False}


def _event(atlas: Atlas, event_id: str) -> EventNode:
    if not is_event(atlas, event_id):
        raise ValueError(f"{event_id!r} is not an event of this atlas")
    node = atlas.node(event_id)
    assert isinstance(node, EventNode)
    return node


def _time_fields(changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ValueError(f"not a time field of an event: {', '.join(unknown)}")
    return dict(changes)


def _free_spot(atlas: Atlas, event_id: str) -> tuple[float, float]:
    """Where the netwerkintake would show a new bol: the next free place around the client."""
    shown = shown_positions(atlas, NETWERKINTAKE)
    return place_unplaced([event_id], shown, atlas.client_id)[event_id]


def _involving(event_id: str, person_id: str, role: str = "") -> AddItem:
    edge = InvolvedRelation(id=ordered_id(), source=event_id, target=person_id, role=role)
    return AddItem(EDGES, edge)


def add_event(
    atlas: Atlas,
    label: str,
    when: dict[str, Any],
    *,
    score: int | None = None,
    people: Sequence[str] = (),
) -> Command:
    """A new event at `when` (the time fields, as `dates.parse` gives them) with the people
    involved; it gets a free place on the netwerkintake too, where it is a bol like any other."""
    for person_id in people:
        if not is_person(atlas, person_id):
            raise ValueError(f"{person_id!r} is not a person of this atlas")
    # defaults left out, so the record is what a file would hold (age 0 is a time, not False)
    fields = {k: v for k, v in _time_fields(when).items() if v is not None and v is not False}
    record = EventNode(label=label.strip(), score=score, **fields)
    add = AddItem(NODES, record, positions={NETWERKINTAKE: _free_spot(atlas, record.id)})
    links = [_involving(record.id, p) for p in dict.fromkeys(people)]
    if not links:
        return add
    return Macro(add.text, [add, *links])


def set_when(atlas: Atlas, event_id: str, changes: dict) -> Command | None:
    """Give the event another time (any of the six time fields)."""
    event = _event(atlas, event_id)
    wanted = _time_fields(changes)
    if all(getattr(event, k) == v for k, v in wanted.items()):
        return None
    return UpdateItem(NODES, event_id, wanted, t("timeline.command.when"))


def move(
    atlas: Atlas, moves: Mapping[str, tuple[float | None, int | None]], unit: Unit
) -> Command | None:
    """A drag of one or more events: each to a new start (in `unit`, snapped to whole years,
    keeping its form) and/or a new score. One undo step."""
    birth_year = atlas.client.birth_year
    steps: list[Command] = []
    for event_id, (start, score) in moves.items():
        event = _event(atlas, event_id)
        changes: dict[str, Any] = {}
        if start is not None:
            new = moved(event, unit, start, birth_year)
            changes.update({k: v for k, v in new.items() if current(event)[k] != v})
        if score is not None and score != event.score:
            changes["score"] = score
        if changes:
            steps.append(UpdateItem(NODES, event_id, changes, t("timeline.command.move")))
    if not steps:
        return None
    return steps[0] if len(steps) == 1 else Macro(t("timeline.command.move"), steps)


def set_score(atlas: Atlas, event_id: str, score: int | None) -> Command | None:
    """How much the event helps (+1, +2) or hinders (−1, −2); None: no score."""
    if _event(atlas, event_id).score == score:
        return None
    return UpdateItem(NODES, event_id, {"score": score}, t("command.score"))


def involve(atlas: Atlas, event_id: str, person_id: str, role: str = "") -> Command | None:
    """Link a person to the event; for someone already involved, a different role is set."""
    _event(atlas, event_id)
    if not is_person(atlas, person_id):
        raise ValueError(f"{person_id!r} is not a person of this atlas")
    existing = [e for e in involved_edges(atlas, event_id) if e.target == person_id]
    if not existing:
        command = _involving(event_id, person_id, role)
        command.text = t("timeline.command.involve")
        return command
    if role and existing[0].role != role:
        return UpdateItem(EDGES, existing[0].id, {"role": role}, t("timeline.command.role"))
    return None


def uninvolve(atlas: Atlas, event_id: str, person_id: str) -> Command | None:
    """Unlink a person from the event (the person and the event stay)."""
    _event(atlas, event_id)
    edges = [e for e in involved_edges(atlas, event_id) if e.target == person_id]
    if not edges:
        return None
    steps: list[Command] = [RemoveItem(EDGES, e.id) for e in edges]
    return Macro(t("timeline.command.uninvolve"), steps)


def set_setting(atlas: Atlas, key: str, value: Any) -> Command | None:
    """Change how the gebeurteniskaart shows the atlas: `axis` ("year" or "age"), `lanes`,
    `lane_people` or `family`. The default is stored as nothing."""
    if key not in GebeurteniskaartSettings.model_fields:
        raise ValueError(f"the gebeurteniskaart has no setting {key!r}")
    if key == "axis" and value not in ("year", "age", None):
        raise ValueError(f"the axis is 'year' or 'age', not {value!r}")
    if key == "lane_people" and value is not None:
        value = list(dict.fromkeys(value))
    stored = None if value == DEFAULTS[key] else value
    if stored is not None and not fits(VIEW, key, stored):
        raise ValueError(f"{value!r} does not fit the gebeurteniskaart's setting {key!r}")
    has = atlas.has_view_setting(VIEW, key)
    if (not has and stored is None) or (has and atlas.views[VIEW].settings[key] == stored):
        return None
    return SetViewSetting(VIEW, key, stored, t("timeline.command.setting"))
