"""Recovery copies: the work of a session that did not end cleanly, offered back at the next start.

Each running window (a session: a random id and the process id) keeps at most one copy in the
user's data folder, never next to the user's file: `<session>.netwerkatlas` (the atlas bytes, a
normal atlas file, encrypted when the atlas is) and `<session>.json` (what the start-up offer shows:
the original path, the time of the last change, counts, whether it is encrypted, who wrote it).
The folder is 0700, the files 0600. A clean end or a save removes the copy; a copy whose process
still runs on this machine belongs to a running program and is not offered; copies older than 30
days are removed. The format is described in docs/file-format.md. Pure Python, no Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from netwerkatlas import __version__
from netwerkatlas.i18n import t, tn
from netwerkatlas.io.errors import AtlasFileError, LoadReport, Problem
from netwerkatlas.io.fileformat import EXTENSION, dumps
from netwerkatlas.io.locking import host_name, process_alive, process_start
from netwerkatlas.io.reading import load
from netwerkatlas.io.writing import write_atomic
from netwerkatlas.model import NodeKind
from netwerkatlas.model.atlas import GOALS, LIST_COLLECTIONS, Atlas, ViewState

DATA_DIR_ENV = "NETWERKATLAS_DATA_DIR"
FOLDER_MODE = 0o700
MAX_AGE = dt.timedelta(days=30)
META_SUFFIX = ".json"
RECOVERY_FORMAT = 1
STAGING_MAX_AGE_S = 3600


class Sealer(Protocol):
    def seal(self, plaintext: bytes) -> bytes: ...


def data_folder() -> Path:
    """The user's data folder for Netwerkatlas (`NETWERKATLAS_DATA_DIR` overrides it)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("Netwerkatlas", appauthor=False))


def recovery_folder() -> Path:
    return data_folder() / "recovery"


def _ensure_folder(folder: Path) -> None:
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, FOLDER_MODE)


def counts_of(atlas: Atlas) -> dict[str, int]:
    """What a copy holds, as numbers only (no client data): bollen, verbindingen, doelen."""
    nodes = sum(1 for n in atlas.nodes() if n.kind != NodeKind.CLIENT)
    return {"nodes": nodes, "edges": len(list(atlas.edges())), "goals": len(atlas.items(GOALS))}


def summary_text(counts: dict[str, int]) -> str:
    """ "23 bollen, 2 doelen": the counts that are not zero, in the user's language."""
    parts = []
    for key in ("nodes", "edges", "goals"):
        count = int(counts.get(key, 0))
        if count:
            parts.append(tn(f"recovery.count.{key}", count))
    return ", ".join(parts) or t("recovery.count.empty")


def snapshot(atlas: Atlas) -> Atlas:
    """A private copy of `atlas` that another thread can serialise while the user edits on.

    Records are frozen, so the copy shares them; only the containers are new. This is the part
    of an autosave that runs on the GUI thread: a few ms for 1,000 bollen, against ~25 ms for
    the whole text."""
    views = {name: ViewState(s.positions, s.settings, s.extra) for name, s in atlas.views.items()}
    return Atlas.from_records(
        meta=atlas.meta,
        nodes=list(atlas.nodes()),
        edges=list(atlas.edges()),
        lists={name: list(atlas.items(name)) for name in LIST_COLLECTIONS},
        views=views,
        extra=atlas.extra,
    )


@dataclass(frozen=True)
class Snapshot:
    """What one autosave writes: a private atlas copy, where it came from, how to seal it."""

    atlas: Atlas
    original: Path | None
    sealing: Sealer | None = None
    changed: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


@dataclass(frozen=True)
class RecoveryCopy:
    """A recovery copy found in the folder, as the start-up offer shows it."""

    meta_path: Path
    session: str
    host: str
    pid: int
    started: int | None
    original: Path | None
    changed: dt.datetime
    counts: dict[str, int]
    encrypted: bool

    @property
    def data_path(self) -> Path:
        return self.meta_path.with_suffix(EXTENSION)

    @property
    def name(self) -> str:
        return self.original.name if self.original else t("app.untitled")

    def summary(self) -> str:
        return summary_text(self.counts)

    def changed_text(self) -> str:
        return self.changed.astimezone().strftime("%d-%m-%Y %H:%M")

    def is_running(self) -> bool:
        """Written by a program that still runs on this machine (so not left by a crash)."""
        return self.host == host_name() and process_alive(self.pid, self.started)

    def load(self, passphrase: str | None = None) -> tuple[Atlas, LoadReport]:
        """The atlas in the copy; raises `AtlasFileError` (`PassphraseNeeded`, `WrongPassphrase`
        for an encrypted copy) with a readable message."""
        if passphrase is None:
            return load(self.data_path)
        return load(self.data_path, passphrase)

    def discard(self) -> None:
        for path in (self.data_path, self.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()

    @classmethod
    def read(cls, meta_path: Path) -> RecoveryCopy | None:
        """The copy described by `meta_path`; None when the description is damaged."""
        try:
            raw = json.loads(meta_path.read_text(encoding="utf-8"))
            original = raw.get("original")
            started = raw.get("started")
            changed = dt.datetime.fromisoformat(raw["changed"])
            if changed.tzinfo is None:
                changed = changed.replace(tzinfo=dt.UTC)
            return cls(
                meta_path=meta_path,
                session=str(raw["session"]),
                host=str(raw["host"]),
                pid=int(raw["pid"]),
                started=int(started) if started is not None else None,
                original=Path(original) if original else None,
                changed=changed,
                counts={k: int(v) for k, v in dict(raw.get("counts", {})).items()},
                encrypted=bool(raw.get("encrypted", False)),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


class RecoveryStore:
    """The recovery folder: this session's copy, and the copies other sessions left."""

    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = folder if folder is not None else recovery_folder()
        self.session = session or uuid.uuid4().hex[:16]
        self.pid = os.getpid()

    @property
    def data_path(self) -> Path:
        return self.folder / f"{self.session}{EXTENSION}"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.session}{META_SUFFIX}"

    # --- this session's copy ----------------------------------------------------------------

    def write(self, snap: Snapshot) -> None:
        """Serialise, seal and write the copy: atlas bytes first, then the description that
        makes it visible. Raises `AtlasFileError` when the folder cannot be written."""
        data = dumps(snap.atlas)
        if snap.sealing is not None:
            data = snap.sealing.seal(data)
        try:
            _ensure_folder(self.folder)
        except OSError as error:
            detail = {"detail": error.strerror or str(error), "folder": self.folder}
            raise AtlasFileError(
                self.folder, [Problem("write_failed", values=detail)], writing=True
            ) from None
        meta = {
            "netwerkatlas_recovery": RECOVERY_FORMAT,
            "session": self.session,
            "host": host_name(),
            "pid": self.pid,
            "started": process_start(self.pid),
            "program": f"Netwerkatlas {__version__}",
            "original": str(snap.original) if snap.original else None,
            "changed": snap.changed.isoformat(),
            "counts": counts_of(snap.atlas),
            "encrypted": snap.sealing is not None,
        }
        text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        write_atomic(self.data_path, data, keep_backup=False)
        write_atomic(self.meta_path, text.encode("utf-8"), keep_backup=False)

    def remove(self) -> None:
        """This session's copy is no longer needed (saved, discarded, or a clean end)."""
        for path in (self.meta_path, self.data_path):
            with contextlib.suppress(OSError):
                path.unlink()

    # --- copies left by other sessions ------------------------------------------------------

    def copies(self) -> list[RecoveryCopy]:
        """Every readable copy in the folder, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for meta_path in self.folder.glob(f"*{META_SUFFIX}"):
            copy = RecoveryCopy.read(meta_path)
            if copy is not None and copy.data_path.is_file():
                found.append(copy)
        return sorted(found, key=lambda c: c.changed, reverse=True)

    def left_behind(self) -> list[RecoveryCopy]:
        """The copies to offer at start: not ours, not of a program that still runs."""
        return [c for c in self.copies() if c.session != self.session and not c.is_running()]

    def clean_up(self, now: dt.datetime | None = None) -> int:
        """Remove copies older than 30 days, and halves of a copy whose other half is gone
        (a kill between the two writes) once their writer is no longer running."""
        if not self.folder.is_dir():
            return 0
        now = now or dt.datetime.now(dt.UTC)
        removed = 0
        for copy in self.copies():
            if now - copy.changed > MAX_AGE and not copy.is_running():
                copy.discard()
                removed += 1
        for path in list(self.folder.iterdir()):
            with contextlib.suppress(OSError):
                if self._abandoned(path, now.timestamp() - path.stat().st_mtime):
                    path.unlink()
                    removed += 1
        return removed

    def _abandoned(self, path: Path, age_s: float) -> bool:
        """Half a copy (a kill between its two writes), a damaged description, or a temporary
        file of a killed write: no longer of use once clearly old."""
        if path.stem == self.session or path.name.startswith(f".{self.session}"):
            return False
        if path.suffix == ".tmp":
            return age_s > STAGING_MAX_AGE_S
        if path.suffix not in (EXTENSION, META_SUFFIX):
            return False
        partner = path.with_suffix(META_SUFFIX if path.suffix == EXTENSION else EXTENSION)
        meta = path if path.suffix == META_SUFFIX else partner
        whole = partner.exists() and RecoveryCopy.read(meta) is not None
        if whole:
            return False
        return age_s > (MAX_AGE.total_seconds() if partner.exists() else STAGING_MAX_AGE_S)


class RecoveryWriter:
    """Writes this session's copy on one background thread, so typing never waits on the disk.

    Never two writes at once, and the last snapshot wins: one submitted while a write runs
    replaces any that was waiting. `remove()` cancels what waits and deletes the copy, and no
    write that was under way can bring it back afterwards."""

    def __init__(
        self,
        store: RecoveryStore,
        on_error: Callable[[Exception], None] | None = None,
        on_written: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.on_error = on_error
        self.on_written = on_written
        self._state = threading.Condition()
        self._io = threading.Lock()
        self._pending: Snapshot | None = None
        self._generation = 0
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def submit(self, snap: Snapshot) -> None:
        with self._state:
            if self._closed:
                return
            self._pending = snap
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="netwerkatlas-recovery", daemon=True
                )
                self._thread.start()
            self._state.notify_all()

    def remove(self) -> None:
        with self._state:
            self._pending = None
            self._generation += 1
        with self._io:
            self.store.remove()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until nothing waits or is being written (tests, and the end of a session)."""
        with self._state:
            return self._state.wait_for(lambda: self._pending is None and not self._busy, timeout)

    def close(self, remove: bool = True) -> None:
        """End of the session: stop the thread; with `remove`, delete the copy (a clean end)."""
        with self._state:
            self._closed = True
            self._state.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=30.0)
        if remove:
            self.remove()

    def _run(self) -> None:
        while True:
            with self._state:
                self._state.wait_for(lambda: self._pending is not None or self._closed)
                if self._closed and self._pending is None:
                    return
                snap, generation = self._pending, self._generation
                self._pending = None
                self._busy = True
            try:
                with self._io:
                    if generation == self._generation and snap is not None:
                        self.store.write(snap)
                        if self.on_written is not None:
                            self.on_written()
            except Exception as error:  # reported in the status bar, never a crash
                if self.on_error is not None:
                    self.on_error(error)
            finally:
                with self._state:
                    self._busy = False
                    self._state.notify_all()
