"""A closed session's snapshot: the whole atlas as it was, or only how it differed from the next.

Ten follow-ups of a large atlas would make the file ten times as long if each kept everything.
So only the most recently closed session keeps the whole state (`against` is None); each earlier
one keeps the records, positions and settings that differed from the next closed session's
state (`against` names that session) and the ids that did not exist yet (`removed`,
`unplaced`, `unset`). The latest state of the chain never changes while the user edits, so
a snapshot, once written, only changes when the next follow-up starts.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationInfo, model_validator

from netwerkatlas.model.base import Id, JsonObject, Label, Note, Record, Short
from netwerkatlas.model.edges import Edge
from netwerkatlas.model.nodes import Node
from netwerkatlas.model.plans import Action, AtlasMeta, Evaluation, Goal, Plan
from netwerkatlas.model.values import MAX_COORDINATE, check_json

Coordinate = Annotated[
    float, Strict(), Field(allow_inf_nan=False, ge=-MAX_COORDINATE, le=MAX_COORDINATE)
]
SnapshotList = Literal["nodes", "edges", "goals", "actions", "evaluations", "plans"]
SNAPSHOT_LISTS: tuple[str, ...] = ("nodes", "edges", "goals", "actions", "evaluations", "plans")


class ViewSnapshot(BaseModel):
    """One view then: positions and settings (all of them, or with `against`, those that
    differed), and with `against` the nodes placed later and the settings set later."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    positions: dict[Id, tuple[Coordinate, Coordinate]] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)
    extra: dict[str, Any] | None = Field(
        None, description="the view's unknown fields; None with `against`: as the next one"
    )
    unplaced: tuple[Id, ...] = ()
    unset: tuple[str, ...] = ()
    entries: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="with `against`, a setting that is an object then and later (the "
        "netwerkcirkel's cells): only its entries that differed",
    )
    entries_unset: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="with `entries`: the entries set later"
    )

    @model_validator(mode="after")
    def _only_json(self, info: ValidationInfo) -> ViewSnapshot:
        """Settings are free-form: made in the program, they must be what a file can hold."""
        if not (info.context and info.context.get("from_file")):
            check_json(self.settings, "a view setting in a snapshot")
            check_json(self.entries, "a view setting in a snapshot")
            check_json(self.extra, "an unknown field of a view in a snapshot")
        return self


class Snapshot(BaseModel):
    """The atlas when its session closed; see the module docstring for `against`."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    against: Id | None = Field(
        None, description="the next closed session; None: this is the whole state"
    )
    meta: AtlasMeta | None = Field(None, description="None with `against`: as the next one")
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    goals: tuple[Goal, ...] = ()
    actions: tuple[Action, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    plans: tuple[Plan, ...] = ()
    removed: dict[SnapshotList, tuple[Id, ...]] = Field(
        default_factory=dict, description="ids the next state has that this one did not"
    )
    views: dict[Short, ViewSnapshot] = Field(default_factory=dict)
    views_removed: tuple[Short, ...] = ()


class Session(Record):
    """A dated conversation (intake, follow-up, meeting); `snapshot` freezes the atlas as it
    was when the session closed (None: the current session). See `model.snapshot`."""

    id: Id
    date: Short = ""
    label: Label = ""
    kind: Short = "follow_up"
    note: Note = ""
    present: tuple[Label, ...] = ()  # who was there, in words
    snapshot: Snapshot | None = None
    snapshot_v3: JsonObject | None = None  # a format 3 snapshot (it had no shape), kept as it was
    _free_form = ("snapshot_v3",)
