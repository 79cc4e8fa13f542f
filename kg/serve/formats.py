"""Content negotiation for SPARQL results: the ``Accept`` header, or a ``format=`` shortcut."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "SHORTCUTS", "Choice", "NotAcceptable", "negotiate"]

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/trig": "trig",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/x-turtle": "turtle",
}
SHORTCUTS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "trig": "application/trig",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


class NotAcceptable(ValueError):
    """No format the server writes is acceptable to the client."""


@dataclass(frozen=True)
class Choice:
    """The media type to answer SELECT/ASK with and the one to answer CONSTRUCT/DESCRIBE with.

    Either may be None when the client accepts none of that kind; only a result of that
    kind is then refused (406).
    """

    results: str | None
    graph: str | None


def _ranges(accept: str) -> list[tuple[str, float, int]]:
    out = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for field in fields[1:]:
            name, _, value = field.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((media, q, position))
    return out


def _best(ranges: list[tuple[str, float, int]], offered: list[str]) -> str | None:
    best, best_key = None, None
    for rank, media in enumerate(offered):
        major = media.split("/")[0]
        for pattern, q, position in ranges:
            if pattern == media:
                specificity = 2
            elif pattern == f"{major}/*":
                specificity = 1
            elif pattern == "*/*":
                specificity = 0
            else:
                continue
            if q <= 0:
                break
            key = (q, specificity, -position, -rank)
            if best_key is None or key > best_key:
                best, best_key = media, key
            break
    return best


def negotiate(accept: str | None, shortcut: str | None = None) -> Choice:
    """What to answer with, from ``format=`` (which wins) or the ``Accept`` header.

    >>> negotiate("text/csv, */*;q=0.1")
    Choice(results='text/csv', graph='text/turtle')
    >>> negotiate("application/sparql-results+json")
    Choice(results='application/sparql-results+json', graph=None)
    """
    if shortcut:
        media = SHORTCUTS.get(shortcut.lower()) or shortcut.lower()
        if media not in RESULT_TYPES and media not in GRAPH_TYPES:
            raise NotAcceptable(f"unknown format '{shortcut}' (use {', '.join(sorted(SHORTCUTS))})")
        accept = media
    if not accept or not accept.strip():
        accept = "*/*"
    ranges = _ranges(accept)
    choice = Choice(_best(ranges, list(RESULT_TYPES)), _best(ranges, list(GRAPH_TYPES)))
    if choice.results is None and choice.graph is None:
        raise NotAcceptable(f"cannot answer with '{accept[:100]}'; results come as {', '.join(list(RESULT_TYPES)[:4])} and graphs as {', '.join(list(GRAPH_TYPES)[:5])}")
    return choice
