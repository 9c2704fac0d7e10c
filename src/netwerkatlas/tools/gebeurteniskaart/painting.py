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
from netwerkatlas.render.style import INK, MUTED, SCORE_FILL, tint
from netwerkatlas.tools.gebeurteniskaart.layout import (
    BADGE_R,
    BAR_H,
    DOT_R,
    FAMILY_R,
    FAMILY_SIZE,
    LANE_NAME_SIZE,
    PAD,
    TICK_BAND,
    TICK_SIZE,
    Box,
    FamilyLayout,
    LabelText,
    Lane,
    Placed,
)
from netwerkatlas.tools.netwerkintake.drawing import draw_badge

if TYPE_CHECKING:
    from netwerkatlas.tools.gebeurteniskaart.drawing import TimelineDrawing

QUIET = "#8a949e"  # the family layer and the lanes: grey, so the client's events stand out
JOIN = "#c3cad2"
GROUND = "#ffffff"  # under labels, so the lines they stand on do not run through the words


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
        _draw_label(painter, box, drawing.spans[event_id].text)
    if drawing.undated:
        _draw_strip(drawing, painter)


def _draw_joins(drawing: TimelineDrawing, painter: Painter) -> None:
    """Each person's lane joined to the events they were involved in."""
    rows = {lane.person_id: lane.y for lane in drawing.lanes}
    for event_id, who in drawing.involved.items():
        if event_id not in drawing.layout.placed:
            continue
        x, y = drawing.positions[event_id]
        for person_id in who:
            if person_id in rows:
                painter.line(x, y, x, rows[person_id], colour=JOIN, width=0.5, dash=(1, 2))


def _draw_axis(drawing: TimelineDrawing, painter: Painter) -> None:
    axis, y = drawing.axis, drawing.axis_y
    painter.line(0, y, axis.width, y, colour=INK, width=1.4)
    painter.polygon([(axis.width + 8, y), (axis.width, y - 4), (axis.width, y + 4)], fill=INK)
    for x, time, labelled in axis.ticks(drawing.tick_width):
        painter.line(
            x,
            y - (5 if labelled else 2.5),
            x,
            y + (5 if labelled else 2.5),
            colour=INK,
            width=0.8,
        )
        if labelled:
            painter.text(
                x,
                y + 8 + TICK_SIZE * ASCENT,
                str(time),
                size=TICK_SIZE,
                colour=INK,
                align="centre",
            )
    painter.text(
        axis.width + 12,
        y + baseline_offset(TICK_SIZE),
        drawing.axis_caption(),
        size=TICK_SIZE,
        colour=MUTED,
    )
    if drawing.now is not None and axis.start <= drawing.now <= axis.end:
        x = axis.x_of(drawing.now)
        painter.polygon([(x, y - 1.5), (x - 4.5, y - 9), (x + 4.5, y - 9)], fill=MUTED)
    if drawing.birth_time is not None:
        x = axis.x_of(drawing.birth_time)
        painter.line(x, y - 9, x, y + 9, colour=INK, width=2.2)
        painter.text(
            x,
            TICK_BAND[1] + TICK_SIZE * ASCENT + 1,
            drawing.birth_text(),
            size=TICK_SIZE,
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
    painter.line(x, start_y, tip_x, box[3] if up else box[1], colour=MUTED, width=0.6)


def _draw_mark(drawing: TimelineDrawing, painter: Painter, event_id: str, placed: Placed) -> None:
    x, y = drawing.positions[event_id]
    event, span = drawing.events[event_id], drawing.spans[event_id]
    scored = drawing.show_scores and event.score is not None
    dash = (2.5, 1.8) if span.approximate else None
    if placed.bar_end is not None:
        end = placed.bar_end + x - drawing.home[event_id][0]
        fill = tint(SCORE_FILL[event.score], 0.55) if scored else SCORE_FILL[0]
        painter.rect(x, y - BAR_H / 2, end - x, BAR_H, fill=fill, stroke=INK, width=0.8, dash=dash)
    if scored:
        if span.approximate:
            painter.circle(x, y, BADGE_R + 3, fill=GROUND, stroke=INK, width=0.9, dash=(2, 1.6))
        draw_badge(painter, x, y, BADGE_R, event.score)
    else:
        painter.circle(x, y, DOT_R, fill="#ffffff", stroke=INK, width=1.3, dash=dash)


def _draw_label(painter: Painter, box: Box, text: LabelText) -> None:
    painter.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], fill=GROUND)
    centre, top = (box[0] + box[2]) / 2, box[1] + PAD
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
    painter.line(0, y, drawing.axis.width, y, colour=QUIET, width=0.7)
    painter.text(
        -10,
        y + baseline_offset(FAMILY_SIZE),
        t("timeline.family"),
        size=FAMILY_SIZE,
        colour=QUIET,
        align="right",
    )
    for x, box, text, leader in family.marks:
        if leader:
            tip_x = min(max(x, box[0] + 2), box[2] - 2)
            painter.line(x, y + FAMILY_R, tip_x, box[1], colour=QUIET, width=0.5)
        painter.circle(x, y, FAMILY_R, fill=QUIET)
        painter.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], fill=GROUND)
        painter.text(
            (box[0] + box[2]) / 2,
            box[1] + PAD + FAMILY_SIZE * LINE_HEIGHT / 2 + baseline_offset(FAMILY_SIZE),
            text,
            size=FAMILY_SIZE,
            colour=QUIET,
            align="centre",
        )


def _draw_lane(drawing: TimelineDrawing, painter: Painter, lane: Lane) -> None:
    y = lane.y
    painter.line(0, y, drawing.axis.width, y, colour="#e6e9ed", width=0.5)
    painter.text(
        -12,
        y + baseline_offset(LANE_NAME_SIZE),
        lane.name,
        size=LANE_NAME_SIZE,
        colour=INK,
        bold=True,
        align="right",
    )
    if lane.life is not None:
        start, end = lane.life
        painter.line(
            start, y, end, y, colour=QUIET, width=3.0, dash=(3, 2) if lane.life_open else None
        )
        if not lane.life_open:
            painter.line(start, y - 5, start, y + 5, colour=QUIET, width=1.2)
    for event_id, who in drawing.involved.items():
        if lane.person_id in who and event_id in drawing.layout.placed:
            x = drawing.positions[event_id][0]
            score = drawing.events[event_id].score if drawing.show_scores else None
            painter.circle(x, y, 3.5, fill=SCORE_FILL[score], stroke=INK, width=0.7)


def _draw_strip(drawing: TimelineDrawing, painter: Painter) -> None:
    x, y = drawing.strip_title
    painter.text(x, y, t("timeline.undated"), size=10, colour=MUTED, bold=True)
    for item in drawing.undated:
        mx, my = drawing.positions[item.id]
        if drawing.show_scores and item.score is not None:
            draw_badge(painter, mx, my, BADGE_R, item.score)
        else:
            painter.circle(mx, my, DOT_R, fill="#ffffff", stroke=INK, width=1.3)
        box = drawing.label_box(item.id)
        assert box is not None
        _draw_label_left(painter, box, item.text)


def _draw_label_left(painter: Painter, box: Box, text: LabelText) -> None:
    top = box[1] + PAD
    for line in text.lines:
        step = line.size * LINE_HEIGHT
        painter.text(
            box[0] + PAD,
            top + step / 2 + baseline_offset(line.size),
            line.text,
            size=line.size,
            colour=MUTED if line.muted else INK,
            bold=line.bold,
        )
        top += step
