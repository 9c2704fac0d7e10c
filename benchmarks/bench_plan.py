"""The plan on paper: the actieplan and the A4 summary of a large plan, next to raw reportlab.

Run: `cd /work/main && .venv/bin/python benchmarks/bench_plan.py`.
A plan of 10 goals x 12 actions (4 per group) x 8 evaluations, made with the plan commands.
Measured in the same run, the contenders alternating within every repetition:
- actieplan: `render(atlas, ExportOptions(view="plan"))`, the whole export (ordering, the story
  with its tables and evaluation charts, the PDF with its font subset), in memory;
- summary PDF and summary text (the EPD form) of the same atlas, the whole export;
- the floors, with the same text: a bare reportlab Canvas setting the actieplan's lines one under
  the other (same bundled font, one page per goal, no wrapping, no tables, no chart), and
  platypus paragraphs of those lines on A4 (reportlab's own layout, no tables, no chart).
Prints a table of medians and ratios; asserts nothing (no wall-time targets on a busy machine).
`plan_atlas()` is shared with the on-screen part of this benchmark.
"""

from __future__ import annotations

import datetime as dt
import io
import platform
import statistics
import time
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from netwerkatlas.commands import UndoStack
from netwerkatlas.export import ExportOptions, Format, Kind, render
from netwerkatlas.model import NODES, Atlas
from netwerkatlas.model.records import Actor, ClientNode, PersonNode, ThemeNode
from netwerkatlas.render.fonts import REGULAR, register_fonts
from netwerkatlas.tools.plan import edits
from netwerkatlas.tools.plan.order import goals_in_order
from netwerkatlas.tools.plan.summary import goal_entry

GOALS, ACTIONS_PER_GROUP, EVALUATIONS = 10, 4, 8
RUNS = 7
START = dt.date(2024, 1, 15)


def plan_atlas(
    goals: int = GOALS, per_group: int = ACTIONS_PER_GROUP, evaluations: int = EVALUATIONS
) -> Atlas:
    """A client with a few people and themes, and a plan of `goals` goals, each with
    `per_group` actions in every group and `evaluations` evaluations three months apart."""
    atlas = Atlas(ClientNode(label="Sanne", name="Sanne de Vries"))
    people = [PersonNode(label=f"Naaste {n}", name=f"Naaste {n}", score=1) for n in range(6)]
    themes = [ThemeNode(label=f"Thema {n}", score=n % 5 - 2) for n in range(8)]
    for node in (*people, *themes):
        atlas.add(NODES, node)
    stack = UndoStack(atlas)
    for g in range(goals):
        about = (themes[g % 8].id, themes[(g + 3) % 8].id)
        text = f"Doel {g + 1}: ik wil weer stap voor stap meer doen wat mij goed doet ({g})."
        stack.push(edits.make_goal(atlas, text, about, today=START))
    for g, goal in enumerate(goals_in_order(atlas)):
        for actor in Actor:
            for a in range(per_group):
                who_id = people[(g + a) % 6].id if actor == Actor.CLOSE_ONES else None
                who = "" if who_id else ("Huisarts" if actor == Actor.PROFESSIONALS else "")
                what = f"Actie {a + 1} voor doel {g + 1}: iets kleins dat past in de week."
                command = edits.add_action(atlas, goal.id, actor, who, who_id, what, "elke week")
                stack.push(command)
        for e in range(evaluations):
            day = START + dt.timedelta(days=91 * (e + 1))
            note = f"Evaluatie {e + 1}: wat hielp en wat anders moet, in een paar zinnen."
            stack.push(edits.evaluate(atlas, goal.id, day, (g + e) % 5 + 1, note))
    stack.push(edits.set_next_evaluation(atlas, START + dt.timedelta(days=91 * (evaluations + 1))))
    return atlas


def plan_lines(atlas: Atlas) -> list[list[str]]:
    """The actieplan's text, per goal, as flat lines: what the floors set."""

    def flatten(entry, depth=0):
        yield "  " * depth + entry.text
        for child in entry.children:
            yield from flatten(child, depth + 1)

    return [list(flatten(goal_entry(atlas, n, g))) for n, g in enumerate(goals_in_order(atlas), 1)]


def canvas_floor(pages: list[list[str]]) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, bottomup=0, initialFontName=REGULAR)
    for lines in pages:
        canvas.setFont(REGULAR, 8.5)
        y = 50.0
        for line in lines:
            canvas.drawString(51, y, line[:120])
            y += 11
            if y > A4[1] - 50:
                canvas.showPage()
                canvas.setFont(REGULAR, 8.5)
                y = 50.0
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def platypus_floor(pages: list[list[str]]) -> bytes:
    register_fonts()
    style = ParagraphStyle("p", fontName=REGULAR, fontSize=8.5, leading=11)
    story: list = []
    for lines in pages:
        story += [Paragraph(line, style) for line in lines]
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def measure(
    contenders: dict[str, Callable[[], object]], runs: int = RUNS
) -> dict[str, list[float]]:
    """Every contender once per repetition, in turn, so a slow moment hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for run in contenders.values():
        run()  # warm: fonts registered, modules imported
    for _ in range(runs):
        for name, run in contenders.items():
            start = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    built = time.perf_counter()
    atlas = plan_atlas()
    build_ms = (time.perf_counter() - built) * 1000
    pages = plan_lines(atlas)
    contenders = {
        "actieplan PDF (render --view plan)": lambda: render(atlas, ExportOptions(view="plan")),
        "summary PDF (render --summary)": lambda: render(atlas, ExportOptions(kind=Kind.SUMMARY)),
        "summary text (EPD)": lambda: render(atlas, ExportOptions(format=Format.TXT)),
        "floor: reportlab canvas, same lines": lambda: canvas_floor(pages),
        "floor: platypus paragraphs, same lines": lambda: platypus_floor(pages),
    }
    times = measure(contenders)
    lines = sum(len(p) for p in pages)
    print(f"Python {platform.python_version()} on {platform.machine()}, {RUNS} runs each")
    print(
        f"plan: {GOALS} goals x {3 * ACTIONS_PER_GROUP} actions x {EVALUATIONS} evaluations "
        f"({lines} lines of text); built with the plan commands in {build_ms:.0f} ms"
    )
    canvas = statistics.median(times["floor: reportlab canvas, same lines"])
    platypus = statistics.median(times["floor: platypus paragraphs, same lines"])
    print(f"{'':40} {'median ms':>10} {'slowest':>9} {'x canvas':>9} {'x platypus':>11}")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:40} {median:10.1f} {max(values):9.1f} {median / canvas:9.2f} "
            f"{median / platypus:11.2f}"
        )


if __name__ == "__main__":
    main()
