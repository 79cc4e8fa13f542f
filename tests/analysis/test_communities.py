"""Communities by modularity."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import communities


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_every_actor_in_one_community(graph, method):
    table = communities(graph, method=method)
    assert set(table.index) == set(graph.nodes)
    assert list(table.columns) == ["community", "size", "label", "type"]
    sizes = table.groupby("community").size()
    assert list(sizes.index) == list(range(len(sizes)))
    assert sizes.is_monotonic_decreasing
    assert (table["size"] == table["community"].map(sizes)).all()


def test_two_cliques_are_found():
    graph = nx.MultiDiGraph()
    for group in ("abcd", "wxyz"):
        for i, u in enumerate(group):
            for v in group[i + 1:]:
                graph.add_edge(u, v, predicate="meets", modality="Asserted")
    graph.add_edge("a", "w", predicate="meets", modality="Hedged")
    for method in ("louvain", "greedy"):
        table = communities(graph, method=method)
        found = sorted("".join(sorted(members)) for members in table.groupby("community").groups.values())
        assert found == ["abcd", "wxyz"]


def test_louvain_is_reproducible(graph):
    assert communities(graph, seed=7).equals(communities(graph, seed=7))


def test_bad_method_and_empty_graph(graph):
    with pytest.raises(ValueError, match="louvain"):
        communities(graph, method="spectral")
    assert communities(nx.MultiDiGraph()).empty
