"""Painting a laid-out gebeurteniskaart: the axis with its ticks, the event marks and their
labels, the family band, the person lanes and the strip of undated events.

Kept apart from `drawing`, which works out where everything goes; these functions only put a
finished `TimelineDrawing` on a `Painter`, so the screen and the poster paint it alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netwerkatlas.i18n import t
from netwerkatlas.render.fonts import ASCENT, LINE_HEIGHT, baseline_offset
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.score_disc import draw_score_disc
from netwerkatlas.render.style import INK, MUTED, SCORE_FILL, tint
from netwerkatlas.tools.gebeurteniskaart.layout import (
    Box,
    FamilyLayout,
    LabelText,
    Lane,
    Placed,
)

if TYPE_CHECKING:
    from netwerkatlas.tools.gebeurteniskaart.drawing import TimelineDrawing

QUIET = "#8a949e"  # the family layer and the lanes: grey, so the client's events stand out
JOIN = "#c3cad2"
GROUND = "#ffffff"  # under labels, so the lines they stand on do not run through the words


def draw_badge(painter: Painter, x: float, y: float, r: float, score: int | None) -> None:
    """The score as a disc with its symbol, the symbol as large as the text beside it (the
    disc's radius is the drawing's `badge_r`, 1.05 times its type size)."""
    draw_score_disc(painter, x, y, r, score, symbol_size=r / 1.05, line_width=r / 10)


def draw_timeline(drawing: TimelineDrawing, painter: Painter) -> None:
    """The whole gebeurteniskaart: axis, family band, lanes, events with their labels, strip."""
    _draw_joins(drawing, painter)
    _draw_axis(drawing, painter)
    if drawing.family is not None:
        _draw_family(drawing, painter, drawing.family)
    for lane in drawing.lanes:
        _draw_lane(drawing, painter, lane)
    placed = drawing.layout.placed
    for event_id, each in placed.items():  # leaders first: labels are drawn over them
        _draw_leader(drawing, painter, event_id, each)
    for event_id, each in placed.items():
        _draw_mark(drawing, painter, event_id, each)
    for event_id in placed:
        box = drawing.label_box(event_id)
        assert box is not None
        _draw_label(painter, box, drawing.spans[event_id].text, drawing.sizes.pad)
    if drawing.undated:
        _draw_strip(drawing, painter)


def _draw_joins(drawing: TimelineDrawing, painter: Painter) -> None:
    """Each person's lane joined to the events they were involved in."""
    rows = {lane.person_id: lane.y for lane in drawing.lanes}
    k = drawing.sizes.line
    for event_id, who in drawing.involved.items():
        if event_id not in drawing.layout.placed:
            continue
        x, y = drawing.positions[event_id]
        for person_id in who:
            if person_id in rows:
                painter.line(
                    x, y, x, rows[person_id], colour=JOIN, width=0.5 * k, dash=(1 * k, 2 * k)
                )


def _draw_axis(drawing: TimelineDrawing, painter: Painter) -> None:
    axis, y = drawing.axis, drawing.axis_y
    size, k = drawing.sizes.text, drawing.sizes.line
    painter.line(0, y, axis.width, y, colour=INK, width=1.4 * k)
    end = axis.width
    painter.polygon([(end + 8 * k, y), (end, y - 4 * k), (end, y + 4 * k)], fill=INK)
    for x, time, labelled in axis.ticks(drawing.tick_width):
        reach = (5 if labelled else 2.5) * k
        painter.line(x, y - reach, x, y + reach, colour=INK, width=0.8 * k)
        if labelled:
            painter.text(
                x,
                y + 0.6 * size + size * ASCENT,  # clear of the tick above it
                str(time),
                size=size,
                colour=INK,
                align="centre",
            )
    painter.text(
        axis.width + 1.2 * size,
        y + baseline_offset(size),
        drawing.axis_caption(),
        size=size,
        colour=MUTED,
    )
    if drawing.now is not None and axis.start <= drawing.now <= axis.end:
        x = axis.x_of(drawing.now)
        painter.polygon(
            [(x, y - 1.5 * k), (x - 4.5 * k, y - 9 * k), (x + 4.5 * k, y - 9 * k)], fill=MUTED
        )
    if drawing.birth_time is not None:
        x = axis.x_of(drawing.birth_time)
        # above the axis as far as a "now" mark, below only as far as a tick: clear of the year
        painter.line(x, y - 9 * k, x, y + 5 * k, colour=INK, width=2.2 * k)
        painter.text(
            x,
            drawing.sizes.tick_band[1] + size * ASCENT + 0.1 * size,
            drawing.birth_text(),
            size=size,
            colour=INK,
            bold=True,
        )


def _draw_leader(drawing: TimelineDrawing, painter: Painter, event_id: str, placed: Placed) -> None:
    if not placed.leader:
        return
    x, y = drawing.positions[event_id]
    box = drawing.label_box(event_id)
    assert box is not None
    up = box[3] <= y
    tip_x = min(max(x, box[0] + 2), box[2] - 2)
    start_y = y - placed.radius if up else y + placed.radius
    width = 0.6 * drawing.sizes.line
    painter.line(x, start_y, tip_x, box[3] if up else box[1], colour=MUTED, width=width)


def _draw_mark(drawing: TimelineDrawing, painter: Painter, event_id: str, placed: Placed) -> None:
    x, y = drawing.positions[event_id]
    event, span = drawing.events[event_id], drawing.spans[event_id]
    sizes, k = drawing.sizes, drawing.sizes.line
    scored = drawing.show_scores and event.score is not None
    dash = (2.5 * k, 1.8 * k) if span.approximate else None
    if placed.bar_end is not None:
        end = placed.bar_end + x - drawing.home[event_id][0]
        fill = tint(SCORE_FILL[event.score], 0.55) if scored else SCORE_FILL[0]
        bar = sizes.bar_h
        painter.rect(x, y - bar / 2, end - x, bar, fill=fill, stroke=INK, width=0.8 * k, dash=dash)
    if scored:
        if span.approximate:
            painter.circle(
                x,
                y,
                sizes.badge_r + 3 * k,
                fill=GROUND,
                stroke=INK,
                width=0.9 * k,
                dash=(2 * k, 1.6 * k),
            )
        draw_badge(painter, x, y, sizes.badge_r, event.score)
    else:
        painter.circle(x, y, sizes.dot_r, fill="#ffffff", stroke=INK, width=1.3 * k, dash=dash)


def _draw_label(painter: Painter, box: Box, text: LabelText, pad: float) -> None:
    painter.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], fill=GROUND)
    centre, top = (box[0] + box[2]) / 2, box[1] + pad
    for line in text.lines:
        step = line.size * LINE_HEIGHT
        painter.text(
            centre,
            top + step / 2 + baseline_offset(line.size),
            line.text,
            size=line.size,
            colour=MUTED if line.muted else INK,
            bold=line.bold,
            align="centre",
        )
        top += step


def _draw_family(drawing: TimelineDrawing, painter: Painter, family: FamilyLayout) -> None:
    y = family.y
    sizes, k = drawing.sizes, drawing.sizes.line
    size = sizes.text
    painter.line(0, y, drawing.axis.width, y, colour=QUIET, width=0.7 * k)
    painter.text(
        -1.0 * size,
        y + baseline_offset(size),
        t("timeline.family"),
        size=size,
        colour=QUIET,
        align="right",
    )
    for x, box, text, leader in family.marks:
        if leader:
            tip_x = min(max(x, box[0] + 2 * k), box[2] - 2 * k)
            painter.line(x, y + sizes.family_r, tip_x, box[1], colour=QUIET, width=0.5 * k)
        painter.circle(x, y, sizes.family_r, fill=QUIET)
        painter.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], fill=GROUND)
        painter.text(
            (box[0] + box[2]) / 2,
            box[1] + sizes.pad + size * LINE_HEIGHT / 2 + baseline_offset(size),
            text,
            size=size,
            colour=QUIET,
            align="centre",
        )


def _draw_lane(drawing: TimelineDrawing, painter: Painter, lane: Lane) -> None:
    y = lane.y
    size, k = drawing.sizes.text, drawing.sizes.line
    painter.line(0, y, drawing.axis.width, y, colour="#e6e9ed", width=0.5 * k)
    painter.text(
        -1.2 * size,
        y + baseline_offset(size),
        lane.name,
        size=size,
        colour=INK,
        bold=True,
        align="right",
    )
    if lane.life is not None:
        start, end = lane.life
        dash = (3 * k, 2 * k) if lane.life_open else None
        painter.line(start, y, end, y, colour=QUIET, width=3.0 * k, dash=dash)
        if not lane.life_open:
            painter.line(start, y - 5 * k, start, y + 5 * k, colour=QUIET, width=1.2 * k)
    for event_id, who in drawing.involved.items():
        if lane.person_id in who and event_id in drawing.layout.placed:
            x = drawing.positions[event_id][0]
            score = drawing.events[event_id].score if drawing.show_scores else None
            painter.circle(x, y, 3.5 * k, fill=SCORE_FILL[score], stroke=INK, width=0.7 * k)


def _draw_strip(drawing: TimelineDrawing, painter: Painter) -> None:
    x, y = drawing.strip_title
    sizes = drawing.sizes
    painter.text(x, y, t("timeline.undated"), size=sizes.text, colour=MUTED, bold=True)
    for item in drawing.undated:
        mx, my = drawing.positions[item.id]
        if drawing.show_scores and item.score is not None:
            draw_badge(painter, mx, my, sizes.badge_r, item.score)
        else:
            painter.circle(mx, my, sizes.dot_r, fill="#ffffff", stroke=INK, width=1.3 * sizes.line)
        box = drawing.label_box(item.id)
        assert box is not None
        _draw_label_left(painter, box, item.text, sizes.pad)


def _draw_label_left(painter: Painter, box: Box, text: LabelText, pad: float) -> None:
    top = box[1] + pad
    for line in text.lines:
        step = line.size * LINE_HEIGHT
        painter.text(
            box[0] + pad,
            top + step / 2 + baseline_offset(line.size),
            line.text,
            size=line.size,
            colour=MUTED if line.muted else INK,
            bold=line.bold,
        )
        top += step
