"""`netwerkatlas changes FILE [--from S] [--to S] [--format txt|pdf] [-o OUT]`: the change report.

By default the last session against now, as text on the screen (for the EPD) or as an A4 PDF.
The file is only read; a wrong session name says which sessions there are.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from netwerkatlas import io
from netwerkatlas.export.a4 import a4_pdf
from netwerkatlas.export.a4 import facts as a4_facts
from netwerkatlas.export.command import add_privacy_arguments, load_or_explain, privacy_from
from netwerkatlas.export.options import ExportOptions
from netwerkatlas.export.privacy import redact
from netwerkatlas.i18n import LANGUAGES, t
from netwerkatlas.passphrase import (
    add_passphrase_argument,
)
from netwerkatlas.tools.sessions.edits import ensure_intake
from netwerkatlas.tools.sessions.history import SessionNotFound
from netwerkatlas.tools.sessions.report import (
    between,
    private_changes,
    report_lines,
    report_story,
)
from netwerkatlas.validate import write_lines

TXT, PDF = "txt", "pdf"


def changes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netwerkatlas changes", description=t("cli.changes_description")
    )
    parser.add_argument("file", metavar=t("cli.metavar_file"), help=t("cli.export_file_help"))
    parser.add_argument(
        "--from", dest="start", metavar=t("cli.metavar_session"), help=t("cli.changes_from_help")
    )
    parser.add_argument(
        "--to", dest="end", metavar=t("cli.metavar_session"), help=t("cli.changes_to_help")
    )
    parser.add_argument("--format", choices=[TXT, PDF], help=t("cli.changes_format_help"))
    parser.add_argument(
        "-o", "--output", metavar=t("cli.metavar_out"), help=t("cli.changes_output_help")
    )
    add_privacy_arguments(parser)
    add_passphrase_argument(parser, "cli.passphrase_file_help")
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))
    return parser


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    return PDF if args.output and args.output.lower().endswith(".pdf") else TXT


def run_changes(argv: Sequence[str]) -> int:
    """Exit code 0 when the report was made, 1 for a bad file, an unknown session or a report
    that cannot be written; 2 for wrong arguments (argparse)."""
    parser = changes_parser()
    args = parser.parse_args(argv)
    fmt = _format(args)
    if fmt == PDF and not args.output:
        parser.error(t("cli.changes_pdf_needs_output"))
    atlas = load_or_explain(args)
    if atlas is None:
        return 1
    ensure_intake(atlas)
    try:
        before, after, labels = between(atlas, args.start, args.end)
    except SessionNotFound as error:
        write_lines([str(error)], sys.stderr)
        return 1
    privacy = privacy_from(args)
    changes = private_changes(before, after, privacy)
    if fmt == TXT:
        data = ("\n".join(report_lines(changes, *labels)) + "\n").encode("utf-8")
    else:
        options = ExportOptions(privacy=privacy)
        facts = a4_facts(redact(after, privacy), options)
        data = a4_pdf(
            report_story(changes, *labels, facts), t("pdf.meta_title", view=t("view.changes"))
        )
    if not args.output:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        written = io.write_atomic(args.output, data, keep_backup=False)
    except io.AtlasFileError as error:
        write_lines([error.render()], sys.stderr)
        return 1
    write_lines([t("cli.exported", path=written)])
    return 0
