"""Claims, entities and articles as RDF quads in geokg's vocabulary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from ..model import Article, Claim, Entity
from ..schema import Schema
from .namespace import GKG, GKR, SCHEMA, WD

__all__ = [
    "article_iri",
    "entity_iri",
    "claim_iri",
    "ENTITIES_GRAPH",
    "ONTOLOGY_GRAPH",
    "article_quads",
    "claim_quads",
    "entity_quads",
    "enforce_schema",
]

ENTITIES_GRAPH = GKR["graph/entities"]
ONTOLOGY_GRAPH = GKR["graph/ontology"]
_GKG = Namespace(str(GKG))

# Terms every article or claim repeats, looked up once (a ``DefinedNamespace`` attribute
# lookup checks the name against the vocabulary each time).
_TYPE, _ARTICLE, _NEWS, _SHA = RDF.type, GKG.Article, SCHEMA.NewsArticle, GKG.sha256
_HEADLINE, _IN_LANGUAGE, _PUBLISHED, _URL = SCHEMA.headline, SCHEMA.inLanguage, SCHEMA.datePublished, SCHEMA.url
_CLAIM, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = GKG.Claim, RDF.Statement, RDF.subject, RDF.predicate, RDF.object
_MODALITY, _CONFIDENCE, _EVIDENCE, _START, _END, _RULE = GKG.modality, GKG.confidence, GKG.evidence, GKG.charStart, GKG.charEnd, GKG.rule
_DERIVED, _ATTRIBUTED, _DENIED, _EVENT_DATE, _LOCATION = PROV.wasDerivedFrom, GKG.attributedTo, GKG.deniedBy, GKG.eventDate, GKG.location
_LABEL, _ALT_LABEL, _ISO3, _COUNTRY, _SAME_AS, _PART_OF = RDFS.label, SKOS.altLabel, GKG.iso3, GKG.country, OWL.sameAs, GKG.partOf


@lru_cache(maxsize=4096)
def _vocab(name: str) -> URIRef:
    """``gkg:<name>`` for a class, relation or modality name."""
    return _GKG[name]


@lru_cache(maxsize=65536)
def article_iri(article_id: str) -> URIRef:
    return GKR[f"article/{article_id}"]


@lru_cache(maxsize=65536)
def entity_iri(key: str) -> URIRef:
    """The IRI of an entity key, percent-encoded so no name can leave the ``gkr:`` namespace."""
    segments = [quote(part, safe="-_.~") for part in key.split("/") if part not in ("", ".", "..")]
    return GKR["/".join(segments) or "unnamed"]


def claim_iri(claim_id: str) -> URIRef:
    return GKR[f"claim/{claim_id}"]


@lru_cache(maxsize=1024)
def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


@lru_cache(maxsize=8192)
def _integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


@lru_cache(maxsize=4096)
def _plain(value: str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=256)
def _text(value: str, lang: str | None) -> Literal:
    return Literal(value, lang=lang)


def article_quads(article: Article) -> Iterator[tuple]:
    node = article_iri(article.id)
    graph = node
    yield node, _TYPE, _ARTICLE, graph
    yield node, _TYPE, _NEWS, graph
    yield node, _SHA, Literal(article.sha256), graph
    if article.headline:
        yield node, _HEADLINE, Literal(article.headline, lang=article.lang), graph
    if article.lang:
        yield node, _IN_LANGUAGE, _plain(article.lang), graph
    if article.published:
        yield node, _PUBLISHED, Literal(article.published, datatype=XSD.date), graph
    if article.url:
        yield node, _URL, Literal(article.url, datatype=XSD.anyURI), graph


def _implied(schema: Schema, predicate: str, s: URIRef, o: URIRef) -> Iterator[tuple[URIRef, URIRef, URIRef]]:
    """The plain triple of a fact, with its symmetric, inverse and super-property forms."""
    seen = set()
    todo = [predicate]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        relation = schema.relations.get(name)
        yield s, _vocab(name), o
        if relation is None:
            continue
        if relation.symmetric:
            yield o, _vocab(name), s
        if relation.inverse:
            yield o, _vocab(relation.inverse), s
        if relation.parent:
            todo.append(relation.parent)


def claim_quads(claim: Claim, schema: Schema) -> Iterator[tuple]:
    graph = article_iri(claim.article)
    node = claim_iri(claim.id)
    s, o = entity_iri(claim.subject), entity_iri(claim.object)
    yield node, _TYPE, _CLAIM, graph
    yield node, _TYPE, _STATEMENT, graph
    yield node, _SUBJECT, s, graph
    yield node, _PREDICATE, _vocab(claim.predicate), graph
    yield node, _OBJECT, o, graph
    yield node, _MODALITY, _vocab(claim.modality), graph
    yield node, _CONFIDENCE, _decimal(claim.confidence), graph
    yield node, _EVIDENCE, _text(claim.evidence, claim.lang or None), graph
    yield node, _START, _integer(claim.char_start), graph
    yield node, _END, _integer(claim.char_end), graph
    yield node, _RULE, _plain(claim.rule), graph
    yield node, _DERIVED, graph, graph
    if claim.attributed_to:
        yield node, _ATTRIBUTED, entity_iri(claim.attributed_to), graph
    if claim.denied_by:
        yield node, _DENIED, entity_iri(claim.denied_by), graph
    if claim.event_date:
        yield node, _EVENT_DATE, Literal(claim.event_date, datatype=XSD.date), graph
    if claim.location:
        yield node, _LOCATION, entity_iri(claim.location), graph
    if claim.modality == "Asserted":
        for triple in _implied(schema, claim.predicate, s, o):
            yield (*triple, graph)


def entity_quads(entity: Entity) -> Iterator[tuple]:
    return iter(_entity_quads(entity))


@lru_cache(maxsize=8192)
def _entity_quads(entity: Entity) -> tuple[tuple, ...]:
    """The description of an entity; the same entity recurs in article after article."""
    graph = ENTITIES_GRAPH
    node = entity_iri(entity.key)
    quads = [(node, _TYPE, _vocab(entity.type), graph)]
    labelled = set()
    for lang, label in entity.labels:
        quads.append((node, _LABEL, Literal(label, lang=lang), graph))
        labelled.add(label)
    for alias in sorted(entity.aliases - labelled):
        quads.append((node, _ALT_LABEL, Literal(alias), graph))
    if entity.iso3:
        quads.append((node, _ISO3, Literal(entity.iso3), graph))
    if entity.country and entity.type != "Country":
        quads.append((node, _COUNTRY, entity_iri(entity.country), graph))
    if entity.wikidata:
        quads.append((node, _SAME_AS, WD[entity.wikidata], graph))
    if entity.part_of:
        quads.append((node, _PART_OF, entity_iri(entity.part_of), graph))
    return tuple(quads)


def enforce_schema(claims: Iterable[Claim], classes: dict[str, str], schema: Schema) -> tuple[list[Claim], list[Claim]]:
    """Split claims into those whose predicate, domain and range fit the ontology, and the rest."""
    kept, dropped = [], []
    for claim in claims:
        ok = schema.accepts(claim.predicate, classes.get(claim.subject), classes.get(claim.object))
        (kept if ok else dropped).append(claim)
    return kept, dropped
