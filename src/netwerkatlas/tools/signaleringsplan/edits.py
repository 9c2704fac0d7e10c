"""Changes to the signaleringsplan as new bodies: the view builds one, `store.set_body` makes
it one undoable command. Pure functions, no Qt."""

from __future__ import annotations

from typing import Any

from netwerkatlas.commands import Command
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import SignalPhase, SignalPlanBody
from netwerkatlas.tools.meeting.defaults import phase_title
from netwerkatlas.tools.meeting.store import body_of, set_body
from netwerkatlas.tools.signaleringsplan import VIEW

COLOURS = ("green", "orange", "red")


def current(atlas: Atlas) -> SignalPlanBody:
    return body_of(atlas, VIEW)


def store(atlas: Atlas, body: SignalPlanBody, text: str) -> Command | None:
    return set_body(atlas, VIEW, body, text)


def with_phase(body: SignalPlanBody, index: int, **changes: Any) -> SignalPlanBody:
    """The body with phase `index` changed (its title, colour or one of its lists)."""
    phases = list(body.phases)
    phases[index] = phases[index].model_copy(update=changes)
    return body.model_copy(update={"phases": phases})


def add_phase(body: SignalPlanBody) -> tuple[SignalPlanBody, int]:
    """A new orange phase before the crisis (when the last phase is red), else at the end;
    returns the body and the new phase's index."""
    phases = list(body.phases)
    at = len(phases)
    if len(phases) > 1 and phases[-1].colour == "red":
        at -= 1
    colour = "green" if at == 0 else "orange"
    phases.insert(at, SignalPhase(title=phase_title(at, False) if at == 0 else "", colour=colour))
    return body.model_copy(update={"phases": phases}), at


def remove_phase(body: SignalPlanBody, index: int) -> SignalPlanBody:
    phases = [p for i, p in enumerate(body.phases) if i != index]
    return body.model_copy(update={"phases": phases})
