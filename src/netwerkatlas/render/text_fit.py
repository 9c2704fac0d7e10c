"""Fit a label in its place: wrap words, break a long word between syllables with a hyphen,
and only then cut the last line short.

`fit_shaped` never sets type smaller: it is for shapes whose lines have their own widths, as a
bol's do, and the drawing sizes its type for the person across the table (`render.readable`).
`fit_text`, for one width, may shrink a word only just too wide by up to 15 % to keep it whole.
The same rules serve the screen (Qt measures) and paper (the font file measures), so a label
breaks the same way on the canvas and on the poster.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

Measure = Callable[[str, float], float]  # (text, font size) -> width, in the caller's units

MAX_LINES = 4  # four lines of a bol's label still fit inside its circle
ELLIPSIS = "…"
HYPHEN = "-"
WHOLE_WORD_SHRINK = (1.0, 0.92, 0.85)  # never smaller than 85 %: then a word is broken
LEAST_PIECE = 2  # letters on either side of a break: "Vriend-schappen", never "V-riend"
SHORTEST_HEAD = 4  # letters of a word worth starting at the end of a line ("basis-", not "ba-")
VOWELS = frozenset("aeiouyáàâäéèêëíìîïóòôöúùûü")
# Consonants that begin a syllable together: one sound ("ch", "sch", "th") or a start of Dutch
# words that a reader takes in at once (ge-sprek, ver-pleeg); "st", "sp" are split (mees-ter).
ONSETS = frozenset(
    {"ch", "sch", "schr", "sh", "th", "ph", "qu", "str", "spr", "spl"}
    | {c + "r" for c in "bdfgkptvw"}
    | {c + "l" for c in "bfgkpv"}
)
# Word parts that start with a vowel and often end a compound: the consonants before them end
# the first part ("kinder-opvang", "huis-arts"), not begin the next.
VOWEL_PARTS = ("op", "over", "onder", "arts", "ambt", "ouder")
# Vowels that make one sound (longest first), Dutch and the English of loan words ("team").
DIGRAPHS = ("aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei")
DIGRAPHS += ("ij", "ui", "ou", "au", "ai", "oi", "ea", "ay", "ey", "oy")


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
    """A word wider than `limit` in pieces that fit, each but the last ending in a hyphen.

    It breaks between syllables (`syllable_breaks`); only a word with no syllable point that
    fits is cut elsewhere, as late as fits."""
    pieces: list[str] = []
    rest = word
    while width_of(rest) > limit and len(rest) > 2 * LEAST_PIECE:
        cuts = [
            cut
            for cut in range(len(rest) - LEAST_PIECE, LEAST_PIECE - 1, -1)
            if width_of(rest[:cut] + HYPHEN) <= limit
        ] or [LEAST_PIECE]
        points = set(syllable_breaks(rest))
        cut = next((c for c in cuts if c in points), cuts[0])
        pieces.append(rest[:cut] + HYPHEN)
        rest = rest[cut:]
    return [*pieces, rest]


@lru_cache(maxsize=4096)
def syllable_breaks(word: str) -> tuple[int, ...]:
    """Where `word` may be hyphenated: between its syllables, after the Dutch spelling rule,
    which also serves English well enough for the short words of a label.

    Syllables meet between two vowel groups ("ui", "ee", "ij" stay whole). One consonant
    between them starts the next syllable (hui-zen, ma-ken); of more, the last one does
    (kin-de-ren, mid-del), or the last few when they start Dutch words (ge-sprek, vriend-schap,
    ver-pleeg). Where the consonants are followed by a word part that starts with a vowel
    ("opvang", "arts"), they stay behind: kinder-opvang, huis-arts. Never within the
    first or last `LEAST_PIECE` letters."""
    lower = word.lower()
    groups = _vowel_groups(lower)
    breaks: list[int] = []
    for (_, end), (start, _) in itertools.pairwise(groups):
        cluster = lower[end:start]
        if not cluster.isalpha() and cluster:
            continue
        cut = start - _onset_length(cluster) if cluster else start
        if _vowel_part_at(lower, start):
            cut = start
        if LEAST_PIECE <= cut <= len(word) - LEAST_PIECE:
            breaks.append(cut)
    return tuple(breaks)


def _vowel_part_at(word: str, start: int) -> bool:
    """Whether a word part of `VOWEL_PARTS` begins at `start`, ending the word or followed by
    a consonant ("opvang", "huisarts"; not "Europa")."""
    for part in VOWEL_PARTS:
        end = start + len(part)
        if word.startswith(part, start) and (end == len(word) or word[end] not in VOWELS):
            return True
    return False


def _vowel_groups(word: str) -> list[tuple[int, int]]:
    """(start, end) of each vowel or vowel sound ("oe", "ij", "aai"); two vowels that are no
    one sound are two groups (ge-a-dop-teerd, ra-di-o)."""
    groups: list[tuple[int, int]] = []
    index = 0
    while index < len(word):
        if word[index] not in VOWELS:
            index += 1
            continue
        length = next((len(d) for d in DIGRAPHS if word.startswith(d, index)), 1)
        groups.append((index, index + length))
        index += length
    return groups


def _onset_length(cluster: str) -> int:
    """How many consonants of `cluster` go to the next syllable."""
    return max((len(onset) for onset in ONSETS if cluster.endswith(onset)), default=1)


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


Widths = Callable[[int], Sequence[float]]  # lines in the block -> the width of each line


def fit_shaped(
    text: str, size: float, widths_for: Widths, measure: Measure, max_lines: int = MAX_LINES
) -> FittedText:
    """The lines for `text` at `size` (never smaller) in a shape whose lines have their own
    widths, as a circle's do: `widths_for(n)` gives each line's width when the text has `n`
    lines. Whole words on as few lines as hold them come first; then words hyphenated between
    syllables; only text that still does not fit ends in an ellipsis."""

    def width_of(line: str) -> float:
        return measure(line, size)

    for hyphenate in (False, True):
        for count in range(1, max_lines + 1):
            lines = _wrap_to(text, width_of, widths_for(count), hyphenate)
            if len(lines) <= count and _fits(lines, width_of, widths_for(len(lines))):
                return FittedText(size, tuple(lines))
    lines = _wrap_to(text, width_of, widths_for(max_lines), True)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :]).replace(HYPHEN + " ", "")  # the words made whole
        lines = [*lines[: max_lines - 1], rest]
    widths = widths_for(len(lines))
    return FittedText(size, tuple(elide(line, width_of, widths[i]) for i, line in enumerate(lines)))


def _fits(lines: list[str], width_of: Callable[[str], float], widths: Sequence[float]) -> bool:
    return bool(lines) and all(width_of(line) <= widths[i] for i, line in enumerate(lines))


def _wrap_to(
    text: str, width_of: Callable[[str], float], widths: Sequence[float], hyphenate: bool
) -> list[str]:
    """Greedy wrap in which line i is at most `widths[i]` wide (the last width for any more);
    with `hyphenate`, a word that does not fit is broken between syllables, its first part
    ending the line it starts on when that part fits there."""
    lines: list[str] = []
    current = ""

    def limit() -> float:
        return widths[min(len(lines), len(widths) - 1)]

    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if width_of(candidate) <= limit():
            current = candidate
            continue
        if current:
            # a word that will not fit a line of its own either starts on this line
            alone = widths[min(len(lines) + 1, len(widths) - 1)]
            head = ""
            if hyphenate and width_of(word) > alone:
                head, rest = _syllable_head(word, current + " ", width_of, limit())
                if len(head) > SHORTEST_HEAD:  # "op de ba- sisschool" reads worse
                    word = rest
                else:
                    head = ""
            lines.append(f"{current} {head}" if head else current)
            current = ""
        while hyphenate and width_of(word) > limit():
            head, rest = _syllable_head(word, "", width_of, limit())
            if not head:
                break
            lines.append(head)
            word = rest
        current = word
    if current:
        lines.append(current)
    return lines


def _syllable_head(
    word: str, before: str, width_of: Callable[[str], float], limit: float
) -> tuple[str, str]:
    """The longest first part of `word`, cut between syllables, that fits after `before` with
    a hyphen: (that part with its hyphen, the rest), or ("", word) when none does."""
    for cut in reversed(syllable_breaks(word)):
        if width_of(before + word[:cut] + HYPHEN) <= limit:
            return word[:cut] + HYPHEN, word[cut:]
    return "", word
