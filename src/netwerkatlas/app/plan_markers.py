"""Goal markers on the netwerkintake canvas: each bol shows the numbers of the goals it is about.

It follows the atlas beside the canvas's scene (subscribed after it, so the scene's items exist
when the markers are set) and sets only the markers, on goal edits, new bollen and resets.
"""

from __future__ import annotations

from netwerkatlas.model import GOALS, NODES, Atlas, AtlasEvent, AtlasReset, ItemAdded
from netwerkatlas.model.events import Following
from netwerkatlas.tools.plan.markers import goal_markers


class GoalMarkers:
    def __init__(self, scene) -> None:
        self.scene = scene
        self.show = True
        self._following = Following(self._on_event)
        self.set_atlas(scene.atlas)

    def set_atlas(self, atlas: Atlas) -> None:
        self._following.follow(atlas.events)
        self.apply()

    def detach(self) -> None:
        self._following.stop()

    def set_show(self, show: bool) -> None:
        """Beeld → Doelen verbergen: the markers go, the goals stay."""
        self.show = show
        self.apply()

    def _on_event(self, event: AtlasEvent) -> None:
        collection = getattr(event, "collection", None)
        new_bol = isinstance(event, ItemAdded) and collection == NODES
        if isinstance(event, AtlasReset) or collection == GOALS or new_bol:
            self.apply()

    def apply(self) -> None:
        markers = goal_markers(self.scene.atlas)
        for node_id, item in self.scene.bol_items.items():
            item.set_goals(markers.get(node_id, ()), self.show)
