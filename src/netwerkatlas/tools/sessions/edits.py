"""Starting a follow-up, as one undo step, and the intake every atlas begins with.

Starting a follow-up closes the current session: it keeps the whole state of the atlas, and the
session that kept the whole state until now keeps only its difference from it (see
`model.snapshot`). Undo puts both snapshots back as they were and takes the new session away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from netwerkatlas.commands import AddItem, Macro, UpdateItem
from netwerkatlas.i18n import t
from netwerkatlas.model.atlas import SESSIONS, Atlas
from netwerkatlas.model.records import Session
from netwerkatlas.tools.sessions.history import sessions_in_order, state_at
from netwerkatlas.tools.sessions.state import difference, state_of, whole

INTAKE = "intake"
FOLLOW_UP = "follow_up"
DateLike = dt.date | str


class SessionError(ValueError):
    """A session that cannot be started as asked; the atlas is unchanged."""


def _iso(value: DateLike) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise SessionError(t("history.error.bad_date", value=value)) from None


def intake_session(atlas: Atlas) -> Session:
    """The first session of an atlas, dated when the atlas was made (else today)."""
    created = atlas.meta.created
    try:
        date = dt.date.fromisoformat(created).isoformat()
    except ValueError:
        date = dt.date.today().isoformat()
    return Session(date=date, label=t("history.intake"), kind=INTAKE)


def ensure_intake(atlas: Atlas) -> Session | None:
    """Give an atlas without sessions its intake, directly and not as an edit: it is how the
    program sees an atlas that was never followed up, written only when the user saves."""
    if atlas.items(SESSIONS):
        return None
    session = intake_session(atlas)
    atlas.add(SESSIONS, session)
    return session


def next_label(atlas: Atlas) -> str:
    """ "Vervolggesprek N": one more than the follow-ups there are."""
    follow_ups = [s for s in atlas.items(SESSIONS) if s.kind == FOLLOW_UP]
    return t("history.follow_up_n", n=len(follow_ups) + 1)


class StartFollowUp(Macro):
    """Close the current session with a snapshot and start a new one. The snapshots are made
    when the command is first done, from the atlas as it is then."""

    def __init__(self, session: Session) -> None:
        super().__init__(t("history.command.follow_up"))
        self.session = session

    def redo(self, atlas: Atlas) -> None:
        if not self.children:
            self.children = self._steps(atlas)
        super().redo(atlas)

    def _steps(self, atlas: Atlas) -> list:
        ordered = sessions_in_order(atlas)
        now = state_of(atlas)
        steps: list = []
        if not ordered:
            intake = intake_session(atlas)
            steps.append(AddItem(SESSIONS, intake.model_copy(update={"snapshot": whole(now)})))
        else:
            closing = ordered[-1]
            whole_ones = [
                s for s in ordered[:-1] if s.snapshot is not None and s.snapshot.against is None
            ]
            for earlier in whole_ones:
                steps.append(
                    UpdateItem(
                        SESSIONS,
                        earlier.id,
                        {"snapshot": difference(state_at(atlas, earlier.id), now, closing.id)},
                    )
                )
            steps.append(UpdateItem(SESSIONS, closing.id, {"snapshot": whole(now)}))
        steps.append(AddItem(SESSIONS, self.session))
        return steps


def start_follow_up(
    atlas: Atlas,
    date: DateLike,
    label: str = "",
    present: Iterable[str] = (),
    session_id: str | None = None,
) -> StartFollowUp:
    """The command that starts a follow-up on `date` (not before the current session), named
    `label` ("Vervolggesprek N" when empty), with who was there; `session_id` only where ids
    must be known beforehand (the bundled examples)."""
    day = _iso(date)
    ordered = sessions_in_order(atlas)
    if ordered and ordered[-1].date and day < ordered[-1].date:
        raise SessionError(
            t("history.error.date_before", date=day, label=ordered[-1].label, then=ordered[-1].date)
        )
    names = tuple(dict.fromkeys(p.strip() for p in present if p.strip()))
    session = Session(
        **({"id": session_id} if session_id else {}),
        date=day,
        label=label.strip() or next_label(atlas),
        kind=FOLLOW_UP,
        present=names,
    )
    return StartFollowUp(session)
