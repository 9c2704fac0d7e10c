"""`netwerkatlas encrypt FILE` and `netwerkatlas decrypt FILE`: convert an atlas in place.

Both read the whole atlas first (a damaged file or a wrong passphrase changes nothing), then
write it with the same atomic save as the app, keeping the previous version as `.bak`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from netwerkatlas import io
from netwerkatlas.i18n import LANGUAGES, t
from netwerkatlas.passphrase import (
    PassphraseSource,
    PassphraseUnavailable,
    add_passphrase_argument,
    load_atlas,
)

# command -> (description, --passphrase-file help, done message)
_MESSAGES = {
    "encrypt": ("cli.encrypt_description", "cli.encrypt_passphrase_file_help", "cli.encrypted"),
    "decrypt": ("cli.decrypt_description", "cli.passphrase_file_help", "cli.decrypted"),
}


class NothingToDo(Exception):
    """The file is already in the asked state; `str()` says so."""


def crypt_parser(command: str) -> argparse.ArgumentParser:
    description, passphrase_help, _done = _MESSAGES[command]
    parser = argparse.ArgumentParser(prog=f"netwerkatlas {command}", description=t(description))
    parser.add_argument("file", metavar=t("cli.metavar_file"), help=t("cli.export_file_help"))
    add_passphrase_argument(parser, passphrase_help)
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))
    return parser


def encrypt_file(path: Path, source: PassphraseSource) -> Path:
    """Encrypt the atlas at `path` in place with a new passphrase from `source`."""
    try:
        atlas, _report = io.load(path)
    except io.PassphraseNeeded:
        raise NothingToDo(t("cli.already_encrypted", path=path)) from None
    sealing = io.Sealing.create(source.new(path))
    return io.save(atlas, path, sealing=sealing)


def decrypt_file(path: Path, source: PassphraseSource) -> Path:
    """Write the encrypted atlas at `path` back as plain JSON; its `.bak` stays encrypted."""
    atlas, report = load_atlas(path, source)
    if report.sealing is None:
        raise NothingToDo(t("cli.not_encrypted", path=path))
    return io.save(atlas, path)


def run_crypt(command: str, argv: Sequence[str]) -> int:
    """Exit code 0 when the file was converted, 1 when nothing was changed."""
    args = crypt_parser(command).parse_args(argv)
    path = Path(args.file)
    convert = encrypt_file if command == "encrypt" else decrypt_file
    try:
        written = convert(path, PassphraseSource(args.passphrase_file))
    except (PassphraseUnavailable, NothingToDo) as error:
        print(str(error), file=sys.stderr)
        return 1
    except io.AtlasFileError as error:
        print(error.render(), file=sys.stderr)
        return 1
    print(t(_MESSAGES[command][2], path=written))
    return 0
