"""``KnowledgeGraph("http://...")`` on a real Oxigraph server holds the graph the embedded store holds."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from rdflib import XSD, Literal

from kg import KnowledgeGraph
from kg.errors import QueryError, StoreError
from kg.rdf.namespace import GKG, GKR
from kg.rdf.remote import SparqlStore

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
KIM = GKR["person/kim-jong-un"]
PUTIN = GKR["person/vladimir-putin"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def remote(server):
    kg = KnowledgeGraph(server)
    report = kg.ingest(SEEDS)
    assert report.ok, report.errors
    assert report.articles == len(list(SEEDS.glob("*.txt")))
    yield kg
    kg.close()


def _plain(term):
    """RDF 1.1 simple literals are xsd:string; stores differ in how they return them."""
    if isinstance(term, Literal) and term.language is None and term.datatype is None:
        return Literal(str(term), datatype=XSD.string)
    return term


def comparable(row: dict) -> dict:
    """A row with plain literals typed and GROUP_CONCAT lists (whose order is unspecified) sorted."""
    out = {k: _plain(v) for k, v in row.items()}
    if "relations" in out:
        out["relations"] = sorted(str(out["relations"]).split())
    return out


def embedded_quads(kg) -> set:
    return {(s, p, _plain(o), g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in kg.dataset.quads((None, None, None, None))}


def remote_quads(kg) -> set:
    return {(s, p, _plain(o), g) for s, p, o, g in kg.store.quads()}


def test_the_seed_gives_the_same_quads_as_the_embedded_store(remote, seed_kg):
    assert remote_quads(remote) == embedded_quads(seed_kg)
    assert remote.stats() == seed_kg.stats()


def test_the_meeting_fact_and_its_claims_read_back(remote, seed_kg):
    assert remote.query("ASK { ?kim gkg:meets ?putin }", kim=KIM, putin=PUTIN).boolean
    assert remote.query("SELECT ?who WHERE { ?who gkg:meets ?putin }", putin=PUTIN).values("who") == [str(KIM)]
    assert remote.claims(predicate="meets") == seed_kg.claims(predicate="meets")
    assert remote.entities() == seed_kg.entities()


def test_named_queries_answer_as_on_the_embedded_store(remote, seed_kg):
    for name, params in [("meetings", {"actor": "person/vladimir-putin"}), ("active_pairs", {}), ("unconfirmed_about", {"actor": "country/PRK"})]:
        here, there = seed_kg.named_query(name, **params), remote.named_query(name, **params)
        assert there.vars == here.vars
        assert [comparable(row) for row in there] == [comparable(row) for row in here]


def test_ingesting_again_changes_nothing(remote):
    before = remote_quads(remote)
    assert remote.ingest(SEEDS).skipped == 1
    report = remote.ingest(SEEDS, force=True)
    assert report.ok and report.articles == 1
    assert remote_quads(remote) == before


def test_construct_results_are_graphs(remote):
    rows = remote.query("CONSTRUCT { ?a gkg:meets ?b } WHERE { ?a gkg:meets ?b }")
    assert set(rows.graph) == {(KIM, GKG.meets, PUTIN), (PUTIN, GKG.meets, KIM)}


def test_hostile_text_round_trips_and_the_graph_is_dropped(remote):
    graph = GKR["article/hostile"]
    text = '" } } ; DROP ALL ; INSERT DATA { <x:a> <x:b> "\n\\ """ \u2028'
    remote.store.replace_graph(graph, [(graph, GKG.evidence, Literal(text, lang="fr"), graph)], [])
    assert remote.query("SELECT ?e WHERE { GRAPH ?g { ?g gkg:evidence ?e } }", g=graph).values("e") == [text]
    remote.store.remove_graph(graph)
    assert str(graph) not in remote.store.graph_names()
    assert remote.stats()["claims"] > 0


def test_export_then_load_into_another_store(remote, tmp_path):
    target = remote.export(tmp_path / "graph.trig")
    copy = KnowledgeGraph()
    copy.load(target)
    assert embedded_quads(copy) == remote_quads(remote)
    turtle = remote.export(tmp_path / "graph.ttl")
    assert "gkg:meets" in turtle.read_text(encoding="utf-8")


@pytest.mark.parametrize("protocol", ["graph store", "insert data"])
def test_load_keeps_blank_nodes_joined(server, tmp_path, protocol):
    source = tmp_path / "extra.trig"
    source.write_text(
        '<https://example.org/g> { <https://example.org/s> <https://example.org/p> "v"@en , _:b . _:b <https://example.org/p> "w" . }\n',
        encoding="utf-8",
    )
    store = SparqlStore(server)
    if protocol == "insert data":
        store.store_endpoint = None
    store.load(source, "trig")
    rows = store.query("SELECT ?w WHERE { GRAPH <https://example.org/g> { <https://example.org/s> ?p ?b . ?b ?p ?w } }")
    assert [str(w) for w in rows.values("w")] == ["w"]
    store.update("DROP GRAPH <https://example.org/g>")
    store.close()


def test_read_only_and_errors(server, free_port):
    store = SparqlStore(server, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.update("CLEAR ALL")
    with pytest.raises(QueryError, match="SPARQL query failed"):
        store.query("SELEC ?x WHERE {}")
    store.close()
    nobody = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        KnowledgeGraph(nobody)
    only_query = SparqlStore(query_endpoint=f"{server}/query?union-default-graph")
    assert only_query.read_only
    assert only_query.query("ASK { ?a gkg:meets ?b }").boolean
    only_query.close()
