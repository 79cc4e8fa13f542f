"""SPARQL the API runs, written with the most selective pattern first (Oxigraph keeps order)."""

__all__ = ["CLAIMS", "ENTITIES", "SUBCLASS_FILTER", "STATS_COUNTS", "STATS_BY_RELATION", "ARTICLES"]

CLAIMS = """
SELECT ?c ?a ?s ?p ?o ?m ?confidence ?evidence ?start ?end ?rule ?source ?denier ?date ?location WHERE {
  ?c rdf:predicate ?p ;
     rdf:subject ?s ;
     rdf:object ?o ;
     gkg:modality ?m ;
     prov:wasDerivedFrom ?a ;
     gkg:confidence ?confidence ;
     gkg:evidence ?evidence ;
     gkg:charStart ?start ;
     gkg:charEnd ?end .
  OPTIONAL { ?c gkg:rule ?rule }
  OPTIONAL { ?c gkg:attributedTo ?source }
  OPTIONAL { ?c gkg:deniedBy ?denier }
  OPTIONAL { ?c gkg:eventDate ?date }
  OPTIONAL { ?c gkg:location ?location }
}
ORDER BY ?a ?start ?c
"""

ENTITIES = """
SELECT ?e ?type ?label ?alias ?iso3 ?country ?wikidata WHERE {
  GRAPH <https://w3id.org/geokg/resource/graph/entities> { ?e a ?type . }
  %s
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e skos:altLabel ?alias }
  OPTIONAL { ?e gkg:iso3 ?iso3 }
  OPTIONAL { ?e gkg:country ?country }
  OPTIONAL { ?e owl:sameAs ?wikidata }
}
"""

SUBCLASS_FILTER = "GRAPH <https://w3id.org/geokg/resource/graph/ontology> { ?type rdfs:subClassOf* ?cls . }"

STATS_COUNTS = """
SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?c) AS ?claims) WHERE {
  { ?a a gkg:Article } UNION { GRAPH <https://w3id.org/geokg/resource/graph/entities> { ?e a ?t } } UNION { ?c a gkg:Claim }
}
"""

STATS_BY_RELATION = """
SELECT ?p ?m (COUNT(?c) AS ?n) WHERE { ?c rdf:predicate ?p ; gkg:modality ?m . } GROUP BY ?p ?m
"""

ARTICLES = """
SELECT ?a ?headline ?url ?published WHERE {
  ?a a gkg:Article .
  OPTIONAL { ?a schema:headline ?headline }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?published }
}
"""
