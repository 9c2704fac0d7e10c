"""Start the desktop application."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from netwerkatlas import collector, io
from netwerkatlas.app import first_paint, single_instance, window_place
from netwerkatlas.app.client_name_dialog import ask_client_name
from netwerkatlas.app.encryption_dialogs import OpenCancelled, open_document
from netwerkatlas.app.language_menu import choose_language
from netwerkatlas.app.lock_dialog import Choice, lock_for_opening
from netwerkatlas.app.main_window import MainWindow
from netwerkatlas.app.recovery_dialog import offer_recovery
from netwerkatlas.document import Document
from netwerkatlas.i18n import language, t

COLLECTOR_BACK_MS = 3000


def make_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Netwerkatlas", "netwerkatlas"
    )


def open_window(path: str | None, settings: QSettings, as_copy: bool = False) -> MainWindow:
    """A main window on `path` (or a new atlas); a bad file is explained, then a new atlas.
    `as_copy` opens the file as a new untitled atlas (a bundled example), holding no lock.
    A new atlas is made only when nothing was opened: making one for nothing cost 14 ms of the
    start."""
    document: Document | None = None
    error: io.AtlasFileError | None = None
    notices: list[str] = []
    if path and as_copy:
        try:
            document, report = Document.open_copy(path)
            notices = report.render()
        except io.AtlasFileError as failure:
            error = failure
        path = None
    outcome = lock_for_opening(None, Path(path)) if path else None
    if outcome is not None and outcome.choice is not Choice.CANCEL:
        try:
            document, report = open_document(None, Path(path))
            document.read_only = outcome.choice is Choice.READ_ONLY
            notices = report.render()
        except io.AtlasFileError as failure:
            error = failure
        except OpenCancelled:  # the passphrase was not given: a new atlas, holding no lock
            if outcome.lock is not None:
                outcome.lock.release()
            outcome = None
    window = MainWindow(document or Document.new(), settings)
    if outcome is not None and outcome.lock is not None:
        if error is None:
            window.adopt_lock(outcome.lock)
        else:
            outcome.lock.release()
    if outcome is not None and outcome.note:
        window.statusBar().showMessage(outcome.note, 6000)
    window_place.show(window, settings)
    if error is not None:
        window.show_error(t("dialog.open_error_title"), error.render())
    elif notices:
        QMessageBox.information(window, t("dialog.notices_title"), "\n".join(notices))
    return window


class QtGaps(QTranslator):
    """The few words of Qt's own file dialog that qtbase_nl.qm lacks (its labels carry a
    shortcut letter the shipped translation does not know)."""

    WORDS: ClassVar[dict[str, dict[tuple[str, str], str]]] = {
        "nl": {
            ("QFileDialog", "&Look in:"): "&Zoeken in:",
            ("QFileDialog", "Files of &type:"): "Bestands&type:",
        }
    }

    def __init__(self, code: str, parent: QApplication) -> None:
        super().__init__(parent)
        self.words = self.WORDS.get(code, {})

    def isEmpty(self) -> bool:
        return not self.words

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        return self.words.get((context, source))  # None: not ours, ask the next translator


_QT_TRANSLATORS: list[QTranslator] = []  # the ones installed last, to replace


def install_qt_translations(app: QApplication) -> None:
    """Qt's own words (file dialogs, "Annuleren", "Details tonen…") in the program's language,
    from the translations that ship with Qt; without them they stay English. Dates and
    numbers in Qt's widgets follow the same language."""
    QLocale.setDefault(QLocale(language()))
    for earlier in _QT_TRANSLATORS:  # another language's words must not answer first
        app.removeTranslator(earlier)
    _QT_TRANSLATORS.clear()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(QLocale(language()), "qtbase", "_", folder):
        app.installTranslator(translator)
        _QT_TRANSLATORS.append(translator)
    gaps = QtGaps(language(), app)
    if not gaps.isEmpty():
        app.installTranslator(gaps)
        _QT_TRANSLATORS.append(gaps)


def _open_asked(request: single_instance.Request, settings: QSettings) -> MainWindow:
    """A window on what a later start or the Finder asked this program to open."""
    with collector.paused():
        window = open_window(request.path, settings, as_copy=request.example)
    if request.client_mode:
        window.set_client_mode(True)
    return window


def _drop_cached_sources() -> None:
    """PySide6's import hook reads the source of every module imported after it (to look for
    `from __feature__ import`), and Python keeps those lines (`linecache`): megabytes of text
    the program never shows. Dropped once the start's imports are done, and again after the
    first paint for what the window imported; a traceback reads its lines anew."""
    linecache.clearcache()


def _after_first_paint() -> None:
    _drop_cached_sources()
    collector.start_done()


def run_app(path: str | None, client_mode: bool = False, example: bool = False) -> int:
    _drop_cached_sources()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = make_settings()
    choose_language(settings)
    install_qt_translations(app)
    app.setApplicationName("Netwerkatlas")
    app.setOrganizationName("Netwerkatlas")
    app.setApplicationDisplayName("Netwerkatlas")
    app.setDesktopFileName("netwerkatlas")  # the menu entry and its icon (Wayland)
    # Later starts hand their file to this program, and so does the macOS Finder.
    single_instance.serve(app, lambda asked: _open_asked(asked, settings))
    windows = offer_recovery(settings)  # work a crash left behind, before anything else
    if path or not windows:
        windows.append(open_window(path, settings, as_copy=example))
        if not path and not first_paint.wanted():
            ask_client_name(windows[-1])  # a new atlas: whose is it?
    for window in windows:
        if client_mode:
            window.set_client_mode(True)
    windows[-1].raise_()
    # The cycle collector, paused for the start (cli.main), is back once the window is seen,
    # or after a while for a window that does not paint (started minimised).
    first_paint.after_first_paint(windows[-1], _after_first_paint)
    QTimer.singleShot(COLLECTOR_BACK_MS, collector.start_done)
    first_paint.quit_after_paint(windows[-1])  # a measured start (benchmarks)
    return app.exec()
