"""Degree, PageRank and betweenness."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kg.analysis import actor_network, centrality, pagerank

COLUMNS = ["label", "type", "claims", "degree", "weighted_degree", "pagerank", "betweenness"]


def test_centrality_table(graph):
    table = centrality(graph)
    assert list(table.columns) == COLUMNS
    assert set(table.index) == set(graph.nodes)
    assert table.index[0] == "country/RUS"
    assert table["pagerank"].is_monotonic_decreasing
    assert table["pagerank"].sum() == pytest.approx(1.0)
    russia = table.loc["country/RUS"]
    assert russia["label"] == "Russia" and russia["claims"] == 7
    # every neighbour but the United States, whose only tie to Russia besides the sanction is denied
    assert russia["degree"] == 5
    assert table.loc["organization/united-nations", "betweenness"] == 0.0
    assert table["betweenness"].idxmax() == "country/RUS"


def test_centrality_accepts_a_projected_network(graph):
    net = actor_network(graph, modality_weights={"Asserted": 1.0})
    table = centrality(net)
    assert (table["claims"] == 0).all()
    assert table.loc["person/kim-jong-un", "weighted_degree"] == 2.0


def test_pagerank_handles_edge_cases():
    assert pagerank(nx.MultiDiGraph()) == {}
    lonely = nx.MultiDiGraph()
    lonely.add_nodes_from("ab")
    assert pagerank(lonely) == {"a": 0.5, "b": 0.5}


def test_betweenness_is_sampled_on_large_graphs():
    rnd = random.Random(1)
    graph = nx.MultiDiGraph()
    for n in range(1500):
        graph.add_edge(f"a{rnd.randrange(1500)}", f"a{rnd.randrange(1500)}", predicate="meets", modality="Asserted")
    first = centrality(graph, exact_up_to=500)
    again = centrality(graph, exact_up_to=500)
    assert first["betweenness"].equals(again["betweenness"])
    assert first["betweenness"].max() > 0
    explicit = centrality(graph, k=20, seed=3)
    assert explicit["betweenness"].max() > 0
