"""How long an autosave holds up the GUI thread, for atlases of 30, 150 and 1,000 bollen.

Run: `.venv/bin/python benchmarks/bench_autosave.py`. On the GUI thread an autosave only makes a
private copy of the atlas (`recovery.snapshot`); the text, the sealing and the write run on the
writer thread. Printed next to it, measured in the same run: the whole `io.dumps` (what the GUI
thread would pay if it serialised itself), the floor `json.dumps` of the same document, and the
writer thread's part. Not a test: it asserts nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from netwerkatlas import io
from netwerkatlas.io.fileformat import to_document
from netwerkatlas.io.recovery import RecoveryStore, Snapshot, snapshot
from synthetic_atlas import build_atlas  # benchmarks/ is on the path when run
from timing import median_ms

SIZES = (30, 150, 1000)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NETWERKATLAS_DATA_DIR"] = folder
        store = RecoveryStore(Path(folder) / "recovery")
        print(
            "bollen  GUI-thread ms (median/max)  io.dumps ms  json.dumps ms  writer ms  "
            "GUI/json  io.dumps/json"
        )
        for count in SIZES:
            atlas = build_atlas(count, links=2 * count)
            document = to_document(atlas)
            gui, gui_max = median_ms(lambda atlas=atlas: snapshot(atlas))
            whole, _ = median_ms(lambda atlas=atlas: io.dumps(atlas))
            floor, _ = median_ms(
                lambda document=document: json.dumps(
                    document, ensure_ascii=False, sort_keys=True, indent=2
                )
            )
            snap = Snapshot(snapshot(atlas), None)
            writer, _ = median_ms(lambda snap=snap: store.write(snap))
            print(
                f"{count:6d}  {gui:10.2f} / {gui_max:6.2f}       {whole:9.2f}  {floor:13.2f}"
                f"  {writer:9.2f}  {gui / floor:8.2f}  {whole / floor:13.2f}"
            )
        store.remove()


if __name__ == "__main__":
    main()
