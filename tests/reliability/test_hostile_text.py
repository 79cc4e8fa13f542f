"""Text from the web is data: it round-trips through the store and is escaped in the page."""

from __future__ import annotations

import pytest

from kg import Article, KnowledgeGraph
from kg.model import Claim, Entity

SCRIPT = "</script><script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
BREAKOUTS = ['"""', "\\", "} } ; DROP ALL ; INSERT DATA {", "'''", '"']


def test_sparql_breakouts_in_article_text_are_stored_verbatim_and_change_nothing_else():
    kg = KnowledgeGraph()
    kg.ingest("Iran threatened Israel with retaliation on Sunday.")
    untouched = set(kg.dataset.quads((None, None, None, None)))
    lines = [f'Russia condemned France for the {payload} strikes on Monday.' for payload in BREAKOUTS]
    lines.append("Russia imposed sanctions on Iran.\x0b\x1f\x7f Tabs\tand\u2028separators.")
    text = "\n".join(lines)
    report = kg.ingest(Article(text=text, headline=SCRIPT + '"""} DROP ALL', url='https://x.example/"> } DROP ALL'))
    assert report.ok and report.articles == 1
    assert untouched <= set(kg.dataset.quads((None, None, None, None)))
    claims = [c for c in kg.claims() if c.article == Article(text=text, url='https://x.example/"> } DROP ALL').id]
    assert claims
    for claim in claims:
        assert claim.evidence in text
    found = {payload for payload in BREAKOUTS for claim in claims if payload in claim.evidence}
    assert found == set(BREAKOUTS)
    (row,) = kg.query("SELECT ?h ?u WHERE { ?a schema:headline ?h ; schema:url ?u }")
    assert str(row["h"]) == SCRIPT + '"""} DROP ALL' and str(row["u"]) == 'https://x.example/"> } DROP ALL'
    conforms, report_text = kg.validate()
    assert conforms, report_text


@pytest.fixture
def hostile_kg():
    """A graph whose entity names, aliases, evidence and headline are all markup."""
    from kg.rdf.convert import article_iri, article_quads, claim_quads, entity_quads
    from kg.schema import schema

    kg = KnowledgeGraph()
    article = Article(text="x " * 10, headline=f"Headline {SCRIPT}{IMG}", lang="en", url="javascript:alert(3)")
    people = [
        Entity(key="person/evil", type="Person", labels=(("en", f"Evil {SCRIPT}"), ("fr", IMG)), aliases=frozenset({IMG, SCRIPT})),
        Entity(key="country/EVL", type="Country", labels=(("en", f"{IMG} Land"),), iso3="EVL"),
    ]
    claim = Claim(
        id="c0ffee",
        article=article.id,
        subject="person/evil",
        predicate="condemns",
        object="country/EVL",
        modality="Asserted",
        confidence=0.9,
        evidence=f"Evil said {SCRIPT} and {IMG} loudly.",
        char_start=0,
        char_end=10,
        lang="en",
    )
    quads = [*article_quads(article), *claim_quads(claim, schema())]
    shared = [q for entity in people for q in entity_quads(entity)]
    kg.store.replace_graph(article_iri(article.id), quads, shared)
    return kg


def test_markup_in_names_evidence_and_headline_is_escaped_in_graph_html(hostile_kg, tmp_path):
    assert len(hostile_kg.claims()) == 1
    page = hostile_kg.render_html(tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "alert(1)" in page and "alert(2)" in page, "the hostile text should be on the page, escaped"
    for raw in (SCRIPT, IMG, "<script>alert", "<img", "onerror=\"alert", "</script><script>"):
        assert raw not in page, raw
    assert 'href="javascript:' not in page and "href='javascript:" not in page
