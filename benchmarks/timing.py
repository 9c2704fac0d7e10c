"""How the benchmarks time a piece of work: the median and the slowest of several runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

RUNS = 7


def median_ms(run: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median and slowest run of `run()`, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)
