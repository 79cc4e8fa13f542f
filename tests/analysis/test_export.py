"""Exports other tools read: GEXF, GraphML, a GDELT-like CSV and JSON-LD, written and read back."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from rdflib import Dataset, Namespace

from kg.analysis.export import CSV_COLUMNS, write_network

GKG = Namespace("https://w3id.org/geokg/ontology#")


@pytest.mark.parametrize("suffix, read", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_sample_network_round_trips(graph, tmp_path, suffix, read):
    path = tmp_path / f"graph{suffix}"
    write_network(graph, path)
    back = read(path)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["country/RUS"]["label"] == "Russia"
    predicates = sorted(d["predicate"] for _, _, d in back.edges(data=True))
    assert predicates == sorted(d["predicate"] for _, _, d in graph.edges(data=True))
    evidence = {d["evidence"] for _, _, d in back.edges(data=True)}
    assert "Evidence sentence for c03: country/RUS attacks country/UKR." in evidence


@pytest.mark.parametrize("suffix, read", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_seed_network_round_trips(seed_kg, tmp_path, suffix, read):
    expected = seed_kg.to_networkx()
    path = seed_kg.export(tmp_path / f"seed{suffix}")
    assert path.stat().st_size > 0
    back = read(path)
    assert set(back.nodes) == set(expected.nodes)
    assert back.number_of_edges() == expected.number_of_edges() > 0
    labels = {d.get("label") for _, d in back.nodes(data=True)}
    assert {"Russia", "North Korea"} <= labels
    assert all(d.get("evidence") and d.get("modality") for _, _, d in back.edges(data=True))


def test_seed_claims_csv(seed_kg, tmp_path):
    path = seed_kg.export(tmp_path / "claims.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        header = reader.fieldnames
    for column in ("date", "source_actor", "source_country", "relation", "plover", "cameo", "target_actor",
                   "target_country", "modality", "confidence", "evidence", "url"):
        assert column in header
    assert header == CSV_COLUMNS
    claims = seed_kg.claims()
    assert len(rows) == len(claims) > 0
    for row in rows:
        assert row["relation"] and row["source_actor"] and row["target_actor"] and row["evidence"]
        assert row["modality"] in {"Asserted", "Hedged", "Negated", "Conditional"}
        assert 0.0 <= float(row["confidence"]) <= 1.0
    meets = [r for r in rows if r["relation"] == "meets"]
    assert meets and all(r["plover"] == "CONSULT" and r["cameo"] == "04" for r in meets)
    countries = {r["source_country"] for r in rows} | {r["target_country"] for r in rows}
    assert {"RUS", "PRK"} & countries


def test_seed_jsonld(seed_kg, tmp_path):
    path = seed_kg.export(tmp_path / "graph.jsonld")
    back = Dataset(default_union=True)
    back.parse(path, format="json-ld")
    claims = {s for s, _, _, _ in back.quads((None, GKG.modality, None, None))}
    assert {str(c).rsplit("/", 1)[-1] for c in claims} == {c.id for c in seed_kg.claims()}
    article_graphs = {str(g.identifier) for g in back.graphs() if "/article/" in str(g.identifier)}
    assert article_graphs and len(list(back.quads((None, GKG.evidence, None, None)))) == len(claims)
