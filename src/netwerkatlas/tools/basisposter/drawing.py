"""The basisposter: the poster the client brings to the meedenkbijeenkomst, on any `Painter`.

It is organised around the client's questions for the plan, in their own words and in large
type; around them the client's name (and photo), the meeting's date and place, the network
drawn small (the chosen instrument's own drawing, scaled into a frame), who is invited and the
agenda. Each part has its frame and its text is fitted into it (`layout.flow`), so nothing
overlaps or runs off, whatever the client wrote. The export puts it on a poster like any view.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import struct
from dataclasses import dataclass

from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.model.plan_bodies import BasisPosterBody
from netwerkatlas.render.drawing import LegendEntry, Rect, ViewDrawing
from netwerkatlas.render.painter import Painter
from netwerkatlas.render.style import CLIENT_FILL, INK, MUTED
from netwerkatlas.tools.basisposter import VIEW
from netwerkatlas.tools.basisposter.layout import Flowed, Para, PlacedLine, flow
from netwerkatlas.tools.meeting.people import ref_name
from netwerkatlas.tools.meeting.store import body_of

WIDTH, HEIGHT = 1000.0, 1360.0  # portrait, as the A series less the poster's title block
PAD = 30.0  # inside a panel
GAP = 28.0  # between panels
PHOTO = 170.0
QUESTIONS_MIN, QUESTIONS_MAX = 280.0, 700.0  # the questions' panel grows with them
NETWORK_SHARE = 0.56  # of the width, for the network drawing
QUESTIONS_FILL = CLIENT_FILL
SIDE_FILL = "#eef3f8"
FRAME_LINE = "#c9d2dc"
NUMBER_FILL = "#2b6cb0"


def shown_date(value: str) -> str:
    """An ISO date the Dutch way (14-03-2026); anything else as written."""
    try:
        return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
    except ValueError:
        return value


def photo_png(atlas: Atlas) -> bytes | None:
    """The client's photo as PNG bytes, or None when there is none or it is not a PNG."""
    try:
        data = base64.b64decode(atlas.client.photo or "", validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 24 else None


def photo_box(png: bytes, box: Rect) -> Rect:
    """The photo's own proportions, as large as fits in `box` and centred in it."""
    x, y, w, h = box
    width, height = struct.unpack(">II", png[16:24])
    if not width or not height:
        return box
    scale = min(w / width, h / height)
    pw, ph = width * scale, height * scale
    return (x + (w - pw) / 2, y + (h - ph) / 2, pw, ph)


@dataclass(frozen=True)
class Panel:
    """A filled area of the poster with the frame its text flows in."""

    area: Rect
    frame: Rect
    fill: str | None
    text: Flowed


def _panel(area: Rect, paras: list[Para], fill: str | None, top_room: float = 0.0) -> Panel:
    x, y, w, h = area
    frame = (x + PAD, y + PAD + top_room, w - 2 * PAD, h - 2 * PAD - top_room)
    return Panel(area, frame, fill, flow(paras, frame))


def _side_panel(area: Rect, invited: list[Para], agenda: list[Para]) -> Panel:
    """Who is invited above the agenda. When both do not fit, each gets a part of the panel
    (by what it needs, between a third and two thirds), so a long guest list never pushes the
    agenda off the poster."""
    panel = _panel(area, invited + agenda, SIDE_FILL)
    if panel.text.complete:
        return panel
    x, y, w, h = panel.frame
    need_invited = flow(invited, (x, 0, w, 10_000)).height
    need_agenda = flow(agenda, (x, 0, w, 10_000)).height
    share = min(2 / 3, max(1 / 3, need_invited / (need_invited + need_agenda)))
    top = flow(invited, (x, y, w, h * share))
    room = top.height + PAD
    bottom = flow(agenda, (x, y + room, w, h - room))
    both = Flowed(
        top.lines + bottom.lines,
        top.marks + bottom.marks,
        min(top.scale, bottom.scale),
        room + bottom.height,
        top.complete and bottom.complete,
    )
    return Panel(area, panel.frame, SIDE_FILL, both)


class BasisPosterDrawing:
    """The basisposter of an atlas, laid out once, ready to be drawn on any `Painter`."""

    def __init__(self, atlas: Atlas, show_scores: bool = True) -> None:
        self.view_title = t("view.basisposter")
        body = body_of(atlas, VIEW)
        assert isinstance(body, BasisPosterBody)
        self.body = body
        self.client_name = atlas.client.shown_label or t("privacy.client")
        self.questions = [q.strip() for q in body.questions if q.strip()]
        self.invited = [self._invited_line(atlas, ref) for ref in body.invited]
        self.invited = [line for line in self.invited if line]
        self.agenda = [item.text for item in body.agenda if item.text.strip()]
        self.photo = photo_png(atlas) if body.show_photo else None
        self.network: ViewDrawing | None = self._network(atlas, body.drawing, show_scores)
        self._lay_out()

    @staticmethod
    def _invited_line(atlas: Atlas, ref) -> str:
        name = ref_name(atlas, ref).strip()
        role = ref.role.strip()
        if name and role and role.casefold() != name.casefold():
            return f"{name} ({role})"
        return name or role

    @staticmethod
    def _network(atlas: Atlas, name: str, show_scores: bool) -> ViewDrawing | None:
        from netwerkatlas.tools import registry

        try:
            return registry.instrument(name).make_drawing(atlas, show_scores, False)
        except (KeyError, LookupError):
            return None

    def meeting_line(self) -> str:
        parts = [t("basisposter.meeting"), shown_date(self.body.meeting_date), self.body.place]
        return " · ".join(p.strip() for p in parts if p.strip())

    # --- layout -------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        name_x = PHOTO + GAP if self.photo else 0.0
        self.photo_rect = photo_box(self.photo, (0, 0, PHOTO, PHOTO)) if self.photo else None
        self.name_rect: Rect = (name_x, 0, WIDTH - name_x, 108)
        self.subline_rect: Rect = (name_x, 114, WIDTH - name_x, 56)
        self.name = flow([Para(self.client_name, 84, bold=True)], self.name_rect)
        self.subline = flow([Para(self.meeting_line(), 32, colour=MUTED)], self.subline_rect)
        header = max(PHOTO if self.photo else 0.0, 170.0)
        heading = [Para(t("basisposter.questions_title"), 38, bold=True)]
        if self.questions:
            paras = [
                Para(q, 44, number=str(n), gap_before=0.45 * (n > 1))
                for n, q in enumerate(self.questions, 1)
            ]
        else:
            paras = [Para(t("basisposter.no_questions"), 34, colour=MUTED)]
        top = header + GAP
        heading_h = flow(heading, (PAD, 0, WIDTH - 2 * PAD, 10_000)).height + 14
        needed = flow(paras, (PAD, 0, WIDTH - 2 * PAD, 10_000)).height
        q_height = min(QUESTIONS_MAX, max(QUESTIONS_MIN, needed + heading_h + 2 * PAD + 4))
        area = (0, top, WIDTH, q_height)
        self.questions_panel = _panel(area, paras, QUESTIONS_FILL, top_room=heading_h)
        used = self.questions_panel.text.height + heading_h + 2 * PAD + 4
        if self.questions_panel.text.complete and used < q_height:  # smaller type left room
            q_height = max(QUESTIONS_MIN, used)
            area = (0, top, WIDTH, q_height)
            self.questions_panel = _panel(area, paras, QUESTIONS_FILL, top_room=heading_h)
        self.heading_rect: Rect = (PAD, top + PAD, WIDTH - 2 * PAD, heading_h)
        self.questions_heading = flow(heading, self.heading_rect)
        row = top + q_height + GAP
        left_w = WIDTH * NETWORK_SHARE
        caption = [Para(t("basisposter.network_title"), 30, bold=True)]
        self.network_panel = _panel((0, row, left_w, HEIGHT - row), caption, None)
        caption_h = self.network_panel.text.height
        fx, fy, fw, fh = self.network_panel.frame
        self.network_frame: Rect = (fx, fy + caption_h + 12, fw, max(10.0, fh - caption_h - 12))
        invited = [Para(t("basisposter.invited_title"), 30, bold=True)]
        invited += [Para(line, 25, gap_before=0.3) for line in self.invited] or [
            Para(t("basisposter.nobody_invited"), 24, colour=MUTED, gap_before=0.3)
        ]
        agenda = [Para(t("basisposter.agenda_title"), 30, bold=True, gap_before=1.0)]
        agenda += [
            Para(text, 23, number=str(n), gap_before=0.25) for n, text in enumerate(self.agenda, 1)
        ]
        side_x = left_w + GAP
        self.side_panel = _side_panel((side_x, row, WIDTH - side_x, HEIGHT - row), invited, agenda)

    def panels(self) -> list[Panel]:
        return [self.questions_panel, self.network_panel, self.side_panel]

    def text_boxes(self) -> list[tuple[Rect, PlacedLine]]:
        """Every line set on the poster with the frame it must stay inside."""
        boxes = [(self.name_rect, line) for line in self.name.lines]
        boxes += [(self.heading_rect, line) for line in self.questions_heading.lines]
        boxes += [(self.subline_rect, line) for line in self.subline.lines]
        for panel in self.panels():
            boxes += [(panel.frame, line) for line in panel.text.lines]
        return boxes

    # --- the ViewDrawing protocol ---------------------------------------------------------

    def bounds(self) -> Rect:
        return (0.0, 0.0, WIDTH, HEIGHT)

    def texts(self) -> list[str]:
        texts = [self.client_name, self.meeting_line(), *self.questions, *self.invited]
        texts += self.agenda
        if self.network is not None:
            texts += self.network.texts()
        return texts

    def legend(self) -> list[LegendEntry]:
        """None: the poster speaks for itself, and the small drawing is there to be recognised."""
        return []

    def draw(self, painter: Painter) -> None:
        if self.photo is not None and self.photo_rect is not None:
            painter.image(*self.photo_rect, self.photo)
        for flowed in (self.name, self.subline):
            _lines(painter, flowed)

        for panel in self.panels():
            if panel.fill is not None:
                painter.rect(*panel.area, fill=panel.fill)
            else:
                painter.rect(*panel.area, stroke=FRAME_LINE, width=2.0)
            for mark in panel.text.marks:
                painter.circle(mark.cx, mark.cy, mark.r, fill=NUMBER_FILL)
                painter.text(
                    mark.cx,
                    mark.cy + mark.size * 0.36,
                    mark.text,
                    size=mark.size,
                    colour="#ffffff",
                    bold=True,
                    align="centre",
                )
            _lines(painter, panel.text)
        _lines(painter, self.questions_heading)
        self._draw_network(painter)

    def _draw_network(self, painter: Painter) -> None:
        x, y, w, h = self.network_frame
        if self.network is None:
            return
        bx, by, bw, bh = self.network.bounds()
        if bw <= 0 or bh <= 0:
            return
        scale = min(w / bw, h / bh)
        painter.save()
        painter.clip_rect(x, y, w, h)
        left, top = x + (w - bw * scale) / 2, y + (h - bh * scale) / 2
        painter.translate(left - bx * scale, top - by * scale)
        painter.scale(scale)
        self.network.draw(painter)
        painter.restore()


def _lines(painter: Painter, flowed: Flowed) -> None:
    for line in flowed.lines:
        painter.text(
            line.x, line.y, line.text, size=line.size, colour=line.colour or INK, bold=line.bold
        )
