"""The instruments of one atlas side by side as tabs, one per entry of the instrument registry.

Each tab is what its instrument's `make_tab` returns: a view that turns input into commands and,
mostly, a scene that follows the atlas's events. All push through the same function, so every
edit, in any view, is one step on the same undo stack.

A tab is made the first time it is shown or asked for (`Tab.scene`, `Tab.widget`): until then its
place in the tab bar holds an empty page, and its instrument's Qt module is not even imported.
Ten views built before the window shows made the start slow, and most sessions use two or three.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools import registry
from netwerkatlas.tools.registry import Instrument


class Tab:
    """One instrument's tab. Its scene and widget are made on first use (`build`), inside
    `page`, the widget that holds the tab's place in the tab bar from the start."""

    def __init__(self, instrument: Instrument, build: Callable[[Tab], tuple[object, QWidget]]):
        self.instrument = instrument
        self._build = build
        self._made: tuple[object | None, QWidget] | None = None
        self.page = _Page(self)

    @property
    def built(self) -> bool:
        return self._made is not None

    def _made_now(self) -> tuple[object | None, QWidget]:
        if self._made is None:
            self._made = self._build(self)
        return self._made

    @property
    def scene(self):
        """What follows the atlas, when it is not the widget itself (None then)."""
        return self._made_now()[0]

    @property
    def widget(self) -> QWidget:
        return self._made_now()[1]

    def holds(self, widget: QWidget) -> bool:
        """Whether `widget` is this tab's view or its page (without making the view)."""
        return widget is self.page or (self._made is not None and self._made[1] is widget)

    @property
    def follower(self):
        """What gets `set_atlas` and `detach`: the scene, or the widget when there is none."""
        return self.scene if self.scene is not None else self.widget

    def has(self, method: str) -> bool:
        return hasattr(self.follower, method) or hasattr(self.widget, method)

    def call(self, method: str, *args) -> None:
        """Call an optional switch (client mode, scores) on whichever of scene and widget has it."""
        for target in {id(self.follower): self.follower, id(self.widget): self.widget}.values():
            if hasattr(target, method):
                getattr(target, method)(*args)


class _Page(QWidget):
    """The tab's place in the tab bar: empty until first shown, then it holds the view."""

    def __init__(self, tab: Tab) -> None:
        super().__init__()
        self.tab = tab
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        self.tab.widget  # noqa: B018 - made now, as it comes in sight
        super().showEvent(event)

    def fit_all(self) -> None:
        self.tab.widget.fit_all()

    def zoom_by(self, factor: float) -> None:
        self.tab.widget.zoom_by(factor)


HOVER_SWITCH_MS = 600
# The views' width the window keeps, whichever tabs are made: that of the widest view (the Plan's
# goal cards). With every tab made at the start it followed from their sizes; without it a panel
# that grows (Details showing a chosen event) would narrow a drawing under the pointer, and the
# first look at the Plan would push the panels aside.
MIN_WIDTH = 751  # a drag resting this long on a tab brings that tab to the front


class _GroupTabs(QTabWidget):
    """The inner tabs of a group; View → Fit and zoom act on the instrument in front."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)

    def fit_all(self) -> None:
        self.currentWidget().fit_all()

    def zoom_by(self, factor: float) -> None:
        self.currentWidget().zoom_by(factor)


class ViewTabs(QTabWidget):
    """One tab per instrument; a group's instruments share one tab with inner tabs. `count`,
    `widget`, `currentWidget`, `setCurrentWidget` and friends speak of instruments, so the rest
    of the window never needs to know which instrument sits in a group."""

    instrument_changed = Signal()  # the instrument in front changed (outer or inner tabs)

    def __init__(self, atlas: Atlas, push: Callable[[Command], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setMinimumWidth(MIN_WIDTH)
        # A drag held over a tab opens it (as in browsers): a bol from the drawing to the Plan.
        self.hovered_tab = -1
        self.hover_timer = QTimer(self)
        self.hover_timer.setSingleShot(True)
        self.hover_timer.setInterval(HOVER_SWITCH_MS)
        self.hover_timer.timeout.connect(self._open_hovered_tab)
        self.tabBar().setAcceptDrops(True)
        self.tabBar().installEventFilter(self)
        self.atlas = atlas  # what a tab made later shows
        self.push = push
        self.client_mode = False
        self.show_scores = True
        self._when_built: dict[str, list[Callable[[Tab], None]]] = {}
        self.tabs: dict[str, Tab] = {}
        self.groups: dict[str, QTabWidget] = {}  # group name -> its inner tabs
        for instrument in registry.INSTRUMENTS:
            tab = Tab(instrument, self._build)
            self.tabs[instrument.name] = tab
            if instrument.group:
                self._group(instrument.group).addTab(tab.page, t(instrument.title_key))
            else:
                self.addTab(tab.page, t(instrument.title_key))
        super().currentChanged.connect(self._outer_changed)

    def _build(self, tab: Tab) -> tuple[object | None, QWidget]:
        """Make `tab`'s view on the atlas shown now, switched as the other views are."""
        scene, widget = tab.instrument.make_tab(self.atlas, self.push, tab.page)
        tab.page.layout().addWidget(widget)
        widget.setGeometry(tab.page.rect())  # the page's size at once: a fit or a tap lands right
        widget.show()  # at once, not when the layout gets round to it
        tab._made = (scene, widget)
        if tab.instrument.client_mode_hides and not tab.has("set_client_mode"):
            raise TypeError(
                f"{tab.instrument.name} hides {tab.instrument.client_mode_hides} in client mode "
                "but its tab has no set_client_mode"
            )
        if self.client_mode:
            tab.call("set_client_mode", True)
        if not self.show_scores:
            tab.call("set_show_scores", False)
        for callback in self._when_built.pop(tab.instrument.name, []):
            callback(tab)
        return scene, widget

    def when_built(self, name: str, callback: Callable[[Tab], None]) -> None:
        """Call `callback(tab)` once tab `name` is made (now, when it is made already), e.g. to
        connect to its scene's signals without making it before it is needed."""
        tab = self.tabs[name]
        if tab.built:
            callback(tab)
        else:
            self._when_built.setdefault(name, []).append(callback)

    def built_tabs(self) -> list[Tab]:
        return [tab for tab in self.tabs.values() if tab.built]

    def _group(self, name: str) -> QTabWidget:
        """The tab holding the instruments of group `name` (the meeting's documents) as tabs of
        their own: ten instruments side by side did not fit a laptop's width, and a tab bar that
        scrolls moves its tabs under the pointer."""
        if name not in self.groups:
            inner = _GroupTabs(self)
            inner.currentChanged.connect(lambda _i: self.instrument_changed.emit())
            self.groups[name] = inner
            QTabWidget.addTab(self, inner, t(f"view.group.{name}"))
        return self.groups[name]

    def _outer_changed(self, _index: int) -> None:
        self.instrument_changed.emit()

    def tab(self, name: str) -> Tab:
        return self.tabs[name]

    # --- one index per instrument, whatever group it sits in -----------------------------------

    def instrument_widgets(self) -> list[QWidget]:
        """Every instrument's view (making those not made yet)."""
        return [tab.widget for tab in self.tabs.values()]

    def _tab_at(self, index: int) -> Tab | None:
        tabs = list(self.tabs.values())
        return tabs[index] if 0 <= index < len(tabs) else None

    def count(self) -> int:
        return len(self.tabs)

    def widget(self, index: int) -> QWidget | None:
        tab = self._tab_at(index)
        return None if tab is None else tab.widget

    def indexOf(self, widget: QWidget) -> int:
        for index, tab in enumerate(self.tabs.values()):
            if tab.holds(widget):
                return index
        return -1

    def tabText(self, index: int) -> str:
        tab = self._tab_at(index)
        return "" if tab is None else t(tab.instrument.title_key)

    def _current_page(self) -> QWidget:
        outer = QTabWidget.currentWidget(self)
        return outer.currentWidget() if isinstance(outer, _GroupTabs) else outer

    def currentWidget(self) -> QWidget:
        page = self._current_page()
        return page.tab.widget if isinstance(page, _Page) else page

    def currentIndex(self) -> int:
        return self.indexOf(self.currentWidget())

    def setCurrentWidget(self, widget: QWidget) -> None:
        tab = next((tab for tab in self.tabs.values() if tab.holds(widget)), None)
        widget = widget if tab is None else tab.page
        for inner in self.groups.values():
            if inner.indexOf(widget) >= 0:
                inner.setCurrentWidget(widget)
                QTabWidget.setCurrentWidget(self, inner)
                return
        QTabWidget.setCurrentWidget(self, widget)

    def setCurrentIndex(self, index: int) -> None:
        widget = self.widget(index)
        if widget is not None:
            self.setCurrentWidget(widget)

    def current_tab_of(self, widget: QWidget) -> Tab:
        return next(tab for tab in self.tabs.values() if tab.holds(widget))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A drag over the tab bar: wait on the tab under it, then open that tab. Nothing can
        be dropped on the bar itself."""
        kind = event.type()
        if watched is not self.tabBar() or kind not in (
            QEvent.Type.DragEnter,
            QEvent.Type.DragMove,
            QEvent.Type.DragLeave,
            QEvent.Type.Drop,
        ):
            return super().eventFilter(watched, event)
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            index = self.tabBar().tabAt(event.position().toPoint())
            if index != self.hovered_tab:
                self.hovered_tab = index
                self.hover_timer.stop()
                if index >= 0 and index != QTabWidget.currentIndex(self):
                    self.hover_timer.start()
            if kind == QEvent.Type.DragEnter:
                event.acceptProposedAction()  # so the moves over the bar keep coming
            else:
                event.ignore()
        else:
            self.hovered_tab = -1
            self.hover_timer.stop()
            event.ignore()
        return True

    def _open_hovered_tab(self) -> None:
        if 0 <= self.hovered_tab < QTabWidget.count(self):
            QTabWidget.setCurrentIndex(self, self.hovered_tab)

    def current_tab(self) -> Tab:
        return self.current_tab_of(self._current_page())

    def show_instrument(self, name: str) -> None:
        self.setCurrentWidget(self.tabs[name].page)

    @property
    def scenes(self) -> tuple:
        """Every instrument's scene (making the tabs not made yet)."""
        return tuple(tab.scene for tab in self.tabs.values() if tab.scene is not None)

    def set_atlas(self, atlas: Atlas) -> None:
        """Show another atlas (after New or Open) in every view; a tab not made yet shows it
        when it is made."""
        self.atlas = atlas
        for tab in self.built_tabs():
            tab.follower.set_atlas(atlas)

    def detach(self) -> None:
        for tab in self.built_tabs():
            tab.follower.detach()

    def set_client_mode(self, on: bool) -> None:
        self.client_mode = on
        for tab in self.built_tabs():
            tab.call("set_client_mode", on)

    def set_show_scores(self, show: bool) -> None:
        self.show_scores = show
        for tab in self.built_tabs():
            tab.call("set_show_scores", show)
