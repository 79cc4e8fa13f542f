"""A store on a running SPARQL 1.1 server, reached over HTTP: ``KnowledgeGraph("http://host:port")``.

Queries go to the query endpoint as ``application/x-www-form-urlencoded`` POSTs and their
results (SPARQL JSON, N-Triples or Turtle) become ``Rows`` of rdflib terms; each article
is written by one SPARQL Update request, which the server applies atomically.

Endpoints. For a base URL ``http://h:p`` the store uses Oxigraph's layout: ``/query``,
``/update`` and the Graph Store Protocol at ``/store``, and asks for the union of all
graphs as default graph with Oxigraph's ``union-default-graph`` parameter, so queries
mean exactly what they mean on the embedded store. Other servers take explicit
endpoints, and give the union default graph through their own configuration::

    KnowledgeGraph(query_endpoint="http://h:3030/ds/query", update_endpoint="http://h:3030/ds/update")

(Apache Jena Fuseki, with ``tdb2:unionDefaultGraph true`` on the dataset). Without an
update endpoint the store is read-only (QLever, say).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from io import BytesIO
from itertools import islice

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from ..errors import QueryError, StoreError
from .bindings import prebind
from .results import Rows
from .store import PREFIX_HEADER, PREFIXES, GraphStore, MemoryStore

__all__ = ["SparqlStore"]

_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_GRAPH_TYPES = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle", "application/x-turtle": "turtle"}
_JSON_TYPES = ("application/sparql-results+json", "application/json")
_XML_TYPES = ("application/sparql-results+xml", "application/xml", "text/xml")
_GSP_TYPES = {
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "nt": "application/n-triples",
    "turtle": "text/turtle",
    "xml": "application/rdf+xml",
}
_QUAD_FORMATS = ("trig", "nquads")


class SparqlStore(GraphStore):
    """A ``GraphStore`` on a SPARQL 1.1 server (Oxigraph, Fuseki, QLever...).

    ``location`` is the server's base URL; ``query_endpoint``, ``update_endpoint`` and
    ``store_endpoint`` (Graph Store Protocol, for bulk ``load`` and ``export``) override
    the Oxigraph defaults derived from it. ``union_default_graph`` sends Oxigraph's
    parameter of that name with every query; it defaults to on for the derived
    endpoints and off for explicit ones.
    """

    def __init__(
        self,
        location: str | None = None,
        *,
        query_endpoint: str | None = None,
        update_endpoint: str | None = None,
        store_endpoint: str | None = None,
        read_only: bool = False,
        union_default_graph: bool | None = None,
        timeout: float = 120.0,
        batch_size: int = 20_000,
    ):
        import httpx

        base = location.rstrip("/") if location else None
        if not base and not query_endpoint:
            raise StoreError("give the SPARQL server's URL, or query_endpoint=")
        self.query_endpoint = query_endpoint or f"{base}/query"
        self.update_endpoint = update_endpoint or (f"{base}/update" if base and not query_endpoint else None)
        self.store_endpoint = store_endpoint or (f"{base}/store" if base and not query_endpoint else None)
        self.union_default_graph = query_endpoint is None if union_default_graph is None else union_default_graph
        self.read_only = read_only or self.update_endpoint is None
        self.timeout = timeout
        self.batch_size = batch_size
        self.location = base or self.query_endpoint
        self.client = httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0), follow_redirects=False)
        self._dataset = None

    def __repr__(self) -> str:
        return f"SparqlStore({self.location!r})"

    # HTTP

    def _request(self, method: str, url: str, **kwargs):
        import httpx

        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise StoreError(f"{url}: no answer within {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL server at {url} ({exc or exc.__class__.__name__}); is it running?") from None
        return response

    def _check(self, response, what: str):
        if response.status_code < 400:
            return response
        message = _first_line(response.text) or response.reason_phrase
        if response.status_code in (400, 422):
            raise QueryError(f"SPARQL {what} failed: {message}")
        raise StoreError(f"{response.request.url}: {what} answered {response.status_code} ({message})")

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: read-only (no update endpoint, or opened read-only)")

    # GraphStore

    def query(self, sparql, bindings=None, limit=None):
        text = PREFIX_HEADER + (prebind(sparql, bindings) if bindings else sparql)
        params = {"union-default-graph": ""} if self.union_default_graph else None
        response = self._request("POST", self.query_endpoint, data={"query": text}, params=params, headers={"Accept": _ACCEPT})
        self._check(response, "query")
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind in _JSON_TYPES:
            return _rows_from_json(response.content, limit)
        if kind in _GRAPH_TYPES:
            graph = _bound_graph()
            parsed = Graph().parse(data=response.content, format=_GRAPH_TYPES[kind])
            graph += islice(parsed, limit) if limit is not None else parsed
            return Rows(graph=graph)
        if kind in _XML_TYPES:
            return _rows_from_xml(response.content, limit)
        raise StoreError(f"{self.query_endpoint}: unexpected answer of type '{kind or 'none'}'")

    def update(self, sparql):
        self._require_writable()
        response = self._request("POST", self.update_endpoint, data={"update": PREFIX_HEADER + sparql})
        self._check(response, "update")

    def replace_graph(self, graph, quads, shared):
        """Drop and rewrite one article's graph, with its entity descriptions, in one request.

        Terms are written with rdflib's ``n3()``, which escapes literals and refuses IRIs
        that could end the ``<...>``, so no text can change the update's structure.
        """
        self._require_writable()
        try:
            body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o, _g in quads)
            update = f"DROP SILENT GRAPH {graph.n3()} ;\nINSERT DATA {{ GRAPH {graph.n3()} {{\n{body}\n}}\n{_graph_blocks(shared)}\n}}"
        except Exception as exc:  # noqa: BLE001 - rdflib raises bare Exception for unserialisable IRIs
            raise StoreError(f"cannot write graph {graph}: {_first_line_of(exc)}") from None
        response = self._request("POST", self.update_endpoint, data={"update": update})
        self._check(response, f"write of {graph}")

    def remove_graph(self, graph):
        self.update(f"DROP SILENT GRAPH {graph.n3()}")

    def load(self, path, fmt):
        """Bulk-load a file: streamed to the Graph Store Protocol endpoint, else batched INSERT DATA."""
        self._require_writable()
        if self.store_endpoint and fmt in _GSP_TYPES:
            params = None if fmt in _QUAD_FORMATS else {"default": ""}
            with open(path, "rb") as handle:
                response = self._request("POST", self.store_endpoint, params=params, content=handle, headers={"Content-Type": _GSP_TYPES[fmt]})
            if response.status_code not in (404, 405, 415):
                self._check(response, f"load of {path}")
                return
        dataset = Dataset()
        try:
            dataset.parse(str(path), format=fmt)
        except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many types
            raise StoreError(f"{path}: cannot load ({_first_line_of(exc)})") from None
        self.insert_quads(dataset.quads((None, None, None, None)))

    def insert_quads(self, quads: Iterable[tuple]) -> None:
        """Add quads with INSERT DATA, ``batch_size`` at a time.

        Blank-node labels only hold within one request, so every quad with a blank node
        goes into one last request to keep them joined up.
        """
        self._require_writable()
        batch, with_blank_nodes = [], []
        for s, p, o, g in quads:
            name = getattr(g, "identifier", g)
            quad = (s, p, o, name if isinstance(name, URIRef) else None)
            if isinstance(s, BNode) or isinstance(o, BNode):
                with_blank_nodes.append(quad)
                continue
            batch.append(quad)
            if len(batch) >= self.batch_size:
                self._insert_data(batch)
                batch = []
        for chunk in (batch, with_blank_nodes):
            if chunk:
                self._insert_data(chunk)

    def _insert_data(self, quads: list[tuple]) -> None:
        try:
            update = f"INSERT DATA {{\n{_graph_blocks(quads)}\n}}"
        except Exception as exc:  # noqa: BLE001 - rdflib raises bare Exception for unserialisable IRIs
            raise StoreError(f"cannot write quads: {_first_line_of(exc)}") from None
        response = self._request("POST", self.update_endpoint, data={"update": update})
        self._check(response, "INSERT DATA")

    def export(self, path, fmt):
        """Write every quad: streamed from the Graph Store Protocol endpoint when the format allows."""
        import httpx

        if self.store_endpoint and fmt in _QUAD_FORMATS:
            try:
                with self.client.stream("GET", self.store_endpoint, headers={"Accept": _GSP_TYPES[fmt]}) as response:
                    if response.status_code == 200:
                        with open(path, "wb") as out:
                            out.writelines(response.iter_bytes())
                        return
            except httpx.HTTPError as exc:
                raise StoreError(f"{self.store_endpoint}: export failed ({exc or exc.__class__.__name__})") from None
        local = MemoryStore()
        local.dataset.addN(self.quads())
        local.export(path, fmt)

    def quads(self) -> list[tuple]:
        """Every quad in a named graph, fetched with one SELECT (or from the Graph Store endpoint)."""
        if self.store_endpoint:
            response = self._request("GET", self.store_endpoint, headers={"Accept": "application/n-quads"})
            if response.status_code == 200:
                dataset = Dataset()
                dataset.parse(data=response.content, format="nquads")
                return [(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in dataset.quads((None, None, None, None)) if isinstance(getattr(g, "identifier", g), URIRef)]
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [(r["s"], r["p"], r["o"], r["g"]) for r in rows]

    def graph_names(self):
        return {str(row["g"]) for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")}

    @property
    def dataset(self) -> Dataset:
        """An ``rdflib.Dataset`` over the server through rdflib's ``SPARQLUpdateStore``.

        Every triple pattern is one HTTP request, so this is slow; use ``query`` for
        anything large.
        """
        if self._dataset is None:
            from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore

            params = {"params": {"union-default-graph": ""}} if self.union_default_graph else {}
            if self.read_only:
                store = SPARQLStore(self.query_endpoint, returnFormat="json", method="POST_FORM", **params)
            else:
                store = SPARQLUpdateStore(self.query_endpoint, self.update_endpoint, returnFormat="json", method="POST_FORM", **params)
            self._dataset = Dataset(store=store, default_union=True)
            for prefix, iri in PREFIXES.items():
                self._dataset.bind(prefix, iri, override=True)
        return self._dataset

    def close(self):
        self.client.close()
        if self._dataset is not None:
            self._dataset.close()
            self._dataset = None


def _graph_blocks(quads: Iterable[tuple]) -> str:
    by_graph: dict = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
    blocks = []
    for graph, lines in by_graph.items():
        body = "\n".join(lines)
        blocks.append(body if graph is None else f"GRAPH {graph.n3()} {{\n{body}\n}}")
    return "\n".join(blocks)


def _bound_graph() -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


def _term(value: dict):
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if value.get("xml:lang"):
            return Literal(value["value"], lang=value["xml:lang"])
        return Literal(value["value"], datatype=value.get("datatype"))
    raise QueryError(f"cannot read a result term of type '{kind}' (RDF 1.2 triple terms are not supported)")


def _rows_from_json(content: bytes, limit: int | None) -> Rows:
    try:
        data = json.loads(content)
    except ValueError as exc:
        raise StoreError(f"the server sent malformed SPARQL JSON results ({exc})") from None
    if "boolean" in data:
        return Rows(boolean=bool(data["boolean"]))
    names = data.get("head", {}).get("vars", [])
    bindings = data.get("results", {}).get("bindings", [])
    return Rows(names, [{name: _term(value) for name, value in row.items()} for row in islice(bindings, limit)])


def _rows_from_xml(content: bytes, limit: int | None) -> Rows:
    from rdflib.query import Result

    result = Result.parse(BytesIO(content), format="xml")
    if result.type == "ASK":
        return Rows(boolean=bool(result.askAnswer))
    names = [str(v) for v in result.vars]
    return Rows(names, [{n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in islice(result, limit)])


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


def _first_line_of(exc: BaseException) -> str:
    return _first_line(str(exc)) or exc.__class__.__name__
