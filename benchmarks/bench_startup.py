"""Cold start: Netwerkatlas against a bare Qt window, and a large atlas opened into the window.

Run: `cd /work/main && .venv/bin/python benchmarks/bench_startup.py [--runs N] [--profile]`.
Prints medians; asserts nothing.

1. Whole processes, in alternation, each started `--runs` times (default 7) after one warm-up
   start of each (so both are warm on disk and their bytecode is compiled, in a cache folder of
   the benchmark's own, `PYTHONPYCACHEPREFIX`):
   (a) a bare PySide6 QMainWindow with one label, until its first paint;
   (b) `python -m netwerkatlas --example` (the bundled netwerkintake-sanne), until its main
       window first paints. The program quits by itself after that paint when the environment
       has `NETWERKATLAS_QUIT_AFTER_PAINT=1` (netwerkatlas.app.first_paint), and prints the
       moment and its peak memory. Both run offscreen, with settings and data folders of their
       own (no recent files, no recovery offer).
   Time is from the moment the benchmark starts the process to the moment the window has
   painted (the wall clock the child prints). Target: the ratio <= 2. Memory is the peak RSS at
   first paint; target: <= 1.5 x the bare window's + the atlas's file size. The processor
   time of each whole process is printed too: on a machine busy with other work (tests run
   beside it) it wanders far less than the wall clock.
2. A 1,000-bol / 2,000-link atlas (benchmarks/synthetic_atlas.py) opened into the main window,
   in this process: load, the window with its tabs, shown until the first paint, with the
   cycle collector paused as the program pauses it while it opens an atlas (at the start and
   on Bestand → Openen). Target <= 300 ms. `--profile` prints where the time of one such
   open goes (cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "assets" / "examples" / "netwerkintake-sanne.netwerkatlas"
BOLLEN, LINKS = 1000, 2000
OPENS = 5

BARE_WINDOW = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    done = False
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, finish)
        return False

def finish():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"first-paint {time.time():.6f} {peak}", flush=True)
    app.quit()

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Netwerkatlas"))
window.resize(1280, 720)
watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def child_environment(folder: Path) -> dict[str, str]:
    """Offscreen, quitting after the first paint, settings and data of its own, bytecode kept."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        NETWERKATLAS_QUIT_AFTER_PAINT="1",
        NETWERKATLAS_SINGLE_INSTANCE="0",
        NETWERKATLAS_DATA_DIR=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
        PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "netwerkatlas-bench-pycache"),
    )
    return env


def start_once(command: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds from starting `command` to its first paint, its peak RSS (KiB) then, and the
    processor seconds of the whole process (it quits right after the paint). On a machine that
    is busy with other work the wall clock wanders; the processor time much less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    for line in done.stdout.splitlines():
        if line.startswith("first-paint "):
            _, moment, peak = line.split()
            return float(moment) - started, int(peak), cpu
    raise RuntimeError(f"{command[-1]!r} never painted:\n{done.stdout}\n{done.stderr}")


def whole_starts(runs: int) -> dict[str, tuple[float, float, float]]:
    """Median seconds, peak MiB and processor seconds of the bare window and of the program,
    alternated."""
    python = sys.executable
    commands = {
        "bare window": [python, "-c", BARE_WINDOW],
        "netwerkatlas": [python, "-m", "netwerkatlas", "--example"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[int]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as folder:
        env = child_environment(Path(folder))
        for command in commands.values():  # warm up: the disk cache and the bytecode
            start_once(command, env)
        for _ in range(runs):
            for name, command in commands.items():
                seconds, peak, cpu = start_once(command, env)
                times[name].append(seconds)
                peaks[name].append(peak)
                cpus[name].append(cpu)
    return {
        name: (
            statistics.median(times[name]),
            statistics.median(peaks[name]) / 1024,
            statistics.median(cpus[name]),
        )
        for name in commands
    }


def large_atlas_file(folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from netwerkatlas import io
    from synthetic_atlas import build_atlas

    path = folder / "groot.netwerkatlas"
    io.save(build_atlas(BOLLEN, LINKS), path)
    return path


def open_large(path: Path, settings) -> dict[str, float]:
    """Milliseconds of one open into the main window: load, window, shown until painted."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from netwerkatlas import collector
    from netwerkatlas.app.main_window import MainWindow
    from netwerkatlas.document import Document

    with collector.paused():  # as the program opens an atlas (netwerkatlas.collector)
        start = time.perf_counter()
        document, _ = Document.open(path)
        loaded = time.perf_counter()
        window = MainWindow(document, settings)
        built = time.perf_counter()
        window.resize(1280, 720)
        window.show()
        viewport = window.current_view().viewport()
        viewport.repaint()  # the view in front painted, all its bollen drawn
        QApplication.processEvents()
        shown = time.perf_counter()
    window.close()  # unchanged: no prompt; the views stop following the atlas
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {
        "load": (loaded - start) * 1000,
        "window + scenes": (built - loaded) * 1000,
        "show + first paint": (shown - built) * 1000,
        "total": (shown - start) * 1000,
    }


def large_opens(profile: bool) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NETWERKATLAS_DATA_DIR"] = str(Path(folder) / "data")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        path = large_atlas_file(Path(folder))
        open_large(path, settings)  # warm up: imports, fonts, caches
        runs = [open_large(path, settings) for _ in range(OPENS)]
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            open_large(path, settings)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="starts of each (at least 5)")
    parser.add_argument("--profile", action="store_true", help="profile one large open")
    args = parser.parse_args()
    starts = whole_starts(max(5, args.runs))
    (bare, bare_mib, bare_cpu), (app, app_mib, app_cpu) = (
        starts["bare window"],
        starts["netwerkatlas"],
    )
    atlas_mib = EXAMPLE.stat().st_size / 2**20
    ratio = app / bare
    memory_limit = 1.5 * bare_mib + atlas_mib
    print(f"Whole starts to the first paint, median of {max(5, args.runs)} each, alternated:")
    print(f"  bare QMainWindow + label   {bare * 1000:7.0f} ms   {bare_mib:6.1f} MiB peak", end="")
    print(f"   {bare_cpu * 1000:5.0f} ms processor")
    print(f"  netwerkatlas --example     {app * 1000:7.0f} ms   {app_mib:6.1f} MiB peak", end="")
    print(f"   {app_cpu * 1000:5.0f} ms processor")
    print(f"  ratio {ratio:.2f} x (target <= 2): {verdict(ratio <= 2)}", end="")
    print(f"; in processor time {app_cpu / bare_cpu:.2f} x")
    print(
        f"  memory {app_mib:.1f} MiB (target <= 1.5 x {bare_mib:.1f} + {atlas_mib:.2f}"
        f" = {memory_limit:.1f}): {verdict(app_mib <= memory_limit)}"
    )
    opened = large_opens(args.profile)
    print(f"A {BOLLEN:,}-bol / {LINKS:,}-link atlas into the main window, median of {OPENS}:")
    for name, ms in opened.items():
        print(f"  {name:20} {ms:7.0f} ms")
    print(f"  target total <= 300 ms: {verdict(opened['total'] <= 300)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
