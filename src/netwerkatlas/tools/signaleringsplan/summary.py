"""The signaleringsplan's part of the A4 summary: that there is one, when and by whom it was
agreed, its phases with their signals and the crisis contacts."""

from __future__ import annotations

from netwerkatlas.export.summary import SummaryEntry, SummarySection
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import read_body
from netwerkatlas.tools.meeting.people import ref_phone
from netwerkatlas.tools.meeting.store import plan_of
from netwerkatlas.tools.signaleringsplan import VIEW
from netwerkatlas.tools.signaleringsplan.document import agreed_line
from netwerkatlas.tools.signaleringsplan.words import (
    action_words,
    colour_word,
    phase_heading,
    section_title,
    who_words,
)


def summary_part(atlas: Atlas, show_scores: bool) -> SummarySection | None:
    """None when the atlas has no signaleringsplan (the atlas is already redacted)."""
    plan = plan_of(atlas, VIEW)
    if plan is None:
        return None
    body = read_body(plan)
    entries = [SummaryEntry(agreed_line(atlas, body))]
    for number, phase in enumerate(body.phases):
        lists = {
            "signals": [s for s in phase.signals if s.strip()],
            "i_do": [s for s in phase.i_do if s.strip()],
            "close_ones_do": [action_words(atlas, a, False) for a in phase.close_ones_do],
            "professionals_do": [action_words(atlas, a, False) for a in phase.professionals_do],
        }
        children = tuple(
            SummaryEntry(f"{section_title(section)}: {'; '.join(texts)}")
            for section, texts in lists.items()
            if texts
        )
        heading = f"{phase_heading(number, phase)} ({colour_word(phase.colour)})"
        entries.append(SummaryEntry(heading, children))
    if body.crisis_contacts:
        contacts = []
        for ref in body.crisis_contacts:
            phone = ref_phone(atlas, ref)
            contacts.append(SummaryEntry(who_words(atlas, ref) + (f", {phone}" if phone else "")))
        entries.append(SummaryEntry(t("signaleringsplan.crisis_contacts"), tuple(contacts)))
    return SummarySection(t("view.signaleringsplan"), tuple(entries))
