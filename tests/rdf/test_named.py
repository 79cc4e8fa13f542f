"""The library of named queries: documented, parameters bound as terms, answers on the seed."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.errors import QueryError
from kg.rdf.named import NamedQuery, Param, get_named_query, named_queries
from kg.rdf.namespace import GKG, GKR

NAMES = ["active_pairs", "arms_transfers", "meetings", "sanctions_by", "timeline", "unconfirmed_about"]


def keys(rows, var: str) -> set[str]:
    return {str(row[var]).removeprefix(str(GKR)) for row in rows if var in row}


def test_the_library_is_documented():
    queries = named_queries()
    assert sorted(queries) == NAMES
    for query in queries.values():
        assert len(query.description) > 40, query.name
        for param in query.params:
            assert re.search(rf"[?$]{param.name}\b", query.sparql), (query.name, param.name)
            assert param.help, (query.name, param.name)
            if param.example:
                param.term(param.example)


@pytest.mark.parametrize("name", NAMES)
def test_each_example_answers_on_the_seed(seed_kg, name):
    rows = seed_kg.store.query(get_named_query(name).example())
    assert len(rows) > 0


def test_meetings(seed_kg):
    rows = seed_kg.named_query("meetings", actor="person/vladimir-putin")
    assert keys(rows, "other") == {"person/kim-jong-un"}
    assert {str(r["otherLabel"]) for r in rows} == {"Kim Jong-un"}
    assert all(r["modality"] == GKG.Asserted for r in rows)
    assert len(seed_kg.named_query("meetings", actor="person/kim-jong-un", other="person/vladimir-putin")) == len(rows)
    assert len(seed_kg.named_query("meetings", actor="person/vladimir-putin", modality="hedged")) == 0
    everyone = seed_kg.named_query("meetings")
    assert len(everyone) == 2 * len(rows)


def test_arms_transfers_into_a_conflict_go_through_its_parties(seed_kg):
    rows = seed_kg.named_query("arms_transfers", recipient="conflict/russo-ukrainian-war")
    assert keys(rows, "to") == {"country/RUS"}
    assert {"weapon/missile", "weapon/bm-21-grad"} <= keys(rows, "item")
    to_north_korea = seed_kg.named_query("arms_transfers", recipient="country/PRK")
    assert keys(to_north_korea, "item") == {"weapon/arms"}
    assert keys(to_north_korea, "supplier") == {"country/RUS"}


def test_sanctions_by(seed_kg):
    rows = seed_kg.named_query("sanctions_by", actor="actor/international-community")
    assert keys(rows, "target") == {"country/PRK"}
    assert len(seed_kg.named_query("sanctions_by", actor="country/PRK")) == 0
    assert len(seed_kg.named_query("sanctions_by", actor="actor/international-community", target="country/RUS")) == 0


def test_unconfirmed_about(seed_kg):
    rows = seed_kg.named_query("unconfirmed_about", actor="country/PRK")
    assert rows and GKG.Asserted not in {r["modality"] for r in rows}
    assert "country/USA" in keys(rows, "source")
    assert {r["modality"] for r in seed_kg.named_query("unconfirmed_about", actor="country/PRK", modality="Conditional")} == {GKG.Conditional}


def test_timeline(seed_kg):
    rows = seed_kg.named_query("timeline", actor="country/RUS")
    claims = {c.id for c in seed_kg.claims() if "country/RUS" in (c.subject, c.object)}
    assert {str(r["claim"]).rsplit("/", 1)[-1] for r in rows} == claims
    assert len(seed_kg.named_query("timeline", actor="country/RUS", since="2999-01-01")) == 0


def test_active_pairs_binds_inside_the_aggregate(seed_kg):
    rows = seed_kg.named_query("active_pairs")
    pairs = [(str(r["a"]).removeprefix(str(GKR)), str(r["b"]).removeprefix(str(GKR))) for r in rows]
    assert ("person/kim-jong-un", "person/vladimir-putin") in pairs
    assert all(a < b for a, b in pairs)
    assert "leaderOf" not in " ".join(str(r["relations"]) for r in rows)
    meetings = seed_kg.named_query("active_pairs", relation="meets")
    assert [str(r["relations"]) for r in meetings] == ["meets"]
    assert int(meetings[0]["claims"]) == int(meetings[0]["asserted"]) == 4


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("nope", {}, "unknown named query 'nope'"),
        ("timeline", {}, "missing parameter actor"),
        ("meetings", {"who": "x"}, "unknown parameter who"),
        ("meetings", {"actor": 'x> } ; DROP ALL ; <y'}, "not an entity key"),
        ("meetings", {"modality": "Certain"}, "not one of"),
        ("timeline", {"actor": "country/RUS", "since": "yesterday"}, "since"),
        ("active_pairs", {"relation": "meets } UNION { ?s ?p ?o"}, "not a relation name"),
    ],
)
def test_bad_parameters_are_refused(seed_kg, name, params, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        seed_kg.named_query(name, **params)


def test_text_parameters_are_bound_as_literals(seed_kg):
    hostile = '"} } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    query = NamedQuery("echo", "Echo a text.", (Param("text", "string", False, None, "Any text."),), "SELECT ?text ?n WHERE { BIND(STRLEN(?text) AS ?n) }")
    rows = seed_kg.store.query(query.bind(text=hostile))
    assert str(rows[0]["text"]) == hostile
    assert int(rows[0]["n"]) == len(hostile)
    assert seed_kg.stats()["claims"] > 0


def test_cli_runs_a_named_query(seed_kg, tmp_path):
    from kg import KnowledgeGraph
    from kg.cli import app

    store = tmp_path / "store"
    kg = KnowledgeGraph(str(store))
    kg.load(seed_kg.export(tmp_path / "seed.trig"))
    kg.close()
    runner = CliRunner()
    result = runner.invoke(app, ["query", "--named", "meetings", "--param", "actor=person/vladimir-putin", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {b["other"]["value"] for b in data["results"]["bindings"]} == {str(GKR["person/kim-jong-un"])}
    bad = runner.invoke(app, ["query", "--named", "timeline", "--store", str(store)])
    assert bad.exit_code == 1 and "missing parameter actor" in bad.output
    bad = runner.invoke(app, ["query", "--named", "meetings", "--param", "actor", "--store", str(store)])
    assert bad.exit_code == 1 and "NAME=VALUE" in bad.output
