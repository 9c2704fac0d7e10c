"""The bollen of the drawing: the client, the people around them, themes and life events.

Each kind of node is its own record class, told apart in a file by its `kind`; `Node` is the
union that reads any of them and `NODE_CLASSES` finds the class for a kind.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from netwerkatlas.model.base import (
    MAX_PERSPECTIVES,
    Id,
    Label,
    Note,
    PerspectiveName,
    Photo,
    Record,
    Score,
    Short,
    Text,
    Whole,
    Year,
)


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
