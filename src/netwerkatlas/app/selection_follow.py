"""What is chosen in one place shows in the others: a bol chosen on the canvas is chosen in the
list and shown in the Details panel, rows chosen in the list are chosen on the canvas, and a
person or event chosen in a drawn view (genogram, ecogram, netwerkcirkel, gebeurteniskaart) is
shown in Details, with its whole note.

A QObject of the window's, so its connections go with the window when it closes (a lambda
would outlive it and be called by a scene being destroyed).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from netwerkatlas.model import EDGES, NODES

DRAWN_VIEWS = ("genogram", "ecogram", "netwerkcirkel", "gebeurteniskaart")


class SelectionFollower(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        window.scene.selectionChanged.connect(self._canvas_changed)
        window.list.selection_changed.connect(self._list_changed)
        # The drawn views are made when first shown; their selection is followed from then on.
        for name in DRAWN_VIEWS:
            if name in window.views.tabs:
                window.views.when_built(
                    name, lambda tab: tab.scene.selectionChanged.connect(self._drawing_changed)
                )

    def _canvas_changed(self) -> None:
        scene, details = self.window.scene, self.window.details
        bollen = scene.selected_ids()
        links = scene.selected_link_ids()
        self.window.list.select_ids(bollen)
        if len(bollen) == 1 and not links:
            details.show_item(NODES, bollen[0])
        elif len(links) == 1 and not bollen:
            details.show_item(EDGES, links[0])
        else:
            details.show_item(None, None)

    def _list_changed(self, ids: list[str]) -> None:
        """Rows chosen in the list are selected on the canvas too (and shown in Details)."""
        scene = self.window.scene
        scene.clearSelection()
        for node_id in ids:
            if node_id in scene.bol_items:
                scene.bol_items[node_id].setSelected(True)

    def _drawing_changed(self) -> None:
        ids = self.sender().selected_ids()
        self.window.details.show_item(NODES if ids else None, ids[0] if ids else None)
