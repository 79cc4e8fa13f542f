"""Why two actors are linked: the shortest chains of claims between them, with evidence."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice

import networkx as nx

from .projection import actor_network, claim_weight, find_actor

__all__ = ["explain"]

_CLAIM_FIELDS = ("predicate", "modality", "confidence", "evidence", "article", "headline", "url", "event_date", "attributed_to")


def _step(graph: nx.MultiDiGraph, a: str, b: str, modality_weights, relation_weights) -> list[dict]:
    """Every claim between ``a`` and ``b`` (both directions) that counts, strongest first."""
    found = []
    for u, v in ((a, b), (b, a)):
        for key, data in (graph.get_edge_data(u, v) or {}).items():
            weight = claim_weight(data, modality_weights, relation_weights)
            if weight <= 0:
                continue
            claim = {"claim": key, "subject": u, "object": v, "weight": weight}
            claim.update({field: data.get(field) for field in _CLAIM_FIELDS})
            found.append(claim)
    found.sort(key=lambda c: (-c["weight"], -float(c.get("confidence") or 0), str(c["claim"])))
    return found


def explain(
    graph: nx.MultiDiGraph,
    a: str,
    b: str,
    *,
    max_paths: int = 3,
    max_length: int | None = None,
    modality_weights: Mapping[str, float] | None = None,
    relation_weights: Mapping[str, float] | None = None,
) -> list[dict]:
    """The shortest chains of claims linking actor ``a`` to actor ``b``.

    Direction is ignored (a meeting links both sides). Only claims with a positive weight
    count as links, so by default a denied claim links nobody.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A claim graph.
    a, b : str
        Actors, by key, label or ISO3 code (see :func:`kg.analysis.find_actor`).
    max_paths : int
        How many chains to return, shortest first (ties in no particular order).
    max_length : int, optional
        Ignore chains with more steps than this.
    modality_weights, relation_weights : mapping, optional
        As in :func:`kg.analysis.actor_network`; a weight of 0 removes claims from the search.

    Returns
    -------
    list of dict
        One dict per chain: ``actors`` (keys), ``labels``, ``length`` (steps), ``text`` (a
        one-line reading) and ``steps``, each with ``source``, ``target`` and ``claims``:
        every claim between the two, with predicate, modality, confidence, evidence,
        article, headline, url, event date and attribution, strongest first. Empty when
        nothing links them.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("xi", label="Xi Jinping"); g.add_node("lukashenko", label="Alexander Lukashenko")
    >>> g.add_node("ukr", label="Ukraine")
    >>> _ = g.add_edge("xi", "lukashenko", key="c1", predicate="meets", modality="Asserted", confidence=0.9, evidence="Xi met Lukashenko.")
    >>> _ = g.add_edge("lukashenko", "ukr", key="c2", predicate="threatens", modality="Asserted", confidence=0.8, evidence="Minsk threatens Ukraine.")
    >>> chain = explain(g, "Xi Jinping", "Ukraine")[0]
    >>> chain["text"]
    'Xi Jinping —meets→ Alexander Lukashenko —threatens→ Ukraine'
    >>> chain["steps"][0]["claims"][0]["evidence"]
    'Xi met Lukashenko.'
    """
    source, target = find_actor(graph, a), find_actor(graph, b)
    if source == target:
        return []
    links = actor_network(graph, modality_weights=modality_weights, relation_weights=relation_weights)
    try:
        paths = nx.shortest_simple_paths(links, source, target)
        chosen = []
        for path in islice(paths, max_paths):
            if max_length is not None and len(path) - 1 > max_length:
                break
            chosen.append(path)
    except nx.NetworkXNoPath:
        return []
    chains = []
    for path in chosen:
        steps = []
        words = [str(graph.nodes[path[0]].get("label", path[0]))]
        for u, v in zip(path, path[1:]):
            claims = _step(graph, u, v, modality_weights, relation_weights)
            steps.append({"source": u, "target": v, "claims": claims})
            best = claims[0]
            arrow = f"—{best['predicate']}→" if best["subject"] == u else f"←{best['predicate']}—"
            words += [arrow, str(graph.nodes[v].get("label", v))]
        chains.append({
            "actors": list(path),
            "labels": [graph.nodes[n].get("label", n) for n in path],
            "length": len(path) - 1,
            "text": " ".join(words),
            "steps": steps,
        })
    return chains
