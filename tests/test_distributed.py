"""Dask maps extraction over partitions of the input files, all writing to one SPARQL server."""

from __future__ import annotations

import json

import pytest

from kg import KnowledgeGraph
from kg.distributed import ingest_distributed

pytestmark = pytest.mark.slow


def test_dask_cluster_ingests_into_a_shared_server(server, tmp_path, root):
    from dask.distributed import Client, LocalCluster

    gold = (root / "tests" / "data" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    for number, line in enumerate(gold):
        record = json.loads(line)
        (tmp_path / f"article-{number:02d}.txt").write_text(record["text"], encoding="utf-8")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        report = ingest_distributed([tmp_path], server, client=client, partitions=4)
    assert report.ok, report.errors
    assert report.articles == 12
    embedded = KnowledgeGraph()
    assert embedded.ingest(tmp_path).articles == 12
    remote = KnowledgeGraph(server)
    count = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a gkg:Claim }"
    assert int(remote.query(count)[0]["n"]) == int(embedded.query(count)[0]["n"]) > 0
    again = ingest_distributed([tmp_path], server, client=None, partitions=2)
    assert again.skipped == 12 and again.articles == 0
