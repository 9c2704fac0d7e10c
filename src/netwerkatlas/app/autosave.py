"""Autosave: after an edit, the window's work goes to a recovery copy, never to the user's file.

A copy is written after 3 s without edits, and at least every 60 s while editing goes on. On the
GUI thread only a private copy of the atlas is made (a few ms for 1,000 bollen, see
benchmarks/bench_autosave.py); the text, the sealing and the disk are the writer thread's work.
A save, an undo back to the saved state, or a clean close removes the copy.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from netwerkatlas.document import Document
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.io.recovery import RecoveryStore, RecoveryWriter, Snapshot, snapshot

IDLE_MS = 3_000
MAX_DELAY_MS = 60_000


class Autosaver(QObject):
    """One per window: its session's recovery copy."""

    failed = Signal(str)  # a readable message, for the status bar

    def __init__(self, parent: QObject | None = None, store: RecoveryStore | None = None):
        super().__init__(parent)
        self.store = store or RecoveryStore()
        self.writer = RecoveryWriter(self.store, on_error=self._failed_on_writer)
        self.document: Document | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_MS)
        self.idle_timer.timeout.connect(self.save_now)
        self.max_timer = QTimer(self)
        self.max_timer.setSingleShot(True)
        self.max_timer.setInterval(MAX_DELAY_MS)
        self.max_timer.timeout.connect(self.save_now)

    def watch(self, document: Document) -> None:
        """Follow `document` from now on (a new or opened one replaces the old)."""
        self.document = document
        document.subscribe(lambda: self._changed(document))
        self._changed(document)

    def _changed(self, document: Document) -> None:
        if document is not self.document:
            return  # a document this window no longer shows
        if not document.is_modified:
            self.discard()  # saved, or undone back to the saved state: the file is the truth
            return
        self.idle_timer.start()  # restarted on each edit
        if not self.max_timer.isActive():
            self.max_timer.start()

    def save_now(self) -> None:
        """Hand a copy of the atlas to the writer thread (the timers' slot)."""
        self.idle_timer.stop()
        self.max_timer.stop()
        document = self.document
        if document is None or not document.is_modified:
            return
        sealing = getattr(document, "sealing", None)
        self.writer.submit(Snapshot(snapshot(document.atlas), document.path, sealing))

    def discard(self) -> None:
        self.idle_timer.stop()
        self.max_timer.stop()
        self.writer.remove()

    def close(self) -> None:
        """A clean end of the session: no copy is left behind."""
        self.idle_timer.stop()
        self.max_timer.stop()
        self.writer.close(remove=True)

    def _failed_on_writer(self, error: Exception) -> None:
        """Runs on the writer thread; the signal reaches the window on the GUI thread."""
        if isinstance(error, AtlasFileError):
            text = error.problems[0].what() if error.problems else str(error.path)
        else:
            text = str(error) or type(error).__name__
        self.failed.emit(text)
