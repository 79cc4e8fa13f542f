"""An actor's claims in order."""

from __future__ import annotations

import pandas as pd
import pytest

from kg.analysis import timeline


def test_timeline_of_russia(graph):
    table = timeline(graph, "Russia")
    assert len(table) == 7
    assert table["date"].dtype.kind == "M"
    dated = table["date"].dropna()
    assert dated.is_monotonic_increasing
    assert table["date"].iloc[len(dated):].isna().all()
    first = table.iloc[0]
    # claims without an event date fall back on their article's publication date
    assert (first["date"], first["date_source"], first["role"]) == (pd.Timestamp("2023-09-14"), "published", "subject")
    attack = table.set_index("claim").loc["c03"]
    assert (attack["date_source"], attack["counterpart_label"], attack["role"]) == ("event", "Ukraine", "subject")
    sanction = table.set_index("claim").loc["c05"]
    assert (sanction["role"], sanction["counterpart"]) == ("object", "country/USA")
    assert pd.isna(sanction["date"]) and pd.isna(sanction["date_source"])
    assert sanction["headline"] == "Sanctions and threats"


def test_timeline_filters(graph):
    assert set(timeline(graph, "RUS", role="object")["role"]) == {"object"}
    assert set(timeline(graph, "RUS", relations=["attacks", "sanctions"])["claim"]) == {"c03", "c05"}
    assert set(timeline(graph, "RUS", modalities=["Hedged"])["claim"]) == {"c07"}
    assert timeline(graph, "RUS", relations=["fightsWith"]).empty
    with pytest.raises(ValueError):
        timeline(graph, "RUS", role="both")
