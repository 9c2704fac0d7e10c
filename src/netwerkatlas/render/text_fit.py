"""Fit a label inside a bol: wrap words, break a long word with a hyphen, and only then cut
the last line short. The type shrinks at most 15 % (to keep a word only just too wide whole):
text that shrinks further is text the person across the table cannot read (`render.readable`).

The same rule serves the screen (Qt measures) and paper (the font file measures), so a label
breaks the same way on the canvas and on the poster.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]  # (text, font size) -> width, in the caller's units

MAX_LINES = 4  # four lines of a bol's label still fit inside its circle
ELLIPSIS = "…"
HYPHEN = "-"
WHOLE_WORD_SHRINK = (1.0, 0.92, 0.85)  # never smaller than 85 %: then a word is broken
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
    not enough. A word only just too wide is set up to 15 % smaller rather than broken; the
    size is never less than that."""

    for factor in WHOLE_WORD_SHRINK:  # a word just too wide stays whole, a little smaller
        smaller = size * factor
        whole = wrap_words(text, lambda line, z=smaller: measure(line, z), width)
        if len(whole) <= max_lines and all(measure(line, smaller) <= width for line in whole):
            return FittedText(smaller, tuple(whole))

    def width_of(line: str) -> float:
        return measure(line, size)

    lines = wrap_breaking(text, width_of, width)
    if len(lines) <= max_lines:
        return FittedText(size, tuple(lines))
    rest = " ".join(lines[max_lines - 1 :]).replace(HYPHEN + " ", "")  # the words made whole
    lines = [*lines[: max_lines - 1], rest]
    return FittedText(size, tuple(elide(line, width_of, width) for line in lines))
