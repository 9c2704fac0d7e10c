"""The contactschema on A4: one table of the client's contacts, every cell wrapping inside its
column so no text runs over the margins. The export gives the atlas already redacted."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from netwerkatlas.export.a4 import INK, MUTED, facts, paragraph, styles
from netwerkatlas.export.options import ExportOptions
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.render.fonts import BOLD
from netwerkatlas.tools.contactschema import VIEW
from netwerkatlas.tools.contactschema.rows import how_line, initiative_word, shown_rows
from netwerkatlas.tools.meeting.store import plan_of

# who, relation, how often, how, initiative, what it brings: 174 mm, A4 less the margins
WIDTHS = [32 * mm, 26 * mm, 26 * mm, 28 * mm, 20 * mm, 42 * mm]
COLUMN_KEYS = ("who", "relation", "frequency", "how", "initiative", "brings")


def table_rows(atlas: Atlas) -> list[list[str]]:
    """The header, then one row of texts per contact in the schema's order."""
    rows = [[t(f"contactschema.col.{key}") for key in COLUMN_KEYS]]
    for shown in shown_rows(atlas):
        row = shown.row
        initiative = initiative_word(row.initiative) if row.initiative else ""
        rows.append(
            [shown.name, shown.relation, shown.frequency, how_line(row), initiative, row.brings]
        )
    return rows


def story(atlas: Atlas, options: ExportOptions) -> list[Flowable]:
    s = styles()
    client = atlas.client.shown_label
    title = t("contactschema.title", client=client) if client else t("contactschema.title_plain")
    shown = [t("view.contactschema"), *(f"{n}: {v}" for n, v in facts(atlas, options) if v)]
    story: list[Flowable] = [
        paragraph(title, s["title"]),
        paragraph("   ·   ".join(shown), s["muted"]),
        Spacer(1, 5 * mm),
    ]
    if plan_of(atlas, VIEW) is None or len(table_rows(atlas)) == 1:
        return [*story, paragraph(t("contactschema.empty"), s["body"])]
    cell = ParagraphStyle("cell", parent=s["body"], fontSize=9, leading=11.5)
    head = ParagraphStyle("head", parent=cell, fontName=BOLD)
    cells = [
        [paragraph(text, head if r == 0 or c == 0 else cell) for c, text in enumerate(row)]
        for r, row in enumerate(table_rows(atlas))
    ]
    table = Table(cells, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, MUTED),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [*story, table]
