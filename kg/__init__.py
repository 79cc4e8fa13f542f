"""geokg: turn French and English news into a geopolitical knowledge graph.

Importing ``kg`` loads no model and touches no disk; the spaCy pipelines and stores are
created on first use.
"""

from __future__ import annotations

from .errors import GeoKGError, InputError, QueryError, StoreError, StoreLockedError, ValidationError
from .model import Article, Claim, Entity, IngestReport
from .settings import Settings

__all__ = [
    "KnowledgeGraph",
    "Article",
    "Claim",
    "Entity",
    "IngestReport",
    "Settings",
    "GeoKGError",
    "InputError",
    "QueryError",
    "StoreError",
    "StoreLockedError",
    "ValidationError",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "KnowledgeGraph":
        from .api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
