"""Small, fast date reading for French and English news: datelines and event dates.

Covers what wire copy writes ("12 mars 2024", "le 3 janvier", "Oct. 4", "October 4, 2024",
"2024-03-12", "hier", "last week", weekday names); a missing year is the latest one that
does not put the date after the reference day. Anything else is left undated rather than
guessed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

__all__ = ["parse_date", "MONTHS", "WEEKDAYS", "RELATIVE_DAYS"]

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
    "october": 10, "november": 11, "december": 12,
}
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
RELATIVE_DAYS = {
    "aujourd'hui": 0, "today": 0, "hier": -1, "yesterday": -1, "avant-hier": -2,
    "semaine dernière": -7, "la semaine dernière": -7, "last week": -7, "la semaine passée": -7,
}
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH})\.?(?:\s+(?P<year>\d{{4}}))?\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text.lower().replace("’", "'")).strip()


def _build(year: int | None, month: int, day: int, reference: date | None) -> date | None:
    if year is None:
        if reference is None:
            return None
        for candidate in (reference.year, reference.year - 1):
            try:
                found = date(candidate, month, day)
            except ValueError:
                return None
            if found <= reference + timedelta(days=1):
                return found
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(phrase: str, reference: date | None = None) -> date | None:
    """The date a short phrase names, resolved against ``reference`` when it is relative.

    >>> parse_date("Téhéran, 12 mars 2024")
    datetime.date(2024, 3, 12)
    >>> parse_date("Oct. 4", date(2023, 11, 2))
    datetime.date(2023, 10, 4)
    >>> parse_date("mercredi", date(2024, 6, 21))
    datetime.date(2024, 6, 19)
    """
    text = _fold(phrase)
    match = _ISO.search(text)
    if match:
        return _build(int(match["year"]), int(match["month"]), int(match["day"]), reference)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.search(text)
        if match:
            year = int(match["year"]) if match["year"] else None
            return _build(year, MONTHS[match["month"].lower()], int(match["day"]), reference)
    if reference is None:
        return None
    for words, shift in RELATIVE_DAYS.items():
        if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text):
            return reference + timedelta(days=shift)
    for name, weekday in WEEKDAYS.items():
        if re.search(rf"(?<!\w){name}(?!\w)", text):
            return reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return None
