"""From claims to actors: filters, the weighted actor network, ego networks, claim tables.

The claim graph (``kg.to_networkx()``) has one edge per claim. Most measures want one
weighted edge per pair of actors instead; how much a claim counts depends on its modality
(a hedged meeting is half a meeting, a denied one none by default) and may depend on its
relation and its confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date

import networkx as nx
import pandas as pd

__all__ = [
    "MODALITY_WEIGHTS",
    "filter_claims",
    "actor_network",
    "ego_network",
    "find_actor",
    "claims_frame",
    "claim_weight",
]

MODALITY_WEIGHTS: Mapping[str, float] = {"Asserted": 1.0, "Hedged": 0.5, "Conditional": 0.25, "Negated": 0.0}

_CLAIM_COLUMNS = [
    "claim", "subject", "subject_label", "predicate", "object", "object_label", "modality",
    "confidence", "event_date", "attributed_to", "evidence", "article", "headline", "url",
]


def _iso(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def filter_claims(
    graph: nx.MultiDiGraph,
    *,
    relations: Iterable[str] | None = None,
    modalities: Iterable[str] | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    min_confidence: float = 0.0,
    keep_undated: bool = True,
) -> nx.MultiDiGraph:
    """The claims of ``graph`` that pass every given filter, as a new claim graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A claim graph, as returned by ``KnowledgeGraph.to_networkx()``.
    relations, modalities : iterable of str, optional
        Keep only these predicates (e.g. ``"meets"``) or modalities (e.g. ``"Asserted"``).
    start, end : date or ISO string, optional
        Keep claims whose ``event_date`` lies in ``[start, end]`` (both inclusive).
    min_confidence : float
        Drop claims below this confidence.
    keep_undated : bool
        Whether claims without an ``event_date`` survive a date filter.

    Returns
    -------
    networkx.MultiDiGraph
        A copy holding the kept claims and the actors they involve, with all attributes.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="c1", predicate="meets", modality="Asserted", confidence=0.9, event_date="2023-09-13")
    'c1'
    >>> g.add_edge("a", "c", key="c2", predicate="attacks", modality="Hedged", confidence=0.4, event_date=None)
    'c2'
    >>> list(filter_claims(g, modalities=["Asserted"]).edges(keys=True))
    [('a', 'b', 'c1')]
    >>> filter_claims(g, start="2023-01-01", keep_undated=False).number_of_edges()
    1
    """
    wanted_r = set(relations) if relations is not None else None
    wanted_m = set(modalities) if modalities is not None else None
    low, high = _iso(start), _iso(end)
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    for u, v, key, data in graph.edges(keys=True, data=True):
        if wanted_r is not None and data.get("predicate") not in wanted_r:
            continue
        if wanted_m is not None and data.get("modality") not in wanted_m:
            continue
        if float(data.get("confidence", 1.0) or 0.0) < min_confidence:
            continue
        when = _iso(data.get("event_date"))
        if low or high:
            if when is None:
                if not keep_undated:
                    continue
            elif (low and when < low) or (high and when > high):
                continue
        for node in (u, v):
            if node not in out:
                out.add_node(node, **graph.nodes[node])
        out.add_edge(u, v, key=key, **data)
    return out


def claim_weight(
    data: Mapping[str, object],
    modality_weights: Mapping[str, float] | None = None,
    relation_weights: Mapping[str, float] | None = None,
    use_confidence: bool = False,
) -> float:
    """How much one claim counts: modality weight x relation weight (x confidence).

    Relations missing from ``relation_weights`` count 1; unknown modalities count 0.

    Examples
    --------
    >>> claim_weight({"predicate": "meets", "modality": "Hedged", "confidence": 0.8})
    0.5
    >>> claim_weight({"predicate": "meets", "modality": "Hedged", "confidence": 0.8}, use_confidence=True)
    0.4
    """
    weights = MODALITY_WEIGHTS if modality_weights is None else modality_weights
    value = float(weights.get(str(data.get("modality")), 0.0))
    if relation_weights is not None:
        value *= float(relation_weights.get(str(data.get("predicate")), 1.0))
    if use_confidence:
        value *= float(data.get("confidence", 1.0) or 0.0)
    return value


def actor_network(
    graph: nx.MultiDiGraph,
    *,
    modality_weights: Mapping[str, float] | None = None,
    relation_weights: Mapping[str, float] | None = None,
    use_confidence: bool = False,
    directed: bool = False,
) -> nx.Graph:
    """Collapse the claims between each pair of actors into one weighted edge.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A claim graph.
    modality_weights : mapping, optional
        Weight per modality; defaults to :data:`MODALITY_WEIGHTS`
        (asserted 1, hedged 0.5, conditional 0.25, negated 0).
    relation_weights : mapping, optional
        Extra factor per relation (missing relations count 1; 0 leaves a relation out).
    use_confidence : bool
        Also multiply each claim's weight by its confidence.
    directed : bool
        Keep the direction of claims (``DiGraph``) instead of joining both ways (``Graph``).

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Every actor of ``graph`` as a node (with its attributes); an edge where the claims
        add up to a positive weight, with ``weight``, ``claims`` (how many claims count)
        and ``relations`` (claims per relation). Self-loops are dropped.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="c1", predicate="meets", modality="Asserted", confidence=0.9)
    'c1'
    >>> g.add_edge("b", "a", key="c2", predicate="meets", modality="Hedged", confidence=0.5)
    'c2'
    >>> g.add_edge("a", "c", key="c3", predicate="attacks", modality="Negated", confidence=0.7)
    'c3'
    >>> net = actor_network(g)
    >>> net["a"]["b"]["weight"], net["a"]["b"]["claims"], net.has_edge("a", "c")
    (1.5, 2, False)
    """
    net = nx.DiGraph() if directed else nx.Graph()
    net.add_nodes_from(graph.nodes(data=True))
    return _collapse_claims(
        graph, net, lambda u, v, data: ("weight", claim_weight(data, modality_weights, relation_weights, use_confidence))
    )


def _collapse_claims(
    graph: nx.MultiDiGraph,
    net: nx.Graph,
    weigh: Callable[[Hashable, Hashable, Mapping[str, object]], tuple[str, float] | None],
    fields: tuple[str, ...] = ("weight",),
) -> nx.Graph:
    """Add to ``net`` one edge per pair of actors, summing the claims of ``graph`` between them.

    ``weigh(subject, object, claim)`` gives the field of ``fields`` a claim adds to and how
    much, or ``None`` to leave the claim out. Self-loops and claims weighing 0 or less are
    left out; the actors of a kept claim are added to ``net`` (with their attributes) when
    missing. Each edge holds one sum per field (rounded to 6 places), ``claims`` (how many
    claims count) and ``relations`` (claims per relation). Returns ``net``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", predicate="meets", modality="Asserted")
    >>> _ = g.add_edge("b", "a", predicate="meets", modality="Hedged")
    >>> net = _collapse_claims(g, nx.Graph(), lambda u, v, data: ("weight", claim_weight(data)))
    >>> net["a"]["b"]
    {'weight': 1.5, 'claims': 2, 'relations': {'meets': 2}}
    """
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        counted = weigh(u, v, data)
        if counted is None or counted[1] <= 0:
            continue
        field, weight = counted
        for node in (u, v):
            if node not in net:
                net.add_node(node, **graph.nodes[node])
        if not net.has_edge(u, v):
            net.add_edge(u, v, **dict.fromkeys(fields, 0.0), claims=0, relations=Counter())
        edge = net[u][v]
        edge[field] += weight
        edge["claims"] += 1
        edge["relations"][data.get("predicate")] += 1
    for _, _, edge in net.edges(data=True):
        for field in fields:
            edge[field] = round(edge[field], 6)
        edge["relations"] = dict(edge["relations"])
    return net


def find_actor(graph: nx.Graph, name: str) -> str:
    """The node key for an actor given by key, label or ISO3 code (case-insensitive).

    When several actors share the name, the best connected one is returned; when none
    does, ``KeyError`` names close candidates.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("country/RUS", label="Russia", iso3="RUS")
    >>> find_actor(g, "russia"), find_actor(g, "RUS"), find_actor(g, "country/RUS")
    ('country/RUS', 'country/RUS', 'country/RUS')
    """
    if name in graph:
        return name
    wanted = name.strip().casefold()
    exact = [n for n, d in graph.nodes(data=True) if str(d.get("label", "")).casefold() == wanted]
    if not exact:
        exact = [n for n, d in graph.nodes(data=True) if str(d.get("iso3") or "").casefold() == wanted]
    if not exact:
        exact = [n for n in graph if str(n).casefold() == wanted or str(n).rsplit("/", 1)[-1].casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        return sorted(exact, key=lambda n: (-graph.degree(n), str(n)))[0]
    close = sorted(
        f"{d.get('label', n)} ({n})" for n, d in graph.nodes(data=True) if wanted in str(d.get("label", n)).casefold()
    )[:5]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise KeyError(f"no actor named {name!r} in the graph{hint}")


def ego_network(graph: nx.MultiDiGraph, actor: str, radius: int = 1) -> nx.MultiDiGraph:
    """The claims among the actors within ``radius`` hops of ``actor`` (either direction).

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> sorted(ego_network(g, "b"))
    ['a', 'b', 'c']
    >>> sorted(ego_network(g, "b", radius=2))
    ['a', 'b', 'c', 'd']
    """
    center = find_actor(graph, actor)
    around = nx.ego_graph(graph.to_undirected(as_view=True), center, radius=radius)
    return graph.subgraph(around.nodes).copy()


def claims_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per claim with the labels of both actors, sorted by date then article.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="Russia")
    >>> g.add_node("b", label="Japan")
    >>> g.add_edge("a", "b", key="c1", predicate="meets", modality="Asserted", confidence=0.9, evidence="...")
    'c1'
    >>> claims_frame(g)[["subject_label", "predicate", "object_label"]].values.tolist()
    [['Russia', 'meets', 'Japan']]
    """
    rows = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        rows.append({
            "claim": key,
            "subject": u,
            "subject_label": graph.nodes[u].get("label", u),
            "predicate": data.get("predicate"),
            "object": v,
            "object_label": graph.nodes[v].get("label", v),
            "modality": data.get("modality"),
            "confidence": data.get("confidence"),
            "event_date": _iso(data.get("event_date")),
            "attributed_to": data.get("attributed_to"),
            "evidence": data.get("evidence"),
            "article": data.get("article"),
            "headline": data.get("headline"),
            "url": data.get("url"),
        })
    frame = pd.DataFrame(rows, columns=_CLAIM_COLUMNS)
    return frame.sort_values(["event_date", "article", "claim"], na_position="last", kind="stable").reset_index(drop=True)
