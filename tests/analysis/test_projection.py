"""Filters, the weighted actor network, ego networks, claim tables."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from kg.analysis import (
    MODALITY_WEIGHTS,
    actor_network,
    claims_frame,
    ego_network,
    filter_claims,
    find_actor,
    to_networkx,
)

KIM, PUTIN, RUS, USA, UKR, PRK = (
    "person/kim-jong-un", "person/vladimir-putin", "country/RUS", "country/USA", "country/UKR", "country/PRK",
)


def test_to_networkx_keeps_every_claim_with_its_article(graph, sample):
    assert graph.number_of_edges() == len(sample.CLAIMS)
    edge = graph.edges[KIM, PUTIN, "c01"]
    assert edge["headline"] == "Kim and Putin meet in the Russian Far East"
    assert edge["url"] == "https://news.example/a1"
    assert edge["published"] == "2023-09-14"
    assert edge["event_date"] == "2023-09-13"
    assert graph.nodes[KIM] == {"label": "Kim Jong-un", "type": "Person", "country": PRK, "iso3": None}


def test_to_networkx_without_articles_has_empty_article_fields(claims):
    edge = to_networkx(claims).edges[KIM, PUTIN, "c01"]
    assert edge["headline"] is None and edge["url"] is None


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"relations": ["meets"]}, {"c01", "c02", "c13"}),
        ({"modalities": ["Hedged", "Conditional"]}, {"c02", "c07", "c08"}),
        ({"min_confidence": 0.9}, {"c01", "c03", "c11", "c12"}),
        ({"start": "2024-01-01", "keep_undated": False}, {"c03", "c04", "c09", "c10"}),
        ({"start": date(2023, 1, 1), "end": date(2023, 12, 31), "keep_undated": False}, {"c01", "c14"}),
        ({"relations": ["attacks"], "start": "2030-01-01"}, set()),
        ({"relations": ["leaderOf"], "end": "2000-01-01"}, {"c11", "c12"}),
    ],
)
def test_filter_claims(graph, filters, expected):
    kept = filter_claims(graph, **filters)
    assert {key for _, _, key in kept.edges(keys=True)} == expected
    assert set(kept.nodes) == {n for u, v in kept.edges() for n in (u, v)}
    for node in kept:
        assert kept.nodes[node] == graph.nodes[node]


def test_filter_claims_leaves_the_input_alone(graph):
    before = graph.number_of_edges()
    filter_claims(graph, relations=["meets"])
    assert graph.number_of_edges() == before


def test_actor_network_weights_claims_by_modality(graph):
    net = actor_network(graph)
    assert isinstance(net, nx.Graph) and not net.is_directed()
    assert set(net.nodes) == set(graph.nodes)
    assert net[KIM][PUTIN]["weight"] == pytest.approx(MODALITY_WEIGHTS["Asserted"] + MODALITY_WEIGHTS["Hedged"])
    assert net[KIM][PUTIN]["claims"] == 2
    assert net[KIM][PUTIN]["relations"] == {"meets": 2}
    # the denied meeting counts for nothing; the sanction does
    assert net[USA][RUS]["weight"] == 1.0 and net[USA][RUS]["relations"] == {"sanctions": 1}
    assert net[PRK][RUS]["weight"] == pytest.approx(0.5 + 0.25)


def test_actor_network_weights_are_configurable(graph):
    net = actor_network(graph, modality_weights={"Asserted": 1, "Negated": 1}, relation_weights={"sanctions": 0})
    assert net[USA][RUS]["relations"] == {"meets": 1}
    assert not net.has_edge(PRK, RUS)
    scaled = actor_network(graph, use_confidence=True)
    assert scaled[KIM][PUTIN]["weight"] == pytest.approx(0.9 + 0.5 * 0.6)


def test_actor_network_directed(graph):
    net = actor_network(graph, directed=True)
    assert net.is_directed()
    assert net[KIM][PUTIN]["weight"] == 1.0 and net[PUTIN][KIM]["weight"] == 0.5
    assert not net.has_edge(UKR, RUS)


def test_find_actor_by_key_label_or_code(graph):
    assert find_actor(graph, KIM) == KIM
    assert find_actor(graph, "kim jong-un") == KIM
    assert find_actor(graph, "ukr") == UKR
    assert find_actor(graph, "united-nations") == "organization/united-nations"
    with pytest.raises(KeyError, match="did you mean"):
        find_actor(graph, "Kim")
    with pytest.raises(KeyError, match="no actor"):
        find_actor(graph, "Atlantis")


def test_ego_network(graph):
    one = ego_network(graph, "Kim Jong-un")
    assert set(one.nodes) == {KIM, PUTIN, PRK}
    assert {k for _, _, k in one.edges(keys=True)} == {"c01", "c02", "c11"}
    two = ego_network(graph, "Kim Jong-un", radius=2)
    assert {RUS, USA, "organization/united-nations"} <= set(two.nodes)
    assert two.nodes[KIM] == graph.nodes[KIM]


def test_claims_frame(graph, sample):
    frame = claims_frame(graph)
    assert len(frame) == len(sample.CLAIMS)
    assert {"subject_label", "predicate", "object_label", "modality", "evidence", "headline", "url"} <= set(frame.columns)
    dated = frame["event_date"].dropna().tolist()
    assert dated == sorted(dated) and frame["event_date"].iloc[0] == "2023-09-13"
    assert frame["event_date"].iloc[len(dated):].isna().all()
    row = frame.set_index("claim").loc["c03"]
    assert (row["subject_label"], row["object_label"], row["headline"]) == ("Russia", "Ukraine", "Two years of war in Ukraine")


def test_empty_graph():
    empty = nx.MultiDiGraph()
    assert actor_network(empty).number_of_nodes() == 0
    assert filter_claims(empty, relations=["meets"]).number_of_edges() == 0
    assert claims_frame(empty).empty
