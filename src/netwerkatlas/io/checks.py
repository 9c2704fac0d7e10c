"""Checks a schema cannot express: unique ids, one client, references that resolve.

Each check returns `Problem`s with the JSON path of the offending value, so the user is told
exactly where to look. Also lists unknown fields, which are kept and reported, never dropped,
view settings and plan bodies that do not fit (kept too, the view or document uses its
default), and refuses numbers the file could not be written back with.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from netwerkatlas.io.errors import Problem
from netwerkatlas.io.fileformat import AtlasFile
from netwerkatlas.io.locate import PathKey
from netwerkatlas.model.atlas import LIST_COLLECTIONS
from netwerkatlas.model.plan_bodies import body_errors
from netwerkatlas.model.records import NodeKind
from netwerkatlas.model.values import MAX_INT_BITS
from netwerkatlas.model.view_settings import setting_errors


class NumberTooLarge(ValueError):
    """A number in the file that Python reads as infinity (1e400) or cannot read at all (an
    integer of thousands of digits). Accepted, it would be saved as `Infinity`, which is not
    JSON: the program would write a file it cannot open again. So the file is refused."""

    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def parse_float(literal: str) -> float:
    """`json.loads`'s `parse_float`: a finite float, or `NumberTooLarge`."""
    value = float(literal)
    if not math.isfinite(value):
        raise NumberTooLarge(literal)
    return value


def parse_int(literal: str) -> int:
    """`json.loads`'s `parse_int`: an int the file can be written back with, or
    `NumberTooLarge` (Python itself refuses integers over 4,300 digits with a bare error)."""
    if len(literal) * 3.33 > MAX_INT_BITS:  # about 3.32 bits per decimal digit
        raise NumberTooLarge(literal)
    return int(literal)


def number_offset(text: str, literal: str) -> int | None:
    """Where `literal` first stands as a number of its own, outside any string."""
    token = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![\w.+-])(' + re.escape(literal) + r")(?![\w.+-])")
    for match in token.finditer(text):
        if match.group(1):
            return match.start(1)
    return None


def _duplicate_indices(records: Iterable[BaseModel]) -> list[tuple[int, str, int]]:
    """(index, id, index of its first use) for every id used a second time."""
    first: dict[str, int] = {}
    found = []
    for index, record in enumerate(records):
        if record.id in first:
            found.append((index, record.id, first[record.id]))
        else:
            first[record.id] = index
    return found


def consistency_problems(parsed: AtlasFile) -> list[tuple[PathKey, Problem]]:
    """Everything that would make the atlas inconsistent, each with its path in the file."""
    found: list[tuple[PathKey, Problem]] = []

    def add(path: PathKey, key: str, **values: object) -> None:
        found.append((path, Problem(key, values=values)))

    for name in ("nodes", "edges", *LIST_COLLECTIONS):
        for index, record_id, first in _duplicate_indices(getattr(parsed, name)):
            add((name, index, "id"), "duplicate_id", id=record_id, first=f"{name}[{first}]")

    clients = [i for i, n in enumerate(parsed.nodes) if n.kind == NodeKind.CLIENT]
    if not clients:
        add(("nodes",), "no_client")
    for index in clients[1:]:
        add(("nodes", index, "kind"), "second_client", first=f"nodes[{clients[0]}]")

    node_ids = {n.id for n in parsed.nodes}
    goal_ids = {g.id for g in parsed.goals}
    session_ids = {s.id for s in parsed.sessions}

    def ref(path: PathKey, target: str | None, known: set[str]) -> None:
        if target is not None and target not in known:
            add(path, "dangling_ref", id=target)

    for i, edge in enumerate(parsed.edges):
        ref(("edges", i, "source"), edge.source, node_ids)
        ref(("edges", i, "target"), edge.target, node_ids)
        if edge.source == edge.target:
            add(("edges", i, "target"), "self_loop")
    for i, goal in enumerate(parsed.goals):
        for j, node_id in enumerate(goal.node_ids):
            ref(("goals", i, "node_ids", j), node_id, node_ids)
    for i, action in enumerate(parsed.actions):
        ref(("actions", i, "goal_id"), action.goal_id, goal_ids)
        ref(("actions", i, "who_id"), action.who_id, node_ids)
    for i, evaluation in enumerate(parsed.evaluations):
        ref(("evaluations", i, "goal_id"), evaluation.goal_id, goal_ids)
        ref(("evaluations", i, "session_id"), evaluation.session_id, session_ids)
    for view_name, view in parsed.views.items():
        for node_id in view.positions:
            ref(("views", view_name, "positions", node_id), node_id, node_ids)
    found += _snapshot_chain_problems(parsed)
    return found


def _snapshot_chain_problems(parsed: AtlasFile) -> list[tuple[PathKey, Problem]]:
    """A session's snapshot that is a difference names the next closed session (`against`);
    following those names must end at a whole snapshot, or no earlier session can be shown."""
    found: list[tuple[PathKey, Problem]] = []
    closed = {s.id: s for s in parsed.sessions if s.snapshot is not None}
    for i, session in enumerate(parsed.sessions):
        if session.snapshot is None or session.snapshot.against is None:
            continue
        path = ("sessions", i, "snapshot", "against")
        seen = {session.id}
        against: str | None = session.snapshot.against
        while against is not None:
            if against not in closed:
                found.append((path, Problem("dangling_ref", values={"id": against})))
                break
            if against in seen:
                found.append((path, Problem("snapshot_loop", values={"id": against})))
                break
            seen.add(against)
            against = closed[against].snapshot.against
    return found


def _extras(model: BaseModel, path: PathKey) -> list[PathKey]:
    return [(*path, key) for key in sorted(model.model_extra or {})]


def unknown_fields(parsed: AtlasFile) -> list[PathKey]:
    """Paths of fields this version does not know; they are kept and written back on save.

    Records hold only plain values, so one level below each list of records is enough."""
    found = _extras(parsed, ()) + _extras(parsed.meta, ("meta",))
    for name in ("nodes", "edges", *LIST_COLLECTIONS):
        for index, record in enumerate(getattr(parsed, name)):
            if record.model_extra:
                found += _extras(record, (name, index))
    for view_name, view in parsed.views.items():
        found += _extras(view, ("views", view_name))
    return found


def view_setting_errors(parsed: AtlasFile) -> list[dict[str, Any]]:
    """pydantic errors, located in the file, for settings of known views that do not fit
    their type. They become notices: the view uses its default and the value is kept."""
    found = []
    for view_name, view in parsed.views.items():
        for key, value in view.settings.items():
            for error in setting_errors(view_name, key, value):
                found.append({**error, "loc": ("views", view_name, "settings", key, *error["loc"])})
    return found


def plan_body_errors(parsed: AtlasFile) -> list[dict[str, Any]]:
    """pydantic errors, located in the file, for plan bodies that do not fit their kind (a
    signaleringsplan whose phases are not a list). Notices: the document shows its default and
    the body is kept in the file."""
    return [
        {**error, "loc": ("plans", index, "body", *error["loc"])}
        for index, plan in enumerate(parsed.plans)
        for error in body_errors(plan.kind, plan.body)
    ]
