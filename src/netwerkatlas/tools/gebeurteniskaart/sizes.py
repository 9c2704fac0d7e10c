"""The sizes of the gebeurteniskaart: one type size, from which every other length follows.

The type is the least that reads across the table when a drawing the size of the laptop's view
is fitted into it (`render.readable`); marks, gaps, lanes and line widths grow with it, so a
larger type (client mode) is the same drawing, larger.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netwerkatlas.render.readable import fit_room, readable_size


@dataclass(frozen=True)
class Sizes:
    """Every length of the drawing, in multiples of `text`: the size of every text (labels,
    dates, names, year numbers, lane names, score symbols), so none is smaller than another."""

    text: float

    @classmethod
    def for_view(cls, client: bool = False) -> Sizes:
        """The type that reads at the minimum (of client mode, with `client`) when a drawing
        the size of the laptop's view is shown 1:1: a drawing that takes the view's shape."""
        return cls(float(math.ceil(readable_size(fit_room(client), client=client))))

    @property
    def detail(self) -> float:  # the date and the people under a label
        return self.text

    @property
    def label_width(self) -> float:
        return 10.0 * self.text

    @property
    def level(self) -> float:  # distance from the axis of a score 1; a score 2 twice as far
        return 4.4 * self.text

    @property
    def badge_r(self) -> float:  # a scored mark: a disc holding the symbol at the text's size
        return 1.05 * self.text

    @property
    def dot_r(self) -> float:  # an unscored mark
        return 0.6 * self.text

    @property
    def bar_h(self) -> float:  # a span's bar
        return 0.8 * self.text

    @property
    def bar_step(self) -> float:
        return 1.0 * self.text

    @property
    def tick_band(self) -> tuple[float, float]:  # the axis and its year numbers: no labels
        return (-0.5 * self.text, 2.1 * self.text)

    @property
    def pad(self) -> float:  # around a label's text
        return 0.25 * self.text

    @property
    def gap(self) -> float:  # between a mark and its label, and between labels
        return 0.3 * self.text

    @property
    def lane_height(self) -> float:
        return 2.0 * self.text

    @property
    def family_r(self) -> float:
        return 0.3 * self.text

    @property
    def line(self) -> float:
        """Line widths and small marks scale with the type: 1 at a text of 10."""
        return self.text / 10.0

    @property
    def per_year_range(self) -> tuple[float, float]:
        """The narrowest year (year numbers every 10 years still apart) and the widest."""
        return (0.45 * self.text, 8.0 * self.text)
