"""The page's data and markup, without a browser."""

from __future__ import annotations

import json
import random
import re

import networkx as nx
import pytest

from kg.viz.html import EDGE_COLOURS, TYPE_COLOURS, page_data, render_html

PAYLOAD_LABEL = 'Ivan</script><script>window.__pwned=1</script>Petrov'
PAYLOAD_EVIDENCE = '<img src=x onerror="document.title=\'pwned\'"> & <script>window.__pwned=1</script>'


def test_page_is_self_contained(graph, tmp_path):
    html = render_html(graph, tmp_path / "page.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html, re.I)
    assert "vis.Network" in html and len(html) > 400_000  # vis-network is inlined
    assert html.count("</script>") == 2


def test_parallel_claims_are_aggregated(graph):
    for n in range(3):
        graph.add_edge("country/RUS", "country/UKR", key=f"x{n}", predicate="attacks", modality="Asserted",
                       evidence=f"Extra attack {n}.", article="a2", headline="Two years of war in Ukraine")
    graph.add_edge("person/vladimir-putin", "person/kim-jong-un", key="x9", predicate="meets", modality="Asserted",
                   evidence="Putin met Kim.", article="a1")
    edges = page_data(graph)["edges"]
    groups = [(e["from"], e["to"], e["relation"], e["modality"]) for e in edges]
    assert len(groups) == len(set(groups))
    attack = next(e for e in edges if e["relation"] == "attacks")
    assert attack["count"] == 4 and attack["label"] == "attacks ×4"
    assert len(attack["tip"]["claims"]) == 4
    assert {c["headline"] for c in attack["tip"]["claims"]} == {"Two years of war in Ukraine"}
    # meets is symmetric: both directions make one undirected edge per modality
    meets = [e for e in edges if e["relation"] == "meets" and "country/USA" not in (e["from"], e["to"])]
    assert sorted((e["modality"], e["count"]) for e in meets) == [("Asserted", 2), ("Hedged", 1)]
    assert all(e["arrows"] == "" for e in meets)
    assert sum(e["count"] for e in edges) == graph.number_of_edges()


def test_edge_and_node_styles(graph):
    data = page_data(graph)
    by_relation = {(e["relation"], e["modality"]): e for e in data["edges"]}
    assert by_relation[("attacks", "Asserted")]["color"] == EDGE_COLOURS["conflict"] == "#c0392b"
    assert by_relation[("aids", "Asserted")]["color"] == EDGE_COLOURS["cooperation"] == "#2a9d3a"
    assert by_relation[("leaderOf", "Asserted")]["color"] == EDGE_COLOURS["structural"]
    assert by_relation[("suppliesArmsTo", "Hedged")]["dashes"] is True
    assert by_relation[("attacks", "Asserted")]["dashes"] is False and by_relation[("attacks", "Asserted")]["arrows"] == "to"
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["country/RUS"]["color"] == TYPE_COLOURS["Country"]
    assert nodes["person/kim-jong-un"]["color"] == TYPE_COLOURS["Person"]
    assert nodes["country/RUS"]["value"] == max(n["value"] for n in nodes.values())
    assert data["note"] == ""


def test_edge_tooltip_has_every_evidence_with_modality_and_source(graph):
    edge = next(e for e in page_data(graph)["edges"] if e["relation"] == "suppliesArmsTo")
    claim = edge["tip"]["claims"][0]
    assert claim["evidence"] == "Evidence sentence for c07: country/RUS suppliesArmsTo country/PRK."
    assert claim["modality"] == "Hedged" and claim["attributed_to"] == "United States"
    assert claim["headline"] == "Kim and Putin meet in the Russian Far East" and claim["article"] == "a1"
    assert claim["url"] == "https://news.example/a1"
    assert edge["tip"]["title"] == "Russia —suppliesArmsTo→ North Korea"


def test_evidence_is_capped_per_edge():
    graph = nx.MultiDiGraph()
    for n in range(30):
        graph.add_edge("a", "b", key=f"c{n}", predicate="meets", modality="Asserted", evidence=f"Sentence {n}.", article="x")
    graph.add_edge("a", "b", key="dup", predicate="meets", modality="Asserted", evidence="Sentence 0.", article="x")
    edge = page_data(graph, max_evidence=10)["edges"][0]
    assert edge["count"] == 31 and len(edge["tip"]["claims"]) == 10 and edge["tip"]["more"] == 20


def _random_graph(claims: int, actors: int, seed: int = 0) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    graph = nx.MultiDiGraph()
    names = [f"actor/{i}" for i in range(actors)]
    for name in names:
        graph.add_node(name, label=name, type=rnd.choice(list(TYPE_COLOURS)))
    relations = ["meets", "attacks", "condemns", "aids", "sanctions", "supports", "memberOf"]
    modalities = ["Asserted", "Asserted", "Hedged", "Negated", "Conditional"]
    for n in range(claims):
        u = names[min(int(rnd.paretovariate(1.2)) - 1, actors - 1)] if rnd.random() < 0.5 else rnd.choice(names)
        v = rnd.choice(names)
        if u != v:
            graph.add_edge(u, v, key=f"c{n}", predicate=rnd.choice(relations), modality=rnd.choice(modalities),
                           confidence=0.7, evidence=f"Sentence {n}.", article=f"a{n % 50}")
    return graph


def test_large_graphs_are_cut_with_a_note():
    graph = _random_graph(20_000, 3_000)
    data = page_data(graph, max_nodes=300, max_edges=500)
    assert len(data["nodes"]) == 300 and len(data["edges"]) == 500
    assert "300 actors with the highest PageRank out of 3,000" in data["note"]
    assert "2,700 actors" in data["note"] and "weakest links" in data["note"]
    from kg.analysis import pagerank

    scores = pagerank(graph)
    kept = {n["id"] for n in data["nodes"]}
    assert min(scores[n] for n in kept) >= max(scores[n] for n in graph if n not in kept)
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    totals = data["totals"]
    assert (totals["actors"], totals["claims"], totals["drawn_actors"]) == (3000, graph.number_of_edges(), 300)


def test_layout_is_precomputed_beyond_the_physics_limit(tmp_path):
    html = render_html(_random_graph(2_000, 400), tmp_path / "big.html").read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"var allNodes = (\[.*?\]);\n", html).group(1))
    options = json.loads(re.search(r"var options = (\{.*?\});\n", html).group(1))
    assert options["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in nodes)
    small = render_html(_random_graph(50, 10), tmp_path / "small.html").read_text(encoding="utf-8")
    assert json.loads(re.search(r"var options = (\{.*?\});\n", small).group(1))["physics"]["enabled"] is True


def test_article_text_and_names_are_escaped(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("person/ivan", label=PAYLOAD_LABEL, type="Person")
    graph.add_node("country/RUS", label="Russia", type="Country")
    graph.add_edge("person/ivan", "country/RUS", key="c1", predicate="condemns", modality="Asserted",
                   evidence=PAYLOAD_EVIDENCE, article="a1", headline=PAYLOAD_EVIDENCE)
    html = render_html(graph, tmp_path / "page.html", title="<b>title</b>").read_text(encoding="utf-8")
    assert "window.__pwned" in html  # the data is there...
    assert "<script>window.__pwned" not in html and "<img src=x" not in html  # ...but only escaped
    assert html.count("</script>") == 2
    assert "<b>title</b>" not in html
    ours = html.rsplit("<script>", 1)[-1]
    assert "vis.Network" in ours and "innerHTML" not in ours and "insertAdjacentHTML" not in ours


def test_seed_page_carries_headlines(seed_kg, tmp_path):
    html = seed_kg.render_html(tmp_path / "seed.html").read_text(encoding="utf-8")
    headline = seed_kg.to_networkx().edges(data="headline")
    assert any(h for _, _, h in headline)
    assert "Les vis\\u00e9es militaires" in html or "Les visées militaires" in html
