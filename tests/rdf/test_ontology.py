"""The ontology, its Python namespace and the SHACL shapes agree with each other and the contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.rdf.namespace import GKG, GKR, SCHEMA

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "geokg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
NS = "https://w3id.org/geokg/ontology#"

EVENTS = {
    "meets": ("CONSULT", {"04"}, "verbal cooperation"),
    "visits": ("CONSULT", {"04"}, "verbal cooperation"),
    "agreesWith": ("AGREE", {"03", "05"}, "verbal cooperation"),
    "cooperatesWith": ("COOPERATE", {"06"}, "material cooperation"),
    "cooperatesMilitarilyWith": ("COOPERATE", {"06"}, "material cooperation"),
    "supports": ("SUPPORT", {"05"}, "verbal cooperation"),
    "aids": ("AID", {"07"}, "material cooperation"),
    "suppliesArmsTo": ("AID", {"07"}, "material cooperation"),
    "suppliedTo": ("AID", {"07"}, "material cooperation"),
    "demands": ("DEMAND", {"02", "10"}, "verbal conflict"),
    "rejects": ("REJECT", {"12"}, "verbal conflict"),
    "concedesTo": ("CONCEDE", {"08"}, "material cooperation"),
    "withdrawsFrom": ("RETREAT", {"08"}, "material cooperation"),
    "investigates": ("INVESTIGATE", {"09"}, "material cooperation"),
    "condemns": ("DISAPPROVE", {"11"}, "verbal conflict"),
    "accuses": ("DISAPPROVE", {"11"}, "verbal conflict"),
    "expressesConcernAbout": ("DISAPPROVE", {"11"}, "verbal conflict"),
    "threatens": ("THREATEN", {"13"}, "verbal conflict"),
    "protestsAgainst": ("PROTEST", {"14"}, "verbal conflict"),
    "mobilizesAgainst": ("MOBILIZE", {"15"}, "material conflict"),
    "sanctions": ("SANCTION", {"16"}, "material conflict"),
    "sanctionedBy": ("SANCTION", {"16"}, "material conflict"),
    "coerces": ("COERCE", {"17"}, "material conflict"),
    "attacks": ("ASSAULT", {"18"}, "material conflict"),
    "fightsWith": ("FIGHT", {"19"}, "material conflict"),
}
STRUCTURAL = [
    "affiliatedWith", "leaderOf", "representativeOf", "memberOf", "partOf",
    "locatedIn", "partyTo", "possesses", "produces", "violates",
]
RELATIONS = [*EVENTS, *STRUCTURAL]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def _gkg_terms(graph: Graph) -> set[str]:
    return {
        str(term)[len(NS):]
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(NS)
    }


def test_namespace_and_ontology_name_the_same_terms(ontology):
    python_names = {name for name in GKG.__annotations__ if not name.startswith("_")}
    declared = {
        str(s)[len(NS):]
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }
    assert declared == python_names
    assert _gkg_terms(ontology) <= python_names


def test_namespace_fails_on_unknown_terms():
    with pytest.raises(AttributeError):
        GKG.meet  # noqa: B018
    assert GKG.meets == URIRef(NS + "meets")


def test_every_term_has_labels_and_definition(ontology):
    for name in GKG.__annotations__:
        if name.startswith("_"):
            continue
        term = GKG[name]
        langs = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"en", "fr"} <= langs, name
        definitions = list(ontology.objects(term, SKOS.definition))
        assert any(d.language == "en" for d in definitions), name


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_is_declared_with_domain_and_range(ontology, name):
    prop = GKG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in ontology
    assert ontology.value(prop, RDFS.domain) is not None
    assert ontology.value(prop, RDFS.range) is not None


@pytest.mark.parametrize(("name", "alignment"), EVENTS.items())
def test_event_alignment(ontology, name, alignment):
    plover, cameo, quad = alignment
    prop = GKG[name]
    assert list(ontology.objects(prop, GKG.ploverType)) == [Literal(plover)]
    assert {str(c) for c in ontology.objects(prop, GKG.cameoRoot)} == cameo
    assert list(ontology.objects(prop, GKG.quadClass)) == [Literal(quad)]


def test_only_events_carry_a_plover_type(ontology):
    coded = {str(s)[len(NS):] for s in ontology.subjects(GKG.ploverType, None)}
    assert coded == set(EVENTS)


@pytest.mark.parametrize("name", ["meets", "agreesWith", "cooperatesWith", "cooperatesMilitarilyWith", "fightsWith"])
def test_symmetric(ontology, name):
    assert (GKG[name], RDF.type, OWL.SymmetricProperty) in ontology


def test_hierarchy(ontology):
    assert (GKG.sanctionedBy, OWL.inverseOf, GKG.sanctions) in ontology
    assert (GKG.cooperatesMilitarilyWith, RDFS.subPropertyOf, GKG.cooperatesWith) in ontology
    assert (GKG.suppliesArmsTo, RDFS.subPropertyOf, GKG.aids) in ontology
    assert (GKG.leaderOf, RDFS.subPropertyOf, GKG.affiliatedWith) in ontology
    assert (GKG.representativeOf, RDFS.subPropertyOf, GKG.affiliatedWith) in ontology
    assert (GKG.Claim, RDFS.subClassOf, RDF.Statement) in ontology
    assert (GKG.Article, RDFS.subClassOf, SCHEMA.NewsArticle) in ontology
    for modality in (GKG.Asserted, GKG.Hedged, GKG.Negated, GKG.Conditional):
        assert (modality, RDF.type, GKG.Modality) in ontology


def test_shapes_cover_every_relation(shapes):
    from rdflib.collection import Collection

    lists = [Collection(shapes, node) for node in shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#in"))]
    predicates = next(set(items) for items in lists if GKG.meets in items)
    assert predicates == {GKG[name] for name in RELATIONS}


ARTICLE = GKR["article/abc"]
RUSSIA = GKR["country/russia"]
PRK = GKR["country/north-korea"]
CLAIM = GKR["claim/1"]


def _valid() -> Graph:
    g = Graph()
    g.add((ARTICLE, RDF.type, GKG.Article))
    g.add((ARTICLE, RDF.type, SCHEMA.NewsArticle))
    g.add((ARTICLE, GKG.sha256, Literal("a" * 64)))
    g.add((ARTICLE, SCHEMA.inLanguage, Literal("fr")))
    g.add((ARTICLE, SCHEMA.headline, Literal("La rencontre Kim-Poutine", lang="fr")))
    for node, iso3, en, fr in ((RUSSIA, "RUS", "Russia", "Russie"), (PRK, "PRK", "North Korea", "Corée du Nord")):
        g.add((node, RDF.type, GKG.Country))
        g.add((node, RDFS.label, Literal(en, lang="en")))
        g.add((node, RDFS.label, Literal(fr, lang="fr")))
        g.add((node, GKG.iso3, Literal(iso3)))
    g.add((CLAIM, RDF.type, GKG.Claim))
    g.add((CLAIM, RDF.type, RDF.Statement))
    g.add((CLAIM, RDF.subject, RUSSIA))
    g.add((CLAIM, RDF.predicate, GKG.meets))
    g.add((CLAIM, RDF.object, PRK))
    g.add((CLAIM, GKG.modality, GKG.Asserted))
    g.add((CLAIM, GKG.confidence, Literal(Decimal("0.87"))))
    g.add((CLAIM, GKG.evidence, Literal("La Russie a rencontré la Corée du Nord.", lang="fr")))
    g.add((CLAIM, GKG.charStart, Literal(10)))
    g.add((CLAIM, GKG.charEnd, Literal(49)))
    g.add((CLAIM, GKG.eventDate, Literal(date(2023, 9, 13))))
    g.add((CLAIM, GKG.rule, Literal("meets.fr.rencontrer")))
    g.add((CLAIM, PROV.wasDerivedFrom, ARTICLE))
    g.add((RUSSIA, GKG.meets, PRK))
    g.add((PRK, GKG.meets, RUSSIA))
    return g


def _confidence_too_high(g: Graph) -> None:
    g.set((CLAIM, GKG.confidence, Literal(Decimal("1.5"))))


def _no_evidence(g: Graph) -> None:
    g.remove((CLAIM, GKG.evidence, None))


def _no_iso3(g: Graph) -> None:
    g.remove((PRK, GKG.iso3, None))


def _asserted_without_fact(g: Graph) -> None:
    g.remove((RUSSIA, GKG.meets, PRK))


def _validate(data: Graph, ontology: Graph, shapes: Graph, inference: str) -> bool:
    conforms, _, _ = pyshacl.validate(data + ontology, shacl_graph=shapes, inference=inference)
    return conforms


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_valid_graph_conforms(ontology, shapes, inference):
    assert _validate(_valid(), ontology, shapes, inference)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
@pytest.mark.parametrize("breakage", [_confidence_too_high, _no_evidence, _no_iso3, _asserted_without_fact])
def test_broken_graph_does_not_conform(ontology, shapes, inference, breakage):
    data = _valid()
    breakage(data)
    assert not _validate(data, ontology, shapes, inference)
