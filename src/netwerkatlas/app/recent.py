"""The list of recently opened atlases, kept in the user's settings (owner-only file)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_files"
MAX_RECENT = 10


class RecentFiles:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[Path]:
        """Recent files that still exist, newest first."""
        raw = self.settings.value(KEY, [])
        if isinstance(raw, str):
            raw = [raw]
        return [Path(p) for p in raw or [] if Path(p).is_file()]

    def add(self, path: Path) -> None:
        path = Path(path).resolve()
        paths = [path] + [p for p in self.paths() if p.resolve() != path]
        self._store(paths[:MAX_RECENT])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Path]) -> None:
        self.settings.setValue(KEY, [str(p) for p in paths])
        self.settings.sync()
        # File names can carry a client's name: keep the settings file private too.
        with contextlib.suppress(OSError):
            os.chmod(self.settings.fileName(), 0o600)
