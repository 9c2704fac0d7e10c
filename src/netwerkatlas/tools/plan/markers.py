"""Which bollen carry which goal numbers: the drawing's goal markers, on screen and on paper.

A bol carries the number of every goal that is about it, except goals that were stopped (they
no longer steer the conversation); numbers are the goals' places in the client's order.
"""

from __future__ import annotations

from netwerkatlas.model import Atlas
from netwerkatlas.model.records import GoalStatus
from netwerkatlas.tools.plan.order import goals_in_order


def goal_markers(atlas: Atlas) -> dict[str, tuple[int, ...]]:
    """Node id -> the numbers of the goals it is about, lowest first."""
    found: dict[str, list[int]] = {}
    for number, goal in enumerate(goals_in_order(atlas), start=1):
        if goal.status == GoalStatus.STOPPED:
            continue
        for node_id in goal.node_ids:
            found.setdefault(node_id, []).append(number)
    return {node_id: tuple(numbers) for node_id, numbers in found.items()}


def marked_goals(atlas: Atlas) -> list[tuple[int, str]]:
    """(number, text) of the goals whose markers are on the drawing, for the legend."""
    return [
        (number, goal.text)
        for number, goal in enumerate(goals_in_order(atlas), start=1)
        if goal.status != GoalStatus.STOPPED and goal.node_ids
    ]
