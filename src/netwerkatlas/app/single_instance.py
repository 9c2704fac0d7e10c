"""One running program per user: a second start hands its file to the first one and exits.

Double-clicking an atlas that is already open must bring its window forward, not start a second
writer on the same file. The first program listens on a local socket named after the user
(`QLocalServer`, reachable by that user only); a later start connects, sends one JSON line
(`{"path": ..., "example": ..., "client_mode": ...}`), reads the one-word answer and exits 0.
The first program opens the file in a window of its own, or raises the window showing it. The
lock file next to the atlas (io/locking.py) stays the safety net: it covers other users, other
computers, and the rare start that races another start to the socket.

Environment: `NETWERKATLAS_SINGLE_INSTANCE=0` starts a program of its own anyway, `=1` insists
on sharing even without a screen (tests); without it, an offscreen or measuring start
(`QT_QPA_PLATFORM=offscreen`, `NETWERKATLAS_QUIT_AFTER_PAINT`) runs on its own, since no window
of it could be brought forward. `NETWERKATLAS_INSTANCE` names another socket (tests), and
`NETWERKATLAS_INSTANCE_LOG` is a file to which the first program appends what it did.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # QtNetwork is loaded only by a start that shares (not by a measured one)
    from PySide6.QtNetwork import QLocalSocket

ENABLE_ENV = "NETWERKATLAS_SINGLE_INSTANCE"
NAME_ENV = "NETWERKATLAS_INSTANCE"
LOG_ENV = "NETWERKATLAS_INSTANCE_LOG"

CONNECT_MS = 1000
# The first program answers from its event loop; on a busy machine, or while it builds a big
# atlas, that can take a while. Waiting long is harmless: the answer normally comes at once.
ANSWER_MS = 30000
MAX_REQUEST = 64 * 1024

OPENED = "opened"
RAISED = "raised"


@dataclass(frozen=True)
class Request:
    """What a second start asks the first to do: open `path` (None: just come forward)."""

    path: str | None = None
    example: bool = False
    client_mode: bool = False

    def encode(self) -> bytes:
        return json.dumps(asdict(self)).encode() + b"\n"

    @classmethod
    def decode(cls, data: bytes) -> Request | None:
        """The request in `data`, or None when it is not one (anything else on the socket)."""
        try:
            fields = json.loads(data.decode())
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(fields, dict):
            return None
        path = fields.get("path")
        if path is not None and not isinstance(path, str):
            return None
        return cls(path, bool(fields.get("example")), bool(fields.get("client_mode")))


def enabled() -> bool:
    """Whether this start shares one program per user (see the module docstring)."""
    choice = os.environ.get(ENABLE_ENV)
    if choice in ("0", "1"):
        return choice == "1"
    if os.environ.get("NETWERKATLAS_QUIT_AFTER_PAINT", "") not in ("", "0"):
        return False
    return os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("offscreen", "minimal")


def server_name() -> str:
    """The socket's name: one per user on this computer. On Linux it lives in the user's own
    runtime folder (XDG_RUNTIME_DIR, 0700) where one is, so no other user can take the name;
    elsewhere it is named after the user id (in macOS's per-user temporary folder), or on
    Windows after a hash of the user name (a named pipe)."""
    override = os.environ.get(NAME_ENV)
    if override:
        return override
    if hasattr(os, "getuid"):
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        if runtime and os.path.isdir(runtime):
            return os.path.join(runtime, "netwerkatlas.sock")
        return f"netwerkatlas-{os.getuid()}"
    try:
        user = getpass.getuser()
    except Exception:  # no login name: still one socket for this account
        user = "?"
    return f"netwerkatlas-{hashlib.sha256(user.encode()).hexdigest()[:16]}"


def absolute(path: str | None) -> str | None:
    """`path` as the first program must read it: its working folder may be another one."""
    return str(Path(path).expanduser().absolute()) if path else None


def _ours(name: str) -> bool:
    """False when the socket file is another user's: a path must never go to someone else's
    program (a name in the shared temporary folder could have been taken first)."""
    if not hasattr(os, "getuid"):
        return True  # Windows: a named pipe, reachable by this user only (UserAccessOption)
    if not os.path.isabs(name):
        from PySide6.QtCore import QDir

        name = os.path.join(QDir.tempPath(), name)
    try:
        return os.stat(name).st_uid == os.getuid()
    except OSError:
        return True  # nothing there: connecting simply fails


def forward(request: Request) -> str | None:
    """Hand `request` to the program already running; its answer, or None when none runs."""
    from PySide6.QtNetwork import QLocalSocket

    name = server_name()
    if not _ours(name):
        return None
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return None
    socket.write(request.encode())
    socket.waitForBytesWritten(CONNECT_MS)
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(ANSWER_MS):
        answer += bytes(socket.readAll())
    socket.disconnectFromServer()
    return answer.decode(errors="replace").strip() or None


def note(what: str) -> None:
    """Append what the first program did to the file `NETWERKATLAS_INSTANCE_LOG` names."""
    target = os.environ.get(LOG_ENV)
    if target:
        with contextlib.suppress(OSError), open(target, "a", encoding="utf-8") as log:
            log.write(what + "\n")


class InstanceServer(QObject):
    """The first program's end of the socket: reads requests, answers with `handle(request)`.

    `handle` must answer at once (it may schedule the opening itself): the second start is
    waiting, and opening can ask questions (the lock, a passphrase)."""

    def __init__(self, handle: Callable[[Request], str], parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._handle = handle
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; False when another program already does (two starts at once)."""
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        name = server_name()
        if self._server.listen(name):
            return True
        if self._server.serverError() != QLocalSocket.LocalSocketError.AddressInUseError:
            return False
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(CONNECT_MS):  # a live program: leave it be
            probe.abort()
            return False
        QLocalServer.removeServer(name)  # left behind by a program that crashed
        return self._server.listen(name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll())
        if b"\n" not in data and len(data) < MAX_REQUEST:
            self._buffers[socket] = data
            return
        request = Request.decode(data.split(b"\n", 1)[0])
        answer = self._handle(request) if request is not None else "refused"
        socket.write(answer.encode() + b"\n")
        socket.flush()
        socket.disconnectFromServer()

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


class FileOpenFilter(QObject):
    """Files opened from the macOS Finder arrive as a QFileOpenEvent on the application, not
    in argv; this hands each one to `open_path`."""

    def __init__(self, open_path: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_path = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # type: ignore[attr-defined]
            if path:
                self._open_path(path)
                return True
        return super().eventFilter(watched, event)


# --- in the first program: carry the requests out -------------------------------------------


def main_windows() -> list[QWidget]:
    """The program's visible main windows (those with a document), oldest first."""
    return [w for w in QApplication.topLevelWidgets() if hasattr(w, "document") and w.isVisible()]


def showing(path: str) -> QWidget | None:
    """The main window that has the atlas at `path` open, if any."""
    for window in main_windows():
        current = window.document.path
        if current is not None:
            with contextlib.suppress(OSError):
                if os.path.samefile(current, path):
                    return window
    return None


def untouched(window: QWidget) -> bool:
    """A new, empty atlas nobody worked on: it gives way to the file the user asked for."""
    document = window.document
    return (
        document.path is None
        and getattr(document, "copied_from", None) is None
        and not document.is_modified
    )


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


class Opener(QObject):
    """Opens what a later start or the Finder asks for, with `open_window(request)` (which
    returns the new main window), or brings forward the window that already shows it."""

    def __init__(self, open_window: Callable[[Request], QWidget], parent: QObject | None = None):
        super().__init__(parent)
        self._open_window = open_window
        self.windows: list[QWidget] = []  # the windows it opened: Python must keep them alive

    def handle(self, request: Request) -> str:
        window = showing(request.path) if request.path and not request.example else None
        if window is None and not request.path and main_windows():
            window = main_windows()[-1]
        if window is not None:
            bring_forward(window)
            note(f"{RAISED} {request.path or ''}".strip())
            return RAISED
        QTimer.singleShot(0, lambda: self._open(request))  # after answering: opening may ask
        return OPENED

    def _open(self, request: Request) -> None:
        blank = [w for w in main_windows() if untouched(w)]
        window = self._open_window(request)
        self.windows = [w for w in self.windows if w.isVisible()] + [window]
        for other in blank:
            if other is not window:
                other.close()
        bring_forward(window)
        note(f"{OPENED} {request.path or ''}".strip())


def serve(app: QApplication, open_window: Callable[[Request], QWidget]) -> Opener:
    """Take requests from later starts (when `enabled()`) and files from the Finder."""
    opener = Opener(open_window, app)
    app.installEventFilter(FileOpenFilter(lambda p: opener.handle(Request(absolute(p))), opener))
    if enabled() and InstanceServer(opener.handle, opener).listen():
        note("listening")
    return opener
