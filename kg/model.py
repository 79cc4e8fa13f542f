"""Plain frozen records that the pipeline stages pass along, each carrying its provenance."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

__all__ = [
    "Article",
    "Mention",
    "RawClaim",
    "Claim",
    "Entity",
    "IngestReport",
    "MODALITIES",
    "sha256",
]

MODALITIES = ("Asserted", "Hedged", "Negated", "Conditional")


def sha256(text: str) -> str:
    """Hex SHA-256 of a text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about it.

    ``structure`` holds the character spans of layout labels ("Titre :", "Conclusion :")
    that are part of the text but carry no entity.
    """

    text: str
    headline: str | None = None
    lang: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    structure: tuple[tuple[int, int], ...] = ()

    @cached_property
    def sha256(self) -> str:
        return sha256(self.text)

    @cached_property
    def id(self) -> str:
        """Stable identity: from the URL when there is one (new text replaces old), else the text."""
        basis = ("url:" + self.url) if self.url else ("text:" + self.sha256)
        return sha256(basis)[:16]


@dataclass(frozen=True)
class Mention:
    """A span of an article that names or refers to an entity.

    ``key`` is the gazetteer key when the span matched one; ``via`` says how a
    non-literal mention (pronoun, role phrase, metonymy) was linked.
    """

    text: str
    start: int
    end: int
    label: str
    key: str | None = None
    via: str | None = None
    role: str | None = None

    @property
    def ident(self) -> str:
        """What the mention stands for, to tell claims apart: its key, else its text."""
        return self.key or self.text.lower()


# appended to the rule id of an accusation when the accused party's denial of it is recorded
DENIAL_RULE_SUFFIX = "/denied"


@dataclass(frozen=True)
class RawClaim:
    """A relation found in one sentence, before entity resolution."""

    subject: Mention
    predicate: str
    object: Mention
    modality: str
    evidence: str
    sent_start: int
    sent_end: int
    rule: str
    lang: str
    attributed_to: Mention | None = None
    denied_by: Mention | None = None
    event_date: date | None = None
    location: Mention | None = None
    trigger_start: int = 0
    trigger_end: int = 0


@dataclass(frozen=True)
class Entity:
    """A resolved entity with its stable key (the IRI path under ``gkr:``)."""

    key: str
    type: str
    labels: tuple[tuple[str, str], ...] = ()
    aliases: frozenset[str] = frozenset()
    iso3: str | None = None
    country: str | None = None
    wikidata: str | None = None
    part_of: str | None = None

    def label(self, lang: str = "en") -> str:
        found = dict(self.labels)
        return found.get(lang) or next(iter(found.values()), self.key.rsplit("/", 1)[-1])


@dataclass(frozen=True)
class Claim:
    """A resolved claim with provenance, as stored in the graph and returned by ``claims()``."""

    id: str
    article: str
    subject: str
    predicate: str
    object: str
    modality: str
    confidence: float
    evidence: str
    char_start: int
    char_end: int
    rule: str = ""
    lang: str = ""
    attributed_to: str | None = None
    denied_by: str | None = None
    event_date: date | None = None
    location: str | None = None


@dataclass
class IngestReport:
    """Counts from one ``ingest`` call, plus one line per file that failed."""

    articles: int = 0
    skipped: int = 0
    claims: int = 0
    entities: int = 0
    dropped: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "skipped": self.skipped,
            "claims": self.claims,
            "entities": self.entities,
            "dropped": self.dropped,
            "errors": list(self.errors),
            "warnings": list(self.warnings),
        }
