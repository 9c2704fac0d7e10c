"""Python's cycle collector around the moments that build an atlas: the start and an open.

Opening an atlas makes some hundred thousand objects (records, items, labels) that live as long
as the atlas is shown, and next to no garbage. The collector, counting those allocations, walked
every object again and again while they were made: a tenth of the start, and 10-40 ms of
opening a 1,000-bol atlas. So it is paused while an atlas is built (`paused`), and at the start
until the window has painted (`pause_for_start`, then `start_done`). Objects are still freed by
reference counting the moment they are dropped; only cycles wait for the collector's return.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def pause_for_start() -> None:
    """Off until `start_done`: the program's start."""
    gc.disable()


def start_done() -> None:
    """The collector on again after the start. What the start made lives as long as the
    program, so later collections leave it out (`gc.freeze`) and walk only what came after:
    the first one walked it all, tens of milliseconds at a moment the user was working.
    Calling it again does nothing."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """No collections inside the block (opening an atlas into a window); as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
