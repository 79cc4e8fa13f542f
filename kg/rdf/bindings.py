"""Pre-binding query variables with a ``VALUES`` block, for stores that cannot substitute them.

Oxigraph substitutes only variables a query projects; a value used in a ``FILTER`` of
``SELECT ?c WHERE { ... FILTER(CONTAINS(?e, ?word)) }`` is bound instead by a ``VALUES``
block placed first in the query's outermost group. Each value is written as one RDF term
(rdflib's ``n3()``, which escapes literals and refuses unsafe IRIs), so a value can never
change the structure of the query.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from ..errors import QueryError

__all__ = ["prebind"]

_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TOKEN = re.compile(
    r"""
    (?P<skip>
        \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
      | "(?:[^"\\\n\r]|\\.)*" | '(?:[^'\\\n\r]|\\.)*'
      | <[^<>"{}|^`\\\x00-\x20]*> | \#[^\n]*
    )
    | (?P<open>\{) | (?P<close>\}) | (?P<word>[A-Za-z]+)
    """,
    re.VERBOSE | re.DOTALL,
)


def _values(bindings: dict) -> str:
    names, terms = [], []
    for name, term in bindings.items():
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"cannot bind '{name}': not a SPARQL variable name")
        if not isinstance(term, (URIRef, Literal)):
            raise QueryError(f"cannot bind ?{name} to {type(term).__name__}: use an IRI or a literal")
        try:
            terms.append(term.n3())
        except Exception as exc:  # noqa: BLE001 - rdflib raises bare Exception for unsafe IRIs
            raise QueryError(f"cannot bind ?{name}: {exc}") from None
        names.append("?" + name)
    return f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "


def _where_brace(sparql: str) -> int | None:
    """Offset just inside the outermost group the query matches against, if there is one."""
    form = None
    depth = 0
    skip_template = False
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind == "word" and form is None and depth == 0:
            word = match.group().upper()
            if word in ("SELECT", "ASK", "DESCRIBE", "CONSTRUCT"):
                form = word
                rest = sparql[match.end():].lstrip()
                skip_template = form == "CONSTRUCT" and rest.startswith("{")
        elif kind == "open":
            if form is not None and depth == 0 and not skip_template:
                return match.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and skip_template:
                skip_template = False
    return None


def prebind(sparql: str, bindings: dict) -> str:
    """The query with ``bindings`` (name -> rdflib term) bound by a leading ``VALUES`` block.

    >>> prebind('SELECT ?c WHERE { ?c ?p ?e FILTER(CONTAINS(?e, ?w)) }', {"w": Literal('"} DROP')})
    'SELECT ?c WHERE { VALUES (?w) { ("\\\\"} DROP") }  ?c ?p ?e FILTER(CONTAINS(?e, ?w)) }'
    """
    if not bindings:
        return sparql
    position = _where_brace(sparql)
    if position is None:
        raise QueryError("cannot bind variables in this query: no WHERE group found")
    return sparql[:position] + _values(bindings) + sparql[position:]
