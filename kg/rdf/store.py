"""Graph stores behind a ``KnowledgeGraph``, registered by name.

``oxigraph`` (the default) keeps an ``rdflib.Dataset`` on an Oxigraph store through the
``oxrdflib`` plugin, in memory or in a folder, and answers SPARQL natively; ``memory`` is
rdflib's own Memory store. Each article's graph is replaced in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from ..errors import QueryError, StoreError, StoreLockedError
from ..settings import ontology_dir
from .bindings import prebind
from .convert import ONTOLOGY_GRAPH
from .results import Rows

__all__ = ["stored_ontology", "GraphStore", "OxigraphStore", "MemoryStore", "open_store", "register_store", "STORES", "FORMATS", "PREFIXES"]

FORMATS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".ttl": "turtle",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
PREFIXES = {
    "gkg": "https://w3id.org/geokg/ontology#",
    "gkr": "https://w3id.org/geokg/resource/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
}
PREFIX_HEADER = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def stored_ontology() -> Graph:
    """``geokg.ttl`` with its blank nodes replaced by deterministic skolem IRIs.

    The same ontology then gives the same quads in every store and after every export and
    load, and stores that refuse blank nodes accept it.
    """
    from rdflib.compare import to_canonical_graph

    ontology = Graph().parse(ontology_dir() / "geokg.ttl", format="turtle")
    return to_canonical_graph(ontology).skolemize(authority="https://w3id.org/geokg", basepath="/.well-known/genid/")


def rdf_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise StoreError(f"{path}: unknown RDF format '{suffix}' (use one of {', '.join(sorted(FORMATS))})")
    return FORMATS[suffix]


class GraphStore:
    """What the rest of geokg needs from a store."""

    dataset: Dataset
    read_only: bool = False

    def replace_graph(self, graph: URIRef, quads: list[tuple], shared: list[tuple]) -> None:
        raise NotImplementedError

    def remove_graph(self, graph: URIRef) -> None:
        raise NotImplementedError

    def query(self, sparql: str, bindings: dict | None = None, limit: int | None = None) -> Rows:
        """Run SPARQL over the union of all graphs; ``limit`` caps the rows (or triples) kept."""
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def load(self, path: Path, fmt: str) -> None:
        self.dataset.parse(str(path), format=fmt)

    def export(self, path: Path, fmt: str) -> None:
        if fmt in ("turtle", "nt", "xml"):
            merged = Graph()
            for prefix, iri in PREFIXES.items():
                merged.bind(prefix, iri)
            for s, p, o, _g in self.dataset.quads((None, None, None, None)):
                merged.add((s, p, o))
            merged.serialize(destination=str(path), format=fmt)
        else:
            self.dataset.serialize(destination=str(path), format=fmt)

    def graph_names(self) -> set[str]:
        return {str(g.identifier) for g in self.dataset.graphs() if isinstance(g.identifier, URIRef)}

    def ensure_ontology(self) -> None:
        """Put ``ontology/geokg.ttl`` into its named graph unless it is there already."""
        if self.read_only:
            return
        found = self.query(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
        if not found.boolean:
            ontology = stored_ontology()
            self.replace_graph(ONTOLOGY_GRAPH, [(s, p, o, ONTOLOGY_GRAPH) for s, p, o in ontology], [])

    def close(self) -> None:
        return None


def _bind_all(dataset: Dataset) -> None:
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri, override=True)


class MemoryStore(GraphStore):
    """rdflib's Memory store: pure Python, for small graphs and as a reference."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        if path is not None:
            raise StoreError("the 'memory' store lives in memory only; use the 'oxigraph' store for a folder")
        self.dataset = Dataset(default_union=True)
        _bind_all(self.dataset)

    def replace_graph(self, graph, quads, shared):
        self.dataset.remove_graph(self.dataset.graph(graph))
        self.dataset.addN(quads)
        self.dataset.addN(shared)

    def remove_graph(self, graph):
        self.dataset.remove_graph(self.dataset.graph(graph))

    def query(self, sparql, bindings=None, limit=None):
        try:
            result = self.dataset.query(sparql, initNs=PREFIXES, initBindings=bindings or {})
        except Exception as exc:
            raise QueryError(f"SPARQL query failed: {_first_line(exc)}") from None
        if result.type == "ASK":
            return Rows(boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            if limit is None:
                return Rows(graph=result.graph)
            graph = Graph(namespace_manager=result.graph.namespace_manager)
            graph += islice(result.graph, limit)
            return Rows(graph=graph)
        names = [str(v) for v in result.vars]
        return Rows(names, [{n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in islice(result, limit)])

    def update(self, sparql):
        try:
            self.dataset.update(sparql, initNs=PREFIXES)
        except Exception as exc:
            raise QueryError(f"SPARQL update failed: {_first_line(exc)}") from None


class OxigraphStore(GraphStore):
    """Oxigraph through oxrdflib: an ``rdflib.Dataset`` whose SPARQL runs natively in Rust."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        import pyoxigraph
        from oxrdflib import OxigraphStore as OxStore

        self.read_only = read_only
        try:
            if path is None:
                inner = pyoxigraph.Store()
            elif read_only:
                if not Path(path).is_dir():
                    raise StoreError(f"{path}: no store here; create one with 'kg ingest ... --store {path}'")
                inner = _open_read_only(Path(path))
            else:
                _refuse_foreign_folder(Path(path))
                Path(path).mkdir(parents=True, exist_ok=True)
                inner = pyoxigraph.Store(str(path))
        except (OSError, RuntimeError) as exc:
            message = str(exc)
            if "lock hold by current process" in message:
                raise StoreLockedError(f"{path}: store already open in this process; close the other KnowledgeGraph first") from None
            if "lock" in message.lower():
                raise StoreLockedError(f"{path}: store in use by another process; wait for it to finish or use another --store") from None
            if read_only and not (Path(path) / "CURRENT").exists():
                raise StoreError(f"{path}: no store here; create one with 'kg ingest ... --store {path}'") from None
            raise StoreError(f"{path}: cannot open the store ({_first_line(exc)})") from None
        self.inner = inner
        self.path = Path(path) if path is not None else None
        self.dataset = Dataset(store=OxStore(store=inner), default_union=True)
        _bind_all(self.dataset)

    def _to_ox(self, quads: Iterable[tuple]):
        from oxrdflib._converter import to_ox

        return [to_ox(q) for q in quads]

    def replace_graph(self, graph, quads, shared):
        """One SPARQL update, which Oxigraph applies as one transaction: all of it or nothing.

        Terms are written with rdflib's ``n3()``, which escapes literals and refuses IRIs
        that could end the ``<...>``, so no text can change the update's structure.
        """
        try:
            n3 = _n3
            body = "\n".join(f"{n3(s)} {n3(p)} {n3(o)} ." for s, p, o, _g in quads)
            shared_body = "\n".join(f"GRAPH {n3(g)} {{ {n3(s)} {n3(p)} {n3(o)} }}" for s, p, o, g in shared)
            update = f"DROP SILENT GRAPH {graph.n3()} ;\nINSERT DATA {{ GRAPH {graph.n3()} {{\n{body}\n}}\n{shared_body}\n}}"
            self.inner.update(update)
        except Exception as exc:  # noqa: BLE001 - rdflib raises bare Exception for unserialisable IRIs
            raise StoreError(f"cannot write graph {graph}: {_first_line(exc)}") from None

    def remove_graph(self, graph):
        try:
            self.inner.update(f"DROP SILENT GRAPH {graph.n3()}")
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot remove graph {graph}: {_first_line(exc)}") from None

    def query(self, sparql, bindings=None, limit=None):
        import pyoxigraph
        from oxrdflib._converter import from_ox, to_ox

        try:
            try:
                result = self.inner.query(
                    sparql,
                    use_default_graph_as_union=True,
                    prefixes=PREFIXES,
                    substitutions={pyoxigraph.Variable(k): to_ox(v) for k, v in (bindings or {}).items()} or None,
                )
            except RuntimeError as exc:
                if not bindings or "projection" not in str(exc):
                    raise
                result = self.inner.query(prebind(sparql, bindings), use_default_graph_as_union=True, prefixes=PREFIXES)
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"SPARQL query failed: {_first_line(exc)}") from None
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Rows(boolean=bool(result))
        if isinstance(result, pyoxigraph.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = []
            for solution in islice(result, limit):
                row = {}
                for name, value in zip(names, solution):
                    if value is not None:
                        row[name] = from_ox(value)
                rows.append(row)
            return Rows(names, rows)
        graph = Graph()
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri)
        for triple in islice(result, limit):
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
        return Rows(graph=graph)

    def update(self, sparql):
        try:
            self.inner.update(sparql, prefixes=PREFIXES)
        except (SyntaxError, OSError, ValueError) as exc:
            raise QueryError(f"SPARQL update failed: {_first_line(exc)}") from None

    def load(self, path, fmt):
        import pyoxigraph

        ox_formats = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS, "nt": pyoxigraph.RdfFormat.N_TRIPLES, "turtle": pyoxigraph.RdfFormat.TURTLE, "xml": pyoxigraph.RdfFormat.RDF_XML}
        if fmt not in ox_formats:
            return super().load(path, fmt)
        try:
            self.inner.bulk_load(path=str(path), format=ox_formats[fmt])
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"{path}: cannot load ({_first_line(exc)})") from None

    def export(self, path, fmt):
        import pyoxigraph

        ox_formats = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS}
        if fmt not in ox_formats:
            return super().export(path, fmt)
        options = {"prefixes": PREFIXES} if fmt == "trig" else {}
        self.inner.dump(output=str(path), format=ox_formats[fmt], **options)

    def graph_names(self):
        return {g.value for g in self.inner.named_graphs()}

    def close(self):
        """Flush, then let go of the store so its folder's lock is released at once."""
        import gc

        inner, self.inner = getattr(self, "inner", None), None
        self.dataset = None
        if inner is None:
            return
        try:
            if not self.read_only:
                inner.flush()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot flush the store ({_first_line(exc)})") from None
        finally:
            del inner
            gc.collect()  # rdflib's Dataset and oxrdflib's store refer to each other


_IRIS: dict[URIRef, str] = {}


def _n3(term) -> str:
    """``term.n3()``, kept for IRIs, which recur from article to article (entities, vocabulary).

    Literals are written out each time: two literals can be equal and still be written
    differently (``"x"@EN`` and ``"x"@en``).
    """
    if type(term) is not URIRef:
        return term.n3()
    text = _IRIS.get(term)
    if text is None:
        text = term.n3()
        if len(_IRIS) >= 100_000:
            _IRIS.clear()
        _IRIS[term] = text
    return text


def _open_read_only(path: Path, attempts: int = 20, pause: float = 0.1):
    """A read-only view of an on-disk store, retried while a writer is replacing its files.

    A writer in another process flushes and compacts, deleting files a reader opening at
    that moment expects; the next attempt sees the new set of files.
    """
    import time

    import pyoxigraph

    for _ in range(attempts - 1):
        try:
            return pyoxigraph.Store.read_only(str(path))
        except (OSError, RuntimeError):
            if not (path / "CURRENT").exists():
                raise
            time.sleep(pause)
    return pyoxigraph.Store.read_only(str(path))


def _refuse_foreign_folder(path: Path) -> None:
    """Refuse to turn a folder of other files into a store (RocksDB would write into it)."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder")
    if path.is_dir() and not (path / "CURRENT").exists() and any(path.iterdir()):
        raise StoreError(f"{path}: folder is not empty and holds no store; give a new or empty folder to --store")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    return text.splitlines()[0][:300]


STORES: dict[str, Callable[..., GraphStore]] = {"oxigraph": OxigraphStore, "memory": MemoryStore}


def register_store(name: str, factory: Callable[..., GraphStore]) -> None:
    """Make a store backend available to ``KnowledgeGraph(store=name)``."""
    STORES[name] = factory


def open_store(backend: str, path: str | Path | None = None, read_only: bool = False) -> GraphStore:
    if backend not in STORES:
        raise StoreError(f"unknown store '{backend}' (known: {', '.join(STORES)})")
    return STORES[backend](path, read_only=read_only)
