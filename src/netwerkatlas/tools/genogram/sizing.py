"""How large the genogram sets its type, so that it reads across the table when fitted.

The base sizes read at the normal minimum when a four-generation family is fitted on a laptop.
A genogram is mostly taller than the view is wide, and its height is set by the generations,
not by the type: larger type and people further apart (so names do not wrap more) then cost
little height and use the width the fit leaves empty. The drawing is spread sideways and its
type grown by one factor, the least that keeps `readable.minimum_pt` (larger in client mode)
when the drawing is fitted into the smallest view of its mode (`readable.readable_size`).
Where no factor reaches it (a family wider than the view), the factor stops where the width
starts to decide the fit: beyond that, larger type only means a smaller zoom.
"""

from __future__ import annotations

from collections.abc import Mapping

from netwerkatlas.model.atlas import Point
from netwerkatlas.render.readable import fit_room, minimum_pt, readable_size
from netwerkatlas.tools.genogram.layout import ROW, SLOT, SYMBOL
from netwerkatlas.tools.genogram.routing import BAR_STEP

NAME_SIZE = 18.0  # names, bold, under the symbol
SMALL = 17.0  # years, ages, the relation, a couple's years: the smallest text drawn
NAME_WIDTH = SLOT * 0.92  # a name's room: a little less than from one person to the next
HOUSEHOLD_PAD = 16.0
GAP = 5.0  # between a symbol and the text above or below it
LEADING = 1.15  # from one line to the next, in type sizes
ASCENT, DESCENT = 0.8, 0.24  # of a line of text, in type sizes
HEADROOM = 1.03  # an emotional line may curve a little beyond the people
MAX_SCALE = 1.6  # larger type no longer fits the rows: the names would reach the next row
STEP = 0.05


def text_below(name_lines: int, relation_lines: int) -> float:
    """How far a person's name and relation reach below the symbol and its gap, at the base
    sizes. Lines wrap the same at every scale: the type and the room grow together."""
    names = NAME_SIZE * (1 + LEADING * (max(name_lines, 1) - 1))
    return names + SMALL * LEADING * relation_lines + SMALL * DESCENT


def extent(
    positions: Mapping[str, Point], scale: float, below: Mapping[str, float] | None = None
) -> tuple[float, float]:
    """Width and height of the genogram of `positions` (as laid out, not yet spread) with its
    type grown by `scale`: the people, their years above and their texts below (`below`, by
    person, from `text_below`; two lines of name and of relation where not given)."""
    xs = [p[0] for p in positions.values()]
    width = (max(xs) - min(xs)) * scale + NAME_WIDTH * scale + 2 * HOUSEHOLD_PAD
    most = text_below(2, 2)
    top = min(y for _, y in positions.values()) - SYMBOL / 2 - GAP - SMALL * ASCENT * scale
    bottom = max(
        y + SYMBOL / 2 + GAP + (below or {}).get(p, most) * scale for p, (_, y) in positions.items()
    )
    return width, bottom - top


def type_scale(
    positions: Mapping[str, Point],
    below: Mapping[str, float] | None = None,
    *,
    client: bool = False,
) -> float:
    """The factor for the type and the spread: 1 when the base sizes read, else the least
    that reads in the smallest view of the mode (or the most that still helps)."""
    if not positions:
        return 1.0
    room_w, room_h = fit_room(client)
    scale, most = 1.0, largest_scale(positions, below)
    while scale <= most + 1e-9:
        width, height = extent(positions, scale, below)
        needed = readable_size((width, height), minimum_pt(client) * HEADROOM, client=client)
        if SMALL * scale >= needed - 1e-6:
            return round(scale, 2)
        if width / room_w >= height / room_h:
            return round(scale, 2)  # the width decides the fit from here on
        scale += STEP
    return round(max(1.0, most), 2)


def largest_scale(positions: Mapping[str, Point], below: Mapping[str, float] | None) -> float:
    """The most the type may grow: a name and relation under someone with a row below them
    stay above the sibling bars there (`routing` puts them at 0.62 of a row, or a step higher
    where two would overlap)."""
    lowest = max(y for _, y in positions.values())
    most = text_below(2, 2)
    room = ROW * 0.62 - BAR_STEP - SYMBOL / 2 - GAP - 4
    tallest = max(
        ((below or {}).get(p, most) for p, (_, y) in positions.items() if y < lowest - 1),
        default=0.0,
    )
    return min(MAX_SCALE, room / tallest) if tallest else MAX_SCALE


def spread(positions: Mapping[str, Point], scale: float) -> dict[str, Point]:
    """Where the people are drawn: further apart sideways by `scale`, rows where they were."""
    if scale == 1.0:
        return dict(positions)
    return {p: (round(x * scale, 2), y) for p, (x, y) in positions.items()}


def unspread(point: Point, scale: float) -> Point:
    """Where a point of the drawing is kept in the atlas: the inverse of `spread`."""
    return (point[0] / scale, point[1])
