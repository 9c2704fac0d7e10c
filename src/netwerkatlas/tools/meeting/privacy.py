"""Names and phone numbers in a document as they may leave the room.

Exports already draw from the redacted atlas (export/privacy.py masks the people and typed names
in plan bodies); these functions are for a document that is drawn from the original atlas.
"""

from __future__ import annotations

from netwerkatlas.export.privacy import initials
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import PersonRef
from netwerkatlas.tools.meeting.people import ref_name, ref_phone

__all__ = ["names_hidden", "shown_name", "shown_phone"]


def names_hidden(options: object) -> bool:
    """Whether `options` (ExportOptions, Privacy or None) hide names."""
    privacy = getattr(options, "privacy", options)
    return bool(getattr(privacy, "hide_names", False))


def shown_name(atlas: Atlas, ref: PersonRef | None, options: object) -> str:
    """The name, or its initials when names are hidden."""
    name = ref_name(atlas, ref)
    return initials(name) if name and names_hidden(options) else name


def shown_phone(atlas: Atlas, ref: PersonRef | None, options: object) -> str:
    """The phone number; none at all when names are hidden (a number names someone too)."""
    return "" if names_hidden(options) else ref_phone(atlas, ref)
