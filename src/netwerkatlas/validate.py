"""`netwerkatlas validate FILE...`: check files and explain every problem in plain words."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from netwerkatlas import io
from netwerkatlas.i18n import t, tn
from netwerkatlas.io.errors import printable
from netwerkatlas.passphrase import PassphraseSource, load_atlas


def validate_files(
    paths: Iterable[str], passphrases: PassphraseSource | None = None
) -> tuple[int, list[str]]:
    """Check each file; returns (exit code, lines to print). 0 means every file is fine.
    Encrypted files are opened with a passphrase from `passphrases` when there is one."""
    source = passphrases or PassphraseSource(None, interactive=False)
    lines: list[str] = []
    code = 0
    for path in paths:
        try:
            atlas, report = load_atlas(path, source)
        except io.AtlasFileError as error:
            code = 1
            lines.append(error.render())
            continue
        lines.append(
            t(
                "cli.valid",
                path=path,
                nodes=tn("recovery.count.nodes", len(atlas)),
                edges=tn("recovery.count.edges", atlas.graph.number_of_edges()),
            )
        )
        lines.extend(t("cli.notice", text=text) for text in report.render())
    return code, [printable(line) for line in lines]


def write_lines(lines: Iterable[str], stream: TextIO | None = None) -> None:
    """Print messages so that no character can stop them: what the terminal's encoding cannot
    show is written as an escape instead of ending in a traceback."""
    stream = sys.stdout if stream is None else stream
    text = printable("\n".join(lines)) + "\n"
    encoding = getattr(stream, "encoding", None) or "utf-8"
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode(encoding, "backslashreplace"))
    buffer.flush()
