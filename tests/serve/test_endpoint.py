"""The SPARQL 1.1 Protocol endpoint of ``kg serve``, spoken to over HTTP on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import re
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from rdflib import Graph

from kg import KnowledgeGraph
from kg.rdf.namespace import GKG, GKR
from kg.settings import Settings

KIM = str(GKR["person/kim-jong-un"])
PUTIN = str(GKR["person/vladimir-putin"])
MEETS = "SELECT ?a ?b WHERE { ?a gkg:meets ?b } ORDER BY ?a"
RESULTS = "{http://www.w3.org/2005/sparql-results#}"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=30) as http:
        yield http


def pairs(data: dict) -> list[tuple[str, str]]:
    return [(row["a"]["value"], row["b"]["value"]) for row in data["results"]["bindings"]]


def test_get_and_post_give_the_same_answer(read_only_server, client):
    url = f"{read_only_server.url}/sparql"
    by_get = client.get(url, params={"query": MEETS})
    by_form = client.post(url, data={"query": MEETS})
    by_body = client.post(url, content=MEETS.encode(), headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert pairs(by_get.json()) == pairs(by_form.json()) == pairs(by_body.json()) == [(KIM, PUTIN), (PUTIN, KIM)]


def test_select_results_in_xml_csv_and_tsv(read_only_server, client):
    url = f"{read_only_server.url}/sparql"
    xml = client.post(url, data={"query": MEETS}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(xml.content)
    assert [v.get("name") for v in root.iter(f"{RESULTS}variable")] == ["a", "b"]
    assert [u.text for u in root.iter(f"{RESULTS}uri")] == [KIM, PUTIN, PUTIN, KIM]

    table = client.post(url, data={"query": MEETS}, headers={"Accept": "text/csv"})
    assert table.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(table.text))) == [["a", "b"], [KIM, PUTIN], [PUTIN, KIM]]

    tsv = client.post(url, data={"query": MEETS}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.text.splitlines() == ["?a\t?b", f"<{KIM}>\t<{PUTIN}>", f"<{PUTIN}>\t<{KIM}>"]

    by_shortcut = client.get(url, params={"query": MEETS, "format": "csv"})
    assert by_shortcut.text == table.text

    ask = client.post(url, data={"query": "ASK { ?a gkg:meets ?b }"}, headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(ask.content).find(f"{RESULTS}boolean").text == "true"
    assert client.post(url, data={"query": "ASK { ?a gkg:meets ?a }"}).json() == {"head": {}, "boolean": False}


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/trig", "trig"), ("application/n-triples", "nt"), (None, "turtle")])
def test_construct_as_rdf(read_only_server, client, accept, fmt):
    headers = {"Accept": accept} if accept else {}
    response = client.post(f"{read_only_server.url}/sparql", data={"query": "CONSTRUCT { ?a gkg:meets ?b } WHERE { ?a gkg:meets ?b }"}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(accept or "text/turtle")
    graph = Graph().parse(data=response.text, format=fmt)
    assert {(str(s), str(o)) for s, p, o in graph if p == GKG.meets} == {(KIM, PUTIN), (PUTIN, KIM)}


def test_a_graph_cannot_come_as_a_table(read_only_server, client):
    response = client.post(f"{read_only_server.url}/sparql", data={"query": "CONSTRUCT WHERE { ?s gkg:meets ?o }"}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    assert "text/turtle" in response.text


def test_updates_are_refused_when_read_only(read_only_server, client):
    update = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 } }"
    for response in (
        client.post(f"{read_only_server.url}/sparql", data={"update": update}),
        client.post(f"{read_only_server.url}/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"}),
        client.post(f"{read_only_server.url}/update", data={"update": update}),
    ):
        assert response.status_code == 403, response.text
        assert "--allow-update" in response.text
    assert client.post(f"{read_only_server.url}/sparql", data={"query": "ASK { GRAPH <https://example.org/g> { ?s ?p ?o } }"}).json()["boolean"] is False


def test_updates_are_applied_with_allow_update(update_server, client):
    url = f"{update_server.url}/sparql"
    ask = "ASK { GRAPH <https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 } }"
    assert client.post(url, data={"query": ask}).json()["boolean"] is False
    response = client.post(url, data={"update": "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 } }"})
    assert response.status_code == 204, response.text
    assert client.post(url, data={"query": ask}).json()["boolean"] is True
    response = client.post(url, content=b"DROP GRAPH <https://example.org/g>", headers={"Content-Type": "application/sparql-update"})
    assert response.status_code == 204, response.text
    assert client.post(url, data={"query": ask}).json()["boolean"] is False
    assert client.post(url, data={"update": "INSERT DATA { <x:a> <x:b> "}).status_code == 400


def test_a_knowledge_graph_reads_and_writes_through_kg_serve(update_server):
    kg = KnowledgeGraph(update_server.url)
    try:
        assert kg.query("ASK { ?a gkg:meets ?b }").boolean
        rows = kg.named_query("meetings", actor="person/vladimir-putin")
        assert {str(r["other"]) for r in rows} == {KIM}
        kg.update('INSERT DATA { GRAPH <https://example.org/h> { <https://example.org/s> <https://example.org/p> "x" } }')
        assert kg.query("ASK { <https://example.org/s> ?p ?o }").boolean
        kg.update("DROP GRAPH <https://example.org/h>")
    finally:
        kg.close()


def test_service_is_refused_but_the_word_in_a_literal_is_not(read_only_server, client):
    url = f"{read_only_server.url}/sparql"
    response = client.post(url, data={"query": "SELECT * WHERE { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert response.status_code == 400
    assert "SERVICE" in response.text and "not allowed" in response.text
    innocent = 'SELECT ?c WHERE { ?c gkg:evidence ?e FILTER(CONTAINS(STR(?e), "SERVICE <http://x> { }")) } # LOAD <http://x>'
    assert client.post(url, data={"query": innocent}).status_code == 200


def test_load_is_refused_even_when_updates_are_allowed(update_server, client):
    for text in ("LOAD <http://127.0.0.1:9/data.ttl>", "load silent <http://127.0.0.1:9/x> INTO GRAPH <https://example.org/g>"):
        response = client.post(f"{update_server.url}/sparql", data={"update": text})
        assert response.status_code == 400
        assert "LOAD" in response.text and "not allowed" in response.text


def test_a_runaway_query_is_stopped_at_the_time_limit(read_only_server, client):
    started = time.monotonic()
    response = client.post(f"{read_only_server.url}/sparql", data={"query": CROSS_JOIN})
    elapsed = time.monotonic() - started
    assert response.status_code == 503, response.text
    assert "time limit of 1 s" in response.text
    assert elapsed < 5
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        again = client.post(f"{read_only_server.url}/sparql", data={"query": "ASK { ?a gkg:meets ?b }"})
        if again.status_code == 200:
            break
        time.sleep(0.2)
    assert again.status_code == 200 and again.json()["boolean"] is True


def test_the_result_cap(read_only_server, client):
    url = f"{read_only_server.url}/sparql"
    response = client.post(url, data={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 50
    assert response.headers["x-result-truncated"] == "true"
    assert response.headers["x-result-limit"] == "50"
    graph = client.post(url, data={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=graph.text, format="nt")) == 50
    assert graph.headers["x-result-truncated"] == "true"
    small = client.post(url, data={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"})
    assert len(small.json()["results"]["bindings"]) == 50
    assert "x-result-truncated" not in small.headers


def test_the_request_size_limit(read_only_server, client):
    limit = Settings().max_request_bytes
    assert limit == 1_000_000
    padding = "#" + "x" * 1000 + "\n"
    fits = padding * ((limit - 1000) // len(padding)) + "ASK {}"
    assert client.post(f"{read_only_server.url}/sparql", content=fits.encode(), headers={"Content-Type": "application/sparql-query"}).status_code == 200
    too_big = padding * (limit // len(padding) + 10) + "ASK {}"
    response = client.post(f"{read_only_server.url}/sparql", content=too_big.encode(), headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413
    assert "limit of 1,000,000 bytes" in response.text
    form = client.post(f"{read_only_server.url}/sparql", data={"query": too_big})
    assert form.status_code == 413


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"method": "GET", "params": {}}, 400),
        ({"method": "POST", "data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
        ({"method": "POST", "content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"method": "GET", "params": {"query": "ASK {}", "default-graph-uri": "https://example.org/g"}}, 400),
        ({"method": "GET", "params": {"query": "ASK {}", "format": "pdf"}}, 406),
        ({"method": "GET", "params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}}, 406),
        ({"method": "GET", "params": {"query": "SELEC ?x"}}, 400),
        ({"method": "GET", "params": {"update": "CLEAR ALL"}}, 400),
    ],
)
def test_bad_requests_get_a_clear_error(read_only_server, client, request_kwargs, status):
    kwargs = dict(request_kwargs)
    response = client.request(kwargs.pop("method"), f"{read_only_server.url}/sparql", **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text.strip() and "\n" not in response.text.strip()


def test_the_query_page_works_offline_and_its_examples_run(read_only_server, client):
    page = client.get(f"{read_only_server.url}/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    references = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert references and all(ref.startswith("/static/") for ref in references)
    script = client.get(f"{read_only_server.url}/static/page.js").text
    assert "textContent" in script
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", script)
    fetched = re.findall(r"fetch\(\s*([^,)]+)", script)
    assert fetched and all(target.strip().startswith('"/') for target in fetched)
    examples = client.get(f"{read_only_server.url}/named").json()
    assert {e["name"] for e in examples} == {"meetings", "arms_transfers", "sanctions_by", "unconfirmed_about", "timeline", "active_pairs"}
    for example in examples:
        response = client.post(f"{read_only_server.url}/sparql", data={"query": example["example"]})
        assert response.status_code == 200, (example["name"], response.text)
        assert response.json()["results"]["bindings"], example["name"]
    assert client.get(f"{read_only_server.url}/static/../app.py").status_code == 404


def test_json_results_keep_language_and_datatype(read_only_server, client):
    query = 'SELECT ?label ?n WHERE { ?c gkg:iso3 "RUS" ; rdfs:label ?label . BIND(42 AS ?n) FILTER(LANG(?label) = "fr") }'
    data = client.post(f"{read_only_server.url}/sparql", data={"query": query}).json()
    row = data["results"]["bindings"][0]
    assert row["label"] == {"type": "literal", "value": "Russie", "xml:lang": "fr"}
    assert row["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert json.loads(json.dumps(data)) == data


def test_a_read_only_server_sees_articles_written_meanwhile(read_only_server, client):
    graph = "https://example.org/written-meanwhile"
    ask = f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    url = f"{read_only_server.url}/sparql"
    assert client.post(url, data={"query": ask}).json()["boolean"] is False
    store = read_only_server.store
    writer = KnowledgeGraph(str(store))
    try:
        writer.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <https://example.org/s> <https://example.org/p> "new" }} }}')
        for _ in range(4):
            assert client.post(url, data={"query": ask}).json()["boolean"] is True
        writer.update(f"DROP GRAPH <{graph}>")
        assert client.post(url, data={"query": ask}).json()["boolean"] is False
    finally:
        writer.close()


def test_other_origins_and_rebound_hosts_are_refused(update_server, client):
    url = f"{update_server.url}/sparql"
    drop = {"update": "DROP ALL"}
    cross = client.post(url, data=drop, headers={"Origin": "https://attacker.example"})
    assert cross.status_code == 403 and "another origin" in cross.text
    rebound = client.post(url, data=drop, headers={"Host": f"attacker.example:{update_server.port}", "Origin": f"http://attacker.example:{update_server.port}"})
    assert rebound.status_code == 403 and "127.0.0.1 or localhost" in rebound.text
    same = client.post(url, data={"query": "ASK { ?a gkg:meets ?b }"}, headers={"Origin": update_server.url})
    assert same.status_code == 200 and same.json()["boolean"] is True
    by_name = client.get(url, params={"query": "ASK {}"}, headers={"Host": f"localhost:{update_server.port}"})
    assert by_name.status_code == 200
