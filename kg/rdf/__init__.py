"""The RDF side: vocabulary, claims to quads, stores, SPARQL results, validation."""
