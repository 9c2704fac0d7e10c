"""What a comparison of two sessions marks on the Plan view's goal cards.

The netwerkintake marks its bollen; the plan marks its cards the same way and in the same
colours: "nieuw", "bereikt sinds …", "gestopt sinds …", the evaluation then → now with ▲ / ▼ / =
(so it reads in black and white too), and the actions done since under their group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from netwerkatlas.canvas.compare_overlay import DOWN, GONE, NEW, UP
from netwerkatlas.i18n import t
from netwerkatlas.tools.sessions.changes import (
    ActionDone,
    GoalAdded,
    GoalEvaluated,
    GoalReached,
    GoalStopped,
)

NO_SCORE = "–"


@dataclass(frozen=True)
class CardMark:
    """One mark on a goal card: its words and its colour."""

    text: str
    colour: str


@dataclass
class PlanMarks:
    """Per goal, its card's marks; per action done since, the words of its tag."""

    goals: dict[str, list[CardMark]] = field(default_factory=dict)
    done: dict[str, str] = field(default_factory=dict)  # action id → "✓ gedaan sinds …: …"


def arrow(old: int | None, new: int | None) -> tuple[str, str]:
    """▲ / ▼ / = and its colour; nothing to compare with (a first evaluation): new's colour."""
    if old is None or new is None:
        return "", NEW
    if new > old:
        return "▲", UP
    if new < old:
        return "▼", DOWN
    return "=", GONE


def evaluation_mark(item: GoalEvaluated) -> CardMark:
    sign, colour = arrow(item.old_score, item.new_score)
    text = t(
        "compare.plan.evaluation",
        old=NO_SCORE if item.old_score is None else item.old_score,
        new=NO_SCORE if item.new_score is None else item.new_score,
    )
    if item.perspective:
        text += f" ({t('actieplan.evaluation_from', name=item.perspective)})"
    return CardMark(f"{text} {sign}".rstrip(), colour)


def plan_marks(changes, label: str) -> PlanMarks:
    """The marks of `changes` (a `compare` result) on the plan; `label` names the earlier
    session ("bereikt sinds Vervolggesprek — 3 maart 2026")."""
    marks = PlanMarks()
    for item in changes.items if changes else ():
        if isinstance(item, ActionDone):
            marks.done[item.action_id] = t("compare.plan.done", label=label, what=item.what)
            continue
        if isinstance(item, GoalReached):
            mark = CardMark(t("compare.plan.reached", label=label), UP)
        elif isinstance(item, GoalStopped):
            mark = CardMark(t("compare.plan.stopped", label=label), GONE)
        elif isinstance(item, GoalEvaluated):
            mark = evaluation_mark(item)
        elif type(item) is GoalAdded:
            mark = CardMark(t("compare.new"), NEW)
        else:
            continue
        marks.goals.setdefault(item.goal_id, []).append(mark)
    return marks


def marks_html(marks: list[CardMark]) -> str:
    """The marks in one line, each in its colour and bold, kept apart by a dot."""
    spans = [f'<b style="color:{m.colour}">{escape(m.text)}</b>' for m in marks]
    return " &nbsp;·&nbsp; ".join(spans)
