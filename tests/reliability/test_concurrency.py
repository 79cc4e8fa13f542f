"""One writer per store, with a clear error for the second; readers run while a writer writes."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from kg import KnowledgeGraph
from kg.errors import StoreLockedError

GOOD = "Le président français a rencontré le chancelier allemand à Berlin lundi."


def test_a_second_writer_in_another_process_gets_a_one_line_store_in_use_error(tmp_path, tools):
    store = tmp_path / "store"
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    holder = KnowledgeGraph(store)
    try:
        before = tools.store_quads(store)
        for args in (("ingest", article), ("remove", "0123456789abcdef"), ("build", article, "-o", tmp_path / "out")):
            result = tools.run_kg(*args, "--store", store)
            assert result.returncode == 1, args
            assert result.stderr == f"error: {store}: store in use by another process; wait for it to finish or use another --store\n"
        assert tools.store_quads(store) == before
    finally:
        holder.close()
    result = tools.run_kg("ingest", article, "--store", store)
    assert result.returncode == 0, result.stderr
    assert "1 articles stored" in result.stdout


def test_a_second_writer_in_the_same_process_is_refused_until_the_first_closes(tmp_path):
    first = KnowledgeGraph(tmp_path / "store")
    with pytest.raises(StoreLockedError, match="already open in this process"):
        KnowledgeGraph(tmp_path / "store")
    first.close()
    with KnowledgeGraph(tmp_path / "store") as second:
        assert second.stats()["articles"] == 0


@pytest.mark.slow
def test_queries_stats_and_exports_run_while_an_ingest_holds_the_store(tmp_path, tools):
    feed = tools.write_articles(tmp_path / "feed", 240, seed=11)
    store = tmp_path / "store"
    writer = subprocess.Popen(tools.kg_command("ingest", feed, "--store", store), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 180
        while tools.article_count(store) == 0:
            assert writer.poll() is None, writer.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        readers = [
            subprocess.Popen(tools.kg_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for args in (
                ("query", "SELECT (COUNT(*) AS ?n) WHERE { ?c a gkg:Claim }", "--store", store, "--format", "json"),
                ("stats", "--store", store, "--json"),
                ("export", tmp_path / "snapshot.nq", "--store", store),
            )
        ]
        outputs = [reader.communicate(timeout=120) for reader in readers]
        assert writer.poll() is None, "the ingest finished before the readers: nothing was tested"
        for reader, (out, err) in zip(readers, outputs):
            assert reader.returncode == 0, err
        claims = int(json.loads(outputs[0][0])["results"]["bindings"][0]["n"]["value"])
        assert claims > 0 and json.loads(outputs[1][0])["articles"] > 0
        assert (tmp_path / "snapshot.nq").stat().st_size > 0

        with KnowledgeGraph(store, read_only=True) as snapshot:
            articles = snapshot.query("SELECT ?g WHERE { GRAPH ?g { ?g gkg:sha256 ?sha } }")
            assert len(articles) > 0
            assert not snapshot.query("ASK { GRAPH ?g { ?c a gkg:Claim FILTER NOT EXISTS { ?c gkg:evidence ?e } } }").boolean
        out, err = writer.communicate(timeout=300)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == 0, err
    assert "240 articles stored" in out
