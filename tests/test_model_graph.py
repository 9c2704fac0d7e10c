"""The atlas's own graph answers as networkx's MultiDiGraph did, in the same order: files list
people and links in that order, so a save after any edits must not change because of the graph."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from netwerkatlas.model.graph import MultiDiGraph

NODES = ["a", "b", "c", "d"]
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add_node"), st.sampled_from(NODES)),
        st.tuples(st.just("remove_node"), st.sampled_from(NODES)),
        st.tuples(
            st.just("add_edge"),
            st.sampled_from(NODES),
            st.sampled_from(NODES),
            st.sampled_from(["e1", "e2", "e3"]),
        ),
        st.tuples(
            st.just("remove_edge"),
            st.sampled_from(NODES),
            st.sampled_from(NODES),
            st.sampled_from(["e1", "e2", "e3"]),
        ),
    ),
    max_size=40,
)


def apply(graph, operation) -> str:
    name, *args = operation
    try:
        if name == "add_node":
            graph.add_node(args[0], record=f"node {args[0]}")
        elif name == "add_edge":
            source, target, key = args
            graph.add_edge(source, target, key=key, record=f"{source}{target}{key}")
        elif name == "remove_edge":
            source, target, key = args
            graph.remove_edge(source, target, key=key)
        else:
            graph.remove_node(args[0])
    except (KeyError, nx.NetworkXError):
        return "refused"
    return "done"


def seen(graph) -> tuple:
    return (
        list(graph.nodes),
        list(graph.nodes(data="record")),
        list(graph.edges(keys=True)),
        list(graph.edges(data="record")),
        [list(graph.out_edges(n, data=True)) for n in graph.nodes],
        [list(graph.in_edges(n, data=True)) for n in graph.nodes],
        graph.number_of_nodes(),
        graph.number_of_edges(),
        [graph.number_of_edges(u, v) for u in graph.nodes for v in graph.nodes],
        [n in graph for n in [*NODES, "z"]],
    )


@given(operations)
def test_the_graph_answers_as_networkx_in_the_same_order(steps):
    ours, theirs = MultiDiGraph(), nx.MultiDiGraph()
    for step in steps:
        assert apply(ours, step) == apply(theirs, step), step
        assert seen(ours) == seen(theirs)


def test_an_edge_is_found_by_its_ends_and_key():
    graph = MultiDiGraph()
    graph.add_edge("a", "b", key="e1", record=1)
    graph.add_edge("a", "b", key="e2", record=2)
    assert graph.edges["a", "b", "e2"]["record"] == 2
    assert graph.nodes["a"] == {}
    assert [] not in graph  # an unhashable value is simply not there
