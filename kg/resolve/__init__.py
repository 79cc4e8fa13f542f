"""Entity resolution: aliases, metonymy, short names and stable keys."""

from .iri import mint_key, slugify
from .resolver import Resolution, resolve

__all__ = ["Resolution", "resolve", "mint_key", "slugify"]
