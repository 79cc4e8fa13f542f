"""Article text is data: it reaches SPARQL only as escaped terms and IRIs stay in ``gkr:``."""

from __future__ import annotations

import re

import pytest
from rdflib import XSD, Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.rdf.bindings import prebind
from kg.rdf.convert import ENTITIES_GRAPH, entity_iri
from kg.rdf.namespace import GKG, GKR
from kg.rdf.store import MemoryStore, OxigraphStore
from kg.resolve.iri import mint_key, slugify

HOSTILE = [
    '"""',
    "'''",
    '"',
    "\\",
    "ends with a backslash \\",
    'ends with a quote "',
    "} } ; DROP ALL ; INSERT DATA {",
    '" } } ; DROP ALL ; INSERT DATA { <x:a> <x:b> "',
    '""" } } ; DROP ALL ; #',
    "\\\"\"\" } } ; CLEAR ALL ;",
    "line one\nline two\r\nline three\rend",
    "".join(chr(c) for c in range(1, 32)) + "\x7f" + "".join(chr(c) for c in range(0x80, 0xA0)),
    "\\u0022 } ; DROP ALL ; \\U00000022",
    "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    "\u2028\u2029\ufeff\u200b\u202e RTL \u05e9\u05dc\u05d5\u05dd e\u0301\u0301\u0301 🇫🇷👩‍👩‍👧",
    "GRAPH <https://w3id.org/geokg/resource/graph/entities> { ?s ?p ?o }",
    "x" * 20_000,
]
ARTICLE = GKR["article/0123456789abcdef"]
OTHER = GKR["article/fedcba9876543210"]


@pytest.fixture(params=["oxigraph", "memory"])
def store(request):
    store = OxigraphStore() if request.param == "oxigraph" else MemoryStore()
    store.ensure_ontology()
    sentinel = [
        (OTHER, GKG.sha256, Literal("sentinel"), OTHER),
        (GKR["country/FRA"], GKG.iso3, Literal("FRA"), ENTITIES_GRAPH),
    ]
    store.replace_graph(OTHER, sentinel[:1], sentinel[1:])
    return store


def _plain(term):
    """RDF 1.1 simple literals are xsd:string; stores differ in how they return them."""
    if isinstance(term, Literal) and term.language is None and term.datatype is None:
        return Literal(str(term), datatype=XSD.string)
    return term


def _quads(store) -> set:
    return {
        (s, p, _plain(o), g.identifier if hasattr(g, "identifier") else g)
        for s, p, o, g in store.dataset.quads((None, None, None, None))
    }


def _graph(quads: set, graph) -> set:
    return {q for q in quads if q[3] == graph}


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_literals_round_trip_and_change_nothing_else(store, text):
    before = _quads(store)
    claim = GKR["claim/c1"]
    quads = [
        (claim, GKG.evidence, Literal(text, lang="fr"), ARTICLE),
        (claim, GKG.rule, Literal(text), ARTICLE),
        (ARTICLE, URIRef("https://schema.org/url"), Literal("https://x.example/" + text, datatype=XSD.anyURI), ARTICLE),
    ]
    shared = [(GKR["person/x"], URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal(text), ENTITIES_GRAPH)]
    store.replace_graph(ARTICLE, quads, shared)
    after = _quads(store)
    quads = [(s, p, _plain(o), g) for s, p, o, g in quads]
    shared = [(s, p, _plain(o), g) for s, p, o, g in shared]
    assert _graph(after, ARTICLE) == set(quads)
    assert after - before == set(quads) | set(shared)
    assert before <= after
    rows = store.query("SELECT ?g ?e WHERE { GRAPH ?g { ?c gkg:evidence ?e } }", {"g": ARTICLE})
    (row,) = list(rows)
    assert str(row["e"]) == text and row["e"].language == "fr"


def test_lone_surrogates_are_refused_by_the_store_and_nothing_is_written():
    store = OxigraphStore()
    store.ensure_ontology()
    before = _quads(store)
    with pytest.raises(StoreError, match="cannot write graph"):
        store.replace_graph(ARTICLE, [(ARTICLE, GKG.sha256, Literal("ok"), ARTICLE), (ARTICLE, GKG.rule, Literal("a\ud800b"), ARTICLE)], [])
    assert _quads(store) == before


def test_an_iri_that_could_close_its_brackets_is_refused():
    store = OxigraphStore()
    store.ensure_ontology()
    before = _quads(store)
    evil = URIRef("https://x.example/a> } } ; DROP ALL ; INSERT DATA { <x:a")
    with pytest.raises(StoreError):
        store.replace_graph(ARTICLE, [(ARTICLE, GKG.sha256, Literal("ok"), ARTICLE), (ARTICLE, GKG.location, evil, ARTICLE)], [])
    assert _quads(store) == before


@pytest.mark.parametrize("text", HOSTILE[:10], ids=range(10))
def test_bound_query_values_are_terms_not_text(store, text):
    store.replace_graph(ARTICLE, [(GKR["claim/c1"], GKG.evidence, Literal(text), ARTICLE)], [])
    before = _quads(store)
    sparql = "SELECT ?c WHERE { ?c gkg:evidence ?e FILTER(STR(?e) = ?needle) }"
    rows = store.query(sparql, {"needle": Literal(text)})
    assert [str(r["c"]) for r in rows] == [str(GKR["claim/c1"])]
    assert not store.query("ASK { ?c gkg:evidence ?e FILTER(STR(?e) = ?needle) }", {"needle": Literal(text + "!")}).boolean
    assert _quads(store) == before


def test_prebind_finds_the_where_group_past_strings_iris_comments_and_templates():
    term = {"v": Literal("} {")}
    cases = {
        'SELECT ?x WHERE { ?x ?p "{ not a group }" }': 'SELECT ?x WHERE { VALUES',
        "PREFIX a: <http://x/{}> # { comment\nSELECT ?x { ?x a:p ?v }": "SELECT ?x { VALUES",
        "CONSTRUCT { ?s ?p ?v } WHERE { ?s ?p ?o }": "WHERE { VALUES",
        "ask { ?s ?p ?v }": "ask { VALUES",
        "SELECT (CONCAT('{', ?v) AS ?y) WHERE { ?s ?p ?o }": "WHERE { VALUES",
    }
    for sparql, expected in cases.items():
        assert expected in prebind(sparql, term), sparql
    with pytest.raises(QueryError):
        prebind("SELECT ?x WHERE { ?x ?p ?o }", {"v } DROP ALL": Literal("x")})
    with pytest.raises(QueryError):
        prebind("SELECT ?x WHERE { ?x ?p ?o }", {"v": URIRef("http://x> } DROP ALL { <y")})


NAMES = [
    "../../x",
    "../../../etc/passwd",
    "a>b",
    "x y#z",
    "a?b=c&d",
    "<script>",
    "%2e%2e/%2F",
    "Kim Jong-un",
    "Sergueï Lavrov",
    "Владимир Путин",
    "金正恩",
    "محمد بن سلمان",
    "👩‍🚀",
    "\u202eevil\u202c",
    "e\u0301" * 50,
    "",
    ".",
    "/",
    "\x00\x01\n\t",
    "x" * 10_000,
    "ab" * 5_000 + "/../../",
]
_SAFE_IRI = re.compile(r"https://w3id\.org/geokg/resource/[A-Za-z0-9\-._~%/]+")


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_iris_from_names_are_percent_encoded_and_stay_in_the_namespace(name):
    for cls, prefix in (("Person", "person/"), ("Country", "country/"), ("Weapon", "weapon/")):
        key = mint_key(cls, name)
        iri = entity_iri(key)
        assert _SAFE_IRI.fullmatch(str(iri)), iri
        assert str(iri).startswith(str(GKR) + prefix)
        assert len(str(iri)) < len(str(GKR)) + 1000
        assert iri.n3() == f"<{iri}>"
    raw = entity_iri(name)
    assert _SAFE_IRI.fullmatch(str(raw)), raw
    assert "/../" not in str(raw) and not str(raw).endswith("/..")


def test_names_in_other_scripts_keep_distinct_keys():
    assert len({slugify(n) for n in ("Владимир Путин", "金正恩", "محمد بن سلمان", "Kim Jong-un")}) == 4
    assert slugify("x" * 10_000) == "x" * 80
