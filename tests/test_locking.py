"""The lock file next to an atlas, Qt-free: one writer, who holds it, and stale locks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from netwerkatlas.io.locking import (
    AtlasLock,
    LockHeld,
    LockOwner,
    LockUnavailable,
    host_name,
    lock_path,
    read_owner,
)

POSIX = os.name == "posix"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def atlas_path(tmp_path):
    path = tmp_path / "sanne.netwerkatlas"
    path.write_text("{}")
    return path


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_lock(path, **fields):
    data = {"user": "fleur", "host": host_name(), "pid": os.getpid(), "since": None}
    data.update(fields)
    lock_path(path).write_text(json.dumps(data))


def test_the_lock_sits_next_to_the_file_and_says_who(atlas_path):
    lock = AtlasLock.acquire(atlas_path)
    assert lock_path(atlas_path) == atlas_path.parent / ".sanne.netwerkatlas.lock"
    owner = read_owner(atlas_path)
    assert owner.host == host_name() and owner.pid == os.getpid()
    assert owner.since is not None and owner.user
    assert not owner.stale
    if POSIX:
        assert stat.S_IMODE(lock_path(atlas_path).stat().st_mode) == 0o600
    lock.release()
    assert not lock_path(atlas_path).exists()


def test_a_second_opener_is_refused_even_in_the_same_program(atlas_path):
    lock = AtlasLock.acquire(atlas_path)
    with pytest.raises(LockHeld) as held:
        AtlasLock.acquire(atlas_path)
    assert held.value.owner.pid == os.getpid()
    assert not held.value.owner.stale
    lock.release()


def test_a_lock_left_by_a_dead_process_is_stale(atlas_path):
    write_lock(atlas_path, pid=dead_pid())
    with pytest.raises(LockHeld) as held:
        AtlasLock.acquire(atlas_path)
    assert held.value.owner.stale
    assert held.value.owner.user == "fleur"


def test_garbage_in_the_lock_file_is_stale(atlas_path):
    lock_path(atlas_path).write_bytes(b"\x00\xff not json")
    assert read_owner(atlas_path).stale
    assert not read_owner(atlas_path).readable


def test_a_lock_from_another_host_is_not_stale_but_can_be_taken_over(atlas_path):
    write_lock(atlas_path, host="laptop-van-fleur", pid=dead_pid())
    with pytest.raises(LockHeld) as held:
        AtlasLock.acquire(atlas_path)
    assert not held.value.owner.stale
    lock = AtlasLock.take_over(atlas_path)
    assert read_owner(atlas_path).host == host_name()
    assert lock.is_ours()
    lock.release()
    assert not lock_path(atlas_path).exists()


def test_release_leaves_a_lock_someone_took_over(atlas_path):
    first = AtlasLock.acquire(atlas_path)
    second = AtlasLock.take_over(atlas_path)
    assert not first.is_ours()
    first.release()
    assert second.is_ours()
    second.release()
    assert not lock_path(atlas_path).exists()


@pytest.mark.skipif(not POSIX or ROOT, reason="needs folder permissions that bind the user")
def test_a_read_only_folder_gives_no_lock_and_says_so(atlas_path):
    os.chmod(atlas_path.parent, 0o500)
    try:
        with pytest.raises(LockUnavailable):
            AtlasLock.acquire(atlas_path)
    finally:
        os.chmod(atlas_path.parent, 0o700)


def test_owner_round_trips_through_json():
    me = LockOwner.me()
    again = LockOwner.from_json(me.to_json())
    assert again == me
