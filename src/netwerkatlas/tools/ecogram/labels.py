"""The leefgebieden's names inside the rim, each in the free outer part of its own wedge.

Set outside the rim, the names widened the drawing by their own width on both sides and left
the outer part of the wedges empty, so everything was drawn smaller. Inside, each name takes the
first free spot from the rim inward along its wedge, clear of the cards, of the lines to them
and of the sector lines; only when its wedge has no such spot does the rim grow for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from netwerkatlas.model.atlas import Point
from netwerkatlas.render.fonts import LINE_HEIGHT, text_width
from netwerkatlas.render.geometry import boxes_meet, segment_meets_rect
from netwerkatlas.tools.ecogram.geometry import PAD, STEP, Box, Card, Geometry

# Where across its wedge a name is sought, middle first: a gap between two cards will do.
SIDEWAYS = tuple(sorted((i / 20 for i in range(1, 20)), key=lambda share: abs(share - 0.5)))
GROW_STEPS = 60  # how far (in steps) the rim may grow for a name before it is set anyway


@dataclass(frozen=True)
class Label:
    """A leefgebied's name: its lines, centred on `centre`, in `box`."""

    lines: tuple[str, ...]
    centre: Point
    box: Box


def _line_sets(text: str) -> list[tuple[str, ...]]:
    """The name on one line, and (when it has several words) on two of about equal width."""
    words = text.split()
    found = [(text,)]
    if len(words) > 1:
        splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
        found.append(min(splits, key=lambda s: abs(len(s[0]) - len(s[1]))))
    return found


def place_labels(
    geometry: Geometry,
    texts: Mapping[str, str],
    size: float,
    cards: Mapping[str, Card],
    positions: Mapping[str, Point],
    rim: float,
) -> tuple[dict[str, Label], float]:
    """A spot for each domain's name (`texts`: domain -> shown name, in bold at `size`) and
    the rim that holds them all: at least `rim`."""
    taken = [cards[p].box(positions[p], PAD) for p in cards]
    ends = [positions[p] for p in cards]
    labels: dict[str, Label] = {}
    needed = rim
    for index, domain in enumerate(geometry.domains):
        shapes = [_shape(lines, size) for lines in _line_sets(texts[domain])]
        start, end = geometry.sector_span(index)
        label = None
        for grow in range(GROW_STEPS + 1):
            edge = rim + grow * STEP
            label = _first_free(geometry, index, shapes, start, end, edge, taken, ends)
            if label is not None:
                break
        if label is None:  # a wedge too narrow for the name: set it at its middle, outside
            lines, (half_w, half_h) = shapes[-1]
            x, y = geometry.point(rim + grow * STEP, (start + end) / 2)
            label = Label(lines, (x, y), (x - half_w, y - half_h, x + half_w, y + half_h))
        labels[domain] = label
        needed = max(needed, geometry.box_reach(label.box) + PAD)
    return labels, needed


def _shape(lines: tuple[str, ...], size: float) -> tuple[tuple[str, ...], tuple[float, float]]:
    width = max(text_width(line, size, True) for line in lines)
    return lines, (width / 2 + PAD, len(lines) * size * LINE_HEIGHT / 2 + PAD)


def _first_free(
    geometry: Geometry,
    index: int,
    shapes: list[tuple[tuple[str, ...], tuple[float, float]]],
    start: float,
    end: float,
    edge: float,
    taken: list[Box],
    ends: Iterable[Point],
) -> Label | None:
    """From the rim `edge` inward, the first spot where a name lies inside the rim and its
    wedge, clear of every card and line; on one line if it fits anywhere in the wedge, as a
    name broken in two reads less easily than one set a little further in."""
    ends = list(ends)
    for lines, (half_w, half_h) in shapes:
        radius = edge
        while radius > geometry.inner:
            for share in SIDEWAYS:
                x, y = geometry.point(radius, start + (end - start) * share)
                box = (x - half_w, y - half_h, x + half_w, y + half_h)
                if (
                    geometry.box_reach(box) <= edge
                    and geometry.holds(box, index)
                    and not any(boxes_meet(box, b) for b in taken)
                    and not any(segment_meets_rect((0.0, 0.0), e, box) for e in ends)
                ):
                    return Label(lines, (x, y), box)
            radius -= STEP
    return None
