"""Query results as plain rows that notebooks and the CLI both read."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from xml.sax.saxutils import escape, quoteattr

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
        """The SPARQL 1.1 CSV results format (an ASK answer is ``true`` or ``false``)."""
        if self.boolean is not None:
            return "true\n" if self.boolean else "false\n"
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

    def to_tsv(self) -> str:
        """The SPARQL 1.1 TSV results format: terms in Turtle syntax, tabs and newlines escaped."""
        if self.boolean is not None:
            return "true\n" if self.boolean else "false\n"
        lines = ["\t".join("?" + v for v in self.vars)]
        for row in self.rows:
            lines.append("\t".join("" if row.get(v) is None else _tsv_term(row[v]) for v in self.vars))
        return "\n".join(lines) + "\n"

    def to_xml(self) -> str:
        """The SPARQL Query Results XML format.

        Characters XML 1.0 cannot carry (most C0 controls) are written as U+FFFD; use JSON
        for values that hold them.
        """
        out = ['<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out.extend(f"<variable name={quoteattr(v)}/>" for v in self.vars)
        out.append("</head>")
        if self.boolean is not None:
            out.append(f"<boolean>{'true' if self.boolean else 'false'}</boolean>")
        else:
            out.append("<results>")
            for row in self.rows:
                out.append("<result>")
                for v in self.vars:
                    if row.get(v) is not None:
                        out.append(f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>")
                out.append("</result>")
            out.append("</results>")
        out.append("</sparql>\n")
        return "\n".join(out)


def _python(term):
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return None if term is None else str(term)


_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TSV_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_TSV_SPECIAL = re.compile(r'[\\"\t\n\r]')


def _xml_text(text: str) -> str:
    return escape(_XML_INVALID.sub("\ufffd", text), {"\r": "&#13;"})


def _xml_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{_xml_text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{_xml_text(str(term))}</bnode>"
    attributes = ""
    if term.language:
        attributes = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype:
        attributes = f" datatype={quoteattr(_XML_INVALID.sub('', str(term.datatype)))}"
    return f"<literal{attributes}>{_xml_text(str(term))}</literal>"


def _tsv_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    lexical = '"' + _TSV_SPECIAL.sub(lambda m: _TSV_ESCAPES[m.group()], str(term)) + '"'
    if term.language:
        return f"{lexical}@{term.language}"
    if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
        return f"{lexical}^^<{term.datatype}>"
    return lexical


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
