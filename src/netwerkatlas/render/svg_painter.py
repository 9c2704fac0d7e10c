"""The SVG backend of `Painter`: plain, editable SVG 1.1 text with the font named by family."""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr

from netwerkatlas.render.fonts import FAMILY
from netwerkatlas.render.painter import Align, Point

_ANCHOR = {"left": "start", "centre": "middle", "right": "end"}
# What XML 1.0 cannot hold at all, not even escaped: a control character typed or imported
# into a label would make the whole SVG unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """Text as XML character data: markup escaped, characters XML forbids left out."""
    return _escape(_NOT_XML.sub("", text))


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class SvgPainter:
    """Collects SVG elements; `document()` gives the finished file as text."""

    def __init__(self, width: float, height: float, title: str = "") -> None:
        self.width, self.height, self.title = width, height, title
        self._parts: list[str] = []
        self._open_groups: list[int] = [0]
        self._clips = 0

    def _paint(self, fill: str | None, stroke: str | None, width: float, dash) -> str:
        attrs = f'fill="{fill or "none"}"'
        if stroke is not None:
            attrs += f' stroke="{stroke}" stroke-width="{_n(width)}"'
            if dash:
                attrs += f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"'
        return attrs

    def _open(self, element: str) -> None:
        self._parts.append(element)
        self._open_groups[-1] += 1

    def save(self) -> None:
        self._open_groups.append(0)

    def restore(self) -> None:
        self._parts.extend("</g>" for _ in range(self._open_groups.pop()))

    def translate(self, dx: float, dy: float) -> None:
        self._open(f'<g transform="translate({_n(dx)} {_n(dy)})">')

    def scale(self, factor: float) -> None:
        self._open(f'<g transform="scale({factor:.6g})">')

    def clip_rect(self, x: float, y: float, w: float, h: float) -> None:
        self._clips += 1
        name = f"clip{self._clips}"
        self._parts.append(
            f'<clipPath id="{name}"><rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" '
            f'height="{_n(h)}"/></clipPath>'
        )
        self._open(f'<g clip-path="url(#{name})">')

    def line(self, x1, y1, x2, y2, *, colour, width, dash=None) -> None:
        self._parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f"{self._paint(None, colour, width, dash)}/>"
        )

    def circle(self, cx, cy, r, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._parts.append(
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" '
            f"{self._paint(fill, stroke, width, dash)}/>"
        )

    def polygon(self, points: Sequence[Point], *, fill=None, stroke=None, width=1.0) -> None:
        coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        self._parts.append(f'<polygon points="{coords}" {self._paint(fill, stroke, width, None)}/>')

    def rect(self, x, y, w, h, *, fill=None, stroke=None, width=1.0, dash=None) -> None:
        self._parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
            f"{self._paint(fill, stroke, width, dash)}/>"
        )

    def text(self, x, y, text, *, size, colour, bold=False, align: Align = "left") -> None:
        weight = ' font-weight="bold"' if bold else ""
        self._parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{colour}" '
            f'text-anchor="{_ANCHOR[align]}"{weight}>{escape(text)}</text>'
        )

    def image(self, x, y, w, h, png: bytes) -> None:
        data = base64.b64encode(png).decode("ascii")
        self._parts.append(
            f'<image x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
            f'preserveAspectRatio="none" xlink:href="data:image/png;base64,{data}"/>'
        )

    def document(self) -> str:
        unclosed = "</g>" * sum(self._open_groups)
        title = f"<title>{escape(self.title)}</title>" if self.title else ""
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
            f'width="{_n(self.width)}pt" height="{_n(self.height)}pt" '
            f'viewBox="0 0 {_n(self.width)} {_n(self.height)}" '
            f"font-family={quoteattr(FAMILY + ', Verdana, sans-serif')}>"
            f"{title}\n" + "\n".join(self._parts) + unclosed + "\n</svg>\n"
        )
