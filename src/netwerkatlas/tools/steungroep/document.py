"""The steungroep on A4: the plan on its first page, then each meeting's agenda on a page of
its own, so one agenda can be handed round at its meeting.

The export gives an atlas already redacted for the privacy options (names masked, typed names
in the plan too); phone numbers are left out here when names are hidden.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from netwerkatlas.export.a4 import INK, MUTED, facts, paragraph, styles
from netwerkatlas.export.options import ExportOptions
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import PersonRef, SupportMeeting
from netwerkatlas.render.fonts import BOLD, REGULAR
from netwerkatlas.tools.meeting.people import ref_name
from netwerkatlas.tools.meeting.privacy import shown_phone
from netwerkatlas.tools.meeting.store import plan_of
from netwerkatlas.tools.plan.order import goals_in_order
from netwerkatlas.tools.plan.summary import action_line, goal_title, shown_date
from netwerkatlas.tools.steungroep import VIEW
from netwerkatlas.tools.steungroep.agenda import agenda_goals, meetings_in_order
from netwerkatlas.tools.steungroep.edits import body
from netwerkatlas.tools.steungroep.words import channels_line, question

TEXT_WIDTH = 174 * mm  # A4 less the 18 mm margins
NOTE_SPACE = 28 * mm  # room to write by hand under an empty heading


def long_date(iso: str) -> str:
    """ "12 maart 2026", for a title people read across the table; "" for no date."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {t(f'date.month.{day.month}')} {day.year}"


def _h3(base: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=7)


def _table(rows: list[list[str]], widths: list[float], header: bool) -> Table:
    """Every cell a paragraph, so long text wraps inside its column."""
    s = styles()
    bold = ParagraphStyle("cell_bold", parent=s["body"], fontName=BOLD)
    cells = [
        [
            paragraph(text, bold if (header and r == 0) or (not header and c == 0) else s["body"])
            for c, text in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9.5, 12.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, MUTED),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, INK))
    table.setStyle(TableStyle(commands))
    return table


def _name(atlas: Atlas, ref: PersonRef | None) -> str:
    return ref_name(atlas, ref) if ref is not None else ""


def _facts_line(atlas: Atlas, options: ExportOptions) -> str:
    shown = [t("view.steungroep"), *(f"{n}: {v}" for n, v in facts(atlas, options) if v)]
    return "   ·   ".join(shown)


def _title(atlas: Atlas) -> str:
    client = atlas.client.shown_label
    return t("steungroep.title", client=client) if client else t("steungroep.title_plain")


def plan_page(atlas: Atlas, options: ExportOptions) -> list[Flowable]:
    """The group itself: members, chair and minute-taker, when and where, how it keeps in
    touch, what stays within the group, and the meetings' dates."""
    s = styles()
    h3 = _h3(s["body"])
    plan = body(atlas)
    story: list[Flowable] = [
        paragraph(_title(atlas), s["title"]),
        paragraph(_facts_line(atlas, options), s["muted"]),
        Spacer(1, 4 * mm),
    ]
    if plan_of(atlas, VIEW) is None:
        return [*story, paragraph(t("steungroep.empty"), s["body"])]
    story.append(paragraph(t("steungroep.members"), h3))
    if plan.members:
        phones = [shown_phone(atlas, ref, options) for ref in plan.members]
        with_phone = any(phones)
        header = [t("steungroep.col_name"), t("steungroep.col_role")]
        widths = [70 * mm, 104 * mm]
        if with_phone:
            header.append(t("steungroep.col_phone"))
            widths = [62 * mm, 72 * mm, 40 * mm]
        rows = [header]
        for ref, phone in zip(plan.members, phones, strict=True):
            row = [_name(atlas, ref) or t("steungroep.no_name"), ref.role]
            rows.append([*row, phone] if with_phone else row)
        story.append(_table(rows, widths, header=True))
    else:
        story.append(paragraph(t("steungroep.no_members"), s["muted"]))
    agreements = [
        (t("steungroep.chair"), _name(atlas, plan.chair)),
        (t("steungroep.minute_taker"), _name(atlas, plan.minute_taker)),
        (t("steungroep.frequency"), plan.frequency),
        (t("steungroep.time_and_place"), plan.time_and_place),
        (t("steungroep.channels"), channels_line(list(plan.channels))),
        (t("steungroep.confidentiality"), plan.confidentiality),
    ]
    shown = [[label, value] for label, value in agreements if value]
    if shown:
        story += [
            paragraph(t("steungroep.agreements"), h3),
            _table(shown, [48 * mm, 126 * mm], header=False),
        ]
    meetings = meetings_in_order(plan)
    if meetings:
        dates = ", ".join(shown_date(m.date) or t("steungroep.no_date") for m in meetings)
        story += [paragraph(t("steungroep.meetings"), h3), paragraph(dates, s["body"])]
    return story


def agenda_page(atlas: Atlas, options: ExportOptions, meeting: SupportMeeting) -> list[Flowable]:
    """One meeting's agenda: how are the members, then each goal with the method's three
    questions and what the Plan already has for them, then minutes and decisions."""
    s = styles()
    h3 = _h3(s["body"])
    plan = body(atlas)
    date = long_date(meeting.date) or t("steungroep.no_date")
    story: list[Flowable] = [
        paragraph(t("steungroep.agenda_title", date=date), s["title"]),
        paragraph(_facts_line(atlas, options), s["muted"]),
    ]
    roles = [
        (t("steungroep.chair"), _name(atlas, plan.chair)),
        (t("steungroep.minute_taker"), _name(atlas, plan.minute_taker)),
        (t("steungroep.time_and_place"), plan.time_and_place),
    ]
    line = "   ·   ".join(f"{label}: {value}" for label, value in roles if value)
    if line:
        story.append(paragraph(line, s["body"]))
    story.append(paragraph(f"1. {t('steungroep.how_are_members')}", s["h2"]))
    if meeting.how_are_members:
        story.append(paragraph(meeting.how_are_members, s["body"]))
    numbers = {g.id: n for n, g in enumerate(goals_in_order(atlas), 1)}
    for item, point in enumerate(agenda_goals(atlas, meeting), 2):
        story.append(
            paragraph(f"{item}. {goal_title(numbers[point.goal.id], point.goal)}", s["h2"])
        )
        for actor, actions in point.groups.items():
            lines = [paragraph(f"•  {action_line(atlas, a)}", s["body"]) for a in actions]
            if not lines:
                lines = [paragraph(t("steungroep.nothing_yet"), s["muted"])]
            story.append(KeepTogether([paragraph(question(actor, atlas), h3), *lines]))
    story.append(paragraph(t("steungroep.minutes"), s["h2"]))
    story.append(
        paragraph(meeting.minutes, s["body"]) if meeting.minutes else Spacer(1, NOTE_SPACE)
    )
    story.append(paragraph(t("steungroep.decisions"), s["h2"]))
    if meeting.decisions:
        story += [paragraph(f"•  {decision}", s["body"]) for decision in meeting.decisions]
    else:
        story.append(Spacer(1, NOTE_SPACE))
    return story


def meeting_agenda(atlas: Atlas, options: ExportOptions, meeting_id: str) -> list[Flowable]:
    """Only the agenda of one meeting (the tab's "Agenda afdrukken…")."""
    meeting = next(m for m in body(atlas).meetings if m.id == meeting_id)
    return agenda_page(atlas, options, meeting)


def story(atlas: Atlas, options: ExportOptions) -> list[Flowable]:
    """The plan, then one agenda page per meeting in date order."""
    pages = plan_page(atlas, options)
    for meeting in meetings_in_order(body(atlas)):
        pages += [PageBreak(), *agenda_page(atlas, options, meeting)]
    return pages
