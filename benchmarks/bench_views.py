"""The ecogram, the netwerkcirkel and the groslijst with 5, 30 and 150 people.

Run: `cd /work/main && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_views.py`.
Prints medians (and the slowest run) in milliseconds; asserts nothing.

1. Layout: the ecogram's and the circle's drawing made from the atlas (the layout, the cards,
   the text fitting; no Qt; the ecogram from scratch, without the sectors it remembers from
   the drawing before), next to Graphviz `twopi -Tplain` laying out the same star (the
   client in the middle, each person a box with name and note) in the same run. twopi runs as
   a process, so its figure includes starting it (the bare start, `twopi -V`, is printed too).
2. Screen: the whole view painted into a 1200 x 800 image through its scene, next to a floor:
   a bare QGraphicsScene with a rectangle, two texts and a line per person at the same places.
3. Groslijst: 1,000 names filled in, next to a bare QTreeWidget with the same five columns; and
   a rename typed in the groslijst with the ecogram in front, until the ecogram shows it (here
   the ecogram lays out again only the renamed person's sector).

The working aim (the issue names none): an edit shows within 100 ms for a network of 30 people
and within 0.5 s for 150.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, QSettings
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from netwerkatlas import io
from netwerkatlas.app.main import open_window
from netwerkatlas.canvas.circle_view import CircleScene
from netwerkatlas.canvas.ecogram_view import EcogramScene
from netwerkatlas.model import Atlas, NodeKind
from netwerkatlas.tools.circle.drawing import CircleDrawing
from netwerkatlas.tools.ecogram.drawing import EcogramDrawing
from netwerkatlas.tools.ecogram.placing import sector_layout
from netwerkatlas.tools.groslijst.list_view import NAME, Groslijst
from synthetic_atlas import people_around  # benchmarks/ is on the path when run
from timing import RUNS, median_ms

SIZES = (5, 30, 150)
IMAGE = (1200, 800)
TWOPI = shutil.which("twopi")


def show(timing: tuple[float, float] | None) -> str:
    return "-" if timing is None else f"{timing[0]:7.1f} ({timing[1]:.0f})"


# --- 1. layout ------------------------------------------------------------------------------


def star_source(atlas: Atlas) -> str:
    """The ecogram as Graphviz sees a star: the client at the root, a box per person."""
    lines = [
        "graph g {",
        'root="c"; overlap=false; node [shape=box, fontsize=8];',
        'c [label="Freek", shape=circle];',
    ]
    for person in atlas.nodes(NodeKind.PERSON):
        note = person.note[:40].replace('"', "'")
        lines.append(f'"{person.id}" [label="{person.shown_label}\\n{note}"];')
        lines.append(f'c -- "{person.id}";')
    lines.append("}")
    return "\n".join(lines)


def from_scratch(atlas: Atlas) -> EcogramDrawing:
    """The ecogram laid out anew: without the sectors remembered from an earlier drawing."""
    sector_layout.cache_clear()
    return EcogramDrawing(atlas)


def twopi(source: Path) -> None:
    subprocess.run([TWOPI or "twopi", "-Tplain", str(source)], check=True, capture_output=True)


def layout_table() -> None:
    print("1. Layout and drawing (no Qt), ms: median (slowest)")
    print(f"{'people':>7}  {'ecogram':>13} {'circle':>13} {'twopi':>13}  ecogram/twopi")
    if TWOPI:
        bare = median_ms(lambda: subprocess.run([TWOPI, "-V"], capture_output=True), 5)
        print(f"{'':>7}  (twopi -V alone, the cost of starting it: {bare[0]:.1f} ms)")
    EcogramDrawing(people_around(5))  # fonts and tables loaded once, before timing
    for size in SIZES:
        atlas = people_around(size)
        ecogram = median_ms(lambda atlas=atlas: from_scratch(atlas), 5 if size > 100 else RUNS)
        circle = median_ms(lambda atlas=atlas: CircleDrawing(atlas))
        peer = None
        if TWOPI:
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder) / "star.gv"
                source.write_text(star_source(atlas), encoding="utf-8")
                peer = median_ms(lambda source=source: twopi(source), 5)
        ratio = f"{ecogram[0] / peer[0]:.2f}" if peer else "-"
        print(f"{size:>7}  {show(ecogram):>13} {show(circle):>13} {show(peer):>13}  {ratio:>13}")
    print()


# --- 2. screen ------------------------------------------------------------------------------


def paint(scene: QGraphicsScene, source: QRectF) -> None:
    image = QImage(*IMAGE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    scene.render(painter, QRectF(0, 0, *IMAGE), source)
    painter.end()


def floor_scene(drawing) -> QGraphicsScene:
    """A rectangle, a name, a note and a line from the middle for each person on `drawing`."""
    scene = QGraphicsScene()
    scene.addEllipse(-44, -44, 88, 88)
    for person, (x, y) in drawing.positions.items():
        line = QGraphicsLineItem(0, 0, x, y)
        scene.addItem(line)
        rect = QGraphicsRectItem(x - 45, y - 18, 90, 36)
        rect.setBrush(QColor("white"))
        scene.addItem(rect)
        for dy, text in ((-14, person[:10]), (2, "Komt elke week langs")):
            item = QGraphicsSimpleTextItem(text)
            item.setPos(x - 40, y + dy)
            scene.addItem(item)
    return scene


def screen_row(size: int) -> None:
    atlas = people_around(size)
    ecogram, circle = EcogramScene(atlas), CircleScene(atlas)
    floor = floor_scene(ecogram.drawing)
    source = ecogram.item.boundingRect()
    mine = median_ms(lambda: paint(ecogram, source))
    theirs = median_ms(lambda: paint(floor, source))
    round_ = median_ms(lambda: paint(circle, circle.item.boundingRect()))
    ratio = mine[0] / theirs[0]
    print(f"{size:>7}  {show(mine):>13} {show(round_):>13} {show(theirs):>13}  {ratio:>13.2f}")


def screen_table() -> None:
    print(f"2. Painting the whole view into {IMAGE[0]} x {IMAGE[1]}, ms: median (slowest)")
    print(f"{'people':>7}  {'ecogram':>13} {'circle':>13} {'floor':>13}  ecogram/floor")
    for size in SIZES:
        screen_row(size)
    print()


# --- 3. groslijst ---------------------------------------------------------------------------


def bare_list(atlas: Atlas) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setColumnCount(5)
    tree.setSortingEnabled(True)
    rows = []
    for person in atlas.nodes(NodeKind.PERSON):
        row = QTreeWidgetItem(
            [person.shown_label, person.relation, person.life_domain, "", person.note]
        )
        rows.append(row)
    tree.addTopLevelItems(rows)
    return tree


def groslijst_table() -> None:
    print("3. Groslijst, ms: median (slowest)")
    atlas = people_around(1000)
    mine = median_ms(lambda: Groslijst(atlas, lambda command: None).deleteLater(), 5)
    floor = median_ms(lambda: bare_list(atlas).deleteLater(), 5)
    print(
        f"  1,000 names filled in: {show(mine)}, bare QTreeWidget {show(floor)},"
        f" ratio {mine[0] / floor[0]:.2f}"
    )
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        for size in (30, 150):
            edit = rename_in_groslijst(size, Path(folder), settings)
            print(
                f"  a rename in the groslijst, shown in the ecogram ({size} people): {show(edit)}"
            )
    print()


def rename_in_groslijst(size: int, folder: Path, settings: QSettings) -> tuple[float, float]:
    """From typing a new name in the groslijst to the ecogram painted with it."""
    app = QApplication.instance()
    path = folder / f"atlas-{size}.netwerkatlas"
    io.save(people_around(size), path)
    window = open_window(str(path), settings)
    window.resize(1400, 900)
    window.show()
    window.view_ecogram_action.trigger()
    app.processEvents()
    atlas = window.document.atlas
    # Someone in a sector of ordinary size (a third of everyone is among the friends).
    person = next(p.id for p in atlas.nodes(NodeKind.PERSON) if p.name == "Persoon 1")
    row = window.groslijst.rows[person]
    names = iter(range(10_000))

    def rename() -> None:
        row.setText(NAME, f"Nieuwe naam {next(names)}")
        app.processEvents()  # the redraw after the edit, and the repaint
        window.ecogram_view.viewport().repaint()

    edit = median_ms(rename, 5)
    window.document.undo_stack.set_clean()
    window.close()
    return edit


def main() -> None:
    QApplication.instance() or QApplication(sys.argv[:1])
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cpus\n")
    layout_table()
    screen_table()
    groslijst_table()


if __name__ == "__main__":
    main()
