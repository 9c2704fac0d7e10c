"""The steungroep's part of the A4 summary: that there is a plan, who is in it, the next meeting."""

from __future__ import annotations

import datetime as dt

from netwerkatlas.export.summary import SummaryEntry, SummarySection
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools.meeting.people import ref_name
from netwerkatlas.tools.meeting.store import plan_of
from netwerkatlas.tools.plan.summary import shown_date
from netwerkatlas.tools.steungroep import VIEW
from netwerkatlas.tools.steungroep.agenda import meetings_in_order, next_meeting
from netwerkatlas.tools.steungroep.edits import body


def member_line(atlas: Atlas) -> str:
    """ "Leden: Moeder (voorzitter), Fleur" – names with their role in the group."""
    parts = []
    for ref in body(atlas).members:
        name = ref_name(atlas, ref) or t("steungroep.no_name")
        parts.append(f"{name} ({ref.role})" if ref.role else name)
    return t("steungroep.members_line", members=", ".join(parts)) if parts else ""


def summary_part(
    atlas: Atlas, show_scores: bool, today: dt.date | None = None
) -> SummarySection | None:
    """None when there is no steungroep plan; the atlas is already redacted for sharing."""
    if plan_of(atlas, VIEW) is None:
        return None
    plan = body(atlas)
    entries = [SummaryEntry(line) for line in (member_line(atlas),) if line]
    if not plan.members:
        entries.append(SummaryEntry(t("steungroep.no_members")))
    coming = next_meeting(plan, (today or dt.date.today()).isoformat())
    if coming is not None:
        entries.append(SummaryEntry(t("steungroep.next_meeting", date=shown_date(coming.date))))
    held = [m for m in meetings_in_order(plan) if m.date and m is not coming]
    if held:
        dates = ", ".join(shown_date(m.date) for m in held)
        entries.append(SummaryEntry(t("steungroep.meetings_line", dates=dates)))
    return SummarySection(t("view.steungroep"), tuple(entries))
