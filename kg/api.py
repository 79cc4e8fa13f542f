"""``KnowledgeGraph``: the one object notebooks, the CLI and the server work through."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef

from .errors import GeoKGError, InputError, StoreError
from .model import Article, Claim, Entity, IngestReport
from .settings import Settings

__all__ = ["KnowledgeGraph"]

_GKG = "https://w3id.org/geokg/ontology#"
_GKR = "https://w3id.org/geokg/resource/"


def _local(term, base: str) -> str | None:
    if term is None:
        return None
    text = str(term)
    return text[len(base):] if text.startswith(base) else text


class KnowledgeGraph:
    """A knowledge graph of news claims, embedded or on a SPARQL server.

    >>> kg = KnowledgeGraph()
    >>> kg.stats()["claims"]
    0
    """

    def __init__(
        self,
        location: str | os.PathLike | None = None,
        *,
        store: str | None = None,
        settings: Settings | None = None,
        read_only: bool = False,
        query_endpoint: str | None = None,
        update_endpoint: str | None = None,
    ):
        from .rdf.store import open_store

        self.settings = settings or Settings()
        text = os.fspath(location) if location is not None else None
        if text and text.startswith(("http://", "https://")) or query_endpoint:
            from .rdf.remote import SparqlStore

            self.store = SparqlStore(text, query_endpoint=query_endpoint, update_endpoint=update_endpoint, read_only=read_only)
        else:
            self.store = open_store(store or self.settings.store_backend, text, read_only=read_only)
        self.location = text
        self.store.ensure_ontology()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def __repr__(self) -> str:
        return f"KnowledgeGraph({self.location!r})"

    @property
    def dataset(self):
        """The underlying ``rdflib.Dataset`` (union of all graphs as default graph)."""
        return self.store.dataset

    def ingest(
        self,
        sources: object,
        *,
        lang: str | None = None,
        force: bool = False,
        jobs: int = 1,
        progress: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Extract claims from files, folders, globs, raw text or Articles, and store them.

        One article is written at a time, in one transaction; a file that fails is
        reported in ``report.errors`` and the others carry on. With ``jobs`` > 1, spaCy
        runs in that many worker processes while this one reads and writes, with a
        bounded number of batches in flight, so memory stays flat on long streams.
        """
        from .ingest import iter_articles
        from .pipeline import process, process_parallel

        report = IngestReport()
        stream = iter_articles(sources, self.settings, report.warnings)
        if lang:
            stream = (item if isinstance(item, InputError) else _with_lang(item, lang) for item in stream)
        articles = self._skip_known(stream, report, force)
        batches = _batches(articles, self.settings.batch_size)
        if jobs > 1:
            results = process_parallel(batches, jobs, self.settings)
        else:
            results = (pair for batch in batches for pair in process(batch, self.settings))
        described: set[Entity] = set()  # entity descriptions this call has written already
        for article, result in results:
            if isinstance(result, GeoKGError):
                report.errors.append(str(result))
                continue
            try:
                self.store.replace_graph(result.graph, result.quads, _unwritten(result, described))
            except StoreError as exc:
                report.errors.append(f"{article.source or article.id}: {exc}")
                continue
            if len(described) > 100_000:
                described.clear()
            described.update(result.entities.values())
            report.articles += 1
            report.claims += len(result.claims)
            report.entities += len(result.entities)
            report.dropped += result.dropped
            if progress:
                progress(article.source or article.id)
        return report

    def _skip_known(self, stream: Iterable, report: IngestReport, force: bool) -> Iterator[Article]:
        from .rdf.convert import article_iri

        for item in stream:
            if isinstance(item, InputError):
                report.errors.append(str(item))
                continue
            if not force:
                node = article_iri(item.id)
                known = self.store.query(
                    "ASK { GRAPH ?g { ?a gkg:sha256 ?sha } }",
                    {"a": node, "g": node, "sha": Literal(item.sha256)},
                )
                if known.boolean:
                    report.skipped += 1
                    continue
            yield item

    def remove(self, article: str) -> bool:
        """Drop one article's graph, given its id, IRI or URL; True when it was there."""
        from .rdf.convert import article_iri

        candidates = [article] if article.startswith(_GKR) else [str(article_iri(article))]
        if "://" in article and not article.startswith(_GKR):
            rows = self.query("SELECT ?a ?url WHERE { ?a schema:url ?u FILTER(STR(?u) = ?url) }", url=Literal(article))
            candidates = [str(r["a"]) for r in rows]
        removed = False
        for iri in candidates:
            if iri.startswith(_GKR + "article/") and iri in self.store.graph_names():
                self.store.remove_graph(URIRef(iri))
                removed = True
        return removed

    def query(self, sparql: str, **bindings):
        """Run SPARQL over the union of all graphs; keyword arguments bind variables safely.

        Common prefixes (gkg, gkr, rdf, rdfs, owl, xsd, skos, prov, schema, dcterms, wd) are
        predeclared. Returns ``Rows`` (``.to_dataframe()``, ``.boolean``, ``.graph``).
        """
        terms = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in bindings.items()}
        return self.store.query(sparql, terms)

    def named_query(self, name: str, **params):
        """Run a query of the shipped library (``kg.rdf.named``) with its parameters bound.

        Entity parameters take keys or IRIs (``actor="country/RUS"``), dates ISO strings or
        ``date`` objects; each value is bound as one RDF term, never pasted into the text.

        >>> KnowledgeGraph().named_query("meetings", actor="person/kim-jong-un").vars[:2]
        ['actor', 'actorLabel']
        """
        from .rdf.named import get_named_query

        return self.store.query(get_named_query(name).bind(**params))

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update against the store."""
        self.store.update(sparql)

    def claims(
        self,
        predicate: str | None = None,
        *,
        subject: str | None = None,
        object: str | None = None,
        modality: str | None = None,
        article: str | None = None,
        min_confidence: float | None = None,
    ) -> list[Claim]:
        """Claims as typed records, filtered by predicate, entity keys, modality or article."""
        from .rdf.queries import CLAIMS

        bindings = {}
        if predicate:
            bindings["p"] = URIRef(_GKG + predicate)
        if subject:
            bindings["s"] = URIRef(subject if "://" in subject else _GKR + subject)
        if object:
            bindings["o"] = URIRef(object if "://" in object else _GKR + object)
        if modality:
            bindings["m"] = URIRef(_GKG + modality.capitalize())
        if article:
            bindings["a"] = URIRef(article if "://" in article else _GKR + "article/" + article)
        rows = self.store.query(CLAIMS, bindings)
        out = []
        for row in rows:
            confidence = float(row["confidence"].toPython())
            if min_confidence is not None and confidence < min_confidence:
                continue
            event = row.get("date")
            out.append(
                Claim(
                    id=_local(row["c"], _GKR + "claim/"),
                    article=_local(row["a"], _GKR + "article/"),
                    subject=_local(row["s"], _GKR),
                    predicate=_local(row["p"], _GKG),
                    object=_local(row["o"], _GKR),
                    modality=_local(row["m"], _GKG),
                    confidence=confidence,
                    evidence=str(row["evidence"]),
                    char_start=int(row["start"]),
                    char_end=int(row["end"]),
                    rule=str(row.get("rule", "")),
                    lang=row["evidence"].language or "",
                    attributed_to=_local(row.get("source"), _GKR),
                    denied_by=_local(row.get("denier"), _GKR),
                    event_date=event.toPython() if isinstance(event, Literal) and isinstance(event.toPython(), date) else None,
                    location=_local(row.get("location"), _GKR),
                )
            )
        return out

    def entities(self, type: str | None = None) -> list[Entity]:
        """Entities described in the graph, optionally of one class (subclasses included)."""
        from .rdf.queries import ENTITIES, SUBCLASS_FILTER

        bindings = {"cls": URIRef(_GKG + type)} if type else {}
        grouped: dict[str, dict] = {}
        for row in self.store.query(ENTITIES % (SUBCLASS_FILTER if type else ""), bindings):
            key = _local(row["e"], _GKR)
            item = grouped.setdefault(key, {"type": _local(row["type"], _GKG), "labels": set(), "aliases": set()})
            if "label" in row:
                item["labels"].add((row["label"].language or "", str(row["label"])))
            if "alias" in row:
                item["aliases"].add(str(row["alias"]))
            for field in ("iso3", "country", "wikidata"):
                if field in row:
                    item[field] = _local(row[field], _GKR) if field == "country" else str(row[field]).rsplit("/", 1)[-1]
        return [
            Entity(
                key=key,
                type=item["type"],
                labels=tuple(sorted(item["labels"])),
                aliases=frozenset(item["aliases"]),
                iso3=item.get("iso3"),
                country=item.get("country"),
                wikidata=item.get("wikidata"),
            )
            for key, item in sorted(grouped.items())
        ]

    def stats(self) -> dict:
        """Counts of articles, entities and claims by relation and modality."""
        from .rdf.queries import STATS_BY_RELATION, STATS_COUNTS

        counts = self.store.query(STATS_COUNTS)
        row = counts[0] if len(counts) else {}
        by = Counter()
        by_modality = Counter()
        for r in self.store.query(STATS_BY_RELATION):
            by[_local(r["p"], _GKG)] += int(r["n"])
            by_modality[_local(r["m"], _GKG)] += int(r["n"])
        return {
            "articles": int(row.get("articles", 0)),
            "entities": int(row.get("entities", 0)),
            "claims": int(row.get("claims", 0)),
            "by_relation": dict(by.most_common()),
            "by_modality": dict(by_modality.most_common()),
        }

    def summary(self, top: int = 5) -> dict:
        """:meth:`stats` plus ``top_actors``: the ``top`` most connected actors (``key``, ``label``, ``degree``)."""
        info = self.stats()
        graph = self.to_networkx()
        degree = sorted(graph.degree, key=lambda item: (-item[1], item[0]))[:top]
        info["top_actors"] = [{"key": k, "label": graph.nodes[k].get("label", k), "degree": d} for k, d in degree]
        return info

    def to_networkx(self, **filters):
        """Actors as nodes, one edge per claim (MultiDiGraph) carrying the claim's record."""
        from .analysis.network import to_networkx
        from .rdf.queries import ARTICLES

        articles = {}
        for row in self.store.query(ARTICLES):
            info = articles.setdefault(_local(row["a"], _GKR + "article/"), {})
            for field in ("headline", "url", "published"):
                if field in row and field not in info:
                    info[field] = str(row[field])
        return to_networkx(self.claims(), self.entities(), articles=articles, **filters)

    def render_html(self, path: str | os.PathLike, **options) -> Path:
        """Write a self-contained interactive page of the actor network."""
        from .viz.html import render_html

        return render_html(self.to_networkx(), path, **options)

    def export(self, path: str | os.PathLike) -> Path:
        """Write the graph; the format comes from the suffix (.ttl .trig .nq .jsonld .gexf .graphml)."""
        from .rdf.store import rdf_format

        target = Path(path)
        suffix = target.suffix.lower()
        target.parent.mkdir(parents=True, exist_ok=True)
        if suffix in (".gexf", ".graphml"):
            from .analysis.export import write_network

            write_network(self.to_networkx(), target)
        elif suffix == ".csv":
            from .analysis.export import write_claims_csv

            write_claims_csv(self, target)
        else:
            self.store.export(target, rdf_format(target))
        return target

    def load(self, path: str | os.PathLike) -> None:
        """Bulk-load RDF (written by ``export`` or by anyone else) into the store."""
        from .rdf.store import rdf_format

        source = Path(path)
        if not source.is_file():
            raise InputError(str(path), "no such file")
        self.store.load(source, rdf_format(source))

    def validate(self):
        """Check the graph against ``ontology/shapes.ttl``; returns (conforms, report text)."""
        from .rdf.validate import validate_dataset

        return validate_dataset(self.dataset)


def _with_lang(article: Article, lang: str) -> Article:
    from dataclasses import replace

    return replace(article, lang=lang)


def _unwritten(result, described: set[Entity]) -> list[tuple]:
    """The shared quads of an article's result, less the descriptions of entities an earlier
    article of the same ingest wrote already (they stay in the entities graph: an article's
    own graph is all that is replaced)."""
    fresh = [entity for entity in result.entities.values() if entity not in described]
    if len(fresh) == len(result.entities):
        return result.shared
    from .rdf.convert import entity_quads

    return [quad for entity in fresh for quad in entity_quads(entity)]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Batches of up to ``size`` articles in one language, in the order they fill up.

    Each language has its own spaCy pipeline, so a batch mixing languages would reach each
    pipeline as several small batches; at most one partial batch per language waits.
    """
    pending: dict[str | None, list[Article]] = {}
    for item in items:
        batch = pending.setdefault(item.lang, [])
        batch.append(item)
        if len(batch) >= size:
            yield pending.pop(item.lang)
    yield from pending.values()
