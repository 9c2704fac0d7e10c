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
STALE_AFTER_S = 600


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


def _keep_backup(target: Path) -> None:
    """Make `<name>.bak` the previous version, without ever touching `target` itself."""
    backup = backup_path(target)
    fd, staging = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".bak-tmp", dir=target.parent)
    os.close(fd)
    os.unlink(staging)
    try:
        os.link(target, staging)
    except OSError:
        with open(target, "rb") as src, open(staging, "wb") as dst:
            dst.write(src.read())
            dst.flush()
            os.fsync(dst.fileno())
    os.chmod(staging, FILE_MODE)
    os.replace(staging, backup)


def _error_key(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "write_permission"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk_full"
    if error.errno == errno.EROFS:
        return "read_only"
    return "write_failed"


def _remove_stale_staging_files(target: Path) -> None:
    """Temporary files left by a save that was killed hold client data: remove them once they
    are clearly abandoned (older than `STALE_AFTER_S`, so a save in progress is never touched)."""
    now = time.time()
    for pattern in (f".{target.name}.*.tmp", f".{target.name}.*.bak-tmp"):
        for leftover in target.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > STALE_AFTER_S:
                    leftover.unlink()


def write_atomic(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True) -> Path:
    """Write `data` to `path` atomically; returns the path written. Raises AtlasFileError."""
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise AtlasFileError(path, [Problem("is_directory")], writing=True)
    if not folder.is_dir():
        raise AtlasFileError(
            path, [Problem("folder_missing", values={"folder": folder})], writing=True
        )
    staging: str | None = None
    try:
        fd, staging = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), FILE_MODE)
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
