"""Cooperation versus conflict: the signed actor network and the blocs it implies.

A claim counts as cooperation or conflict through its relation's PLOVER quad class, read
from the ontology (``gkg:quadClass``): verbal and material cooperation are positive, verbal
and material conflict negative. Structural relations (``leaderOf``, ``memberOf``...) have no
quad class and are left out. Blocs are the partition that best fits structural balance
("the enemy of my enemy is my friend"): as few conflicts inside blocs and cooperations
across them as possible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from .projection import _collapse_claims, claim_weight

__all__ = ["QUAD_SIGNS", "quad_sign", "signed_network", "signed_blocs", "frustration"]

QUAD_SIGNS: Mapping[str, int] = {
    "verbal cooperation": 1,
    "material cooperation": 1,
    "verbal conflict": -1,
    "material conflict": -1,
}


def quad_sign(predicate: str) -> int:
    """+1 for a cooperation relation, -1 for a conflict relation, 0 otherwise.

    Examples
    --------
    >>> quad_sign("meets"), quad_sign("attacks"), quad_sign("memberOf"), quad_sign("nonsense")
    (1, -1, 0, 0)
    """
    from ..schema import schema

    relation = schema().relations.get(predicate)
    return QUAD_SIGNS.get(relation.quad_class, 0) if relation and relation.quad_class else 0


def signed_network(
    graph: nx.MultiDiGraph,
    *,
    modality_weights: Mapping[str, float] | None = None,
    quad_weights: Mapping[str, float] | None = None,
    use_confidence: bool = False,
    actors_only: bool = True,
) -> nx.Graph:
    """One undirected signed edge per pair of actors linked by cooperation or conflict.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A claim graph.
    modality_weights, use_confidence
        How much one claim counts, as in :func:`kg.analysis.actor_network`.
    quad_weights : mapping, optional
        Extra factor per quad class, e.g. ``{"material conflict": 2.0}`` to make an attack
        weigh more than a condemnation; missing classes count 1.
    actors_only : bool
        Leave out claims that involve a node whose type the ontology does not place under
        ``gkg:Actor`` (a weapon supplied, a city visited); untyped nodes are kept.

    Returns
    -------
    networkx.Graph
        The actors that take part in a weighted cooperation or conflict claim, with their
        attributes; each edge has ``positive`` and ``negative`` (summed weights, both >= 0),
        ``weight`` (``positive - negative``), ``sign`` (+1, -1 or 0), ``claims`` and
        ``relations`` (claims per relation).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", predicate="meets", modality="Asserted")
    >>> _ = g.add_edge("a", "b", predicate="condemns", modality="Hedged")
    >>> _ = g.add_edge("a", "c", predicate="attacks", modality="Asserted")
    >>> _ = g.add_edge("p", "c", predicate="leaderOf", modality="Asserted")
    >>> s = signed_network(g)
    >>> s["a"]["b"]["weight"], s["a"]["b"]["sign"], s["a"]["c"]["sign"], "p" in s
    (0.5, 1, -1, False)
    """
    from ..schema import schema

    known = schema()

    def is_actor(node) -> bool:
        kind = graph.nodes[node].get("type")
        return not actors_only or kind not in known.ancestors or known.is_a(kind, "Actor")

    signs: dict[str, int] = {}

    def weigh(u, v, data) -> tuple[str, float] | None:
        if not (is_actor(u) and is_actor(v)):
            return None
        predicate = str(data.get("predicate"))
        if predicate not in signs:
            signs[predicate] = quad_sign(predicate)
        if signs[predicate] == 0:
            return None
        weight = claim_weight(data, modality_weights, None, use_confidence)
        if quad_weights is not None:
            weight *= float(quad_weights.get(known.relations[predicate].quad_class, 1.0))
        return ("positive" if signs[predicate] > 0 else "negative"), weight

    net = _collapse_claims(graph, nx.Graph(), weigh, fields=("positive", "negative"))
    for _, _, edge in net.edges(data=True):
        edge["weight"] = round(edge["positive"] - edge["negative"], 6)
        edge["sign"] = int(np.sign(edge["weight"]))
    return net


def frustration(signed: nx.Graph, blocs: Mapping[Hashable, int] | pd.DataFrame | pd.Series) -> float:
    """Weight of the edges a partition leaves unbalanced: conflict inside, cooperation across.

    Examples
    --------
    >>> s = nx.Graph()
    >>> s.add_edge("a", "b", weight=1.0); s.add_edge("a", "c", weight=-2.0)
    >>> frustration(s, {"a": 0, "b": 0, "c": 1}), frustration(s, {"a": 0, "b": 0, "c": 0})
    (0.0, 2.0)
    """
    if isinstance(blocs, pd.DataFrame):
        blocs = blocs["bloc"]
    assignment = dict(blocs.items()) if isinstance(blocs, pd.Series) else dict(blocs)
    total = 0.0
    for u, v, data in signed.edges(data=True):
        if u not in assignment or v not in assignment:
            continue
        weight = float(data.get("weight", 0.0))
        same = assignment[u] == assignment[v]
        if (weight < 0 and same) or (weight > 0 and not same):
            total += abs(weight)
    return round(total, 6)


def _kmeans(points: np.ndarray, k: int, iterations: int = 50) -> np.ndarray:
    """Plain k-means with farthest-point seeding, deterministic."""
    centres = [points[int(np.argmax(np.linalg.norm(points, axis=1)))]]
    while len(centres) < k:
        distance = np.min([np.linalg.norm(points - c, axis=1) for c in centres], axis=0)
        centres.append(points[int(np.argmax(distance))])
    centres_arr = np.array(centres)
    labels = np.zeros(len(points), dtype=int)
    for _ in range(iterations):
        labels = np.argmin(((points[:, None, :] - centres_arr[None, :, :]) ** 2).sum(axis=2), axis=1)
        updated = np.array([points[labels == j].mean(axis=0) if np.any(labels == j) else centres_arr[j] for j in range(k)])
        if np.allclose(updated, centres_arr):
            break
        centres_arr = updated
    return labels


def _spectral(n: int, edges: list[tuple[int, int, float]], k: int) -> np.ndarray:
    """Initial blocs from the smallest eigenvectors of the signed Laplacian."""
    if n > 2000:
        from scipy.sparse import coo_matrix, diags
        from scipy.sparse.linalg import eigsh

        rows = [i for i, j, _ in edges] + [j for i, j, _ in edges]
        cols = [j for i, j, _ in edges] + [i for i, j, _ in edges]
        vals = [w for _, _, w in edges] * 2
        adjacency = coo_matrix((vals, (rows, cols)), shape=(n, n)).tocsr()
        degree = np.asarray(abs(adjacency).sum(axis=1)).ravel()
        laplacian = diags(degree) - adjacency
        try:
            _, vectors = eigsh(laplacian, k=k, which="SA", tol=1e-4, maxiter=5000)
        except Exception:  # noqa: BLE001 - no convergence: start from one bloc, refine greedily
            return np.zeros(n, dtype=int)
    else:
        adjacency = np.zeros((n, n))
        for i, j, w in edges:
            adjacency[i, j] += w
            adjacency[j, i] += w
        laplacian = np.diag(np.abs(adjacency).sum(axis=1)) - adjacency
        _, vectors = np.linalg.eigh(laplacian)
        vectors = vectors[:, :k]
    if k == 2:
        return (vectors[:, 0] < 0).astype(int)
    return _kmeans(vectors, k)


def signed_blocs(graph: nx.Graph, *, k: int = 2, max_rounds: int = 100, **weights) -> pd.DataFrame:
    """Partition the actors into ``k`` blocs that best fit structural balance.

    A spectral start (smallest eigenvectors of the signed Laplacian) is refined greedily:
    each actor moves to the bloc where it has the fewest conflicts inside and cooperations
    outside, until no move lowers the :func:`frustration`.

    Parameters
    ----------
    graph : networkx.Graph
        A claim graph (passed through :func:`signed_network` with ``weights``) or a signed
        network already.
    k : int
        Number of blocs (at least 2); some may stay empty when the graph needs fewer.
    max_rounds : int
        Bound on refinement rounds.
    **weights
        ``modality_weights``, ``quad_weights`` and ``use_confidence`` for
        :func:`signed_network`.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor key, sorted by bloc then label: ``bloc`` (0 is the largest),
        ``label``, ``type``, ``allies`` and ``opponents`` (summed weight of positive and
        negative ties), and ``unbalanced`` (weight of this actor's ties the partition
        leaves frustrated). Actors with only neutral ties are left out.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for u, v, p in [("usa", "ukr", "aids"), ("rus", "prk", "meets"), ("rus", "ukr", "attacks"),
    ...                 ("usa", "prk", "sanctions"), ("usa", "rus", "condemns")]:
    ...     _ = g.add_edge(u, v, predicate=p, modality="Asserted")
    >>> table = signed_blocs(g)
    >>> sorted(sorted(group) for group in table.groupby("bloc").groups.values())
    [['prk', 'rus'], ['ukr', 'usa']]
    >>> frustration(signed_network(g), table)
    0.0
    """
    if k < 2:
        raise ValueError("k must be at least 2")
    signed = signed_network(graph, **weights) if graph.is_multigraph() or not _is_signed(graph) else graph
    ties = [(u, v, float(d["weight"])) for u, v, d in signed.edges(data=True) if d.get("weight")]
    nodes = sorted({n for u, v, _ in ties for n in (u, v)}, key=str)
    columns = ["bloc", "label", "type", "allies", "opponents", "unbalanced"]
    if not nodes:
        return pd.DataFrame(columns=columns)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v], w) for u, v, w in ties]
    labels = _spectral(len(nodes), edges, min(k, len(nodes)))
    neighbours: list[list[tuple[int, float]]] = [[] for _ in nodes]
    for i, j, w in edges:
        neighbours[i].append((j, w))
        neighbours[j].append((i, w))

    def cost(i: int, bloc: int) -> float:
        return sum(
            (abs(w) if labels[j] == bloc else 0.0) if w < 0 else (w if labels[j] != bloc else 0.0)
            for j, w in neighbours[i]
        )

    for _ in range(max_rounds):
        moved = False
        for i in range(len(nodes)):
            current = cost(i, labels[i])
            best, best_cost = labels[i], current
            for bloc in range(k):
                if bloc != labels[i] and (c := cost(i, bloc)) < best_cost - 1e-12:
                    best, best_cost = bloc, c
            if best != labels[i]:
                labels[i] = best
                moved = True
        if not moved:
            break
    sizes = Counter(labels.tolist())
    renumber = {old: new for new, (old, _) in enumerate(sorted(sizes.items(), key=lambda item: (-item[1], item[0])))}
    rows = []
    for node, i in index.items():
        data = signed.nodes[node]
        rows.append({
            "actor": node,
            "bloc": renumber[int(labels[i])],
            "label": data.get("label", node),
            "type": data.get("type"),
            "allies": round(sum((w for _, w in neighbours[i] if w > 0), 0.0), 6),
            "opponents": round(sum((-w for _, w in neighbours[i] if w < 0), 0.0), 6),
            "unbalanced": round(cost(i, labels[i]), 6),
        })
    frame = pd.DataFrame(rows, columns=["actor", *columns]).set_index("actor")
    return frame.sort_values(["bloc", "label"], kind="stable")


def _is_signed(graph: nx.Graph) -> bool:
    return all("sign" in data for _, _, data in graph.edges(data=True))
