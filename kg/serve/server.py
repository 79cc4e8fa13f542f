"""``kg serve``: check the store, then run the endpoint under uvicorn until interrupted."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import replace
from pathlib import Path

from ..errors import StoreError
from ..settings import Settings

__all__ = ["is_loopback", "open_config", "run", "serve"]


def open_config(
    store: str | os.PathLike,
    *,
    allow_update: bool = False,
    timeout: float | None = None,
    max_results: int | None = None,
    max_request_bytes: int | None = None,
    workers: int | None = None,
):
    """A ``ServerConfig`` for ``store``, after checking the store opens the way it will be served.

    Read-only serving needs an existing store; with updates allowed a missing one is
    created (with the ontology graph) and a store locked by another writer is an error.
    """
    from ..rdf.store import OxigraphStore
    from .app import ServerConfig

    settings = Settings()
    path = Path(store).resolve()
    checked = OxigraphStore(path, read_only=not allow_update)
    try:
        if allow_update:
            checked.ensure_ontology()
    finally:
        checked.close()
    for name, value in (("timeout", timeout), ("max_results", max_results), ("max_request_bytes", max_request_bytes), ("workers", workers)):
        if value is not None and value <= 0:
            raise StoreError(f"{name} must be positive, not {value}")
    return ServerConfig(
        store=path,
        allow_update=allow_update,
        timeout=timeout or settings.query_timeout_s,
        max_results=max_results or settings.result_limit,
        max_request_bytes=max_request_bytes or settings.max_request_bytes,
        workers=workers or max(1, min(4, os.cpu_count() or 1)),
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(config, host: str = "127.0.0.1", port: int = 7878, *, log_level: str = "info") -> None:
    """Serve with ``config`` at ``http://host:port/sparql`` until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    from .app import create_app

    uvicorn.run(
        create_app(replace(config, host=host)),
        host=host,
        port=port,
        log_level=log_level,
        limit_concurrency=max(16, 8 * config.workers),
        timeout_keep_alive=5,
        server_header=False,
        proxy_headers=False,
    )


def serve(store: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878, *, log_level: str = "info", **options) -> None:
    """Serve ``store`` at ``http://host:port/sparql``; ``options`` are those of ``open_config``."""
    run(open_config(store, **options), host, port, log_level=log_level)
