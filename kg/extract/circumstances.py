"""When and where a claim happened, read from the trigger's clause.

Dates are resolved against the article's publication date: weekday names give the most
recent such day on or before it ("mercredi", "on Wednesday"), other expressions ("hier",
"last week", "le 13 septembre", "Oct. 4") go through dateparser. A bare year or month is
not turned into a day. Places are the city, region, facility or country a locative
preposition introduces ("à Pékin", "in Moscow"), unless that place is an argument.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Token

from ..model import Mention
from .syntax import clause_head, pp_objects

__all__ = ["event_date", "event_place", "WEEKDAYS"]

WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_LOCATIVE = {"à", "en", "dans", "au", "in", "at"}
_PLACES = {"City", "Region", "Facility", "Place", "Country"}
_DAY_OR_RELATIVE = re.compile(r"\d{1,2}|hier|avant-hier|yesterday|last|dernier|dernière|passé|passée|ago", re.IGNORECASE)


def _clause_tokens(trigger: Token) -> list[Token]:
    head = clause_head(trigger)
    return [t for t in head.subtree if t.sent == trigger.sent]


@lru_cache(maxsize=4096)
def _parse(phrase: str, lang: str, published: date) -> date | None:
    import dateparser

    from datetime import datetime

    found = dateparser.parse(
        phrase,
        languages=[lang],
        settings={"RELATIVE_BASE": datetime(published.year, published.month, published.day), "PREFER_DATES_FROM": "past"},
    )
    return found.date() if found else None


def event_date(trigger: Token, time_words: frozenset[str], lang: str, published: date | None) -> date | None:
    """The date the trigger's clause gives, resolved against the publication date."""
    if published is None:
        return None
    for token in _clause_tokens(trigger):
        lower = token.lower_
        if lower in WEEKDAYS and not any(c.like_num for c in token.children):
            back = (published.weekday() - WEEKDAYS[lower]) % 7
            return published - timedelta(days=back)
        if lower not in time_words:
            continue
        words = sorted([token, *[c for c in token.subtree if c.i != token.i and c.dep_ in ("nummod", "amod", "compound", "det", "case", "nmod", "npadvmod", "advmod")]], key=lambda t: t.i)
        phrase = " ".join(w.text for w in words)
        if not _DAY_OR_RELATIVE.search(phrase) and lower not in ("hier", "yesterday", "aujourd'hui", "today"):
            continue
        parsed = _parse(phrase, lang, published)
        if parsed is not None and parsed <= published + timedelta(days=1):
            return parsed
    return None


def event_place(trigger: Token, finder, arguments: set[int]) -> Mention | None:
    """A place introduced by a locative preposition in the trigger's clause, not an argument.

    ``arguments`` holds the character offsets of the claim's subject and object mentions.
    """
    for node in (trigger, clause_head(trigger)):
        for prep, obj in pp_objects(node):
            if prep not in _LOCATIVE or obj.idx in arguments:
                continue
            for mention in finder.mentions(obj):
                if mention.label in _PLACES and mention.start not in arguments:
                    return mention
    return None
