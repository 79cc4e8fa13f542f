"""Content negotiation: the Accept header with q-values and wildcards, or format=."""

from __future__ import annotations

import pytest

from kg.serve.formats import Choice, NotAcceptable, negotiate


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, Choice("application/sparql-results+json", "text/turtle")),
        ("*/*", Choice("application/sparql-results+json", "text/turtle")),
        ("application/sparql-results+xml", Choice("application/sparql-results+xml", None)),
        ("text/csv;q=0.5, text/tab-separated-values", Choice("text/tab-separated-values", None)),
        ("text/*", Choice("text/csv", "text/turtle")),
        ("application/n-triples, application/sparql-results+json;q=0.9", Choice("application/sparql-results+json", "application/n-triples")),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Choice("application/xml", "text/turtle")),
        ("application/trig, */*;q=0.1", Choice("application/sparql-results+json", "application/trig")),
        ("text/csv;q=0, */*", Choice("application/sparql-results+json", "text/turtle")),
    ],
)
def test_accept(accept, expected):
    assert negotiate(accept) == expected


def test_format_shortcut_wins():
    assert negotiate("text/csv", "json").results == "application/sparql-results+json"
    assert negotiate(None, "trig").graph == "application/trig"
    with pytest.raises(NotAcceptable, match="unknown format"):
        negotiate(None, "pdf")


def test_nothing_acceptable():
    with pytest.raises(NotAcceptable):
        negotiate("image/png")
