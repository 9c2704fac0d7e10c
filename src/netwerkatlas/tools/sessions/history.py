"""The sessions of an atlas in order, and the atlas as it was at any one of them.

The current session is the last one; the others are closed and keep a snapshot (see
`model.snapshot`): the latest closed one the whole state, each earlier one its difference from
the next. `atlas_at` walks that chain back from the whole state.
"""

from __future__ import annotations

import datetime as dt

from netwerkatlas.i18n import t
from netwerkatlas.model.atlas import SESSIONS, Atlas
from netwerkatlas.model.records import Session
from netwerkatlas.model.snapshot import Snapshot
from netwerkatlas.tools.sessions.state import State, build, from_whole, go_back, state_of, whole

NOW = "now"


class SessionNotFound(ValueError):
    """No session answers to what was asked for; the message names the sessions there are."""


def _chain_depth(sessions: dict[str, Session], session: Session) -> int:
    """How many differences lie between a closed session and the whole state (0: whole)."""
    depth, seen = 0, {session.id}
    snapshot = session.snapshot
    while snapshot is not None and snapshot.against is not None:
        following = sessions.get(snapshot.against)
        if following is None or following.id in seen:
            break
        seen.add(following.id)
        depth += 1
        snapshot = following.snapshot
    return depth


def sessions_in_order(atlas: Atlas) -> list[Session]:
    """By date, then (on the same day) in the order they were closed, then by id; a session
    without a snapshot on the same day comes after the closed ones."""
    sessions = {s.id: s for s in atlas.items(SESSIONS)}

    def key(session: Session) -> tuple:
        closed = session.snapshot is not None
        depth = _chain_depth(sessions, session) if closed else -1
        return (session.date, 0 if closed else 1, -depth, session.id)

    return sorted(sessions.values(), key=key)


def current_session(atlas: Atlas) -> Session | None:
    """The session being held now: the last one (None for an atlas without sessions)."""
    ordered = sessions_in_order(atlas)
    return ordered[-1] if ordered else None


def is_current(atlas: Atlas, session_id: str | None) -> bool:
    current = current_session(atlas)
    return session_id is None or (current is not None and current.id == session_id)


def _state_of_snapshot(sessions: dict[str, Session], snapshot: Snapshot) -> State:
    """Follow `against` to the whole state, then go back one difference at a time."""
    chain = [snapshot]
    seen: set[str] = set()
    while chain[-1].against is not None:
        against = chain[-1].against
        following = sessions.get(against)
        if following is None or following.snapshot is None or against in seen:
            raise SessionNotFound(t("history.error.broken_chain", id=against))
        seen.add(against)
        chain.append(following.snapshot)
    state = from_whole(chain[-1])
    for difference in reversed(chain[:-1]):
        state = go_back(state, difference)
    return state


def state_at(atlas: Atlas, session_id: str) -> State:
    """The content of the atlas when `session_id` closed (now, for the current session; for
    an open session that is not the last, the state of the next one that kept it)."""
    ordered = sessions_in_order(atlas)
    sessions = {s.id: s for s in ordered}
    if session_id not in sessions:
        raise SessionNotFound(t("history.error.unknown_id", id=session_id))
    for session in ordered[[s.id for s in ordered].index(session_id) :]:
        if session.snapshot is not None:
            return _state_of_snapshot(sessions, session.snapshot)
    return state_of(atlas)


def atlas_at(atlas: Atlas, session_id: str | None) -> Atlas:
    """A full, independent atlas as it was when `session_id` closed (None or the current
    session: a copy of now). Its sessions are those up to that one, as they were then: the one
    before it keeps the whole state, that one is open. Read-only by convention."""
    ordered = sessions_in_order(atlas)
    if session_id is None and ordered:
        session_id = ordered[-1].id
    if session_id is None:
        return build(state_of(atlas), [], atlas.extra)
    state = state_at(atlas, session_id)
    index = [s.id for s in ordered].index(session_id)
    then = list(ordered[: index + 1])
    then[-1] = then[-1].model_copy(update={"snapshot": None})
    if index > 0 and then[-2].snapshot is not None and then[-2].snapshot.against is not None:
        previous = go_back(state, then[-2].snapshot)
        then[-2] = then[-2].model_copy(update={"snapshot": whole(previous)})
    return build(state, then, atlas.extra)


def _readable(session: Session) -> str:
    return f"{session.label or '?'} ({session.date or '?'})"


def find_session(atlas: Atlas, text: str) -> Session | None:
    """The session `text` names: "now" (None), a label (any case), an ISO date (the last
    session of that day) or an id. Raises `SessionNotFound` saying which sessions there are."""
    wanted = text.strip()
    if wanted.casefold() in (NOW, t("history.now").casefold()):
        return None
    ordered = sessions_in_order(atlas)
    for session in ordered:
        if session.id == wanted:
            return session
    by_label = [s for s in ordered if s.label.strip().casefold() == wanted.casefold()]
    if by_label:
        return by_label[-1]
    try:
        day = dt.date.fromisoformat(wanted).isoformat()
    except ValueError:
        day = None
    by_date = [s for s in ordered if s.date == day] if day else []
    if by_date:
        return by_date[-1]
    known = ", ".join(_readable(s) for s in ordered) or t("history.none")
    raise SessionNotFound(t("history.error.not_found", wanted=wanted, known=known))
