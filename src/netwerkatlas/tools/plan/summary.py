"""The plan in words: the lines the A4 summary, the actieplan and the EPD text share.

Goals come in the client's order, each with its actions in the method's groups I → II → III
(all three, also an empty one, so a reader sees what was not agreed), its evaluations oldest
first with their 1-5 words, and the atlas's next evaluation date at the end.
"""

from __future__ import annotations

import datetime as dt

from netwerkatlas.export.summary import SummaryEntry, SummarySection
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import Action, Evaluation, Goal
from netwerkatlas.tools.plan.order import (
    actions_by_group,
    evaluations_in_order,
    goals_in_order,
    who_label,
)
from netwerkatlas.tools.plan.words import group_title, horizon_word, score_line, status_word


def shown_date(value: str) -> str:
    """An ISO date the Dutch way (03-06-2025); anything else ("elke zondag") as written."""
    try:
        return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
    except ValueError:
        return value


def goal_title(number: int, goal: Goal) -> str:
    return t("actieplan.goal", number=number, text=goal.text or t("actieplan.goal_untitled"))


def goal_details(atlas: Atlas, goal: Goal) -> str:
    """Horizon, status, created date and the bollen it is about, in one line."""
    parts = [horizon_word(goal.horizon), status_word(goal.status)]
    if goal.created:
        parts.append(t("actieplan.created", date=shown_date(goal.created)))
    about = [atlas.node(n).shown_label for n in goal.node_ids if atlas.has("nodes", n)]
    if about:
        parts.append(t("actieplan.about", bollen=", ".join(a for a in about if a)))
    return "; ".join(parts)


def action_cells(atlas: Atlas, action: Action) -> tuple[str, str, str, str]:
    """Who, what, when, done, as a table row says them."""
    done = t("actieplan.done") if action.done else ""
    return who_label(atlas, action), action.what, shown_date(action.when), done


def action_line(atlas: Atlas, action: Action) -> str:
    """ "Moeder: belt Sanne op (elke zondag, gedaan)" – one line of the text form."""
    who, what, when, done = action_cells(atlas, action)
    text = f"{who}: {what}" if who and what else who or what or t("actieplan.no_what")
    extra = ", ".join(p for p in (when, done) if p)
    return f"{text} ({extra})" if extra else text


def evaluation_line(evaluation: Evaluation) -> str:
    """ "03-06-2025: 3 – gelijk gebleven. Koffie laten staan hielp"."""
    date = shown_date(evaluation.date) or t("actieplan.no_date")
    line = f"{date}: {score_line(evaluation.score)}"
    return f"{line}. {evaluation.note}" if evaluation.note else line


def views_of(evaluations: list[Evaluation]) -> list[str]:
    """Whose evaluations there are: the client's ("") first, then the other views by name."""
    names = {e.perspective for e in evaluations}
    return [""] * ("" in names) + sorted(names - {""}, key=str.casefold)


def next_evaluation_line(atlas: Atlas) -> str:
    date = atlas.meta.next_evaluation
    return t("actieplan.next_evaluation", date=shown_date(date)) if date else ""


def goal_entry(atlas: Atlas, number: int, goal: Goal) -> SummaryEntry:
    children = [SummaryEntry(goal_details(atlas, goal))]
    for actor, actions in actions_by_group(atlas, goal.id).items():
        lines = [SummaryEntry(action_line(atlas, a)) for a in actions]
        children.append(
            SummaryEntry(group_title(actor), tuple(lines or [SummaryEntry(t("actieplan.none"))]))
        )
    evaluations = evaluations_in_order(atlas, goal.id)
    for name in views_of(evaluations):  # the client's first, then each other view apart
        seen = [e for e in evaluations if e.perspective == name]
        lines = tuple(SummaryEntry(evaluation_line(e)) for e in seen)
        title = t("actieplan.evaluations_from", name=name) if name else t("actieplan.evaluations")
        children.append(SummaryEntry(title, lines))
    return SummaryEntry(goal_title(number, goal), tuple(children))


def plan_section(atlas: Atlas, show_scores: bool) -> SummarySection | None:
    """The plan's part of the A4 summary (the atlas is already redacted for sharing)."""
    entries = [goal_entry(atlas, n, g) for n, g in enumerate(goals_in_order(atlas), 1)]
    next_line = next_evaluation_line(atlas)
    if next_line:
        entries.append(SummaryEntry(next_line))
    return SummarySection(t("summary.goals"), tuple(entries)) if entries else None
