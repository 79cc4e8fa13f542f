"""Random Unicode through the readers and the whole pipeline: geokg's own errors or success, never a crash."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg import Article, KnowledgeGraph
from kg.errors import GeoKGError, InputError
from kg.ingest import iter_articles

pytestmark = pytest.mark.slow

WORDS = [
    "Russia", "China", "France", "Iran", "North Korea", "Kim Jong-un", "Vladimir Putin", "la Russie",
    "met", "condemned", "imposed sanctions on", "a rencontré", "may supply weapons to", "did not meet",
    "in", "Moscow", "Paris", "on Monday", "selon", "si", ".", ",", "«", "»", "\n", "\n\n", "Titre :", "—",
]
ODD = [
    "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b",
    "\u200d", "\u202e", "\u2066", "\u0301\u0301\u0301", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "🇫🇷", "👩‍👩‍👧‍👦", "🏳️‍🌈", "\U0001f600", "\ud800", "\udfff", "\udc80", "\ud83d", "\ufffd", "\U0010ffff",
    '"""', "\\", "} } ; DROP ALL ; INSERT DATA {", "</script><script>alert(1)</script>", "<img onerror=x>", "%00", "../../",
]
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=12),
)
long_tokens = st.builds(
    lambda char, n: char * n,
    st.sampled_from(["a", "é", "🙂", "-", "!", "\u0301", "x\u0301", "\ud800", " "]),
    st.integers(10_000, 12_000),
)


@st.composite
def texts(draw) -> str:
    """Up to 40 words, odd characters and random strings, with at most two 10k-character tokens."""
    parts = draw(st.lists(pieces, max_size=40))
    for token in draw(st.lists(long_tokens, max_size=2)):
        parts.insert(draw(st.integers(0, len(parts))), token)
    return " ".join(parts)


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
INTERNAL = ("extraction failed", "language model failed", "cannot write graph")


@pytest.fixture(scope="module", autouse=True)
def models():
    """Load both spaCy pipelines once, outside the examples' timing."""
    from kg.nlp.pipeline import get_nlp

    get_nlp("fr"), get_nlp("en")


@FUZZ
@given(text=texts(), as_article=st.booleans(), lang=st.sampled_from([None, "fr", "en"]))
@example(text="Russia met China. " + "🙂" * 12_000 + " France condemned Iran.", as_article=True, lang=None)
@example(text="La Russie \ud800 a rencontré \u202e la Chine\x00\x0b.\n" + "!" * 10_000, as_article=False, lang="fr")
@example(text="Kim Jong-un e\u0301\u0301 met 👩‍👩‍👧 Vladimir Putin \u05e9\u05dc\u05d5\u05dd " + "x\u0301" * 5_000, as_article=True, lang="en")
def test_ingest_of_random_text_succeeds_or_reports_and_the_graph_validates(text, as_article, lang):
    kg = KnowledgeGraph()
    # a line break makes ``ingest`` take a string as text, never as a path or glob to walk
    source = Article(text=text, headline=text[:80], lang=lang) if as_article else text + "\n"
    try:
        report = kg.ingest(source)
    except GeoKGError:
        return
    assert not [e for e in report.errors if any(flag in e for flag in INTERNAL)], report.errors
    assert all("\n" not in e for e in report.errors)
    kg.claims()
    kg.entities()
    conforms, details = kg.validate()
    assert conforms, details


@FUZZ
@given(text=texts(), title=st.text(st.characters(codec=None, exclude_categories=()), max_size=30))
def test_readers_of_random_text_yield_articles_or_input_errors(tmp_path_factory, text, title):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "a.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    (folder / "b.md").write_bytes(text.encode("utf-16", "surrogatepass"))
    (folder / "c.html").write_bytes(f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>".encode("utf-8", "surrogatepass"))
    record = json.dumps({"text": text, "title": title, "url": title})
    (folder / "d.jsonl").write_text(record + "\n" + text.replace("\n", " ") + "\n" + record, encoding="utf-8", errors="surrogatepass")
    for item in iter_articles(folder):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            item.sha256
            item.text.encode("utf-8")
            assert item.text.strip()
        else:
            assert "\n" not in str(item)
