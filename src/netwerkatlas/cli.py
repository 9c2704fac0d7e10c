"""The `netwerkatlas` command: start the app, or check, export, encrypt or decrypt files."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from netwerkatlas import __version__, collector
from netwerkatlas.i18n import LANGUAGES, set_language, t
from netwerkatlas.resources import DEFAULT_EXAMPLE, example_path, examples


def _language_from(argv: Sequence[str]) -> None:
    """Pick the language before any help text is made, so --help is in that language too."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            set_language(value)


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netwerkatlas",
        description=t("cli.description"),
        epilog=t("cli.commands_epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help=t("cli.file_help"))
    names = [p.stem for p in examples()]
    parser.add_argument(
        "--example",
        nargs="?",
        const=DEFAULT_EXAMPLE,
        metavar="NAAM",
        help=t("cli.example_help") + (f" ({', '.join(names)})" if names else ""),
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))
    parser.add_argument("--client-mode", action="store_true", help=t("cli.client_mode_help"))
    parser.add_argument("--version", action="version", version=f"netwerkatlas {__version__}")
    return parser


def validate_parser() -> argparse.ArgumentParser:
    from netwerkatlas.passphrase import add_passphrase_argument

    parser = argparse.ArgumentParser(
        prog="netwerkatlas validate", description=t("cli.validate_description")
    )
    parser.add_argument("files", nargs="+", metavar="BESTAND", help=t("cli.validate_files_help"))
    add_passphrase_argument(parser, "cli.passphrase_file_help")
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))
    return parser


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _handed_over(path: str | None, example: bool, client_mode: bool) -> bool:
    """Whether the program already running took this start's atlas over (one per user)."""
    from netwerkatlas.app import single_instance

    if not single_instance.enabled():
        return False
    request = single_instance.Request(single_instance.absolute(path), example, client_mode)
    return single_instance.forward(request) is not None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _language_from(argv)
    if argv[:1] == ["validate"]:
        from netwerkatlas.passphrase import PassphraseSource, PassphraseUnavailable
        from netwerkatlas.validate import validate_files, write_lines

        args = validate_parser().parse_args(argv[1:])
        try:
            source = PassphraseSource(args.passphrase_file)
        except PassphraseUnavailable as error:
            print(str(error), file=sys.stderr)
            return 1
        code, lines = validate_files(args.files, source)
        write_lines(lines)
        return code

    if argv[:1] == ["export"]:
        from netwerkatlas.export.command import run_export

        return run_export(argv[1:])

    if argv[:1] == ["changes"]:
        from netwerkatlas.cli_changes import run_changes

        return run_changes(argv[1:])

    if argv[:1] in (["encrypt"], ["decrypt"]):
        from netwerkatlas.cli_crypto import run_crypt

        return run_crypt(argv[0], argv[1:])

    args = app_parser().parse_args(argv)
    path = args.file
    if args.example is not None:
        path = example_path(args.example)
        if not path.is_file():
            names = ", ".join(p.stem for p in examples())
            print(t("cli.unknown_example", name=args.example, names=names), file=sys.stderr)
            return 2
    if not _has_display():
        print(t("cli.no_display"), file=sys.stderr)
        return 2
    collector.pause_for_start()  # on again once the window has painted (app.main.run_app)
    # The Qt-free layers load first: once PySide6 is in, it reads the source of every module
    # imported after it (its __feature__ import hook), a twentieth of the start for these.
    import netwerkatlas.document  # noqa: F401

    example = args.example is not None  # opened as a copy: Save never overwrites the example
    if _handed_over(str(path) if path else None, example, args.client_mode):
        collector.start_done()
        print(t("cli.forwarded"))
        return 0
    from netwerkatlas.app.main import run_app

    return run_app(str(path) if path else None, client_mode=args.client_mode, example=example)


if __name__ == "__main__":
    sys.exit(main())
