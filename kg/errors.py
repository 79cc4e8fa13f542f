"""One exception hierarchy; every message says what was wrong and what to do."""

from __future__ import annotations

__all__ = [
    "GeoKGError",
    "InputError",
    "StoreError",
    "StoreLockedError",
    "QueryError",
    "ModelError",
    "ValidationError",
]


class GeoKGError(Exception):
    """Base class of geokg's own errors; the CLI prints them as one line."""


class InputError(GeoKGError):
    """An input file or text cannot be read as an article."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StoreError(GeoKGError):
    """The graph store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process is writing to the same store."""


class QueryError(GeoKGError):
    """A SPARQL query is malformed or failed."""


class ModelError(GeoKGError):
    """A spaCy model is missing or cannot be loaded."""


class ValidationError(GeoKGError):
    """Data does not conform to the ontology or the SHACL shapes."""
