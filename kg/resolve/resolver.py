"""Entity resolution: give every mention one stable entity and describe the entities.

Gazetteer matches keep their key; seats of power in actor slots were already mapped to the
state they stand for by extraction; other names get a key minted from their class and
normalised name, so the same name gets the same IRI whichever article came first. Within
an article, a short name ("Macron") joins the full name it abbreviates ("Emmanuel Macron").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import DENIAL_RULE_SUFFIX, Article, Claim, Entity, Mention, RawClaim, sha256
from ..nlp.gazetteer import Gazetteer, GazetteerEntry, shortens
from .iri import mint_key

__all__ = ["Resolution", "resolve", "entity_from_gazetteer"]

_PERSONISH = ("Person",)


@dataclass
class Resolution:
    """The outcome of resolving one article: claims with entity keys, and the entities."""

    claims: list[Claim] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)


def entity_from_gazetteer(entry: GazetteerEntry) -> Entity:
    """The entity a gazetteer entry describes (built once per entry: entries are immutable)."""
    cached = _FROM_GAZETTEER.get(id(entry))
    if cached is not None and cached[0] is entry:
        return cached[1]
    entity = _entity_of(entry)
    if len(_FROM_GAZETTEER) >= _CACHE_SIZE:
        _FROM_GAZETTEER.clear()
    _FROM_GAZETTEER[id(entry)] = (entry, entity)
    return entity


_CACHE_SIZE = 65536
_FROM_GAZETTEER: dict[int, tuple[GazetteerEntry, Entity]] = {}


def _entity_of(entry: GazetteerEntry) -> Entity:
    labels = tuple((lang, label) for lang, label in sorted(entry.labels.items()) if label)
    aliases = frozenset(a for names in entry.aliases.values() for a in names)
    return Entity(
        key=entry.key,
        type=entry.type,
        labels=labels,
        aliases=aliases,
        iso3=entry.iso3,
        country=entry.country,
        wikidata=entry.wikidata,
        part_of=entry.part_of,
    )


class _ArticleResolver:
    def __init__(self, article: Article, gazetteer: Gazetteer):
        self.article = article
        self.gaz = gazetteer
        self.lang = article.lang or "en"
        self.entities: dict[str, Entity] = {}
        self.person_names: list[str] = []

    def key_of(self, mention: Mention) -> str:
        if mention.key:
            entry = self.gaz.get(mention.key)
            if entry is not None:
                self._add(entity_from_gazetteer(entry), mention.text)
                if entry.country:
                    country = self.gaz.get(entry.country)
                    if country is not None:
                        self._add(entity_from_gazetteer(country), None)
                return entry.key
            if mention.key.startswith("resolution/"):
                self._add(Entity(mention.key, "Resolution", ((self.lang, mention.text),), frozenset({mention.text})), None)
                return mention.key
        name = self._canonical_name(mention)
        entry = self.gaz.lookup(name, self.lang)
        if entry is not None:
            self._add(entity_from_gazetteer(entry), mention.text)
            return entry.key
        key = mint_key(mention.label, name)
        self._add(Entity(key, mention.label, ((self.lang, name),), frozenset({mention.text})), mention.text)
        return key

    def _canonical_name(self, mention: Mention) -> str:
        name = " ".join(mention.text.split())
        if mention.label in _PERSONISH:
            for full in self.person_names:
                if shortens(name, full):
                    return full
            if name not in self.person_names:
                self.person_names.append(name)
        return name

    def _add(self, entity: Entity, alias: str | None) -> None:
        known = self.entities.get(entity.key)
        if known is not None and (not alias or alias in known.aliases) and (entity is known or entity.aliases <= known.aliases):
            return  # nothing new: the merge below would give ``known`` back
        aliases = set(entity.aliases) | ({alias} if alias else set())
        if known is not None:
            aliases |= set(known.aliases)
            entity = known
        self.entities[entity.key] = replace(entity, aliases=frozenset(a for a in aliases if a))

    def set_country(self, key: str, country: str) -> None:
        entity = self.entities.get(key)
        if entity is not None and entity.country is None and entity.type != "Country":
            self.entities[key] = replace(entity, country=country)


def claim_id(article_id: str, s: str, p: str, o: str, start: int, end: int, variant: str = "") -> str:
    """A claim's stable id; ``variant`` sets apart a second claim on the same triple and
    sentence (the accused party's denial of an accusation)."""
    parts = (article_id, s, p, o, str(start), str(end)) + ((variant,) if variant else ())
    return sha256("|".join(parts))[:20]


def resolve(article: Article, raw: list[RawClaim], gazetteer: Gazetteer, confidence=None) -> Resolution:
    """Resolve the raw claims of one article into claims over stable entity keys."""
    resolver = _ArticleResolver(article, gazetteer)
    persons_first = sorted(
        (m for c in raw for m in (c.subject, c.object) if m.label in _PERSONISH and not m.key),
        key=lambda m: -len(m.text),
    )
    for mention in persons_first:
        resolver._canonical_name(mention)
    claims: list[Claim] = []
    seen: set[str] = set()
    for item in raw:
        s = resolver.key_of(item.subject)
        o = resolver.key_of(item.object)
        if s == o:
            continue
        attributed = resolver.key_of(item.attributed_to) if item.attributed_to else None
        denied = resolver.key_of(item.denied_by) if item.denied_by else None
        location = resolver.key_of(item.location) if item.location else None
        variant = "denied" if item.rule.endswith(DENIAL_RULE_SUFFIX) else ""
        cid = claim_id(article.id, s, item.predicate, o, item.sent_start, item.sent_end, variant)
        if cid in seen:
            continue
        seen.add(cid)
        if item.predicate in ("leaderOf", "representativeOf") and o.startswith("country/"):
            resolver.set_country(s, o)
        claims.append(
            Claim(
                id=cid,
                article=article.id,
                subject=s,
                predicate=item.predicate,
                object=o,
                modality=item.modality,
                confidence=confidence(item) if confidence else 0.5,
                evidence=item.evidence,
                char_start=item.sent_start,
                char_end=item.sent_end,
                rule=item.rule,
                lang=item.lang,
                attributed_to=attributed,
                denied_by=denied,
                event_date=item.event_date,
                location=location,
            )
        )
    return Resolution(claims, resolver.entities)
