"""PySide6 6.12.0 drops a reference to None on every void call and then aborts the process.

The check runs in a child process, because on a broken PySide6 the interpreter dies with
"Fatal Python error: none_dealloc" long before the loop ends.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 100_000
SCRIPT = f"""
import sys
from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem
app = QApplication.instance() or QApplication([])
import gc
item = QGraphicsEllipseItem(0, 0, 10, 10)
for i in range(1000):  # first calls set up caches that may let go of a None once
    item.setPos(i, i)
gc.collect()
gc.disable()
before = sys.getrefcount(None)
for i in range({CALLS}):
    item.setPos(i % 500, i % 300)
after = sys.getrefcount(None)
print(before, after)
"""


def test_many_void_calls_keep_references_to_none():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, f"the process died: {result.stderr[-500:]}"
    before, after = map(int, result.stdout.split())
    assert after >= before, f"references to None fell from {before} to {after}"


def test_the_known_bad_release_is_not_installed():
    import PySide6

    assert PySide6.__version__ != "6.12.0"
