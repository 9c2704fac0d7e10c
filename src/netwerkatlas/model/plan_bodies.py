"""The bodies of the documents for the network meeting, each stored as one `Plan` record.

A `Plan` keeps its body as free JSON so that an older program can carry a newer document
unharmed; these models give each kind its shape. They are strict and frozen like the records,
and keep unknown fields (``extra="allow"``) so a newer field survives a round trip.
People are referred to by `PersonRef`: the atlas's person when `person_id` is set (so a rename
shows everywhere), or only a typed name (typed in, or kept when the person was deleted).
The default, translated texts of a new document are in `netwerkatlas.tools.meeting.defaults`:
this layer says nothing in words.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, StrictBool, ValidationError

from netwerkatlas.model.records import Id, IsoDateOrEmpty, Note, Plan, Short

__all__ = [
    "BODIES",
    "AgendaItem",
    "BasisPosterBody",
    "ContactRow",
    "ContactScheduleBody",
    "PersonAction",
    "PersonRef",
    "SignalPhase",
    "SignalPlanBody",
    "SupportGroupBody",
    "SupportMeeting",
    "body_error",
    "body_errors",
    "person_ids_in",
    "read_body",
    "typed_names_in",
    "without_person",
]


class Body(BaseModel):
    """Base of every body part: frozen, strict, unknown fields kept."""

    model_config = ConfigDict(frozen=True, extra="allow", strict=True, defer_build=True)


class PersonRef(Body):
    """A person of the atlas, or (when they were deleted or typed in) just a name."""

    person_id: Id | None = None
    name: Short = ""  # the name to show when person_id is None
    role: Short = ""  # their role here ("voorzitter", "buurvrouw", "huisarts")


class PersonAction(Body):
    who: PersonRef = PersonRef()
    what: Note = ""


class SignalPhase(Body):
    """One phase of the signaleringsplan, from "zo gaat het goed" to the crisis."""

    title: Short = ""
    colour: Literal["green", "orange", "red"] = "green"
    signals: list[Note] = []
    i_do: list[Note] = []
    close_ones_do: list[PersonAction] = []
    professionals_do: list[PersonAction] = []


class SignalPlanBody(Body):
    phases: list[SignalPhase] = []
    crisis_contacts: list[PersonRef] = []  # phone from the person (PersonFields.phone)
    agreed_by: list[PersonRef] = []
    agreed_on: IsoDateOrEmpty = ""


class SupportMeeting(Body):
    id: Id
    date: IsoDateOrEmpty = ""
    how_are_members: Note = ""
    goal_ids: list[Id] = []  # the Plan's goals discussed, in the Plan's order
    minutes: Note = ""
    decisions: list[Note] = []


class SupportGroupBody(Body):
    members: list[PersonRef] = []
    chair: PersonRef | None = None
    minute_taker: PersonRef | None = None
    frequency: Short = ""
    time_and_place: Short = ""
    channels: list[Literal["phone", "whatsapp", "email", "in_person", "video"]] = []
    confidentiality: Note = ""
    meetings: list[SupportMeeting] = []


class ContactRow(Body):
    person: PersonRef
    how: list[Literal["in_person", "phone", "app", "video", "letter"]] = []
    initiative: Literal["", "client", "other", "both"] = ""
    brings: Note = ""  # how often: PersonFields.contact_frequency of the person (shared)


class ContactScheduleBody(Body):
    rows: list[ContactRow] = []
    sort: Literal["name", "relation", "frequency"] = "name"


class AgendaItem(Body):
    text: Short
    done: StrictBool = False


class BasisPosterBody(Body):
    questions: list[Note] = []  # the client's questions for the plan, in their own words
    drawing: Literal["netwerkintake", "netwerkcirkel", "ecogram"] = "netwerkintake"
    invited: list[PersonRef] = []
    agenda: list[AgendaItem] = []
    meeting_date: IsoDateOrEmpty = ""
    place: Short = ""
    show_photo: StrictBool = False


BODIES: dict[str, type[BaseModel]] = {
    "basisposter": BasisPosterBody,
    "signaleringsplan": SignalPlanBody,
    "steungroep": SupportGroupBody,
    "contactschema": ContactScheduleBody,
}


MAX_BODY_ERRORS = 3  # per plan: enough to find the place, not a wall of notices


def body_errors(kind: str, body: Any) -> list[dict[str, Any]]:
    """pydantic's errors (at most a few) where a stored body does not fit its kind's model.
    A kind this program does not know is not an error: its body is kept as it is."""
    model = BODIES.get(kind)
    if model is None:
        return []
    try:
        model.model_validate(body)
    except ValidationError as error:
        return list(error.errors(include_url=False))[:MAX_BODY_ERRORS]
    return []


def body_error(kind: str, body: Any) -> str | None:
    """The first misfit of a stored body, as "place: message", or None when it fits."""
    errors = body_errors(kind, body)
    if not errors:
        return None
    place = ".".join(str(part) for part in errors[0]["loc"]) or "body"
    return f"{place}: {errors[0]['msg']}"


def read_body(plan: Plan) -> BaseModel:
    """The plan's body as its kind's model: the stored body when it fits, else an empty body.
    (The loader has told the user about a misfit and keeps the stored body in the file.)"""
    model = BODIES[plan.kind]
    try:
        return model.model_validate(plan.body)
    except ValidationError:
        return model()


def person_ids_in(value: Any) -> set[str]:
    """Every `person_id` anywhere in a JSON body: whom the document refers to."""
    found: set[str] = set()
    if isinstance(value, dict):
        if isinstance(value.get("person_id"), str):
            found.add(value["person_id"])
        for item in value.values():
            found |= person_ids_in(item)
    elif isinstance(value, list):
        for item in value:
            found |= person_ids_in(item)
    return found


def typed_names_in(value: Any) -> list[str]:
    """The names of typed refs (no person_id) anywhere in a JSON body, for masking on export."""
    found: list[str] = []
    if isinstance(value, dict):
        name = value.get("name")
        if value.get("person_id") is None and isinstance(name, str) and name.strip():
            found.append(name)
        for item in value.values():
            found += typed_names_in(item)
    elif isinstance(value, list):
        for item in value:
            found += typed_names_in(item)
    return found


def without_person(value: Any, person_id: str, name: str) -> Any:
    """A copy of a JSON body where each ref to `person_id` became the typed `name`."""
    if isinstance(value, dict):
        if value.get("person_id") == person_id:
            value = {**value, "person_id": None, "name": name}
        return {key: without_person(item, person_id, name) for key, item in value.items()}
    if isinstance(value, list):
        return [without_person(item, person_id, name) for item in value]
    return value
