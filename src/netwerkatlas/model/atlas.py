"""The atlas: one client's network as a graph (model/graph.py), plans, sessions and view layout.

Every change goes through six operations (`add`, `remove`, `update`, `set_positions`,
`set_view_setting`, `update_meta`). Each returns what an undo command needs to reverse it, checks
the atlas stays whole (one client, edges between existing nodes, references that resolve) and
emits an event. Nothing else writes to the atlas, so views and undo can trust the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from netwerkatlas.model.events import (
    AtlasEvent,
    AtlasReset,
    EventHub,
    ItemAdded,
    ItemChanged,
    ItemRemoved,
    PositionsChanged,
)
from netwerkatlas.model.graph import MultiDiGraph
from netwerkatlas.model.plan_bodies import person_ids_in
from netwerkatlas.model.records import (
    Action,
    AtlasMeta,
    ClientNode,
    EdgeBase,
    Evaluation,
    Goal,
    NodeBase,
    NodeKind,
    Plan,
    Record,
    Session,
)
from netwerkatlas.model.values import check_json, coordinate_problem
from netwerkatlas.model.view_settings import fits

Point = tuple[float, float]

NODES = "nodes"
EDGES = "edges"
GOALS = "goals"
ACTIONS = "actions"
EVALUATIONS = "evaluations"
SESSIONS = "sessions"
PLANS = "plans"

LIST_COLLECTIONS: dict[str, type[Record]] = {
    GOALS: Goal,
    ACTIONS: Action,
    EVALUATIONS: Evaluation,
    SESSIONS: Session,
    PLANS: Plan,
}
COLLECTIONS = (NODES, EDGES, *LIST_COLLECTIONS)
POSITION_DECIMALS = 2


class AtlasError(ValueError):
    """An operation would leave the atlas inconsistent; the atlas is unchanged."""


def round_point(point: Iterable[float]) -> Point:
    """Positions are kept to 1/100 pt so a save/load round trip gives back the same numbers.
    A position the file cannot hold (NaN, infinite, beyond the limits) is refused."""
    x, y = point
    problem = coordinate_problem(x, y)
    if problem is not None:
        raise AtlasError(f"not a position: {problem}")
    return (round(float(x), POSITION_DECIMALS) + 0.0, round(float(y), POSITION_DECIMALS) + 0.0)


def _revised(old: Record, changes: Mapping[str, Any]) -> tuple[Record, dict[str, tuple]]:
    """A validated copy of `old` with `changes`, and {field: (old, new)} for what differs.

    Only fields the record has can change: setting a field its kind lacks would add an unknown
    field that no undo could take away again."""
    lacking = [k for k in changes if k not in type(old).model_fields and k not in old.model_extra]
    if lacking:
        raise AtlasError(f"a {type(old).__name__} has no field {', '.join(map(repr, lacking))}")
    try:
        new = type(old).model_validate({**old.model_dump(), **changes})
    except (ValidationError, ValueError) as error:
        raise AtlasError(str(error)) from None
    diff = {
        k: (getattr(old, k, None), getattr(new, k, None))
        for k in changes
        if getattr(old, k, None) != getattr(new, k, None)
    }
    return new, diff


class ViewState:
    """What one view stores: node positions (points, client at the origin) and its settings."""

    def __init__(
        self,
        positions: Mapping[str, Point] | None = None,
        settings: Mapping[str, Any] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        self.positions: dict[str, Point] = {k: round_point(v) for k, v in (positions or {}).items()}
        self.settings: dict[str, Any] = dict(settings or {})
        self.extra: dict[str, Any] = dict(extra or {})


class Atlas:
    """One client's atlas. Create it empty (a client is made) or from records (see io.load)."""

    def __init__(self, client: ClientNode | None = None, meta: AtlasMeta | None = None) -> None:
        self.events = EventHub()
        self.graph = MultiDiGraph()
        self._edge_ends: dict[str, tuple[str, str]] = {}
        self._lists: dict[str, dict[str, Record]] = {name: {} for name in LIST_COLLECTIONS}
        self.views: dict[str, ViewState] = {}
        self.meta = meta or AtlasMeta()
        self.extra: dict[str, Any] = {}
        client = client or ClientNode(label="")
        self._insert_node(client)
        self.client_id = client.id

    # --- reading ----------------------------------------------------------------------------

    @property
    def client(self) -> ClientNode:
        return self.graph.nodes[self.client_id]["record"]

    def node(self, node_id: str) -> NodeBase:
        try:
            return self.graph.nodes[node_id]["record"]
        except KeyError:
            raise KeyError(f"no node with id {node_id!r}") from None

    def nodes(self, kind: NodeKind | None = None) -> Iterator[NodeBase]:
        for _, record in self.graph.nodes(data="record"):
            if kind is None or record.kind == kind:
                yield record

    def edge(self, edge_id: str) -> EdgeBase:
        try:
            source, target = self._edge_ends[edge_id]
        except KeyError:
            raise KeyError(f"no edge with id {edge_id!r}") from None
        return self.graph.edges[source, target, edge_id]["record"]

    def edges(self, kind: str | None = None) -> Iterator[EdgeBase]:
        for _, _, record in self.graph.edges(data="record"):
            if kind is None or record.kind == kind:
                yield record

    def edges_of(self, node_id: str) -> list[EdgeBase]:
        """Every edge that touches `node_id`, in either direction."""
        found = [d["record"] for _, _, d in self.graph.out_edges(node_id, data=True)]
        found += [
            d["record"] for u, _, d in self.graph.in_edges(node_id, data=True) if u != node_id
        ]
        return found

    def items(self, collection: str) -> list[Record]:
        if collection == NODES:
            return list(self.nodes())
        if collection == EDGES:
            return list(self.edges())
        return list(self._list(collection).values())

    def get(self, collection: str, item_id: str) -> Record:
        if collection == NODES:
            return self.node(item_id)
        if collection == EDGES:
            return self.edge(item_id)
        try:
            return self._list(collection)[item_id]
        except KeyError:
            raise KeyError(f"no {collection[:-1]} with id {item_id!r}") from None

    def has(self, collection: str, item_id: str) -> bool:
        if collection == NODES:
            return item_id in self.graph
        if collection == EDGES:
            return item_id in self._edge_ends
        return item_id in self._list(collection)

    def references_to(self, collection: str, item_id: str) -> list[tuple[str, Record]]:
        """What would dangle if the item went: the cascade a remove command must undo too."""
        refs: list[tuple[str, Record]] = []
        if collection == NODES:
            refs += [(EDGES, e) for e in self.edges_of(item_id)]
            refs += [(GOALS, g) for g in self._lists[GOALS].values() if item_id in g.node_ids]
            refs += [(ACTIONS, a) for a in self._lists[ACTIONS].values() if a.who_id == item_id]
            # the meeting documents (signaleringsplan, steungroep, ...) name people by id
            refs += [
                (PLANS, p) for p in self._lists[PLANS].values() if item_id in person_ids_in(p.body)
            ]
        elif collection == GOALS:
            refs += [(ACTIONS, a) for a in self._lists[ACTIONS].values() if a.goal_id == item_id]
            refs += [
                (EVALUATIONS, e) for e in self._lists[EVALUATIONS].values() if e.goal_id == item_id
            ]
        elif collection == SESSIONS:
            refs += [
                (EVALUATIONS, e)
                for e in self._lists[EVALUATIONS].values()
                if e.session_id == item_id
            ]
        return refs

    def position(self, view: str, node_id: str) -> Point | None:
        state = self.views.get(view)
        return state.positions.get(node_id) if state else None

    def view_setting(self, view: str, key: str, default: Any = None) -> Any:
        """A view's setting, or `default` when it is not stored or does not fit the setting's
        type (a damaged file: the value stays in the file, the view uses its default)."""
        state = self.views.get(view)
        if state is None or key not in state.settings:
            return default
        value = state.settings[key]
        return value if value is not None and fits(view, key, value) else default

    def has_view_setting(self, view: str, key: str) -> bool:
        """True when the setting is stored, whatever its value (also null or a bad one)."""
        state = self.views.get(view)
        return state is not None and key in state.settings

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    # --- the six operations -----------------------------------------------------------------

    def add(self, collection: str, record: Record, positions: Mapping[str, Point] | None = None):
        """Add a record; `positions` (view -> point) restores a removed node's places."""
        if self.has(collection, record.id):
            raise AtlasError(f"an item with id {record.id!r} already exists")
        if collection == NODES:
            if record.kind == NodeKind.CLIENT:
                raise AtlasError("an atlas has exactly one client")
            points = {view: round_point(point) for view, point in (positions or {}).items()}
            self._insert_node(record)
            for view, point in points.items():
                self.views.setdefault(view, ViewState()).positions[record.id] = point
        elif collection == EDGES:
            self._check_edge(record)
            self._insert_edge(record)
        else:
            self._check_list_refs(collection, record)
            self._list(collection)[record.id] = record
        self._emit(ItemAdded(collection, record.id))

    def remove(self, collection: str, item_id: str) -> tuple[Record, dict[str, Point]]:
        """Remove an item nothing refers to; returns it and (for nodes) its positions per view."""
        record = self.get(collection, item_id)
        if collection == NODES and item_id == self.client_id:
            raise AtlasError("the client cannot be removed")
        if self.references_to(collection, item_id):
            raise AtlasError(f"{item_id!r} is still referred to; remove the references first")
        positions: dict[str, Point] = {}
        if collection == NODES:
            for view, state in self.views.items():
                if item_id in state.positions:
                    positions[view] = state.positions.pop(item_id)
            self.graph.remove_node(item_id)
        elif collection == EDGES:
            source, target = self._edge_ends.pop(item_id)
            self.graph.remove_edge(source, target, key=item_id)
        else:
            del self._list(collection)[item_id]
        self._emit(ItemRemoved(collection, item_id, record))
        return record, positions

    def update(self, collection: str, item_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Change fields of an item; returns the old values of the fields that really changed."""
        old = self.get(collection, item_id)
        if "id" in changes and changes["id"] != item_id:
            raise AtlasError("an id never changes")
        kind_is_type = collection in (NODES, EDGES)
        if kind_is_type and "kind" in changes and changes["kind"] != old.kind:
            raise AtlasError("the kind of an item cannot change; make a new one")
        new, diff = _revised(old, changes)
        if not diff:
            return {}
        if collection == NODES:
            self.graph.nodes[item_id]["record"] = new
        elif collection == EDGES:
            self._check_edge(new)
            self._edge_ends.pop(item_id)
            self.graph.remove_edge(old.source, old.target, key=item_id)
            self._insert_edge(new)
        else:
            self._check_list_refs(collection, new)
            self._list(collection)[item_id] = new
        self._emit(ItemChanged(collection, item_id, diff))
        return {k: before for k, (before, _) in diff.items()}

    def set_positions(
        self, view: str, positions: Mapping[str, Point | None]
    ) -> dict[str, Point | None]:
        """Place (or, with None, unplace) nodes in a view; returns the old positions."""
        for node_id in positions:
            if node_id not in self.graph:
                raise AtlasError(f"no node with id {node_id!r} to place")
        rounded = {k: None if p is None else round_point(p) for k, p in positions.items()}
        state = self.views.setdefault(view, ViewState())
        old: dict[str, Point | None] = {}
        for node_id, point in rounded.items():
            old[node_id] = state.positions.get(node_id)
            if point is None:
                state.positions.pop(node_id, None)
            else:
                state.positions[node_id] = point
        self._emit(PositionsChanged(view, frozenset(positions)))
        return old

    def set_view_setting(self, view: str, key: str, value: Any, *, restore: bool = False) -> Any:
        """Store one setting of a view (None removes it); returns the old value. A value the
        file cannot hold, or one that does not fit a known setting, is refused. With `restore`
        (an undo) the value is put back exactly as it was: a stored null stays null, and a
        value read from a damaged file is put back unchecked."""
        if value is not None and not restore:
            try:
                check_json(value, f"the setting {key!r} of {view!r}")
            except ValueError as error:
                raise AtlasError(str(error)) from None
            if not fits(view, key, value):
                raise AtlasError(f"{value!r} does not fit the setting {key!r} of {view!r}")
        state = self.views.setdefault(view, ViewState())
        old = state.settings.get(key)
        if value is None and not restore:
            state.settings.pop(key, None)
        else:
            state.settings[key] = value
        self._emit(ItemChanged("views", view, {key: (old, value)}))
        return old

    def update_meta(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        new, diff = _revised(self.meta, changes)
        if not diff:
            return {}
        self.meta = new
        self._emit(ItemChanged("meta", new.id, diff))
        return {k: before for k, (before, _) in diff.items()}

    def reset_notification(self) -> None:
        """Tell listeners to rebuild everything (used after bulk loading)."""
        self._emit(AtlasReset())

    # --- bulk building, used by the file loader (checks are done there, once) ------------------

    @classmethod
    def from_records(
        cls,
        meta: AtlasMeta,
        nodes: Iterable[NodeBase],
        edges: Iterable[EdgeBase],
        lists: Mapping[str, Iterable[Record]],
        views: Mapping[str, ViewState],
        extra: Mapping[str, Any] | None = None,
    ) -> Atlas:
        nodes = list(nodes)
        clients = [n for n in nodes if n.kind == NodeKind.CLIENT]
        if len(clients) != 1:
            raise AtlasError(f"an atlas has exactly one client, not {len(clients)}")
        atlas = cls(client=clients[0], meta=meta)
        for node in nodes:
            if node.kind != NodeKind.CLIENT:
                atlas._insert_node(node)
        for edge in edges:
            atlas._insert_edge(edge)
        for name, records in lists.items():
            atlas._lists[name] = {r.id: r for r in records}
        atlas.views = dict(views)
        atlas.extra = dict(extra or {})
        return atlas

    # --- internals --------------------------------------------------------------------------

    def _list(self, collection: str) -> dict[str, Record]:
        try:
            return self._lists[collection]
        except KeyError:
            raise AtlasError(f"unknown collection {collection!r}") from None

    def _insert_node(self, record: NodeBase) -> None:
        self.graph.add_node(record.id, record=record)

    def _insert_edge(self, record: EdgeBase) -> None:
        self.graph.add_edge(record.source, record.target, key=record.id, record=record)
        self._edge_ends[record.id] = (record.source, record.target)

    def _check_edge(self, record: EdgeBase) -> None:
        for end in (record.source, record.target):
            if end not in self.graph:
                raise AtlasError(f"edge {record.id!r} refers to a node {end!r} that does not exist")
        if record.source == record.target:
            raise AtlasError("an edge joins two different nodes")

    def _check_list_refs(self, collection: str, record: Record) -> None:
        if collection == GOALS:
            missing = [n for n in record.node_ids if n not in self.graph]
        elif collection == ACTIONS:
            missing = [] if record.goal_id in self._lists[GOALS] else [record.goal_id]
            if record.who_id is not None and record.who_id not in self.graph:
                missing.append(record.who_id)
        elif collection == EVALUATIONS:
            missing = [] if record.goal_id in self._lists[GOALS] else [record.goal_id]
            if record.session_id is not None and record.session_id not in self._lists[SESSIONS]:
                missing.append(record.session_id)
        else:
            missing = []
        if missing:
            raise AtlasError(f"{collection[:-1]} {record.id!r} refers to unknown ids {missing}")

    def _emit(self, event: AtlasEvent) -> None:
        self.events.emit(event)
