"""The contactschema's part of the A4 summary: who the client is in contact with, and how often."""

from __future__ import annotations

from netwerkatlas.export.summary import SummaryEntry, SummarySection
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools.contactschema import VIEW
from netwerkatlas.tools.contactschema.rows import shown_rows
from netwerkatlas.tools.meeting.store import plan_of


def summary_part(atlas: Atlas, show_scores: bool) -> SummarySection | None:
    """None when there is no contactschema (the atlas is already redacted for sharing)."""
    if plan_of(atlas, VIEW) is None:
        return None
    entries = []
    for shown in shown_rows(atlas):
        details = ", ".join(p for p in (shown.relation, shown.frequency) if p)
        entries.append(SummaryEntry(f"{shown.name} ({details})" if details else shown.name))
    if not entries:
        entries.append(SummaryEntry(t("contactschema.no_rows")))
    return SummarySection(t("view.contactschema"), tuple(entries))
