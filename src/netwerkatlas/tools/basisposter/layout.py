"""Text flowed into a frame of the basisposter: wrapped, and shrunk together until it fits.

A poster's parts (the questions, who is invited, the agenda) each get a frame. The paragraphs of
a frame share one scale, so a long question makes all questions a little smaller instead of one
of them tiny; only when even the smallest type does not fit are the last lines left out (the
last one shown ends in "…"). Every line placed stays inside its frame, which the drawing and the
tests can check from `PlacedLine.extent`.
"""

from __future__ import annotations

from dataclasses import dataclass

from netwerkatlas.render.drawing import Rect
from netwerkatlas.render.fonts import ASCENT, LINE_HEIGHT, text_width
from netwerkatlas.render.style import INK
from netwerkatlas.render.text_fit import elide, wrap_words

SCALES = tuple(1.0 - 0.025 * step for step in range(25))  # 100 % down to 40 %, finely
DESCENT = 0.24  # below the baseline, as a fraction of the size


@dataclass(frozen=True)
class Para:
    """One paragraph: its text and size, and an optional number set in a circle before it."""

    text: str
    size: float
    bold: bool = False
    colour: str = INK
    number: str = ""
    gap_before: float = 0.0  # space above it, in units of its size


@dataclass(frozen=True)
class PlacedLine:
    x: float
    y: float  # the baseline
    text: str
    size: float
    bold: bool
    colour: str

    @property
    def extent(self) -> Rect:
        """The box the line's ink may take: from its cap height to its descent."""
        width = text_width(self.text, self.size, self.bold)
        top = self.y - self.size * ASCENT * 1.25
        return (self.x, top, width, self.y + self.size * DESCENT - top)


@dataclass(frozen=True)
class NumberMark:
    """The number of a question, in a filled circle."""

    cx: float
    cy: float
    r: float
    text: str
    size: float


@dataclass(frozen=True)
class Flowed:
    lines: tuple[PlacedLine, ...]
    marks: tuple[NumberMark, ...]
    scale: float
    height: float  # how much of the frame's height the text took
    complete: bool  # False when lines had to be left out


def _wrapped(para: Para, scale: float, width: float) -> tuple[float, float, list[str]]:
    """The paragraph's size, its text's indent and its lines at `scale` in `width`."""
    size = para.size * scale
    indent = size * 1.75 if para.number else 0.0

    def width_of(text: str) -> float:
        return text_width(text, size, para.bold)

    lines = wrap_words(para.text, width_of, width - indent) or [""]
    return size, indent, [elide(line, width_of, width - indent) for line in lines]


def _height(paras: list[Para], scale: float, width: float) -> float:
    total = 0.0
    for index, para in enumerate(paras):
        size, _, lines = _wrapped(para, scale, width)
        if index:
            total += para.gap_before * size
        total += len(lines) * size * LINE_HEIGHT
    return total


def flow(paras: list[Para], frame: Rect, min_scale: float = SCALES[-1]) -> Flowed:
    """Place `paras` top-down in `frame` at the largest common scale at which they fit."""
    x, y, width, height = frame
    scales = [s for s in SCALES if s >= min_scale] or [min_scale]
    scale = next((s for s in scales if _height(paras, s, width) <= height), scales[-1])
    lines: list[PlacedLine] = []
    marks: list[NumberMark] = []
    top = y
    complete = True
    for index, para in enumerate(paras):
        size, indent, wrapped = _wrapped(para, scale, width)
        if index:
            top += para.gap_before * size
        step = size * LINE_HEIGHT
        for number, text in enumerate(wrapped):
            if top + step > y + height + 1e-6:
                complete = False
                break
            baseline = top + step - size * DESCENT  # the descent stays inside the line
            if number == 0 and para.number:
                r = size * 0.6
                middle = baseline - size * ASCENT / 2
                marks.append(NumberMark(x + r, middle, r, para.number, size * 0.7))
            lines.append(PlacedLine(x + indent, baseline, text, size, para.bold, para.colour))
            top += step
        if not complete:
            break
    if not complete and lines:
        last = lines[-1]
        room = x + width - last.x
        shortened = elide(
            last.text + " …", lambda s: text_width(s, last.size, last.bold), room
        ).replace(" …", "…")
        lines[-1] = PlacedLine(last.x, last.y, shortened, last.size, last.bold, last.colour)
    return Flowed(tuple(lines), tuple(marks), scale, top - y, complete)


def inside(inner: Rect, outer: Rect, slack: float = 0.5) -> bool:
    """Whether `inner` lies within `outer` (up to `slack`)."""
    ix, iy, iw, ih = inner
    ox, oy, ow, oh = outer
    return (
        ix >= ox - slack
        and iy >= oy - slack
        and ix + iw <= ox + ow + slack
        and iy + ih <= oy + oh + slack
    )
