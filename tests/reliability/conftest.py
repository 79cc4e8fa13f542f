"""Fixtures for the reliability tests: generated articles, the ``kg`` command, store snapshots."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ACTORS = ["Russia", "China", "France", "Germany", "Japan", "North Korea", "South Korea", "Iran",
          "Israel", "Turkey", "India", "Brazil", "the United States", "Ukraine", "Poland"]
LEADERS = ["Vladimir Putin", "Kim Jong-un", "Emmanuel Macron", "Xi Jinping", "Olaf Scholz"]
CITIES = ["Moscow", "Beijing", "Paris", "Berlin", "Tokyo", "Seoul", "Ankara"]
SENTENCES = [
    "{a} met {b} in {city} on Monday.",
    "{a} condemned {b} for the strikes.",
    "{a} imposed sanctions on {b}.",
    "{a} accused {b} of violating the ceasefire.",
    "{a} signed an agreement with {b}.",
    "{leader} visited {city} last week.",
    "{a} may supply weapons to {b}, officials said.",
    "{a} did not meet {b}.",
    "{a} threatened {b} with retaliation.",
]


def make_article(number: int, rng: random.Random, sentences: int = 12) -> str:
    lines = [f"Report {number}: tensions and talks", ""]
    for _ in range(sentences):
        a, b = rng.sample(ACTORS, 2)
        sentence = rng.choice(SENTENCES).format(a=a, b=b, city=rng.choice(CITIES), leader=rng.choice(LEADERS))
        lines.append(sentence + " Analysts followed the situation closely." * 3)
    return "\n".join(lines)


def write_articles(folder: Path, count: int, seed: int = 7) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_text(make_article(number, rng), encoding="utf-8")
    return folder


def kg_command(*args: object) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *map(str, args)]


def run_kg(*args: object, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(kg_command(*args), capture_output=True, text=True, timeout=timeout)


def store_quads(path: Path) -> set[tuple[str, str, str, str]]:
    """Every quad of an on-disk store, as N-Quads terms (subject, predicate, object, graph)."""
    from kg.rdf.store import _open_read_only

    store = _open_read_only(path)
    try:
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store}
    finally:
        del store


def article_count(path: Path) -> int:
    """Articles in a store another process may be writing; 0 while it cannot be opened yet."""
    import pyoxigraph

    try:
        store = pyoxigraph.Store.read_only(str(path))
        rows = store.query(
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g <https://w3id.org/geokg/ontology#sha256> ?sha } }"
        )
        return int(next(iter(rows))[0].value)
    except (OSError, RuntimeError):
        return 0


@pytest.fixture(scope="session")
def forty_articles(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("articles") / "feed", 40)


@pytest.fixture(scope="session")
def reference_store(tmp_path_factory, forty_articles) -> Path:
    """The forty articles ingested in one clean run."""
    store = tmp_path_factory.mktemp("reference") / "store"
    result = run_kg("ingest", forty_articles, "--store", store)
    assert result.returncode == 0, result.stderr
    assert "40 articles stored" in result.stdout
    return store


@pytest.fixture(scope="session")
def tools() -> SimpleNamespace:
    """The helpers above, for test modules (which cannot import a conftest)."""
    return SimpleNamespace(
        run_kg=run_kg,
        kg_command=kg_command,
        store_quads=store_quads,
        article_count=article_count,
        write_articles=write_articles,
    )
