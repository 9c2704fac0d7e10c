"""The gebeurteniskaart with 200 events and 50 people in lanes.

Run: `cd /work/main && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timeline.py`.
Prints medians (and the slowest run) in milliseconds and the ratios; asserts nothing.

1. Layout: the drawing made from the atlas (the axis, every label measured, wrapped and placed
   clear of the others, the lanes and the family layer), for the normal view and for client
   mode (each tries a few widths of a year to take the view's shape).
2. First paint: that drawing painted through the Qt painter into a 1600 x 900 image, next to a
   floor: a bare QGraphicsScene with the same marks (a circle each), texts (one item per line)
   and lines (leaders and lane joins) at the same places, built and rendered into the same
   image, in the same run.

The issue's target: layout <= 100 ms.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from netwerkatlas.canvas.qt_painter import QtPainter
from netwerkatlas.model import Atlas, ClientNode, EventNode, InvolvedRelation, PersonNode
from netwerkatlas.tools.gebeurteniskaart import VIEW
from netwerkatlas.tools.gebeurteniskaart.drawing import TimelineDrawing
from timing import median_ms

EVENTS, PEOPLE = 200, 50
IMAGE = (1600, 900)
WHAT = ["Verhuizing", "Nieuwe school", "Ruzie thuis", "Eerste baan", "Ziekenhuis", "Vakantie"]


def busy_life(seed: int = 7) -> Atlas:
    """A client born in 1980 with 200 events over 45 years, each with one to three of 50 people
    (lanes on, the family layer on), every kind of date."""
    rng = random.Random(seed)
    atlas = Atlas(ClientNode(label="Cliënt", name="Cliënt", birth_year=1980))
    people = [
        PersonNode(label=f"Persoon {i}", birth_year=rng.randint(1930, 2015)) for i in range(PEOPLE)
    ]
    for person in people:
        atlas.add("nodes", person)
    for i in range(EVENTS):
        year = rng.randint(1981, 2025)
        kind = i % 5
        fields: dict = {"year": year} if kind == 0 else {"date": f"{year}-{rng.randint(1, 12):02d}"}
        if kind == 2:
            fields = {"age": rng.randint(1, 40)}
        if kind == 3:
            fields = {"year": year, "end_year": min(year + rng.randint(1, 4), 2026)}
        event = EventNode(
            label=f"{WHAT[i % len(WHAT)]} {i}",
            score=rng.choice([-2, -1, 0, 1, 2, None]),
            approximate=kind == 4,
            **fields,
        )
        atlas.add("nodes", event)
        for person in rng.sample(people, rng.randint(1, 3)):
            atlas.add("edges", InvolvedRelation(source=event.id, target=person.id))
    atlas.set_view_setting(VIEW, "lanes", True)
    atlas.set_view_setting(VIEW, "family", True)
    return atlas


def image_painter() -> tuple[QImage, QPainter]:
    image = QImage(*IMAGE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    return image, painter


def fit(painter: QPainter, bounds: tuple[float, float, float, float]) -> None:
    x, y, w, h = bounds
    scale = min(IMAGE[0] / w, IMAGE[1] / h)
    painter.scale(scale, scale)
    painter.translate(-x, -y)


def paint_drawing(drawing: TimelineDrawing) -> None:
    _image, painter = image_painter()
    fit(painter, drawing.bounds())
    drawing.draw(QtPainter(painter))
    painter.end()


def floor_scene(drawing: TimelineDrawing) -> QGraphicsScene:
    """The same marks, texts and lines as bare QGraphicsScene items."""
    scene = QGraphicsScene()
    scene.addItem(QGraphicsLineItem(0, 0, drawing.axis.width, 0))
    rows = {lane.person_id: lane.y for lane in drawing.lanes}
    for event_id, (x, y) in drawing.positions.items():
        mark = QGraphicsEllipseItem(x - 8, y - 8, 16, 16)
        mark.setBrush(QColor("#a9cce3"))
        scene.addItem(mark)
        box = drawing.label_box(event_id)
        placed = drawing.layout.placed.get(event_id)
        if placed is not None and placed.leader and box is not None:
            scene.addItem(QGraphicsLineItem(x, y, box[0], box[1]))
        for person_id in drawing.involved.get(event_id, ()):
            if person_id in rows:
                scene.addItem(QGraphicsLineItem(x, y, x, rows[person_id]))
        text = drawing.spans[event_id].text if event_id in drawing.spans else None
        if box is not None and text is not None:
            top = box[1]
            for line in text.lines:
                item = QGraphicsSimpleTextItem(line.text)
                item.setPos(box[0], top)
                scene.addItem(item)
                top += line.size * 1.2
    for lane in drawing.lanes:
        item = QGraphicsSimpleTextItem(lane.name)
        item.setPos(-80, lane.top)
        scene.addItem(item)
        scene.addItem(QGraphicsLineItem(0, lane.y, drawing.axis.width, lane.y))
    return scene


def paint_floor(drawing: TimelineDrawing) -> None:
    scene = floor_scene(drawing)
    _image, painter = image_painter()
    scene.render(painter, QRectF(0, 0, *IMAGE), QRectF(*drawing.bounds()))
    painter.end()


def main() -> None:
    QApplication.instance() or QApplication([])
    atlas = busy_life()
    drawing = TimelineDrawing(atlas)
    family = len(drawing.family.marks) if drawing.family else 0
    print(
        f"{EVENTS} events, {len(drawing.lanes)} lanes, {family} family marks,"
        f" {len(drawing.texts())} texts; median (slowest) of several runs, ms\n"
    )
    layout = median_ms(lambda: TimelineDrawing(atlas))
    client = median_ms(lambda: TimelineDrawing(atlas, client=True))
    paint = median_ms(lambda: paint_drawing(drawing))
    floor = median_ms(lambda: paint_floor(drawing))
    first = median_ms(lambda: paint_drawing(TimelineDrawing(atlas)))
    print(f"1. layout (the drawing made):             {layout[0]:8.1f} ({layout[1]:.0f})")
    print(f"   layout in client mode:                 {client[0]:8.1f} ({client[1]:.0f})")
    print(f"2. paint of the drawing (QtPainter):      {paint[0]:8.1f} ({paint[1]:.0f})")
    print(f"   layout + first paint:                  {first[0]:8.1f} ({first[1]:.0f})")
    print(f"   bare QGraphicsScene built + rendered:  {floor[0]:8.1f} ({floor[1]:.0f})")
    print()
    print(f"ratio paint / bare scene:               {paint[0] / floor[0]:6.2f}x")
    print(f"ratio layout + first paint / bare scene: {first[0] / floor[0]:6.2f}x")
    slowest = max(layout[0], client[0])
    verdict = "met" if slowest <= 100 else "NOT MET"
    print(f"target: layout {slowest:.0f} ms <= 100 ms {verdict}")


if __name__ == "__main__":
    main()
