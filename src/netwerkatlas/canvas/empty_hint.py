"""One line over an empty drawing saying how to start there; gone as soon as there is something.

An empty view showed only "Cliënt" (or nothing at all), and a new user did not know whether to
click, drag or type. Every instrument's view has an `empty_hint`: a widget shown exactly while
the view has nothing of its own to show. The page-like views (Plan, the meeting documents) have
it in their own layout; the drawn views get the overlay below, which follows what their scene
draws (not the atlas), so the hint goes the moment the first thing is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QLabel, QWidget

from netwerkatlas.i18n import t

MARGIN = 16  # px between the hint and the top of the view
MAX_WIDTH = 640  # px: one line on a laptop, wrapped in a narrow view


def quiet_line(label: QLabel, name: str) -> None:
    """The look of a line a view says over its drawing (this hint, the ecogram's notice that
    its notes are in the panel): light, readable, and not in the way of a click."""
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks reach the view
    label.setStyleSheet(
        f"QLabel#{name} {{ background: rgba(255, 255, 255, 225); color: #37474f;"
        " border: 1px solid #b0bec5; border-radius: 8px; padding: 8px 14px; }"
    )
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.0) * 1.1)
    label.setFont(font)


class EmptyHint(QLabel):
    """A quiet line at the top of `view`, shown while `is_empty()` says the view draws nothing
    of its own. It checks again whenever the scene changes (which includes a new atlas).

    `at_foot` puts it at the foot of the view instead, for a view whose empty drawing fills it
    and has its words at the top (the netwerkcirkel's ring names, the ecogram's first
    sectors): there the line covers only the outer ring. Without `in_client_mode` the line is
    not shown in client mode: the way in it names (the groslijst) is the professional's and
    hidden there, and the client's larger words reach down to where the line would stand."""

    def __init__(
        self,
        view: QGraphicsView,
        scene: QGraphicsScene,
        key: str,
        is_empty: Callable[[], bool],
        at_foot: bool = False,
        in_client_mode: bool = True,
    ) -> None:
        super().__init__(t(key), view)
        self.key = key
        self.in_client_mode = in_client_mode
        self.view = view
        self.is_empty = is_empty
        self.at_foot = at_foot
        quiet_line(self, "empty_hint")
        scene.changed.connect(lambda _rects: self.refresh())
        view.installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        """Show or hide the line for what the view shows now, and keep it placed. A view out
        of sight is not asked (that would draw it for nothing); it is when it is shown."""
        if not self.view.isVisible():
            return
        client = getattr(self.view.scene(), "client_mode", False)
        shown = self.is_empty() and (self.in_client_mode or not client)
        if shown:
            self._place()
            self.raise_()
        self.setVisible(shown)

    def _place(self) -> None:
        width = min(MAX_WIDTH, max(200, self.view.width() - 2 * MARGIN))
        height = max(self.heightForWidth(width), 0)
        top = self.view.height() - height - MARGIN if self.at_foot else MARGIN
        self.setGeometry((self.view.width() - width) // 2, top, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.refresh()
        return False


def _only_client(atlas, drawn: dict) -> bool:
    """Nothing drawn but (at most) the client; checked on every scene change, so in O(1)."""
    return atlas is None or not drawn or (len(drawn) == 1 and atlas.client_id in drawn)


def draws_only_client(scene) -> Callable[[], bool]:
    """A drawn view is empty while it draws no one but the client: its scene's handles
    (the people or events one can take hold of) are the client's at most."""

    def empty() -> bool:
        return _only_client(scene.atlas, scene.handles)

    return empty


def bollen_only_client(scene) -> Callable[[], bool]:
    """The netwerkintake is empty while its only bol is the client."""

    def empty() -> bool:
        return _only_client(scene.atlas, scene.bol_items)

    return empty


def hint_of(widget: QWidget) -> QWidget:
    """The empty-view hint every instrument's view has (AttributeError when it has none)."""
    return widget.empty_hint
