"""The netwerkintake's part of the A4 summary: the links drawn between bollen."""

from __future__ import annotations

from netwerkatlas.export.summary import SummaryEntry, SummarySection
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, EdgeKind
from netwerkatlas.model.records import Direction

ARROWS = {Direction.NONE: "—", Direction.FORWARD: "→", Direction.BACKWARD: "←", Direction.BOTH: "↔"}


def links_section(atlas: Atlas, show_scores: bool) -> SummarySection | None:
    """Who influences whom, with the note on the link."""
    entries = []
    for edge in atlas.edges(EdgeKind.INFLUENCE):
        source, target = atlas.node(edge.source), atlas.node(edge.target)
        text = f"{source.shown_label} {ARROWS[edge.direction]} {target.shown_label}"
        entries.append(SummaryEntry(text + (f": {edge.note}" if edge.note else "")))
    return SummarySection(t("summary.links"), tuple(entries)) if entries else None
