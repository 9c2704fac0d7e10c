"""Load and save of a 1,000-node / 2,000-edge atlas, against plain json on the same file.

Run: `.venv/bin/python benchmarks/bench_file_io.py`. Prints medians in milliseconds and the ratio
to `json.loads` / `json.dumps` of the same text measured in the same run. Targets: load <= 150 ms,
save <= 50 ms on a 2-core machine. Not a test: it asserts nothing.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from netwerkatlas import io
from netwerkatlas.model import (
    Atlas,
    ClientNode,
    EventNode,
    InfluenceLink,
    PersonNode,
    SupportRelation,
    ThemeNode,
)

NODES, EDGES, RUNS = 1_000, 2_000, 15


def big_atlas(seed: int = 7) -> Atlas:
    rng = random.Random(seed)
    atlas = Atlas(ClientNode(label="Cliënt", name="Cliënt"))
    ids = [atlas.client_id]
    for i in range(NODES - 1):
        kind = (ThemeNode, PersonNode, EventNode)[i % 3]
        node = kind(
            label=f"Bol {i} met een naam",
            score=rng.choice([-2, -1, 0, 1, 2, None]),
            note="Een korte notitie over wat er speelt." if i % 4 == 0 else "",
        )
        atlas.add("nodes", node)
        ids.append(node.id)
    for i in range(EDGES):
        source, target = rng.sample(ids, 2)
        cls = InfluenceLink if i % 2 else SupportRelation
        atlas.add("edges", cls(source=source, target=target))
    atlas.set_positions(
        "netwerkintake", {n: (rng.uniform(-3000, 3000), rng.uniform(-3000, 3000)) for n in ids}
    )
    return atlas


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    atlas = big_atlas()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "groot.netwerkatlas"
        io.save(atlas, path)
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)

        raw_load = median_ms(lambda: json.loads(path.read_text(encoding="utf-8")))
        raw_dump = median_ms(lambda: json.dumps(data))
        raw_dump_indented = median_ms(lambda: json.dumps(data, indent=2, sort_keys=True))
        load = median_ms(lambda: io.load(path))
        dumps = median_ms(lambda: io.dumps(atlas))
        save = median_ms(lambda: io.save(atlas, path))

    size_kb = len(text.encode()) / 1024
    print(f"atlas: {NODES} nodes, {EDGES} edges, file {size_kb:.0f} KiB, median of {RUNS} runs")
    print(f"{'':32}{'ms':>9}{'ratio':>9}  target")
    rows = [
        ("floor: json.loads (read+parse)", raw_load, None, ""),
        ("floor: json.dumps (compact)", raw_dump, None, ""),
        ("floor: json.dumps (indent, sorted)", raw_dump_indented, None, ""),
        ("netwerkatlas load", load, load / raw_load, "<= 150 ms"),
        ("netwerkatlas dumps (no disk)", dumps, dumps / raw_dump, ""),
        ("netwerkatlas save (atomic, fsync)", save, save / raw_dump, "<= 50 ms"),
    ]
    for name, ms, ratio, target in rows:
        ratio_text = f"{ratio:8.1f}x" if ratio is not None else f"{'':9}"
        print(f"{name:32}{ms:9.1f}{ratio_text}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
