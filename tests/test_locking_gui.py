"""One writer per atlas, as users meet it: the second window on a file is told who has it, a
read-only window refuses to save over the file, and Save As works."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox
from tests.dialogs import DialogAnswerer

from netwerkatlas import io
from netwerkatlas.app import file_commands, lock_dialog
from netwerkatlas.app.main import open_window
from netwerkatlas.commands.edits import AddItem
from netwerkatlas.io.locking import host_name, lock_path, read_owner
from netwerkatlas.model import NODES, ThemeNode


def second_window(qtbot, qsettings, path, button):
    """Open `path` in another window, answering the lock warning with `button`."""
    answer = DialogAnswerer(button)
    win = open_window(str(path), qsettings)
    answer.stop()
    qtbot.addWidget(win)
    return win, answer.seen


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_first_window_holds_the_lock_until_it_closes(window):
    path = window.document.path
    owner = read_owner(path)
    assert owner is not None and owner.pid == os.getpid()
    window.close()
    assert not lock_path(path).exists()


def test_the_second_window_is_warned_and_read_only_refuses_to_save(
    window, qtbot, qsettings, tmp_path, monkeypatch
):
    path = window.document.path
    before = path.read_bytes()
    other, seen = second_window(qtbot, qsettings, path, lock_dialog.READ_ONLY)
    (text,) = seen
    assert "Dit bestand is geopend door" in text and f" op {host_name()} sinds " in text
    assert "(alleen lezen)" in other.windowTitle()
    assert other.read_only_label.isVisible()
    other.push(an_edit())
    answer = DialogAnswerer(QMessageBox.StandardButton.Cancel)
    assert not other.save()
    answer.stop()
    assert "alleen om te lezen" in answer.seen[0]
    assert path.read_bytes() == before  # the first window's file is untouched
    target = tmp_path / "kopie.netwerkatlas"
    monkeypatch.setattr(file_commands.QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    answer = DialogAnswerer(lock_dialog.SAVE_AS)
    assert other.save()
    answer.stop()
    atlas, _ = io.load(target)
    assert "Eigen idee" in {n.label for n in atlas.nodes()}
    assert read_owner(target).pid == os.getpid()  # Save As took the lock on the new file
    assert "(alleen lezen)" not in other.windowTitle()
    assert not other.read_only_label.isVisible()
    assert read_owner(path) is not None  # the first window still holds its own file
    other.close()
    assert not lock_path(target).exists()


def an_edit() -> AddItem:
    return AddItem(NODES, ThemeNode(label="Eigen idee"))


def test_save_as_onto_a_file_in_use_is_refused(window, qtbot, qsettings, tmp_path, monkeypatch):
    path = window.document.path
    before = path.read_bytes()
    other = open_window(None, qsettings)
    qtbot.addWidget(other)
    monkeypatch.setattr(file_commands.QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    answer = DialogAnswerer(QMessageBox.StandardButton.Ok)
    assert not other.save_as()
    answer.stop()
    assert "Bestand in gebruik" in answer.seen[0]
    assert path.read_bytes() == before


def test_cancel_keeps_the_current_atlas(window, qtbot, qsettings):
    other = open_window(None, qsettings)
    qtbot.addWidget(other)
    answer = DialogAnswerer(lock_dialog.CANCEL)
    assert not other.open_path(window.document.path)
    answer.stop()
    assert answer.seen and other.document.path is None


def test_a_crashed_sessions_lock_is_called_left_behind_and_opening_takes_it(
    qtbot, qsettings, tmp_path
):
    path = tmp_path / "sanne.netwerkatlas"
    path.write_bytes(io.dumps(open_window(None, qsettings).document.atlas))
    lock_path(path).write_text(
        json.dumps({"user": "fleur", "host": host_name(), "pid": dead_pid(), "since": None})
    )
    win, seen = second_window(qtbot, qsettings, path, lock_dialog.OPEN_ANYWAY)
    assert "achtergelaten door een programma dat is gestopt" in seen[0]
    assert not win.document.read_only
    assert read_owner(path).pid == os.getpid()
    win.close()
    assert not lock_path(path).exists()


def test_a_lock_from_another_computer_is_not_stale_but_toch_openen_works(
    qtbot, qsettings, tmp_path
):
    path = tmp_path / "sanne.netwerkatlas"
    path.write_bytes(io.dumps(open_window(None, qsettings).document.atlas))
    lock_path(path).write_text(
        json.dumps(
            {"user": "fleur", "host": "laptop-van-fleur", "pid": 1, "since": "2026-03-02T09:15"}
        )
    )
    win, seen = second_window(qtbot, qsettings, path, lock_dialog.OPEN_ANYWAY)
    assert "geopend door fleur op laptop-van-fleur sinds 02-03-2026 09:15" in seen[0]
    assert "kan niet nagaan" in seen[0]
    assert read_owner(path).host == host_name()
    win.close()


def test_opening_another_file_releases_the_lock(window, tmp_path):
    first = window.document.path
    second = tmp_path / "tweede.netwerkatlas"
    second.write_bytes(first.read_bytes())
    assert window.open_path(second)
    assert not lock_path(first).exists()
    assert read_owner(second).pid == os.getpid()


def test_a_save_does_not_overwrite_a_lock_taken_over_since(window, qtbot, qsettings):
    path = window.document.path
    other, _ = second_window(qtbot, qsettings, path, lock_dialog.OPEN_ANYWAY)
    window.push(an_edit())
    before = path.read_bytes()
    answer = DialogAnswerer(QMessageBox.StandardButton.Ok)
    assert not window.save()
    answer.stop()
    assert "intussen geopend door" in answer.seen[0]
    assert path.read_bytes() == before
    other.close()
