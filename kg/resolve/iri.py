"""Entity keys: safe, stable path segments under ``gkr:`` built from names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify", "mint_key", "PREFIXES"]

PREFIXES = {
    "Person": "person",
    "Country": "country",
    "Organization": "org",
    "InternationalOrganization": "org",
    "NonGovernmentalOrganization": "org",
    "ArmedGroup": "org",
    "GovernmentBody": "org",
    "Place": "place",
    "City": "place",
    "Region": "place",
    "Facility": "place",
    "Weapon": "weapon",
    "Resource": "resource",
    "Conflict": "conflict",
    "Resolution": "resolution",
    "Actor": "actor",
}
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NON_LETTER = re.compile(r"[\W_]+")
# Latin letters with no decomposition to a base letter, spelt as their usual ASCII transcription
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i"})


def slugify(name: str, limit: int = 80) -> str:
    """ASCII, lowercase, hyphen-joined: "Côte d'Ivoire" -> "cote-d-ivoire".

    A name with no Latin letter keeps its own letters, so distinct names in other scripts
    get distinct keys (``entity_iri`` percent-encodes them).

    >>> slugify("Sergueï  Lavrov")
    'serguei-lavrov'
    >>> slugify("Jonas Gahr Støre")
    'jonas-gahr-store'
    >>> slugify("Путин")
    'путин'
    """
    folded = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_WORD.sub("-", folded).strip("-")[:limit].strip("-")
    if not slug:
        slug = _NON_LETTER.sub("-", unicodedata.normalize("NFKC", name).lower()).strip("-")[:limit].strip("-")
    return slug or "unnamed"


def mint_key(cls: str, name: str) -> str:
    """The key of an entity that is not in the gazetteer, from its class and name."""
    return f"{PREFIXES.get(cls, 'entity')}/{slugify(name)}"
