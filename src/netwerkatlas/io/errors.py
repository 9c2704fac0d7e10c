"""Readable problems with a file: which file, where, what is wrong, what the user can do.

A loader never lets an exception escape with a traceback: everything that can go wrong with a
file becomes an `AtlasFileError` holding one or more `Problem`s, rendered in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from netwerkatlas.i18n import t, tn

if TYPE_CHECKING:
    from netwerkatlas.io.encryption import Sealing

MAX_PROBLEMS_SHOWN = 20
MAX_NOTICES = 200  # unknown fields reported one by one; beyond this, only counted


def printable(text: str) -> str:
    """`text` with every lone surrogate written as its escape (`\\ud800`): JSON can hold such a
    string but no encoding can print it, and a message must always reach the user."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about a file. `key` names a message in the catalogue."""

    key: str
    where: str = ""
    line: int | None = None
    values: dict[str, object] = field(default_factory=dict)
    hint_key: str | None = None

    def what(self) -> str:
        return t(f"problem.{self.key}", **self.values)

    def hint(self) -> str:
        return t(f"hint.{self.hint_key or self.key}", **self.values)

    def location(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(t("where.line", line=self.line))
        if self.where:
            parts.append(self.where)
        return ", ".join(parts)

    def render(self) -> str:
        location = self.location()
        text = f"{location}: {self.what()}" if location else self.what()
        return printable(text)


class AtlasFileError(Exception):
    """A file could not be read or written. Nothing was changed on disk."""

    def __init__(
        self,
        path: Path | str,
        problems: list[Problem],
        *,
        writing: bool = False,
        total: int | None = None,
    ):
        """`total` counts all problems found when only the first ones were kept in detail."""
        self.path = Path(path)
        self.problems = problems
        self.writing = writing
        self.total = max(total or 0, len(problems))
        super().__init__(self.render())

    def render(self) -> str:
        """The whole message: the file, each problem with its place, then what to do."""
        head = t("error.cannot_write" if self.writing else "error.cannot_open", path=self.path)
        lines = [head]
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        for problem in shown:
            lines.append(f"  • {problem.render()}")
        if self.total > len(shown):
            lines.append("  • " + tn("error.more_problems", self.total - len(shown)))
        hints = list(dict.fromkeys(p.hint() for p in shown))
        lines.append(t("error.what_to_do"))
        lines.extend(f"  {hint}" for hint in hints)
        return printable("\n".join(lines))


@dataclass
class LoadReport:
    """What a successful load noticed: unknown fields kept, a migration from an older format."""

    path: Path
    notices: list[Problem] = field(default_factory=list)
    migrated_from: int | None = None
    sealing: Sealing | None = None  # set when the file was encrypted: how to write it again

    def render(self) -> list[str]:
        return [p.render() for p in self.notices]
