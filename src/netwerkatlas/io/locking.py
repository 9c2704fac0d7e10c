"""One writer per atlas: a small lock file next to the atlas says who has it open.

`.NAME.netwerkatlas.lock` is created with O_CREAT | O_EXCL (only one opener can create it, also
on a network share) and holds JSON: user, host, pid, when, program version. A second opener reads
it and can tell the user who has the file, on which machine, since when. A lock is stale when it
was made on this machine by a process that no longer runs (a crash or a kill), or when it cannot
be read at all. Pure Python, no Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from netwerkatlas import __version__

LOCK_MODE = 0o600
LOCK_SUFFIX = ".lock"


def lock_path(path: str | os.PathLike[str]) -> Path:
    """`/a/b/sanne.netwerkatlas` → `/a/b/.sanne.netwerkatlas.lock` (hidden, next to the file)."""
    path = Path(path)
    return path.with_name(f".{path.name}{LOCK_SUFFIX}")


# --- processes ------------------------------------------------------------------------------


def host_name() -> str:
    return socket.gethostname() or "?"


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container, a service): still a usable lock
        return "?"


def process_start(pid: int) -> int | None:
    """When process `pid` started, in clock ticks since boot (Linux); None where unknown.

    Stored next to the pid so that a pid reused by an unrelated process after a crash is not
    taken for the program that made the lock or the recovery copy."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _windows_alive(pid: int) -> bool:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


def process_alive(pid: int, started: int | None = None) -> bool:
    """Does process `pid` (started at `started`, if known) still run on this machine?"""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, but belongs to another user
    except OSError:
        return False
    if started is not None:
        now = process_start(pid)
        if now is not None and now != started:
            return False
    return True


# --- the lock file --------------------------------------------------------------------------


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as read from its file; `readable` is False for a damaged lock file."""

    user: str = "?"
    host: str = "?"
    pid: int = 0
    started: int | None = None
    since: dt.datetime | None = None
    version: str = ""
    token: str = ""
    readable: bool = True

    @property
    def on_this_host(self) -> bool:
        return self.host == host_name()

    @property
    def stale(self) -> bool:
        """Left behind by a program that stopped: on this machine and its process is gone, or
        unreadable. A lock from another machine is never called stale: it cannot be checked."""
        if not self.readable:
            return True
        return self.on_this_host and not process_alive(self.pid, self.started)

    def to_json(self) -> bytes:
        data = {
            "user": self.user,
            "host": self.host,
            "pid": self.pid,
            "started": self.started,
            "since": self.since.isoformat() if self.since else None,
            "program": f"Netwerkatlas {self.version}",
            "token": self.token,
        }
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> LockOwner:
        try:
            raw = json.loads(data.decode("utf-8"))
            since = dt.datetime.fromisoformat(raw["since"]) if raw.get("since") else None
            started = raw.get("started")
            return cls(
                user=str(raw["user"]),
                host=str(raw["host"]),
                pid=int(raw["pid"]),
                started=int(started) if started is not None else None,
                since=since,
                version=str(raw.get("program", "")).removeprefix("Netwerkatlas "),
                token=str(raw.get("token", "")),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls(readable=False)

    @classmethod
    def me(cls) -> LockOwner:
        pid = os.getpid()
        return cls(
            user=user_name(),
            host=host_name(),
            pid=pid,
            started=process_start(pid),
            since=dt.datetime.now().astimezone().replace(microsecond=0),
            version=__version__,
            token=uuid.uuid4().hex,
        )


class LockHeld(Exception):
    """Someone else (another window, program or colleague) has the file open."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        self.path = path
        self.owner = owner
        super().__init__(f"{path} is locked by {owner.user}@{owner.host} (pid {owner.pid})")


class LockUnavailable(Exception):
    """No lock file can be made here (a read-only folder or medium): open without one."""


def read_owner(path: str | os.PathLike[str]) -> LockOwner | None:
    """Who holds the lock on atlas `path`; None when nobody does."""
    try:
        data = lock_path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return LockOwner(readable=False)
    return LockOwner.from_json(data[:65536])


class AtlasLock:
    """This program's lock on one atlas file; `release()` removes it if it is still ours."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        self.path = path
        self.owner = owner

    @classmethod
    def acquire(cls, path: str | os.PathLike[str]) -> AtlasLock:
        """Take the lock; raises `LockHeld` when a lock file exists (stale or not: the caller
        asks the user), `LockUnavailable` when none can be made in that folder."""
        path = Path(path).absolute()
        owner = LockOwner.me()
        try:
            fd = os.open(lock_path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, LOCK_MODE)
        except FileExistsError:
            raise LockHeld(path, read_owner(path) or LockOwner(readable=False)) from None
        except OSError as error:
            raise LockUnavailable(str(error)) from None
        try:
            os.write(fd, owner.to_json())
            os.fsync(fd)
        finally:
            os.close(fd)
        return cls(path, owner)

    @classmethod
    def take_over(cls, path: str | os.PathLike[str]) -> AtlasLock:
        """Replace whatever lock is there with ours ("Toch openen"), atomically."""
        path = Path(path).absolute()
        owner = LockOwner.me()
        target = lock_path(path)
        staging = target.with_name(f"{target.name}.{owner.token[:8]}.tmp")
        try:
            fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, LOCK_MODE)
            try:
                os.write(fd, owner.to_json())
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(staging, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                staging.unlink()
            raise LockUnavailable(str(error)) from None
        return cls(path, owner)

    def is_ours(self) -> bool:
        """Still ours? False when someone chose "Toch openen" on this file since."""
        owner = read_owner(self.path)
        return owner is not None and owner.token == self.owner.token

    def release(self) -> None:
        """Remove the lock file, unless someone has taken it over since."""
        if self.is_ours():
            with contextlib.suppress(OSError):
                lock_path(self.path).unlink()

    def covers(self, path: str | os.PathLike[str]) -> bool:
        return Path(path).absolute() == self.path
