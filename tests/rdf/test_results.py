"""Rows in the SPARQL results formats: JSON, XML, CSV and TSV."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from rdflib import XSD, BNode, Literal, URIRef

from kg.rdf.results import Rows

NS = "{http://www.w3.org/2005/sparql-results#}"
TEXT = 'tab\there "quoted" back\\slash\nline\r\nend <&> \x01\x7f \u2028 é'
ROWS = Rows(
    ["s", "o"],
    [
        {"s": URIRef("https://example.org/a?x=1&y=2"), "o": Literal(TEXT, lang="fr")},
        {"s": BNode("b0"), "o": Literal("42", datatype=XSD.integer)},
        {"o": Literal("plain")},
    ],
)


def test_xml_is_well_formed_and_keeps_what_xml_can_carry():
    root = ET.fromstring(ROWS.to_xml().encode("utf-8"))
    assert [v.get("name") for v in root.iter(f"{NS}variable")] == ["s", "o"]
    results = root.findall(f"{NS}results/{NS}result")
    assert len(results) == 3
    literal = results[0].find(f"{NS}binding[@name='o']/{NS}literal")
    assert literal.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert literal.text == TEXT.replace("\x01", "\ufffd")
    assert results[0].find(f"{NS}binding[@name='s']/{NS}uri").text == "https://example.org/a?x=1&y=2"
    assert results[1].find(f"{NS}binding[@name='s']/{NS}bnode").text == "b0"
    assert results[1].find(f"{NS}binding/{NS}literal").get("datatype") == str(XSD.integer)
    assert results[2].find(f"{NS}binding[@name='s']") is None
    assert ET.fromstring(Rows(boolean=False).to_xml()).find(f"{NS}boolean").text == "false"


def test_tsv_escapes_tabs_and_newlines():
    lines = ROWS.to_tsv().split("\n")
    assert lines[0] == "?s\t?o"
    assert lines[1].split("\t") == ["<https://example.org/a?x=1&y=2>", '"tab\\there \\"quoted\\" back\\\\slash\\nline\\r\\nend <&> \x01\x7f \u2028 é"@fr']
    assert lines[2] == f'_:b0\t"42"^^<{XSD.integer}>'
    assert lines[3] == '\t"plain"'
    assert lines[4:] == [""]


def test_csv_and_json_round_trip():
    assert list(csv.reader(io.StringIO(ROWS.to_csv(), newline="")))[1] == ["https://example.org/a?x=1&y=2", TEXT]
    data = json.loads(ROWS.to_json())
    assert data["results"]["bindings"][0]["o"] == {"type": "literal", "value": TEXT, "xml:lang": "fr"}
    assert Rows(boolean=True).to_csv() == Rows(boolean=True).to_tsv() == "true\n"
