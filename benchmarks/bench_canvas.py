"""The canvas with 1,000 bollen and 2,000 links: one drag step, and opening the atlas.

Run: `cd /work/main && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_canvas.py`.
A drag step is what MoveBollen does on every mouse move: `AtlasScene.move_live` (the links
follow), then the repaint of the viewport. It is measured next to a floor, a bare QGraphicsScene
with the same number of plain ellipses, texts and lines at the same places, in the same run.
Targets (2-core machine): a drag step <= 8 ms and <= 1.5 x the floor; opening the atlas into the
canvas (load, scene, view shown and painted) <= 300 ms. Prints a table; asserts nothing.
"""

from __future__ import annotations

import gc
import math
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QObject, QPointF, qVersion
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from netwerkatlas import io
from netwerkatlas.canvas.items import LinkItem
from netwerkatlas.canvas.netwerkintake_scene import AtlasScene
from netwerkatlas.canvas.netwerkintake_view import AtlasView
from netwerkatlas.model import Atlas, Direction
from netwerkatlas.render.style import METRICS, PAPER
from netwerkatlas.tools.netwerkintake import VIEW
from synthetic_atlas import NEAR, build_atlas  # benchmarks/ is on the path when run

NODES, LINKS = 1_000, 2_000
STEPS, STEPS_WORST, BLOCK, OPENS = 300, 120, 20, 7
VIEW_SIZE = (1200, 800)
ZOOM = 0.35  # fixed zoom, centred on the client: about 250 bollen visible
SWING_PX = 20  # screen pixels the dragged bol moves either way
UpdateMode = QGraphicsView.ViewportUpdateMode


# --- the atlas ------------------------------------------------------------------------------


def big_atlas(near: bool, seed: int = 5) -> Atlas:
    return build_atlas(NODES, LINKS, near, seed)


def dragged_bol(atlas: Atlas) -> str:
    """The theme with the most links among those near the middle of the view."""
    positions = atlas.views[VIEW].positions
    near = [n for n, p in positions.items() if n != atlas.client_id and math.dist(p, (0, 0)) < NEAR]
    return max(near, key=lambda n: (len(atlas.edges_of(n)), n))


def offset(i: int) -> QPointF:
    """Step `i` of a drag back and forth around the start, SWING_PX screen pixels either way:
    2 px right or left and 1 px up or down per step, whole pixels as a mouse moves."""
    half = SWING_PX // 2
    k = i % (4 * half)
    wave = k if k <= half else (2 * half - k if k <= 3 * half else k - 4 * half)
    return QPointF(2 * wave / ZOOM, wave / ZOOM)


# --- the two canvases -----------------------------------------------------------------------


def show(view: QGraphicsView) -> None:
    view.resize(*VIEW_SIZE)
    view.show()
    QApplication.processEvents()
    view.resetTransform()
    view.scale(ZOOM, ZOOM)
    view.centerOn(0, 0)
    QApplication.processEvents()


class Canvas:
    """The netwerkatlas canvas, AtlasScene in an AtlasView, dragged as MoveBollen drags."""

    def __init__(self, atlas: Atlas, node_id: str) -> None:
        self.scene = AtlasScene(atlas)
        self.view: QGraphicsView = AtlasView(self.scene)
        show(self.view)
        self.node_id = node_id
        self.origin = QPointF(self.scene.bol_items[node_id].pos())

    def step(self, i: int) -> None:
        self.scene.move_live({self.node_id: self.origin + offset(i)})

    def visible(self) -> tuple[int, int]:
        """Bollen (by centre) and links that show in the viewport."""
        area = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        bollen = sum(area.contains(item.pos()) for item in self.scene.bol_items.values())
        links = sum(isinstance(item, LinkItem) for item in self.scene.items(area))
        return bollen, links

    def close(self) -> None:
        self.view.close()
        self.scene.detach()


class Floor:
    """The least a drag step can cost: plain Qt items moved by hand, no Python paint code. Same
    background, render hints, frame and update mode as the canvas."""

    def __init__(self, atlas: Atlas, node_id: str) -> None:
        self.scene = QGraphicsScene()
        self.scene.setBackgroundBrush(QBrush(QColor(PAPER)))
        points = {n: QPointF(*p) for n, p in atlas.views[VIEW].positions.items()}
        self.circles: dict[str, QGraphicsEllipseItem] = {}
        self.texts: dict[str, QGraphicsSimpleTextItem] = {}
        r = METRICS.radius
        for record in atlas.nodes():
            circle = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
            circle.setPos(points[record.id])
            text = QGraphicsSimpleTextItem(record.label)
            text.setPos(points[record.id] + QPointF(-r, -8))
            self.scene.addItem(circle)
            self.scene.addItem(text)
            self.circles[record.id], self.texts[record.id] = circle, text
        self.lines: dict[str, list[tuple[QGraphicsLineItem, str, str]]] = {}
        for edge in atlas.edges():
            line = QGraphicsLineItem(QLineF(points[edge.source], points[edge.target]))
            self.scene.addItem(line)
            for end in (edge.source, edge.target):
                self.lines.setdefault(end, []).append((line, edge.source, edge.target))
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setFrameShape(QGraphicsView.Shape.NoFrame)
        show(self.view)
        self.node_id = node_id
        self.origin = QPointF(self.circles[node_id].pos())

    def step(self, i: int) -> None:
        point = self.origin + offset(i)
        self.circles[self.node_id].setPos(point)
        self.texts[self.node_id].setPos(point + QPointF(-METRICS.radius, -8))
        for line, source, target in self.lines[self.node_id]:
            line.setLine(QLineF(self.circles[source].pos(), self.circles[target].pos()))

    def close(self) -> None:
        self.view.close()


def clean_up() -> None:
    """Delete closed views and scenes now, so later measurements do not pay for them."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


# --- measuring ------------------------------------------------------------------------------


class PaintCounter(QObject):
    """Counts paint events on a viewport and the area they cover, to be sure each step paints."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.area = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            rect = event.region().boundingRect()
            self.paints += 1
            self.area += rect.width() * rect.height()
        return False


@dataclass
class Drag:
    """The timed steps of one drag, and what the paint counter saw."""

    counter: PaintCounter = field(default_factory=PaintCounter)
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.times, n=20)[18]

    @property
    def paints(self) -> float:
        """Paint events per step."""
        return self.counter.paints / len(self.times)

    @property
    def painted(self) -> float:
        """The share of the viewport an average paint covered."""
        area = self.counter.area / max(1, self.counter.paints)
        return area / (VIEW_SIZE[0] * VIEW_SIZE[1])


def drag(
    views: list[QGraphicsView], steppers: list[Callable[[int], None]], steps: int, full: bool
) -> list[Drag]:
    """Time `step(i)` plus the repaint it causes, for each view, alternating in blocks of
    BLOCK steps so that both see the same machine. The repaint happens in the event processing
    that follows a move in a real drag (the scene's dirty items, then the viewport's update
    request); the paint counter shows that it really painted. `full`: every step repaints the
    whole viewport (FullViewportUpdate) instead of the changed region (SmartViewportUpdate, as
    AtlasView is set up)."""
    results = [Drag() for _ in views]
    mode = UpdateMode.FullViewportUpdate if full else UpdateMode.SmartViewportUpdate
    for view, result in zip(views, results, strict=True):
        view.setViewportUpdateMode(mode)
        view.viewport().installEventFilter(result.counter)
    QApplication.processEvents()
    for result in results:
        result.counter.paints = result.counter.area = 0
    for first in range(0, steps, BLOCK):
        for step, result in zip(steppers, results, strict=True):
            for i in range(first, min(steps, first + BLOCK)):
                start = time.perf_counter()
                step(i + 1)  # step 0 is the start: no move
                QApplication.processEvents()
                result.times.append((time.perf_counter() - start) * 1000)
    for view, step, result in zip(views, steppers, results, strict=True):
        view.viewport().removeEventFilter(result.counter)
        step(0)  # back to the start
        view.setViewportUpdateMode(UpdateMode.SmartViewportUpdate)
    QApplication.processEvents()
    return results


def open_times(path: Path) -> dict[str, float]:
    """Median ms of io.load, AtlasScene(atlas), and AtlasView shown with its first full paint
    (fit_all, so every bol is drawn and its cache filled), and of the three together."""
    runs: dict[str, list[float]] = {"load": [], "scene": [], "view + first paint": [], "total": []}
    for _ in range(OPENS):
        clean_up()
        start = time.perf_counter()
        atlas, _ = io.load(path)
        loaded = time.perf_counter()
        scene = AtlasScene(atlas)
        built = time.perf_counter()
        view = AtlasView(scene)
        counter = PaintCounter()
        view.viewport().installEventFilter(counter)
        view.resize(*VIEW_SIZE)
        view.show()
        QApplication.processEvents()  # the window is exposed and painted
        if counter.paints == 0:
            view.viewport().repaint()
        shown = time.perf_counter()
        runs["load"].append((loaded - start) * 1000)
        runs["scene"].append((built - loaded) * 1000)
        runs["view + first paint"].append((shown - built) * 1000)
        runs["total"].append((shown - start) * 1000)
        view.viewport().removeEventFilter(counter)
        view.close()
        scene.detach()
        del view, scene, atlas
    clean_up()
    return {name: statistics.median(values) for name, values in runs.items()}


# --- the table ------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(
        f"PySide6 {PySide6.__version__} (Qt {qVersion()}), platform "
        f"{QGuiApplication.platformName()}, {os.cpu_count()} cpus, Python "
        f"{platform.python_version()}"
    )
    verdicts: list[str] = []
    for near in (True, False):
        atlas = big_atlas(near)
        node_id = dragged_bol(atlas)
        canvas = Canvas(atlas, node_id)
        floor = Floor(atlas, node_id)
        steps = STEPS if near else STEPS_WORST
        bollen, links = canvas.visible()
        if near:
            directed = sum(e.direction != Direction.NONE for e in atlas.edges())
            emphasised = sum(n.emphasis for n in atlas.nodes())
            print(
                f"atlas: {NODES} bollen (client + {NODES - 1} themes, {emphasised} emphasised) "
                f"on a grid in a disc of radius ~3000 pt, {LINKS} influence links "
                f"({directed} directed)"
            )
            print(
                f"view: {VIEW_SIZE[0]}x{VIEW_SIZE[1]} px at a fixed zoom of {ZOOM}, centred on "
                f"the client; a step moves one bol 2 px, up to {SWING_PX} px either way"
            )
            print()
            print(
                f"{'drag step':46}{'median':>8}{'p95':>8}{'ratio':>7}{'paints':>8}{'area':>6}"
                "   (ms; ratio of medians; paints per step; share of viewport painted)"
            )
        kind = "near links" if near else "links anywhere (worst case)"
        print(
            f"{kind}: {bollen} bollen and {links} links in view, dragged bol has "
            f"{len(atlas.edges_of(node_id))} links, {steps} steps"
        )
        for full in (False, True):
            update = "whole viewport" if full else "changed region"
            ours, bare = drag([canvas.view, floor.view], [canvas.step, floor.step], steps, full)
            ratio = ours.median / bare.median
            for name, result, ratio_text in (
                (f"  floor, {update}", bare, ""),
                (f"  netwerkatlas, {update}", ours, f"{ratio:.2f}"),
            ):
                print(
                    f"{name:46}{result.median:8.2f}{result.p95:8.2f}{ratio_text:>7}"
                    f"{result.paints:8.2f}{result.painted:6.0%}"
                )
            verdicts.append(
                f"drag step, {kind}, {update}: {ours.median:.1f} ms <= 8 ms "
                f"{verdict(ours.median <= 8)}; ratio {ratio:.2f} <= 1.5 {verdict(ratio <= 1.5)}"
            )
        canvas.close()
        floor.close()
        del canvas, floor, atlas
        clean_up()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "groot.netwerkatlas"
        io.save(big_atlas(near=True), path, keep_backup=False)
        opened = open_times(path)
    print()
    print(f"open into the canvas (near links, median of {OPENS}; view at fit_all)")
    for name, ms in opened.items():
        print(f"  {name:44}{ms:8.1f}")
    total = opened["total"]
    verdicts.append(f"open into the canvas: {total:.0f} ms <= 300 ms {verdict(total <= 300)}")
    print()
    print("targets")
    for line in verdicts:
        print(f"  {line}")
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
