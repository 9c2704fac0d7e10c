"""A document: the atlas being worked on, where it is saved, and its undo history.

Pure Python: the main window shows a document and the command line could drive one. "Modified"
means the undo history has moved away from the point where the file was last saved.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

from netwerkatlas import io
from netwerkatlas.commands import Command, UndoStack
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas, AtlasMeta, ClientNode
from netwerkatlas.tools.sessions.edits import ensure_intake

# what Windows, macOS or Linux refuse in a file name, and control characters
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


class Document:
    def __init__(self, atlas: Atlas, path: Path | None = None) -> None:
        self.atlas = atlas
        self.path = path
        self.sealing: io.Sealing | None = None  # None: the file is written unencrypted
        self.read_only = False  # someone else has the file open: never save over it
        self.recovered = False  # from a recovery copy: unsaved until the user saves it
        self.copied_from: Path | None = None  # opened as an untitled copy of this file
        self.undo_stack = UndoStack(atlas)
        self._listeners: list[Callable[[], None]] = []
        self.undo_stack.subscribe(self._notify)

    @classmethod
    def new(cls) -> Document:
        today = dt.date.today().isoformat()
        atlas = Atlas(ClientNode(label=t("client.placeholder")), AtlasMeta(created=today))
        ensure_intake(atlas)
        return cls(atlas)

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], passphrase: str | None = None
    ) -> tuple[Document, io.LoadReport]:
        """Load a file; raises `io.AtlasFileError` with a readable message (`io.PassphraseNeeded`
        for an encrypted file opened without a passphrase). An encrypted file stays encrypted."""
        atlas, report = io.load(path, passphrase)
        ensure_intake(atlas)  # a file never followed up is its intake, written on the next save
        document = cls(atlas, Path(path))
        document.sealing = report.sealing
        return document, report

    # --- state ------------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[], None]) -> None:
        """`listener()` runs when the modified state, the history or the path changes."""
        self._listeners.append(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    @property
    def is_modified(self) -> bool:
        return self.recovered or not self.undo_stack.is_clean()

    @property
    def is_encrypted(self) -> bool:
        return self.sealing is not None

    def set_sealing(self, sealing: io.Sealing | None) -> None:
        """Encrypt (a sealing), change the passphrase (another one) or decrypt (None) from the
        next save on; the caller saves right away, so the file on disk follows at once."""
        self.sealing = sealing
        self._notify()

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.copied_from is not None:
            return t("app.copy_of", name=self.copied_from.name)
        return t("app.untitled")

    def suggested_file_name(self, today: dt.date | None = None) -> str:
        """The name Save As offers: the file's own, else the client's name and today's date
        ("Sanne 2026-12-02.netwerkatlas"), so a folder of atlases reads as a list of clients."""
        if self.path is not None:
            return self.path.name
        client = self.atlas.client
        name = _UNSAFE_IN_FILE_NAMES.sub(" ", client.name or client.label)
        name = " ".join(name.split()).strip(" .")[:60] or t("app.untitled")
        return f"{name} {(today or dt.date.today()).isoformat()}.netwerkatlas"

    # --- editing and saving -----------------------------------------------------------------

    def push(self, command: Command) -> None:
        self.undo_stack.push(command)

    @classmethod
    def open_copy(cls, path: str | os.PathLike[str]) -> tuple[Document, io.LoadReport]:
        """A file as a new, untitled atlas (a bundled example): Save never writes the original."""
        document, report = cls.open(path)
        document.path = None
        document.copied_from = Path(path)
        return document, report

    def save(
        self, path: str | os.PathLike[str] | None = None, shown_view: str | None = None
    ) -> Path:
        """Save atomically to `path` (or the current path); raises `io.AtlasFileError`.
        `shown_view` is the view in front, where the file opens next time (not an edit)."""
        target = io.with_extension(path) if path is not None else self.path
        if target is None:
            raise ValueError("an untitled document needs a path to be saved")
        if shown_view is not None:
            self.atlas.update_meta({"shown_view": shown_view})
        io.save(self.atlas, target, sealing=self.sealing)
        self.path = Path(target)
        self.copied_from = None
        self.read_only = self.recovered = False
        self.undo_stack.set_clean()
        self._notify()
        return self.path
