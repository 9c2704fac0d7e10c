"""How small text may get, on screen and on paper, and how to measure a drawing for it.

A drawing is looked at across a consultation table, by the professional and by the client: text
they must lean in for is text they do not read. The rules are in points (1/72 inch) as the
text appears, so at the zoom the view shows it, whatever the screen.

`Measure` is a `Painter` that draws nothing: it records every text (with its size) and the area
everything drawn covers. The view fits that real area ("Passend"), and the tests and the poster
export read the smallest text from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from netwerkatlas.render.fonts import ASCENT, text_width

SCREEN_MIN_PT = 11.0
"""Smallest text on screen at the fitted zoom: read from 1 to 1.5 m without leaning in."""

CLIENT_MIN_PT = 14.0
"""In client mode: the client sits further from the screen and may see less well."""

PAPER_MIN_PT = 9.0
"""Smallest text on a poster of A3 or larger: read at arm's length, or on the wall."""

FIT_MARGIN_PX = 16.0
"""The margin around a fitted drawing, in pixels: small, so the drawing fills the view."""

MAX_FIT_ZOOM = 4.0
"""Fit zooms in no further than this: a drawing of one or two people is not blown up."""

MAX_FIT_TEXT = 3.0
"""Nor further than shows the drawing's smallest text at this many times the minimum: a family
of two filled the laptop with symbols and 51 pt years."""

SMALLEST_VIEW_PX = (776.0, 630.0)
"""The drawing area of the window on a 1366x768 laptop, side panel open: the drawings size their
type so that a fit there keeps every text at `SCREEN_MIN_PT`."""

CLIENT_VIEW_PX = (1034.0, 641.0)
"""The drawing area in client mode on the same laptop (the professional's panels are hidden):
in client mode the drawings size their type so that a fit there keeps `CLIENT_MIN_PT`."""

SCREEN_DPI = 96.0  # what "points" means on a screen that does not say (Qt's logical dpi)


def points_on_screen(size: float, zoom: float, dpi: float = SCREEN_DPI) -> float:
    """A text `size` drawing units tall, at `zoom` pixels per unit, in points on the screen."""
    return size * zoom * 72.0 / dpi


def minimum_pt(client: bool = False) -> float:
    """The smallest text on screen, in points, in client mode or not."""
    return CLIENT_MIN_PT if client else SCREEN_MIN_PT


def largest_fit_zoom(smallest: float, dpi: float = SCREEN_DPI, client: bool = False) -> float:
    """The most a fit zooms in on a drawing whose smallest text is `smallest` units tall."""
    if not smallest or smallest == float("inf"):
        return MAX_FIT_ZOOM
    largest_pt = MAX_FIT_TEXT * minimum_pt(client)
    return min(MAX_FIT_ZOOM, largest_pt / points_on_screen(smallest, 1.0, dpi))


def fit_room(client: bool = False) -> tuple[float, float]:
    """The laptop's drawing area (in client mode, with `client`) less the fit's margin: the room
    a fitted drawing fills."""
    width, height = CLIENT_VIEW_PX if client else SMALLEST_VIEW_PX
    return width - 2 * FIT_MARGIN_PX, height - 2 * FIT_MARGIN_PX


def readable_size(
    extent: tuple[float, float], minimum: float | None = None, *, client: bool = False
) -> float:
    """The least type size, in drawing units, at which a drawing of `extent` (width, height)
    fitted into the smallest view (of client mode, with `client`) still shows `minimum` points
    (by default `minimum_pt(client)`)."""
    width, height = extent
    room_w, room_h = fit_room(client)
    zoom = min(room_w / max(width, 1.0), room_h / max(height, 1.0))
    return (minimum_pt(client) if minimum is None else minimum) * SCREEN_DPI / 72.0 / zoom


@dataclass
class Measure:
    """A `Painter` that keeps the size of every text and the box around everything drawn."""

    texts: list[tuple[float, str]] = field(default_factory=list)
    box: list[float] | None = None  # left, top, right, bottom
    _stack: list[tuple[float, float, float]] = field(default_factory=lambda: [(0.0, 0.0, 1.0)])
    _clips: int = 0

    def _cover(self, x1: float, y1: float, x2: float, y2: float) -> None:
        dx, dy, k = self._stack[-1]
        points = (dx + x1 * k, dy + y1 * k, dx + x2 * k, dy + y2 * k)
        left, right = sorted((points[0], points[2]))
        top, bottom = sorted((points[1], points[3]))
        if self.box is None:
            self.box = [left, top, right, bottom]
        else:
            box = self.box
            box[:] = [min(box[0], left), min(box[1], top), max(box[2], right), max(box[3], bottom)]

    def save(self) -> None:
        self._stack.append(self._stack[-1])

    def restore(self) -> None:
        self._stack.pop()

    def translate(self, dx: float, dy: float) -> None:
        x, y, k = self._stack[-1]
        self._stack[-1] = (x + dx * k, y + dy * k, k)

    def scale(self, factor: float) -> None:
        x, y, k = self._stack[-1]
        self._stack[-1] = (x, y, k * factor)

    def clip_rect(self, x: float, y: float, w: float, h: float) -> None:
        """Clipping is not followed: the box may be a little larger than what shows."""

    def line(self, x1, y1, x2, y2, *, colour, width, dash=None) -> None:
        self._cover(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))

    def circle(self, cx, cy, r, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._cover(cx - r, cy - r, cx + r, cy + r)

    def polygon(self, points: Sequence[tuple[float, float]], *, fill=None, stroke=None, width=1.0):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if xs:
            self._cover(min(xs), min(ys), max(xs), max(ys))

    def rect(self, x, y, w, h, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._cover(x, y, x + w, y + h)

    def text(self, x, y, text, *, size, colour, bold=False, align="left") -> None:
        if not text.strip():
            return
        self.texts.append((size * self._stack[-1][2], text))
        width = text_width(text, size, bold)
        left = {"left": x, "centre": x - width / 2, "right": x - width}[align]
        self._cover(left, y - size * ASCENT, left + width, y + size * 0.24)

    def image(self, x, y, w, h, png: bytes) -> None:
        self._cover(x, y, x + w, y + h)

    @property
    def smallest(self) -> tuple[float, str]:
        """The smallest text (size in drawing units, the text), or infinity with no text."""
        return min(self.texts) if self.texts else (float("inf"), "")

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """The area drawn on, as (x, y, width, height), or None when nothing is drawn."""
        if self.box is None:
            return None
        left, top, right, bottom = self.box
        return left, top, right - left, bottom - top


def measure(drawing) -> Measure:
    """What `drawing` draws: its texts and their sizes, and the area it really covers."""
    found = Measure()
    drawing.draw(found)
    return found
