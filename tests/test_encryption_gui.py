"""Encryption in the window: the Bestand actions, the passphrase on opening, the visible sign."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from tests.dialogs import Answers
from tests.windows import person

from netwerkatlas import io
from netwerkatlas.app import encryption_dialogs
from netwerkatlas.app.encryption_dialogs import (
    AskPassphraseDialog,
    NewPassphraseDialog,
    strength,
)
from netwerkatlas.app.main import open_window
from netwerkatlas.commands import UpdateItem
from netwerkatlas.io import encryption
from netwerkatlas.io.encryption import KdfParams, Sealing
from netwerkatlas.resources import example_path

PASSPHRASE = "de kat van tante Nel slaapt"
CHEAP = KdfParams(memory_kib=8, iterations=1, lanes=1)


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    monkeypatch.setattr(encryption, "DEFAULT_PARAMS", CHEAP)


def type_new(passphrase, repeat=None):
    def answer(dialog):
        dialog.passphrase.setText(passphrase)
        dialog.repeat.setText(passphrase if repeat is None else repeat)
        dialog.ok_button.click()

    return NewPassphraseDialog, answer


def type_passphrase(passphrase):
    def answer(dialog):
        dialog.passphrase.setText(passphrase)
        dialog.ok_button.click()

    return AskPassphraseDialog, answer


def cancel(kind):
    return kind, lambda dialog: dialog.reject()


def click(button):
    return QMessageBox, lambda box: box.button(button).click()


def encrypted_copy(tmp_path, window):
    """The window's atlas saved encrypted as a file of its own (not through the window)."""
    path = tmp_path / "geheim.netwerkatlas"
    io.save(window.document.atlas, path, sealing=Sealing.create(PASSPHRASE))
    return path


def menu_texts(window):
    return [a.text() for a in window.file_menu.actions() if a.isVisible()]


def test_encrypt_from_the_menu_writes_the_file_encrypted_at_once(window, qtbot):
    path = window.document.path
    assert "&Versleutelen…" in menu_texts(window)
    answers = Answers(type_new(PASSPHRASE))
    window.encryption.encrypt_action.trigger()
    answers.stop()
    data = path.read_bytes()
    assert io.is_encrypted(data) and b"Sanne" not in data
    assert io.is_encrypted(io.backup_path(path).read_bytes())
    assert io.load(path, PASSPHRASE)[0] is not None
    assert "versleuteld" in window.windowTitle()
    assert window.encryption.label.isVisible() and "Versleuteld" in window.encryption.label.text()
    texts = menu_texts(window)
    assert "&Wachtwoordzin wijzigen…" in texts and "Versleuteling op&heffen…" in texts
    assert "&Versleutelen…" not in texts
    assert "niet te herstellen" in answers.seen[0]


def test_edits_after_encrypting_are_saved_encrypted_without_asking_again(window, qtbot):
    answers = Answers(type_new(PASSPHRASE))
    window.encryption.encrypt_action.trigger()
    answers.stop()
    sanne = person(window, "Sanne")
    window.push(UpdateItem("nodes", sanne.id, {"note": "Nieuwe notitie"}))
    assert window.save()
    atlas, _ = io.load(window.document.path, PASSPHRASE)
    assert atlas.node(sanne.id).note == "Nieuwe notitie"


def test_a_cancelled_or_mismatched_passphrase_changes_nothing(window, qtbot):
    path = window.document.path
    before = path.read_bytes()
    answers = Answers(cancel(NewPassphraseDialog))
    assert window.encryption.encrypt() is False
    answers.stop()
    dialog = NewPassphraseDialog(window, "x")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "!")
    assert not dialog.ok_button.isEnabled() and "niet gelijk" in dialog.problem.text()
    dialog.passphrase.setText("kort")
    dialog.repeat.setText("kort")
    assert not dialog.ok_button.isEnabled() and "Te kort" in dialog.problem.text()
    dialog.deleteLater()
    assert path.read_bytes() == before and window.document.sealing is None


def test_the_strength_hint_follows_the_typing(window):
    dialog = NewPassphraseDialog(window, "x")
    shown = []
    for text in ("welkom12", "Welkom12!", "paard batterij nietje", "Mijn kat heet 3x Nel!"):
        dialog.passphrase.setText(text)
        shown.append(dialog.strength.text())
    assert shown == ["Sterkte: zwak", "Sterkte: redelijk", "Sterkte: sterk", "Sterkte: sterk"]
    assert [strength(s) for s in ("", "abcdefgh", "abcdefghijkl")] == ["weak", "weak", "fair"]
    dialog.deleteLater()


def test_reopening_asks_the_passphrase_and_a_wrong_one_is_asked_again(window, qtbot, tmp_path):
    path = encrypted_copy(tmp_path, window)
    answers = Answers(type_passphrase("fout"), type_passphrase(PASSPHRASE))
    assert window.open_path(path, ask=False)
    answers.stop()
    assert window.document.path == path and window.document.is_encrypted
    assert "versleuteld" in answers.seen[0] and "klopt niet" in answers.seen[1]
    assert "nog 2 keer" in answers.seen[1]
    assert window.encryption.label.isVisible()


def test_three_wrong_tries_open_nothing_and_overwrite_nothing(window, qtbot, tmp_path):
    shown = window.document.path
    path = encrypted_copy(tmp_path, window)
    before = path.read_bytes(), path.stat().st_mtime_ns
    answers = Answers(
        type_passphrase("een"),
        type_passphrase("twee"),
        type_passphrase("drie"),
        click(QMessageBox.StandardButton.Ok),
    )
    assert window.open_path(path, ask=False) is False
    answers.stop()
    assert window.document.path == shown and not window.document.is_encrypted
    assert "klopt niet" in answers.seen[3] and path.name in answers.seen[3]
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not io.backup_path(path).exists()


def test_cancelling_the_passphrase_opens_nothing_and_says_nothing(window, qtbot, tmp_path):
    shown = window.document.path
    path = encrypted_copy(tmp_path, window)
    answers = Answers(cancel(AskPassphraseDialog))
    assert window.open_path(path, ask=False) is False
    answers.stop()
    assert window.document.path == shown and answers.steps == []


def test_a_recent_file_and_the_command_line_ask_the_passphrase_too(
    window, qtbot, qsettings, tmp_path
):
    path = encrypted_copy(tmp_path, window)
    window.recent.add(path)
    window._fill_recent_menu()
    recent = next(a for a in window.recent_menu.actions() if a.data() == str(path))
    answers = Answers(type_passphrase(PASSPHRASE))
    recent.trigger()
    answers.stop()
    assert window.document.path == path and window.document.is_encrypted
    window.document.undo_stack.set_clean()
    window.adopt_lock(None)  # let the second window below take the file

    answers = Answers(type_passphrase(PASSPHRASE))
    second = open_window(str(path), qsettings)
    answers.stop()
    try:
        assert second.document.path == path and second.document.is_encrypted
        assert "versleuteld" in second.windowTitle()
    finally:
        second.document.undo_stack.set_clean()
        second.close()


def test_a_start_on_an_encrypted_file_given_up_opens_a_new_atlas(qtbot, qsettings, tmp_path):
    atlas, _ = io.load(example_path())
    path = tmp_path / "geheim.netwerkatlas"
    io.save(atlas, path, sealing=Sealing.create(PASSPHRASE))
    answers = Answers(cancel(AskPassphraseDialog))
    window = open_window(str(path), qsettings)
    answers.stop()
    try:
        assert window.document.path is None and not window.document.is_encrypted
        assert not list(tmp_path.glob("*.lock")) or window.file_lock is None
    finally:
        window.close()


def test_change_passphrase_and_remove_encryption_from_the_menu(window, qtbot, tmp_path):
    answers = Answers(type_new(PASSPHRASE))
    window.encryption.encrypt_action.trigger()
    answers.stop()
    path = window.document.path
    answers = Answers(type_new("een nieuwe zin van mij"))
    window.encryption.change_action.trigger()
    answers.stop()
    io.load(path, "een nieuwe zin van mij")
    with pytest.raises(io.WrongPassphrase):
        io.load(path, PASSPHRASE)

    answers = Answers(click(QMessageBox.StandardButton.Cancel))
    window.encryption.decrypt_action.trigger()
    answers.stop()
    assert io.is_encrypted(path.read_bytes())
    answers = Answers(click(QMessageBox.StandardButton.Yes))
    window.encryption.decrypt_action.trigger()
    answers.stop()
    assert not io.is_encrypted(path.read_bytes()) and b"Sanne" in path.read_bytes()
    assert "iedereen" in answers.seen[0]
    assert "versleuteld" not in window.windowTitle()
    assert not window.encryption.label.isVisible()
    assert "&Versleutelen…" in menu_texts(window)


def test_an_untitled_atlas_asks_where_to_save_before_encrypting(
    qtbot, qsettings, tmp_path, monkeypatch
):
    target = tmp_path / "nieuw"
    monkeypatch.setattr(
        encryption_dialogs.QFileDialog, "getSaveFileName", lambda *a: (str(target), "")
    )
    window = open_window(None, qsettings)
    try:
        answers = Answers(type_new(PASSPHRASE))
        window.encryption.encrypt_action.trigger()
        answers.stop()
        saved = tmp_path / "nieuw.netwerkatlas"
        assert window.document.path == saved and io.is_encrypted(saved.read_bytes())
    finally:
        window.document.undo_stack.set_clean()
        window.close()
