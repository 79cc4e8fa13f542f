"""A store killed mid-write (SIGKILL) reopens with whole articles only, and a rerun completes it."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import defaultdict

import pytest

pytestmark = pytest.mark.slow


def _by_graph(quads) -> dict[str, set]:
    graphs = defaultdict(set)
    for quad in quads:
        graphs[quad[3]].add(quad)
    return graphs


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 180) -> None:
    """SIGKILL ``proc`` as soon as ``ready()`` is true; fail if it finished first."""
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert proc.poll() is None, "the process finished before it could be killed"
            assert time.monotonic() < deadline, "nothing was written in time"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL


def test_sigkill_during_ingest_keeps_whole_articles_and_a_rerun_completes_the_store(
    tmp_path, forty_articles, reference_store, tools
):
    from kg import KnowledgeGraph

    store = tmp_path / "store"
    with (tmp_path / "stderr.txt").open("w") as log:
        proc = subprocess.Popen(tools.kg_command("ingest", forty_articles, "--store", store), stdout=subprocess.DEVNULL, stderr=log)
        _kill_when(proc, lambda: tools.article_count(store) > 0)

    reference = _by_graph(tools.store_quads(reference_store))
    survived = _by_graph(tools.store_quads(store))
    articles = {g for g in survived if "/resource/article/" in g}
    assert 0 < len(articles) < 40, f"{len(articles)} articles: the kill did not land mid-run"
    for graph in articles:
        assert survived[graph] == reference[graph], f"{graph} is not the whole article"

    with KnowledgeGraph(store) as kg:
        with_sha = kg.query("SELECT ?g ?sha WHERE { GRAPH ?g { ?g gkg:sha256 ?sha } }")
        assert {f"<{row['g']}>" for row in with_sha} == articles
        assert not kg.query("ASK { GRAPH ?g { ?c a gkg:Claim FILTER NOT EXISTS { ?c gkg:evidence ?e } } }").boolean
        assert not kg.query("ASK { GRAPH ?g { ?c a gkg:Claim FILTER NOT EXISTS { ?c prov:wasDerivedFrom ?g } } }").boolean
        described = "GRAPH ?g { ?c rdf:%s ?e } FILTER NOT EXISTS { GRAPH <https://w3id.org/geokg/resource/graph/entities> { ?e a ?type } }"
        for slot in ("subject", "object"):
            assert not kg.query("ASK { %s }" % (described % slot)).boolean, f"a claim's {slot} was written without its entity"
        conforms, report = kg.validate()
        assert conforms, report

    rerun = tools.run_kg("ingest", forty_articles, "--store", store)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{40 - len(articles)} articles stored, {len(articles)} unchanged" in rerun.stdout
    assert tools.store_quads(store) == tools.store_quads(reference_store)


WRITER = """
import sys
from rdflib import Literal, URIRef
from kg.rdf.store import OxigraphStore

store = OxigraphStore(sys.argv[1])
rule = URIRef("https://w3id.org/geokg/ontology#rule")
stamp = URIRef("https://w3id.org/geokg/ontology#charEnd")
n = int(sys.argv[2])
print("ready", flush=True)
while True:
    graph = URIRef(f"https://w3id.org/geokg/resource/article/{n % 40:016x}")
    quads = [(URIRef(f"{graph}/c{j}"), rule, Literal(f"{n}:{j} " + "x" * 200), graph) for j in range(2000)]
    quads.append((graph, stamp, Literal(n), graph))
    store.replace_graph(graph, quads, [])
    n += 1
"""


def test_sigkill_during_large_writes_never_leaves_a_half_written_graph(tmp_path):
    """Writes of 2,000 quads back to back, killed at random moments, three times over."""
    from kg.rdf.store import OxigraphStore

    path = tmp_path / "store"
    rng = random.Random(3)
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(round_ * 100_000)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        started = time.monotonic()
        pause = rng.uniform(0.5, 1.5)
        _kill_when(proc, lambda: time.monotonic() - started > pause)
        store = OxigraphStore(path)
        try:
            rows = store.query(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g gkg:charEnd ?stamp . ?c gkg:rule ?r } } GROUP BY ?g"
            )
            assert len(rows) > 0
            for row in rows:
                assert int(row["n"]) == 2000, f"{row['g']} holds {row['n']} claims of 2000"
            for row in store.query("SELECT ?g ?stamp ?r WHERE { GRAPH ?g { ?g gkg:charEnd ?stamp . ?c gkg:rule ?r } }"):
                assert str(row["r"]).startswith(f"{row['stamp']}:"), "a graph mixes two writes"
        finally:
            store.close()
