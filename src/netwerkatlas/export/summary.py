"""The A4 summary for the patient record (EPD): what was drawn, in words.

One content builder feeds two outputs: a clean PDF and plain text to paste into an EPD field,
so both always say the same.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from netwerkatlas import __version__
from netwerkatlas.export.options import page_size_pt
from netwerkatlas.i18n import t
from netwerkatlas.model import ACTIONS, GOALS, Atlas, EdgeKind, NodeKind
from netwerkatlas.model.records import Direction
from netwerkatlas.render.fonts import BOLD, REGULAR, register_fonts
from netwerkatlas.render.style import INK as INK_HEX
from netwerkatlas.render.style import MUTED as MUTED_HEX
from netwerkatlas.render.style import score_symbol

ARROWS = {Direction.NONE: "—", Direction.FORWARD: "→", Direction.BACKWARD: "←", Direction.BOTH: "↔"}
INK, MUTED = HexColor(INK_HEX), HexColor(MUTED_HEX)
KIND_ORDER = (NodeKind.CLIENT, NodeKind.THEME, NodeKind.PERSON, NodeKind.EVENT)


@dataclass
class Summary:
    title: str
    facts: list[tuple[str, str]]
    show_scores: bool
    items: list[tuple[str, str, str, str]] = field(default_factory=list)  # label, kind, score, note
    links: list[tuple[str, str]] = field(default_factory=list)  # "A → B", note
    goals: list[tuple[str, list[str]]] = field(default_factory=list)  # goal, action lines


def _score_words(score: int | None) -> str:
    return "" if score is None else f"{score_symbol(score)} {t(f'score.{score}')}"


def build_summary(
    atlas: Atlas, view_title: str, facts: list[tuple[str, str]], show_scores: bool
) -> Summary:
    """What the summary says, from an atlas that has already been redacted for sharing."""
    summary = Summary(t("summary.title", view=view_title), facts, show_scores)
    nodes = sorted(
        (n for n in atlas.nodes() if n.kind != NodeKind.CLIENT),
        key=lambda n: (
            KIND_ORDER.index(n.kind),
            -(n.score if n.score is not None else -3),
            n.shown_label.casefold(),
        ),
    )
    for node in nodes:
        label = node.shown_label + (" !" if node.emphasis else "")
        if node.private:
            label += f" ({t('summary.private')})"
        summary.items.append(
            (
                label,
                t(f"kind.{node.kind}"),
                _score_words(node.score) if show_scores else "",
                node.note,
            )
        )
    for edge in atlas.edges(EdgeKind.INFLUENCE):
        source, target = atlas.node(edge.source), atlas.node(edge.target)
        arrow = ARROWS[edge.direction]
        summary.links.append((f"{source.shown_label} {arrow} {target.shown_label}", edge.note))
    actions = atlas.items(ACTIONS)
    for goal in atlas.items(GOALS):
        heading = f"{goal.text} ({t(f'summary.horizon.{goal.horizon}')})"
        lines = []
        for action in (a for a in actions if a.goal_id == goal.id):
            who = action.who or t(f"summary.actor.{action.actor}")
            when = f" ({action.when})" if action.when else ""
            done = " ✓" if action.done else ""
            lines.append(f"{who}: {action.what}{when}{done}")
        summary.goals.append((heading, lines))
    return summary


# --- plain text ------------------------------------------------------------------------------


def summary_text(summary: Summary) -> str:
    out = [summary.title, "=" * len(summary.title)]
    out += [f"{name}: {value}" for name, value in summary.facts if value]
    out += ["", t("summary.items"), "-" * len(t("summary.items"))]
    for label, kind, score, note in summary.items:
        head = f"- {label} ({kind})" + (f": {score}" if score else "")
        out.append(head)
        out += [f"    {line}" for line in note.splitlines() if line.strip()]
    if summary.links:
        out += ["", t("summary.links"), "-" * len(t("summary.links"))]
        for text, note in summary.links:
            out.append(f"- {text}" + (f": {note}" if note else ""))
    if summary.goals:
        out += ["", t("summary.goals"), "-" * len(t("summary.goals"))]
        for goal, actions in summary.goals:
            out.append(f"- {goal}")
            out += [f"    • {line}" for line in actions]
    return "\n".join(out) + "\n"


# --- PDF ---------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=16, leading=20, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, textColor=MUTED),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def summary_pdf(summary: Summary, meta_title: str) -> bytes:
    s = _styles()
    story: list = [_p(summary.title, s["title"])]
    facts = "   ·   ".join(f"{name}: {value}" for name, value in summary.facts if value)
    story += [_p(facts, s["muted"]), Spacer(1, 4 * mm), _p(t("summary.items"), s["h2"])]
    header = [t("summary.col_item"), t("summary.col_kind")]
    header += [t("summary.col_score")] if summary.show_scores else []
    header += [t("summary.col_note")]
    rows = [[_p(h, s["small"]) for h in header]]
    for label, kind, score, note in summary.items:
        cells = [label, kind] + ([score] if summary.show_scores else []) + [note]
        rows.append([_p(c, s["small"]) for c in cells])
    widths = [40 * mm, 21 * mm] + ([33 * mm] if summary.show_scores else []) + [None]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, MUTED),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story.append(table)
    if summary.links:
        story.append(_p(t("summary.links"), s["h2"]))
        for text, note in summary.links:
            story.append(_p(f"{text}" + (f": {note}" if note else ""), s["body"]))
    if summary.goals:
        story.append(_p(t("summary.goals"), s["h2"]))
        for goal, actions in summary.goals:
            story.append(_p(goal, s["body"]))
            story += [_p(f"    • {line}", s["small"]) for line in actions]
            story.append(Spacer(1, 2 * mm))

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(18 * mm, 10 * mm, f"Netwerkatlas {__version__}")
        canvas.drawRightString(
            doc.pagesize[0] - 18 * mm, 10 * mm, t("summary.page", number=doc.page)
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=page_size_pt("A4", False),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=meta_title,
        author="",
        subject="",
        creator=f"Netwerkatlas {__version__}",
        keywords="",
    )
    document.build(
        story,
        onFirstPage=footer,
        onLaterPages=footer,
        canvasmaker=partial(Canvas, initialFontName=REGULAR),
    )
    return buffer.getvalue()
