"""Scores from more than one perspective: the client's (drawn), a naaste's or a professional's
(kept beside it); and goal evaluations from a perspective, kept apart in the plan."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from netwerkatlas import io
from netwerkatlas.commands import UndoStack
from netwerkatlas.model import NodeKind
from netwerkatlas.model.records import PersonNode
from netwerkatlas.resources import example_path
from netwerkatlas.tools.netwerkintake.perspectives import (
    PerspectiveError,
    second_badge_score,
    set_perspective_score,
)


def first_theme(atlas):
    return next(n for n in atlas.nodes() if n.kind == NodeKind.THEME)


# --- the model and the file ----------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", [{"Fleur": 3}, {"Fleur": True}, {"Fleur": "1"}, {"": 1}, {" Fleur": 1}, {"a\nb": 1}]
)
def test_a_bad_perspective_is_refused(bad):
    with pytest.raises(ValidationError):
        PersonNode(label="Jesse", perspectives=bad)


def test_perspectives_are_kept_sorted_and_left_out_when_there_are_none(tmp_path):
    atlas, _ = io.load(example_path())
    node = first_theme(atlas)
    stack = UndoStack(atlas)
    stack.push(set_perspective_score(atlas, node.id, "  behandelaar ", -1))
    stack.push(set_perspective_score(atlas, node.id, "Fleur (moeder)", 2))
    path = tmp_path / "a.netwerkatlas"
    io.save(atlas, path)
    stored = next(n for n in json.loads(path.read_bytes())["nodes"] if n["id"] == node.id)
    assert list(stored["perspectives"].items()) == [("Fleur (moeder)", 2), ("behandelaar", -1)]
    again, _ = io.load(path)
    assert again.node(node.id).perspectives == {"Fleur (moeder)": 2, "behandelaar": -1}
    assert io.dumps(again) == io.dumps(atlas)
    others = [n for n in json.loads(path.read_bytes())["nodes"] if n["id"] != node.id]
    assert all("perspectives" not in n for n in others)


def test_each_change_of_a_perspective_is_one_undo_step():
    atlas, _ = io.load(example_path())
    original = io.dumps(atlas)
    node = first_theme(atlas)
    stack = UndoStack(atlas)
    stack.push(set_perspective_score(atlas, node.id, "behandelaar", 1))
    stack.push(set_perspective_score(atlas, node.id, "behandelaar", -2))
    assert set_perspective_score(atlas, node.id, "behandelaar", -2) is None
    stack.push(set_perspective_score(atlas, node.id, "behandelaar", None))
    assert atlas.node(node.id).perspectives == {}
    stack.undo()
    assert atlas.node(node.id).perspectives == {"behandelaar": -2}
    stack.undo()
    stack.undo()
    assert io.dumps(atlas) == original
    with pytest.raises(PerspectiveError):
        set_perspective_score(atlas, node.id, "   ", 1)


def test_the_second_badge_is_the_view_furthest_from_the_clients():
    node = PersonNode(label="Jesse", score=1, perspectives={"Fleur": 1, "Ali": -1, "Bo": 2})
    assert second_badge_score(node) == -1
    assert second_badge_score(PersonNode(label="Jesse", score=1, perspectives={"Fleur": 1})) is None
    assert second_badge_score(PersonNode(label="Jesse", perspectives={"Fleur": 1})) == 1


# --- the details panel ---------------------------------------------------------------------


def select(win, node_id):
    win.scene.clearSelection()
    win.scene.bol_items[node_id].setSelected(True)


def test_a_naastes_view_added_in_the_details_panel_is_saved_and_undone(window, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    atlas = window.document.atlas
    node = first_theme(atlas)
    select(window, node.id)
    fields = window.details.perspectives
    assert fields.isVisible()
    fields.new_name.setFocus()
    qtbot.keyClicks(fields.new_name, "Fleur (moeder)")
    fields.new_score.setCurrentIndex(fields.new_score.findData(-1))
    qtbot.mouseClick(fields.add_button, Qt.MouseButton.LeftButton)
    assert atlas.node(node.id).perspectives == {"Fleur (moeder)": -1}
    assert fields.new_name.text() == ""
    box = fields.score_boxes["Fleur (moeder)"]  # the new view is shown beside the client's
    assert box.currentData() == -1 and "" in fields.score_boxes

    path = tmp_path / "saved.netwerkatlas"
    io.save(atlas, path)
    again, _ = io.load(path)
    assert again.node(node.id).perspectives == {"Fleur (moeder)": -1}
    assert io.dumps(again) == io.dumps(atlas)

    box = fields.score_boxes["Fleur (moeder)"]
    box.setCurrentIndex(box.findData(2))
    box.activated.emit(box.currentIndex())
    assert atlas.node(node.id).perspectives == {"Fleur (moeder)": 2}
    window.undo()
    assert atlas.node(node.id).perspectives == {"Fleur (moeder)": -1}
    window.undo()
    assert atlas.node(node.id).perspectives == {}
    assert list(fields.score_boxes) == [""]


def test_a_view_is_removed_in_the_panel_and_a_nameless_one_is_explained(window, qtbot):
    from PySide6.QtCore import Qt

    atlas = window.document.atlas
    node = first_theme(atlas)
    window.push(set_perspective_score(atlas, node.id, "behandelaar", 1))
    select(window, node.id)
    fields = window.details.perspectives
    remove = fields.findChild(type(fields.add_button), "remove_behandelaar")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert atlas.node(node.id).perspectives == {}
    qtbot.mouseClick(fields.add_button, Qt.MouseButton.LeftButton)  # no name typed
    assert fields.problem.isVisible() and "naam" in fields.problem.text()
    assert atlas.node(node.id).perspectives == {}


def test_the_client_has_no_views_of_their_own_score(window):
    select(window, window.document.atlas.client_id)
    assert not window.details.perspectives.isVisible()


# --- the second badge ----------------------------------------------------------------------


def two_scored_themes(atlas):
    themes = [n for n in atlas.nodes() if n.kind == NodeKind.THEME and n.score is not None]
    return themes[0], themes[1]


def test_the_second_badge_shows_only_where_a_view_differs_and_hides_with_the_option(window):
    atlas = window.document.atlas
    differs, agrees = two_scored_themes(atlas)
    other = -2 if differs.score != -2 else 2
    window.push(set_perspective_score(atlas, differs.id, "Fleur (moeder)", other))
    window.push(set_perspective_score(atlas, agrees.id, "Fleur (moeder)", agrees.score))
    items = window.scene.bol_items
    action = window.perspectives.action
    assert action in window.view_menu.actions() and not action.isChecked()
    assert all(item.other_badge == "" for item in items.values())  # the client's view only

    action.trigger()
    from netwerkatlas.render.style import score_symbol

    assert items[differs.id].other_badge == score_symbol(other)
    shown = {node_id for node_id, item in items.items() if item.other_badge}
    assert shown == {differs.id}
    assert not window.view.grab().isNull()  # painted with the second badge

    window.undo()  # the naaste's view of `agrees`, then of `differs`, taken back
    window.undo()
    assert items[differs.id].other_badge == ""
    window.redo()
    assert items[differs.id].other_badge == score_symbol(other)
    window.set_client_mode(True)  # the client's own score is the one drawn for the client
    assert items[differs.id].other_badge == ""
    window.set_client_mode(False)
    assert items[differs.id].other_badge == score_symbol(other)
    action.trigger()
    assert all(item.other_badge == "" for item in items.values())


def test_the_poster_draws_the_second_badge_with_a_legend_line():
    from netwerkatlas.i18n import t
    from netwerkatlas.render.style import score_symbol
    from netwerkatlas.tools.netwerkintake.drawing import NetwerkintakeDrawing

    atlas, _ = io.load(example_path())
    differs, _ = two_scored_themes(atlas)
    other = -2 if differs.score != -2 else 2
    UndoStack(atlas).push(set_perspective_score(atlas, differs.id, "behandelaar", other))
    legend = t("legend.perspective")
    shown = NetwerkintakeDrawing(atlas, show_other_views=True)
    assert shown.other_views == {differs.id: other}
    assert legend in [entry.label for entry in shown.legend()]
    plain = NetwerkintakeDrawing(atlas)
    assert plain.other_views == {} and legend not in [e.label for e in plain.legend()]
    assert shown.texts().count(score_symbol(other)) == plain.texts().count(score_symbol(other)) + 1
    hidden_scores = NetwerkintakeDrawing(atlas, show_scores=False, show_other_views=True)
    assert hidden_scores.other_views == {}


# --- evaluations from a perspective ---------------------------------------------------------


class RecordingPainter:
    """Keeps the lines and texts a chart draws; everything else is ignored."""

    def __init__(self) -> None:
        self.lines: list[dict] = []
        self.texts: list[str] = []

    def line(self, x1, y1, x2, y2, *, colour, width, dash=None):
        self.lines.append({"colour": colour, "dash": dash, "y": (y1, y2)})

    def text(self, x, y, text, **kw):
        self.texts.append(text)

    def __getattr__(self, name):
        return lambda *args, **kw: None


def plan_with_two_views():
    """A goal evaluated twice by the client and twice from Marieke's view, via the dialog."""
    import datetime as dt

    from netwerkatlas.tools.plan import edits as plan_edits

    atlas, _ = io.load(example_path())
    stack = UndoStack(atlas)
    stack.push(plan_edits.make_goal(atlas, "Weer slapen", (), today=dt.date(2026, 1, 5)))
    goal = next(g for g in atlas.items("goals") if g.text == "Weer slapen")
    for day, own, hers in (("2026-01-10", 2, 4), ("2026-04-10", 3, 5)):
        stack.push(plan_edits.evaluate(atlas, goal.id, day, own))
        stack.push(
            plan_edits.evaluate(atlas, goal.id, day, hers, perspective="Marieke (buurvrouw)")
        )
    return atlas, goal


def test_the_evaluation_dialog_saves_whose_evaluation_it_is(qtbot):
    from netwerkatlas.app.plan_evaluate import EvaluateDialog
    from netwerkatlas.model import EVALUATIONS

    atlas, goal = plan_with_two_views()
    dialog = EvaluateDialog(atlas)
    qtbot.addWidget(dialog)
    assert dialog.chosen_perspective() == ""  # the client's own, unless chosen otherwise
    assert dialog.perspective.findText("Marieke (buurvrouw)") >= 0  # named before: offered
    dialog.perspective.setEditText("behandelaar")
    dialog.part(goal.id).choose(4)
    before = {e.id for e in atlas.items(EVALUATIONS)}
    UndoStack(atlas).push(dialog.command())
    (new,) = [e for e in atlas.items(EVALUATIONS) if e.id not in before]
    assert (new.perspective, new.score) == ("behandelaar", 4)


def test_an_evaluation_from_a_view_is_its_own_dashed_line_and_listed_apart():
    from netwerkatlas.i18n import t
    from netwerkatlas.tools.plan.chart import chart_points, draw_evaluation_chart, other_lines
    from netwerkatlas.tools.plan.order import evaluations_in_order
    from netwerkatlas.tools.plan.summary import goal_entry

    atlas, goal = plan_with_two_views()
    evaluations = evaluations_in_order(atlas, goal.id)
    own = chart_points(evaluations)
    assert [p.score for p in own] == [2, 3]  # the client's line has the client's scores only
    others = other_lines(evaluations)
    assert {name: [p.score for p in line] for name, line in others.items()} == {
        "Marieke (buurvrouw)": [4, 5]
    }
    painter = RecordingPainter()
    draw_evaluation_chart(painter, own, 300, 120, others)
    dashed = [line for line in painter.lines if line["dash"]]
    solid = [line for line in painter.lines if not line["dash"] and line["colour"] != "#d9dee3"]
    assert len(dashed) == 1 and "Marieke (buurvrouw)" in painter.texts
    assert dashed[0]["y"] != next(line["y"] for line in solid if line["y"][0] != line["y"][1])

    entry = goal_entry(atlas, 1, goal)
    titled = {child.text: [c.text for c in child.children] for child in entry.children}
    assert len(titled[t("actieplan.evaluations")]) == 2
    theirs = titled["Evaluaties vanuit Marieke (buurvrouw)"]
    assert len(theirs) == 2 and all("5" in line or "4" in line for line in theirs)


# --- privacy ------------------------------------------------------------------------------


def test_hidden_names_mask_the_names_in_perspectives(tmp_path):
    from tests.pdf_tools import all_text

    from netwerkatlas.cli import main
    from netwerkatlas.export import Privacy
    from netwerkatlas.export.privacy import redact
    from netwerkatlas.model import EVALUATIONS

    atlas, _ = plan_with_two_views()
    node = first_theme(atlas)
    UndoStack(atlas).push(set_perspective_score(atlas, node.id, "Marieke (buurvrouw)", 1))
    UndoStack(atlas).push(set_perspective_score(atlas, node.id, "behandelaar", -1))
    shared = redact(atlas, Privacy(hide_names=True))
    views = shared.node(node.id).perspectives
    assert views == {"M. (buurvrouw)": 1, "behandelaar": -1}
    assert {e.perspective for e in shared.items(EVALUATIONS)} == {"", "M. (buurvrouw)"}
    assert redact(atlas, Privacy(hide_scores=True)).node(node.id).perspectives == {}

    path = tmp_path / "visies.netwerkatlas"
    io.save(atlas, path)
    out = tmp_path / "gedeeld.pdf"
    args = ["export", str(path), "--view", "plan", "-o", str(out), "--hide-names"]
    assert main(args) == 0
    text = all_text(out.read_bytes())
    assert "Marieke" not in text and "M. (buurvrouw)" in " ".join(text.split())


def test_a_name_only_in_an_evaluations_perspective_is_masked():
    from netwerkatlas.export import Privacy
    from netwerkatlas.export.privacy import redact
    from netwerkatlas.model import EVALUATIONS

    atlas, _ = plan_with_two_views()
    shared = redact(atlas, Privacy(hide_names=True))
    assert {e.perspective for e in shared.items(EVALUATIONS)} == {"", "M. (buurvrouw)"}


def test_the_exported_poster_draws_other_views_only_when_asked(tmp_path):
    from tests.pdf_tools import all_text

    from netwerkatlas.cli import main
    from netwerkatlas.i18n import t

    atlas, _ = io.load(example_path())
    differs, _ = two_scored_themes(atlas)
    other = -2 if differs.score != -2 else 2
    UndoStack(atlas).push(set_perspective_score(atlas, differs.id, "behandelaar", other))
    path = tmp_path / "visies.netwerkatlas"
    io.save(atlas, path)
    legend = t("legend.perspective")
    for flags, shown in (([], False), (["--show-other-views"], True)):
        out = tmp_path / f"poster{len(flags)}.pdf"
        assert main(["export", str(path), "-o", str(out), *flags]) == 0
        assert (legend in " ".join(all_text(out.read_bytes()).split())) == shown


def test_export_and_print_follow_the_windows_other_views_option(window):
    dialog = window.export_dialog()
    assert dialog.options().other_views is False
    dialog.reject()
    window.perspectives.action.trigger()
    dialog = window.export_dialog()
    assert dialog.options().other_views is True
    dialog.reject()


def test_the_plan_views_chart_draws_another_views_line_as_on_paper(qtbot):
    """On screen too: the same drawing as the actieplan, so Marieke's evaluations show as her
    own (purple, dashed) line next to the client's."""
    from PySide6.QtGui import QColor

    from netwerkatlas.app.plan_chart import EvaluationChart
    from netwerkatlas.tools.plan.chart import LINE, OTHER_LINE
    from netwerkatlas.tools.plan.order import evaluations_in_order

    atlas, goal = plan_with_two_views()
    chart = EvaluationChart()
    qtbot.addWidget(chart)
    chart.resize(420, 150)

    def colours() -> set[str]:
        image = chart.grab().toImage()
        return {
            QColor(image.pixel(x, y)).name()
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
        }

    own_only = [e for e in evaluations_in_order(atlas, goal.id) if not e.perspective]
    chart.set_evaluations(own_only)
    assert chart.points == [("2026-01-10", 2), ("2026-04-10", 3)]
    assert LINE in colours() and OTHER_LINE not in colours()
    chart.set_evaluations(evaluations_in_order(atlas, goal.id))
    assert chart.points == [("2026-01-10", 2), ("2026-04-10", 3)]  # the client's own line
    assert OTHER_LINE in colours()
    assert "Marieke (buurvrouw)" in chart.toolTip()
