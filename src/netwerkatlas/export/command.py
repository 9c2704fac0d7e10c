"""`netwerkatlas export FILE -o OUT ...`: export without a display, Qt or QApplication."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from netwerkatlas import io
from netwerkatlas.export.options import (
    PAPER_MM,
    ExportOptions,
    Format,
    Kind,
    NameStyle,
    Privacy,
)
from netwerkatlas.export.run import ExportError, export_atlas, format_for
from netwerkatlas.i18n import LANGUAGES, t
from netwerkatlas.model import Atlas
from netwerkatlas.passphrase import (
    PassphraseSource,
    PassphraseUnavailable,
    add_passphrase_argument,
    load_atlas,
)
from netwerkatlas.tools import registry
from netwerkatlas.tools.sessions.history import SessionNotFound
from netwerkatlas.validate import write_lines


def add_privacy_arguments(parser: argparse.ArgumentParser) -> None:
    """--hide-names, --names, --hide-private, --hide-scores: the same for every command that
    writes something that may leave the room (export, changes)."""
    parser.add_argument("--hide-names", action="store_true", help=t("cli.export_hide_names_help"))
    parser.add_argument(
        "--names",
        choices=[s.value for s in NameStyle],
        default=NameStyle.INITIALS.value,
        help=t("cli.export_names_help"),
    )
    parser.add_argument(
        "--hide-private", action="store_true", help=t("cli.export_hide_private_help")
    )
    parser.add_argument("--hide-scores", action="store_true", help=t("cli.export_hide_scores_help"))


def privacy_from(args: argparse.Namespace) -> Privacy:
    """The privacy options the command line asked for."""
    return Privacy(
        hide_names=args.hide_names,
        name_style=NameStyle(args.names),
        hide_private=args.hide_private,
        hide_scores=args.hide_scores,
        hide_goals=getattr(args, "hide_goals", False),
    )


def load_or_explain(args: argparse.Namespace) -> Atlas | None:
    """The atlas `args.file` names (asking a passphrase the way `args` says), or None after
    saying on stderr why it cannot be read."""
    try:
        atlas, _report = load_atlas(args.file, PassphraseSource(args.passphrase_file))
    except PassphraseUnavailable as error:
        print(str(error), file=sys.stderr)
        return None
    except io.AtlasFileError as error:
        write_lines([error.render()], sys.stderr)
        return None
    return atlas


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netwerkatlas export", description=t("cli.export_description")
    )
    parser.add_argument("file", metavar=t("cli.metavar_file"), help=t("cli.export_file_help"))
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=t("cli.metavar_out"),
        help=t("cli.export_output_help"),
    )
    parser.add_argument(
        "--view",
        default="netwerkintake",
        help=t("cli.export_view_help", views=", ".join(registry.export_names())),
    )
    parser.add_argument(
        "--paper", default="A2", help=t("cli.export_paper_help", papers=", ".join(PAPER_MM))
    )
    parser.add_argument("--landscape", action="store_true", help=t("cli.export_landscape_help"))
    parser.add_argument(
        "--margin", type=float, default=12.0, metavar="MM", help=t("cli.export_margin_help")
    )
    parser.add_argument("--tiles", metavar="A4|A3", help=t("cli.export_tiles_help"))
    parser.add_argument(
        "--overlap", type=float, default=10.0, metavar="MM", help=t("cli.export_overlap_help")
    )
    parser.add_argument("--summary", action="store_true", help=t("cli.export_summary_help"))
    parser.add_argument(
        "--format", choices=[f.value for f in Format], help=t("cli.export_format_help")
    )
    parser.add_argument("--dpi", type=int, default=150, help=t("cli.export_dpi_help"))
    add_privacy_arguments(parser)
    parser.add_argument("--hide-goals", action="store_true", help=t("cli.export_hide_goals_help"))
    parser.add_argument(
        "--show-other-views", action="store_true", help=t("cli.export_other_views_help")
    )
    parser.add_argument("--session-label", default="", help=t("cli.export_session_help"))
    parser.add_argument(
        "--session", metavar=t("cli.metavar_session"), help=t("cli.export_at_session_help")
    )
    parser.add_argument(
        "--name-in-metadata", action="store_true", help=t("cli.export_name_in_metadata_help")
    )
    add_passphrase_argument(parser, "cli.passphrase_file_help")
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))
    return parser


def options_from(args: argparse.Namespace) -> ExportOptions:
    fmt = Format(args.format) if args.format else format_for(args.output)
    return ExportOptions(
        kind=Kind.SUMMARY if args.summary or fmt == Format.TXT else Kind.POSTER,
        view=args.view,
        paper=args.paper,
        landscape=args.landscape,
        margin_mm=args.margin,
        tiles=args.tiles.upper() if args.tiles else None,
        overlap_mm=args.overlap,
        format=fmt,
        dpi=args.dpi,
        privacy=privacy_from(args),
        session_label=args.session_label,
        name_in_metadata=args.name_in_metadata,
        other_views=args.show_other_views,
    )


def at_session(atlas: Atlas, text: str, options: ExportOptions) -> tuple[Atlas, ExportOptions]:
    """The atlas as it was at the session `text` names (a label, a date or "now"), and the
    options naming that session on the page unless a session label was given."""
    from netwerkatlas.tools.sessions.edits import ensure_intake
    from netwerkatlas.tools.sessions.history import atlas_at, find_session
    from netwerkatlas.tools.sessions.report import session_label

    ensure_intake(atlas)
    session = find_session(atlas, text)
    if session is not None and not options.session_label:
        options = options.with_(session_label=session_label(session))
    return atlas_at(atlas, session.id if session else None), options


def run_export(argv: Sequence[str]) -> int:
    """Exit code 0 when written, 1 for a bad atlas or an export that cannot be made."""
    args = export_parser().parse_args(argv)
    options = options_from(args)
    atlas = load_or_explain(args)
    if atlas is None:
        return 1
    if args.session is not None:
        try:
            atlas, options = at_session(atlas, args.session, options)
        except SessionNotFound as error:
            write_lines([str(error)], sys.stderr)
            return 1
    notes: list[str] = []
    try:
        written = export_atlas(atlas, args.output, options, notes)
    except ExportError as error:
        write_lines([t("cli.export_failed", path=args.output, reason=str(error))], sys.stderr)
        return 1
    write_lines([t("cli.exported", path=written)])
    if notes:
        write_lines(notes, sys.stderr)
    return 0
