"""The page in headless Chromium: it draws, loads nothing from outside, and runs no article text."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kg import Article
from kg.viz.html import render_html

pytestmark = pytest.mark.slow

SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = "<img src=x onerror=\"document.title='pwned'\">"
NAME_PAYLOAD = "Ivan</script><script>window.__pwned=2</script>Petrov"

PROBES = {
    "pwned": "typeof window.__pwned",
    "images": "document.querySelectorAll('img').length",
    "handlers": "document.querySelectorAll('[onerror]').length",
    "scripts": "document.scripts.length",
    "canvas": "document.querySelectorAll('#graph canvas').length",
}


def assert_clean(report) -> None:
    """Drawn, no error, nothing fetched but the page itself, nothing injected ran."""
    assert report.ready, report.console
    assert report.errors == [], report.errors
    assert [url for url in report.requests if not url.startswith("file://")] == []
    assert 'data-drawn="true"' in report.dom
    assert report.values["canvas"] == 1
    assert report.title == "geokg actor network"
    assert report.values["pwned"] == "undefined"
    assert report.values["images"] == 0 and report.values["handlers"] == 0
    assert report.values["scripts"] == 2


def test_seed_page_draws_offline(seed_kg, browser, tmp_path):
    page = seed_kg.render_html(tmp_path / "seed.html")
    report = browser.open(page, until="data-stable", evaluate={
        **PROBES,
        "nodes": "geokgNetwork.body.data.nodes.length",
        "edges": "geokgNetwork.body.data.edges.length",
        "legend": "document.querySelectorAll('#types input').length",
    })
    assert_clean(report)
    graph = seed_kg.to_networkx()
    assert graph.number_of_edges() > 0, "the seed article gives claims"
    assert report.values["nodes"] == graph.number_of_nodes(), report.values
    assert 0 < report.values["edges"] <= graph.number_of_edges(), report.values
    assert report.values["legend"] == len({d.get("type") or "Actor" for _, d in graph.nodes(data=True)}), report.values


def test_tooltips_details_filters_and_search(graph, browser, tmp_path):
    page = render_html(graph, tmp_path / "sample.html")
    attack = "geokgNetwork.body.data.edges.get().find(function (e) { return e.relation === 'attacks'; })"
    report = browser.open(page, until="data-stable", evaluate={
        **PROBES,
        "tip": f"""(function () {{
            geokgNetwork.emit('hoverEdge', {{ edge: {attack}.id, pointer: {{ DOM: {{ x: 20, y: 20 }} }} }});
            var box = document.getElementById('tip');
            return [box.style.display, box.textContent];
        }})()""",
        "details": f"""(function () {{
            geokgNetwork.emit('click', {{ nodes: [], edges: [{attack}.id] }});
            return document.getElementById('details').textContent;
        }})()""",
        "filtered": """(function () {
            var box = Array.prototype.find.call(document.querySelectorAll('#relations input'), function (i) { return i.value === 'attacks'; });
            box.checked = false; box.dispatchEvent(new Event('change'));
            return geokgNetwork.body.data.edges.get().filter(function (e) { return e.hidden; }).map(function (e) { return e.relation; });
        })()""",
        "typed": """(function () {
            var box = Array.prototype.find.call(document.querySelectorAll('#types input'), function (i) { return i.value === 'Person'; });
            box.checked = false; box.dispatchEvent(new Event('change'));
            return geokgNetwork.body.data.nodes.get().filter(function (n) { return n.hidden; }).map(function (n) { return n.id; }).sort();
        })()""",
        "search": """(function () {
            var box = document.getElementById('search');
            box.value = 'ukra'; box.dispatchEvent(new Event('input'));
            return geokgNetwork.getSelectedNodes();
        })()""",
    })
    assert_clean(report)
    display, text = report.values["tip"]
    assert display == "block"
    assert "Russia —attacks→ Ukraine" in text
    assert "Evidence sentence for c03" in text and "Asserted" in text and "Two years of war in Ukraine" in text
    assert "Evidence sentence for c03" in report.values["details"]
    assert set(report.values["filtered"]) == {"attacks"}
    assert report.values["typed"] == ["person/kim-jong-un", "person/vladimir-putin"]
    assert report.values["search"] == ["country/UKR"]


def test_hand_made_payloads_do_not_run(browser, tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("person/ivan", label=NAME_PAYLOAD, type="Person")
    graph.add_node("country/RUS", label="Russia", type="Country")
    evidence = f"Ivan condemns Russia {SCRIPT_PAYLOAD} {IMG_PAYLOAD}"
    graph.add_edge("person/ivan", "country/RUS", key="c1", predicate="condemns", modality="Asserted",
                   evidence=evidence, article="a1", headline=IMG_PAYLOAD, url="javascript:alert(1)")
    page = render_html(graph, tmp_path / "payload.html")
    report = browser.open(page, settle=0.5, evaluate={
        **PROBES,
        "details": """(function () {
            geokgNetwork.emit('click', { nodes: [], edges: ['e0'] });
            geokgNetwork.emit('hoverNode', { node: 'person/ivan', pointer: { DOM: { x: 5, y: 5 } } });
            return [document.getElementById('details').textContent, document.getElementById('tip').textContent];
        })()""",
        "after": "[typeof window.__pwned, document.querySelectorAll('img, [onerror], a').length, document.title]",
    })
    assert_clean(report)
    details, tip = report.values["details"]
    assert SCRIPT_PAYLOAD in details and IMG_PAYLOAD in details  # shown as text
    assert NAME_PAYLOAD in tip
    assert report.values["after"] == ["undefined", 0, "geokg actor network"]


def test_ingested_article_with_payloads(browser, tmp_path):
    from kg import KnowledgeGraph

    text = (
        f"Vladimir Poutine a rencontré Kim Jong-un à Moscou mardi {SCRIPT_PAYLOAD}. "
        f"La Russie a attaqué l'Ukraine {IMG_PAYLOAD}. "
        f"Le ministre {NAME_PAYLOAD} a condamné la Russie."
    )
    kg = KnowledgeGraph()
    report = kg.ingest(Article(text=text, headline=f"Sommet {IMG_PAYLOAD}", lang="fr"))
    assert report.ok and report.claims > 0, report.as_dict()
    page = kg.render_html(tmp_path / "ingested.html")
    html = page.read_text(encoding="utf-8")
    assert "__pwned" in html  # the article text is in the page, escaped
    result = browser.open(page, settle=0.5, evaluate={
        **PROBES,
        "clicked": """(function () {
            geokgNetwork.body.data.edges.getIds().forEach(function (id) { geokgNetwork.emit('click', { nodes: [], edges: [id] }); });
            geokgNetwork.body.data.nodes.getIds().forEach(function (id) { geokgNetwork.emit('hoverNode', { node: id, pointer: { DOM: { x: 5, y: 5 } } }); });
            return [typeof window.__pwned, document.querySelectorAll('img, [onerror]').length, document.title];
        })()""",
    })
    assert_clean(result)
    assert result.values["clicked"] == ["undefined", 0, "geokg actor network"]
    kg.close()


def test_large_page_opens_quickly(browser, tmp_path):
    import random
    import time

    rnd = random.Random(0)
    graph = nx.MultiDiGraph()
    relations = ["meets", "attacks", "condemns", "aids", "sanctions", "memberOf"]
    for n in range(20_000):
        u, v = f"actor/{rnd.randrange(2000)}", f"actor/{int(rnd.paretovariate(1.1)) % 2000}"
        if u != v:
            graph.add_edge(u, v, key=f"c{n}", predicate=rnd.choice(relations), modality=rnd.choice(["Asserted", "Hedged"]),
                           confidence=0.8, evidence=f"Sentence number {n} about {u} and {v}.", article=f"a{n % 100}")
    start = time.perf_counter()
    page = render_html(graph, tmp_path / "large.html")
    rendered = time.perf_counter() - start
    report = browser.open(page, until="data-stable", evaluate=PROBES)
    assert_clean(report)
    assert rendered < 10 and report.seconds < 10, (rendered, report.seconds)
    assert "left out" in report.dom
    assert json.dumps("Showing the 300 actors")[1:-1] in report.dom


def test_empty_graph_still_opens(browser, tmp_path):
    report = browser.open(render_html(nx.MultiDiGraph(), tmp_path / "empty.html"), until="data-stable", timeout=10, evaluate=PROBES)
    assert report.ready and report.errors == [] and report.values["canvas"] == 1
