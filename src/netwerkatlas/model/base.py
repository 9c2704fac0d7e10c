"""The base of every stored record and the value types its fields are made of.

`Record` is a pydantic model because the same class validates a file on load and every change
made in the program, so a bad value is refused in one place. Records are frozen: a change makes a
new record through `Atlas.update`, so views can never edit data behind the model's back.
Unknown fields are kept (``extra="allow"``) so a file written by a newer version survives a round
trip through an older one. The value types (`Label`, `Note`, `Id`, `Year`, `Score`, ...) are
strict and bounded, and shared by the nodes, edges and plans.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from netwerkatlas.model.values import check_json

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

    A record class builds its validator when first used (`defer_build`): opening a file needs
    only the file's validator (`io.fileformat.AtlasFile`), which holds them all, and building
    each one at import as well was some 15 ms of the start.
    """

    model_config = ConfigDict(frozen=True, extra="allow", validate_default=False, defer_build=True)

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
