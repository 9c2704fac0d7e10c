"""What waits for the main window's first paint: work that must not delay it, and a start that
measures itself. With `NETWERKATLAS_QUIT_AFTER_PAINT=1` the program quits once its main window
has painted for the first time, and prints when that was and how much memory it held, so
`benchmarks/bench_startup.py` can time whole starts against a bare Qt window.

The printed line is `first-paint <wall clock seconds> <peak RSS in KiB>`: the wall clock (not a
monotonic one) so the benchmark can subtract the moment it started the process.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable

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
    """Waits for the window's first paint; once the event loop is free again, calls back."""

    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self.callback = callback
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def after_first_paint(window: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` once `window` has painted for the first time and the loop is free."""
    _FirstPaint(window, callback)


def _report_and_quit() -> None:
    report()
    QApplication.quit()


def quit_after_paint(window: QWidget) -> None:
    """When asked for (see the module docstring), quit after `window` first paints."""
    if wanted():
        after_first_paint(window, _report_and_quit)
