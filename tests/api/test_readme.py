"""The README's SPARQL examples run on the seed graph and return rows."""

from __future__ import annotations

import re


def test_readme_sparql_examples_return_rows(seed_kg, root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sparql\n(.*?)```", readme, flags=re.S)
    assert len(queries) >= 3
    for query in queries:
        rows = seed_kg.query(query)
        assert len(rows) > 0, query
