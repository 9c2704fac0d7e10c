"""Persons and themes are told apart at a glance, on screen and on paper: a person's bol carries a
small figure (explained in the legend), a theme's does not."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF

from netwerkatlas import io
from netwerkatlas.model import NodeKind
from netwerkatlas.render.person_mark import MARK_RADIUS, person_mark_offset
from netwerkatlas.resources import example_path
from netwerkatlas.tools.netwerkintake.drawing import NetwerkintakeDrawing


class Circles:
    """Keeps every circle drawn; other shapes are ignored."""

    def __init__(self) -> None:
        self.circles: list[tuple[float, float, float]] = []

    def circle(self, cx, cy, r, **kw) -> None:
        self.circles.append((cx, cy, r))

    def __getattr__(self, name):
        return lambda *args, **kw: None


def marks_at(circles, x: float, y: float) -> bool:
    return any(math.dist((cx, cy), (x, y)) < 0.01 and r == MARK_RADIUS for cx, cy, r in circles)


def test_on_the_poster_every_person_has_the_mark_and_no_theme_or_event_has_it():
    atlas, _ = io.load(example_path())
    drawing = NetwerkintakeDrawing(atlas, True)
    painter = Circles()
    drawing.draw(painter)
    people = themes = 0
    for bol in drawing.bollen:
        dx, dy = person_mark_offset(bol.radius)
        has_mark = marks_at(painter.circles, bol.x + dx, bol.y + dy)
        if bol.record.kind == NodeKind.PERSON:
            people += 1
            assert has_mark, bol.record.shown_label
        else:
            themes += 1
            assert not has_mark, bol.record.shown_label
    assert people >= 3 and themes >= 3
    assert any("persoon" in entry.label for entry in drawing.legend())


def test_on_screen_a_person_bol_paints_the_mark_where_the_poster_does(window):
    from PySide6.QtGui import QColor, QImage, QPainter

    from netwerkatlas.render.style import MUTED

    scene = window.scene
    kinds = {NodeKind.PERSON: None, NodeKind.THEME: None}
    for node_id, item in scene.bol_items.items():
        kind = window.document.atlas.node(node_id).kind
        if kind in kinds and kinds[kind] is None:
            kinds[kind] = item
    for kind, item in kinds.items():
        rect = item.boundingRect()
        image = QImage(int(rect.width()) * 2, int(rect.height()) * 2, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(2, 2)
        painter.translate(-rect.topLeft())
        item.paint(painter, _option(), None)
        painter.end()
        dx, dy = person_mark_offset(item.radius)
        head = QPointF(dx, dy - MARK_RADIUS * 0.3) - rect.topLeft()
        colour = image.pixelColor(int(head.x() * 2), int(head.y() * 2))
        is_grey = colour.name() == QColor(MUTED).name()
        assert is_grey == (kind == NodeKind.PERSON), (kind, colour.name())


def _option():
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    return QStyleOptionGraphicsItem()


def test_the_link_handle_is_a_chain_not_a_minus_sign(window):
    """Next to a "−" badge a horizontal bar read as a score. The chain is drawn on a slant:
    its picture is not the same when mirrored left to right, as a bar would be."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from netwerkatlas.render.style import METRICS

    item = next(iter(window.scene.bol_items.values()))
    centre = item.handle_centre()
    r = METRICS.handle_radius
    image = QImage(int(4 * r) * 4, int(4 * r) * 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.scale(4, 4)
    painter.translate(-centre + QPointF(2 * r, 2 * r))
    item._paint_handle(painter)
    painter.end()
    white = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() > 200
        and math.dist((x / 4, y / 4), (2 * r, 2 * r)) < r * 0.8  # inside the disc's rim
    ]
    assert white, "the handle has a symbol"
    mirrored = {(image.width() - 1 - x, y) for x, y in white}
    assert len(mirrored & set(white)) < 0.6 * len(white)
