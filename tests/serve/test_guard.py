"""SERVICE and LOAD are found where SPARQL reads them as keywords, and nowhere else."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.serve.guard import remote_access

# Port 9 is refused by Oxigraph's HTTP client before it connects: an OSError naming the
# port proves Oxigraph would have fetched, without any traffic leaving the process.
SERVICE = "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }"
LOAD = "LOAD <http://127.0.0.1:9/data.ttl>"


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://x> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://x> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE<http://x>{?s ?p ?o} }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        'SELECT * WHERE { ?s ?p "a\\" . SERVICE <http://x> { } " . SERVICE <http://x> { } }',
        "LOAD <http://x>",
        "load silent <http://x> into graph <http://g>",
        "INSERT DATA { <x:a> <x:b> 'LOAD' } ; LOAD <http://x>",
    ],
)
def test_keywords_are_found(text):
    assert remote_access(text)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://x> { }" }',
        "SELECT * WHERE { ?s ?p '''LOAD <http://x>''' }",
        'SELECT * WHERE { ?s ?p """ "" SERVICE <x> {} """ }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> { }",
        "SELECT ?service ?load $LOAD WHERE { ?service ?p ?load }",
        "PREFIX service: <x:> SELECT * WHERE { service:a service:load ?o . ?o ex:SERVICE ?x . ?x :load _:service }",
        'SELECT * WHERE { ?s <http://example.org/SERVICE> "x"@service }',
        "INSERT DATA { <x:a> <x:b> \"LOAD <http://x>\" }",
    ],
)
def test_words_that_are_not_keywords_pass(text):
    assert remote_access(text) is None


def _oxigraph_fetches(store, text: str, update: bool) -> bool:
    try:
        if update:
            store.update(text)
        else:
            list(store.query(text))
    except OSError as exc:
        return "port 9" in str(exc)
    except (SyntaxError, ValueError, RuntimeError):
        return False
    return False


FILLER = st.lists(
    st.sampled_from(['"', "'", '"""', "'''", "#", "\n", "<", ">", "\\", " ", "?x", '"a"', "'b'", "<x:i>", "{", "}", ".", "FILTER(", ")", "@en", "_:b", "SERVICE", "LOAD", "x:"]),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=FILLER, after=FILLER)
def test_whatever_oxigraph_would_fetch_is_refused(before, after):
    store = pyoxigraph.Store()
    query = f"SELECT * WHERE {{ {before} {SERVICE} {after} }}"
    if _oxigraph_fetches(store, query, update=False):
        assert remote_access(query), query
    update = f"INSERT DATA {{ <x:a> <x:b> {before} }} ; {LOAD} {after}"
    if _oxigraph_fetches(store, update, update=True):
        assert remote_access(update), update
