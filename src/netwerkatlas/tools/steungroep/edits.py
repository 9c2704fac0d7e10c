"""Every change of the steungroep plan as one undoable command (None when nothing changes).

The plan is one body (model/plan_bodies.py SupportGroupBody); each edit makes a new body and
stores it through `set_body`, so one edit is one undo step whatever it touches.
"""

from __future__ import annotations

from typing import Any

from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import PersonRef, SupportGroupBody, SupportMeeting
from netwerkatlas.tools.meeting.store import body_of, set_body
from netwerkatlas.tools.steungroep import VIEW
from netwerkatlas.tools.steungroep.agenda import new_meeting

CHANNELS = ("phone", "whatsapp", "email", "in_person", "video")


def body(atlas: Atlas) -> SupportGroupBody:
    found = body_of(atlas, VIEW)
    assert isinstance(found, SupportGroupBody)
    return found


def _store(atlas: Atlas, new: SupportGroupBody, text_key: str) -> Command | None:
    checked = SupportGroupBody.model_validate(new.model_dump(mode="json"))
    return set_body(atlas, VIEW, checked, t(text_key))


def change(atlas: Atlas, **changes: Any) -> Command | None:
    """Fields of the plan itself: chair, minute_taker, frequency, time_and_place, channels,
    confidentiality."""
    return _store(atlas, body(atlas).model_copy(update=changes), "steungroep.command.change")


def add_member(atlas: Atlas, ref: PersonRef) -> Command | None:
    members = [*body(atlas).members, ref]
    return _store(
        atlas, body(atlas).model_copy(update={"members": members}), "steungroep.command.add_member"
    )


def set_member(atlas: Atlas, index: int, ref: PersonRef) -> Command | None:
    members = list(body(atlas).members)
    members[index] = ref
    return _store(
        atlas,
        body(atlas).model_copy(update={"members": members}),
        "steungroep.command.change_member",
    )


def remove_member(atlas: Atlas, index: int) -> Command | None:
    members = list(body(atlas).members)
    del members[index]
    return _store(
        atlas,
        body(atlas).model_copy(update={"members": members}),
        "steungroep.command.remove_member",
    )


def add_meeting(atlas: Atlas, date: str = "") -> tuple[Command | None, str]:
    """A meeting on `date` with the client's active goals on its agenda; also its id."""
    meeting = new_meeting(atlas, date)
    meetings = [*body(atlas).meetings, meeting]
    command = _store(
        atlas,
        body(atlas).model_copy(update={"meetings": meetings}),
        "steungroep.command.add_meeting",
    )
    return command, meeting.id


def change_meeting(atlas: Atlas, meeting_id: str, **changes: Any) -> Command | None:
    """Fields of one meeting: date, how_are_members, goal_ids, minutes, decisions."""
    meetings = [
        m.model_copy(update=changes) if m.id == meeting_id else m for m in body(atlas).meetings
    ]
    return _store(
        atlas,
        body(atlas).model_copy(update={"meetings": meetings}),
        "steungroep.command.change_meeting",
    )


def remove_meeting(atlas: Atlas, meeting_id: str) -> Command | None:
    meetings = [m for m in body(atlas).meetings if m.id != meeting_id]
    return _store(
        atlas,
        body(atlas).model_copy(update={"meetings": meetings}),
        "steungroep.command.remove_meeting",
    )


def meeting(atlas: Atlas, meeting_id: str) -> SupportMeeting | None:
    return next((m for m in body(atlas).meetings if m.id == meeting_id), None)
