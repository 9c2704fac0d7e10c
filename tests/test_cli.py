"""The `netwerkatlas` command as typed in a terminal."""

from __future__ import annotations

import os
import subprocess
import sys

from netwerkatlas import __version__
from netwerkatlas.resources import example_path


def run_cli(*args, env=None):
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "netwerkatlas", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_version_and_help():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"netwerkatlas {__version__}"
    result = run_cli("--help")
    assert result.returncode == 0
    assert "validate" in result.stdout and "--example" in result.stdout
    assert "voorbeeld" in result.stdout
    english = run_cli("--lang", "en", "--help")
    assert "bundled example" in english.stdout


def test_validate_reports_each_file_and_exits_nonzero_on_any_problem(tmp_path):
    good = example_path()
    bad = tmp_path / "leeg.netwerkatlas"
    bad.write_text("")
    ok = run_cli("validate", str(good))
    assert ok.returncode == 0 and "in orde" in ok.stdout
    both = run_cli("validate", str(good), str(bad))
    assert both.returncode == 1
    assert "in orde" in both.stdout and "het bestand is leeg" in both.stdout
    english = run_cli("validate", "--lang", "en", str(bad))
    assert "the file is empty" in english.stdout


def test_no_display_gives_a_clear_message_not_a_crash():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "netwerkatlas", "--example"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "beeldscherm" in result.stderr and "Traceback" not in result.stderr


def test_unknown_example_lists_the_ones_there_are():
    result = run_cli("--example", "bestaat-niet")
    assert result.returncode == 2
    assert "netwerkintake-sanne" in result.stderr


def test_example_opens_in_a_window(tmp_path):
    """The real main loop, in a process of its own: it ends with quit(), which would leave
    the test session's shared QApplication unable to run timers afterwards."""
    script = f"""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
import netwerkatlas.app.main as app_main
from netwerkatlas.cli import main

app = QApplication([])
settings = QSettings({str(tmp_path / "settings.ini")!r}, QSettings.Format.IniFormat)
app_main.make_settings = lambda: settings

def look_and_quit():
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    main_window = next(w for w in windows if hasattr(w, "document"))
    print(main_window.windowTitle())
    print(len(main_window.scene.bol_items))
    main_window.close()
    QApplication.quit()

QTimer.singleShot(300, look_and_quit)
sys.exit(main(["--example"]))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    title, bollen = result.stdout.strip().splitlines()[-2:]
    assert "netwerkintake-sanne.netwerkatlas" in title
    assert int(bollen) > 10
