"""The ``kg`` command run as a real process: help, build, query, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

COMMANDS = ["build", "ingest", "remove", "query", "export", "render", "stats", "validate", "eval", "serve"]


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = kg(command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("out")
    store = tmp_path_factory.mktemp("store")
    result = kg("build", root / "seeds", "-o", out, "--store", store)
    assert result.returncode == 0, result.stderr
    return out, store, result


@pytest.mark.slow
def test_build_writes_graph_page_and_summary(built):
    out, _store, result = built
    assert (out / "graph.trig").stat().st_size > 1000
    assert "vis.Network" in (out / "graph.html").read_text(encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 1 and summary["claims"] > 5
    assert "meets" in summary["by_relation"]
    assert "claims by relation" in result.stdout


@pytest.mark.slow
def test_query_formats(built):
    _out, store, _result = built
    sparql = 'SELECT ?code WHERE { ?c gkg:iso3 ?code } ORDER BY ?code'
    as_json = json.loads(kg("query", sparql, "--store", store, "--format", "json").stdout)
    codes = [b["code"]["value"] for b in as_json["results"]["bindings"]]
    assert "PRK" in codes and "RUS" in codes
    as_csv = kg("query", sparql, "--store", store, "--format", "csv").stdout.splitlines()
    assert as_csv[0] == "code" and "PRK" in as_csv
    table = kg("query", sparql, "--store", store).stdout
    assert "RUS" in table


@pytest.mark.slow
def test_validate_a_written_graph(built):
    out, _store, _result = built
    result = kg("validate", out / "graph.trig")
    assert result.returncode == 0, result.stderr
    assert "conforms" in result.stdout


def test_bad_input_is_one_line_and_the_batch_carries_on(tmp_path, root):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Le président français a rencontré le chancelier allemand à Berlin.", encoding="utf-8")
    result = kg("ingest", tmp_path / "empty.txt", tmp_path / "missing.txt", good, "--store", tmp_path / "store")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "missing.txt" in errors[1]
    assert "Traceback" not in result.stderr
    assert "1 articles stored" in result.stdout


@pytest.mark.slow
def test_malformed_sparql_and_missing_store_are_one_line_errors(built, tmp_path):
    _out, store, _result = built
    for result in (kg("query", "SELECT WHERE {", "--store", store), kg("stats", "--store", tmp_path / "nowhere")):
        assert result.returncode == 1
        assert result.stderr.startswith("error:") and len(result.stderr.strip().splitlines()) == 1


def test_validate_fails_on_a_broken_graph(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix gkg: <https://w3id.org/geokg/ontology#> .\n"
        "<https://w3id.org/geokg/resource/country/XXX> a gkg:Country .\n",
        encoding="utf-8",
    )
    result = kg("validate", bad)
    assert result.returncode == 1
    assert "does not conform" in result.stderr
