"""Extraction on several machines: Dask maps ingestion over partitions of the input files.

Every partition runs the ordinary pipeline and writes to one shared SPARQL 1.1 server
(``KnowledgeGraph("http://host:port")``), which is the single store all workers see. Any
Dask cluster works: a ``LocalCluster`` on one machine, or ``dask.distributed`` workers on
many, as long as each worker has geokg installed and reaches the server.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .model import IngestReport

__all__ = ["ingest_distributed"]


def _ingest_partition(files: Iterable[str], store: str, options: dict) -> list[dict]:
    from .api import KnowledgeGraph

    kg = KnowledgeGraph(store, **options)
    try:
        return [kg.ingest(list(files)).as_dict()]
    finally:
        kg.close()


def ingest_distributed(
    sources: Iterable[str | Path],
    store: str,
    *,
    client=None,
    partitions: int | None = None,
    **store_options,
) -> IngestReport:
    """Ingest files with Dask, each partition writing to the SPARQL server at ``store``.

    ``client`` is a ``dask.distributed.Client`` (the default scheduler when None);
    ``partitions`` defaults to four per worker.
    """
    import dask.bag as db

    from .ingest import iter_paths

    report = IngestReport()
    files: list[str] = []
    for source in sources:
        for item in iter_paths(source):
            if isinstance(item, InputError):
                report.errors.append(str(item))
            else:
                files.append(str(item))
    if not files:
        return report
    if partitions is None:
        workers = len(client.scheduler_info().get("workers", {})) if client is not None else 2
        partitions = max(1, min(len(files), 4 * max(workers, 1)))
    bag = db.from_sequence(files, npartitions=partitions)
    parts = bag.map_partitions(_ingest_partition, store, store_options)
    results = client.compute(parts).result() if client is not None else parts.compute()
    for part in results:
        report.articles += part["articles"]
        report.skipped += part["skipped"]
        report.claims += part["claims"]
        report.entities += part["entities"]
        report.dropped += part["dropped"]
        report.errors.extend(part["errors"])
        report.warnings.extend(part["warnings"])
    return report
