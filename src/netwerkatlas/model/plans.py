"""The records that follow the drawing: goals, actions, evaluations and plans, and the atlas's
own metadata. Sessions hold a snapshot made of all of these, so they are in `model.snapshot`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

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
