"""Shared test setup: Qt offscreen, settings and language isolated from the user's own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NETWERKATLAS_LANG"] = "nl"

import pytest
from hypothesis import settings

# In CI the property tests run the same examples every time (derandomized, no example
# database): a clean clone passes or fails on the code, not on the day's luck. Locally they
# keep exploring new examples, which is how they find bugs.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def dutch(monkeypatch):
    """Every test starts in Dutch, whatever an earlier test or `--lang` chose, and a test
    that switches the language (set_language, `--lang en`) is put back afterwards."""
    from netwerkatlas import i18n

    monkeypatch.setattr(i18n, "_language", "nl")


@pytest.fixture(autouse=True)
def data_folder(tmp_path_factory, monkeypatch):
    """A data folder of the test's own: recovery copies never land in (or come from) the
    user's real folder, and no test sees another's copy offered at start."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NETWERKATLAS_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def qsettings(tmp_path):
    """A settings file of the test's own, so tests never touch the user's recent files."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, qsettings, tmp_path):
    """The main window on a copy of the netwerkintake example, shown at a laptop's size."""
    from tests.windows import example_window

    with example_window(qtbot, qsettings, tmp_path) as win:
        win.view.fit_all()
        yield win
