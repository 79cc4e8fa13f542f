"""Refusing SPARQL that would make the server fetch from the network: ``SERVICE`` and ``LOAD``.

The text is tokenized the way the SPARQL grammar reads it: strings (short and long,
with their escapes), IRIs, comments, variables, blank-node labels, language tags and
prefixed names are single tokens, so the words only count where they are keywords.
``FILTER(CONTAINS(?e, "SERVICE"))``, ``?service`` or ``ex:load`` are not refused;
``service <http://...> { }`` in any case is.
"""

from __future__ import annotations

import re

__all__ = ["REFUSED", "remote_access"]

REFUSED = {
    "SERVICE": "SERVICE (federated query to another endpoint) is not allowed on this server",
    "LOAD": "LOAD (fetching RDF from a URL) is not allowed on this server",
}

_TOKEN = re.compile(
    r"""
    (?P<skip>
        \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
      | "(?:[^"\\\n\r]|\\.)*" | '(?:[^'\\\n\r]|\\.)*'
      | <[^<>"{}|^`\\\x00-\x20]*>
      | \#[^\n\r]*
      | [?$][\w\u00B7]+
      | _:[\w.\-\u00B7]+
      | @[A-Za-z]+(?:-[A-Za-z0-9]+)*
      | (?:[^\W\d_][\w.\-\u00B7]*)?:(?:[\w.:%\-\u00B7]|\\.)*
    )
    | (?P<word>[A-Za-z]+)
    """,
    re.VERBOSE | re.DOTALL,
)


def remote_access(text: str) -> str | None:
    """The reason to refuse ``text`` (a query or an update), or None when it fetches nothing.

    >>> remote_access('SELECT * WHERE { ?s ?p "SERVICE <http://x> {}" }') is None
    True
    >>> remote_access('SELECT * WHERE { service <http://x> { ?s ?p ?o } }')
    'SERVICE (federated query to another endpoint) is not allowed on this server'
    """
    for match in _TOKEN.finditer(text):
        word = match.group("word")
        if word is not None and word.upper() in REFUSED:
            return REFUSED[word.upper()]
    return None
