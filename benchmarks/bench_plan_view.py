"""The Plan view with a large plan: 10 goals x 12 actions x 8 evaluations.

Run: `cd /work/main && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_plan_view.py`.
Prints medians (and the slowest run) in milliseconds and the ratios; asserts nothing.

1. Opening: the Plan view made for the atlas, shown at 1300 x 900 and painted once, next to a
   bare QListWidget with one text row per goal, action and evaluation (the same 210 texts),
   shown and painted the same way, in the same run.
2. One edit until the view shows it: an action's "what" changed through a command, the view
   drawn again and painted; next to the QListWidget's row text set and painted.

The issue's target: the Plan view within 3x the bare list and within 50 ms.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication, QListWidget

from netwerkatlas.app.plan_view import PlanView
from netwerkatlas.document import Document
from netwerkatlas.model import ACTIONS
from netwerkatlas.model.records import Actor, PersonNode
from netwerkatlas.tools.plan import edits
from netwerkatlas.tools.plan.order import actions_in_order, evaluations_in_order, goals_in_order
from netwerkatlas.tools.plan.words import score_line
from timing import median_ms

GOALS, ACTIONS_PER_GOAL, EVALUATIONS_PER_GOAL = 10, 12, 8
SIZE = (1300, 900)


def large_plan() -> Document:
    document = Document.new()
    atlas = document.atlas
    fleur = PersonNode(label="Fleur", name="Fleur")
    from netwerkatlas.commands import AddItem

    document.push(AddItem("nodes", fleur))
    groups = (Actor.SELF, Actor.CLOSE_ONES, Actor.PROFESSIONALS)
    for g in range(GOALS):
        document.push(edits.make_goal(atlas, f"Doel {g + 1}: weer meedoen op mijn eigen manier"))
        goal = goals_in_order(atlas)[-1]
        for a in range(ACTIONS_PER_GOAL):
            actor = groups[a % 3]
            document.push(
                edits.add_action(
                    atlas,
                    goal.id,
                    actor,
                    who="Fleur" if actor == Actor.CLOSE_ONES else "",
                    who_id=fleur.id if actor == Actor.CLOSE_ONES else None,
                    what=f"Actie {a + 1} voor doel {g + 1}, in een paar woorden",
                    when="elke zondag",
                )
            )
        for e in range(EVALUATIONS_PER_GOAL):
            month = 1 + e
            document.push(
                edits.evaluate(
                    atlas, goal.id, f"2030-{month:02d}-15", 1 + (e % 5), "wat hielp, wat anders"
                )
            )
    return document


def rows(atlas) -> list[str]:
    found = []
    for goal in goals_in_order(atlas):
        found.append(goal.text)
        found += [f"{a.who} · {a.what} · {a.when}" for a in actions_in_order(atlas, goal.id)]
        found += [f"{e.date}: {score_line(e.score)}" for e in evaluations_in_order(atlas, goal.id)]
    return found


def main() -> None:
    app = QApplication.instance() or QApplication([])
    document = large_plan()
    atlas = document.atlas
    texts = rows(atlas)
    print(f"plan: {GOALS} goals x {ACTIONS_PER_GOAL} actions x {EVALUATIONS_PER_GOAL} evaluations")
    print(f"({len(texts)} rows in the bare list)\n")

    def open_plan() -> PlanView:
        view = PlanView(atlas, document.push)
        view.resize(*SIZE)
        view.show()
        app.processEvents()
        view.repaint()
        return view

    def open_list() -> QListWidget:
        widget = QListWidget()
        widget.addItems(texts)
        widget.resize(*SIZE)
        widget.show()
        app.processEvents()
        widget.repaint()
        return widget

    opened: list = []
    plan_open, plan_open_max = median_ms(lambda: opened.append(open_plan()) or opened[-1].close())
    list_open, list_open_max = median_ms(lambda: opened.append(open_list()) or opened[-1].close())

    view = open_plan()
    bare = open_list()
    action = atlas.items(ACTIONS)[0]
    counter = iter(range(10**6))

    def plan_edit() -> None:
        text = f"Gewijzigd {next(counter)}"
        document.push(edits.edit_action(atlas, action.id, what=text))
        view.flush()
        view.repaint()

    def list_edit() -> None:
        bare.item(1).setText(f"Gewijzigd {next(counter)}")
        bare.repaint()

    plan_one, plan_one_max = median_ms(plan_edit, runs=15)
    list_one, list_one_max = median_ms(list_edit, runs=15)
    assert (
        view.card(action.goal_id)
        .groups[action.actor]
        .rows[action.id]
        .shown("what")
        .startswith("Gewijzigd")
    )

    def line(name: str, plan: float, plan_max: float, bare_ms: float, bare_max: float) -> None:
        ratio = plan / bare_ms if bare_ms else float("inf")
        verdict = "ok" if plan <= 50 and ratio <= 3 else "over target"
        print(
            f"{name:<28} plan {plan:8.1f} ms (max {plan_max:7.1f})   "
            f"QListWidget {bare_ms:6.1f} ms (max {bare_max:6.1f})   ratio {ratio:5.1f}x   "
            f"[{verdict}: <= 50 ms and <= 3x]"
        )

    line("open the Plan view", plan_open, plan_open_max, list_open, list_open_max)
    line("one edit until shown", plan_one, plan_one_max, list_one, list_one_max)


if __name__ == "__main__":
    main()
