"""The A4 summary for the patient record (EPD): what was drawn, in words.

One content builder feeds two outputs: a clean PDF and plain text to paste into an EPD field,
so both always say the same.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from netwerkatlas.export.a4 import INK, MUTED, a4_pdf, paragraph, styles
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, NodeKind
from netwerkatlas.render.fonts import BOLD
from netwerkatlas.render.style import score_symbol
from netwerkatlas.tools import registry

KIND_ORDER = (NodeKind.CLIENT, NodeKind.THEME, NodeKind.PERSON, NodeKind.EVENT)


@dataclass(frozen=True)
class SummaryEntry:
    """One line of a section, with the lines that belong under it (indented one step each)."""

    text: str
    children: tuple[SummaryEntry, ...] = ()


@dataclass(frozen=True)
class SummarySection:
    """An instrument's part of the summary: a heading and its entries."""

    title: str
    entries: tuple[SummaryEntry, ...]


@dataclass
class Summary:
    title: str
    facts: list[tuple[str, str]]
    show_scores: bool
    items: list[tuple[str, str, str, str]] = field(default_factory=list)  # label, kind, score, note
    sections: list[SummarySection] = field(default_factory=list)


def _score_words(score: int | None) -> str:
    return "" if score is None else f"{score_symbol(score)} {t(f'score.{score}')}"


def build_summary(
    atlas: Atlas, view_title: str, facts: list[tuple[str, str]], show_scores: bool
) -> Summary:
    """What the summary says, from an atlas that has already been redacted for sharing: the
    bollen, then each instrument's section in tab order."""
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
    parts = [each.summary_section(atlas, show_scores) for each in registry.INSTRUMENTS]
    summary.sections = [part for part in parts if part is not None and part.entries]
    return summary


# --- plain text ------------------------------------------------------------------------------


TEXT_WIDTH = 100  # an EPD field shows this without its own wrapping breaking lines oddly


def _wrapped(text: str, indent: str = "", mark: str = "") -> list[str]:
    """`text` as lines of at most TEXT_WIDTH characters: no tabs or underlines, only a
    hyphen as bullet and spaces to indent, so it pastes cleanly into an EPD field."""
    first = f"{indent}{mark} " if mark else indent
    return textwrap.wrap(
        " ".join(text.split()),
        width=TEXT_WIDTH,
        initial_indent=first,
        subsequent_indent=" " * len(first),
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _entry_lines(entry: SummaryEntry, level: int = 0) -> list[str]:
    lines = _wrapped(entry.text, "  " * level, "-")
    for child in entry.children:
        lines += _entry_lines(child, level + 1)
    return lines


def summary_text(summary: Summary) -> str:
    out = _wrapped(summary.title)
    out += [line for name, value in summary.facts if value for line in _wrapped(f"{name}: {value}")]
    out += ["", *_wrapped(t("summary.items"))]
    for label, kind, score, note in summary.items:
        out += _wrapped(f"{label} ({kind})" + (f": {score}" if score else ""), mark="-")
        out += [w for line in note.splitlines() if line.strip() for w in _wrapped(line, "    ")]
    for section in summary.sections:
        out += ["", *_wrapped(section.title)]
        for entry in section.entries:
            out += _entry_lines(entry)
    return "\n".join(line for line in out if line.strip() or not line) + "\n"


# --- PDF ---------------------------------------------------------------------------------------


def _entry_story(entry: SummaryEntry, s: dict[str, ParagraphStyle], level: int = 0) -> list:
    if level == 0:
        story: list = [paragraph(entry.text, s["body"])]
    else:
        style = ParagraphStyle(f"level{level}", parent=s["small"], leftIndent=4 * mm * level)
        story = [paragraph(f"• {entry.text}", style)]
    for child in entry.children:
        story += _entry_story(child, s, level + 1)
    if level == 0 and entry.children:
        story.append(Spacer(1, 2 * mm))
    return story


def summary_pdf(summary: Summary, meta_title: str) -> bytes:
    s = styles()
    story: list = [paragraph(summary.title, s["title"])]
    facts = "   ·   ".join(f"{name}: {value}" for name, value in summary.facts if value)
    story += [
        paragraph(facts, s["muted"]),
        Spacer(1, 4 * mm),
        paragraph(t("summary.items"), s["h2"]),
    ]
    header = [t("summary.col_item"), t("summary.col_kind")]
    header += [t("summary.col_score")] if summary.show_scores else []
    header += [t("summary.col_note")]
    rows = [[paragraph(h, s["small"]) for h in header]]
    for label, kind, score, note in summary.items:
        cells = [label, kind] + ([score] if summary.show_scores else []) + [note]
        rows.append([paragraph(c, s["small"]) for c in cells])
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
    for section in summary.sections:
        story.append(paragraph(section.title, s["h2"]))
        for entry in section.entries:
            story += _entry_story(entry, s)
    return a4_pdf(story, meta_title)
