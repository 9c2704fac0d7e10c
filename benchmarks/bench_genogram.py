"""Genogram layout of made-up families of 200 and 1,000 people, next to Graphviz `dot`.

Run: `.venv/bin/python benchmarks/bench_genogram.py`. Prints medians in milliseconds for reading
the family out of the atlas, the layout itself and the whole drawing (layout plus label
fitting), and for Graphviz `dot -Tplain` laying out the same family (couples on one rank,
children below) in the same run, when Graphviz is installed. Target: <= 1 s for 1,000 people
on a 2-core machine. Not a test: it asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.genogram_families import random_family

from netwerkatlas.tools.genogram.drawing import GenogramDrawing
from netwerkatlas.tools.genogram.family import read_family
from netwerkatlas.tools.genogram.layout import compute_layout
from timing import RUNS, median_ms


def dot_source(family) -> str:
    """The family for `dot`: a point node per couple joins partners and leads to children."""
    lines = ["digraph g {", "node [shape=box, width=0.55, height=0.55];"]
    for person_id, person in family.persons.items():
        lines.append(f'"{person_id}" [label="{person.shown_label}"];')
    for i, couple in enumerate(family.couples):
        union = f"u{i}"
        lines.append(f'"{union}" [shape=point];')
        lines.append(f'{{ rank=same; "{couple.left}"; "{union}"; "{couple.right}"; }}')
        lines.append(f'"{couple.left}" -> "{union}" [dir=none];')
        lines.append(f'"{union}" -> "{couple.right}" [dir=none];')
        for child in couple.children:
            lines.append(f'"{union}" -> "{child}";')
    for parent, children in family.single_parent_children.items():
        for child in children:
            lines.append(f'"{parent}" -> "{child}";')
    lines.append("}")
    return "\n".join(lines)


def main() -> None:
    dot = shutil.which("dot")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cpus; {RUNS} runs, median (max)")
    print(f"{'people':>7} {'rows':>5}  {'read':>12} {'layout':>14} {'drawing':>14} {'dot':>16}")
    results = {}
    for size in (200, 1000):
        atlas = random_family(size)
        family = read_family(atlas)
        read = median_ms(lambda atlas=atlas: read_family(atlas))
        layout = median_ms(lambda family=family: compute_layout(family))
        drawing = median_ms(lambda atlas=atlas: GenogramDrawing(atlas))
        graphviz = "not installed"
        if dot:
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder) / "family.dot"
                source.write_text(dot_source(family), encoding="utf-8")
                ms, worst = median_ms(
                    lambda source=source: subprocess.run(
                        [dot, "-Tplain", str(source)], check=True, capture_output=True
                    ),
                    runs=3,
                )
                graphviz = f"{ms:8.1f} ({worst:.0f})"
        results[size] = drawing[0]
        print(
            f"{len(family.persons):>7} {len(family.rows()):>5}  {read[0]:7.1f} ({read[1]:.0f})"
            f" {layout[0]:8.1f} ({layout[1]:.0f}) {drawing[0]:8.1f} ({drawing[1]:.0f})"
            f" {graphviz:>16}"
        )
    print()
    verdict = "met" if results[1000] <= 1000 else "NOT MET"
    print(f"target: 1,000 people laid out and drawn in {results[1000]:.0f} ms <= 1000 ms {verdict}")


if __name__ == "__main__":
    main()
