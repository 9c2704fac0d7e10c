"""The basisposter's line in the A4 summary: that it exists, with how many questions and when
the meeting is."""

from __future__ import annotations

from netwerkatlas.export.summary import SummaryEntry, SummarySection
from netwerkatlas.i18n import t, tn
from netwerkatlas.model import Atlas
from netwerkatlas.tools.basisposter import VIEW
from netwerkatlas.tools.basisposter.drawing import shown_date
from netwerkatlas.tools.meeting.store import body_of, plan_of


def summary_part(atlas: Atlas, show_scores: bool) -> SummarySection | None:
    """None when there is no basisposter yet."""
    if plan_of(atlas, VIEW) is None:
        return None
    body = body_of(atlas, VIEW)
    questions = tuple(SummaryEntry(q.strip()) for q in body.questions if q.strip())
    entries = [SummaryEntry(tn("basisposter.summary.questions", len(questions)), questions)]
    if body.meeting_date or body.place:
        when = " · ".join(p for p in (shown_date(body.meeting_date), body.place.strip()) if p)
        entries.append(SummaryEntry(t("basisposter.summary.meeting", when=when)))
    return SummarySection(t("view.basisposter"), tuple(entries))
