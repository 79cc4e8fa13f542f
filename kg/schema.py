"""What the ontology says about classes and relations, read once from ``ontology/geokg.ttl``.

Every stage that needs domains, ranges, symmetry or PLOVER codes asks here, so the
ontology file stays the single source of the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .settings import ontology_dir

__all__ = ["Relation", "Schema", "schema", "GKG_NS"]

GKG_NS = "https://w3id.org/geokg/ontology#"
_ATTRIBUTES = {"country"}


@dataclass(frozen=True)
class Relation:
    """One object property of the ontology, as the pipeline needs it."""

    name: str
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool = False
    inverse: str | None = None
    parent: str | None = None
    plover: str | None = None
    cameo: tuple[str, ...] = ()
    quad_class: str | None = None

    @property
    def is_event(self) -> bool:
        return self.plover is not None


class Schema:
    """Classes with their ancestors, and relations with domain and range as class names."""

    def __init__(self, classes: dict[str, frozenset[str]], relations: dict[str, Relation]):
        self.ancestors = classes
        self.relations = relations

    def is_a(self, cls: str, parent: str) -> bool:
        return cls == parent or parent in self.ancestors.get(cls, frozenset())

    def fits(self, cls: str | None, allowed: frozenset[str]) -> bool:
        """Whether an entity of class ``cls`` may fill a slot typed ``allowed`` (empty: anything)."""
        if not allowed:
            return True
        return cls is not None and any(self.is_a(cls, a) for a in allowed)

    def accepts(self, predicate: str, subject_cls: str | None, object_cls: str | None) -> bool:
        relation = self.relations.get(predicate)
        return (
            relation is not None
            and self.fits(subject_cls, relation.domain)
            and self.fits(object_cls, relation.range)
        )


def _local(term: object) -> str:
    text = str(term)
    return text[len(GKG_NS):] if text.startswith(GKG_NS) else text


@lru_cache(maxsize=1)
def schema() -> Schema:
    """The schema of ``ontology/geokg.ttl``, parsed on first use."""
    from rdflib import OWL, RDF, RDFS, Graph, URIRef
    from rdflib.collection import Collection

    graph = Graph()
    graph.parse(ontology_dir() / "geokg.ttl", format="turtle")
    gkg = lambda name: URIRef(GKG_NS + name)  # noqa: E731

    def classes_of(node) -> frozenset[str]:
        if isinstance(node, URIRef):
            return frozenset({_local(node)})
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return frozenset(_local(member) for member in Collection(graph, union))
        return frozenset()

    parents: dict[str, set[str]] = {}
    for cls in set(graph.subjects(RDF.type, OWL.Class)) | set(graph.subjects(RDFS.subClassOf, None)):
        if isinstance(cls, URIRef) and str(cls).startswith(GKG_NS):
            parents.setdefault(_local(cls), set()).update(
                _local(p) for p in graph.objects(cls, RDFS.subClassOf) if isinstance(p, URIRef)
            )

    def closure(name: str) -> frozenset[str]:
        seen: set[str] = set()
        todo = list(parents.get(name, ()))
        while todo:
            item = todo.pop()
            if item not in seen:
                seen.add(item)
                todo.extend(parents.get(item, ()))
        return frozenset(seen)

    relations: dict[str, Relation] = {}
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        if not str(prop).startswith(GKG_NS) or _local(prop) in _ATTRIBUTES:
            continue
        if any(_local(d) == "Claim" for d in graph.objects(prop, RDFS.domain)):
            continue
        domain = frozenset().union(*(classes_of(d) for d in graph.objects(prop, RDFS.domain)))
        range_ = frozenset().union(*(classes_of(r) for r in graph.objects(prop, RDFS.range)))
        inverse = graph.value(prop, OWL.inverseOf) or graph.value(None, OWL.inverseOf, prop)
        parent = next((p for p in graph.objects(prop, RDFS.subPropertyOf) if str(p).startswith(GKG_NS)), None)
        plover = graph.value(prop, gkg("ploverType"))
        relations[_local(prop)] = Relation(
            name=_local(prop),
            domain=domain,
            range=range_,
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
            inverse=_local(inverse) if inverse is not None else None,
            parent=_local(parent) if parent is not None else None,
            plover=str(plover) if plover is not None else None,
            cameo=tuple(sorted(str(c) for c in graph.objects(prop, gkg("cameoRoot")))),
            quad_class=(str(q) if (q := graph.value(prop, gkg("quadClass"))) is not None else None),
        )
    return Schema({name: closure(name) for name in parents}, relations)
