"""The query page in headless Chromium: it runs a query against /sparql and shows values as text."""

from __future__ import annotations

import os
from urllib.parse import urlencode

import pytest

from kg.rdf.namespace import GKR

pytestmark = pytest.mark.slow

PAYLOAD = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def browser():
    from kg.viz.browser import Browser, find_chromium

    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    with Browser() as chromium:
        yield chromium


def test_the_page_runs_a_query_and_inserts_text_only(read_only_server, browser):
    query = f"SELECT ?a ?b ?html WHERE {{ ?a gkg:meets ?b . BIND('{PAYLOAD}' AS ?html) }} ORDER BY ?a"
    report = browser.open(
        f"{read_only_server.url}/#{urlencode({'query': query})}",
        until="data-answered",
        evaluate={
            "rows": "document.querySelectorAll('#output tbody tr').length",
            "first": "Array.from(document.querySelectorAll('#output tbody tr:first-child td')).map(td => td.textContent)",
            "status": "document.getElementById('status').textContent",
            "examples": "document.querySelectorAll('#examples option').length",
            "images": "document.querySelectorAll('img').length",
            "pwned": "typeof window.__pwned",
        },
    )
    assert report.ready, report.console
    assert report.errors == [], report.errors
    assert all(url.startswith(read_only_server.url) for url in report.requests), report.requests
    assert report.values["rows"] == 2, report.values
    assert report.values["first"] == ["gkr:person/kim-jong-un", "gkr:person/vladimir-putin", PAYLOAD], report.values
    assert report.values["status"].startswith("2 rows"), report.values
    assert report.values["examples"] == 7
    assert report.values["images"] == 0 and report.values["pwned"] == "undefined"
    assert str(GKR) not in report.values["first"][0]
