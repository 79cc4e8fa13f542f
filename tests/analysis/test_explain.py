"""Chains of claims between two actors."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import explain


def test_shortest_chain_with_evidence(graph):
    chains = explain(graph, "Kim Jong-un", "Ukraine", max_paths=5)
    assert chains
    assert chains[0]["length"] == 3
    assert [c["length"] for c in chains] == sorted(c["length"] for c in chains)
    assert len({tuple(c["actors"]) for c in chains}) == len(chains)
    for chain in chains:
        assert chain["actors"][0] == "person/kim-jong-un" and chain["actors"][-1] == "country/UKR"
        assert chain["labels"][0] == "Kim Jong-un" and chain["labels"][-1] == "Ukraine"
        assert chain["text"].startswith("Kim Jong-un ") and chain["text"].endswith(" Ukraine")
        for step, (u, v) in zip(chain["steps"], zip(chain["actors"], chain["actors"][1:])):
            assert (step["source"], step["target"]) == (u, v)
            assert step["claims"], step
            for claim in step["claims"]:
                assert {claim["subject"], claim["object"]} == {u, v}
                assert claim["evidence"].startswith("Evidence sentence for ")
                assert claim["modality"] != "Negated"


def test_step_lists_every_claim_strongest_first(graph):
    chain = explain(graph, "Kim Jong-un", "Vladimir Putin")[0]
    assert chain["length"] == 1
    claims = chain["steps"][0]["claims"]
    assert [c["claim"] for c in claims] == ["c01", "c02"]
    assert claims[0]["headline"] == "Kim and Putin meet in the Russian Far East"
    assert chain["text"] == "Kim Jong-un —meets→ Vladimir Putin"


def test_reversed_claims_read_backwards(graph):
    chain = explain(graph, "Ukraine", "Russia")[0]
    assert chain["text"] == "Ukraine ←attacks— Russia"


def test_denied_claims_link_nobody_unless_weighted():
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="c1", predicate="meets", modality="Negated", evidence="A did not meet B.")
    assert explain(graph, "a", "b") == []
    chains = explain(graph, "a", "b", modality_weights={"Negated": 1.0})
    assert chains[0]["steps"][0]["claims"][0]["evidence"] == "A did not meet B."


def test_max_length_and_same_actor(graph):
    assert explain(graph, "Kim Jong-un", "Ukraine", max_length=2) == []
    assert explain(graph, "Russia", "RUS") == []
    with pytest.raises(KeyError):
        explain(graph, "Russia", "Atlantis")
