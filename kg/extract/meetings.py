"""Visits read off meetings: meeting the host in the host's own country is visiting it.

"Le président kényan s'est entretenu à Pékin avec son homologue chinois", "the Fijian
prime minister, who met his Australian counterpart in Canberra": the participant from
elsewhere visits the country the meeting took place in, when the other participant belongs
to it.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Mention, RawClaim
from .rules import Context

__all__ = ["visits_from_meetings"]


def visits_from_meetings(ctx: Context, claims: list[RawClaim]) -> list[RawClaim]:
    """visits claims for the guests of the meetings in ``claims`` that say where they were held."""
    if "visits" not in ctx.schema.relations:
        return []
    out: list[RawClaim] = []
    for claim in claims:
        if claim.predicate != "meets" or claim.location is None:
            continue
        host = _country(ctx, claim.location)
        if host is None:
            continue
        place = Mention(claim.location.text, claim.location.start, claim.location.end, "Country", host, via="location")
        for guest, other in ((claim.subject, claim.object), (claim.object, claim.subject)):
            if _country(ctx, other) == host and _country(ctx, guest) != host:
                out.append(replace(claim, predicate="visits", subject=guest, object=place, rule=f"{claim.rule}/visit", location=None))
    return out


def _country(ctx: Context, mention: Mention) -> str | None:
    """The country an actor or place belongs to, or is."""
    if mention.label == "Country":
        return mention.key
    if mention.label == "Person":
        return ctx.finder.country_of(mention)
    entry = ctx.gaz.get(mention.key) if mention.key else None
    return entry.country if entry is not None and entry.country and entry.country.startswith("country/") else None
