"""The signaleringsplan on A4, to hand to the client and the naasten at the table.

Each phase is a coloured band (green, orange, red) that carries its number and name in words,
so a black-and-white copy reads the same; under it the signals, what I do, what my naasten do
(with their phone number, to reach them) and what the professionals do. Then the crisis
contacts as a table and who agreed to the plan and when. The atlas is already redacted for the
export's privacy choices (masked names, no phone numbers when names are hidden).
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from netwerkatlas.export.a4 import INK, MUTED, facts, paragraph, styles
from netwerkatlas.export.options import ExportOptions
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import SignalPhase, SignalPlanBody
from netwerkatlas.render.fonts import BOLD
from netwerkatlas.tools.meeting.people import ref_name, ref_phone
from netwerkatlas.tools.plan.summary import shown_date
from netwerkatlas.tools.signaleringsplan.edits import current
from netwerkatlas.tools.signaleringsplan.words import (
    action_words,
    colour_word,
    phase_heading,
    section_title,
    who_words,
)

TEXT_WIDTH = 174 * mm  # A4 less the 18 mm margins
STRIP = 7 * mm  # the saturated edge of a band
# the band's edge and its light fill: dark enough to tell apart, light enough for black text
BANDS = {
    "green": (HexColor("#2e7d32"), HexColor("#e3f1e4")),
    "orange": (HexColor("#e07000"), HexColor("#fdebd3")),
    "red": (HexColor("#c62828"), HexColor("#f9dede")),
}


def _styles() -> dict[str, ParagraphStyle]:
    """The summary's styles a size larger: read across a table, by people without glasses."""
    s = styles()
    body = ParagraphStyle("sp_body", parent=s["body"], fontSize=10.5, leading=14)
    return {
        **s,
        "body": body,
        "item": ParagraphStyle("sp_item", parent=body, leftIndent=5 * mm, bulletIndent=1 * mm),
        "label": ParagraphStyle(
            "sp_label", parent=body, fontName=BOLD, fontSize=10, spaceBefore=5, spaceAfter=1
        ),
        "band": ParagraphStyle("sp_band", parent=body, fontName=BOLD, fontSize=13, leading=16),
        "band_note": ParagraphStyle("sp_note", parent=s["muted"], fontSize=9, alignment=2),
        "none": ParagraphStyle("sp_none", parent=s["muted"], fontSize=9.5, leftIndent=5 * mm),
    }


def _band(number: int, phase: SignalPhase, s: dict[str, ParagraphStyle]) -> Table:
    edge, fill = BANDS.get(phase.colour, BANDS["green"])
    cells = [
        [
            "",
            paragraph(phase_heading(number, phase), s["band"]),
            paragraph(colour_word(phase.colour), s["band_note"]),
        ]
    ]
    band = Table(cells, colWidths=[STRIP, TEXT_WIDTH - STRIP - 30 * mm, 30 * mm])
    band.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (0, 0), edge),
                ("BACKGROUND", (1, 0), (-1, 0), fill),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (1, 0), (1, 0), 8),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, edge),
            ]
        )
    )
    return band


def _items(texts: list[str], s: dict[str, ParagraphStyle]) -> list[Flowable]:
    texts = [text.strip() for text in texts if text.strip()]
    if not texts:
        return [paragraph(t("signaleringsplan.nothing_yet"), s["none"])]
    return [paragraph(text, s["item"]) for text in texts]


def _bullet(flowables: list[Flowable]) -> list[Flowable]:
    for each in flowables:
        if getattr(each, "style", None) is not None and each.style.name == "sp_item":
            each.bulletText = "•"
    return flowables


def phase_part(atlas: Atlas, number: int, phase: SignalPhase, with_phone: bool) -> list:
    """One phase: its band, then the four lists in the method's order."""
    s = _styles()
    lists = {
        "signals": phase.signals,
        "i_do": phase.i_do,
        "close_ones_do": [action_words(atlas, a, with_phone) for a in phase.close_ones_do],
        "professionals_do": [action_words(atlas, a, False) for a in phase.professionals_do],
    }
    # only what was agreed: an empty list on paper is a form, not a plan
    blocks = [
        [paragraph(section_title(section), s["label"]), *_bullet(_items(texts, s))]
        for section, texts in lists.items()
        if any(text.strip() for text in texts)
    ] or [[paragraph(t("signaleringsplan.nothing_yet"), s["none"])]]
    # the band never stands alone at the foot of a page: it keeps its first list with it
    blocks[0] = [_band(number, phase, s), Spacer(1, 1 * mm), *blocks[0]]
    return [*(KeepTogether(block) for block in blocks), Spacer(1, 5 * mm)]


def _contacts(atlas: Atlas, body: SignalPlanBody, with_phone: bool) -> list[Flowable]:
    s = _styles()
    title = paragraph(t("signaleringsplan.crisis_contacts"), s["h2"])
    if not body.crisis_contacts:
        return [KeepTogether([title, paragraph(t("signaleringsplan.nothing_yet"), s["none"])])]
    header = [
        t("signaleringsplan.col_name"),
        t("signaleringsplan.col_role"),
        t("signaleringsplan.col_phone"),
    ]
    rows = [header] + [
        [
            paragraph(ref_name(atlas, ref) or t("signaleringsplan.someone"), s["body"]),
            paragraph(ref.role, s["body"]),
            paragraph(ref_phone(atlas, ref) if with_phone else "", s["body"]),
        ]
        for ref in body.crisis_contacts
    ]
    table = Table(rows, colWidths=[70 * mm, 60 * mm, 44 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), BOLD, 10, 13),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, MUTED),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [title, table]


def agreed_line(atlas: Atlas, body: SignalPlanBody) -> str:
    """Who agreed to the plan and when, in one sentence (or that it is not agreed yet)."""
    names = ", ".join(who_words(atlas, ref) for ref in body.agreed_by)
    when = shown_date(body.agreed_on) if body.agreed_on else ""
    if names and when:
        return t("signaleringsplan.agreed_by_on", names=names, date=when)
    if names:
        return t("signaleringsplan.agreed_by", names=names)
    if when:
        return t("signaleringsplan.agreed_on", date=when)
    return t("signaleringsplan.not_agreed")


def story(atlas: Atlas, options: ExportOptions) -> list[Flowable]:
    """The signaleringsplan's A4 story: title, each phase in order, contacts, agreement."""
    s = _styles()
    body = current(atlas)
    with_phone = not options.privacy.hide_names
    client = atlas.client.shown_label
    title = t("signaleringsplan.title", client=client) if client else t("view.signaleringsplan")
    shown = [t("view.signaleringsplan"), *(f"{n}: {v}" for n, v in facts(atlas, options) if v)]
    out: list[Flowable] = [
        paragraph(title, s["title"]),
        paragraph("   ·   ".join(shown), s["muted"]),
        Spacer(1, 5 * mm),
    ]
    if not body.phases:
        out.append(paragraph(t("signaleringsplan.no_phases"), s["body"]))
    for number, phase in enumerate(body.phases):
        out += phase_part(atlas, number, phase, with_phone)
    out += _contacts(atlas, body, with_phone)
    agreed = paragraph(agreed_line(atlas, body), s["body"])
    out += [
        Spacer(1, 6 * mm),
        KeepTogether([paragraph(t("signaleringsplan.agreement"), s["h2"]), agreed]),
    ]
    return out
