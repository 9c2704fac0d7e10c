"""Ten sessions of a 150-bol atlas: what they cost in the file, on loading, looking back, comparing.

Run: `cd /work/main && .venv/bin/python benchmarks/bench_sessions.py`.
The atlas: 100 themes with 150 links and 50 people (leefgebied, ecogram line, a cell in the
netwerkcirkel), 3 goals with actions; placed in the netwerkintake. An intake and nine
follow-ups, each after realistic edits made with the program's commands (15 scores, 3 people
moved ring, 2 bollen added, 1 removed, 6 bollen dragged, every goal evaluated, an action done).
Measured in the same run:
- file size and `io.load` time of the last state with one session (no snapshots), with the ten
  sessions as stored (the latest closed session whole, each earlier one its difference), and
  with every snapshot whole (the alternative the format did not take);
- switching the shown session: `atlas_at` for each session, next to loading that same state
  from its own JSON file (`io.load`);
- `compare` of the previous session with now, and of the intake with now.
Prints medians and slowest runs; asserts nothing (no wall-time targets on a busy machine).
"""

from __future__ import annotations

import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

from netwerkatlas import io
from netwerkatlas.commands import (
    AddItem,
    RemoveItem,
    SetPositions,
    SetViewSetting,
    UndoStack,
    UpdateItem,
)
from netwerkatlas.model import (
    ACTIONS,
    EDGES,
    GOALS,
    NODES,
    SESSIONS,
    Action,
    Atlas,
    Goal,
    PersonNode,
    SupportRelation,
    ThemeNode,
)
from netwerkatlas.tools.circle import VIEW as CIRCLE
from netwerkatlas.tools.circle.variants import LENSINK
from netwerkatlas.tools.ecogram.domains import DEFAULT_DOMAINS
from netwerkatlas.tools.netwerkintake import VIEW
from netwerkatlas.tools.plan.edits import evaluate
from netwerkatlas.tools.sessions.changes import compare
from netwerkatlas.tools.sessions.edits import ensure_intake, start_follow_up
from netwerkatlas.tools.sessions.history import atlas_at, sessions_in_order, state_at
from netwerkatlas.tools.sessions.state import whole
from synthetic_atlas import build_atlas  # benchmarks/ is on the path when run
from timing import median_ms

SESSIONS_MADE = 10
RUNS = 7


def intake() -> tuple[Atlas, UndoStack]:
    atlas = build_atlas(101, 150)
    atlas.update_meta({"created": "2024-01-08"})
    ensure_intake(atlas)
    rng = random.Random(13)
    cells = {}
    for i in range(50):
        domain = DEFAULT_DOMAINS[i % len(DEFAULT_DOMAINS)]
        person = PersonNode(name=f"Persoon {i}", life_domain=domain, score=rng.choice([-1, 1, 2]))
        atlas.add(NODES, person, {VIEW: (600.0 + 40 * (i % 10), 40.0 * (i // 10))})
        cells[person.id] = [rng.choice(LENSINK.rings), rng.choice(LENSINK.sectors)]
        atlas.add(EDGES, SupportRelation(source=atlas.client_id, target=person.id))
    atlas.set_view_setting(CIRCLE, "cells", cells)
    for g in range(3):
        goal = Goal(text=f"Doel {g}: weer meedoen", order=g)
        atlas.add(GOALS, goal)
        for a in range(4):
            atlas.add(ACTIONS, Action(goal_id=goal.id, what=f"Actie {a} voor doel {g}", order=a))
    return atlas, UndoStack(atlas)


def follow_up_edits(atlas: Atlas, stack: UndoStack, number: int, date: str) -> None:
    rng = random.Random(number)
    themes = [n for n in atlas.nodes() if n.kind == "theme"]
    people = [n for n in atlas.nodes() if n.kind == "person"]
    for node in rng.sample(themes, 15):
        stack.push(UpdateItem(NODES, node.id, {"score": rng.choice([-2, -1, 0, 1, 2])}))
    cells = dict(atlas.view_setting(CIRCLE, "cells"))
    for person in rng.sample(people, 3):
        cells[person.id] = [rng.choice(LENSINK.rings), cells.get(person.id, ["", "familie"])[1]]
    stack.push(SetViewSetting(CIRCLE, "cells", cells))
    for i in range(2):
        node = ThemeNode(label=f"Nieuw bij gesprek {number} ({i})", score=rng.choice([-1, 1]))
        stack.push(AddItem(NODES, node, {VIEW: (-900.0 - 60 * number, 60.0 * i)}))
    stack.push(RemoveItem(NODES, rng.choice(themes).id))
    moved = {n.id: (rng.uniform(-800, 800), rng.uniform(-800, 800)) for n in rng.sample(people, 6)}
    stack.push(SetPositions(VIEW, moved))
    for goal in atlas.items(GOALS):
        stack.push(evaluate(atlas, goal.id, date, rng.randint(1, 5)))
    undone = [a for a in atlas.items(ACTIONS) if not a.done]
    if undone:
        stack.push(UpdateItem(ACTIONS, undone[0].id, {"done": True}))


def ten_sessions() -> Atlas:
    atlas, stack = intake()
    for number in range(1, SESSIONS_MADE):
        month = 1 + 3 * number
        date = f"{2024 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-08"
        stack.push(start_follow_up(atlas, date))
        follow_up_edits(atlas, stack, number, date)
    return atlas


def one_session(atlas: Atlas) -> Atlas:
    """The same last state, as a file that was never followed up."""
    single = atlas_at(atlas, None)
    for session in single.items(SESSIONS):
        if session.snapshot is not None:
            single.update(SESSIONS, session.id, {"snapshot": None})
    return single


def all_whole(atlas: Atlas) -> Atlas:
    """The same sessions with every snapshot whole: the design not taken."""
    copy = atlas_at(atlas, None)
    for session in sessions_in_order(atlas):
        if session.snapshot is not None:
            copy.update(SESSIONS, session.id, {"snapshot": whole(state_at(atlas, session.id))})
    return copy


def main() -> None:
    atlas = ten_sessions()
    sessions = sessions_in_order(atlas)
    folder = Path(tempfile.mkdtemp())
    variants = {
        "1 session": one_session(atlas),
        "10 sessions, stored (differences)": atlas,
        "10 sessions, every snapshot whole": all_whole(atlas),
    }
    print(f"Python {platform.python_version()}, {platform.machine()}")
    print(f"{len(atlas)} bollen, {len(list(atlas.edges()))} links, {len(sessions)} sessions")
    print()
    print(f"{'file':38} {'size':>9} {'x':>5} {'load ms':>9} {'x':>5} {'slowest':>8}")
    base_size = base_load = None
    for name, variant in variants.items():
        path = folder / f"{name.split(',')[0].replace(' ', '-')}-{len(name)}.netwerkatlas"
        io.save(variant, path)
        size = path.stat().st_size
        load, slowest = median_ms(lambda p=path: io.load(p), RUNS)
        base_size = base_size or size
        base_load = base_load or load
        print(
            f"{name:38} {size / 1024:7.0f} kB {size / base_size:5.2f} {load:9.1f} "
            f"{load / base_load:5.2f} {slowest:8.1f}"
        )
    print()
    print(f"{'switching to session':38} {'atlas_at ms':>12} {'io.load of it ms':>17}")
    switch_times = []
    for session in sessions:
        state = atlas_at(atlas, session.id)
        path = folder / f"state-{session.id}.netwerkatlas"
        io.save(state, path)
        took, _ = median_ms(lambda s=session: atlas_at(atlas, s.id), RUNS)
        reload, _ = median_ms(lambda p=path: io.load(p), 3)
        switch_times.append(took)
        print(f"{session.label + ' ' + session.date:38} {took:12.1f} {reload:17.1f}")
    middle, slowest = statistics.median(switch_times), max(switch_times)
    print(f"{'median / slowest':38} {middle:12.1f} {slowest:12.1f}")
    print()
    previous = atlas_at(atlas, sessions[-2].id)
    first = atlas_at(atlas, sessions[0].id)
    for name, before in (("previous session -> now", previous), ("intake -> now", first)):
        took, slowest = median_ms(lambda b=before: compare(b, atlas), RUNS)
        items = len(compare(before, atlas))
        print(f"compare {name:30} {took:8.1f} ms (slowest {slowest:.1f}), {items} items")
    start = time.perf_counter()
    compare(atlas_at(atlas, sessions[-2].id), atlas)
    both = (time.perf_counter() - start) * 1000
    print(f"{'atlas_at + compare, previous -> now':38} {both:8.1f} ms (one run)")


if __name__ == "__main__":
    main()
