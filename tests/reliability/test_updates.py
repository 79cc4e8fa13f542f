"""Re-ingesting changes nothing, a new text at the same URL replaces the old, and removal."""

from __future__ import annotations

import json

import pytest

from kg import Article, KnowledgeGraph
from kg.model import sha256

URL = "https://news.example.org/2024/06/19/pact"
OLD = "Russia condemned France for the strikes. Russia imposed sanctions on Iran."
NEW = "China met Japan in Tokyo on Monday. Germany signed an agreement with Poland."


def _quads(kg) -> set:
    return set(kg.dataset.quads((None, None, None, None)))


def _evidence(kg) -> set[str]:
    return {str(row["e"]) for row in kg.query("SELECT ?e WHERE { ?c gkg:evidence ?e }")}


def test_the_same_article_again_changes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(OLD, encoding="utf-8")
    with KnowledgeGraph(tmp_path / "store") as kg:
        first = kg.ingest(path)
        assert first.articles == 1 and first.claims > 0
        before = _quads(kg)
        again = kg.ingest(path)
        assert (again.articles, again.skipped, again.errors) == (0, 1, [])
        assert _quads(kg) == before
        forced = kg.ingest(path, force=True)
        assert forced.articles == 1 and _quads(kg) == before


def test_new_text_at_the_same_url_replaces_the_article_in_a_second_run(tmp_path, tools):
    store = tmp_path / "store"
    for version, text in (("v1", OLD), ("v2", NEW)):
        feed = tmp_path / f"{version}.jsonl"
        feed.write_text(json.dumps({"url": URL, "title": version, "text": text}) + "\n", encoding="utf-8")
        result = tools.run_kg("ingest", feed, "--store", store)
        assert result.returncode == 0, result.stderr
        assert "1 articles stored" in result.stdout
    with KnowledgeGraph(store, read_only=True) as kg:
        (article,) = kg.query("SELECT ?a ?sha ?h WHERE { ?a gkg:sha256 ?sha ; schema:headline ?h }")
        assert str(article["a"]).endswith(Article(text=NEW, url=URL).id)
        assert str(article["sha"]) == sha256(NEW) and str(article["h"]) == "v2"
        evidence = _evidence(kg)
        assert evidence and all(e in NEW for e in evidence)
        assert not any(e in OLD for e in evidence)
        assert {c.article for c in kg.claims()} == {Article(text=NEW, url=URL).id}


def test_remove_by_id_iri_or_url_and_never_a_shared_graph():
    kg = KnowledgeGraph()
    kg.ingest([Article(text=OLD, url=URL), Article(text=NEW), Article(text="Iran threatened Israel with retaliation.")])
    ids = {c.article for c in kg.claims()}
    assert len(ids) == 3
    entities = kg.stats()["entities"]
    by_url = Article(text=OLD, url=URL).id
    by_text = Article(text=NEW).id
    third = (ids - {by_url, by_text}).pop()

    assert kg.remove(URL) is True
    assert kg.remove(f"https://w3id.org/geokg/resource/article/{by_text}") is True
    assert kg.remove(third) is True
    assert kg.claims() == [] and kg.stats()["articles"] == 0
    for gone in (URL, by_text, third, "no-such-article", "https://w3id.org/geokg/resource/graph/entities",
                 "https://w3id.org/geokg/resource/graph/ontology", "https://elsewhere.example/x"):
        assert kg.remove(gone) is False
    assert kg.stats()["entities"] == entities


@pytest.mark.slow
def test_kg_remove_says_what_it_dropped_and_fails_when_nothing_matches(tmp_path, tools):
    store = tmp_path / "store"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"url": URL, "text": OLD}) + "\n" + json.dumps({"text": NEW}) + "\n", encoding="utf-8")
    assert tools.run_kg("ingest", feed, "--store", store).returncode == 0
    result = tools.run_kg("remove", URL, "--store", store)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"removed {URL}\n"
    result = tools.run_kg("remove", Article(text=NEW).id, "--store", store)
    assert result.returncode == 0, result.stderr
    for missing in (URL, "0000000000000000"):
        result = tools.run_kg("remove", missing, "--store", store)
        assert result.returncode == 1
        assert result.stderr == f"error: {missing}: no such article in {store}\n"
    result = tools.run_kg("remove", URL, "--store", tmp_path / "nowhere")
    assert result.returncode == 1 and result.stderr == f"error: {tmp_path / 'nowhere'}: no store here\n"
    assert not (tmp_path / "nowhere").exists()
    with KnowledgeGraph(store, read_only=True) as kg:
        assert kg.stats()["articles"] == 0
