"""``kg serve`` as a real process: read-only, no network access, loopback, bounded requests and answers."""

from __future__ import annotations

import socket
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store holding the ontology graph (several hundred triples) and one small article."""
    from kg import KnowledgeGraph

    path = tmp_path_factory.mktemp("serve") / "store"
    with KnowledgeGraph(path) as kg:
        kg.update('INSERT DATA { GRAPH gkr:article\\/x { gkr:article\\/x gkg:sha256 "x" } }')
    return path


@pytest.fixture(scope="module")
def default_server(serve, store):
    with serve(store, "--workers", "1") as server:
        yield server


@pytest.fixture(scope="module")
def tight_server(serve, store):
    with serve(store, "--workers", "1", "--timeout", "1", "--max-results", "50", "--max-request-bytes", "20000") as server:
        yield server


def _count(base: str) -> int:
    response = httpx.get(f"{base}/sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port``, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, _remote, state = line.split()[1:4]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def _outward_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_binds_to_loopback_by_default(default_server):
    port = default_server.port
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to read the listening address from")
    assert _listening_addresses(port) == {"0100007F"}, "kg serve should listen on 127.0.0.1 only"
    outward = _outward_address()
    if outward is not None:
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://{outward}:{port}/health", timeout=3)


def test_defaults_are_read_only_with_limits(default_server):
    base = default_server.url
    health = httpx.get(f"{base}/health", timeout=10).json()
    assert health["read_only"] is True
    assert health["timeout_s"] == 30 and health["max_results"] == 10_000


@pytest.mark.parametrize(
    "send",
    [
        lambda base, text: httpx.post(f"{base}/sparql", data={"update": text}, timeout=30),
        lambda base, text: httpx.post(f"{base}/sparql", content=text, headers={"Content-Type": "application/sparql-update"}, timeout=30),
        lambda base, text: httpx.post(f"{base}/update", data={"update": text}, timeout=30),
        lambda base, text: httpx.get(f"{base}/sparql", params={"update": text}, timeout=30),
    ],
    ids=["form", "body", "update-endpoint", "get"],
)
def test_updates_are_refused_by_default_and_change_nothing(default_server, send):
    base = default_server.url
    before = _count(base)
    for update in ("DROP ALL", "CLEAR DEFAULT", 'INSERT DATA { <urn:x:a> <urn:x:b> "c" }', "DELETE WHERE { ?s ?p ?o }"):
        response = send(base, update)
        assert response.status_code in (400, 403), (update, response.status_code, response.text)
    assert _count(base) == before


@contextmanager
def _trap():
    """A local port that records whether anything connected to it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(1.5)
    hits = []
    try:
        yield listener.getsockname()[1], hits
        try:
            connection, _ = listener.accept()
            hits.append(connection)
            connection.close()
        except (TimeoutError, socket.timeout):
            pass
    finally:
        listener.close()


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }"),
        ("query", "select * where { service silent <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }"),
        ("query", "PREFIX x: <http://x/> SELECT * WHERE { ?s ?p ?o . Service <http://127.0.0.1:{port}/> { ?s ?p ?o } }"),
        ("update", "LOAD <http://127.0.0.1:{port}/data.ttl>"),
        ("update", "load silent <http://127.0.0.1:{port}/data.ttl> INTO GRAPH <urn:x:g>"),
    ],
)
def test_service_and_load_are_refused_and_nothing_is_fetched(default_server, kind, text):
    base = default_server.url
    with _trap() as (port, hits):
        response = httpx.post(f"{base}/sparql", data={kind: text.replace("{port}", str(port))}, timeout=30)
        assert response.status_code in (400, 403), response.text
    assert hits == [], "the server connected to the URL in the request"


def test_the_words_service_and_load_in_data_are_not_refused(default_server):
    base = default_server.url
    query = 'SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), "SERVICE <http://x> LOAD")) } LIMIT 1'
    response = httpx.get(f"{base}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text


def test_a_request_over_the_default_size_limit_is_refused(default_server):
    base = default_server.url
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_100_000
    response = httpx.post(f"{base}/sparql", content=query, headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert response.status_code == 413


def test_request_size_limit(tight_server):
    base = tight_server.url
    small = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * 15_000
    big = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * 25_000
    headers = {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}
    assert httpx.post(f"{base}/sparql", content=small, headers=headers, timeout=30).status_code == 200
    assert httpx.post(f"{base}/sparql", content=big, headers=headers, timeout=30).status_code == 413
    assert httpx.post(f"{base}/sparql", data={"query": big}, headers={"Accept": headers["Accept"]}, timeout=30).status_code == 413
    try:
        refused = httpx.get(f"{base}/sparql", params={"query": big}, timeout=30).status_code
    except httpx.TransportError:
        refused = "closed"
    assert refused in (400, 413, 414, 431, "closed")


def test_query_time_limit_and_the_server_survives(tight_server):
    base = tight_server.url
    before = _count(base)
    started = time.monotonic()
    response = httpx.get(f"{base}/sparql", params={"query": SLOW_QUERY}, headers={"Accept": "application/sparql-results+json"}, timeout=60)
    elapsed = time.monotonic() - started
    assert response.status_code == 503, response.text
    assert elapsed < 15, f"a 1 s limit took {elapsed:.1f} s"
    assert _count(base) == before


def test_result_size_limit(tight_server):
    base = tight_server.url
    rows = httpx.get(f"{base}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert rows.status_code == 200
    assert len(rows.json()["results"]["bindings"]) == 50
    assert rows.headers.get("X-Result-Truncated") == "true"
    triples = httpx.get(f"{base}/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"}, timeout=30)
    assert triples.status_code == 200
    assert len([line for line in triples.text.splitlines() if line.strip()]) == 50
    assert triples.headers.get("X-Result-Truncated") == "true"
