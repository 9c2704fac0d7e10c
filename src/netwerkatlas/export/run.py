"""Export an atlas: check the choices, redact, draw, and write the file atomically.

`render` gives the bytes (the GUI previews and prints them); `export_atlas` writes them. Both
work without a display or Qt. Every problem becomes an `ExportError` with a message a user can
act on; nothing is written unless the whole file could be made.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netwerkatlas import io
from netwerkatlas.export.a4 import a4_pdf
from netwerkatlas.export.a4 import facts as a4_facts
from netwerkatlas.export.options import (
    TILE_PAPERS,
    ExportOptions,
    Format,
    Kind,
    parse_paper,
)
from netwerkatlas.export.pdf_output import poster_pdf, tiled_pdf
from netwerkatlas.export.poster import TitleBlock, readability_note
from netwerkatlas.export.privacy import redact
from netwerkatlas.export.raster import TooLarge, png_bytes
from netwerkatlas.export.summary import build_summary, summary_pdf, summary_text
from netwerkatlas.export.svg_output import poster_svg
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.render.drawing import ViewDrawing
from netwerkatlas.tools import registry


class ExportError(Exception):
    """An export that cannot be made; `str()` is the message for the user."""


@dataclass(frozen=True)
class Rendered:
    data: bytes
    format: Format
    pdf: bytes | None  # the PDF the pages come from (for preview and printing)
    note: str = ""  # what the user should know about the result (text too small on this paper)


def check(options: ExportOptions) -> None:
    """Raise ExportError for choices that cannot work together, before any drawing."""
    names = registry.export_names()
    if options.view not in names:
        raise ExportError(t("export.error.view", view=options.view, views=", ".join(names)))
    if parse_paper(options.paper) is None:
        raise ExportError(t("export.error.paper", paper=options.paper))
    if options.tiles is not None:
        if options.tiles not in TILE_PAPERS:
            raise ExportError(t("export.error.tiles", tiles=options.tiles))
        if options.format != Format.PDF or options.kind != Kind.POSTER:
            raise ExportError(t("export.error.tiles_pdf_only"))
    pages_only = registry.instrument(options.view).drawing is None
    if (options.kind == Kind.SUMMARY or pages_only) and options.format in (Format.PNG, Format.SVG):
        raise ExportError(t("export.error.summary_format"))
    if not 0 <= options.margin_mm <= 100:
        raise ExportError(t("export.error.margin"))
    if not 0 <= options.overlap_mm <= 50:
        raise ExportError(t("export.error.overlap"))
    if not 30 <= options.dpi <= 1200:
        raise ExportError(t("export.error.dpi"))


def _title_block(atlas: Atlas, drawing: ViewDrawing, options: ExportOptions) -> TitleBlock:
    client = atlas.client.shown_label or t("privacy.client")
    parts = [date.today().strftime("%d-%m-%Y"), options.session_label.strip(), "Netwerkatlas"]
    return TitleBlock(f"{drawing.view_title} — {client}", " · ".join(p for p in parts if p))


def _meta_title(atlas: Atlas, view_title: str, options: ExportOptions) -> str:
    """No personal data in the metadata, unless the user asked for the client's name."""
    if options.name_in_metadata and not options.privacy.hide_names:
        return f"{view_title} — {atlas.client.shown_label}"
    return t("pdf.meta_title", view=view_title)


def render(atlas: Atlas, options: ExportOptions) -> Rendered:
    """The exported file's bytes for `options` (checked first)."""
    check(options)
    instrument = registry.instrument(options.view)
    shared = redact(atlas, options.privacy)
    view_title = t(instrument.title_key)
    meta_title = _meta_title(shared, view_title, options)
    if instrument.compares:  # compares sessions: redacts them itself, see the registry
        if options.format == Format.TXT:
            text = registry.resolve(instrument.text)(atlas, options)
            return Rendered(text.encode("utf-8"), Format.TXT, None)
        pdf = a4_pdf(instrument.make_document(atlas, options), meta_title)
        return Rendered(pdf, Format.PDF, pdf)
    if options.kind == Kind.SUMMARY or options.format == Format.TXT:
        facts = a4_facts(shared, options)
        summary = build_summary(shared, view_title, facts, not options.privacy.hide_scores)
        if options.format == Format.TXT:
            return Rendered(summary_text(summary).encode("utf-8"), Format.TXT, None)
        pdf = summary_pdf(summary, meta_title)
        return Rendered(pdf, Format.PDF, pdf)
    if instrument.drawing is None:
        pdf = a4_pdf(instrument.make_document(shared, options), meta_title)
        return Rendered(pdf, Format.PDF, pdf)
    drawing = instrument.make_drawing(
        shared, not options.privacy.hide_scores, not options.privacy.hide_goals, options.other_views
    )
    title = _title_block(shared, drawing, options)
    if options.format == Format.SVG:
        return Rendered(poster_svg(drawing, title, options, meta_title), Format.SVG, None)
    if options.tiles:
        pdf = tiled_pdf(
            drawing,
            title,
            options.paper,
            options.landscape,
            options.margin_mm,
            options.tiles,
            options.overlap_mm,
            meta_title,
        )
        return Rendered(pdf, Format.PDF, pdf)
    pdf, _ = poster_pdf(
        drawing, title, options.paper, options.landscape, options.margin_mm, meta_title
    )
    note = readability_note(drawing, options.paper, options.landscape, options.margin_mm) or ""
    if options.format == Format.PNG:
        try:
            return Rendered(png_bytes(pdf, options.dpi), Format.PNG, pdf, note)
        except TooLarge as error:
            raise ExportError(
                t("export.error.too_large", megapixels=error.pixels // 1_000_000)
            ) from None
    return Rendered(pdf, Format.PDF, pdf, note)


def export_atlas(
    atlas: Atlas,
    out: str | os.PathLike[str],
    options: ExportOptions,
    notes: list[str] | None = None,
) -> Path:
    """Write the export to `out` (owner-only, atomically); returns the path written. What the
    user should know about the result (a poster whose text is too small) goes into `notes`."""
    rendered = render(atlas, options)
    if notes is not None and rendered.note:
        notes.append(rendered.note)
    data = rendered.data
    try:
        return io.write_atomic(out, data, keep_backup=False)
    except io.AtlasFileError as error:
        raise ExportError(error.render()) from None


def format_for(path: str | os.PathLike[str], default: Format = Format.PDF) -> Format:
    """The format a file name asks for by its extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return Format(suffix) if suffix in {f.value for f in Format} else default
