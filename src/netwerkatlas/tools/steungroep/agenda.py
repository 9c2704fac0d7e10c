"""What a steungroep meeting talks about, in the method's order (seed 000 step 9).

First how the members are doing, then the client's goals as the Plan has them; each goal is
discussed as the method does: what the client can do, then the naasten, then the professionals.
The tab and the A4 agenda both read this, so screen and paper agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from netwerkatlas.model import GOALS, Atlas
from netwerkatlas.model.plan_bodies import SupportGroupBody, SupportMeeting
from netwerkatlas.model.records import Action, Actor, Goal, new_id
from netwerkatlas.tools.plan.order import actions_by_group, active_goals, goals_in_order


@dataclass(frozen=True)
class AgendaGoal:
    """One goal on a meeting's agenda with its actions per group (I, II, III)."""

    goal: Goal
    groups: dict[Actor, list[Action]]


def new_meeting(atlas: Atlas, date: str = "") -> SupportMeeting:
    """A meeting about the client's active goals, in the Plan's order."""
    return SupportMeeting(id=new_id(), date=date, goal_ids=[g.id for g in active_goals(atlas)])


def agenda_goals(atlas: Atlas, meeting: SupportMeeting) -> list[AgendaGoal]:
    """The meeting's goals that still exist, in the Plan's order (a goal deleted since is
    left out; one moved in the Plan moves here too)."""
    wanted = set(meeting.goal_ids)
    return [
        AgendaGoal(goal, actions_by_group(atlas, goal.id))
        for goal in goals_in_order(atlas)
        if goal.id in wanted and atlas.has(GOALS, goal.id)
    ]


def meetings_in_order(body: SupportGroupBody) -> list[SupportMeeting]:
    """By date, oldest first; a meeting without a date last (not planned yet)."""
    return sorted(body.meetings, key=lambda m: (not m.date, m.date))


def next_meeting(body: SupportGroupBody, today: str) -> SupportMeeting | None:
    """The first meeting on or after `today` (ISO), if one is planned."""
    coming = [m for m in meetings_in_order(body) if m.date and m.date >= today]
    return coming[0] if coming else None
