"""Beeld → Andere visies tonen: where a naaste's or professional's score differs from the
client's, the netwerkintake shows it as a second, smaller badge beside the client's.

Off by default, and out of sight in client mode: the client's score is the one drawn. The
bollen keep the other view's score themselves (from their record); this switches the badge on
every bol, also on bollen made later.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from netwerkatlas.i18n import t
from netwerkatlas.model import NODES, Atlas, AtlasEvent, AtlasReset, ItemAdded
from netwerkatlas.model.events import Following


class PerspectiveActions:
    def __init__(self, window: QMainWindow, after: QAction) -> None:
        self.window = window
        self.show = False
        self.client_mode = False
        self._following = Following(self._on_event)
        self.action = QAction(t("action.show_perspectives"), window)
        self.action.setObjectName("show_perspectives")
        self.action.setCheckable(True)
        self.action.toggled.connect(self.set_show)
        menu = window.view_menu
        actions = menu.actions()
        later = actions[actions.index(after) + 1 :] if after in actions else []
        if later:
            menu.insertAction(later[0], self.action)
        else:
            menu.addAction(self.action)
        window.client_mode_action.toggled.connect(self.set_client_mode)
        self.set_atlas(window.scene.atlas)

    def set_client_mode(self, on: bool) -> None:
        self.client_mode = on
        self.apply()

    def set_show(self, show: bool) -> None:
        self.show = show
        self.apply()

    def set_atlas(self, atlas: Atlas) -> None:
        self._following.follow(atlas.events)
        self.apply()

    def detach(self) -> None:
        self._following.stop()

    def _on_event(self, event: AtlasEvent) -> None:
        new_bol = isinstance(event, ItemAdded) and event.collection == NODES
        if isinstance(event, AtlasReset) or new_bol:
            self.apply()

    def apply(self) -> None:
        shown = self.show and not self.client_mode
        for item in self.window.scene.bol_items.values():
            item.set_show_other_views(shown)
