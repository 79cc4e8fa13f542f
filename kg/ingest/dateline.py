"""Datelines: "Téhéran, 12 mars 2024 —" or "WASHINGTON, Oct 4 (Reuters) -" give the date."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

__all__ = ["dateline_date"]

_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÀ-Ý][\w'’.\- ]{1,40}?)\s*,\s*(?P<date>[^\n—–(]{3,40}?)\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s",
    re.MULTILINE,
)


@lru_cache(maxsize=2048)
def _parse(phrase: str, lang: str | None) -> date | None:
    import dateparser

    found = dateparser.parse(
        phrase,
        languages=[lang] if lang in ("fr", "en") else ["fr", "en"],
        settings={"STRICT_PARSING": False, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]},
    )
    return found.date() if found is not None else None


def dateline_date(text: str, lang: str | None = None) -> date | None:
    """The date of a dateline in the first lines of an article, if there is one."""
    for match in _DATELINE.finditer(text[:600]):
        phrase = match.group("date").strip()
        if not any(ch.isdigit() for ch in phrase):
            continue
        found = _parse(phrase, lang)
        if found is not None:
            return found
    return None
