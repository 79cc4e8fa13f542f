"""The actor network: claims projected onto a networkx MultiDiGraph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict

import networkx as nx

from ..model import Claim, Entity

__all__ = ["to_networkx"]

_ARTICLE_FIELDS = ("headline", "url", "published")


def to_networkx(
    claims: Iterable[Claim],
    entities: Iterable[Entity] = (),
    *,
    predicates: Iterable[str] | None = None,
    modalities: Iterable[str] | None = None,
    min_confidence: float = 0.0,
    articles: Mapping[str, Mapping[str, object]] | None = None,
) -> nx.MultiDiGraph:
    """One node per entity in a claim, one edge per claim with the claim's fields as data.

    Node attributes: ``label``, ``type``, ``country``, ``iso3``; edge key is the claim id.
    ``articles`` maps an article id to what is known of it (``headline``, ``url``,
    ``published``); each edge then carries those fields of its article (None otherwise).

    >>> from kg.model import Claim
    >>> c = Claim("c1", "a1", "country/RUS", "meets", "country/PRK", "Asserted", 0.9, "...", 0, 3)
    >>> g = to_networkx([c], articles={"a1": {"headline": "Moscow talks"}})
    >>> sorted(g.nodes), g.number_of_edges(), g.edges["country/RUS", "country/PRK", "c1"]["headline"]
    (['country/PRK', 'country/RUS'], 1, 'Moscow talks')
    """
    wanted_p = set(predicates) if predicates else None
    wanted_m = set(modalities) if modalities else None
    described = {e.key: e for e in entities}
    known = articles or {}
    graph = nx.MultiDiGraph()
    for claim in claims:
        if wanted_p and claim.predicate not in wanted_p:
            continue
        if wanted_m and claim.modality not in wanted_m:
            continue
        if claim.confidence < min_confidence:
            continue
        for key in (claim.subject, claim.object):
            if key not in graph:
                entity = described.get(key)
                graph.add_node(
                    key,
                    label=entity.label("en") if entity else key.rsplit("/", 1)[-1],
                    type=entity.type if entity else key.split("/", 1)[0],
                    country=entity.country if entity else None,
                    iso3=entity.iso3 if entity else None,
                )
        data = asdict(claim)
        data["event_date"] = claim.event_date.isoformat() if claim.event_date else None
        info = known.get(claim.article, {})
        for field in _ARTICLE_FIELDS:
            value = info.get(field)
            data[field] = value.isoformat() if hasattr(value, "isoformat") else value
        graph.add_edge(claim.subject, claim.object, key=claim.id, **data)
    return graph
