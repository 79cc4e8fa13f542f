"""Network and table exports that other tools read: GEXF, GraphML, a CSV of claims."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

__all__ = ["write_network", "write_claims_csv", "CSV_COLUMNS"]

CSV_COLUMNS = [
    "date", "source_actor", "source_country", "relation", "plover", "cameo", "target_actor",
    "target_country", "modality", "confidence", "attributed_to", "evidence", "article", "url",
]


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are strings or numbers, as GEXF and GraphML require."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: ("" if v is None else v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: ("" if x is None else x) for k, x in data.items()})
    return flat


def write_network(graph: nx.MultiDiGraph, path: Path) -> None:
    if path.suffix.lower() == ".gexf":
        nx.write_gexf(_flat(graph), path)
    else:
        nx.write_graphml(_flat(graph), path)


def write_claims_csv(kg, path: Path) -> None:
    """One row per claim, GDELT-like columns."""
    from ..schema import schema

    relations = schema().relations
    entities = {e.key: e for e in kg.entities()}
    urls = {str(r["a"]).rsplit("/", 1)[-1]: str(r["u"]) for r in kg.query("SELECT ?a ?u WHERE { ?a schema:url ?u }")}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for claim in kg.claims():
            relation = relations.get(claim.predicate)
            source, target = entities.get(claim.subject), entities.get(claim.object)
            writer.writerow({
                "date": claim.event_date.isoformat() if claim.event_date else "",
                "source_actor": claim.subject,
                "source_country": (source.iso3 or source.country or "") if source else "",
                "relation": claim.predicate,
                "plover": relation.plover if relation and relation.plover else "",
                "cameo": "/".join(relation.cameo) if relation else "",
                "target_actor": claim.object,
                "target_country": (target.iso3 or target.country or "") if target else "",
                "modality": claim.modality,
                "confidence": claim.confidence,
                "attributed_to": claim.attributed_to or "",
                "evidence": claim.evidence,
                "article": claim.article,
                "url": urls.get(claim.article, ""),
            })
