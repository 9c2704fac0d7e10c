"""The plan on paper and in the EPD: the A4 summary, its plain text and the actieplan.

Read back as the user would see them: the text as pasted, the PDF with pypdf."""

from __future__ import annotations

import datetime as dt
import json
import re

from tests.export_atlas import example_atlas, names_in
from tests.pdf_tools import all_text, page_sizes_mm, reader

from netwerkatlas import i18n, io
from netwerkatlas.cli import main
from netwerkatlas.commands import UndoStack
from netwerkatlas.export import ExportOptions, Format, Kind, Privacy, render
from netwerkatlas.model import ACTIONS, GOALS, NODES, Atlas
from netwerkatlas.model.records import Actor, ClientNode, PersonNode, ThemeNode
from netwerkatlas.resources import example_path
from netwerkatlas.tools.plan import edits
from netwerkatlas.tools.plan.chart import chart_points, draw_evaluation_chart
from netwerkatlas.tools.plan.order import evaluations_in_order, goals_in_order
from netwerkatlas.tools.plan.words import GROUPS, group_title

GROUP_TITLES = [
    "I. Wat ik zelf doe",
    "II. Wat mijn naasten doen",
    "III. Wat professionals doen",
]


def summary_text(atlas: Atlas, privacy: Privacy | None = None) -> str:
    options = ExportOptions(format=Format.TXT, privacy=privacy or Privacy())
    return render(atlas, options).data.decode("utf-8")


def action_plan(atlas: Atlas, privacy: Privacy | None = None) -> bytes:
    return render(atlas, ExportOptions(view="plan", privacy=privacy or Privacy())).data


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def scrambled_plan() -> Atlas:
    """Goals whose ids sort against the client's order, actions made III, I, II, evaluations
    entered newest first: every order on paper must come from the plan, not the file."""
    atlas = Atlas(ClientNode(label="Sanne", name="Sanne"))
    atlas.add(NODES, ThemeNode(id="slapen", label="Slapen", score=-2))
    atlas.add(NODES, PersonNode(id="moeder", label="Moeder", name="Anita", score=2))
    stack = UndoStack(atlas)
    for text in ("Zes uur per nacht slapen", "Weer naar het werk", "Over opa praten"):
        stack.push(edits.make_goal(atlas, text, ("slapen",), today=dt.date(2026, 2, 10)))
    goals = goals_in_order(atlas)
    stack.push(edits.move_goal(atlas, goals[2].id, 0))  # Sanne puts opa first
    for goal in goals_in_order(atlas):
        short = goal.text.split()[0]
        stack.push(
            edits.add_action(atlas, goal.id, Actor.PROFESSIONALS, who="POH", what=f"prof {short}")
        )
        stack.push(edits.add_action(atlas, goal.id, Actor.SELF, what=f"zelf {short}"))
        stack.push(
            edits.add_action(
                atlas, goal.id, Actor.CLOSE_ONES, who_id="moeder", what=f"naaste {short}"
            )
        )
        stack.push(
            edits.add_action(atlas, goal.id, Actor.CLOSE_ONES, who="Oom Piet", what=f"piet {short}")
        )
        stack.push(edits.evaluate(atlas, goal.id, "2026-08-11", 4, "Beter dan in mei."))
        stack.push(edits.evaluate(atlas, goal.id, "2026-05-12", 2, "Nog zwaar."))
    stack.push(edits.set_next_evaluation(atlas, "2026-11-10"))
    return atlas


def block_of(text: str, start: str, end: str | None) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else len(text)]


def test_summary_text_lists_goals_in_the_clients_order_and_actions_i_ii_iii():
    atlas = scrambled_plan()
    text = summary_text(atlas)
    goals = [g.text for g in goals_in_order(atlas)]
    assert goals[0] == "Over opa praten"
    positions = [text.index(goal) for goal in goals]
    assert positions == sorted(positions), "goals in the client's order"
    for number, goal in enumerate(goals, 1):
        nxt = goals[number] if number < len(goals) else "Volgende evaluatie"
        block = block_of(text, goal, nxt)
        short = goal.split()[0]
        order = [block.index(t) for t in GROUP_TITLES]
        assert order == sorted(order), f"groups I, II, III for {goal!r}"
        lines = [f"zelf {short}", f"naaste {short}", f"piet {short}", f"prof {short}"]
        spots = [block.index(line) for line in lines]
        assert spots == sorted(spots), f"actions I → II → III for {goal!r}"
        # an action with a who typed in is shown under its own group, with the name
        naasten = block_of(block, GROUP_TITLES[1], GROUP_TITLES[2])
        assert f"Oom Piet: piet {short}" in naasten and f"Moeder: naaste {short}" in naasten
        may, aug = block.index("12-05-2026: 2 – verder uit zicht"), block.index("11-08-2026: 4")
        assert may < aug, "evaluations oldest first"
        assert "dichterbij. Beter dan in mei." in block
    assert "Volgende evaluatie: 10-11-2026" in text


def test_summary_pdf_has_the_same_plan():
    atlas = scrambled_plan()
    text = all_text(render(atlas, ExportOptions(kind=Kind.SUMMARY)).data)
    flat = " ".join(text.split())
    spots = [flat.index(g.text) for g in goals_in_order(atlas)]
    assert spots == sorted(spots)
    for title in GROUP_TITLES:
        assert title in flat
    assert "3 – gelijk gebleven" not in flat and "2 – verder uit zicht" in flat
    assert "Volgende evaluatie: 10-11-2026" in flat


def test_the_plain_text_pastes_cleanly_into_an_epd_field():
    atlas = example_atlas()
    long_note = "Een heel lange toelichting " * 20
    goal = goals_in_order(atlas)[0]
    atlas.add("evaluations", edits.evaluate(atlas, goal.id, "2026-09-01", 5, long_note).record)
    text = summary_text(atlas)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert not re.search(r"[\t•✓═─│|]", text)
    assert not any(re.fullmatch(r"[-=_~*]{3,}", line.strip()) for line in lines)
    assert " ".join(long_note.split()) in " ".join(text.split())


def test_the_actieplan_has_a_page_per_goal_with_groups_words_and_next_date():
    atlas = example_atlas()
    data = action_plan(atlas)
    goals = goals_in_order(atlas)
    pages = reader(data).pages
    assert page_sizes_mm(data) == [(210, 297)] * len(goals)
    for page, goal in zip(pages, goals, strict=True):
        text = " ".join((page.extract_text() or "").split())
        assert " ".join(goal.text.split()) in text
        for title in GROUP_TITLES:
            assert title in text
        for evaluation in evaluations_in_order(atlas, goal.id):
            day = dt.date.fromisoformat(evaluation.date).strftime("%d-%m-%Y")
            assert day in text
        assert "Score (1-5)" in text and "Wie" in text and "Wanneer" in text
    flat = " ".join(all_text(data).split())
    assert "gelijk gebleven" in flat and "dichterbij" in flat and "verder uit zicht" in flat
    assert "Volgende evaluatie: 10-11-2026" in flat
    assert "1 = doel veel verder uit zicht" in flat  # the chart's scale is labelled


def test_hide_names_masks_names_in_goals_actions_and_evaluation_notes():
    atlas = example_atlas()
    goal = goals_in_order(atlas)[0]
    atlas.update(GOALS, goal.id, {"text": "Samen met Fleur naar de huisarts"})
    typed = next(a for a in atlas.items(ACTIONS) if a.who_id is None)
    assert typed.who  # a name typed in, not a person of the atlas
    hidden = Privacy(hide_names=True)
    names = names_in(atlas)
    assert "Fleur" in names and "Sanne" in names and "Anita" in names
    for output in (all_text(action_plan(atlas, hidden)), summary_text(atlas, hidden)):
        found = words(output)
        leaked = [name for name in names if name in found]
        assert leaked == []
    plain = all_text(action_plan(atlas))
    assert "Fleur" in plain and "Sanne" in plain  # shown when not asked to hide


def test_private_goals_are_left_out_with_their_actions_and_evaluations():
    atlas = example_atlas()
    goal = goals_in_order(atlas)[-1]
    atlas.update(GOALS, goal.id, {"private": True})
    hidden = Privacy(hide_private=True)
    action_words = [a.what for a in atlas.items(ACTIONS) if a.goal_id == goal.id]
    notes = [e.note for e in evaluations_in_order(atlas, goal.id)]
    for output in (all_text(action_plan(atlas, hidden)), summary_text(atlas, hidden)):
        flat = " ".join(output.split())
        assert goal.text not in flat
        assert not any(what in flat for what in action_words)
        assert not any(note in flat for note in notes)
    assert len(reader(action_plan(atlas, hidden)).pages) == len(goals_in_order(atlas)) - 1
    assert goal.text in " ".join(all_text(action_plan(atlas)).split())


def test_export_view_plan_from_the_command_line(tmp_path, capsys):
    out = tmp_path / "actieplan.pdf"
    assert main(["export", str(example_path()), "--view", "plan", "-o", str(out)]) == 0
    text = all_text(out.read_bytes())
    assert "Actieplan van Sanne" in text and "II. Wat mijn naasten doen" in text
    masked = tmp_path / "gedeeld.pdf"
    args = ["export", str(example_path()), "--view", "plan", "-o", str(masked), "--hide-names"]
    assert main(args) == 0
    assert "Fleur" not in all_text(masked.read_bytes())


def test_the_actieplan_follows_lang_en(tmp_path):
    out = tmp_path / "plan.pdf"
    args = ["export", str(example_path()), "--view", "plan", "-o", str(out), "--lang", "en"]
    assert main(args) == 0
    text = " ".join(all_text(out.read_bytes()).split())
    assert "I. What I do myself" in text and "III. What professionals do" in text
    assert "Next evaluation" in text


def test_an_empty_plan_still_exports_a_page_that_says_so():
    atlas = Atlas(ClientNode(label="Sanne"))
    data = action_plan(atlas)
    assert len(reader(data).pages) == 1 and "nog geen doelen" in all_text(data)


class Recorder:
    """A Painter that keeps what was drawn, to check the chart without rendering it."""

    def __init__(self) -> None:
        self.texts: list[tuple[float, float, str]] = []
        self.circles: list[tuple[float, float]] = []

    def text(self, x, y, text, **_):
        self.texts.append((x, y, text))

    def circle(self, cx, cy, r, **_):
        self.circles.append((cx, cy))

    def __getattr__(self, name):
        return lambda *a, **k: None


def test_the_chart_puts_each_evaluation_at_its_date_and_score():
    atlas = example_atlas()
    goal = goals_in_order(atlas)[1]  # scored 2, then 4
    painter = Recorder()
    points = chart_points(evaluations_in_order(atlas, goal.id))
    draw_evaluation_chart(painter, points, 300, 120)
    labels = [text for _, _, text in painter.texts]
    assert {"1", "2", "3", "4", "5", "12-05-2026", "11-08-2026"} <= set(labels)
    (_, y1), (_, y2) = sorted(painter.circles)
    assert y1 > y2  # 2 then 4: the later, higher score sits further up
    empty = Recorder()
    draw_evaluation_chart(empty, [], 300, 120)
    assert "nog geen evaluaties" in [text for _, _, text in empty.texts]


def test_every_group_has_its_words_in_both_languages(monkeypatch):
    assert [group_title(a) for a in GROUPS] == GROUP_TITLES
    monkeypatch.setattr(i18n, "_language", "en")
    assert group_title(Actor.CLOSE_ONES) == "II. What my close ones do"


def test_an_old_file_exports_its_plan(tmp_path):
    """A format 2 atlas (goals without an order) opens and exports its actieplan."""
    path = tmp_path / "oud.netwerkatlas"
    doc = {
        "format_version": 2,
        "nodes": [{"kind": "client", "id": "c", "label": "Sanne"}],
        "goals": [{"id": "g", "text": "Beter slapen", "closed": True}],
        "actions": [{"id": "a", "goal_id": "g", "actor": "close_ones", "who": "Fleur"}],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    atlas, _ = io.load(path)
    text = " ".join(all_text(action_plan(atlas)).split())
    assert "Beter slapen" in text and "gestopt" in text and "Fleur" in text
