"""Reading a GEDCOM file beside the window, with a progress bar and Cancel.

A family tree of 40,000 people takes most of a minute to read. On the window's own thread the
window would freeze that long, with no way out; here a worker thread reads, the window shows how
far it is, and Annuleren stops the reading at the next few hundred records.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from netwerkatlas.i18n import t
from netwerkatlas.io.gedcom import GedcomCancelled, GedcomError, GedcomTree, read_gedcom

STEPS = 1000
SHOWN_AFTER_MS = 400  # a small family is read before a progress bar would only flash


class _Reader(QObject):
    """Runs `read_gedcom` on a worker thread; signals reach the window on its own thread."""

    progressed = Signal(int)
    done = Signal()

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.stop = threading.Event()
        self.tree: GedcomTree | None = None
        self.error: GedcomError | None = None

    def run(self) -> None:
        try:
            self.tree = read_gedcom(self.path, self._progress)
        except GedcomCancelled:
            self.tree = None
        except GedcomError as error:
            self.error = error
        finally:
            self.done.emit()

    def _progress(self, fraction: float) -> None:
        if self.stop.is_set():
            raise GedcomCancelled
        self.progressed.emit(round(fraction * STEPS))


def read_with_progress(parent: QWidget, path: str | Path) -> GedcomTree | None:
    """The family tree in `path`, read while the window stays responsive; None when the user
    cancelled. Raises `GedcomError` when the file cannot be used."""
    path = Path(path)
    reader = _Reader(path)
    text = t("gedcom.reading", name=path.name)
    dialog = QProgressDialog(text, t("lock.cancel"), 0, STEPS, parent)
    dialog.setObjectName("gedcom_progress")
    dialog.setWindowTitle(t("dialog.gedcom_title"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOWN_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(reader.stop.set)
    reader.progressed.connect(dialog.setValue)
    waiting = QEventLoop()
    reader.done.connect(waiting.quit)
    worker = threading.Thread(target=reader.run, name="gedcom-reader", daemon=True)
    worker.start()
    waiting.exec()
    worker.join()
    cancelled = reader.stop.is_set()
    dialog.close()
    dialog.deleteLater()
    if reader.error is not None:
        raise reader.error
    return None if cancelled else reader.tree
