"""Fit a label inside a bol: wrap words, break a long word with a hyphen, and only then cut
the last line short. The type is never set smaller than asked: text that shrinks to fit is text
the person across the table cannot read (see `render.readable`).

The same rule serves the screen (Qt measures) and paper (the font file measures), so a label
breaks the same way on the canvas and on the poster.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]  # (text, font size) -> width, in the caller's units

MAX_LINES = 3
ELLIPSIS = "…"
HYPHEN = "-"
LEAST_PIECE = 2  # letters on either side of a break: "Vriend-schappen", never "V-riend"
VOWELS = frozenset("aeiouyáàâäéèêëíìîïóòôöúùûü")
CLUSTERS = frozenset({"ch", "sc", "ng", "nk", "th", "ph", "sh", "ck", "ij", "qu"})


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
    return line.rstrip(" " + HYPHEN) + ELLIPSIS


def break_word(word: str, width_of: Callable[[str], float], limit: float) -> list[str]:
    """A word wider than `limit` in pieces that fit, each but the last ending in a hyphen."""
    pieces: list[str] = []
    rest = word
    while width_of(rest) > limit and len(rest) > 2 * LEAST_PIECE:
        cuts = [
            cut
            for cut in range(len(rest) - LEAST_PIECE, LEAST_PIECE - 1, -1)
            if width_of(rest[:cut] + HYPHEN) <= limit
        ] or [LEAST_PIECE]
        cut = next((c for c in cuts if _syllable_break(rest, c)), cuts[0])
        pieces.append(rest[:cut] + HYPHEN)
        rest = rest[cut:]
    return [*pieces, rest]


def _syllable_break(word: str, cut: int) -> bool:
    """A likely place between syllables (Dutch and English alike): between a vowel and a
    consonant that starts the next syllable, or between two consonants that do not make one
    sound ("ch", "ng")."""
    before, after = word[cut - 1].lower(), word[cut].lower()
    if not (before.isalpha() and after.isalpha()) or after in VOWELS:
        return False
    if not any(c in VOWELS for c in word[cut:].lower()):  # "supermar-kt": no syllable
        return False
    if before in VOWELS:
        return cut + 1 < len(word) and word[cut + 1].lower() in VOWELS
    return (before + after) not in CLUSTERS


def wrap_breaking(text: str, width_of: Callable[[str], float], limit: float) -> list[str]:
    """Word wrap in which a word too wide for a line of its own is broken with hyphens."""
    words = [piece for word in text.split() for piece in break_word(word, width_of, limit)]
    lines: list[str] = []
    current = ""
    for word in words:
        joined = f"{current}{word}" if current.endswith(HYPHEN) and current else ""
        candidate = joined or f"{current} {word}".strip()
        if not current or (width_of(candidate) <= limit and not current.endswith(HYPHEN)):
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def fit_text(
    text: str, size: float, width: float, measure: Measure, max_lines: int = MAX_LINES
) -> FittedText:
    """The lines for `text` inside `width` at `size`: at most `max_lines` lines, a long word
    broken with a hyphen, and the last line cut short with an ellipsis only when even that is
    not enough. The size is always `size`."""

    def width_of(line: str) -> float:
        return measure(line, size)

    lines = wrap_breaking(text, width_of, width)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return FittedText(size, tuple(elide(line, width_of, width) for line in lines))
