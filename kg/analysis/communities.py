"""Groups of actors that the press links to each other more than to the rest."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .projection import actor_network

__all__ = ["communities", "METHODS"]

METHODS = ("louvain", "greedy")


def communities(
    graph: nx.Graph,
    *,
    method: str = "louvain",
    weight: str | None = "weight",
    resolution: float = 1.0,
    seed: int = 0,
) -> pd.DataFrame:
    """Partition the actors into communities by modularity.

    Parameters
    ----------
    graph : networkx.Graph
        A claim graph (projected with :func:`kg.analysis.actor_network`'s defaults) or a
        weighted actor network; direction is ignored.
    method : {"louvain", "greedy"}
        networkx's Louvain method, or Clauset-Newman-Moore greedy modularity.
    weight : str or None
        Edge attribute holding the weight.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    seed : int
        Seed of the Louvain method, so that results are reproducible.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor key, with ``community`` (0 is the largest), ``size`` (of that
        community), ``label`` and ``type``; sorted by community then label. Actors with no
        weighted link form communities of their own.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")], weight=1.0)
    >>> table = communities(g)
    >>> sorted(table.groupby("community").groups[0]), int(table["community"].nunique())
    (['a', 'b', 'c'], 2)
    """
    if method not in METHODS:
        raise ValueError(f"unknown community method {method!r}; use one of {', '.join(METHODS)}")
    net = actor_network(graph) if graph.is_multigraph() else graph
    if net.is_directed():
        net = net.to_undirected()
    if net.number_of_nodes() == 0:
        return pd.DataFrame(columns=["community", "size", "label", "type"])
    if method == "louvain":
        groups = nx.community.louvain_communities(net, weight=weight, resolution=resolution, seed=seed)
    else:
        groups = nx.community.greedy_modularity_communities(net, weight=weight, resolution=resolution)
    ordered = sorted(groups, key=lambda members: (-len(members), sorted(map(str, members))))
    rows = []
    for number, members in enumerate(ordered):
        for node in members:
            data = net.nodes[node]
            rows.append({"actor": node, "community": number, "size": len(members), "label": data.get("label", node), "type": data.get("type")})
    frame = pd.DataFrame(rows).set_index("actor")
    return frame.sort_values(["community", "label"], kind="stable")
