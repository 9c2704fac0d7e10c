"""Save an atlas so that no crash, kill or full disk can cost the user their file.

The new text goes to a temporary file in the same folder, is flushed and fsynced, and is then
renamed over the old file, which is an atomic step: at every moment the path holds either the
old or the new file, whole. The previous version is kept next to it as `<name>.bak`. Files are
readable by their owner only (0600): they hold health data about the client and others.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import stat
import tempfile
import time
from pathlib import Path

from netwerkatlas.io.encryption import Sealing, is_encrypted
from netwerkatlas.io.errors import AtlasFileError, Problem
from netwerkatlas.io.fileformat import EXTENSION, dumps
from netwerkatlas.io.limits import unencodable_problems
from netwerkatlas.model.atlas import Atlas

FILE_MODE = 0o600
BACKUP_SUFFIX = ".bak"
BACKUP_STAGING_SUFFIX = ".bak-tmp"
STALE_AFTER_S = 600  # for leftovers whose process cannot be asked: other hosts, older names
_HOST = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"
_STAGING_OWNER = re.compile(r"\.(?P<host>[A-Za-z0-9-]+)-(?P<pid>\d+)\.[^.]*(?:\.tmp|\.bak-tmp)$")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def with_extension(path: str | os.PathLike[str]) -> Path:
    """Add `.netwerkatlas` when the user typed a name without it."""
    path = Path(path)
    return path if path.suffix.lower() == EXTENSION else path.with_name(path.name + EXTENSION)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _staging(target: Path, suffix: str) -> tuple[int, str]:
    """A new temporary file next to `target`, 0600 from its creation (mkstemp), its name
    telling which host and process make it, so a leftover of a killed save can be recognised."""
    prefix = f".{target.name}.{_HOST}-{os.getpid()}."
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, FILE_MODE)
    return fd, name


def _keep_backup(target: Path) -> None:
    """Make `<name>.bak` the previous version, without changing `target`'s contents. The copy
    is a hard link when `target` is owner-only already, else its bytes copied into a file made
    0600; nothing is left behind when any step fails."""
    backup = backup_path(target)
    if backup.is_dir():
        raise AtlasFileError(
            target, [Problem("backup_is_folder", values={"backup": backup})], writing=True
        )
    fd, staging = _staging(target, BACKUP_STAGING_SUFFIX)
    made = [staging]
    try:
        linked = False
        if hasattr(os, "link") and target.stat().st_mode & 0o077 == 0:
            link = staging.removesuffix(BACKUP_STAGING_SUFFIX) + "-link" + BACKUP_STAGING_SUFFIX
            with contextlib.suppress(OSError):
                os.link(target, link)
                made.append(link)
                linked = True
        if linked:
            os.close(fd)
            fd = -1
            os.unlink(staging)
            staging = made[-1]
        else:
            with open(target, "rb") as src, os.fdopen(fd, "wb") as dst:
                fd = -1
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
        os.replace(staging, backup)
        made.clear()
    finally:
        if fd >= 0:
            os.close(fd)
        for name in made:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _error_key(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "write_permission"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk_full"
    if error.errno == errno.EROFS:
        return "read_only"
    return "write_failed"


def _process_is_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, as another user's process
        return False
    return False


def _is_abandoned(leftover: Path, now: float) -> bool:
    """True when no save can still be writing `leftover`: its process on this host has ended
    (known at once), or, for a file from another host or an older version, it is older than
    `STALE_AFTER_S`."""
    match = _STAGING_OWNER.search(leftover.name)
    if match and match["host"] == _HOST:
        pid = int(match["pid"])
        return pid != os.getpid() and _process_is_gone(pid)
    return now - leftover.stat().st_mtime > STALE_AFTER_S


def _remove_stale_staging_files(target: Path) -> None:
    """Temporary files left by a save that was killed hold client data: remove them as soon as
    they are known to be abandoned; a save in progress in another process is never touched."""
    now = time.time()
    for pattern in (f".{target.name}.*.tmp", f".{target.name}.*{BACKUP_STAGING_SUFFIX}"):
        for leftover in target.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if _is_abandoned(leftover, now):
                    leftover.unlink()


def _is_special(target: Path) -> bool:
    """A device, pipe or socket (`/dev/null`, `/dev/stdout`, a FIFO): not a file to replace."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_into(path: Path, target: Path, data: bytes) -> Path:
    """Write straight into a device or pipe. Renaming a temporary file over it, as for a file,
    would replace `/dev/null` itself with a regular file."""
    try:
        with open(target, "wb", buffering=0) as f:
            f.write(data)
    except OSError as error:
        folder = target.parent
        problem = Problem(
            _error_key(error), values={"detail": error.strerror or str(error), "folder": folder}
        )
        raise AtlasFileError(path, [problem], writing=True) from None
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True) -> Path:
    """Write `data` to `path` atomically; returns the path written. Raises AtlasFileError."""
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise AtlasFileError(path, [Problem("is_directory")], writing=True)
    if _is_special(target):
        return _write_into(path, target, data)
    if not folder.is_dir():
        raise AtlasFileError(
            path, [Problem("folder_missing", values={"folder": folder})], writing=True
        )
    staging: str | None = None
    _remove_stale_staging_files(target)
    try:
        fd, staging = _staging(target, ".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if keep_backup and target.exists():
            _keep_backup(target)
        os.replace(staging, target)
        staging = None
        _fsync_folder(folder)
        _remove_stale_staging_files(target)
    except OSError as error:
        problem = Problem(
            _error_key(error), values={"detail": error.strerror or str(error), "folder": folder}
        )
        raise AtlasFileError(path, [problem], writing=True) from None
    finally:
        if staging is not None:
            with contextlib.suppress(OSError):
                os.unlink(staging)
    return target


def canonical_bytes(atlas: Atlas, path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or an `AtlasFileError` naming what in the atlas no file can hold:
    whatever goes wrong turning the atlas into text reaches the user as a message."""
    try:
        return dumps(atlas)
    except (ValueError, TypeError, RecursionError, UnicodeError, OverflowError) as error:
        raise AtlasFileError(path, unencodable_problems(atlas, error), writing=True) from None


def _readable_previous(path: Path) -> bytes | None:
    """The bytes of the file at `path` when it is there and not encrypted."""
    target = path.resolve() if path.is_symlink() else path
    try:
        if not target.is_file():
            return None
        with open(target, "rb") as f:
            data = f.read()
    except OSError:
        return None
    return None if is_encrypted(data) else data


def save(
    atlas: Atlas,
    path: str | os.PathLike[str],
    *,
    keep_backup: bool = True,
    sealing: Sealing | None = None,
) -> Path:
    """Save `atlas` in the current format (canonical bytes) with an atomic write, encrypted
    with `sealing` when given. When an encrypted save replaces a readable file, its `.bak` is
    sealed too: an encrypted atlas leaves no readable copy of itself next to it."""
    if sealing is None:
        return write_atomic(path, canonical_bytes(atlas, path), keep_backup=keep_backup)
    data = sealing.seal(canonical_bytes(atlas, path))
    previous = _readable_previous(Path(path)) if keep_backup else None
    if previous is None:
        return write_atomic(path, data, keep_backup=keep_backup)
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    write_atomic(backup_path(target), sealing.seal(previous), keep_backup=False)
    return write_atomic(path, data, keep_backup=False)
