"""Worker processes that run SPARQL against the on-disk store, each killable at its time limit.

Oxigraph cannot interrupt a query, so every query runs in a separate, pre-started process
that holds the store open read-only; the server hands it the query over a pipe and waits
at most the time limit. A worker that has not answered by then is killed and replaced,
so a runaway query costs one process, never the server. With updates allowed, one more
process holds the store read-write and applies updates one at a time; readers reopen
their read-only view when the store's files change, so they see every committed write
(and writes by any other process) from the next query on.

The results are serialized in the worker, so the server only moves bytes.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

__all__ = ["Answer", "Job", "WorkerPool", "execute"]

_STATE_FILES = ("CURRENT",)
_STATE_PREFIXES = ("MANIFEST-",)
_STATE_SUFFIXES = (".log", ".sst")


@dataclass(frozen=True)
class Job:
    """One request for a worker: a query (with the formats to answer in) or an update."""

    kind: str
    text: str
    results_type: str | None = None
    graph_type: str | None = None
    limit: int = 10_000


@dataclass(frozen=True)
class Answer:
    """What the server sends back: a status, a media type, a body and extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: dict = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


def execute(store, job: Job) -> Answer:
    """Run ``job`` on ``store`` and serialize its result; geokg's errors become 400 answers."""
    from ..errors import QueryError
    from ..rdf.results import Rows

    if job.kind == "update":
        try:
            store.update(job.text)
        except QueryError as exc:
            return Answer.error(400, str(exc))
        return Answer(204, "text/plain", b"")
    try:
        rows = store.query(job.text, limit=job.limit + 1)
    except QueryError as exc:
        return Answer.error(400, str(exc))
    headers = {}
    if rows.graph is not None:
        if job.graph_type is None:
            return Answer.error(406, "a CONSTRUCT or DESCRIBE result is a graph: accept text/turtle, application/trig, application/n-triples, application/ld+json or application/rdf+xml")
        from rdflib import Graph

        from .formats import GRAPH_TYPES

        graph = rows.graph
        if len(graph) > job.limit:
            capped = Graph(namespace_manager=graph.namespace_manager)
            capped += islice(graph, job.limit)
            graph = capped
            headers = {"X-Result-Truncated": "true"}
        fmt = GRAPH_TYPES[job.graph_type]
        if fmt == "trig":
            graph = _in_default_graph(graph)
        body = graph.serialize(format=fmt, encoding="utf-8")
        return Answer(200, f"{job.graph_type}; charset=utf-8", body, {**headers, "X-Result-Limit": str(job.limit)})
    if job.results_type is None:
        return Answer.error(406, "a SELECT or ASK result is a table: accept application/sparql-results+json, application/sparql-results+xml, text/csv or text/tab-separated-values")
    from .formats import RESULT_TYPES

    if rows.boolean is None and len(rows.rows) > job.limit:
        rows = Rows(rows.vars, rows.rows[: job.limit])
        headers = {"X-Result-Truncated": "true"}
    writer = {"json": rows.to_json, "xml": rows.to_xml, "csv": rows.to_csv, "tsv": rows.to_tsv}[RESULT_TYPES[job.results_type]]
    return Answer(200, f"{job.results_type}; charset=utf-8", writer().encode("utf-8"), {**headers, "X-Result-Limit": str(job.limit)})


def _in_default_graph(graph):
    """A dataset holding ``graph`` as its default graph, so TriG writes it in ``{ }``, unnamed."""
    from rdflib import Dataset

    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace)
    dataset.default_graph += graph
    return dataset


def _signature(path: Path) -> tuple:
    """What changes whenever a writer commits: the write-ahead logs, tables and manifest."""
    entries = []
    try:
        with os.scandir(path) as listing:
            for entry in listing:
                name = entry.name
                if name in _STATE_FILES or name.startswith(_STATE_PREFIXES) or name.endswith(_STATE_SUFFIXES):
                    info = entry.stat()
                    entries.append((name, info.st_size, info.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(entries))


def _open(path: str, writable: bool):
    from ..rdf.store import OxigraphStore

    return OxigraphStore(path, read_only=not writable)


def _worker_main(conn, path: str, writable: bool) -> None:
    """Serve jobs from ``conn`` until it closes; one job at a time."""
    from ..errors import GeoKGError

    try:
        signature = _signature(Path(path))
        store = _open(path, writable)
    except GeoKGError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        if job is None:
            break
        try:
            if not writable:
                current = _signature(Path(path))
                if current != signature:
                    signature = None
                    store.close()
                    store = _open(path, writable)
                    signature = current
            answer = execute(store, job)
        except Exception as exc:  # noqa: BLE001 - a worker reports every failure instead of dying
            answer = Answer.error(500, f"the query failed: {exc.__class__.__name__}: {str(exc)[:300]}")
        try:
            conn.send(answer)
        except (OSError, ValueError):
            break
    store.close()


class _Worker:
    def __init__(self, context, path: str, writable: bool):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, path, writable), daemon=True, name="geokg-sparql-worker")
        self.process.start()
        child.close()
        self.writable = writable

    def wait_ready(self, timeout: float) -> None:
        from ..errors import StoreError

        if not self.conn.poll(timeout):
            self.kill()
            raise StoreError(f"a query worker did not start within {timeout:g} s")
        message = self.conn.recv()
        if message[0] != "ready":
            self.kill()
            raise StoreError(message[1])

    def call(self, job: Job, timeout: float) -> Answer | None:
        """The worker's answer, or None when it did not answer within ``timeout`` or died."""
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout):
                return None
            return self.conn.recv()
        except (EOFError, OSError):
            return None

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``readers`` read-only workers (and one writer when ``writable``) for one store folder."""

    def __init__(self, path: str | Path, readers: int = 2, writable: bool = False, start_timeout: float = 60.0):
        self.path = str(path)
        self.readers = max(1, readers)
        self.writable = writable
        self.start_timeout = start_timeout
        self._context = multiprocessing.get_context("spawn")
        self._threads = ThreadPoolExecutor(max_workers=self.readers + 3, thread_name_prefix="geokg-sparql")
        self._idle: asyncio.Queue | None = None
        self._writer: asyncio.Queue | None = None
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def _spawn(self, writable: bool) -> _Worker:
        worker = _Worker(self._context, self.path, writable)
        with self._lock:
            self._all.add(worker)
        try:
            worker.wait_ready(self.start_timeout)
        except Exception:
            with self._lock:
                self._all.discard(worker)
            raise
        return worker

    async def start(self) -> None:
        """Start every worker and wait until each has opened the store (the writer first)."""
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        if self.writable:
            self._writer = asyncio.Queue()
            self._writer.put_nowait(await loop.run_in_executor(self._threads, self._spawn, True))
        readers = await asyncio.gather(*(loop.run_in_executor(self._threads, self._spawn, False) for _ in range(self.readers)))
        for worker in readers:
            self._idle.put_nowait(worker)

    async def run(self, job: Job, timeout: float) -> Answer:
        """Run ``job`` on a free worker; kill it (503) if it has not answered within ``timeout``.

        Waiting for a free worker does not count against ``timeout``; it is bounded too
        (by ``timeout``, and at least 10 s, long enough for a killed worker's replacement
        to start).
        """
        queue = self._writer if job.kind == "update" else self._idle
        if queue is None:
            return Answer.error(403, "this server is read-only")
        wait = max(timeout, 10.0)
        try:
            worker = await asyncio.wait_for(queue.get(), wait)
        except (asyncio.TimeoutError, TimeoutError):
            return Answer.error(503, f"the server is busy: no worker became free within {wait:g} s; try again later")
        loop = asyncio.get_running_loop()
        answer = await loop.run_in_executor(self._threads, worker.call, job, timeout)
        if answer is not None:
            queue.put_nowait(worker)
            return answer
        alive = worker.process.is_alive()
        await loop.run_in_executor(self._threads, worker.kill)
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            asyncio.get_running_loop().create_task(self._replace(queue, worker.writable))
        if alive:
            what = "update" if job.kind == "update" else "query"
            return Answer.error(503, f"the {what} was stopped at the time limit of {timeout:g} s; make it more selective or add a LIMIT")
        return Answer.error(500, "the query worker stopped unexpectedly; the query was not answered")

    async def _replace(self, queue: asyncio.Queue, writable: bool) -> None:
        loop = asyncio.get_running_loop()
        while not self._closed:
            try:
                worker = await loop.run_in_executor(self._threads, self._spawn, writable)
            except Exception:  # noqa: BLE001 - keep trying: the store may be briefly locked
                await asyncio.sleep(1.0)
                continue
            if self._closed:
                worker.stop()
            else:
                queue.put_nowait(worker)
            return

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    def close(self) -> None:
        """Stop every worker (asking first, killing those that do not stop)."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)
