"""The actor network as a self-contained, offline HTML page.

vis-network is inlined from pyvis's own copy and nothing is fetched from a CDN (the page's
Content-Security-Policy forbids it anyway). Article text never reaches ``innerHTML``: the
data is embedded with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and quotes, and
the page builds tooltips and the details panel with ``textContent``.

Large graphs stay light: parallel claims are drawn as one edge per (pair, relation,
modality) with a count, only the actors with the highest PageRank are kept (with a note of
what was left out), and beyond a small size the layout is computed here and physics is off.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

__all__ = ["render_html", "page_data", "TYPE_COLOURS", "EDGE_COLOURS"]

TYPE_COLOURS = {
    "Country": "#1f77b4",
    "Person": "#ff7f0e",
    "InternationalOrganization": "#2ca02c",
    "Organization": "#98df8a",
    "GovernmentBody": "#17becf",
    "ArmedGroup": "#d62728",
    "NonGovernmentalOrganization": "#bcbd22",
    "City": "#9467bd",
    "Region": "#c5b0d5",
    "Facility": "#8c564b",
    "Place": "#c49c94",
    "Weapon": "#7f7f7f",
    "Resource": "#e377c2",
    "Conflict": "#000000",
    "Resolution": "#aec7e8",
    "Actor": "#ffbb78",
}
EDGE_COLOURS = {"cooperation": "#2a9d3a", "conflict": "#c0392b", "structural": "#999999"}
PHYSICS_UP_TO = 150


def _kind(predicate: str) -> str:
    from ..analysis.signed import quad_sign

    sign = quad_sign(predicate)
    return "cooperation" if sign > 0 else "conflict" if sign < 0 else "structural"


def _symmetric(predicate: str) -> bool:
    from ..schema import schema

    relation = schema().relations.get(predicate)
    return bool(relation and relation.symmetric)


def _layout(graph: nx.MultiDiGraph, keep: list[str]) -> dict[str, tuple[float, float]]:
    """Spring-layout positions in page pixels, spread so that nodes rarely overlap."""
    simple = nx.Graph()
    simple.add_nodes_from(keep)
    simple.add_edges_from((u, v) for u, v in graph.subgraph(keep).edges() if u != v)
    iterations = 50 if len(keep) <= 1000 else 30
    positions = nx.spring_layout(simple, seed=0, iterations=iterations, k=1.5 / math.sqrt(max(len(keep), 1)))
    scale = 60 * math.sqrt(len(keep))
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in positions.items()}


def _claim(graph: nx.MultiDiGraph, data: Mapping, max_chars: int = 1000) -> dict:
    evidence = str(data.get("evidence") or "")
    source = data.get("attributed_to")
    if source:
        source = str(graph.nodes[source].get("label") or source) if source in graph else str(source).rsplit("/", 1)[-1]
    if len(evidence) > max_chars:
        evidence = evidence[:max_chars] + "…"
    return {
        "evidence": evidence,
        "modality": data.get("modality"),
        "confidence": data.get("confidence"),
        "date": data.get("event_date"),
        "attributed_to": source,
        "article": data.get("article"),
        "headline": data.get("headline"),
        "url": data.get("url"),
        "published": data.get("published"),
    }


def page_data(
    graph: nx.MultiDiGraph,
    *,
    max_nodes: int = 300,
    max_edges: int = 2000,
    max_evidence: int = 50,
) -> dict:
    """What the page draws: the kept actors, the aggregated edges and a note of the cuts.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A claim graph (``KnowledgeGraph.to_networkx()``).
    max_nodes, max_edges : int
        Keep the ``max_nodes`` actors with the highest PageRank, then the ``max_edges``
        aggregated edges among them with the most claims.
    max_evidence : int
        Distinct evidence sentences embedded per drawn edge (the rest are counted).

    Returns
    -------
    dict
        ``nodes`` and ``edges`` (vis-network items, each with a ``tip`` for the tooltip),
        ``note`` (empty unless something was left out) and ``totals``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for i in range(3):
    ...     _ = g.add_edge("a", "b", key=f"c{i}", predicate="attacks", modality="Asserted", evidence=f"s{i}")
    >>> data = page_data(g)
    >>> len(data["edges"]), data["edges"][0]["count"], data["edges"][0]["kind"]
    (1, 3, 'conflict')
    """
    from ..analysis.centrality import pagerank

    scores = pagerank(graph)
    degree = dict(graph.degree())
    ranked = sorted(graph.nodes, key=lambda n: (-scores.get(n, 0.0), -degree.get(n, 0), str(n)))
    keep = ranked[:max_nodes]
    kept = set(keep)

    groups: dict[tuple, list] = defaultdict(list)
    for u, v, key, data in graph.edges(keys=True, data=True):
        if u not in kept or v not in kept:
            continue
        predicate = str(data.get("predicate", ""))
        ends = tuple(sorted((u, v), key=str)) if _symmetric(predicate) else (u, v)
        groups[(*ends, predicate, str(data.get("modality", "")))].append((key, data))
    claims_among_kept = sum(len(items) for items in groups.values())
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0][3] != "Asserted", tuple(map(str, item[0]))))
    chosen = ordered[:max_edges]

    top = max(scores.values(), default=0.0) or 1.0
    nodes = []
    for key in keep:
        data = graph.nodes[key]
        kind = data.get("type") or "Actor"
        nodes.append({
            "id": key,
            "label": str(data.get("label") or key),
            "kind": kind,
            "color": TYPE_COLOURS.get(kind, "#bbbbbb"),
            "value": round(1 + 99 * scores.get(key, 0.0) / top, 3),
            "shape": "dot",
            "tip": {
                "title": str(data.get("label") or key),
                "lines": [
                    f"{kind}" + (f" · {data['iso3']}" if data.get("iso3") else "") + (f" · {data['country']}" if data.get("country") else ""),
                    f"{degree.get(key, 0)} claims · PageRank {scores.get(key, 0.0):.4f}",
                    key,
                ],
            },
        })

    labels = {n["id"]: n["label"] for n in nodes}
    show_labels = len(chosen) <= 150
    per_pair: dict[frozenset, int] = defaultdict(int)
    edges = []
    for number, ((u, v, predicate, modality), items) in enumerate(chosen):
        symmetric = _symmetric(predicate)
        kind = _kind(predicate)
        seen, claims = set(), []
        for _, data in sorted(items, key=lambda item: (-float(item[1].get("confidence") or 0), str(item[0]))):
            mark = (data.get("evidence"), data.get("article"))
            if mark in seen:
                continue
            seen.add(mark)
            claims.append(_claim(graph, data))
        pair = frozenset((u, v))
        bend = per_pair[pair]
        per_pair[pair] += 1
        edges.append({
            "id": f"e{number}",
            "from": u,
            "to": v,
            "relation": predicate,
            "modality": modality,
            "kind": kind,
            "count": len(items),
            "value": len(items),
            "color": EDGE_COLOURS[kind],
            "dashes": modality != "Asserted",
            "arrows": "" if symmetric else "to",
            "label": (predicate + (f" ×{len(items)}" if len(items) > 1 else "")) if show_labels else "",
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.25 * ((bend + 1) // 2) * (1 if bend % 2 else -1)} if bend else False,
            "tip": {
                "title": f"{labels[u]} —{predicate}{'—' if symmetric else '→'} {labels[v]}",
                "lines": [f"{modality} · {len(items)} claim{'s' if len(items) != 1 else ''}"],
                "claims": claims[:max_evidence],
                "more": max(0, len(claims) - max_evidence),
            },
        })

    left_nodes = graph.number_of_nodes() - len(keep)
    left_edges = len(groups) - len(chosen)
    parts = []
    if left_nodes:
        parts.append(
            f"Showing the {len(keep):,} actors with the highest PageRank out of {graph.number_of_nodes():,}; "
            f"{left_nodes:,} actors and the {graph.number_of_edges() - claims_among_kept:,} claims that involve them are left out."
        )
    if left_edges:
        dropped = sum(len(items) for _, items in ordered[max_edges:])
        parts.append(f"Among them, the {left_edges:,} weakest links ({dropped:,} claims) are not drawn.")
    return {
        "nodes": nodes,
        "edges": edges,
        "note": " ".join(parts),
        "totals": {
            "actors": graph.number_of_nodes(),
            "claims": graph.number_of_edges(),
            "drawn_actors": len(nodes),
            "drawn_edges": len(edges),
            "drawn_claims": sum(e["count"] for e in edges),
        },
    }


def render_html(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike,
    *,
    title: str = "geokg actor network",
    max_nodes: int = 300,
    max_edges: int = 2000,
    max_evidence: int = 50,
    physics: bool | None = None,
) -> Path:
    """Write the interactive page of a claim graph and return its path.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A claim graph (``KnowledgeGraph.to_networkx()``).
    path : str or os.PathLike
        Where to write the page (folders are created).
    title : str
        Heading and window title.
    max_nodes, max_edges, max_evidence : int
        Caps described in :func:`page_data`.
    physics : bool, optional
        Let vis-network lay the graph out live. By default on up to 150 drawn actors; above,
        positions come from networkx's spring layout and physics is off.
    """
    import jinja2
    import pyvis

    data = page_data(graph, max_nodes=max_nodes, max_edges=max_edges, max_evidence=max_evidence)
    nodes = data["nodes"]
    physics = (len(nodes) <= PHYSICS_UP_TO if physics is None else physics) and bool(nodes)
    if not physics:
        positions = _layout(graph, [n["id"] for n in nodes])
        for node in nodes:
            node["x"], node["y"] = positions[node["id"]]
    options = {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 120},
            "stabilization": {"enabled": physics, "iterations": 300, "updateInterval": 50},
        },
        "edges": {
            "smooth": False,
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
            "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},
            "width": 1,
        },
        "nodes": {"font": {"size": 14, "strokeWidth": 3}, "scaling": {"min": 8, "max": 45, "label": {"enabled": False}}, "borderWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(data["edges"]) > 500},
        "layout": {"improvedLayout": physics and len(nodes) <= 100, "randomSeed": 1},
    }
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(Path(__file__).parent / "templates"), str(Path(pyvis.__file__).parent / "templates" / "lib")]),
        autoescape=True,
    )
    html = env.get_template("graph.html").render(
        title=title,
        nodes=nodes,
        edges=data["edges"],
        options=options,
        note=data["note"],
        totals=data["totals"],
        type_colours=TYPE_COLOURS,
        edge_colours=EDGE_COLOURS,
    )
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target
