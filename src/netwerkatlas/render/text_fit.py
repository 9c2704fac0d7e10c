"""Fit a label inside a bol: wrap words, shrink the type, and only then cut a word short.

The same rule serves the screen (Qt measures) and paper (the font file measures), so a label
breaks the same way on the canvas and on the poster.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]  # (text, font size) -> width, in the caller's units

MAX_LINES = 3
SHRINK_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.55)
ELLIPSIS = "…"


@dataclass(frozen=True)
class FittedText:
    size: float
    lines: tuple[str, ...]


def wrap_words(text: str, width_of: Callable[[str], float], limit: float) -> list[str]:
    """Greedy word wrap: as many words per line as fit; a long word gets a line of its own."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if not current or width_of(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def elide(line: str, width_of: Callable[[str], float], limit: float) -> str:
    if width_of(line) <= limit:
        return line
    while line and width_of(line + ELLIPSIS) > limit:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def fit_text(
    text: str, size: float, width: float, measure: Measure, max_lines: int = MAX_LINES
) -> FittedText:
    """The size and lines for `text` inside `width`: at most `max_lines` lines, the type shrunk
    (down to 55 %) before a long word is cut off with an ellipsis."""
    lines: list[str] = []
    current = size
    for factor in SHRINK_STEPS:
        current = size * factor

        def width_of(s: str, _size: float = current) -> float:
            return measure(s, _size)

        lines = wrap_words(text, width_of, width)
        if len(lines) <= max_lines and all(width_of(line) <= width for line in lines):
            return FittedText(current, tuple(lines))
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return FittedText(
        current, tuple(elide(line, lambda s: measure(s, current), width) for line in lines)
    )
