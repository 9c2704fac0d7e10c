"""The start stays light: what only export, printing or a GEDCOM import needs is not imported
until then, and the tabs behind the first one are made when first shown. A whole start (in a
process of its own, to its first painted window) and `netwerkatlas validate` are checked, so a
module-level import added anywhere cannot make the start slow again without a test failing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from netwerkatlas.commands import UpdateItem
from netwerkatlas.model import NODES
from netwerkatlas.resources import example_path

HEAVY = ("reportlab", "pypdfium2", "ged4py")

PROBE = """
import gc, json, linecache, sys
from netwerkatlas.cli import main
code = main(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
found = {"code": code, "heavy": heavy, "collector": gc.isenabled(), "sources": len(linecache.cache)}
print("modules " + json.dumps(found))
"""


def run_probe(*args: str, tmp_path) -> tuple[dict, str]:
    """Run the CLI in a process of its own; what it returned and which heavy packages it loaded."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NETWERKATLAS_QUIT_AFTER_PAINT="1",  # the program quits once its window has painted
        NETWERKATLAS_SINGLE_INSTANCE="0",
        NETWERKATLAS_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    script = f"HEAVY = {HEAVY!r}\n{PROBE}"
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("modules ")]
    assert lines, f"the probe did not finish:\n{done.stdout}\n{done.stderr}"
    return json.loads(lines[-1].removeprefix("modules ")), done.stdout


def test_the_program_starts_to_its_first_painted_window_without_export_pdf_or_gedcom(tmp_path):
    found, output = run_probe("--example", tmp_path=tmp_path)
    assert "first-paint " in output  # the window was shown and painted, then quit by itself
    assert found["code"] == 0
    assert found["heavy"] == [], f"imported at the start: {found['heavy']}"
    assert found["collector"], "the cycle collector, paused for the start, never came back"
    assert found["sources"] < 10, f"{found['sources']} modules' source text kept after the start"


def test_validate_needs_no_export_pdf_or_gedcom(tmp_path):
    found, _ = run_probe("validate", str(example_path("netwerkintake-sanne")), tmp_path=tmp_path)
    assert found["code"] == 0
    assert found["heavy"] == [], f"imported by validate: {found['heavy']}"


# --- the tabs behind the first one ------------------------------------------------------------


def test_only_the_tab_in_front_is_made_at_the_start(window):
    made = [name for name, tab in window.views.tabs.items() if tab.built]
    assert made == ["netwerkintake"]
    assert window.views.count() == len(window.views.tabs)  # every instrument still has its tab


def test_a_tab_is_made_when_first_shown(window):
    steungroep = window.views.tab("steungroep")
    assert not steungroep.built
    window.views.show_instrument("steungroep")
    assert steungroep.built
    assert window.views.currentWidget() is steungroep.widget
    assert steungroep.widget.isVisible()
    assert window.views.current_tab().instrument.name == "steungroep"
    assert window.views.tabText(window.views.currentIndex()) == "Steungroep"


def test_the_window_names_still_reach_a_view_not_shown_yet(window):
    """`window.genogram_scene` makes the genogram when asked: it shows the atlas's people, and
    it follows edits made afterwards, as a tab made at the start did."""
    assert not window.views.tab("genogram").built
    scene = window.genogram_scene
    assert window.views.tab("genogram").built
    assert window.views.indexOf(window.genogram_view) == list(window.views.tabs).index("genogram")
    someone = next(iter(scene.handles))
    assert "Teun" not in scene.drawing.texts()
    window.push(UpdateItem(NODES, someone, {"label": "Teun"}))  # a short name: one line
    assert "Teun" in scene.drawing.texts()


def test_a_tab_made_later_starts_in_client_mode_and_without_scores_when_those_are_on(window):
    window.set_client_mode(True)
    window.hide_scores_action.trigger()
    assert not window.views.tab("gebeurteniskaart").built
    timeline = window.views.tab("gebeurteniskaart").scene
    assert timeline.client_mode and not timeline.show_scores
    plan = window.views.tab("plan").widget
    assert plan.client_mode
    window.set_client_mode(False)
    assert not timeline.client_mode and not plan.client_mode


def test_the_genogram_made_later_shows_its_chosen_person_in_details(window):
    """The window's connection to a view's selection waits until the view is made, then holds."""
    window.views.show_instrument("genogram")
    scene = window.genogram_scene
    someone = next(iter(scene.handles))
    scene.handles[someone].setSelected(True)
    assert window.details.target == (NODES, someone)
