"""Where a cold start's time goes: `netwerkatlas --example` to its first paint, in phases.

Run: `cd /work/main && .venv/bin/python benchmarks/start_phases.py [--runs N]`. Prints the median
milliseconds of each phase over N whole starts (default 7, after one warm-up), each a process of
its own with its bytecode compiled, as `bench_startup.py` starts them, and beside them the bare
Qt window of `bench_startup.py`, started in alternation. Asserts nothing.

The child imports what the start imports in the start's own order, one layer at a time, and
times the program's own steps by wrapping them; the total is within a few milliseconds of
`bench_startup.py`'s figure for the same start.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_startup import BARE_WINDOW, child_environment, start_once

CHILD = r"""
import json, os, sys, time

def since_process_start() -> float:
    with open("/proc/self/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return (uptime - ticks / os.sysconf("SC_CLK_TCK")) * 1000

marks = [("interpreter", since_process_start())]
started = time.perf_counter() - marks[0][1] / 1000

def mark(name):
    marks.append((name, (time.perf_counter() - started) * 1000))

import netwerkatlas.cli as cli
mark("command line (argparse, gettext)")
import pydantic, pydantic.main
mark("pydantic")
import netwerkatlas.model
mark("record classes")
import netwerkatlas.document
mark("file layer and its schema")
import PySide6.QtWidgets
mark("PySide6")
import netwerkatlas.app.main as main
import netwerkatlas.app.first_paint as first_paint
mark("the program's Qt modules")

def timed(owner, name, phase):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        mark(phase[0])
        result = original(*args, **kwargs)
        mark(phase[1])
        return result
    setattr(owner, name, wrapper)

timed(main, "make_settings", ("QApplication", "settings"))
timed(main.Document, "open_copy", ("language, translations, recovery", "the atlas read"))
timed(main, "MainWindow", ("-", "the main window built"))
timed(main.window_place, "show", ("-", "shown"))

def report():
    mark("first paint")
    print("phases " + json.dumps(marks), flush=True)
first_paint.report = report
sys.argv = ["netwerkatlas", "--example"]
cli.main()
"""


def one_start(env: dict[str, str]) -> list[tuple[str, float]]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    for line in done.stdout.splitlines():
        if line.startswith("phases "):
            return json.loads(line.removeprefix("phases "))
    raise RuntimeError(f"the start never painted:\n{done.stdout}\n{done.stderr}")


def phases(marks: list[tuple[str, float]]) -> dict[str, float]:
    """Milliseconds per phase: from the previous mark to this one ("-" marks no phase: the
    time until the next mark is that mark's)."""
    found: dict[str, float] = {}
    previous = 0.0
    for name, moment in marks:
        if name == "-":
            continue
        found[name] = found.get(name, 0.0) + moment - previous
        previous = moment
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = child_environment(Path(folder))
        env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent / "src")
        one_start(env)  # warm up: the disk cache and the bytecode
        bare = [sys.executable, "-c", BARE_WINDOW]
        start_once(bare, env)
        runs, bare_ms = [], []
        for _ in range(args.runs):
            runs.append(phases(one_start(env)))
            bare_ms.append(start_once(bare, env)[0] * 1000)
    print(f"A start of netwerkatlas --example to its first paint, median of {args.runs}:")
    total = 0.0
    for name in runs[0]:
        median = statistics.median(run[name] for run in runs)
        total += median
        print(f"  {name:36s} {median:6.1f} ms")
    print(f"  {'sum of the medians':36s} {total:6.1f} ms")
    print(f"  {'a bare window, the same way':36s} {statistics.median(bare_ms):6.1f} ms")


if __name__ == "__main__":
    main()
