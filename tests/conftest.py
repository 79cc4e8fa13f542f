"""Shared fixtures: the real spaCy models and the seed graph, built once per session."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_kg():
    """The seed articles ingested into an in-memory Oxigraph store."""
    from kg import KnowledgeGraph

    kg = KnowledgeGraph()
    report = kg.ingest(SEEDS)
    assert report.ok, report.errors
    assert report.articles == len(list(SEEDS.glob("*.txt")))
    return kg


@pytest.fixture(scope="session")
def nlp_fr():
    from kg.nlp.pipeline import get_nlp

    return get_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from kg.nlp.pipeline import get_nlp

    return get_nlp("en")


def _free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def free_port():
    """A function giving a port on 127.0.0.1 that nothing listens on now (usable from any scope)."""
    return _free_port


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server on 127.0.0.1, stopped at the end of the module."""
    assert OXIGRAPH, "the oxigraph command (PyPI package 'oxigraph', a dev dependency) is not installed"
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"oxigraph exited: {process.stderr.read().decode(errors='replace')[:500]}"
            try:
                if httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "oxigraph did not answer within 30 s"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
