"""Who stands where on an ecogram: the cards (a name, and a short note in small type under it),
the sectors they are in, and their places, stored by hand or computed (`placing`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from netwerkatlas.model import Atlas, NodeBase
from netwerkatlas.model.atlas import Point
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.text_fit import ELLIPSIS, fit_text, wrap_words
from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.ecogram.centre import CLIENT_RADIUS, Centre, centre_domain, layout_centre
from netwerkatlas.tools.ecogram.domains import domain_of, domains
from netwerkatlas.tools.ecogram.geometry import MIN_OUTER, PAD, Card, Geometry
from netwerkatlas.tools.ecogram.placing import place_cards

NAME_SIZE = 11.0
NOTE_SIZE = 8.0
NAME_WIDTH = 130.0
NOTE_WIDTH = 92.0
NARROW_NOTE_WIDTH = 66.0  # in sectors above and below the client, where wide cards block more
NOTE_CHARS = 40
CARD_PAD_X, CARD_PAD_Y = 6.0, 4.0


def short_note(note: str, limit: int = NOTE_CHARS) -> str:
    """About the first `limit` characters of a note, cut after a word, with an ellipsis when
    cut: enough to recognise the note on the drawing (the whole note is in the details panel).
    Small words at the cut ("in het…", "en…") go too, as they only make the reader wait."""
    text = " ".join(note.split())
    if len(text) <= limit:
        return text
    words = text[: limit + 1].split(" ")[:-1]
    if len(" ".join(words)) < limit * 0.6:  # a very long word: cut inside it
        words = [text[:limit]]
    while (
        len(words) > 1
        and len(words[-1].strip(",;:.-–")) <= 3
        and len(" ".join(words)) > limit * 0.6
    ):
        words.pop()
    return " ".join(words).rstrip(" ,;:.-–") + ELLIPSIS


def card_for(person: NodeBase, note_width: float = NOTE_WIDTH) -> Card:
    def bold(s: str, size: float) -> float:
        return text_width(s, size, True)

    name = fit_text(person.shown_label, NAME_SIZE, NAME_WIDTH, bold, 2)
    widest = max((bold(line, name.size) for line in name.lines), default=0.0)
    note = short_note(person.note)
    notes = tuple(wrap_words(note, lambda s: text_width(s, NOTE_SIZE), max(note_width, widest)))
    widest = max([widest, *(text_width(line, NOTE_SIZE) for line in notes)])
    height = len(name.lines) * name.size * LINE_HEIGHT + len(notes) * NOTE_SIZE * LINE_HEIGHT
    return Card(
        name.lines,
        name.size,
        notes,
        max(widest / 2, 12.0) + CARD_PAD_X,
        max(height / 2, 6.0) + CARD_PAD_Y,
    )


def note_width(geometry: Geometry, domain: str) -> float:
    """Cards in a sector above or below the client are narrower and taller: seen from the
    client a wide card there spans much of the sector's angle, and leaves no room beside it
    for the lines to the cards behind."""
    start, end = geometry.sector_span(geometry.domains.index(domain))
    upright = abs(math.cos((start + end) / 2)) > math.cos(math.radians(40))
    return NARROW_NOTE_WIDTH if upright and len(geometry.domains) > 2 else NOTE_WIDTH


@dataclass(frozen=True)
class EcogramLayout:
    """The ecogram's sectors with everyone on it: their domain, card and place."""

    geometry: Geometry  # the sectors around the middle (without the household's domain)
    domain_of: dict[str, str]  # person id -> domain, for everyone on the ecogram
    cards: dict[str, Card]  # for the people in the sectors
    positions: dict[str, Point]  # card centres, and the names in the middle
    by_hand: frozenset[str]  # those whose place came from the view's stored positions
    centre: Centre
    centre_domain: str | None = None  # the household's domain, when it shares the middle

    def domain_at(self, point: Point) -> str | None:
        """The domain a drop at `point` gives: the household's in the middle (when it is
        there), a sector's, or None (in the client's own circle, or beyond the edge)."""
        if math.hypot(*point) < self.geometry.centre:
            return self.centre_domain
        return self.geometry.domain_at(point)


def build_layout(atlas: Atlas) -> EcogramLayout:
    """Everyone on the ecogram with their card and place: stored by hand, or computed."""
    names = domains(atlas)
    home = centre_domain(atlas, names)
    members = domain_of(atlas, names)
    household = [atlas.node(p) for p in members if members[p] == home]
    centre = layout_centre(atlas.client, household)
    ring = tuple(n for n in names if n != home)
    geometry = Geometry(ring, centre=centre.radius)
    around = {p: d for p, d in members.items() if d != home}
    cards = {p: card_for(atlas.node(p), note_width(geometry, around[p])) for p in around}
    state = atlas.views.get(VIEW)
    stored: Mapping[str, Point] = state.positions if state else {}
    # A stored place counts while it lies in the person's own sector; when the person's domain
    # (or the list of domains) changes, they are laid out afresh in their new sector.
    fixed = {
        p: stored[p]
        for p in around
        if p in stored and geometry.sector_index(stored[p]) == ring.index(around[p])
    }
    labels = {p: atlas.node(p).shown_label.casefold() for p in around}
    order = sorted((p for p in around if p not in fixed), key=lambda p: (labels[p], p))
    computed = place_cards(geometry, cards, around, order, fixed)
    positions = {p: fixed.get(p) or computed[p] for p in around}
    reach = max(
        (
            math.hypot(abs(x) + cards[p].half_w, abs(y) + cards[p].half_h)
            for p, (x, y) in positions.items()
        ),
        default=0.0,
    )
    outer = max(geometry.centre + MIN_OUTER - CLIENT_RADIUS, reach + 3 * PAD)
    return EcogramLayout(
        replace(geometry, outer=math.ceil(outer / 10) * 10),
        members,
        cards,
        {**positions, **centre.positions},
        frozenset(fixed),
        centre,
        home,
    )


def ecogram_positions(atlas: Atlas) -> dict[str, Point]:
    """Where everyone on the ecogram is drawn: placed by hand, or computed."""
    return build_layout(atlas).positions
