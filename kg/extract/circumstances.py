"""When and where a claim happened, read from the trigger's clause.

Dates are resolved against the article's publication date with ``kg.dates``: weekday names
give the most recent such day on or before it ("mercredi", "on Wednesday"), and "hier",
"last week", "le 13 septembre" or "Oct. 4" are read as wire copy writes them. A bare year
or month is not turned into a day. Places are the city, region, facility or country a
locative preposition introduces ("à Pékin", "in Nairobi"), unless that place is an argument.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from ..dates import WEEKDAYS, parse_date
from ..model import Mention
from .syntax import clause_head, pp_objects

__all__ = ["event_date", "event_place"]

_LOCATIVE = {"à", "en", "dans", "au", "in", "at"}
_PLACES = {"City", "Region", "Facility", "Place", "Country"}
_DATE_DEPS = ("nummod", "amod", "compound", "det", "case", "nmod", "npadvmod", "advmod")


def _clause_tokens(trigger: Token) -> list[Token]:
    head = clause_head(trigger)
    sent = trigger.sent  # (bounds read once: ``Token.sent`` builds a span on every call)
    return [t for t in head.subtree if sent.start <= t.i < sent.end]


def event_date(trigger: Token, time_words: frozenset[str], lang: str, published: date | None) -> date | None:
    """The date the trigger's clause gives, resolved against the publication date."""
    if published is None:
        return None
    for token in _clause_tokens(trigger):
        lower = token.lower_
        if lower in WEEKDAYS and not any(c.like_num for c in token.children):
            return published - timedelta(days=(published.weekday() - WEEKDAYS[lower]) % 7)
        if lower not in time_words:
            continue
        words = sorted([token, *[c for c in token.subtree if c.i != token.i and c.dep_ in _DATE_DEPS]], key=lambda t: t.i)
        parsed = parse_date(" ".join(w.text for w in words), published)
        if parsed is not None and parsed <= published + timedelta(days=1):
            return parsed
    return None


def event_place(trigger: Token, finder, arguments: set[int]) -> Mention | None:
    """A place introduced by a locative preposition in the trigger's clause, not an argument.

    ``arguments`` holds the character offsets of the claim's subject and object mentions.
    """
    head = clause_head(trigger)
    # A place phrase after a name is the event's, whatever the parser attached it to
    # ("met Ruto in Nairobi"): names take no locative modifiers of their own here.
    named = [c for node in (trigger, head) for c in node.children if c.pos_ == "PROPN" and c.dep_ in ("dobj", "obj", "pobj", "nsubj")]
    # (or a day: "s'est entretenu jeudi à Téhéran", with the place hung on "jeudi")
    days = [c for node in (trigger, head) for c in node.children if finder.lex.has("time_nouns", c.lower_)]
    for node in (trigger, head, *named, *days):
        for prep, obj in pp_objects(node):
            if prep not in _LOCATIVE or obj.idx in arguments:
                continue
            for mention in finder.mentions(obj):
                if mention.label in _PLACES and mention.start not in arguments:
                    return mention
    return None
