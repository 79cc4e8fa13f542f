"""Datelines: "Téhéran, 12 mars 2024 —" or "WASHINGTON, Oct 4 (Reuters) -" give the date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..dates import parse_date

__all__ = ["dateline_date", "dateline_span"]

_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÀ-Ý][\w'’.\- ]{1,40}?)\s*,\s*(?P<date>[^\n—–(]{3,40}?)\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s",
    re.MULTILINE,
)


def _datelines(text: str, today: date | None) -> Iterator[tuple[re.Match[str], date]]:
    for match in _DATELINE.finditer(text[:600]):
        phrase = match.group("date").strip()
        if any(ch.isdigit() for ch in phrase):
            found = parse_date(phrase, today or date.today())
            if found is not None:
                yield match, found


def dateline_date(text: str, today: date | None = None) -> date | None:
    """The date of a dateline in the first lines of an article, if there is one.

    A dateline without a year ("Oct 4") takes the latest year that is not in the future.
    """
    return next((found for _, found in _datelines(text, today)), None)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of the dateline ("JUBA, March 27 (Reuters) -"), from its place to its
    dash: the place and the agency there are where the news was filed, not its actors."""
    match = next((match for match, _ in _datelines(text, None)), None)
    return None if match is None else (match.start("place"), match.end())
