"""SHACL validation of a graph against ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

from rdflib import Graph

from ..settings import ontology_dir

__all__ = ["validate_dataset", "validate_graph"]


def validate_graph(data: Graph) -> tuple[bool, str]:
    """(conforms, report text) for one graph holding data and ontology together."""
    from pyshacl import validate

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, _report_graph, text = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return bool(conforms), text


def validate_dataset(dataset) -> tuple[bool, str]:
    """Validate the union of all named graphs of a dataset."""
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    ontology = Graph().parse(ontology_dir() / "geokg.ttl", format="turtle")
    union += ontology
    return validate_graph(union)
