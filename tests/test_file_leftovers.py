"""No copy of client data is ever readable by others, and none stays behind after a save: not
when the save fails at any step, not when the `.bak` is a folder, and a killed save's temporary
file is removed by the next save as soon as its process is gone."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from netwerkatlas import io
from netwerkatlas.io import writing
from netwerkatlas.model import Atlas
from netwerkatlas.model.records import AtlasMeta, ClientNode

NAME = "sanne.netwerkatlas"
POSIX = os.name == "posix"


def atlas(title: str = "eerste") -> Atlas:
    return Atlas(ClientNode(id="client", label="Sanne"), AtlasMeta(id="meta", title=title))


def hidden_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def leftover(folder: Path, pid: int, suffix: str = ".tmp") -> Path:
    path = folder / f".{NAME}.{writing._HOST}-{pid}.x1y2z3{suffix}"
    path.write_bytes(b"client data")
    os.chmod(path, 0o600)
    return path


def test_a_leftover_of_an_ended_save_goes_at_the_next_save_however_fresh(tmp_path):
    gone = [leftover(tmp_path, dead_pid()), leftover(tmp_path, dead_pid(), ".bak-tmp")]
    io.save(atlas(), tmp_path / NAME)
    assert not any(p.exists() for p in gone)
    assert hidden_files(tmp_path) == []


def test_a_save_in_progress_in_a_living_process_is_left_alone(tmp_path):
    busy = leftover(tmp_path, os.getppid())  # the process that started the tests lives
    io.save(atlas(), tmp_path / NAME)
    assert busy.exists()


def test_a_failing_save_cleans_up_leftovers_too(tmp_path, monkeypatch):
    old = leftover(tmp_path, dead_pid())
    (tmp_path / NAME).write_bytes(b"{}")
    os.chmod(tmp_path / NAME, 0o600)
    monkeypatch.setattr(writing.os, "fsync", _fail(errno.ENOSPC))
    with pytest.raises(io.AtlasFileError):
        io.save(atlas(), tmp_path / NAME)
    assert not old.exists()


def _fail(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.skipif(not POSIX, reason="kill and pids are POSIX")
def test_a_save_killed_midway_leaves_nothing_once_the_next_save_ran(tmp_path):
    target = tmp_path / NAME
    io.save(atlas(), target)
    child_code = textwrap.dedent(
        f"""
        import os, sys, time
        from netwerkatlas import io
        from netwerkatlas.io import writing
        from netwerkatlas.model import Atlas
        from netwerkatlas.model.records import AtlasMeta, ClientNode

        def stop(src, dst):
            print("staged", flush=True)
            while True:
                time.sleep(1)

        writing.os.replace = stop
        a = Atlas(ClientNode(id="client", label="Sanne"), AtlasMeta(id="meta", title="tweede"))
        io.save(a, {str(target)!r})
        """
    )
    child = subprocess.Popen([sys.executable, "-c", child_code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "staged"  # waits as long as the child needs
    staged = hidden_files(tmp_path)
    assert staged, "the child stopped with its staging files on disk"
    for name in staged:
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()

    io.save(atlas("derde"), target)
    assert hidden_files(tmp_path) == []
    assert io.load(target)[0].meta.title == "derde"


def test_a_bak_that_is_a_folder_is_named_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / NAME
    io.save(atlas(), target)
    before = target.read_bytes()
    (tmp_path / f"{NAME}.bak").mkdir()
    for _ in range(3):
        with pytest.raises(io.AtlasFileError) as caught:
            io.save(atlas("tweede"), target)
        assert "map" in caught.value.render() and ".bak" in caught.value.render()
    assert hidden_files(tmp_path) == []
    assert target.read_bytes() == before


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
@pytest.mark.parametrize("original_mode", [0o600, 0o644])
def test_no_copy_is_ever_readable_by_others(tmp_path, monkeypatch, links, original_mode):
    """Every file in the folder is checked at each rename, the moment a copy is complete."""
    target = tmp_path / NAME
    io.save(atlas(), target)
    os.chmod(target, original_mode)
    if not links:
        monkeypatch.setattr(writing.os, "link", _fail(errno.EPERM))
    real_replace = os.replace
    seen: list[tuple[str, int]] = []

    def watching_replace(src, dst):
        for path in tmp_path.iterdir():
            if path != target:
                seen.append((path.name, stat.S_IMODE(path.stat().st_mode)))
        real_replace(src, dst)

    monkeypatch.setattr(writing.os, "replace", watching_replace)
    old_umask = os.umask(0o022)
    try:
        io.save(atlas("tweede"), target)
    finally:
        os.umask(old_umask)
    assert seen and all(mode == 0o600 for _name, mode in seen), seen
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(io.backup_path(target).stat().st_mode) == 0o600
    assert io.load(io.backup_path(target))[0].meta.title == "eerste"
    assert hidden_files(tmp_path) == []


@pytest.mark.parametrize("failing", ["link", "first replace", "second replace", "fsync"])
def test_a_save_failing_at_any_step_leaves_no_copy_and_the_file_unchanged(
    tmp_path, monkeypatch, failing
):
    target = tmp_path / NAME
    io.save(atlas(), target)
    before = target.read_bytes()
    if failing == "link":
        monkeypatch.setattr(writing.os, "link", _fail(errno.EXDEV))
        monkeypatch.setattr(writing.os, "fdopen", _fail_on_second(os.fdopen))
    elif failing == "fsync":
        monkeypatch.setattr(writing.os, "fsync", _fail(errno.EIO))
    else:
        monkeypatch.setattr(
            writing.os, "replace", _fail_on(os.replace, 1 if failing == "first replace" else 2)
        )
    with pytest.raises(io.AtlasFileError):
        io.save(atlas("tweede"), target)
    assert hidden_files(tmp_path) == []
    assert target.read_bytes() == before


def _fail_on(real, call: int):
    calls = iter(range(1, 100))

    def maybe_fail(*args):
        if next(calls) == call:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args)

    return maybe_fail


def _fail_on_second(real):
    return _fail_on(real, 2)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_or_device_is_written_into_not_replaced(tmp_path):
    """`export -o /dev/null` or a named pipe: the bytes go into it and it stays what it was
    (a rename over it would make /dev/null a regular file for the whole machine)."""
    import threading

    pipe = tmp_path / "pijp"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    io.write_atomic(pipe, b"de hele atlas\n")
    reader.join(timeout=60)
    assert received == [b"de hele atlas\n"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pijp"]
