"""Python names for the geokg vocabulary, so that a misspelt term fails instead of minting an IRI."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["GKG", "GKR", "SCHEMA", "WD"]


class GKG(DefinedNamespace):
    """The geokg ontology, ``ontology/geokg.ttl``."""

    _fail = True
    _NS = Namespace("https://w3id.org/geokg/ontology#")

    # Classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    InternationalOrganization: URIRef
    NonGovernmentalOrganization: URIRef
    ArmedGroup: URIRef
    GovernmentBody: URIRef
    Place: URIRef
    City: URIRef
    Region: URIRef
    Facility: URIRef
    Weapon: URIRef
    Resource: URIRef
    Conflict: URIRef
    Resolution: URIRef
    Article: URIRef
    Claim: URIRef
    Modality: URIRef

    # Modalities
    Asserted: URIRef
    Hedged: URIRef
    Negated: URIRef
    Conditional: URIRef

    # Event properties
    meets: URIRef
    visits: URIRef
    agreesWith: URIRef
    cooperatesWith: URIRef
    cooperatesMilitarilyWith: URIRef
    supports: URIRef
    aids: URIRef
    suppliesArmsTo: URIRef
    suppliedTo: URIRef
    demands: URIRef
    rejects: URIRef
    concedesTo: URIRef
    withdrawsFrom: URIRef
    investigates: URIRef
    condemns: URIRef
    accuses: URIRef
    expressesConcernAbout: URIRef
    threatens: URIRef
    protestsAgainst: URIRef
    mobilizesAgainst: URIRef
    sanctions: URIRef
    sanctionedBy: URIRef
    coerces: URIRef
    attacks: URIRef
    fightsWith: URIRef

    # Structural properties
    affiliatedWith: URIRef
    leaderOf: URIRef
    representativeOf: URIRef
    memberOf: URIRef
    partOf: URIRef
    locatedIn: URIRef
    partyTo: URIRef
    possesses: URIRef
    produces: URIRef
    violates: URIRef

    # Entity and article descriptions
    iso3: URIRef
    country: URIRef
    sha256: URIRef

    # Claim descriptions
    modality: URIRef
    attributedTo: URIRef
    deniedBy: URIRef
    confidence: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    eventDate: URIRef
    location: URIRef
    rule: URIRef

    # Alignment annotations
    ploverType: URIRef
    cameoRoot: URIRef
    quadClass: URIRef


GKR = Namespace("https://w3id.org/geokg/resource/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
