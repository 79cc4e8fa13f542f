"""Time the page on synthetic claim graphs: render_html, then headless Chromium until drawn.

Usage: python benchmarks/render.py [CLAIMS ...]   (default: 500 5000 50000)

For each size it prints the time to render the page, its size, what was drawn, and the
time from navigation until the network is drawn and stable in headless Chromium (wall
clock from this process, and the page's own ``performance.now()`` marks).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.viz.browser import Browser
from kg.viz.html import TYPE_COLOURS, page_data, render_html

RELATIONS = [
    "meets", "visits", "agreesWith", "cooperatesWith", "supports", "aids", "demands", "rejects", "condemns",
    "accuses", "threatens", "sanctions", "attacks", "fightsWith", "leaderOf", "memberOf",
]
MODALITIES = ["Asserted"] * 5 + ["Hedged"] * 3 + ["Negated", "Conditional"]
WORDS = "the minister said talks on the border would resume after the summit despite sanctions and strikes".split()


def synthetic(claims: int, seed: int = 0) -> nx.MultiDiGraph:
    """Random claims among ``claims / 5`` actors, with a heavy-tailed activity per actor."""
    rnd = random.Random(seed)
    actors = max(20, claims // 5)
    names = [f"actor/{i}" for i in range(actors)]
    graph = nx.MultiDiGraph()
    kinds = list(TYPE_COLOURS)
    for i, name in enumerate(names):
        graph.add_node(name, label=f"Actor {i}", type=rnd.choice(kinds), country=None, iso3=None)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(actors)]
    subjects = rnd.choices(names, weights=weights, k=claims)
    objects = rnd.choices(names, weights=weights, k=claims)
    for n, (u, v) in enumerate(zip(subjects, objects)):
        if u == v:
            v = names[(names.index(v) + 1) % actors]
        article = f"a{n // 20}"
        graph.add_edge(
            u, v, key=f"c{n}", id=f"c{n}", article=article, subject=u, object=v,
            predicate=rnd.choice(RELATIONS), modality=rnd.choice(MODALITIES), confidence=round(rnd.uniform(0.3, 1), 2),
            evidence=" ".join(rnd.choices(WORDS, k=22)).capitalize() + ".", char_start=0, char_end=120,
            event_date=None, attributed_to=None, headline=f"Headline of article {article}", url=None, published="2024-01-01",
        )
    return graph


def main(sizes: list[int]) -> None:
    from kg.schema import schema

    schema()  # parse the ontology once, outside the timings
    rows = []
    with tempfile.TemporaryDirectory() as folder, Browser() as browser:
        for claims in sizes:
            graph = synthetic(claims)
            start = time.perf_counter()
            page = render_html(graph, Path(folder) / f"page-{claims}.html")
            rendered = time.perf_counter() - start
            data = page_data(graph)
            report = browser.open(page, until="data-stable", timeout=60, evaluate={
                "drawn_ms": "Number(document.body.getAttribute('data-drawn-ms'))",
                "stable_ms": "Number(document.body.getAttribute('data-stable-ms'))",
            })
            if report.errors or not report.ready:
                raise SystemExit(f"{claims} claims: page not drawn: {report.errors}")
            rows.append((
                f"{claims:,}", f"{graph.number_of_nodes():,}", f"{data['totals']['drawn_actors']:,}",
                f"{data['totals']['drawn_edges']:,}", f"{page.stat().st_size / 1e6:.1f} MB", f"{rendered:.2f} s",
                f"{report.values['drawn_ms'] / 1000:.2f} s", f"{report.values['stable_ms'] / 1000:.2f} s", f"{report.seconds:.2f} s",
            ))
    header = ("claims", "actors", "drawn actors", "drawn edges", "page", "render_html", "drawn", "stable", "open (wall)")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).rjust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [500, 5_000, 50_000])
