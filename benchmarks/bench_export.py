"""PDF poster export of a 1,000-bol / 2,000-link atlas to A0, next to raw reportlab and Graphviz.

Run: `cd /work/main && .venv/bin/python benchmarks/bench_export.py`.
Measured in the same run, the contenders alternating within every repetition:
- netwerkatlas: `render(atlas, ExportOptions(paper="A0"))`, everything an export does (shown
  positions, label fitting, title block, legend, the PDF with its font subset), in memory;
- the floor: a bare reportlab Canvas (same page, same bundled font, same compression) drawing
  the same circles, label lines, score badges, links and arrowheads at the same places and scale.
  The labels are fitted once beforehand, so the floor does no text fitting;
- Graphviz: `neato -n -Tpdf` on a DOT file with the same fixed positions (points), circles,
  pre-fitted labels, badges and edges, as a subprocess (start-up included; shown on its own),
  and, when libgvc loads, the same job in-process through ctypes.
A 40-bol atlas (same builder, 60 links) is exported in-process to A0 and to A2.
Targets (2-core machine): A0 export <= 1.5 x the raw reportlab floor and no slower than
Graphviz; a 40-bol atlas <= 50 ms in-process. Prints a table; asserts nothing. Whether
reportlab's optional C accelerator (rl_accel) is installed changes every reportlab number a lot;
the header says which.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import importlib.util
import io
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from netwerkatlas.export import ExportOptions, render
from netwerkatlas.export.options import page_size_pt
from netwerkatlas.export.pdf_output import poster_pdf
from netwerkatlas.export.poster import TitleBlock
from netwerkatlas.model import Atlas, Direction
from netwerkatlas.model.records import NodeKind
from netwerkatlas.render.fonts import ASCENT, BOLD, LINE_HEIGHT, REGULAR
from netwerkatlas.render.geometry import ARROW_LENGTH, ARROW_SPREAD, badge_offset
from netwerkatlas.render.style import (
    INK,
    LINK,
    METRICS,
    SCORE_FILL,
    SCORE_INK,
    bol_fill,
    score_symbol,
)
from netwerkatlas.tools.netwerkintake.drawing import NetwerkintakeDrawing
from synthetic_atlas import build_atlas  # benchmarks/ is on the path when run

NODES, LINKS, RUNS = 1_000, 2_000, 7
SMALL_NODES, SMALL_LINKS, SMALL_RUNS = 40, 60, 15
PAPER = "A0"
NEATO = shutil.which("neato")
MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


# --- what the floor and Graphviz draw, prepared once outside the timing ----------------------


@dataclass(frozen=True)
class Badge:
    x: float
    y: float
    fill: str
    ink: str
    symbol: str


@dataclass(frozen=True)
class Bol:
    x: float
    y: float
    radius: float
    fill: str
    width: float
    dashed: bool
    client: bool
    lines: tuple[str, ...]  # fitted by NetwerkintakeDrawing, as the export fits them
    size: float
    badge: Badge | None


@dataclass(frozen=True)
class Link:
    source: int  # index into Scene.bollen
    target: int
    direction: Direction


@dataclass(frozen=True)
class Scene:
    """The poster's drawing as plain data, and where the export put it on the page."""

    page: tuple[float, float]
    offset: tuple[float, float]
    scale: float
    bollen: list[Bol]
    links: list[Link]

    def counts(self) -> str:
        label_lines = sum(len(b.lines) for b in self.bollen)
        badges = sum(b.badge is not None for b in self.bollen)
        heads = sum(
            (k.direction in (Direction.FORWARD, Direction.BOTH))
            + (k.direction in (Direction.BACKWARD, Direction.BOTH))
            for k in self.links
        )
        return (
            f"{len(self.bollen)} bollen, {label_lines} label lines, {badges} score badges, "
            f"{len(self.links)} links, {heads} arrowheads"
        )


def scene_of(atlas: Atlas, paper: str) -> Scene:
    """What NetwerkintakeDrawing draws (same fills, outlines, fitted lines, badges) and the
    offset and scale the poster gives it on `paper` with the default options."""
    options = ExportOptions(paper=paper)
    drawing = NetwerkintakeDrawing(atlas, show_scores=True)
    page = page_size_pt(paper, options.landscape)
    _, geometry = poster_pdf(
        drawing, TitleBlock("titel", "ondertitel"), paper, False, options.margin_mm, "titel"
    )
    bx, by, _, _ = drawing.bounds()
    placed_x, placed_y, _, _ = geometry.drawing_rect
    offset = (placed_x - bx * geometry.scale, placed_y - by * geometry.scale)
    bollen: list[Bol] = []
    index: dict[int, int] = {}
    for bol in drawing.bollen:
        record = bol.record
        scored = record.score is not None and not bol.is_client
        badge = None
        if scored:
            dx, dy = badge_offset(bol.radius)
            badge = Badge(
                bol.x + dx,
                bol.y + dy,
                SCORE_FILL[record.score],
                SCORE_INK[record.score],
                score_symbol(record.score),
            )
        index[id(bol)] = len(bollen)
        bollen.append(
            Bol(
                bol.x,
                bol.y,
                bol.radius,
                bol_fill(bol.is_client, record.score, scored),
                METRICS.emphasis_outline if record.emphasis else METRICS.outline,
                record.kind == NodeKind.EVENT,
                bol.is_client,
                bol.lines,
                bol.label_size,
                badge,
            )
        )
    links = [Link(index[id(s)], index[id(t)], d) for s, t, d in drawing.links]
    return Scene(page, offset, geometry.scale, bollen, links)


# --- the floor: raw reportlab ---------------------------------------------------------------


def _arrow(canvas: Canvas, x: float, y: float, ux: float, uy: float) -> None:
    """A filled arrowhead with its tip at (x, y), pointing along (ux, uy)."""
    angle = math.atan2(uy, ux) + math.pi
    path = canvas.beginPath()
    path.moveTo(x, y)
    for side in (-1, 1):
        a = angle + side * ARROW_SPREAD
        path.lineTo(x + ARROW_LENGTH * math.cos(a), y + ARROW_LENGTH * math.sin(a))
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def floor_pdf(scene: Scene) -> bytes:
    """The scene drawn straight on a reportlab canvas made as the export makes its canvas."""
    used = {INK, LINK, *SCORE_FILL.values(), *SCORE_INK.values(), *(b.fill for b in scene.bollen)}
    colours = {c: HexColor(c) for c in used}
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=scene.page, bottomup=0, pageCompression=1, initialFontName=REGULAR
    )
    canvas.translate(*scene.offset)
    canvas.scale(scene.scale, scene.scale)
    bollen = scene.bollen
    canvas.setStrokeColor(colours[LINK])
    canvas.setFillColor(colours[LINK])
    canvas.setLineWidth(METRICS.link_width)
    for link in scene.links:
        a, b = bollen[link.source], bollen[link.target]
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy)
        if length <= a.radius + b.radius:
            continue
        ux, uy = dx / length, dy / length
        x1, y1 = a.x + ux * a.radius, a.y + uy * a.radius
        x2, y2 = b.x - ux * b.radius, b.y - uy * b.radius
        canvas.line(x1, y1, x2, y2)
        if link.direction in (Direction.FORWARD, Direction.BOTH):
            _arrow(canvas, x2, y2, ux, uy)
        if link.direction in (Direction.BACKWARD, Direction.BOTH):
            _arrow(canvas, x1, y1, -ux, -uy)
    canvas.setStrokeColor(colours[INK])
    dashed = False
    for bol in bollen:
        if bol.dashed != dashed:
            dashed = bol.dashed
            canvas.setDash([4, 3] if dashed else [])
        canvas.setLineWidth(bol.width)
        canvas.setFillColor(colours[bol.fill])
        canvas.circle(bol.x, bol.y, bol.radius, stroke=1, fill=1)
        if bol.client:
            canvas.setLineWidth(METRICS.outline)
            canvas.circle(bol.x, bol.y, bol.radius - 5, stroke=1, fill=0)
        canvas.setFillColor(colours[INK])
        canvas.setFont(BOLD if bol.client else REGULAR, bol.size)
        step = bol.size * LINE_HEIGHT
        first = bol.y - step * (len(bol.lines) - 1) / 2 + bol.size * ASCENT / 2
        for i, line in enumerate(bol.lines):
            canvas.drawCentredString(bol.x, first + i * step, line)
        if bol.badge is not None:
            badge = bol.badge
            if dashed:
                dashed = False
                canvas.setDash([])
            canvas.setLineWidth(1.2 * METRICS.badge_radius / 15)
            canvas.setFillColor(colours[badge.fill])
            canvas.circle(badge.x, badge.y, METRICS.badge_radius, stroke=1, fill=1)
            canvas.setFillColor(colours[badge.ink])
            canvas.setFont(BOLD, METRICS.badge_size)
            baseline = badge.y + METRICS.badge_size * ASCENT / 2
            canvas.drawCentredString(badge.x, baseline, badge.symbol)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- Graphviz -------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_source(scene: Scene) -> str:
    """The scene as DOT for `neato -n`: positions in points (y up, so flipped), fixed-size
    circles, the fitted label lines, badges as small nodes drawn after their bol, straight
    edges under the nodes, scaled to the page's width (Graphviz makes the page the drawing's
    shape, so not A0's height)."""
    inches = 72.0
    width, height = scene.page
    out = [
        "digraph atlas {",
        f"  graph [splines=false, overlap=true, outputorder=edgesfirst, pad=0, margin=0, "
        f'size="{width / inches:.3f},{height / inches:.3f}!"];',
        f'  node [shape=circle, fixedsize=true, style=filled, color="{INK}", '
        f'fontname="DejaVu Sans", fontcolor="{INK}"];',
        f'  edge [color="{LINK}", penwidth={METRICS.link_width}, arrowsize=0.6, dir=none];',
    ]
    for i, bol in enumerate(scene.bollen):
        label = "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in bol.lines)
        extra = ', fontname="DejaVu Sans Bold", peripheries=2' if bol.client else ""
        extra += ', style="filled,dashed"' if bol.dashed else ""
        out.append(
            f'  n{i} [pos="{bol.x:.2f},{-bol.y:.2f}!", width={2 * bol.radius / inches:.4f}, '
            f'fillcolor="{bol.fill}", penwidth={bol.width}, fontsize={bol.size:.2f}, '
            f'label="{label}"{extra}];'
        )
        if bol.badge is not None:
            badge = bol.badge
            out.append(
                f'  b{i} [pos="{badge.x:.2f},{-badge.y:.2f}!", '
                f"width={2 * METRICS.badge_radius / inches:.4f}, "
                f'fillcolor="{badge.fill}", fontcolor="{badge.ink}", penwidth=1.2, '
                f'fontname="DejaVu Sans Bold", fontsize={METRICS.badge_size}, '
                f"label={_quoted(badge.symbol)}];"
            )
    dirs = {Direction.FORWARD: "forward", Direction.BACKWARD: "back", Direction.BOTH: "both"}
    for link in scene.links:
        attrs = f" [dir={dirs[link.direction]}]" if link.direction in dirs else ""
        out.append(f"  n{link.source} -> n{link.target}{attrs};")
    out.append("}")
    return "\n".join(out) + "\n"


def neato(*args: str) -> None:
    subprocess.run([NEATO or "neato", *args], check=True, capture_output=True)


def neato_pdf(dot: Path, out: Path) -> None:
    neato("-n", "-Tpdf", "-o", str(out), str(dot))


def graphviz_version() -> str:
    result = subprocess.run([NEATO or "neato", "-V"], capture_output=True, text=True)
    return (result.stderr or result.stdout).strip().split("version")[-1].strip()


class LibGvc:
    """The `neato -n -Tpdf -o out` job in this process, through libgvc (as neato's main does
    it), so Graphviz can be compared without its process start-up. A new context per job, as
    the output file is opened and closed by the job list of a context."""

    def __init__(self) -> None:
        gvc = ctypes.CDLL(ctypes.util.find_library("gvc") or "libgvc.so.6")
        cgraph = ctypes.CDLL(ctypes.util.find_library("cgraph") or "libcgraph.so.6")
        p = ctypes.c_void_p
        gvc.gvContext.restype = p
        gvc.gvParseArgs.argtypes = [p, ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
        for name in ("gvLayoutJobs", "gvRenderJobs", "gvFreeLayout"):
            getattr(gvc, name).argtypes = [p, p]
        gvc.gvFinalize.argtypes = [p]
        gvc.gvFreeContext.argtypes = [p]
        cgraph.agmemread.restype = p
        cgraph.agmemread.argtypes = [ctypes.c_char_p]
        cgraph.agclose.argtypes = [p]
        self.gvc, self.cgraph = gvc, cgraph

    def run(self, dot: bytes, out: Path) -> None:
        gvc, cgraph = self.gvc, self.cgraph
        args = [b"neato", b"-n", b"-Tpdf", b"-o" + os.fsencode(out)]
        context = gvc.gvContext()
        if gvc.gvParseArgs(context, len(args), (ctypes.c_char_p * len(args))(*args)):
            raise RuntimeError("gvParseArgs failed")
        graph = cgraph.agmemread(dot)
        if not graph:
            raise RuntimeError("agmemread failed")
        try:
            if gvc.gvLayoutJobs(context, graph) or gvc.gvRenderJobs(context, graph):
                raise RuntimeError("layout or render failed")
            gvc.gvFinalize(context)
            gvc.gvFreeLayout(context, graph)
        finally:
            cgraph.agclose(graph)
            gvc.gvFreeContext(context)


def load_libgvc() -> LibGvc | None:
    try:
        return LibGvc()
    except (OSError, AttributeError):
        return None


# --- measuring ------------------------------------------------------------------------------


@dataclass
class Timing:
    name: str
    action: Callable[[], object]
    times: list[float]
    first: float = 0.0  # the untimed warm-up, timed all the same: cold caches

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.times, n=20)[18]


def alternate(contenders: list[tuple[str, Callable[[], object]]], runs: int) -> list[Timing]:
    """One warm-up each (kept apart as `first`), then `runs` rounds in which every contender
    runs once, in turn, so all of them see the same machine; a collection before each so none
    pays for another's garbage."""
    timings = [Timing(name, action, []) for name, action in contenders]
    for timing in timings:
        start = time.perf_counter()
        timing.action()
        timing.first = (time.perf_counter() - start) * 1000
    for _ in range(runs):
        for timing in timings:
            gc.collect()
            start = time.perf_counter()
            timing.action()
            timing.times.append((time.perf_counter() - start) * 1000)
    return timings


def page_of(pdf: bytes) -> str:
    box = MEDIABOX.search(pdf)
    if box is None:
        return "?"
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    return f"{x1 - x0:.0f} x {y1 - y0:.0f} pt"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


# --- the table ------------------------------------------------------------------------------


def main() -> int:
    graphviz = graphviz_version() if NEATO else "not installed"
    libgvc = load_libgvc() if NEATO else None
    accel = "yes" if importlib.util.find_spec("_rl_accel") else "no, pure Python"
    print(
        f"reportlab {reportlab.Version} (C accelerator rl_accel: {accel}), Graphviz {graphviz}, "
        f"{os.cpu_count()} cpus, Python {platform.python_version()} on {platform.system()} "
        f"{platform.machine()}"
    )
    # The first export in this process, fonts read from disk and registered with it, for
    # information: the targets are about the warm, in-process export.
    small = build_atlas(SMALL_NODES, SMALL_LINKS)
    start = time.perf_counter()
    render(small, ExportOptions(paper=PAPER))
    first_ms = (time.perf_counter() - start) * 1000

    atlas = build_atlas(NODES, LINKS)
    options = ExportOptions(paper=PAPER)
    scene = scene_of(atlas, PAPER)
    directed = sum(e.direction != Direction.NONE for e in atlas.edges())
    emphasised = sum(n.emphasis for n in atlas.nodes())
    print(
        f"atlas: {NODES} bollen (client + {NODES - 1} themes, {emphasised} emphasised), "
        f"{LINKS} influence links ({directed} directed)"
    )
    print(f"drawn by all three: {scene.counts()}")
    print(
        f"page: {PAPER} portrait, drawing scaled by {scene.scale:.3f}; {RUNS} rounds, "
        "contenders alternating; first = the warm-up"
    )

    results: dict[str, bytes] = {}

    def ours() -> None:
        results["netwerkatlas"] = render(atlas, options).data

    def floor() -> None:
        results["floor"] = floor_pdf(scene)

    def drawing_only() -> None:
        NetwerkintakeDrawing(atlas, show_scores=True)

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        dot_path, tiny_path = base / "atlas.dot", base / "tiny.dot"
        dot = dot_source(scene)
        dot_path.write_text(dot, encoding="utf-8")
        tiny_path.write_text('digraph t { a [pos="0,0!", label="a"]; }\n', encoding="utf-8")
        gv_pdf, gv_lib_pdf, tiny_pdf = base / "neato.pdf", base / "libgvc.pdf", base / "tiny.pdf"
        contenders: list[tuple[str, Callable[[], object]]] = [
            ("floor: raw reportlab", floor),
            ("netwerkatlas render()", ours),
            ("  of which NetwerkintakeDrawing()", drawing_only),
        ]
        if NEATO:
            contenders += [
                ("graphviz: neato -n -Tpdf (process)", lambda: neato_pdf(dot_path, gv_pdf)),
                ("  start-up: neato -V", lambda: neato("-V")),
                ("  start-up: 1-node graph to PDF", lambda: neato_pdf(tiny_path, tiny_pdf)),
            ]
        if libgvc is not None:
            dot_bytes = dot.encode("utf-8")
            contenders.append(
                ("graphviz: libgvc in-process", lambda: libgvc.run(dot_bytes, gv_lib_pdf))
            )
        timings = {t.name: t for t in alternate(contenders, RUNS)}
        sizes = {
            "netwerkatlas": (len(results["netwerkatlas"]), page_of(results["netwerkatlas"])),
            "floor: raw reportlab": (len(results["floor"]), page_of(results["floor"])),
        }
        if NEATO:
            data = gv_pdf.read_bytes()
            sizes["graphviz (neato -n)"] = (len(data), page_of(data))

    ours_t = timings["netwerkatlas render()"]
    floor_t = timings["floor: raw reportlab"]
    print()
    print(
        f"{'A0 export, 1,000 bollen (ms)':44}{'median':>8}{'p95':>8}{'first':>8}{'ours/this':>11}"
    )
    drawing_ms = timings["  of which NetwerkintakeDrawing()"].median
    for timing in timings.values():
        own = timing is ours_t or timing.name.startswith("  ")
        ratio = "" if own else f"{ours_t.median / timing.median:.2f}"
        print(
            f"  {timing.name:42}{timing.median:8.1f}{timing.p95:8.1f}{timing.first:8.1f}{ratio:>11}"
        )
        if timing.name == "  of which NetwerkintakeDrawing()":
            rest = f"{ours_t.median - drawing_ms:8.1f}"
            print(f"  {'  the rest: poster, PDF (by difference)':42}{rest}")
    if not NEATO:
        print("  graphviz not installed: skipped")

    floor_ratio = ours_t.median / floor_t.median
    gv_ratio = gv_in_ratio = gv_est_ratio = None
    if NEATO:
        gv_t = timings["graphviz: neato -n -Tpdf (process)"]
        tiny = timings["  start-up: 1-node graph to PDF"].median
        gv_ratio = ours_t.median / gv_t.median
        gv_est_ratio = ours_t.median / max(gv_t.median - tiny, 1e-9)
        print()
        print("in-process comparison (ours runs warm in this process; neato starts cold each time)")
        print(
            f"  neato -V alone {timings['  start-up: neato -V'].median:.1f} ms; a 1-node "
            f"graph to PDF {tiny:.1f} ms (start-up, plugins, fontconfig, cairo)"
        )
        print(
            f"  neato less the 1-node run: {gv_t.median - tiny:.1f} ms, ours/that "
            f"{gv_est_ratio:.2f}"
        )
        if libgvc is not None:
            lib_t = timings["graphviz: libgvc in-process"]
            gv_in_ratio = ours_t.median / lib_t.median
            print(
                f"  the same job in this process (libgvc via ctypes), warm: "
                f"{lib_t.median:.1f} ms, ours/that {gv_in_ratio:.2f}; its first run "
                f"{lib_t.first:.0f} ms"
            )
        else:
            print("  libgvc could not be loaded: no in-process Graphviz run")

    print()
    print("output")
    for name, (size, page) in sizes.items():
        print(f"  {name:42}{size / 1024:9.0f} KiB   page {page}")

    small_options = {paper: ExportOptions(paper=paper) for paper in ("A0", "A2")}
    small_timings = alternate(
        [(paper, lambda o=o: render(small, o)) for paper, o in small_options.items()],
        SMALL_RUNS,
    )
    small_rows = [
        (t.name, t.median, t.p95, len(render(small, small_options[t.name]).data))
        for t in small_timings
    ]
    print()
    print(
        f"{SMALL_NODES} bollen, {SMALL_LINKS} links, in-process render(), {SMALL_RUNS} rounds "
        f"alternating (ms)"
    )
    print(f"  first export in this process (reads and registers the fonts): {first_ms:.1f}")
    for paper, ms, p95, size in small_rows:
        print(f"  {paper:42}{ms:8.1f}{p95:8.1f}   {size / 1024:.0f} KiB")

    print()
    print("targets")
    print(
        f"  A0 export: {ours_t.median:.0f} ms = {floor_ratio:.2f} x raw reportlab <= 1.5 "
        f"{verdict(floor_ratio <= 1.5)}"
    )
    if gv_ratio is not None:
        print(
            f"  A0 export: {gv_ratio:.2f} x Graphviz (neato -n -Tpdf, a process) <= 1 "
            f"{verdict(gv_ratio <= 1)}"
        )
    if gv_in_ratio is not None:
        print(
            f"    stricter, both in-process: {gv_in_ratio:.2f} x Graphviz (libgvc) <= 1 "
            f"{verdict(gv_in_ratio <= 1)}"
        )
    elif gv_est_ratio is not None:
        print(
            f"    stricter, Graphviz less its start-up: {gv_est_ratio:.2f} x <= 1 "
            f"{verdict(gv_est_ratio <= 1)}"
        )
    for paper, ms, _, _ in small_rows:
        print(
            f"  {SMALL_NODES} bollen to {paper}, in-process: {ms:.1f} ms <= 50 ms "
            f"{verdict(ms <= 50)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
