"""The records an atlas is made of: nodes, edges, goals, plans and sessions.

They are pydantic models because the same classes validate a file on load and every change made
in the program, so a bad value is refused in one place. Records are frozen: a change makes a new
record through `Atlas.update`, so views can never edit data behind the model's back.
Unknown fields are kept (``extra="allow"``) so a file written by a newer version survives a round
trip through an older one.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from netwerkatlas.model.values import check_json

__all__ = [
    "EDGE_CLASSES",
    "MAX_LABEL",
    "MAX_NOTE",
    "MAX_PERSPECTIVES",
    "MAX_SHORT",
    "NODE_CLASSES",
    "Action",
    "Actor",
    "AtlasMeta",
    "ClientNode",
    "Direction",
    "Edge",
    "EdgeBase",
    "EdgeKind",
    "EmotionalKind",
    "EmotionalRelation",
    "Evaluation",
    "EventNode",
    "Gender",
    "Goal",
    "GoalStatus",
    "Horizon",
    "Id",
    "InfluenceLink",
    "InvolvedRelation",
    "Label",
    "Node",
    "NodeBase",
    "NodeKind",
    "Note",
    "ParentChildKind",
    "ParentChildRelation",
    "PartnerRelation",
    "PartnerStatus",
    "PersonFields",
    "PersonNode",
    "PerspectiveName",
    "Plan",
    "Pregnancy",
    "Record",
    "Score",
    "Session",
    "Short",
    "SupportKind",
    "SupportRelation",
    "SupportStrength",
    "ThemeNode",
    "Year",
    "new_id",
]

MAX_LABEL = 500
MAX_NOTE = 20_000
MAX_SHORT = 200

# Values are strict: a file's `"score": true` or `"2"` is an error, not 1 or 2, and the program
# is held to the same types. Enumerations (kinds, statuses) are still given as their text.
Text = Annotated[str, Strict()]
Whole = Annotated[int, Strict()]
Label = Annotated[Text, StringConstraints(max_length=MAX_LABEL)]
Note = Annotated[Text, StringConstraints(max_length=MAX_NOTE)]
Short = Annotated[Text, StringConstraints(max_length=MAX_SHORT)]
Id = Annotated[Text, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Year = Annotated[Whole, Field(ge=1000, le=2999)]
Score = Annotated[Whole, Field(ge=-2, le=2)]
MAX_PHOTO = 200_000  # base64 characters: a thumbnail, not a photo album
IsoDateOrEmpty = Annotated[Text, StringConstraints(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
Photo = Annotated[Text, StringConstraints(max_length=MAX_PHOTO, pattern=r"^[A-Za-z0-9+/=]*$")]
MAX_PERSPECTIVES = 20
# whose view a score is from, a short label such as "Fleur (moeder)" or "behandelaar"
PerspectiveName = Annotated[
    Text, StringConstraints(min_length=1, max_length=80, pattern=r"^\S(.*\S)?$")
]
JsonObject = dict[Text, Any]  # free-form, checked to be JSON by `Record`


def new_id() -> str:
    """A fresh stable identifier: ids are made when a thing is made, never at save time."""
    return str(uuid.uuid4())


class Record(BaseModel):
    """Base of every stored record: frozen, validated on every change, extras kept.

    Every record has an `id`. Made in the program, a record without one gets a fresh id; read
    from a file (validation context ``{"from_file": True}``), a missing id is an error.
    """

    model_config = ConfigDict(frozen=True, extra="allow", validate_default=False)

    @model_validator(mode="before")
    @classmethod
    def _give_new_records_an_id(cls, data: Any, info: ValidationInfo) -> Any:
        from_file = bool(info.context and info.context.get("from_file"))
        if isinstance(data, dict) and "id" not in data and not from_file:
            return {**data, "id": new_id()}
        return data

    @model_validator(mode="after")
    def _only_what_a_file_can_hold(self, info: ValidationInfo) -> Record:
        """Free-form values made in the program must be JSON, or the save would fail later.
        (The loader checks what it reads itself, with the place in the file.)"""
        if info.context and info.context.get("from_file"):
            return self
        if self.model_extra:
            check_json(self.model_extra, f"an unknown field of {type(self).__name__}")
        for name in self._free_form:
            check_json(getattr(self, name), f"{type(self).__name__}.{name}")
        return self

    _free_form: ClassVar[tuple[str, ...]] = ()


# --- nodes -------------------------------------------------------------------------------------


class NodeKind(StrEnum):
    CLIENT = "client"
    PERSON = "person"
    THEME = "theme"
    EVENT = "event"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Pregnancy(StrEnum):
    """A genogram's unborn: a pregnancy (triangle) or a miscarriage (small crossed triangle)."""

    PREGNANT = "pregnant"
    MISCARRIAGE = "miscarriage"


class NodeBase(Record):
    """What every bol has: identity, a label, the client's score and notes."""

    id: Id
    label: Label = ""
    score: Score | None = None
    # the same question scored from other perspectives than the client's (naaste, professional)
    perspectives: Annotated[dict[PerspectiveName, Score], Field(max_length=MAX_PERSPECTIVES)] = (
        Field(default_factory=dict)
    )
    emphasis: StrictBool = False
    note: Note = ""
    private: StrictBool = False

    @property
    def shown_label(self) -> str:
        """What a bol shows: its label, or for a person without one, the name."""
        return self.label or getattr(self, "name", "")


class PersonFields(Record):
    """Fields shared by the client and the people around them."""

    name: Label = ""
    gender: Gender = Gender.UNKNOWN
    birth_year: Year | None = None
    death_year: Year | None = None
    relation: Short = ""
    life_domain: Short = ""
    contact_frequency: Short = ""
    deceased: StrictBool = False  # also without a known death year
    pregnancy: Pregnancy | None = None
    household: Short = ""  # people with the same household name live together
    suggested_by: Short = ""  # who named this person for the groslijst
    photo: Photo = ""  # a small PNG (base64), for the groslijst
    phone: Short = ""  # how to reach them, for the signaleringsplan's crisis contacts
    email: Short = ""


class ClientNode(NodeBase, PersonFields):
    kind: Literal[NodeKind.CLIENT] = NodeKind.CLIENT


class PersonNode(NodeBase, PersonFields):
    kind: Literal[NodeKind.PERSON] = NodeKind.PERSON


class ThemeNode(NodeBase):
    kind: Literal[NodeKind.THEME] = NodeKind.THEME


def _span_end(end: int, start: int | None, unit: str, start_name: str, needs: str) -> int:
    if start is None:
        raise PydanticCustomError(
            "span_without_start",
            "end_{unit} {end} needs a start: give the event {needs}",
            {"unit": unit, "end": end, "needs": needs},
        )
    if end < start:
        raise PydanticCustomError(
            "greater_than_equal",
            "end_{unit} {end} is before {start_name} {ge}: a span must end at or after its start",
            {"unit": unit, "end": end, "start_name": start_name, "ge": start},
        )
    return end


class EventNode(NodeBase):
    """A life event; `date` (ISO), `year` or `age` place it in time (in that order of
    precedence), `order` breaks ties. `approximate` marks an uncertain time ("ca. 1998",
    "jaren 90"); `end_year` (from a date or year) or `end_age` (from an age) make it a span."""

    kind: Literal[NodeKind.EVENT] = NodeKind.EVENT
    date: Annotated[Text, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] | None = None
    year: Year | None = None
    age: Annotated[Whole, Field(ge=0, le=150)] | None = None
    order: Whole | None = None
    approximate: StrictBool = False
    end_year: Year | None = None
    end_age: Annotated[Whole, Field(ge=0, le=150)] | None = None

    @field_validator("end_year")
    @classmethod
    def _end_year_after_start(cls, end: int | None, info: ValidationInfo) -> int | None:
        """A span cannot end before it starts, and starts from the event's date or year.
        The error types are pydantic's own, so a file's reader reports them at `end_year`
        in the user's words ("2020 is te klein; het laagste dat mag is 2022")."""
        if end is None or "date" not in info.data or "year" not in info.data:
            return end
        date, year = info.data["date"], info.data["year"]
        start = int(date[:4]) if date else year
        return _span_end(end, start, "year", "the start year", "a date or a year")

    @field_validator("end_age")
    @classmethod
    def _end_age_after_start(cls, end: int | None, info: ValidationInfo) -> int | None:
        """A span in ages starts from the event's age."""
        if end is None or "age" not in info.data:
            return end
        return _span_end(end, info.data["age"], "age", "the age", "an age")


Node = Annotated[ClientNode | PersonNode | ThemeNode | EventNode, Field(discriminator="kind")]
NODE_CLASSES: dict[NodeKind, type[NodeBase]] = {
    NodeKind.CLIENT: ClientNode,
    NodeKind.PERSON: PersonNode,
    NodeKind.THEME: ThemeNode,
    NodeKind.EVENT: EventNode,
}

# --- edges -------------------------------------------------------------------------------------


class EdgeKind(StrEnum):
    INFLUENCE = "influence"
    PARTNER = "partner"
    PARENT_CHILD = "parent_child"
    EMOTIONAL = "emotional"
    SUPPORT = "support"
    INVOLVED = "involved"


class Direction(StrEnum):
    """Which way an influence or support goes, seen from `source` to `target`."""

    NONE = "none"
    FORWARD = "forward"
    BACKWARD = "backward"
    BOTH = "both"


class PartnerStatus(StrEnum):
    MARRIED = "married"
    COHABITING = "cohabiting"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    OTHER = "other"


class ParentChildKind(StrEnum):
    BIOLOGICAL = "biological"
    ADOPTED = "adopted"
    FOSTER = "foster"


class EmotionalKind(StrEnum):
    CLOSE = "close"
    FUSED = "fused"
    DISTANT = "distant"
    CONFLICT = "conflict"
    CUT_OFF = "cut_off"
    ABUSE = "abuse"
    OTHER = "other"


class SupportStrength(StrEnum):
    STRONG = "strong"
    TENUOUS = "tenuous"
    STRESSFUL = "stressful"


class SupportKind(StrEnum):
    PRACTICAL = "practical"
    COMPANY = "company"
    ADVICE = "advice"
    EMOTIONAL = "emotional"


class EdgeBase(Record):
    """An edge between two nodes. Several edges may join the same two nodes."""

    id: Id
    source: Id
    target: Id
    note: Note = ""
    private: StrictBool = False


class InfluenceLink(EdgeBase):
    """Two bollen that influence each other (netwerkintake step 2)."""

    kind: Literal[EdgeKind.INFLUENCE] = EdgeKind.INFLUENCE
    direction: Direction = Direction.NONE


class PartnerRelation(EdgeBase):
    kind: Literal[EdgeKind.PARTNER] = EdgeKind.PARTNER
    status: PartnerStatus = PartnerStatus.MARRIED
    start_year: Year | None = None
    end_year: Year | None = None


class ParentChildRelation(EdgeBase):
    """`source` is the parent, `target` the child."""

    kind: Literal[EdgeKind.PARENT_CHILD] = EdgeKind.PARENT_CHILD
    relation: ParentChildKind = ParentChildKind.BIOLOGICAL
    twin_group: Short = ""  # children of one parent with the same twin group are twins
    identical_twin: StrictBool = False


class EmotionalRelation(EdgeBase):
    kind: Literal[EdgeKind.EMOTIONAL] = EdgeKind.EMOTIONAL
    quality: EmotionalKind = EmotionalKind.CLOSE
    direction: Direction = Direction.NONE


class SupportRelation(EdgeBase):
    """An ecogram line: how strong, which way the support flows, and what kind of support."""

    kind: Literal[EdgeKind.SUPPORT] = EdgeKind.SUPPORT
    strength: SupportStrength = SupportStrength.STRONG
    direction: Direction = Direction.NONE
    support: tuple[SupportKind, ...] = ()


class InvolvedRelation(EdgeBase):
    """A person (or the client) involved in a life event ("betrokken bij"): `source` is the
    event, `target` the person; `role` says how, in a few words ("was erbij", "hielp")."""

    kind: Literal[EdgeKind.INVOLVED] = EdgeKind.INVOLVED
    role: Short = ""


Edge = Annotated[
    InfluenceLink
    | PartnerRelation
    | ParentChildRelation
    | EmotionalRelation
    | SupportRelation
    | InvolvedRelation,
    Field(discriminator="kind"),
]
EDGE_CLASSES: dict[EdgeKind, type[EdgeBase]] = {
    EdgeKind.INFLUENCE: InfluenceLink,
    EdgeKind.PARTNER: PartnerRelation,
    EdgeKind.PARENT_CHILD: ParentChildRelation,
    EdgeKind.EMOTIONAL: EmotionalRelation,
    EdgeKind.SUPPORT: SupportRelation,
    EdgeKind.INVOLVED: InvolvedRelation,
}

# --- plans that follow the drawing -------------------------------------------------------------


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


# The snapshot is made of the records above, so it is defined after them and joined in here.
from netwerkatlas.model.snapshot import Snapshot  # noqa: E402

Session.model_rebuild()
