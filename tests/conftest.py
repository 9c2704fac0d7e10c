"""Shared test setup: Qt offscreen, settings and language isolated from the user's own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NETWERKATLAS_LANG"] = "nl"

import pytest


@pytest.fixture
def qsettings(tmp_path):
    """A settings file of the test's own, so tests never touch the user's recent files."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
