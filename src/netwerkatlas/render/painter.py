"""What a drawing needs from an output: a few shapes and text, in points, y growing downwards.

Views draw themselves onto a `Painter`; PDF and SVG are two backends of it. Keeping the drawing
apart from the file format means a view is written once and prints the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

Align = Literal["left", "centre", "right"]
Point = tuple[float, float]


class Painter(Protocol):
    def save(self) -> None: ...

    def restore(self) -> None: ...

    def translate(self, dx: float, dy: float) -> None: ...

    def scale(self, factor: float) -> None: ...

    def clip_rect(self, x: float, y: float, w: float, h: float) -> None: ...

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        colour: str,
        width: float,
        dash: Sequence[float] | None = None,
    ) -> None: ...

    def circle(
        self,
        cx: float,
        cy: float,
        r: float,
        *,
        fill: str | None = None,
        stroke: str | None = None,
        width: float = 1.0,
        dash: Sequence[float] | None = None,
    ) -> None: ...

    def polygon(
        self,
        points: Sequence[Point],
        *,
        fill: str | None = None,
        stroke: str | None = None,
        width: float = 1.0,
    ) -> None: ...

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: str | None = None,
        stroke: str | None = None,
        width: float = 1.0,
        dash: Sequence[float] | None = None,
    ) -> None: ...

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float,
        colour: str,
        bold: bool = False,
        align: Align = "left",
    ) -> None:
        """Set `text` with its baseline at y; x is its left end, centre or right end."""
        ...

    def image(self, x: float, y: float, w: float, h: float, png: bytes) -> None:
        """Draw the PNG image `png` (a client's photo) into the box, its top left at (x, y)."""
        ...
