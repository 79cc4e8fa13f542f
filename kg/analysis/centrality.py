"""Who matters in the actor network: degree, PageRank and betweenness in one table."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .projection import actor_network

__all__ = ["centrality", "pagerank"]

_COLUMNS = ["label", "type", "claims", "degree", "weighted_degree", "pagerank", "betweenness"]


def _weighted(graph: nx.Graph) -> nx.Graph:
    """The weighted actor network of a claim graph; a projected graph is returned as is."""
    return actor_network(graph) if graph.is_multigraph() else graph


def pagerank(graph: nx.Graph, *, weight: str | None = "weight", alpha: float = 0.85) -> dict[str, float]:
    """PageRank of every actor over the weighted actor network (claim graphs are projected).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for other in "bcd":
    ...     _ = g.add_edge("a", other, predicate="meets", modality="Asserted")
    >>> scores = pagerank(g)
    >>> max(scores, key=scores.get), round(sum(scores.values()), 6)
    ('a', 1.0)
    """
    net = _weighted(graph)
    if net.number_of_nodes() == 0:
        return {}
    if net.number_of_edges() == 0:
        return {n: 1.0 / net.number_of_nodes() for n in net}
    return nx.pagerank(net, alpha=alpha, weight=weight)


def centrality(
    graph: nx.Graph,
    *,
    weight: str | None = "weight",
    k: int | None = None,
    exact_up_to: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Degree, weighted degree, PageRank and betweenness of every actor.

    Parameters
    ----------
    graph : networkx.Graph
        A claim graph (projected with :func:`kg.analysis.actor_network`'s defaults) or an
        already weighted actor network.
    weight : str or None
        Edge attribute holding the weight; betweenness reads ``1 / weight`` as a distance,
        so that strongly linked actors are close.
    k : int, optional
        Number of source nodes sampled for betweenness. By default betweenness is exact up
        to ``exact_up_to`` actors and sampled with ``k=200`` above.
    seed : int
        Seed of the betweenness sample, so that results are reproducible.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor key, sorted by PageRank (highest first), with columns ``label``,
        ``type``, ``claims`` (claims involving the actor in a claim graph), ``degree``
        (distinct partners), ``weighted_degree``, ``pagerank`` and ``betweenness``
        (normalised).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for u, v in [("a", "b"), ("b", "c"), ("c", "d"), ("b", "d")]:
    ...     _ = g.add_edge(u, v, predicate="meets", modality="Asserted")
    >>> table = centrality(g)
    >>> list(table.index[:2]), int(table.loc["b", "degree"]), float(table.loc["a", "betweenness"])
    (['b', 'c'], 3, 0.0)
    """
    net = _weighted(graph)
    scores = pagerank(net, weight=weight)
    undirected = net.to_undirected(as_view=True) if net.is_directed() else net
    n = undirected.number_of_nodes()
    sample = k if k is not None else (None if n <= exact_up_to else 200)
    if sample is not None and sample >= n:
        sample = None
    distance = (lambda u, v, data: 1.0 / data[weight] if data.get(weight) else None) if weight else None
    between = nx.betweenness_centrality(undirected, k=sample, weight=distance, seed=seed) if n else {}
    claims = dict(graph.degree()) if graph.is_multigraph() else {}
    rows = []
    for node, data in net.nodes(data=True):
        rows.append({
            "actor": node,
            "label": data.get("label", node),
            "type": data.get("type"),
            "claims": claims.get(node, 0),
            "degree": undirected.degree(node),
            "weighted_degree": float(undirected.degree(node, weight=weight)) if weight else float(undirected.degree(node)),
            "pagerank": scores.get(node, 0.0),
            "betweenness": between.get(node, 0.0),
        })
    frame = pd.DataFrame(rows, columns=["actor", *_COLUMNS]).set_index("actor")
    return frame.sort_values(["pagerank", "label"], ascending=[False, True], kind="stable")
