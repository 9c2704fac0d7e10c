"""The records that follow the drawing: goals, actions, evaluations, sessions and plans, and
the atlas's own metadata.

A `Session` holds a `Snapshot`, which is itself made of these records and the nodes and edges,
so `Session` is completed in `model.records` once `model.snapshot` is defined.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StrictBool, StringConstraints

from netwerkatlas.model.base import (
    Id,
    IsoDateOrEmpty,
    JsonObject,
    Label,
    Note,
    Record,
    Short,
    Text,
    Whole,
)

if TYPE_CHECKING:
    from netwerkatlas.model.snapshot import Snapshot


class Horizon(StrEnum):
    SHORT = "short"
    LONG = "long"


class Actor(StrEnum):
    """The method's order for an action plan: the client, then naasten, then professionals."""

    SELF = "self"
    CLOSE_ONES = "close_ones"
    PROFESSIONALS = "professionals"


class GoalStatus(StrEnum):
    """Where a goal stands: being worked on, reached, or let go of (actief, bereikt, gestopt)."""

    ACTIVE = "active"
    REACHED = "reached"
    STOPPED = "stopped"


class Goal(Record):
    """A goal in the client's own words; `order` is the client's order (lower first),
    `created` the ISO date it was made."""

    id: Id
    text: Note = ""
    horizon: Horizon = Horizon.SHORT
    node_ids: tuple[Id, ...] = ()
    created: Short = ""
    status: GoalStatus = GoalStatus.ACTIVE
    order: Whole = 0
    private: StrictBool = False


class Action(Record):
    """Who does what, when, for one goal. `order` places it within its goal and group;
    `when` is free text ("elke zondag") or an ISO date."""

    id: Id
    goal_id: Id
    actor: Actor = Actor.SELF
    who: Label = ""
    who_id: Id | None = None
    what: Note = ""
    when: Short = ""
    done: StrictBool = False
    order: Whole = 0


class Evaluation(Record):
    """A goal scored at a follow-up: 1 = much further out of sight ... 5 = fully reached."""

    id: Id
    goal_id: Id
    session_id: Id | None = None
    date: Short = ""
    score: Annotated[Whole, Field(ge=1, le=5)] | None = None
    note: Note = ""
    perspective: Annotated[Text, StringConstraints(max_length=80)] = ""  # "" = the client's


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


class Plan(Record):
    """A structured plan (signaleringsplan, crisis plan, steungroep); its body is kind-specific."""

    id: Id
    kind: Short
    title: Label = ""
    body: JsonObject = Field(default_factory=dict)
    _free_form = ("body",)


# --- metadata and views ------------------------------------------------------------------------


class AtlasMeta(Record):
    """About the atlas as a whole. `client_term` is the organisation's word for the client."""

    id: Id
    title: Label = ""
    client_term: Short = "cliënt"
    language: Short = "nl"
    created: Short = ""
    note: Note = ""
    next_evaluation: IsoDateOrEmpty = ""  # the next evaluation moment of the plan
    shown_view: Short = ""  # the view in front when the file was saved: it opens there again
