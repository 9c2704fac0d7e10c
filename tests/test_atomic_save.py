"""Saving is atomic: the path always holds a whole old or a whole new file, readable by its owner
only, with the previous version kept as `<name>.bak`, and a failed save changes nothing."""

import errno
import itertools
import os
import random
import signal
import stat
import tempfile
import time
from pathlib import Path

import pytest

from netwerkatlas import io
from netwerkatlas.io.errors import AtlasFileError
from netwerkatlas.model import EDGES, NODES, Atlas
from netwerkatlas.model.records import (
    AtlasMeta,
    ClientNode,
    InfluenceLink,
    PersonNode,
    ThemeNode,
)

NAME = "sanne.netwerkatlas"
POSIX = os.name == "posix"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def small_atlas(title="eerste versie"):
    atlas = Atlas(ClientNode(id="client", label="Sanne"), AtlasMeta(id="meta", title=title))
    atlas.add(NODES, ThemeNode(id="t-werk", label="Werk", score=-1))
    atlas.set_positions("netwerkintake", {"t-werk": (10.0, 20.0)})
    return atlas


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def snapshot(folder):
    found = {}
    for entry in os.scandir(folder):
        info = entry.stat(follow_symlinks=False)
        content = Path(entry.path).read_bytes() if stat.S_ISREG(info.st_mode) else None
        found[entry.name] = (stat.S_IMODE(info.st_mode), info.st_mtime_ns, content)
    return found


def temp_files(folder):
    return sorted(p.name for p in Path(folder).iterdir() if p.name.endswith(("tmp", "-tmp")))


# --- (a) mode 0600, backup, no temporary files ---------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_save_writes_a_private_file_and_keeps_the_previous_version(tmp_path):
    path = tmp_path / NAME
    backup = tmp_path / (NAME + ".bak")
    assert io.backup_path(path) == backup
    first_atlas, second_atlas = small_atlas("eerste"), small_atlas("tweede")
    third_atlas = small_atlas("derde")
    first, second, third = (io.dumps(a) for a in (first_atlas, second_atlas, third_atlas))

    old_umask = os.umask(0)  # even when new files would be world-writable
    try:
        assert io.save(first_atlas, path) == path
        assert path.read_bytes() == first
        assert mode(path) == 0o600
        assert sorted(os.listdir(tmp_path)) == [NAME]  # nothing to back up the first time

        io.save(second_atlas, path)
        assert path.read_bytes() == second
        assert backup.read_bytes() == first
        assert mode(path) == 0o600 and mode(backup) == 0o600
        assert sorted(os.listdir(tmp_path)) == [NAME, NAME + ".bak"]

        io.save(third_atlas, path)
        assert path.read_bytes() == third
        assert backup.read_bytes() == second
        assert sorted(os.listdir(tmp_path)) == [NAME, NAME + ".bak"]
    finally:
        os.umask(old_umask)


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_save_over_a_world_readable_file_makes_both_private(tmp_path):
    path = tmp_path / NAME
    path.write_bytes(io.dumps(small_atlas("van een ander")))
    path.chmod(0o644)
    old = path.read_bytes()
    io.save(small_atlas("nieuw"), path)
    assert mode(path) == 0o600
    assert mode(io.backup_path(path)) == 0o600
    assert io.backup_path(path).read_bytes() == old


def test_save_without_backup(tmp_path):
    path = tmp_path / NAME
    io.save(small_atlas("eerste"), path)
    io.save(small_atlas("tweede"), path, keep_backup=False)
    assert sorted(os.listdir(tmp_path)) == [NAME]
    assert b"tweede" in path.read_bytes()


def test_write_atomic_writes_exactly_the_bytes(tmp_path):
    path = tmp_path / "ruw.netwerkatlas"
    data = "ëën 😀\n".encode() * 1000
    assert io.write_atomic(path, data) == path
    assert path.read_bytes() == data
    assert temp_files(tmp_path) == []


# --- (b) symlinks --------------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="symlinks need privileges on Windows")
@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_save_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path, relative):
    real_folder, link_folder = tmp_path / "dossiers", tmp_path / "bureaublad"
    real_folder.mkdir()
    link_folder.mkdir()
    real, link = real_folder / NAME, link_folder / NAME
    io.save(small_atlas("oud"), real)
    old = real.read_bytes()
    pointer = os.path.relpath(real, link_folder) if relative else str(real)
    link.symlink_to(pointer)

    new_atlas = small_atlas("nieuw")
    io.save(new_atlas, link)

    assert link.is_symlink(), "the link was replaced by a file"
    assert os.readlink(link) == pointer
    assert real.read_bytes() == io.dumps(new_atlas)
    assert mode(real) == 0o600
    assert sorted(os.listdir(link_folder)) == [NAME]
    assert sorted(os.listdir(real_folder)) == [NAME, NAME + ".bak"]
    assert (real_folder / (NAME + ".bak")).read_bytes() == old
    loaded, _ = io.load(link)
    assert io.dumps(loaded) == io.dumps(new_atlas)


# --- (c) failures change nothing -----------------------------------------------------------------


def check_write_error(error, path, key):
    assert isinstance(error, AtlasFileError)
    assert error.writing is True
    assert [p.key for p in error.problems] == [key]
    message = error.render()
    assert message.startswith(
        f"Kan „{path}” niet opslaan. Het bestand op schijf is niet veranderd.\n"
    )
    assert "problem." not in message and "hint." not in message
    return message


def test_save_into_a_missing_folder(tmp_path):
    before = snapshot(tmp_path)
    path = tmp_path / "bestaat-niet" / NAME
    with pytest.raises(AtlasFileError) as caught:
        io.save(small_atlas(), path)
    message = check_write_error(caught.value, path, "folder_missing")
    assert f"de map „{tmp_path / 'bestaat-niet'}” bestaat niet." in message
    assert snapshot(tmp_path) == before


def test_save_onto_a_directory(tmp_path):
    path = tmp_path / NAME
    path.mkdir()
    before = snapshot(tmp_path)
    with pytest.raises(AtlasFileError) as caught:
        io.save(small_atlas(), path)
    check_write_error(caught.value, path, "is_directory")
    assert snapshot(tmp_path) == before


@pytest.fixture
def saved_twice(tmp_path):
    """A folder holding a saved atlas and its backup."""
    path = tmp_path / NAME
    io.save(small_atlas("eerste"), path)
    io.save(small_atlas("tweede"), path)
    return path


@pytest.mark.skipif(ROOT or not POSIX, reason="root can write into any folder")
def test_save_into_a_read_only_folder(saved_twice):
    folder = saved_twice.parent
    before = snapshot(folder)
    folder.chmod(0o500)
    try:
        with pytest.raises(AtlasFileError) as caught:
            io.save(small_atlas("derde"), saved_twice)
    finally:
        folder.chmod(0o700)
    check_write_error(caught.value, saved_twice, "write_permission")
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    ("error", "key", "words"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "write_permission",
            "geen toestemming om in",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "disk_full", "de schijf is vol"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "disk_full", "de schijf is vol"),
        (OSError(errno.EROFS, "Read-only file system"), "read_only", "alleen-lezen"),
        (OSError(errno.EIO, "Input/output error"), "write_failed", "Input/output error"),
    ],
    ids=["permission", "disk-full", "quota", "read-only", "io-error"],
)
def test_save_that_cannot_create_its_temporary_file(saved_twice, monkeypatch, error, key, words):
    folder = saved_twice.parent
    before = snapshot(folder)

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(AtlasFileError) as caught:
        io.save(small_atlas("derde"), saved_twice)
    monkeypatch.undo()
    message = check_write_error(caught.value, saved_twice, key)
    assert words in message
    assert snapshot(folder) == before
    assert temp_files(folder) == []


def test_disk_full_while_writing_leaves_no_temporary_file(saved_twice, monkeypatch):
    folder = saved_twice.parent
    before = snapshot(folder)
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(AtlasFileError) as caught:
        io.save(small_atlas("derde"), saved_twice)
    monkeypatch.setattr(os, "fsync", real_fsync)
    check_write_error(caught.value, saved_twice, "disk_full")
    assert snapshot(folder) == before
    assert temp_files(folder) == []


def test_failing_rename_leaves_the_old_file_whole(saved_twice, monkeypatch):
    folder = saved_twice.parent
    old = saved_twice.read_bytes()
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst) == saved_twice:
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(AtlasFileError) as caught:
        io.save(small_atlas("derde"), saved_twice)
    monkeypatch.undo()
    check_write_error(caught.value, saved_twice, "write_failed")
    assert saved_twice.read_bytes() == old
    assert io.backup_path(saved_twice).read_bytes() == old  # the backup is the file as it was
    assert temp_files(folder) == []
    assert sorted(os.listdir(folder)) == [NAME, NAME + ".bak"]


# --- (d) kill -9 in the middle of saving ----------------------------------------------------------


def big_atlas(name, seed, size=800):
    rnd = random.Random(seed)
    atlas = Atlas(ClientNode(id="client", label=name), AtlasMeta(id="meta", title=name))
    ids = []
    for i in range(size):
        cls = PersonNode if i % 3 == 0 else ThemeNode
        node = cls(
            id=f"n{i:04d}",
            label=f"{name} bol {i} — ë",
            score=rnd.randint(-2, 2),
            note="aantekening " * rnd.randint(0, 8),
        )
        atlas.add(NODES, node)
        ids.append(node.id)
    for i in range(size // 4):
        source, target = rnd.sample(["client", *ids], 2)
        atlas.add(EDGES, InfluenceLink(id=f"e{i:04d}", source=source, target=target))
    atlas.set_positions(
        "netwerkintake", {i: (rnd.uniform(-5000, 5000), rnd.uniform(-5000, 5000)) for i in ids}
    )
    return atlas


def read_available(fd, wanted: int) -> int:
    """Block until the child reported `wanted` finished saves (or died); how many it reported."""
    got = 0
    while got < wanted:
        chunk = os.read(fd, wanted - got)
        if not chunk:  # the child is gone
            break
        got += len(chunk)
    return got


@pytest.mark.slow
@pytest.mark.skipif(not POSIX or not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_a_save_killed_at_any_moment_leaves_a_whole_file(tmp_path):
    """A child saves B, A, B, A... and is killed at a random moment of its work. The moment is
    chosen by counting finished saves (the child reports each one) plus a short random delay,
    not by wall time alone, so a slow or busy machine picks other moments but still every kind."""
    a, b = big_atlas("A", 1), big_atlas("B", 2)
    versions = {io.dumps(a): "A", io.dumps(b): "B"}
    assert len(versions) == 2
    path = tmp_path / NAME
    # Two saves, so the backup exists before the first child starts: every round then begins
    # from the same state (A on disk, A as the backup) and may be killed before it backs up.
    io.save(a, path)
    io.save(a, path)
    rnd = random.Random(20240301)
    seen = {"A": 0, "B": 0}
    saves_done = 0
    rounds = 0
    while rounds < 30 or (min(seen.values()) == 0 and rounds < 300):
        rounds += 1
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save B, A, B, A... until killed
            try:
                os.close(read_end)
                for i in itertools.count():
                    io.save(b if i % 2 == 0 else a, path)
                    os.write(write_end, b".")  # one byte per finished save
            finally:
                os._exit(1)  # only reached if a save raised; never return into pytest
        os.close(write_end)
        # Odd rounds kill just after an odd number of saves (B on disk unless the next save
        # finished), even rounds after an even number (A): both versions are caught whatever
        # the machine's speed.
        wanted = rnd.choice((0, 2, 4)) if rounds % 2 == 0 else rnd.choice((1, 3))
        reported = read_available(read_end, wanted)
        time.sleep(rnd.uniform(0, 0.02))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            completed = reported + len(pipe.read())
        saves_done += completed
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            "the child stopped saving before it was killed (a save raised)"
        )

        # The path is a whole file: the one the child saved last or the one it was saving.
        assert path.is_file() and not path.is_symlink()
        data = path.read_bytes()
        assert data in versions, f"round {rounds}: the file is neither A nor B ({len(data)} bytes)"
        last_done = "A" if completed % 2 == 0 else "B"
        in_flight = "B" if last_done == "A" else "A"
        assert versions[data] in (last_done, in_flight)
        loaded, _ = io.load(path)
        assert io.dumps(loaded) == data
        seen[versions[data]] += 1
        # the backup is replaced atomically too, and is always a whole earlier version
        assert io.backup_path(path).read_bytes() in versions

        # the next child starts again from A with A as the backup, as the test assumes
        io.save(a, path)
        io.save(a, path)

    assert seen["A"] and seen["B"], f"kills never caught both versions: {seen}"
    assert saves_done > 0
    leftovers = sorted(set(os.listdir(tmp_path)) - {NAME, NAME + ".bak"})
    assert all(n.startswith(f".{NAME}.") and n.endswith((".tmp", ".bak-tmp")) for n in leftovers)


def test_temp_files_left_by_a_killed_save_are_cleaned_up_later(tmp_path):
    """A save killed halfway leaves a hidden temporary file full of client data; the next save
    removes it once it is clearly abandoned, and never one that may still be being written."""
    from netwerkatlas.io.writing import STALE_AFTER_S

    target = tmp_path / "sanne.netwerkatlas"
    atlas = Atlas(ClientNode(label="Sanne"))
    io.save(atlas, target)
    old = tmp_path / ".sanne.netwerkatlas.abc123.tmp"
    fresh = tmp_path / ".sanne.netwerkatlas.def456.tmp"
    other = tmp_path / ".freek.netwerkatlas.abc123.tmp"
    for leftover in (old, fresh, other):
        leftover.write_text("half a file")
    long_ago = time.time() - STALE_AFTER_S - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    io.save(atlas, target)
    assert not old.exists()
    assert fresh.exists() and other.exists()
