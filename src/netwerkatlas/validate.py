"""`netwerkatlas validate FILE...`: check files and explain every problem in plain words."""

from __future__ import annotations

from collections.abc import Iterable

from netwerkatlas import io
from netwerkatlas.i18n import t


def validate_files(paths: Iterable[str]) -> tuple[int, list[str]]:
    """Check each file; returns (exit code, lines to print). 0 means every file is fine."""
    lines: list[str] = []
    code = 0
    for path in paths:
        try:
            atlas, report = io.load(path)
        except io.AtlasFileError as error:
            code = 1
            lines.append(error.render())
            continue
        lines.append(
            t("cli.valid", path=path, nodes=len(atlas), edges=atlas.graph.number_of_edges())
        )
        lines.extend(t("cli.notice", text=text) for text in report.render())
    return code, lines
