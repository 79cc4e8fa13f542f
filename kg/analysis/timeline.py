"""What was said about one actor, in order: its claims as a dated table."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from .projection import find_actor

__all__ = ["timeline"]

_COLUMNS = [
    "date", "date_source", "role", "predicate", "counterpart", "counterpart_label", "modality",
    "confidence", "attributed_to", "evidence", "article", "headline", "url", "claim",
]


def timeline(
    graph: nx.MultiDiGraph,
    actor: str,
    *,
    relations: Iterable[str] | None = None,
    modalities: Iterable[str] | None = None,
    role: str = "any",
) -> pd.DataFrame:
    """Every claim in which ``actor`` is subject or object, oldest first.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A claim graph.
    actor : str
        By key, label or ISO3 code (see :func:`kg.analysis.find_actor`).
    relations, modalities : iterable of str, optional
        Keep only these predicates or modalities.
    role : {"any", "subject", "object"}
        Keep claims where the actor acts, is acted upon, or both.

    Returns
    -------
    pandas.DataFrame
        One row per claim: ``date`` (the event date the text gives, else the article's
        publication date, else missing), ``date_source`` (``"event"``, ``"published"`` or
        None), ``role``, ``predicate``, ``counterpart`` and its label, ``modality``,
        ``confidence``, ``attributed_to``, ``evidence``, ``article``, ``headline``, ``url``
        and ``claim``. Undated claims come last, in article order.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("rus", label="Russia"); g.add_node("prk", label="Belarus"); g.add_node("ukr", label="Ukraine")
    >>> _ = g.add_edge("rus", "ukr", key="c2", predicate="attacks", modality="Asserted", event_date="2024-02-01")
    >>> _ = g.add_edge("prk", "rus", key="c1", predicate="meets", modality="Asserted", event_date="2023-09-13")
    >>> timeline(g, "Russia")[["role", "predicate", "counterpart_label"]].values.tolist()
    [['object', 'meets', 'Belarus'], ['subject', 'attacks', 'Ukraine']]
    """
    if role not in ("any", "subject", "object"):
        raise ValueError(f"role must be 'any', 'subject' or 'object', not {role!r}")
    key = find_actor(graph, actor)
    wanted_r = set(relations) if relations is not None else None
    wanted_m = set(modalities) if modalities is not None else None
    edges = []
    if role in ("any", "subject"):
        edges += [("subject", v, k, d) for _, v, k, d in graph.out_edges(key, keys=True, data=True)]
    if role in ("any", "object"):
        edges += [("object", u, k, d) for u, _, k, d in graph.in_edges(key, keys=True, data=True)]
    rows = []
    for side, other, claim, data in edges:
        if wanted_r is not None and data.get("predicate") not in wanted_r:
            continue
        if wanted_m is not None and data.get("modality") not in wanted_m:
            continue
        event, published = data.get("event_date"), data.get("published")
        rows.append({
            "date": event or published,
            "date_source": "event" if event else ("published" if published else None),
            "role": side,
            "predicate": data.get("predicate"),
            "counterpart": other,
            "counterpart_label": graph.nodes[other].get("label", other),
            "modality": data.get("modality"),
            "confidence": data.get("confidence"),
            "attributed_to": data.get("attributed_to"),
            "evidence": data.get("evidence"),
            "article": data.get("article"),
            "headline": data.get("headline"),
            "url": data.get("url"),
            "claim": claim,
            "_start": data.get("char_start") or 0,
        })
    frame = pd.DataFrame(rows, columns=[*_COLUMNS, "_start"])
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    frame = frame.sort_values(["date", "article", "_start", "claim"], na_position="last", kind="stable")
    return frame.drop(columns="_start").reset_index(drop=True)
