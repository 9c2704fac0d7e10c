"""Where the command line gets a passphrase: the first line of `--passphrase-file`, or a prompt
when it runs in a terminal. The passphrase lives only in memory: it is never printed, logged or
written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from netwerkatlas import io
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas

MAX_PASSPHRASE_FILE_BYTES = 64 * 1024
PROMPT_TRIES = 3


class PassphraseUnavailable(Exception):
    """No usable passphrase; `str()` is the message for the user."""


def add_passphrase_argument(parser: argparse.ArgumentParser, help_key: str) -> None:
    parser.add_argument(
        "--passphrase-file", metavar=t("cli.metavar_file"), default=None, help=t(help_key)
    )


def read_passphrase_file(path: str | os.PathLike[str]) -> str:
    """The first line of `path` without its line end (a UTF-8 byte order mark is skipped)."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_PASSPHRASE_FILE_BYTES)
        text = data.decode("utf-8-sig")
    except OSError as error:
        detail = error.strerror or str(error)
        raise PassphraseUnavailable(
            t("cli.passphrase_file_error", path=path, detail=detail)
        ) from None
    except UnicodeDecodeError:
        detail = t("cli.passphrase_file_not_text")
        raise PassphraseUnavailable(
            t("cli.passphrase_file_error", path=path, detail=detail)
        ) from None
    first = text.split("\n", 1)[0].removesuffix("\r")
    if not first:
        raise PassphraseUnavailable(t("cli.passphrase_file_empty", path=path))
    return first


def _is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


class PassphraseSource:
    """A passphrase from a file (one try: a wrong one is wrong every time), or asked for on
    the terminal (a few tries). Without either, `ask` returns None."""

    def __init__(
        self,
        file: str | os.PathLike[str] | None,
        *,
        interactive: bool | None = None,
        prompt: Callable[[str], str] | None = None,
    ) -> None:
        self.fixed = read_passphrase_file(file) if file is not None else None
        self.interactive = _is_terminal() if interactive is None else interactive
        self.prompt = prompt or getpass.getpass

    @property
    def tries(self) -> int:
        return 1 if self.fixed is not None or not self.interactive else PROMPT_TRIES

    def ask(self, path: Path) -> str | None:
        if self.fixed is not None:
            return self.fixed
        if not self.interactive:
            return None
        try:
            return self.prompt(t("cli.passphrase_prompt", path=path))
        except (EOFError, KeyboardInterrupt):
            return None

    def new(self, path: Path) -> str:
        """A new passphrase for `path`: the file's, or typed twice on the terminal."""
        if self.fixed is not None:
            return self.fixed
        if not self.interactive:
            raise PassphraseUnavailable(t("cli.passphrase_none", path=path))
        try:
            first = self.prompt(t("cli.passphrase_new_prompt", path=path))
            second = self.prompt(t("cli.passphrase_repeat_prompt"))
        except (EOFError, KeyboardInterrupt):
            raise PassphraseUnavailable(t("cli.passphrase_none", path=path)) from None
        if not first:
            raise PassphraseUnavailable(t("cli.passphrase_empty"))
        if first != second:
            raise PassphraseUnavailable(t("cli.passphrase_mismatch"))
        return first


def load_atlas(
    path: str | os.PathLike[str], source: PassphraseSource
) -> tuple[Atlas, io.LoadReport]:
    """`io.load`, asking `source` for the passphrase when the file is encrypted.
    Raises `io.AtlasFileError` (`PassphraseNeeded` when there is no way to get one)."""
    path = Path(path)
    try:
        return io.load(path)
    except io.PassphraseNeeded as needed:
        failure: io.AtlasFileError = needed
    for attempt in range(1, source.tries + 1):
        passphrase = source.ask(path)
        if passphrase is None:
            break
        try:
            return io.load(path, passphrase)
        except io.WrongPassphrase as wrong:
            failure = wrong
            if attempt < source.tries:
                print(t("cli.passphrase_wrong_again"), file=sys.stderr)
    raise failure
