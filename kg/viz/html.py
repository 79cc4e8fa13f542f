"""The actor network as a self-contained, offline HTML page rendered through pyvis.

vis-network is inlined from pyvis's own copy and nothing is fetched from a CDN. Article text
never reaches ``innerHTML``: tooltips are built in the page with ``textContent``, and the
data is embedded with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and quotes.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

__all__ = ["render_html", "TYPE_COLOURS", "page_data"]

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
_COOPERATION = {"verbal cooperation", "material cooperation"}


def _edge_colour(predicate: str) -> str:
    from ..schema import schema

    relation = schema().relations.get(predicate)
    quad = relation.quad_class if relation else None
    if quad is None:
        return "#999999"
    return "#2a9d3a" if quad in _COOPERATION else "#c0392b"


def page_data(graph: nx.MultiDiGraph, max_nodes: int = 300) -> tuple[list[dict], list[dict], str]:
    """Nodes and edges for the page, keeping the ``max_nodes`` most central actors."""
    centrality = nx.degree_centrality(graph) if len(graph) > 1 else {n: 1.0 for n in graph}
    keep = sorted(graph.nodes, key=lambda n: -centrality.get(n, 0))[:max_nodes]
    kept = set(keep)
    note = ""
    if len(kept) < len(graph):
        note = f"Showing the {len(kept):,} most connected of {len(graph):,} actors; {len(graph) - len(kept):,} left out."
    nodes = []
    for key in keep:
        data = graph.nodes[key]
        kind = data.get("type") or "Actor"
        nodes.append({
            "id": key,
            "label": str(data.get("label") or key),
            "group_label": kind,
            "color": TYPE_COLOURS.get(kind, "#bbbbbb"),
            "value": 1 + round(30 * centrality.get(key, 0), 2),
            "shape": "dot",
            "tip": [f"{data.get('label') or key} ({kind})", key],
        })
    edges = []
    for u, v, claim_id, data in graph.edges(keys=True, data=True):
        if u not in kept or v not in kept:
            continue
        asserted = data.get("modality") == "Asserted"
        edges.append({
            "id": claim_id,
            "from": u,
            "to": v,
            "label": data.get("predicate", ""),
            "relation": data.get("predicate", ""),
            "modality": data.get("modality", ""),
            "dashes": not asserted,
            "arrows": "to",
            "color": _edge_colour(data.get("predicate", "")),
            "tip": [
                f"{data.get('predicate')} — {data.get('modality')} (confidence {data.get('confidence')})",
                f"« {data.get('evidence', '')} »",
                f"article {data.get('article')}" + (f", attributed to {data['attributed_to']}" if data.get("attributed_to") else ""),
            ],
        })
    return nodes, edges, note


def render_html(graph: nx.MultiDiGraph, path: str | os.PathLike, *, max_nodes: int = 300, physics: bool | None = None) -> Path:
    """Write the page for an actor network and return its path."""
    import jinja2
    import pyvis
    from pyvis.network import Network

    nodes, edges, note = page_data(graph, max_nodes)
    physics = len(nodes) <= 1000 if physics is None else physics
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.edges = nodes, edges
    net.options = {
        "physics": {"enabled": physics, "solver": "forceAtlas2Based", "stabilization": {"iterations": 200}},
        "edges": {"smooth": False, "font": {"size": 9, "align": "middle"}},
        "nodes": {"font": {"size": 14}, "scaling": {"min": 8, "max": 40}},
        "interaction": {"hover": True, "tooltipDelay": 100},
        "layout": {"improvedLayout": len(nodes) <= 150},
    }
    here = Path(__file__).parent / "templates"
    net.templateEnv = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(here), str(Path(pyvis.__file__).parent / "templates" / "lib")]),
        autoescape=True,
    )
    net.template = net.templateEnv.get_template("graph.html")
    html = net.template.render(nodes=nodes, edges=edges, options=net.options, heading=note)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target
