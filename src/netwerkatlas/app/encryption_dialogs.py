"""Encryption in the window: Bestand → Versleutelen…, Wachtwoordzin wijzigen…, Versleuteling
opheffen…, the passphrase asked when an encrypted atlas is opened, and the sign in the status bar.

The three menu actions write the file at once: the user decides about encryption for the file
on disk, not for some later save. The passphrase stays in the dialog's field until the key is
derived; only the key (in the document's `Sealing`) is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas import io
from netwerkatlas.document import Document
from netwerkatlas.i18n import t, tn

MIN_LENGTH = 8
TRIES = 3
T = TypeVar("T")


class OpenCancelled(Exception):
    """The user closed the passphrase question: nothing is opened, and nothing needs saying."""


def strength(passphrase: str) -> str:
    """ "weak", "fair" or "strong": a rough hint from length and kinds of characters. A long
    sentence of plain words is strong; a short word with a digit is not."""
    classes = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    length = len(passphrase)
    if length >= 20 or (length >= 14 and classes >= 3):
        return "strong"
    if length >= 12 or (length >= MIN_LENGTH and classes >= 3):
        return "fair"
    return "weak"


_STRENGTH_COLOURS = {"weak": "#a4262c", "fair": "#8a5a00", "strong": "#1e6b33"}


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(320)
    return field


class NewPassphraseDialog(QDialog):
    """A new passphrase, typed twice, with a strength hint and the warning that a lost one
    cannot be recovered."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.passphrase = _password_field("passphrase")
        self.repeat = _password_field("repeat")
        self.strength = QLabel()
        self.strength.setObjectName("strength")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        warning = QLabel(t("encryption.lost_warning"))
        warning.setObjectName("warning")
        warning.setWordWrap(True)
        form = QFormLayout()
        form.addRow(t("encryption.passphrase_label"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow(t("encryption.repeat_label"), self.repeat)
        form.addRow("", self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        text, again = self.passphrase.text(), self.repeat.text()
        level = strength(text)
        self.strength.setText(t(f"encryption.strength.{level}") if text else "")
        self.strength.setStyleSheet(f"color: {_STRENGTH_COLOURS[level]};")
        if text and len(text) < MIN_LENGTH:
            problem = tn("encryption.too_short", MIN_LENGTH)
        elif again and again != text:
            problem = t("encryption.mismatch")
        else:
            problem = ""
        self.problem.setText(problem)
        self.ok_button.setEnabled(len(text) >= MIN_LENGTH and again == text)

    def value(self) -> str:
        return self.passphrase.text()


class AskPassphraseDialog(QDialog):
    """The passphrase of an encrypted atlas that is being opened."""

    def __init__(self, parent: QWidget | None, path: Path, wrong_before: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("encryption.ask_title"))
        message = QLabel(t("encryption.ask_text", name=path.name))
        message.setWordWrap(True)
        self.wrong = QLabel(
            tn("encryption.wrong_again", TRIES - wrong_before) if wrong_before else ""
        )
        self.wrong.setObjectName("wrong")
        self.wrong.setStyleSheet(f"color: {_STRENGTH_COLOURS['weak']};")
        self.wrong.setVisible(bool(wrong_before))
        self.passphrase = _password_field("passphrase")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.wrong)
        layout.addWidget(self.passphrase)
        layout.addWidget(buttons)
        self.passphrase.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the key is derived (a fraction of a second, on purpose)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def open_encrypted(parent: QWidget | None, path: Path, opener: Callable[[str | None], T]) -> T:
    """`opener(None)`; when the file turns out to be encrypted, ask for the passphrase and call
    `opener(passphrase)`, up to three times. Raises `OpenCancelled` when the user stops asking,
    `io.WrongPassphrase` after three wrong ones, or any other `io.AtlasFileError`."""
    try:
        return opener(None)
    except io.PassphraseNeeded:
        pass
    for wrong in range(TRIES):
        dialog = AskPassphraseDialog(parent, path, wrong)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            raise OpenCancelled
        try:
            with busy():
                return opener(dialog.passphrase.text())
        except io.WrongPassphrase as error:
            failure = error
        finally:
            dialog.passphrase.clear()
            dialog.deleteLater()
    raise failure


def open_document(parent: QWidget | None, path: Path) -> tuple[Document, io.LoadReport]:
    """`Document.open`, asking for the passphrase of an encrypted file (see `open_encrypted`)."""
    return open_encrypted(parent, Path(path), lambda passphrase: Document.open(path, passphrase))


class EncryptionActions(QObject):
    """The three Bestand actions and the status bar sign, for one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.encrypt_action = self._action("encrypt", self.encrypt)
        self.change_action = self._action("change_passphrase", self.change_passphrase)
        self.decrypt_action = self._action("decrypt", self.decrypt)
        self.label = QLabel(t("encryption.status_label"), window)
        self.label.setObjectName("encrypted_label")
        self.label.setToolTip(t("encryption.status_tip"))
        self.label.setStyleSheet(
            "QLabel { background: #e3f0e6; color: #1e4d2b; padding: 2px 8px; }"
        )
        self.label.setVisible(False)
        window.statusBar().addPermanentWidget(self.label)

    def _action(self, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(t(f"action.{name}"), self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [self.encrypt_action, self.change_action, self.decrypt_action]

    def refresh(self) -> None:
        """Offer what fits the document shown: encrypt it, or change or lift its encryption."""
        encrypted = self.window.document.is_encrypted
        self.encrypt_action.setVisible(not encrypted)
        self.change_action.setVisible(encrypted)
        self.decrypt_action.setVisible(encrypted)
        self.label.setVisible(encrypted)

    # --- the actions -----------------------------------------------------------------------

    def encrypt(self) -> bool:
        """Bestand → Versleutelen…: a passphrase, then the file written encrypted at once."""
        target = self._target()
        if target is None:
            return False
        return self._seal_with_new_passphrase(target, t("encryption.encrypt_title"))

    def change_passphrase(self) -> bool:
        target = self._target()
        if target is None:
            return False
        return self._seal_with_new_passphrase(target, t("encryption.change_title"))

    def decrypt(self) -> bool:
        """Bestand → Versleuteling opheffen…: after a warning, the file written readable."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            t("encryption.decrypt_title"),
            t("encryption.decrypt_text", name=self.window.document.display_name),
            buttons.Yes | buttons.Cancel,
            self.window,
        )
        box.button(buttons.Yes).setText(t("encryption.decrypt_button"))
        box.setDefaultButton(buttons.Cancel)
        box.exec()
        if box.clickedButton() is not box.button(buttons.Yes):
            return False
        target = self._target()
        return target is not None and self._write(target, None, "encryption.status_decrypted")

    # --- helpers ---------------------------------------------------------------------------

    def _target(self) -> Path | None:
        """Where the file goes: its path, or (untitled, or from a recovery copy) where the
        user chooses. None when the user cancels."""
        document = self.window.document
        if document.path is not None and not document.recovered and not document.read_only:
            return document.path
        start = str(document.path or Path.home() / document.display_name)
        path, _ = QFileDialog.getSaveFileName(
            self.window, t("dialog.save_title"), start, t("dialog.file_filter")
        )
        return io.with_extension(path) if path else None

    def _seal_with_new_passphrase(self, target: Path, title: str) -> bool:
        dialog = NewPassphraseDialog(self.window, title)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            with busy():
                sealing = io.Sealing.create(dialog.value())
        finally:
            dialog.passphrase.clear()
            dialog.repeat.clear()
            dialog.deleteLater()
        return self._write(target, sealing, "encryption.status_encrypted")

    def _write(self, target: Path, sealing: io.Sealing | None, status_key: str) -> bool:
        """Save with `sealing` now; when the save fails the document keeps its old sealing,
        so what the window says matches the file on disk."""
        window = self.window
        window.details.commit_note()
        previous = window.document.sealing
        window.document.set_sealing(sealing)
        if not window._save_to(target):
            window.document.set_sealing(previous)
            return False
        window.statusBar().showMessage(t(status_key, path=target), 6000)
        return True
