"""Shared fixtures: the real spaCy models and the seed graph, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


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
