"""Start the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from netwerkatlas import io
from netwerkatlas.app.main_window import MainWindow
from netwerkatlas.document import Document
from netwerkatlas.i18n import t


def make_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Netwerkatlas", "netwerkatlas"
    )


def open_window(path: str | None, settings: QSettings) -> MainWindow:
    """A main window on `path` (or a new atlas); a bad file is explained, then a new atlas."""
    document = Document.new()
    error: io.AtlasFileError | None = None
    notices: list[str] = []
    if path:
        try:
            document, report = Document.open(path)
            notices = report.render()
        except io.AtlasFileError as failure:
            error = failure
    window = MainWindow(document, settings)
    window.show()
    if error is not None:
        window.show_error(t("dialog.open_error_title"), error.render())
    elif notices:
        QMessageBox.information(window, t("dialog.notices_title"), "\n".join(notices))
    return window


def run_app(path: str | None, client_mode: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Netwerkatlas")
    app.setOrganizationName("Netwerkatlas")
    app.setApplicationDisplayName("Netwerkatlas")
    window = open_window(path, make_settings())
    if client_mode:
        window.set_client_mode(True)
    window.raise_()
    return app.exec()
