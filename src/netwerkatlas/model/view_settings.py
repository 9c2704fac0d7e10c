"""The settings each known view reads, as strict pydantic models: part of the file schema.

A view reads a setting only through `Atlas.view_setting`, which hands out a stored value only
when it fits the type below, and the default otherwise. So a hand-edited or damaged setting
(the netwerkcirkel's `variant` as a list, `custom_rings` as numbers) never reaches a drawing.
The loader reports such a setting as a notice and keeps it in the file untouched; the model
refuses to store a value that does not fit, as that would be a mistake in the program.
Settings of unknown views and unknown settings of known views are kept as they are.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from netwerkatlas.model.records import Id, Short

# The names of the views in the file (each tool's VIEW); the tools import the model, not the
# other way round, so they are written out here once.
NETWERKCIRKEL = "netwerkcirkel"
ECOGRAM = "ecogram"
GENOGRAM = "genogram"
GEBEURTENISKAART = "gebeurteniskaart"

ShortList = Annotated[list[Short], Field(max_length=200)]


class _Settings(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", frozen=True, defer_build=True)


class NetwerkcirkelSettings(_Settings):
    """Lensink's circle: which ring and sector set, the atlas's own set, who sits where."""

    variant: Short | None = Field(None, description="lensink, wijkecogram or custom")
    custom_rings: ShortList | None = Field(None, description="ring names, inside out")
    custom_sectors: ShortList | None = Field(None, description="sector names, clockwise")
    cells: dict[Short, Annotated[list[Short], Field(min_length=2, max_length=2)]] | None = Field(
        None, description="person id -> [ring, sector], by name"
    )
    show_counts: StrictBool | None = None


class EcogramSettings(_Settings):
    """The ecogram's own leefgebieden (clockwise from the top) and the one in the middle."""

    domains: ShortList | None = None
    centre: Short | None = Field(None, description="the leefgebied drawn with the client")


class GenogramSettings(_Settings):
    """The person the genogram is about, when not the client."""

    index_id: Id | None = None


class GebeurteniskaartSettings(_Settings):
    """The time axis: in calendar years or the client's age, one lane per person, and the
    family's births, deaths, marriages and separations from the genogram."""

    axis: Short | None = Field(None, description="year (the default) or age")
    lanes: StrictBool | None = Field(None, description="one row per person")
    lane_people: Annotated[list[Id], Field(max_length=1000)] | None = Field(
        None, description="who gets a lane, in order; none: everyone involved in an event"
    )
    family: StrictBool | None = Field(None, description="the genogram layer")


VIEW_SETTINGS: dict[str, type[_Settings]] = {
    NETWERKCIRKEL: NetwerkcirkelSettings,
    ECOGRAM: EcogramSettings,
    GENOGRAM: GenogramSettings,
    GEBEURTENISKAART: GebeurteniskaartSettings,
}


def is_known(view: str, key: str) -> bool:
    model = VIEW_SETTINGS.get(view)
    return model is not None and key in model.model_fields


def setting_errors(view: str, key: str, value: Any) -> list[dict[str, Any]]:
    """pydantic's errors for one stored setting (locations relative to the setting); none for
    a value that fits, for unknown settings and for settings of unknown views."""
    if not is_known(view, key):
        return []
    try:
        VIEW_SETTINGS[view].model_validate({key: value}, strict=True)
    except ValidationError as error:
        return [{**e, "loc": tuple(e["loc"][1:])} for e in error.errors(include_url=False)]
    return []


def fits(view: str, key: str, value: Any) -> bool:
    """True when a view may use `value` for its setting `key`."""
    return not setting_errors(view, key, value)
