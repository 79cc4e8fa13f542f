"""Claims, entities and articles as RDF quads in geokg's vocabulary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
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


def article_iri(article_id: str) -> URIRef:
    return GKR[f"article/{article_id}"]


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity key, percent-encoded so no name can leave the ``gkr:`` namespace."""
    segments = [quote(part, safe="-_.~") for part in key.split("/") if part not in ("", ".", "..")]
    return GKR["/".join(segments) or "unnamed"]


def claim_iri(claim_id: str) -> URIRef:
    return GKR[f"claim/{claim_id}"]


def article_quads(article: Article) -> Iterator[tuple]:
    node = article_iri(article.id)
    graph = node
    yield node, RDF.type, GKG.Article, graph
    yield node, RDF.type, SCHEMA.NewsArticle, graph
    yield node, GKG.sha256, Literal(article.sha256), graph
    if article.headline:
        yield node, SCHEMA.headline, Literal(article.headline, lang=article.lang), graph
    if article.lang:
        yield node, SCHEMA.inLanguage, Literal(article.lang), graph
    if article.published:
        yield node, SCHEMA.datePublished, Literal(article.published, datatype=XSD.date), graph
    if article.url:
        yield node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI), graph


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
        yield s, _GKG[name], o
        if relation is None:
            continue
        if relation.symmetric:
            yield o, _GKG[name], s
        if relation.inverse:
            yield o, _GKG[relation.inverse], s
        if relation.parent:
            todo.append(relation.parent)


def claim_quads(claim: Claim, schema: Schema) -> Iterator[tuple]:
    graph = article_iri(claim.article)
    node = claim_iri(claim.id)
    s, o = entity_iri(claim.subject), entity_iri(claim.object)
    yield node, RDF.type, GKG.Claim, graph
    yield node, RDF.type, RDF.Statement, graph
    yield node, RDF.subject, s, graph
    yield node, RDF.predicate, _GKG[claim.predicate], graph
    yield node, RDF.object, o, graph
    yield node, GKG.modality, _GKG[claim.modality], graph
    yield node, GKG.confidence, Literal(Decimal(str(claim.confidence)), datatype=XSD.decimal), graph
    yield node, GKG.evidence, Literal(claim.evidence, lang=claim.lang or None), graph
    yield node, GKG.charStart, Literal(claim.char_start, datatype=XSD.integer), graph
    yield node, GKG.charEnd, Literal(claim.char_end, datatype=XSD.integer), graph
    yield node, GKG.rule, Literal(claim.rule), graph
    yield node, PROV.wasDerivedFrom, graph, graph
    if claim.attributed_to:
        yield node, GKG.attributedTo, entity_iri(claim.attributed_to), graph
    if claim.denied_by:
        yield node, GKG.deniedBy, entity_iri(claim.denied_by), graph
    if claim.event_date:
        yield node, GKG.eventDate, Literal(claim.event_date, datatype=XSD.date), graph
    if claim.location:
        yield node, GKG.location, entity_iri(claim.location), graph
    if claim.modality == "Asserted":
        for triple in _implied(schema, claim.predicate, s, o):
            yield (*triple, graph)


def entity_quads(entity: Entity) -> Iterator[tuple]:
    graph = ENTITIES_GRAPH
    node = entity_iri(entity.key)
    yield node, RDF.type, _GKG[entity.type], graph
    labelled = set()
    for lang, label in entity.labels:
        yield node, RDFS.label, Literal(label, lang=lang), graph
        labelled.add(label)
    for alias in sorted(entity.aliases - labelled):
        yield node, SKOS.altLabel, Literal(alias), graph
    if entity.iso3:
        yield node, GKG.iso3, Literal(entity.iso3), graph
    if entity.country and entity.type != "Country":
        yield node, GKG.country, entity_iri(entity.country), graph
    if entity.wikidata:
        yield node, OWL.sameAs, WD[entity.wikidata], graph
    if entity.part_of:
        yield node, GKG.partOf, entity_iri(entity.part_of), graph


def enforce_schema(claims: Iterable[Claim], classes: dict[str, str], schema: Schema) -> tuple[list[Claim], list[Claim]]:
    """Split claims into those whose predicate, domain and range fit the ontology, and the rest."""
    kept, dropped = [], []
    for claim in claims:
        ok = schema.accepts(claim.predicate, classes.get(claim.subject), classes.get(claim.object))
        (kept if ok else dropped).append(claim)
    return kept, dropped
