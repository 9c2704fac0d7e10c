"""The `.netwerkatlas` file: its pydantic schema (current version) and its canonical JSON text.

Canonical means: keys sorted, records sorted by id, two-space indentation, numbers pairs on one
line, UTF-8 with a final newline, defaults left out. Saving an unchanged atlas therefore writes the
same bytes, and two versions of an atlas differ only in the lines that changed.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, TypeAdapter

from netwerkatlas import __version__
from netwerkatlas.model.atlas import LIST_COLLECTIONS, SESSIONS, Atlas, ViewState
from netwerkatlas.model.records import (
    Action,
    AtlasMeta,
    Edge,
    Evaluation,
    Goal,
    Id,
    Node,
    Plan,
    Session,
    Short,
)
from netwerkatlas.model.snapshot import Snapshot
from netwerkatlas.model.values import MAX_COORDINATE
from netwerkatlas.model.view_settings import VIEW_SETTINGS

FORMAT_VERSION = 5
EXTENSION = ".netwerkatlas"
MEDIA_NAME = "Netwerkatlas"

Coordinate = Annotated[
    float, Strict(), Field(allow_inf_nan=False, ge=-MAX_COORDINATE, le=MAX_COORDINATE)
]


class ViewFile(BaseModel):
    """A view's stored layout: positions in points (client at the origin) and its settings.

    The settings of the known views have a schema of their own (`model.view_settings`); one
    that does not fit is reported as a notice and kept as it is, while the view uses its
    default, so a damaged setting never stops a file from opening."""

    model_config = ConfigDict(extra="allow")
    positions: dict[Id, tuple[Coordinate, Coordinate]] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)


class AtlasFile(BaseModel):
    """Format version 5. New optional fields may be added without a new version; renaming,
    removing or changing the meaning of a field needs a new version and a migration."""

    model_config = ConfigDict(
        extra="allow",
        title="Netwerkatlas file",
        json_schema_extra={"$id": "https://netwerkatlas.nl/schema/netwerkatlas-5.schema.json"},
    )
    format_version: Literal[5]
    generator: Short = ""
    meta: AtlasMeta = Field(default_factory=AtlasMeta)
    nodes: list[Node]
    edges: list[Edge] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    evaluations: list[Evaluation] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    plans: list[Plan] = Field(default_factory=list)
    views: dict[Short, ViewFile] = Field(default_factory=dict)


# For saving only, so made when first used. The records build their own validators when first
# used too (`Record`'s `defer_build`): opening a file needs only `AtlasFile`'s, which holds
# them all; building each one again at the start was a tenth of it.
_LATER = ConfigDict(defer_build=True)
_NODES = TypeAdapter(list[Node], config=_LATER)
_EDGES = TypeAdapter(list[Edge], config=_LATER)
_LISTS = {name: TypeAdapter(list[cls], config=_LATER) for name, cls in LIST_COLLECTIONS.items()}
_NUMBER_PAIR = re.compile(r"\[\n\s+(-?[\d.e+-]+),\n\s+(-?[\d.e+-]+)\n\s+\]")


def _by_id(records):
    return sorted(records, key=lambda r: r.id)


def _dump_typed(adapter: TypeAdapter, records) -> list[dict[str, Any]]:
    """Dump nodes or edges; `kind` is always written although it has a default, as it tells
    the reader which record type follows."""
    ordered = _by_id(records)
    dumped = adapter.dump_python(ordered, mode="json", exclude_defaults=True)
    for record, data in zip(ordered, dumped, strict=True):
        data["kind"] = record.kind.value
    return dumped


def _dump_snapshot(snapshot: Snapshot) -> dict[str, Any]:
    """A session's snapshot; its nodes and edges keep their `kind`, as at the top level."""
    data = snapshot.model_dump(mode="json", exclude_defaults=True)
    for name, adapter in (("nodes", _NODES), ("edges", _EDGES)):
        if name in data:
            data[name] = _dump_typed(adapter, getattr(snapshot, name))
    return data


def to_document(atlas: Atlas) -> dict[str, Any]:
    """The atlas as the plain dict that is written to disk (canonical order, defaults left out)."""
    dump = {"mode": "json", "exclude_defaults": True}
    doc: dict[str, Any] = dict(atlas.extra)
    doc.update(
        format_version=FORMAT_VERSION,
        generator=f"{MEDIA_NAME} {__version__}",
        meta=atlas.meta.model_dump(**dump),
        nodes=_dump_typed(_NODES, atlas.nodes()),
        edges=_dump_typed(_EDGES, atlas.edges()),
    )
    for name, adapter in _LISTS.items():
        doc[name] = adapter.dump_python(_by_id(atlas.items(name)), **dump)
    for record, data in zip(_by_id(atlas.items(SESSIONS)), doc[SESSIONS], strict=True):
        if record.snapshot is not None:
            data["snapshot"] = _dump_snapshot(record.snapshot)
    doc["views"] = {
        name: {
            **state.extra,
            "positions": {k: list(v) for k, v in state.positions.items()},
            "settings": state.settings,
        }
        for name, state in atlas.views.items()
        if state.positions or state.settings or state.extra
    }
    return doc


def dumps(atlas: Atlas) -> bytes:
    """The canonical bytes of the file."""
    text = json.dumps(
        to_document(atlas), ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False
    )
    text = _NUMBER_PAIR.sub(r"[\1, \2]", text)
    return (text + "\n").encode("utf-8")


def to_atlas(parsed: AtlasFile) -> Atlas:
    """Build the in-memory atlas from a validated, checked file."""
    views = {
        name: ViewState(view.positions, view.settings, view.model_extra)
        for name, view in parsed.views.items()
    }
    return Atlas.from_records(
        meta=parsed.meta,
        nodes=parsed.nodes,
        edges=parsed.edges,
        lists={name: getattr(parsed, name) for name in LIST_COLLECTIONS},
        views=views,
        extra=parsed.model_extra,
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the current format, shipped in `schema/`, with the settings of each
    known view (other views and unknown settings are free-form)."""
    schema = AtlasFile.model_json_schema(mode="validation")
    defs = schema.setdefault("$defs", {})
    known: dict[str, Any] = {}
    for view, model in sorted(VIEW_SETTINGS.items()):
        settings = model.model_json_schema(mode="validation", ref_template="#/$defs/{model}")
        defs.update(settings.pop("$defs", {}))
        defs[model.__name__] = settings
        known[view] = {
            "allOf": [
                {"$ref": "#/$defs/ViewFile"},
                {"properties": {"settings": {"$ref": f"#/$defs/{model.__name__}"}}},
            ]
        }
    views = schema["properties"]["views"]
    views["properties"] = known
    return schema
