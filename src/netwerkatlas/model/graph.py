"""The atlas's graph: a directed multigraph with the part of networkx's `MultiDiGraph` API the
model uses, in the same order (nodes as added; edges per node as added, as networkx keeps them).

The atlas used networkx only to hold its people and links; `import networkx` loads all of its
algorithms, a third of the program's start. A graph algorithm can still get a networkx graph:
`networkx.MultiDiGraph(graph.edges(keys=True, data=True))` plus `graph.nodes(data=True)`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

Node = Hashable
Data = dict[str, Any]


class NodeView:
    """`graph.nodes`: iterate, `in`, `len`, `[node]` (its data) and `(data=...)`."""

    def __init__(self, graph: MultiDiGraph) -> None:
        self._nodes = graph._node

    def __iter__(self) -> Iterator[Node]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, node: object) -> bool:
        return node in self._nodes

    def __getitem__(self, node: Node) -> Data:
        return self._nodes[node]

    def __call__(self, data: bool | str = False, default: Any = None) -> Iterator:
        if data is False:
            return iter(self._nodes)
        if data is True:
            return iter(self._nodes.items())
        return ((node, attrs.get(data, default)) for node, attrs in self._nodes.items())


class EdgeView:
    """`graph.edges`: `[u, v, key]` (its data), iterate (u, v, key), `(data=..., keys=...)`."""

    def __init__(self, graph: MultiDiGraph) -> None:
        self._succ = graph._succ

    def __getitem__(self, edge: tuple[Node, Node, Hashable]) -> Data:
        source, target, key = edge
        return self._succ[source][target][key]

    def __iter__(self) -> Iterator[tuple[Node, Node, Hashable]]:
        return self(keys=True)

    def __len__(self) -> int:
        return sum(len(keys) for targets in self._succ.values() for keys in targets.values())

    def __call__(self, data: bool | str = False, keys: bool = False, default: Any = None):
        for source, targets in self._succ.items():
            for target, keyed in targets.items():
                for key, attrs in keyed.items():
                    head = (source, target, key) if keys else (source, target)
                    if data is False:
                        yield head
                    elif data is True:
                        yield (*head, attrs)
                    else:
                        yield (*head, attrs.get(data, default))


class MultiDiGraph:
    """Nodes with data, and any number of keyed edges with data between two nodes."""

    def __init__(self) -> None:
        self._node: dict[Node, Data] = {}
        self._succ: dict[Node, dict[Node, dict[Hashable, Data]]] = {}
        self._pred: dict[Node, dict[Node, dict[Hashable, Data]]] = {}

    @property
    def nodes(self) -> NodeView:
        return NodeView(self)

    @property
    def edges(self) -> EdgeView:
        return EdgeView(self)

    def __contains__(self, node: object) -> bool:
        try:
            return node in self._node
        except TypeError:
            return False

    def __iter__(self) -> Iterator[Node]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def add_node(self, node: Node, **attrs: Any) -> None:
        if node not in self._node:
            self._succ[node] = {}
            self._pred[node] = {}
            self._node[node] = attrs
        else:
            self._node[node].update(attrs)

    def remove_node(self, node: Node) -> None:
        try:
            targets = self._succ[node]
        except KeyError:
            raise KeyError(f"no node {node!r}") from None
        del self._node[node]
        for target in targets:
            del self._pred[target][node]
        del self._succ[node]
        for source in self._pred[node]:
            del self._succ[source][node]
        del self._pred[node]

    def add_edge(self, source: Node, target: Node, key: Hashable, **attrs: Any) -> Hashable:
        for node in (source, target):
            if node not in self._node:
                self.add_node(node)
        keyed = self._succ[source].get(target)
        if keyed is None:
            keyed = self._succ[source][target] = self._pred[target][source] = {}
        keyed.setdefault(key, {}).update(attrs)
        return key

    def remove_edge(self, source: Node, target: Node, key: Hashable) -> None:
        try:
            keyed = self._succ[source][target]
            del keyed[key]
        except KeyError:
            raise KeyError(f"no edge {source!r} -> {target!r} with key {key!r}") from None
        if not keyed:
            del self._succ[source][target]
            del self._pred[target][source]

    def out_edges(self, node: Node, data: bool = False) -> Iterator[tuple]:
        for target, keyed in self._succ[node].items():
            for attrs in keyed.values():
                yield (node, target, attrs) if data else (node, target)

    def in_edges(self, node: Node, data: bool = False) -> Iterator[tuple]:
        for source, keyed in self._pred[node].items():
            for attrs in keyed.values():
                yield (source, node, attrs) if data else (source, node)

    def number_of_nodes(self) -> int:
        return len(self._node)

    def number_of_edges(self, source: Node | None = None, target: Node | None = None) -> int:
        if source is None:
            return len(self.edges)
        return len(self._succ.get(source, {}).get(target, {}))
