"""The ecogram's type: every size follows from one least size (the notes on the cards).

The cards and the client's circle are sized from it too, so larger type gives larger cards and
a larger drawing, rather than some text being set small on its own. Client mode uses larger
type: its cards show only the names, so they stay small enough for the sectors.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_LEAST = 11.0  # the notes; names and the rest in proportion
CLIENT_SCALE = 1.4  # client mode's type: with names-only cards it reads largest at about this
# (larger type pushes the cards out as far, or in front of each other's lines)


@dataclass(frozen=True)
class TypeSizes:
    """The sizes of the ecogram's texts and the widths they wrap at, from `least`."""

    least: float = FIRST_LEAST

    @property
    def note(self) -> float:
        return self.least

    @property
    def letter(self) -> float:
        """The support letters on the lines, bold: as large as the names, as in client mode
        they are what is smallest."""
        return self.name

    @property
    def name(self) -> float:
        """A card's name, bold."""
        return self.least * 1.2

    @property
    def member(self) -> float:
        """The name of a household member in the middle."""
        return self.least * 1.1

    @property
    def client(self) -> float:
        return self.least * 1.45

    @property
    def label(self) -> float:
        """The leefgebieden around the circle."""
        return self.least * 1.35

    @property
    def name_width(self) -> float:
        """A card's name wraps (at most two lines) at this width."""
        return self.name * 11.8

    @property
    def note_width(self) -> float:
        return self.note * 11.5

    @property
    def narrow_note_width(self) -> float:
        """In sectors above and below the client, where wide cards block more of the angle."""
        return self.note * 8.25

    @property
    def pad(self) -> tuple[float, float]:
        """Room inside a card around its text, across and down."""
        return self.least * 0.75, self.least * 0.5


DEFAULT_SIZES = TypeSizes()
