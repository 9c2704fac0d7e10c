"""At start: the work that a crash, a kill or a flat battery left behind, offered back.

Newest first, each with its file name (or "Naamloos"), the time of the last change and what it
holds. Herstellen opens it in a window as an unsaved atlas ("(hersteld)" in the title; Save asks
where, starting at the original file); Weggooien deletes the copy; Later keeps it for next time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas import io
from netwerkatlas.app.encryption_dialogs import OpenCancelled, open_encrypted
from netwerkatlas.document import Document
from netwerkatlas.i18n import t
from netwerkatlas.io.recovery import RecoveryCopy, RecoveryStore


def row_text(copy: RecoveryCopy) -> str:
    key = "recovery.row_encrypted" if copy.encrypted else "recovery.row"
    return t(key, name=copy.name, time=copy.changed_text(), summary=copy.summary())


class RecoveryDialog(QDialog):
    """The list of copies with Herstellen / Weggooien / Later. `restore(copy)` opens one and
    says whether that worked; the dialog closes when no copy is left or on Later."""

    def __init__(
        self,
        copies: list[RecoveryCopy],
        restore: Callable[[RecoveryCopy], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(t("recovery.title"))
        self.restore_copy = restore
        self.restored: list[RecoveryCopy] = []
        text = QLabel(t("recovery.text"), self)
        text.setWordWrap(True)
        self.list = QListWidget(self)
        for copy in copies:
            item = QListWidgetItem(row_text(copy), self.list)
            item.setData(Qt.ItemDataRole.UserRole, copy)
            item.setToolTip(str(copy.original) if copy.original else copy.name)
        self.list.setCurrentRow(0)
        hint = QLabel(t("recovery.hint"), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(t("recovery.restore"), self)
        self.discard_button = QPushButton(t("recovery.discard"), self)
        self.later_button = QPushButton(t("recovery.later"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def current(self) -> RecoveryCopy | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _take_current(self) -> None:
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.accept()
        else:
            self.list.setCurrentRow(0)

    def _restore(self) -> None:
        copy = self.current()
        if copy is not None and self.restore_copy(copy):
            self.restored.append(copy)
            self._take_current()

    def _discard(self) -> None:
        copy = self.current()
        if copy is not None:
            copy.discard()
            self._take_current()


def load_copy(parent: QWidget | None, copy: RecoveryCopy) -> Document | None:
    """The copy as an unsaved document; an encrypted one asks its passphrase in the same
    dialog as Openen (three tries)."""
    try:
        atlas, report = open_encrypted(parent, Path(copy.name), copy.load)
    except OpenCancelled:
        return None
    except io.AtlasFileError as error:
        show_failure(parent, error.render())
        return None
    document = Document(atlas, copy.original)
    document.sealing = report.sealing
    document.recovered = True
    return document


def show_failure(parent: QWidget | None, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, t("recovery.failed_title"), text)


def offer_recovery(settings: QSettings, store: RecoveryStore | None = None) -> list:
    """Clean up old copies, offer the ones left behind; the windows of the restored ones."""
    from netwerkatlas.app.main_window import MainWindow

    store = store or RecoveryStore()
    store.clean_up()
    copies = store.left_behind()
    windows: list[MainWindow] = []
    if not copies:
        return windows

    def restore(copy: RecoveryCopy) -> bool:
        document = load_copy(dialog, copy)
        if document is None:
            return False
        window = MainWindow(document, settings)
        window.show()
        window.autosave.save_now()  # the work is kept by this session from now on
        window.autosave.writer.wait_idle()
        if window.autosave.store.meta_path.exists():
            copy.discard()  # only once this session's own copy holds the work
        window.statusBar().showMessage(t("status.recovered", name=copy.name), 8000)
        windows.append(window)
        return True

    dialog = RecoveryDialog(copies, restore)
    dialog.exec()
    return windows
