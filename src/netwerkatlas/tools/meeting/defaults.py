"""The texts a new document starts with, in the user's language (the model says no words)."""

from __future__ import annotations

from pydantic import BaseModel

from netwerkatlas.i18n import t
from netwerkatlas.model.plan_bodies import BODIES, AgendaItem, SignalPhase, SignalPlanBody

__all__ = [
    "AGENDA_STEPS",
    "default_agenda",
    "default_body",
    "default_signal_plan",
    "phase_number",
    "phase_title",
]

# the seven steps of the meedenkbijeenkomst (Sociale Netwerk Versterking)
AGENDA_STEPS = (
    "opening",
    "introductions",
    "questions",
    "information",
    "private_time",
    "presentation",
    "base_team",
)
PHASE_COLOURS = ("green", "orange", "orange", "red")


def phase_number(number: int) -> str:
    """ "Fase 2": a phase is numbered by its place (fase 0 = how it goes when it goes well),
    printed next to its title so the plan reads without its colours too."""
    return t("meeting.phase.other", number=number)


def phase_title(number: int, last: bool) -> str:
    """The title a new plan's phase starts with; a phase added later has none until the user
    names it (its number says where it is)."""
    if last and number > 0:
        return t("meeting.phase.crisis")
    return t(f"meeting.phase.{number}") if number < 3 else ""


def default_signal_plan() -> SignalPlanBody:
    """Four phases, 0 (how it goes when it goes well) to 3 (crisis): green, orange, orange, red."""
    last = len(PHASE_COLOURS) - 1
    return SignalPlanBody(
        phases=[
            SignalPhase(title=phase_title(n, n == last), colour=colour)
            for n, colour in enumerate(PHASE_COLOURS)
        ]
    )


def default_agenda() -> list[AgendaItem]:
    """The seven steps of the meedenkbijeenkomst, translated."""
    return [AgendaItem(text=t(f"meeting.agenda.{step}")) for step in AGENDA_STEPS]


def default_body(kind: str) -> BaseModel:
    """A new document of `kind`: the signaleringsplan has its phases, the basisposter its
    agenda, the others start empty."""
    if kind == "signaleringsplan":
        return default_signal_plan()
    if kind == "basisposter":
        return BODIES[kind](agenda=default_agenda())
    return BODIES[kind]()
