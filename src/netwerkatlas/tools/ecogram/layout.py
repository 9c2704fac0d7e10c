"""Who stands where on an ecogram: the cards (a name, and a short note under it), the sectors
they are in, and their places, stored by hand or computed (`placing`). Every size comes from the
drawing's `TypeSizes`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from netwerkatlas.model import Atlas, NodeBase
from netwerkatlas.model.atlas import Point
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.text_fit import ELLIPSIS, elide, fit_text, wrap_words
from netwerkatlas.tools.ecogram import VIEW
from netwerkatlas.tools.ecogram.centre import Centre, centre_domain, layout_centre
from netwerkatlas.tools.ecogram.domains import domain_label, domain_of, domains
from netwerkatlas.tools.ecogram.geometry import (
    INNER,
    MIN_OUTER,
    PAD,
    Card,
    Geometry,
    sector_bounds,
)
from netwerkatlas.tools.ecogram.labels import Label, place_labels
from netwerkatlas.tools.ecogram.placing import place_cards
from netwerkatlas.tools.ecogram.sizes import DEFAULT_SIZES, TypeSizes

NOTE_CHARS = 40
EMPTY_WEIGHT = 1.0  # a sector's angle: this, plus its cards' widths in typical card widths
NOTE_LINES = 2  # a longer note is cut with an ellipsis: the whole note is in the details panel
ASPECT = 1.25  # the rim's width over its height, about a laptop's drawing area (776 x 630 px)
CLIENT_ASPECT = 1.6  # client mode's drawing area is wider (1034 x 641 px)


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


def card_for(
    person: NodeBase, note_width: float | None = None, sizes: TypeSizes = DEFAULT_SIZES
) -> Card:
    """The card for `person`: the name in bold (two lines at most), and under it the note
    (without one in client mode: pass a person whose note is empty), wrapped at `note_width`
    and cut after `NOTE_LINES` lines."""

    def bold(s: str, size: float) -> float:
        return text_width(s, size, True)

    name = fit_text(person.shown_label, sizes.name, sizes.name_width, bold, 2)
    widest = max((bold(line, name.size) for line in name.lines), default=0.0)
    limit = max(sizes.note_width if note_width is None else note_width, widest)

    def note_w(s: str) -> float:
        return text_width(s, sizes.note)

    notes = wrap_words(short_note(person.note), note_w, limit)
    if len(notes) > NOTE_LINES:
        notes = [*notes[: NOTE_LINES - 1], elide(" ".join(notes[NOTE_LINES - 1 :]), note_w, limit)]
    widest = max([widest, *(note_w(line) for line in notes)])
    height = len(name.lines) * name.size * LINE_HEIGHT + len(notes) * sizes.note * LINE_HEIGHT
    pad_x, pad_y = sizes.pad
    return Card(
        name.lines,
        name.size,
        tuple(notes),
        max(widest / 2, sizes.least * 1.5) + pad_x,
        max(height / 2, sizes.least * 0.75) + pad_y,
    )


def note_width(geometry: Geometry, domain: str, sizes: TypeSizes = DEFAULT_SIZES) -> float:
    """Cards in a sector above or below the client are narrower and taller: seen from the
    client a wide card there spans much of the sector's angle, and leaves no room beside it
    for the lines to the cards behind."""
    start, end = geometry.sector_span(geometry.domains.index(domain))
    upright = abs(math.cos((start + end) / 2)) > math.cos(math.radians(40))
    narrow = upright and len(geometry.domains) > 2
    return sizes.narrow_note_width if narrow else sizes.note_width


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
    labels: Mapping[str, Label] | None = None  # each sector's name, inside the rim

    def domain_at(self, point: Point) -> str | None:
        """The domain a drop at `point` gives: the household's in the middle (when it is
        there), a sector's, or None (in the client's own circle, or beyond the edge)."""
        if math.hypot(*point) < self.geometry.centre:  # the client's circle stays round
            return self.centre_domain
        return self.geometry.domain_at(point)


def build_layout(
    atlas: Atlas, sizes: TypeSizes = DEFAULT_SIZES, show_notes: bool = True, aspect: float = ASPECT
) -> EcogramLayout:
    """Everyone on the ecogram with their card and place: stored by hand, or computed. Without
    notes (client mode) the cards are only as large as the names. The rim is an ellipse
    `aspect` times as wide as tall, the shape of the screen it is shown on."""
    names = domains(atlas)
    home = centre_domain(atlas, names)
    members = domain_of(atlas, names)
    household = [atlas.node(p) for p in members if members[p] == home]
    centre = layout_centre(atlas.client, household, sizes)
    ring = tuple(n for n in names if n != home)
    around = {p: d for p, d in members.items() if d != home}

    def shown(person: str) -> NodeBase:
        node = atlas.node(person)
        return node if show_notes else node.model_copy(update={"note": ""})

    # A sector's angle follows how wide its cards are together: a crowded leefgebied gets the
    # room to hold its cards near the client, a quiet one keeps enough to drop someone into.
    widths = {p: card_for(shown(p), sizes.note_width, sizes).half_w for p in around}
    typical = sum(widths.values()) / len(widths) if widths else 1.0
    weights = [
        EMPTY_WEIGHT + sum(w for p, w in widths.items() if around[p] == n) / typical for n in ring
    ]
    geometry = Geometry(
        ring,
        centre=centre.radius,
        letters=sizes.letter,
        bounds=sector_bounds(weights),
        aspect=aspect,
    )
    cards = {p: card_for(shown(p), note_width(geometry, around[p], sizes), sizes) for p in around}
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
    reach = max((geometry.box_reach(cards[p].box(xy)) for p, xy in positions.items()), default=0)
    rim = max(geometry.inner + MIN_OUTER / math.sqrt(aspect) - INNER, reach + 3 * PAD)
    texts = {d: domain_label(d) for d in ring}
    labels, outer = place_labels(geometry, texts, sizes.label, cards, positions, rim)
    return EcogramLayout(
        replace(geometry, outer=math.ceil(outer)),
        members,
        cards,
        {**positions, **centre.positions},
        frozenset(fixed),
        centre,
        home,
        labels,
    )


def ecogram_positions(atlas: Atlas) -> dict[str, Point]:
    """Where everyone on the ecogram is drawn: placed by hand, or computed."""
    return build_layout(atlas).positions
