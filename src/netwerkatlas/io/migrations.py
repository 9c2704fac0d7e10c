"""Bring files of older format versions up to the current one, one version step at a time.

Each step is a pure function from the plain JSON data of version N to that of N + 1, registered
in `MIGRATIONS[N]`. Loading runs the chain; saving always writes the current version, and the
atomic save keeps the old file as the backup.

Format history
- 1: the first drawing format: `client`, `bollen` (type thema/persoon/gebeurtenis, score as
  "++".."--"), `links` between bollen and one `layout` of positions.
- 2: one graph of typed nodes and edges, plans, sessions, and positions per view.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

Data = dict[str, Any]

V1_SCORES = {"++": 2, "+": 1, "=": 0, "0": 0, "-": -1, "−": -1, "--": -2, "−−": -2}
V1_KINDS = {"thema": "theme", "persoon": "person", "gebeurtenis": "event"}
_V1_NAMESPACE = uuid.UUID("6f1c1d1e-4a59-4b8e-9d55-0c1f2b7b1a01")


def _v1_score(value: Any) -> Any:
    """Scores were symbols; unknown values pass through so validation can point at them."""
    if isinstance(value, str) and value.strip() in V1_SCORES:
        return V1_SCORES[value.strip()]
    return value


def v1_to_v2(data: Data) -> Data:
    client = data.get("client") or {}
    client_id = client.get("id") or str(uuid.uuid5(_V1_NAMESPACE, "client"))
    name = client.get("name", "")
    nodes: list[Data] = [{"id": client_id, "kind": "client", "label": name, "name": name}]
    for bol in data.get("bollen") or []:
        node = {k: v for k, v in bol.items() if k not in ("type", "score")}
        node["kind"] = V1_KINDS.get(bol.get("type", "thema"), bol.get("type"))
        if "score" in bol and bol["score"] not in (None, ""):
            node["score"] = _v1_score(bol["score"])
        nodes.append(node)
    edges = [
        {
            "id": link.get("id"),
            "kind": "influence",
            "source": link.get("from"),
            "target": link.get("to"),
            **({"note": link["note"]} if link.get("note") else {}),
        }
        for link in data.get("links") or []
    ]
    positions = {
        node_id: [point.get("x", 0), point.get("y", 0)] if isinstance(point, dict) else point
        for node_id, point in (data.get("layout") or {}).items()
    }
    known = {"format_version", "client", "bollen", "links", "layout", "title"}
    migrated: Data = {k: v for k, v in data.items() if k not in known}
    migrated.update(
        format_version=2,
        meta={
            "id": str(uuid.uuid5(_V1_NAMESPACE, client_id)),
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


MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: v1_to_v2}
# For each step, how a path after the step maps to the path before it.
PATHS_BEFORE: dict[int, Callable[[tuple], tuple]] = {1: v2_path_in_v1}
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
