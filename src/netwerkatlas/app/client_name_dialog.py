"""A new atlas asks the client's name (or initials) first, in one field that may stay empty.

The name is the new atlas's first state, not an edit on it: the atlas is made again with the
name, its undo history empty and nothing to save. Naming the client is part of starting, like
the date it was made; were it an undo step, closing a just-named atlas would ask to save
something the user never drew, and Ctrl+Z would turn the client back into "Cliënt".

The dialog is window-modal and does not block (`open`, not `exec`): the window behind it is
already the new atlas, and skipping (Enter with nothing, Esc) simply leaves it as it is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from netwerkatlas.document import Document
from netwerkatlas.i18n import t
from netwerkatlas.model import NODES
from netwerkatlas.model.records import MAX_LABEL


class ClientNameDialog(QDialog):
    """One field: the client's name or initials."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("client_name_dialog")
        self.setWindowTitle(t("client_name.title"))
        question = QLabel(t("client_name.question"))
        question.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setMaxLength(MAX_LABEL)
        self.field.setPlaceholderText(t("client.placeholder"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        skip = buttons.addButton(t("client_name.skip"), QDialogButtonBox.ButtonRole.RejectRole)
        skip.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.field)
        hint = QLabel(t("client_name.hint"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #546e7a;")
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def name(self) -> str:
        """What was typed, or "" when skipped."""
        return self.field.text().strip() if self.result() == QDialog.DialogCode.Accepted else ""


def named_document(name: str) -> Document:
    """A new atlas whose client is called `name` from the start (the placeholder when empty)."""
    document = Document.new()
    if name:
        document.atlas.update(NODES, document.atlas.client_id, {"label": name})
    return document


def ask_client_name(window) -> ClientNameDialog:
    """Ask the name over `window`, which shows a new atlas; a name given replaces that atlas
    with one whose client has it, as long as nothing was done to it in the meantime."""
    untouched = window.document
    dialog = ClientNameDialog(window)

    def answered() -> None:
        name = dialog.name()
        stack = untouched.undo_stack
        if name and window.document is untouched and not stack.can_undo():
            window.set_document(named_document(name))
        dialog.deleteLater()

    dialog.finished.connect(lambda _code: answered())
    window.client_name_dialog = dialog
    dialog.open()
    dialog.field.setFocus()
    return dialog
