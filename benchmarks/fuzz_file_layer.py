"""The long fuzz run of the file layer: mutated examples through load, save, reload and export.

Run: `.venv/bin/python benchmarks/fuzz_file_layer.py [COUNT] [--seed S] [--jobs N] [--out DIR]`
(default 100,000 cases from seed 0, one process per core). Prints how many files loaded, how
many were refused cleanly, and a count per broken promise (unhandled exceptions, tracebacks in
messages, files saved but unloadable, export crashes, cases needing over 4 GB, ...). The first
failing cases of each kind are written to DIR (default `fuzz-failures/`) as
`<kind>-<seed>.netwerkatlas` with a `.txt` saying what went wrong, for reproduction.
Exit code 1 when anything failed. Not a test: the suite runs a few cases of the same engine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzzing import FAILURES, OUTCOMES, FuzzFailure, check_case, make_case

KEEP_PER_KIND = 5
MEMORY_LIMIT = 4 * 2**30  # per worker: a case that needs more is a finding, not a crashed run
OUT_OF_MEMORY = "out of memory (over 4 GB)"


def _limit_memory() -> None:
    with contextlib.suppress(ValueError, OSError, AttributeError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_range(start: int, stop: int) -> tuple[Counter, dict[str, list[tuple[int, str]]]]:
    """Check cases `start`..`stop`; the counts and the first failures of each kind."""
    counts: Counter = Counter()
    failures: dict[str, list[tuple[int, str]]] = {}
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        for seed in range(start, stop):
            try:
                counts[check_case(make_case(seed), Path(folder))] += 1
            except FuzzFailure as failure:
                if isinstance(failure.__cause__, MemoryError):
                    failure = FuzzFailure(OUT_OF_MEMORY, failure.detail)
                counts[failure.kind] += 1
                kept = failures.setdefault(failure.kind, [])
                if len(kept) < KEEP_PER_KIND:
                    kept.append((seed, failure.detail))
            except MemoryError:
                counts[OUT_OF_MEMORY] += 1
                kept = failures.setdefault(OUT_OF_MEMORY, [])
                if len(kept) < KEEP_PER_KIND:
                    kept.append((seed, "MemoryError"))
    return counts, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0, help="first case (cases are seeds)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args(argv)

    started = time.monotonic()
    step = max(1, min(500, args.count // max(1, args.jobs * 4)))
    ranges = [
        (s, min(s + step, args.seed + args.count))
        for s in range(args.seed, args.seed + args.count, step)
    ]
    counts: Counter = Counter()
    failures: dict[str, list[tuple[int, str]]] = {}
    with ProcessPoolExecutor(max_workers=args.jobs, initializer=_limit_memory) as pool:
        for done, (part, found) in enumerate(pool.map(run_range, *zip(*ranges, strict=True))):
            counts += part
            for kind, cases in found.items():
                failures.setdefault(kind, []).extend(cases)
            if (done + 1) % 20 == 0:
                print(f"  {sum(counts.values())} cases ...", file=sys.stderr, flush=True)

    total = sum(counts.values())
    print(f"{total} cases (seeds {args.seed}..{args.seed + args.count - 1}), ", end="")
    print(f"{time.monotonic() - started:.0f} s")
    for kind in (*OUTCOMES, *FAILURES, OUT_OF_MEMORY):
        print(f"  {kind:28} {counts.get(kind, 0)}")
    if failures:
        args.out.mkdir(parents=True, exist_ok=True)
        for kind, cases in failures.items():
            for seed, detail in sorted(cases)[:KEEP_PER_KIND]:
                name = f"{kind.replace(' ', '-')}-{seed}"
                (args.out / f"{name}.netwerkatlas").write_bytes(make_case(seed))
                (args.out / f"{name}.txt").write_text(detail + "\n", encoding="utf-8")
        print(f"first failing cases written to {args.out}/")
    return 1 if any(counts.get(kind) for kind in (*FAILURES, OUT_OF_MEMORY)) else 0


if __name__ == "__main__":
    sys.exit(main())
