"""Extraction over several worker processes gives exactly the graph one process gives."""

from __future__ import annotations

import json

import pytest

from kg import KnowledgeGraph


@pytest.mark.slow
def test_two_jobs_give_the_same_graph_as_one(tmp_path, root):
    feed = tmp_path / "feed.jsonl"
    gold = (root / "tests" / "data" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:24]
    with feed.open("w", encoding="utf-8") as out:
        for line in gold:
            record = json.loads(line)
            out.write(json.dumps({"text": record["text"], "lang": record["lang"], "published": record["published"]}) + "\n")
    serial, parallel = KnowledgeGraph(), KnowledgeGraph()
    one = serial.ingest(feed)
    two = parallel.ingest(feed, jobs=2)
    assert one.ok and two.ok
    assert one.articles == two.articles == 24
    assert set(serial.dataset.quads((None, None, None, None))) == set(parallel.dataset.quads((None, None, None, None)))
    again = parallel.ingest(feed, jobs=2)
    assert again.skipped == 24 and again.articles == 0
