"""One program per user: a second start on an open atlas brings its window forward instead of
becoming a second writer; another atlas opens in the running program; the Finder's file-open
event opens the file in a window."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from netwerkatlas.app import single_instance
from netwerkatlas.app.main import open_window
from netwerkatlas.app.single_instance import FileOpenFilter, Opener, Request
from netwerkatlas.resources import example_path


def copy_example(tmp_path: Path, name: str) -> Path:
    target = tmp_path / f"{name}.netwerkatlas"
    shutil.copyfile(example_path(name), target)
    return target


def test_a_request_goes_over_the_socket_unchanged_and_rubbish_is_refused():
    request = Request("/tmp/sanne.netwerkatlas", example=False, client_mode=True)
    assert Request.decode(request.encode().strip()) == request
    assert Request.decode(Request().encode()) == Request()
    for rubbish in (b"", b"\xff\xfe", b"[1, 2]", b'{"path": 3}', b"hallo"):
        assert Request.decode(rubbish) is None


def test_sharing_is_on_for_a_desktop_and_off_for_offscreen_or_measured_starts(monkeypatch):
    for name in ("NETWERKATLAS_SINGLE_INSTANCE", "NETWERKATLAS_QUIT_AFTER_PAINT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert single_instance.enabled()
    monkeypatch.setenv("NETWERKATLAS_QUIT_AFTER_PAINT", "1")
    assert not single_instance.enabled()
    monkeypatch.delenv("NETWERKATLAS_QUIT_AFTER_PAINT")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not single_instance.enabled()
    monkeypatch.setenv("NETWERKATLAS_SINGLE_INSTANCE", "1")
    assert single_instance.enabled()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("NETWERKATLAS_SINGLE_INSTANCE", "0")
    assert not single_instance.enabled()


def test_the_socket_is_one_per_user_in_a_folder_of_their_own(monkeypatch, tmp_path):
    monkeypatch.delenv("NETWERKATLAS_INSTANCE", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert single_instance.server_name() == str(tmp_path / "netwerkatlas.sock")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    if hasattr(os, "getuid"):
        assert single_instance.server_name() == f"netwerkatlas-{os.getuid()}"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix socket files")
def test_a_path_never_goes_to_a_socket_another_user_made(monkeypatch, tmp_path):
    name = short_socket_name()
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(name)
    listener.listen(1)
    monkeypatch.setenv("NETWERKATLAS_INSTANCE", name)
    real_stat = os.stat
    someone_else = os.getuid() + 1

    def stat(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if str(path) == name:
            return os.stat_result((*result[:4], someone_else, *result[5:]))
        return result

    monkeypatch.setattr(os, "stat", stat)
    try:
        assert single_instance.forward(Request("/tmp/geheim.netwerkatlas")) is None
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected: the path was not sent
    finally:
        listener.close()
        shutil.rmtree(Path(name).parent, ignore_errors=True)


@pytest.fixture
def opener(qtbot, qsettings):
    """What the running program does with a request, on windows opened like the app does."""
    made = Opener(lambda request: open_window(request.path, qsettings))
    yield made
    for window in made.windows:
        window.document.undo_stack.set_clean()
        window.close()


def test_the_window_already_showing_the_atlas_comes_forward_and_no_second_opens(
    qtbot, qsettings, tmp_path, opener
):
    path = copy_example(tmp_path, "ecogram-freek")
    first = open_window(str(path), qsettings)
    qtbot.addWidget(first)
    first.showMinimized()
    assert opener.handle(Request(str(path))) == single_instance.RAISED
    assert not first.isMinimized()
    qtbot.wait(50)  # nothing was scheduled: no window opens after the answer either
    assert opener.windows == []
    assert [w for w in single_instance.main_windows() if w.document.path == path] == [first]


def test_another_atlas_opens_in_a_window_of_its_own_and_replaces_an_untouched_new_one(
    qtbot, qsettings, tmp_path, opener
):
    path = copy_example(tmp_path, "genogram-familie-de-boer")
    blank = open_window(None, qsettings)
    qtbot.addWidget(blank)
    assert opener.handle(Request(str(path))) == single_instance.OPENED
    qtbot.waitUntil(lambda: single_instance.showing(str(path)) is not None, timeout=30000)
    opened = single_instance.showing(str(path))
    assert opened.isVisible() and "genogram-familie-de-boer" in opened.windowTitle()
    assert not blank.isVisible()  # the empty atlas nobody worked on gave way


def test_a_file_from_the_finder_arrives_as_an_event_and_is_handed_on(qtbot, tmp_path):
    app = QApplication.instance()
    asked: list[str] = []
    event_filter = FileOpenFilter(asked.append)
    app.installEventFilter(event_filter)
    try:
        path = str(copy_example(tmp_path, "ecogram-freek"))
        QApplication.sendEvent(app, QFileOpenEvent(path))
    finally:
        app.removeEventFilter(event_filter)
    assert asked == [path]


def short_socket_name() -> str:
    """A socket path of its own (short: Unix socket paths are limited to about 100 bytes)."""
    return str(Path(tempfile.mkdtemp(prefix="na-")) / "s")


def wait_for_line(log: Path, line: str, process: subprocess.Popen, timeout: float = 120) -> None:
    """Until the first program wrote `line` to its log (a generous deadline, for busy CI)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and line in log.read_text(encoding="utf-8").splitlines():
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    raise AssertionError(f"{line!r} not in {log.read_text() if log.exists() else 'no log'}")


@pytest.mark.slow
def test_a_second_start_hands_its_atlas_to_the_running_program_and_exits(tmp_path):
    sanne = copy_example(tmp_path, "netwerkintake-sanne")
    freek = copy_example(tmp_path, "ecogram-freek")
    name = short_socket_name()
    # A socket file left behind by a program that crashed: the next start takes the name over.
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(name)
    stale.close()
    log = tmp_path / "instance.log"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NETWERKATLAS_SINGLE_INSTANCE": "1",
        "NETWERKATLAS_INSTANCE": name,
        "NETWERKATLAS_INSTANCE_LOG": str(log),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # settings of its own
    }
    env.pop("NETWERKATLAS_QUIT_AFTER_PAINT", None)
    command = [sys.executable, "-m", "netwerkatlas"]
    first = subprocess.Popen(
        [*command, str(sanne)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_for_line(log, "listening", first)
        again = subprocess.run(
            [*command, str(sanne)], env=env, capture_output=True, text=True, timeout=120
        )
        assert again.returncode == 0, again.stderr
        assert "Netwerkatlas was al geopend" in again.stdout
        wait_for_line(log, f"raised {sanne}", first)
        other = subprocess.run(
            [*command, str(freek)], env=env, capture_output=True, text=True, timeout=120
        )
        assert other.returncode == 0, other.stderr
        wait_for_line(log, f"opened {freek}", first)
        assert first.poll() is None  # the first program runs on, now with both atlases
    finally:
        first.terminate()
        first.communicate(timeout=60)
        shutil.rmtree(Path(name).parent, ignore_errors=True)
