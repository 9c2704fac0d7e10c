"""The second opener of an atlas is told who has it, and chooses: read-only, open anyway, cancel.

Also the checks before a save: never write over a file someone else holds (read-only mode, a
Save As onto a file in use, a lock taken over since it was opened).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from netwerkatlas.i18n import t
from netwerkatlas.io.locking import AtlasLock, LockHeld, LockOwner, LockUnavailable, read_owner

# The message box's buttons, by the standard button each one is (tests click them by these).
READ_ONLY = QMessageBox.StandardButton.Ignore
OPEN_ANYWAY = QMessageBox.StandardButton.Open
CANCEL = QMessageBox.StandardButton.Cancel
SAVE_AS = QMessageBox.StandardButton.Save


class Choice(Enum):
    EDIT = "edit"  # with our lock (or none possible in that folder)
    READ_ONLY = "read_only"
    CANCEL = "cancel"


@dataclass
class LockOutcome:
    choice: Choice
    lock: AtlasLock | None = None
    note: str = ""  # for the status bar


def since_text(owner: LockOwner) -> str:
    if owner.since is None:
        return t("lock.unknown")
    return owner.since.astimezone().strftime("%d-%m-%Y %H:%M")


def held_text(owner: LockOwner) -> str:
    """ "Dit bestand is geopend door … op … sinds …"."""
    if not owner.readable:
        return t("lock.text_unreadable")
    return t("lock.text", user=owner.user, host=owner.host, time=since_text(owner))


def ask_about_lock(parent: QWidget | None, path: Path, owner: LockOwner) -> Choice:
    box = QMessageBox(QMessageBox.Icon.Warning, t("lock.title"), held_text(owner), CANCEL, parent)
    box.setObjectName("lock_dialog")
    if owner.stale:
        box.setInformativeText(t("lock.stale"))
    elif not owner.on_this_host:
        box.setInformativeText(t("lock.other_host"))
    else:
        box.setInformativeText(t("lock.live"))
    box.setDetailedText(str(path))
    box.addButton(READ_ONLY).setText(t("lock.read_only"))
    box.addButton(OPEN_ANYWAY).setText(t("lock.open_anyway"))
    box.button(CANCEL).setText(t("lock.cancel"))
    box.setDefaultButton(OPEN_ANYWAY if owner.stale else READ_ONLY)
    box.exec()
    clicked = box.clickedButton()
    answer = box.standardButton(clicked) if clicked is not None else CANCEL
    return {READ_ONLY: Choice.READ_ONLY, OPEN_ANYWAY: Choice.EDIT}.get(answer, Choice.CANCEL)


def lock_for_opening(parent: QWidget | None, path: Path) -> LockOutcome:
    """Take the lock on `path`, asking the user when someone else (or a crash) holds it."""
    try:
        return LockOutcome(Choice.EDIT, AtlasLock.acquire(path))
    except LockUnavailable:
        return LockOutcome(Choice.EDIT, None, t("status.no_lock"))
    except LockHeld as held:
        choice = ask_about_lock(parent, path, held.owner)
    if choice is not Choice.EDIT:
        return LockOutcome(choice)
    try:
        return LockOutcome(Choice.EDIT, AtlasLock.take_over(path))
    except LockUnavailable:
        return LockOutcome(Choice.EDIT, None, t("status.no_lock"))


def lock_for_saving(parent: QWidget | None, path: Path) -> AtlasLock | bool | None:
    """Before writing to a file this window does not hold: its lock, None when no lock can be
    made there, False when someone else has it open (the user was told)."""
    try:
        return AtlasLock.acquire(path)
    except LockUnavailable:
        return None
    except LockHeld as held:
        if held.owner.stale:
            try:
                return AtlasLock.take_over(path)
            except LockUnavailable:
                return None
        owner = held.owner
    text = t(
        "lock.save_held_text",
        name=path.name,
        user=owner.user,
        host=owner.host,
        time=since_text(owner),
    )
    QMessageBox.warning(parent, t("lock.save_held_title"), text)
    return False


def taken_over_warning(parent: QWidget | None, lock: AtlasLock) -> None:
    """Someone chose "Toch openen" on our file since we opened it: say so, do not overwrite."""
    owner = read_owner(lock.path) or LockOwner(readable=False)
    text = t(
        "lock.taken_over_text",
        name=lock.path.name,
        user=owner.user,
        host=owner.host,
        time=since_text(owner),
    )
    QMessageBox.warning(parent, t("lock.save_held_title"), text)


def ask_save_as_instead(parent: QWidget | None, name: str) -> bool:
    """Save in read-only mode: explain why not over the file, offer Save As."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        t("lock.save_read_only_title"),
        t("lock.save_read_only_text", name=name),
        SAVE_AS | CANCEL,
        parent,
    )
    box.setObjectName("read_only_save_dialog")
    box.setInformativeText(t("lock.save_read_only_question"))
    box.button(SAVE_AS).setText(t("lock.save_as"))
    box.button(CANCEL).setText(t("lock.cancel"))
    box.setDefaultButton(SAVE_AS)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.standardButton(clicked) == SAVE_AS


def read_only_label(parent: QWidget) -> QLabel:
    """The status bar's sign that this window cannot save over its file."""
    label = QLabel(t("lock.read_only_bar"), parent)
    label.setObjectName("read_only_label")
    label.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; padding: 2px 8px; }")
    label.setVisible(False)
    return label
