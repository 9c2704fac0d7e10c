"""A start that measures itself: with `NETWERKATLAS_QUIT_AFTER_PAINT=1` the program quits once its
main window has painted for the first time, and prints when that was and how much memory it
held, so `benchmarks/bench_startup.py` can time whole starts against a bare Qt window.

The printed line is `first-paint <wall clock seconds> <peak RSS in KiB>`: the wall clock (not a
monotonic one) so the benchmark can subtract the moment it started the process.
"""

from __future__ import annotations

import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

QUIT_ENV = "NETWERKATLAS_QUIT_AFTER_PAINT"


def wanted() -> bool:
    return os.environ.get(QUIT_ENV, "") not in ("", "0")


def peak_rss_kib() -> int:
    """The most memory this process has held so far (Linux: KiB; macOS reports bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def report() -> None:
    print(f"first-paint {time.time():.6f} {peak_rss_kib()}", flush=True)


class _FirstPaint(QObject):
    """Waits for the window's first paint; once the event loop is free again, reports and quits."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        report()
        QApplication.quit()


def quit_after_paint(window: QWidget) -> None:
    """When asked for (see the module docstring), quit after `window` first paints."""
    if wanted():
        _FirstPaint(window)
