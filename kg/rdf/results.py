"""Query results as plain rows that notebooks and the CLI both read."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence

from rdflib import BNode, Graph, Literal, URIRef

__all__ = ["Rows"]


class Rows(Sequence):
    """SELECT rows (dicts of rdflib terms), an ASK answer, or a CONSTRUCT graph."""

    def __init__(self, variables: list[str] | None = None, rows: list[dict] | None = None, *, boolean: bool | None = None, graph: Graph | None = None):
        self.vars = list(variables or [])
        self.rows = list(rows or [])
        self.boolean = boolean
        self.graph = graph

    def __len__(self) -> int:
        return len(self.rows) if self.graph is None else len(self.graph)

    def __getitem__(self, index):
        return self.rows[index]

    def __iter__(self) -> Iterator[dict]:
        return iter(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.boolean is not None else bool(len(self))

    def __repr__(self) -> str:
        if self.boolean is not None:
            return f"<Rows ask={self.boolean}>"
        return f"<Rows {len(self)} x {self.vars}>"

    def values(self, var: str) -> list:
        """Python values of one variable, row by row (None where unbound)."""
        return [_python(row.get(var)) for row in self.rows]

    def to_dataframe(self):
        """A pandas DataFrame with one column per variable, values as Python objects."""
        import pandas as pd

        return pd.DataFrame([{v: _python(row.get(v)) for v in self.vars} for row in self.rows], columns=self.vars)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.vars)
        for row in self.rows:
            writer.writerow(["" if row.get(v) is None else str(row[v]) for v in self.vars])
        return out.getvalue()

    def to_json(self) -> str:
        """The SPARQL 1.1 Query Results JSON format."""
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean})
        bindings = [{v: _json_term(row[v]) for v in self.vars if row.get(v) is not None} for row in self.rows]
        return json.dumps({"head": {"vars": self.vars}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _python(term):
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return None if term is None else str(term)


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out
