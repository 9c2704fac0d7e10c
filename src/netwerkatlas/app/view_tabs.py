"""The instruments of one atlas side by side as tabs, one per entry of the instrument registry.

Each tab is what its instrument's `make_tab` returns: a view that turns input into commands and,
mostly, a scene that follows the atlas's events. All push through the same function, so every
edit, in any view, is one step on the same undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from netwerkatlas.commands import Command
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools import registry
from netwerkatlas.tools.registry import Instrument


@dataclass(frozen=True)
class Tab:
    instrument: Instrument
    scene: object | None  # what follows the atlas, when it is not the widget itself
    widget: QWidget

    @property
    def follower(self):
        """What gets `set_atlas` and `detach`: the scene, or the widget when there is none."""
        return self.scene if self.scene is not None else self.widget

    def call(self, method: str, *args) -> None:
        """Call an optional switch (client mode, scores) on whichever of scene and widget has it."""
        for target in {id(self.follower): self.follower, id(self.widget): self.widget}.values():
            if hasattr(target, method):
                getattr(target, method)(*args)


HOVER_SWITCH_MS = 600  # a drag resting this long on a tab brings that tab to the front


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
        # A drag held over a tab opens it (as in browsers): a bol from the drawing to the Plan.
        self.hovered_tab = -1
        self.hover_timer = QTimer(self)
        self.hover_timer.setSingleShot(True)
        self.hover_timer.setInterval(HOVER_SWITCH_MS)
        self.hover_timer.timeout.connect(self._open_hovered_tab)
        self.tabBar().setAcceptDrops(True)
        self.tabBar().installEventFilter(self)
        self.tabs: dict[str, Tab] = {}
        self.groups: dict[str, QTabWidget] = {}  # group name -> its inner tabs
        for instrument in registry.INSTRUMENTS:
            scene, widget = instrument.make_tab(atlas, push, self)
            self.tabs[instrument.name] = Tab(instrument, scene, widget)
            if instrument.group:
                self._group(instrument.group).addTab(widget, t(instrument.title_key))
            else:
                self.addTab(widget, t(instrument.title_key))
        super().currentChanged.connect(self._outer_changed)

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
        return [tab.widget for tab in self.tabs.values()]

    def count(self) -> int:
        return len(self.tabs)

    def widget(self, index: int) -> QWidget | None:
        widgets = self.instrument_widgets()
        return widgets[index] if 0 <= index < len(widgets) else None

    def indexOf(self, widget: QWidget) -> int:
        widgets = self.instrument_widgets()
        return widgets.index(widget) if widget in widgets else -1

    def tabText(self, index: int) -> str:
        widget = self.widget(index)
        return "" if widget is None else t(self.current_tab_of(widget).instrument.title_key)

    def currentWidget(self) -> QWidget:
        outer = QTabWidget.currentWidget(self)
        return outer.currentWidget() if isinstance(outer, _GroupTabs) else outer

    def currentIndex(self) -> int:
        return self.indexOf(self.currentWidget())

    def setCurrentWidget(self, widget: QWidget) -> None:
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
        return next(tab for tab in self.tabs.values() if tab.widget is widget)

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
        return self.current_tab_of(self.currentWidget())

    def show_instrument(self, name: str) -> None:
        self.setCurrentWidget(self.tabs[name].widget)

    @property
    def scenes(self) -> tuple:
        return tuple(tab.scene for tab in self.tabs.values() if tab.scene is not None)

    def set_atlas(self, atlas: Atlas) -> None:
        """Show another atlas (after New or Open) in every view."""
        for tab in self.tabs.values():
            tab.follower.set_atlas(atlas)

    def detach(self) -> None:
        for tab in self.tabs.values():
            tab.follower.detach()

    def set_client_mode(self, on: bool) -> None:
        for tab in self.tabs.values():
            tab.call("set_client_mode", on)

    def set_show_scores(self, show: bool) -> None:
        for tab in self.tabs.values():
            tab.call("set_show_scores", show)
