"""Autosave and recovery as a user meets them: type a name, the program dies, start again, and
the work is offered back; a clean close or a save leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from tests.dialogs import Answers, DialogAnswerer

from netwerkatlas import io
from netwerkatlas.app import file_commands
from netwerkatlas.app.autosave import IDLE_MS, MAX_DELAY_MS
from netwerkatlas.app.recovery_dialog import RecoveryDialog, offer_recovery
from netwerkatlas.io.recovery import RecoveryStore
from netwerkatlas.resources import example_path

NAME = "Buurvrouw Ans"


def type_name(window, name: str) -> None:
    window.groslijst_action.trigger()
    QTest.keyClicks(window.groslijst.entry, name)
    QTest.keyClick(window.groslijst.entry, Qt.Key.Key_Return)


def labels(window) -> set[str]:
    return {n.shown_label for n in window.document.atlas.nodes()}


class RecoveryAnswerer(Answers):
    """Presses `button_name` ("restore_button", "discard_button", "later_button") on the
    recovery dialog once it is shown, and remembers the rows it offered."""

    def __init__(self, button_name: str) -> None:
        self.rows: list[str] = []
        super().__init__((RecoveryDialog, lambda dialog: self._press(dialog, button_name)))

    def _press(self, dialog: RecoveryDialog, button_name: str) -> None:
        self.rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        QTimer.singleShot(0, getattr(dialog, button_name).click)


def close_clean(window) -> None:
    window.document.recovered = False
    window.document.undo_stack.set_clean()
    window.close()


def crashed_session(tmp_path: Path, data_folder: Path) -> Path:
    """A real program window in another process: open a copy of the example, type a name in the
    groslijst, let the autosave run, and die without closing (as a kill or a crash would)."""
    source = example_path("netwerkintake-sanne")
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    script = textwrap.dedent(
        f"""
        import os
        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        from netwerkatlas.app.main import open_window
        app = QApplication([])
        settings = QSettings({str(tmp_path / "child.ini")!r}, QSettings.Format.IniFormat)
        window = open_window({str(path)!r}, settings)
        window.groslijst_action.trigger()
        QTest.keyClicks(window.groslijst.entry, {NAME!r})
        QTest.keyClick(window.groslijst.entry, Qt.Key.Key_Return)
        window.autosave.idle_timer.timeout.emit()
        assert window.autosave.writer.wait_idle()
        os._exit(9)
        """
    )
    env = dict(os.environ, NETWERKATLAS_DATA_DIR=str(data_folder), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=300)
    assert done.returncode == 9
    return path


def test_a_killed_session_is_offered_back_and_save_asks_where(
    qtbot, qsettings, tmp_path, data_folder, monkeypatch
):
    path = crashed_session(tmp_path, data_folder)
    assert path.read_bytes() == example_path("netwerkintake-sanne").read_bytes()  # untouched
    answer = RecoveryAnswerer("restore_button")
    windows = offer_recovery(qsettings)
    answer.stop()
    (row,) = answer.rows
    assert row.startswith(f"{path.name} — laatst gewijzigd ")
    assert " bollen" in row
    (window,) = windows
    qtbot.addWidget(window)
    assert NAME in labels(window)
    assert "(hersteld)" in window.windowTitle()
    assert window.isWindowModified()
    asked: list[str] = []

    def choose(_parent, _title, start, _filter):
        asked.append(start)
        return str(tmp_path / "hersteld.netwerkatlas"), ""

    monkeypatch.setattr(file_commands.QFileDialog, "getSaveFileName", choose)
    assert window.save()
    assert asked == [str(path)]  # Save asks where, starting at the original file
    atlas, _ = io.load(tmp_path / "hersteld.netwerkatlas")
    assert NAME in {n.shown_label for n in atlas.nodes()}
    assert "(hersteld)" not in window.windowTitle()
    assert RecoveryStore().copies() == []  # saved: the file is the truth
    close_clean(window)


def test_later_keeps_the_copy_and_weggooien_deletes_it(qsettings, tmp_path, data_folder):
    crashed_session(tmp_path, data_folder)
    answer = RecoveryAnswerer("later_button")
    assert offer_recovery(qsettings) == []
    answer.stop()
    assert len(RecoveryStore().left_behind()) == 1
    answer = RecoveryAnswerer("discard_button")
    assert offer_recovery(qsettings) == []
    answer.stop()
    assert RecoveryStore().copies() == []


def test_nothing_is_offered_when_nothing_was_left(qsettings):
    assert offer_recovery(qsettings) == []


def test_an_edit_starts_the_idle_timer_and_the_maximum_delay(window):
    autosave = window.autosave
    assert not autosave.idle_timer.isActive()
    type_name(window, NAME)
    assert autosave.idle_timer.isActive() and autosave.idle_timer.interval() == IDLE_MS
    assert autosave.max_timer.isActive() and autosave.max_timer.interval() == MAX_DELAY_MS
    first = autosave.max_timer.remainingTime()
    type_name(window, "Nog iemand")
    assert autosave.max_timer.remainingTime() <= first  # not pushed back by more editing
    autosave.max_timer.timeout.emit()
    assert autosave.writer.wait_idle()
    (copy,) = RecoveryStore().copies()
    assert copy.original == window.document.path


def test_autosave_never_writes_the_users_file(window):
    before = window.document.path.read_bytes()
    type_name(window, NAME)
    window.autosave.idle_timer.timeout.emit()
    assert window.autosave.writer.wait_idle()
    assert window.document.path.read_bytes() == before
    assert not io.backup_path(window.document.path).exists()


def test_a_save_removes_the_copy(window):
    type_name(window, NAME)
    window.autosave.idle_timer.timeout.emit()
    assert window.autosave.writer.wait_idle()
    assert len(RecoveryStore().copies()) == 1
    assert window.save()
    assert RecoveryStore().copies() == []


def test_undo_back_to_the_saved_state_removes_the_copy(window):
    type_name(window, NAME)
    window.autosave.idle_timer.timeout.emit()
    assert window.autosave.writer.wait_idle()
    window.undo_action.trigger()
    assert not window.isWindowModified()
    assert RecoveryStore().copies() == []


def test_a_clean_close_removes_the_copy(qtbot, qsettings, tmp_path):
    from tests.windows import example_window

    with example_window(qtbot, qsettings, tmp_path) as win:
        type_name(win, NAME)
        win.autosave.idle_timer.timeout.emit()
        assert win.autosave.writer.wait_idle()
        assert len(RecoveryStore().copies()) == 1
        answer = DialogAnswerer(QMessageBox.StandardButton.Discard)
        win.close()
        answer.stop()
        assert answer.seen  # the unsaved-changes prompt, answered "do not save"
    assert RecoveryStore().copies() == []


def test_a_failing_autosave_is_said_in_the_status_bar(window, tmp_path, qtbot):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    window.autosave.store.folder = blocked / "recovery"
    type_name(window, NAME)
    window.autosave.idle_timer.timeout.emit()
    qtbot.waitUntil(
        lambda: "Automatisch bewaren is niet gelukt" in window.statusBar().currentMessage(),
        timeout=30_000,
    )


@pytest.mark.parametrize("lang", ["nl"])
def test_an_untitled_atlas_is_covered_too(qtbot, qsettings, lang):
    from netwerkatlas.app.main import open_window

    win = open_window(None, qsettings)
    qtbot.addWidget(win)
    type_name(win, NAME)
    win.autosave.idle_timer.timeout.emit()
    assert win.autosave.writer.wait_idle()
    (copy,) = RecoveryStore().copies()
    assert copy.original is None and copy.name == "Naamloos"
    close_clean(win)


def test_an_encrypted_copy_asks_its_passphrase_like_openen(
    qtbot, qsettings, tmp_path, data_folder, monkeypatch
):
    """The copy of an encrypted atlas is sealed; Herstellen asks the passphrase in the same
    dialog as Openen, says so when it is wrong, and the restored atlas stays encrypted."""
    from tests.test_encryption_gui import CHEAP, type_passphrase

    from netwerkatlas.io import encryption

    monkeypatch.setattr(encryption, "DEFAULT_PARAMS", CHEAP)
    secret = "zeven lange woorden voor de kopie"
    script = textwrap.dedent(
        f"""
        import os
        from netwerkatlas import io
        from netwerkatlas.io.encryption import KdfParams, Sealing
        from netwerkatlas.io.recovery import RecoveryStore, Snapshot, snapshot
        atlas, _ = io.load({str(example_path("netwerkintake-sanne"))!r})
        sealing = Sealing.create({secret!r}, KdfParams(memory_kib=8, iterations=1, lanes=1))
        RecoveryStore().write(Snapshot(snapshot(atlas), None, sealing))
        os._exit(0)
        """
    )
    env = dict(os.environ, NETWERKATLAS_DATA_DIR=str(data_folder))
    assert subprocess.run([sys.executable, "-c", script], env=env, timeout=300).returncode == 0
    passphrases = Answers(type_passphrase("fout"), type_passphrase(secret))
    answer = RecoveryAnswerer("restore_button")
    windows = offer_recovery(qsettings)
    answer.stop()
    passphrases.stop()
    (row,) = answer.rows
    assert "versleuteld" in row
    assert "Naamloos" in passphrases.seen[0]
    assert "De wachtwoordzin klopt niet" in passphrases.seen[1]
    (window,) = windows
    qtbot.addWidget(window)
    assert window.document.sealing is not None  # still encrypted when saved
    assert "Sanne" in labels(window)
    close_clean(window)
