"""Goal markers in exports: the poster shows which bollen each goal is about, with the goals in
its legend, unless --hide-goals (or the export dialog's "Doelen verbergen") leaves them out."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from tests.export_atlas import example_atlas
from tests.pdf_tools import all_text
from tests.test_export_cli import export

from netwerkatlas.export.options import ExportOptions, Privacy
from netwerkatlas.export.run import render
from netwerkatlas.resources import example_path
from netwerkatlas.tools import registry
from netwerkatlas.tools.plan.order import goals_in_order

EXAMPLE = str(example_path())


def goal_lines(atlas) -> list[str]:
    """The legend's line for each goal that is about a bol: "1. Ik wil …"."""
    return [
        f"{number}. {goal.text}"
        for number, goal in enumerate(goals_in_order(atlas), start=1)
        if goal.node_ids
    ]


def marker_lines(text: str) -> set[str]:
    """The goal numbers on the bollen: the poster's lines that are only a number."""
    return {line.strip() for line in text.splitlines() if line.strip().isdigit()}


def test_the_poster_shows_goal_markers_and_their_legend_unless_hide_goals(tmp_path):
    atlas = example_atlas()
    lines = goal_lines(atlas)
    assert len(lines) >= 2  # the example's goals are about bollen
    shown, hidden = tmp_path / "doelen.pdf", tmp_path / "zonder-doelen.pdf"
    result = export(EXAMPLE, "-o", str(shown))
    assert result.returncode == 0, result.stderr
    result = export(EXAMPLE, "-o", str(hidden), "--hide-goals")
    assert result.returncode == 0, result.stderr

    with_goals = all_text(shown.read_bytes())
    for line in lines:
        assert line in with_goals
    numbers = {str(n) for n in range(1, len(lines) + 1)}
    assert marker_lines(with_goals) == numbers

    without = all_text(hidden.read_bytes())
    for line in lines:
        assert line not in without
    assert marker_lines(without) == set()
    assert "Sanne" in without and "Slapen" in without  # the rest of the drawing is all there


def test_hide_goals_is_listed_in_the_help():
    result = export("--help")
    assert result.returncode == 0
    assert "--hide-goals" in result.stdout


def test_every_drawing_exports_with_goals_hidden():
    atlas = example_atlas()
    options = ExportOptions(privacy=Privacy(hide_goals=True))
    for instrument in registry.INSTRUMENTS:
        if instrument.exportable:
            rendered = render(atlas, options.with_(view=instrument.name))
            assert rendered.data.startswith(b"%PDF"), instrument.name


def test_the_export_dialog_checkbox_hides_the_goals_and_is_remembered(window, qtbot):
    window.export_action.trigger()
    dialog = window.findChild(QDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.options().privacy.hide_goals
    assert dialog.hide_goals.text() == "Doelen verbergen"
    box = QPoint(8, dialog.hide_goals.height() // 2)  # on the box: the row is wider than its words
    qtbot.mouseClick(dialog.hide_goals, Qt.MouseButton.LeftButton, pos=box)
    assert dialog.options().privacy.hide_goals
    text = all_text(render(window.document.atlas, dialog.options()).data)
    assert not any(line in text for line in goal_lines(window.document.atlas))
    dialog.remember()
    assert dialog._remembered().privacy.hide_goals
    dialog.reject()
