"""Every annotated article, both splits, goes through extraction without an internal error.

Only the absence of failures is checked here; the held-out split's scores are never read
by a test, so nothing is tuned on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation import load_gold
from kg.model import Article
from kg.pipeline import process

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


@pytest.mark.slow
def test_every_gold_article_extracts_without_error():
    docs = load_gold(GOLD, split="all")
    articles = [Article(text=doc.text, lang=doc.lang, source=doc.id) for doc in docs]
    failures = [f"{article.source}: {result}" for article, result in process(articles) if isinstance(result, Exception)]
    assert len(articles) == len(docs) > 100
    assert not failures, failures
