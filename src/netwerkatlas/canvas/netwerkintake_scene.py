"""The netwerkintake scene: an atlas's bollen and links, following the model's events.

It keeps an id -> item map for nodes and links, creates, updates and removes items as the model
changes, and positions bollen from the view's stored layout (computing a place on a ring for
bollen the user has not placed). It never writes to the model: editing happens through commands.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsScene

from netwerkatlas.canvas.items import BolItem, LinkItem
from netwerkatlas.model import (
    EDGES,
    NODES,
    Atlas,
    AtlasEvent,
    AtlasReset,
    EdgeKind,
    ItemAdded,
    ItemChanged,
    ItemRemoved,
    PositionsChanged,
)
from netwerkatlas.model.events import Following
from netwerkatlas.render.style import PAPER
from netwerkatlas.tools.netwerkintake import VIEW as NETWERKINTAKE
from netwerkatlas.tools.netwerkintake.layout import shown_positions

CLIENT_TEXT_SCALE = 1.14  # client mode: 17 pt labels, at the zoom a laptop fits them in
LINK_REACH = 8.0  # points either side of a link that still hit it


class AtlasScene(QGraphicsScene):
    """A view of an atlas: which view (`view_name`) decides the stored positions used."""

    def __init__(self, atlas: Atlas, view_name: str = NETWERKINTAKE, parent=None) -> None:
        super().__init__(parent)
        self.view_name = view_name
        self.setBackgroundBrush(QBrush(QColor(PAPER)))
        self.bol_items: dict[str, BolItem] = {}
        self.link_items: dict[str, LinkItem] = {}
        self._links_of: dict[str, set[str]] = {}
        self.show_scores = True
        self.text_scale = 1.0
        self.client_mode = False
        self.atlas: Atlas | None = None
        self._following = Following(self._on_event)
        self._styled_links: set[str] = set()
        self.selectionChanged.connect(self._restyle_selected_links)
        self.set_atlas(atlas)

    # --- which atlas ------------------------------------------------------------------------

    def set_atlas(self, atlas: Atlas) -> None:
        """Show another atlas (a newly opened document); stops following the old one."""
        self.atlas = atlas
        self._following.follow(atlas.events)
        self.rebuild()

    def detach(self) -> None:
        self._following.stop()

    def _restyle_selected_links(self) -> None:
        """Style links by selection here, once per change, rather than in a per-item hook
        that Qt would call back into Python for each of thousands of links."""
        selected = {item.edge_id for item in self.selectedItems() if isinstance(item, LinkItem)}
        for edge_id in self._styled_links ^ selected:
            item = self.link_items.get(edge_id)
            if item is not None:
                item.show_selected(edge_id in selected)
        self._styled_links = selected

    def rebuild(self) -> None:
        self._styled_links = set()
        self.clear()
        self.bol_items.clear()
        self.link_items.clear()
        self._links_of.clear()
        for record in self.atlas.nodes():
            self._add_bol(record.id)
        for record in self.atlas.edges(EdgeKind.INFLUENCE):
            self._add_link(record.id)
        self._place_all()
        self.setSceneRect(self.itemsBoundingRect().adjusted(-400, -400, 400, 400))

    # --- following the model ----------------------------------------------------------------

    def _on_event(self, event: AtlasEvent) -> None:
        if isinstance(event, AtlasReset):
            self.rebuild()
        elif isinstance(event, ItemAdded):
            if event.collection == NODES:
                self._add_bol(event.item_id)
                self._place_all()
            elif event.collection == EDGES and self._shows_edge(event.item_id):
                self._add_link(event.item_id)
                self._update_link(event.item_id)
        elif isinstance(event, ItemRemoved):
            if event.collection == NODES:
                item = self.bol_items.pop(event.item_id, None)
                if item is not None:
                    self.removeItem(item)
            elif event.collection == EDGES:
                link = self.link_items.pop(event.item_id, None)
                if link is not None:
                    self._forget_link(link)
                    self.removeItem(link)
        elif isinstance(event, ItemChanged):
            if event.collection == NODES and event.item_id in self.bol_items:
                self.bol_items[event.item_id].set_record(self.atlas.node(event.item_id))
            elif event.collection == EDGES:
                self._on_edge_changed(event.item_id)
        elif isinstance(event, PositionsChanged) and event.view == self.view_name:
            self._place_all()

    def _shows_edge(self, edge_id: str) -> bool:
        return self.atlas.edge(edge_id).kind == EdgeKind.INFLUENCE

    def _on_edge_changed(self, edge_id: str) -> None:
        if edge_id in self.link_items:
            link = self.link_items[edge_id]
            self._forget_link(link)
            link.set_record(self.atlas.edge(edge_id))
            self._remember_link(link)
            self._update_link(edge_id)

    # --- items ------------------------------------------------------------------------------

    def _add_bol(self, node_id: str) -> None:
        item = BolItem(node_id, self.atlas.node(node_id))
        item.set_show_score(self.show_scores)
        if self.text_scale != 1.0:
            item.set_text_scale(self.text_scale)
        self.bol_items[node_id] = item
        self.addItem(item)

    def _add_link(self, edge_id: str) -> None:
        item = LinkItem(edge_id, self.atlas.edge(edge_id))
        item.show_note = not self.client_mode
        self.link_items[edge_id] = item
        self._remember_link(item)
        self.addItem(item)

    def _remember_link(self, link: LinkItem) -> None:
        for end in (link.source_id, link.target_id):
            self._links_of.setdefault(end, set()).add(link.edge_id)

    def _forget_link(self, link: LinkItem) -> None:
        for end in (link.source_id, link.target_id):
            self._links_of.get(end, set()).discard(link.edge_id)

    def positions(self) -> dict[str, QPointF]:
        """Where every bol is drawn: its stored position, or a computed one if it has none."""
        shown = shown_positions(self.atlas, self.view_name)
        return {node_id: QPointF(*shown[node_id]) for node_id in self.bol_items}

    def _place_all(self) -> None:
        for node_id, point in self.positions().items():
            self.bol_items[node_id].setPos(point)
        for edge_id in self.link_items:
            self._update_link(edge_id)

    def _update_link(self, edge_id: str) -> None:
        link = self.link_items[edge_id]
        source = self.bol_items.get(link.source_id)
        target = self.bol_items.get(link.target_id)
        if source is None or target is None:
            return
        link.set_ends(source.pos(), source.radius, target.pos(), target.radius)

    def move_live(self, moves: dict[str, QPointF]) -> None:
        """Move bollen on screen during a drag, links following; the model changes on release."""
        touched: set[str] = set()
        for node_id, point in moves.items():
            self.bol_items[node_id].setPos(point)
            touched |= self._links_of.get(node_id, set())
        for edge_id in touched:
            self._update_link(edge_id)

    def bol_at(self, point: QPointF) -> BolItem | None:
        """The bol under a scene point (the topmost, if they overlap)."""
        for item in self.items(point):
            if isinstance(item, BolItem) and item.contains(item.mapFromScene(point)):
                return item
        return None

    def clockwise_ids(self) -> list[str]:
        """Bollen in reading order: the client, then clockwise from the top."""

        def angle(node_id: str) -> float:
            pos = self.bol_items[node_id].pos()
            return math.atan2(pos.x(), -pos.y()) % (2 * math.pi)

        others = sorted((n for n in self.bol_items if n != self.atlas.client_id), key=angle)
        return [self.atlas.client_id, *others]

    def link_at(self, point: QPointF) -> LinkItem | None:
        """The link nearest to a scene point, within a finger's width of it."""
        reach = LINK_REACH
        near = self.items(QRectF(point.x() - reach, point.y() - reach, 2 * reach, 2 * reach))
        links = [item for item in near if isinstance(item, LinkItem)]
        best = min(links, key=lambda link: link.distance_to(point), default=None)
        return best if best is not None and best.distance_to(point) <= reach else None

    def selected_link_ids(self) -> list[str]:
        return [item.edge_id for item in self.selectedItems() if isinstance(item, LinkItem)]

    def selected_ids(self) -> list[str]:
        return [item.node_id for item in self.selectedItems() if isinstance(item, BolItem)]

    def set_show_scores(self, show: bool) -> None:
        """Hide or show scores (visuals can confront); the data is untouched."""
        self.show_scores = show
        for item in self.bol_items.values():
            item.set_show_score(show)

    def set_client_mode(self, on: bool) -> None:
        """Large type, and notes kept off the drawing, so the client can hold the pen."""
        self.client_mode = on
        self.text_scale = CLIENT_TEXT_SCALE if on else 1.0
        for item in self.bol_items.values():
            item.set_text_scale(self.text_scale)
        for link in self.link_items.values():
            link.show_note = not on
            link.set_record(self.atlas.edge(link.edge_id))
