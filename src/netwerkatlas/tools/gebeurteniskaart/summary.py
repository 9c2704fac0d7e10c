"""The gebeurteniskaart's part of the A4 summary: the events in time order, in words.

Each line says when (as people say it), what, and the score; the people involved go under it.
The atlas is already redacted, so hidden names are initials here too and private events are gone.
"""

from __future__ import annotations

from netwerkatlas.export.summary import SummaryEntry, SummarySection
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools.gebeurteniskaart import dates, people


def summary_part(atlas: Atlas, show_scores: bool) -> SummarySection | None:
    """The events with their time, score and people; None when the atlas has no events."""
    birth_year = atlas.client.birth_year
    entries = []
    for event in dates.in_time_order(atlas):
        when = dates.describe(event, birth_year) or t("timeline.undated")
        text = f"{when}: {event.shown_label}"
        if event.emphasis:
            text += " !"
        if event.private:
            text += f" ({t('summary.private')})"
        if show_scores and event.score is not None:
            text += f" ({score_symbol(event.score)} {t(f'score.{event.score}')})"
        names = [atlas.node(p).shown_label for p in people.involved(atlas, event.id)]
        children = (SummaryEntry(t("summary.timeline.people", names=", ".join(names))),)
        entries.append(SummaryEntry(text, children if names else ()))
    return SummarySection(t("summary.timeline"), tuple(entries)) if entries else None
