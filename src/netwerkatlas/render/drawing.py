"""What every view gives the export: its drawing in its own units, its extent and its legend.

A view (netwerkintake, later genogram, ecogram...) implements `ViewDrawing`; the poster, the
tiles, SVG and PNG then work for it without knowing what it draws.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from netwerkatlas.render.painter import Painter

Rect = tuple[float, float, float, float]  # x, y, width, height


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a symbol drawn in a square of `size` centred on (cx, cy), and words."""

    label: str
    draw_symbol: Callable[[Painter, float, float, float], None]
    group: str = ""


class ViewDrawing(Protocol):
    view_title: str

    def bounds(self) -> Rect:
        """The area the drawing covers, in its own units."""
        ...

    def draw(self, painter: Painter) -> None: ...

    def legend(self) -> list[LegendEntry]:
        """The symbols this drawing uses, and only those."""
        ...

    def texts(self) -> list[str]:
        """Every piece of text the drawing shows (labels, symbols), for checks and search."""
        ...
