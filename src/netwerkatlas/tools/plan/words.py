"""The plan's fixed words: the 1-5 evaluation scale, the three groups, statuses and horizons.

The words come from the method (seed 003, domain brief §2 steps 5-6), so every view and
export says them the same way; each is a translation key so `--lang en` follows.
"""

from __future__ import annotations

from netwerkatlas.i18n import t
from netwerkatlas.model.records import Actor, GoalStatus, Horizon

SCORES = (1, 2, 3, 4, 5)
GROUPS = (Actor.SELF, Actor.CLOSE_ONES, Actor.PROFESSIONALS)  # always in this order
NUMERALS = {Actor.SELF: "I", Actor.CLOSE_ONES: "II", Actor.PROFESSIONALS: "III"}

SCORE_KEYS = {score: f"plan.score.{score}" for score in SCORES}
GROUP_KEYS = {actor: f"plan.group.{actor.value}" for actor in GROUPS}
STATUS_KEYS = {status: f"plan.status.{status.value}" for status in GoalStatus}
HORIZON_KEYS = {horizon: f"plan.horizon.{horizon.value}" for horizon in Horizon}


def score_word(score: int | None) -> str:
    """ "dichterbij" for 4; empty for no score."""
    return t(SCORE_KEYS[score]) if score in SCORE_KEYS else ""


def score_line(score: int | None) -> str:
    """ "4 – dichterbij", the way a score is written next to its date."""
    return f"{score} – {score_word(score)}" if score in SCORE_KEYS else t("plan.score.none")


def group_title(actor: Actor) -> str:
    """ "I. Wat ik zelf doe", with its numeral, as the method writes it."""
    return t(GROUP_KEYS[Actor(actor)])


def status_word(status: GoalStatus) -> str:
    return t(STATUS_KEYS[GoalStatus(status)])


def horizon_word(horizon: Horizon) -> str:
    return t(HORIZON_KEYS[Horizon(horizon)])
