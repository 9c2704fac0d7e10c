"""Bring files of older format versions up to the current one, one version step at a time.

Each step is a pure function from the plain JSON data of version N to that of N + 1, registered
in `MIGRATIONS[N]`. Loading runs the chain; saving always writes the current version, and the
atomic save keeps the old file as the backup.

Format history
- 1: the first drawing format: `client`, `bollen` (type thema/persoon/gebeurtenis, score as
  "++".."--"), `links` between bollen and one `layout` of positions.
- 2: one graph of typed nodes and edges, plans, sessions, and positions per view.
- 3: a goal has a `status` (active, reached, stopped) instead of `closed`, and an `order` (the
  client's order); an action has an `order` within its goal and group; `meta.next_evaluation`.
- 4: a session's `snapshot` has a shape (`model.snapshot`: the whole state, or its difference
  from the next closed session) instead of being free-form; a session has `present`.
- 5: an event may be `approximate` and a span (`end_year`, `end_age`); an `involved` edge links
  an event to a person involved in it (the gebeurteniskaart). Version 4 content is unchanged.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

Data = dict[str, Any]

V1_SCORES = {"++": 2, "+": 1, "=": 0, "0": 0, "-": -1, "−": -1, "--": -2, "−−": -2}
V1_KINDS = {"thema": "theme", "persoon": "person", "gebeurtenis": "event"}
_V1_NAMESPACE = uuid.UUID("6f1c1d1e-4a59-4b8e-9d55-0c1f2b7b1a01")
_V1_CLIENT_ID = str(uuid.uuid5(_V1_NAMESPACE, "client"))  # a client without an id


def _v1_score(value: Any) -> Any:
    """Scores were symbols; unknown values pass through so validation can point at them."""
    if isinstance(value, str) and value.strip() in V1_SCORES:
        return V1_SCORES[value.strip()]
    return value


class MigrationRefused(ValueError):
    """A migration step found content it has no place for: carried on, it would be lost, and
    the next save would overwrite the file without it. Most often a newer file whose
    `format_version` was changed by hand. `places` are paths in the file as it is."""

    def __init__(self, version: int, places: list[tuple]) -> None:
        super().__init__(f"format {version} has no place for {places}")
        self.version = version
        self.places = places


# What version 2 writes at the top level; in a version 1 file these say the file is newer.
_V2_ONLY = ("meta", "nodes", "edges", "goals", "actions", "evaluations", "sessions", "plans")
_V1_TOP = {"format_version", "client", "bollen", "links", "layout", "title"}


def _v1_client(client: Any, refused: list[tuple]) -> Any:
    if not isinstance(client, dict):
        return client  # the schema then points at "client"
    node = {k: v for k, v in client.items() if k not in ("id", "name")}
    if node.get("kind", "client") != "client":
        refused.append(("client", "kind"))
    name = client.get("name", "")
    node.update(kind="client", name=name)
    node.setdefault("label", name)
    node["id"] = client.get("id") or _V1_CLIENT_ID
    return node


def _v1_bol(index: int, bol: Any, refused: list[tuple]) -> Any:
    if not isinstance(bol, dict):
        return bol
    node = {k: v for k, v in bol.items() if k not in ("type", "score")}
    node["kind"] = V1_KINDS.get(bol.get("type", "thema"), bol.get("type"))
    if "kind" in bol and bol["kind"] != node["kind"]:
        refused.append(("bollen", index, "kind"))
    if "score" in bol and bol["score"] not in (None, ""):
        node["score"] = _v1_score(bol["score"])
    return node


def _v1_link(index: int, link: Any, refused: list[tuple]) -> Any:
    if not isinstance(link, dict):
        return link
    edge = {k: v for k, v in link.items() if k not in ("from", "to", "note")}
    mapped = {"kind": "influence", "source": link.get("from"), "target": link.get("to")}
    for name, value in mapped.items():
        if name in link and link[name] != value:
            refused.append(("links", index, name))
    edge.update(mapped)
    edge.setdefault("id", None)
    if link.get("note"):
        edge["note"] = link["note"]
    return edge


def _v1_point(node_id: str, point: Any, refused: list[tuple]) -> Any:
    if not isinstance(point, dict):
        return point
    refused.extend(("layout", node_id, key) for key in point if key not in ("x", "y"))
    return [point.get("x", 0), point.get("y", 0)]


def v1_to_v2(data: Data) -> Data:
    """Every field of the version 1 file is carried over (renamed where version 2 calls it
    otherwise) or deliberately mapped; what has no place raises `MigrationRefused`."""
    refused: list[tuple] = [(key,) for key in _V2_ONLY if key in data]
    if "views" in data:
        refused.append(("views",))
    client = _v1_client(data.get("client") or {}, refused)
    bollen = data.get("bollen") or []
    links = data.get("links") or []
    layout = data.get("layout") or {}
    nodes: list[Any] = [client]
    edges: list[Any] = []
    positions: Any = layout
    if isinstance(bollen, list):
        nodes += [_v1_bol(i, bol, refused) for i, bol in enumerate(bollen)]
    else:
        nodes.append(bollen)  # the schema then points at "bollen"
    if isinstance(links, list):
        edges = [_v1_link(i, link, refused) for i, link in enumerate(links)]
    else:
        edges = links
    if isinstance(layout, dict):
        positions = {k: _v1_point(k, point, refused) for k, point in layout.items()}
    if refused:
        raise MigrationRefused(1, refused)
    client_id = client["id"] if isinstance(client, dict) else _V1_CLIENT_ID
    migrated: Data = {k: v for k, v in data.items() if k not in _V1_TOP}
    migrated.update(
        format_version=2,
        meta={
            "id": str(uuid.uuid5(_V1_NAMESPACE, str(client_id))),
            "title": data.get("title", ""),
        },
        nodes=nodes,
        edges=edges,
        views={"netwerkintake": {"positions": positions}} if positions else {},
    )
    return migrated


def v2_path_in_v1(path: tuple) -> tuple:
    """Where a place in the migrated data was in the version 1 file, so an error can point
    into the file the user actually has."""
    match path:
        case ("nodes", 0, *rest):
            return ("client", *[{"label": "name"}.get(p, p) for p in rest])
        case ("nodes", int(index), *rest):
            return ("bollen", index - 1, *[{"kind": "type"}.get(p, p) for p in rest])
        case ("edges", int(index), *rest):
            renamed = {"source": "from", "target": "to", "kind": "id"}
            return ("links", index, *[renamed.get(p, p) for p in rest])
        case ("views", "netwerkintake", "positions", *rest):
            return ("layout", *rest)
        case ("meta", "title"):
            return ("title",)
    return path


_V3_ONLY_GOAL = ("status", "order")


def _created_then_id(item: tuple[int, Any]) -> tuple:
    goal = item[1]
    return (str(goal.get("created", "")), str(goal.get("id", "")), item[0])


def v2_to_v3(data: Data) -> Data:
    """`closed: true` becomes `status: "stopped"` (a closed goal was let go of or reached; the
    file does not say which, and stopped claims less). Goals get the order they were made in
    (created date, then id: version 2 kept no order), actions the same within goal and group.
    A version 2 file that already has version 3 fields was written by a newer program."""
    migrated = {**data, "format_version": 3}
    goals = data.get("goals")
    if isinstance(goals, list):
        refused = [
            ("goals", i, key)
            for i, goal in enumerate(goals)
            if isinstance(goal, dict)
            for key in _V3_ONLY_GOAL
            if key in goal
        ]
        if refused:
            raise MigrationRefused(2, refused)
        new_goals: list[Any] = list(goals)
        records = [(i, g) for i, g in enumerate(goals) if isinstance(g, dict)]
        for order, (index, goal) in enumerate(sorted(records, key=_created_then_id)):
            goal = {k: v for k, v in goal.items() if k != "closed"}
            if "closed" in goals[index]:
                closed = goals[index]["closed"]
                if closed is True:
                    goal["status"] = "stopped"
                elif closed is not False:
                    goal["status"] = closed  # validation then points at "closed"
            if order:
                goal["order"] = order
            new_goals[index] = goal
        migrated["goals"] = new_goals
    actions = data.get("actions")
    if isinstance(actions, list):
        refused = [
            ("actions", i, "order")
            for i, action in enumerate(actions)
            if isinstance(action, dict) and "order" in action
        ]
        if refused:
            raise MigrationRefused(2, refused)
        new_actions: list[Any] = list(actions)
        counts: dict[tuple[str, str], int] = {}
        records = [(i, a) for i, a in enumerate(actions) if isinstance(a, dict)]
        for index, action in sorted(
            records, key=lambda item: (str(item[1].get("id", "")), item[0])
        ):
            group = (str(action.get("goal_id")), str(action.get("actor", "self")))
            order = counts.get(group, 0)
            counts[group] = order + 1
            if order:
                new_actions[index] = {**action, "order": order}
        migrated["actions"] = new_actions
    meta = data.get("meta")
    if isinstance(meta, dict) and "next_evaluation" in meta:
        raise MigrationRefused(2, [("meta", "next_evaluation")])
    return migrated


def v3_path_in_v2(path: tuple) -> tuple:
    """A goal's `status` came from its `closed`."""
    match path:
        case ("goals", int(index), "status", *rest):
            return ("goals", index, "closed", *rest)
    return path


V3_SNAPSHOT = "snapshot_v3"


def v3_to_v4(data: Data) -> Data:
    """A free-form snapshot of version 3 had no agreed shape, so nothing can be shown from it:
    it is kept as it was under `snapshot_v3` (an unknown field, carried through every save),
    and the session counts as one whose state was not kept."""
    migrated = {**data, "format_version": 4}
    sessions = data.get("sessions")
    if not isinstance(sessions, list):
        return migrated
    refused = [
        ("sessions", i, key)
        for i, session in enumerate(sessions)
        if isinstance(session, dict)
        for key in (V3_SNAPSHOT, "present")
        if key in session
    ]
    if refused:
        raise MigrationRefused(3, refused)
    new_sessions: list[Any] = []
    for session in sessions:
        if isinstance(session, dict) and session.get("snapshot") is not None:
            moved = {k: v for k, v in session.items() if k != "snapshot"}
            moved[V3_SNAPSHOT] = session["snapshot"]
            session = moved
        new_sessions.append(session)
    migrated["sessions"] = new_sessions
    return migrated


def v4_path_in_v3(path: tuple) -> tuple:
    """The moved snapshot was the session's `snapshot`."""
    match path:
        case ("sessions", int(index), "snapshot_v3", *rest):
            return ("sessions", index, "snapshot", *rest)
    return path


_V5_EVENT_FIELDS = ("approximate", "end_year", "end_age")


def _v5_only(prefix: tuple, holder: Any) -> list[tuple]:
    """Where `holder` (the file, or a snapshot in it) has version 5 content: event span fields
    and involved edges."""
    if not isinstance(holder, dict):
        return []
    places: list[tuple] = []
    nodes = holder.get("nodes")
    for i, node in enumerate(nodes if isinstance(nodes, list) else []):
        if isinstance(node, dict) and node.get("kind") == "event":
            places += [(*prefix, "nodes", i, key) for key in _V5_EVENT_FIELDS if key in node]
    edges = holder.get("edges")
    for i, edge in enumerate(edges if isinstance(edges, list) else []):
        if isinstance(edge, dict) and edge.get("kind") == "involved":
            places.append((*prefix, "edges", i, "kind"))
    return places


def v4_to_v5(data: Data) -> Data:
    """Nothing of version 4 changes meaning. A version 4 file that already holds version 5
    content (an event's span or uncertainty, an involved edge) was written by a newer program
    and had its version changed by hand: carried on, that content would be read as if the
    user had entered it here, so it is refused."""
    refused = _v5_only((), data)
    sessions = data.get("sessions")
    for i, session in enumerate(sessions if isinstance(sessions, list) else []):
        if isinstance(session, dict):
            refused += _v5_only(("sessions", i, "snapshot"), session.get("snapshot"))
    if refused:
        raise MigrationRefused(4, refused)
    return {**data, "format_version": 5}


def v5_path_in_v4(path: tuple) -> tuple:
    """Version 5 moved nothing."""
    return path


MIGRATIONS: dict[int, Callable[[Data], Data]] = {
    1: v1_to_v2,
    2: v2_to_v3,
    3: v3_to_v4,
    4: v4_to_v5,
}
# For each step, how a path after the step maps to the path before it.
PATHS_BEFORE: dict[int, Callable[[tuple], tuple]] = {
    1: v2_path_in_v1,
    2: v3_path_in_v2,
    3: v4_path_in_v3,
    4: v5_path_in_v4,
}
OLDEST_SUPPORTED = min(MIGRATIONS)


def path_in_original(path: tuple, from_version: int, to_version: int) -> tuple:
    """Map a path in the migrated data back to the file of `from_version`."""
    for version in range(to_version - 1, from_version - 1, -1):
        path = PATHS_BEFORE[version](path)
    return path


def migrate(data: Data, from_version: int, to_version: int) -> Data:
    """Run the migration steps from `from_version` up to `to_version`."""
    for version in range(from_version, to_version):
        data = MIGRATIONS[version](data)
    return data
