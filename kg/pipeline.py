"""The stages run in order on a batch of articles: nlp -> extract -> resolve -> rdf quads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .errors import GeoKGError, InputError
from .model import Article, Claim, Entity
from .settings import Settings

__all__ = ["ArticleResult", "process", "process_parallel", "analyse"]


@dataclass
class ArticleResult:
    """What one article adds to the store: its graph and the entity descriptions it needs."""

    graph: object
    quads: list[tuple]
    shared: list[tuple]
    claims: list[Claim]
    entities: dict[str, Entity]
    dropped: int = 0
    stats: dict = field(default_factory=dict)


def analyse(article: Article, doc, settings: Settings | None = None) -> ArticleResult:
    """Extract, resolve and convert one parsed article."""
    from .extract import extract
    from .extract.confidence import confidence
    from .nlp.gazetteer import default_gazetteer
    from .rdf.convert import article_iri, article_quads, claim_quads, enforce_schema, entity_quads
    from .resolve import resolve
    from .schema import schema

    gazetteer = default_gazetteer()
    stats: dict = {}
    raw = extract(article, doc, gazetteer, stats)
    resolution = resolve(article, raw, gazetteer, confidence)
    classes = {key: entity.type for key, entity in resolution.entities.items()}
    minimum = (settings or Settings()).min_confidence
    kept, dropped = enforce_schema([c for c in resolution.claims if c.confidence >= minimum], classes, schema())
    used = {k for c in kept for k in (c.subject, c.object, c.attributed_to, c.denied_by, c.location) if k}
    used |= {resolution.entities[k].country for k in list(used) if k in resolution.entities and resolution.entities[k].country}
    entities = {k: e for k, e in resolution.entities.items() if k in used}
    quads = list(article_quads(article))
    for claim in kept:
        quads.extend(claim_quads(claim, schema()))
    shared = [q for entity in entities.values() for q in entity_quads(entity)]
    return ArticleResult(article_iri(article.id), quads, shared, kept, entities, len(dropped), stats)


def process(batch: list[Article], settings: Settings | None = None) -> Iterator[tuple[Article, ArticleResult | GeoKGError]]:
    """Parse a batch with one ``nlp.pipe`` per language and analyse each article."""
    from .nlp.guard import tokenizable
    from .nlp.pipeline import get_nlp

    by_lang: dict[str, list[Article]] = {}
    for article in batch:
        by_lang.setdefault(article.lang or "en", []).append(article)
    for lang, articles in by_lang.items():
        try:
            nlp = get_nlp(lang)
        except GeoKGError as exc:
            for article in articles:
                yield article, InputError(article.source or article.id, str(exc))
            continue
        done = 0
        try:
            for article, doc in zip(articles, nlp.pipe(tokenizable(a.text) for a in articles)):
                done += 1
                yield article, _analyse_one(article, doc, settings)
        except Exception:  # noqa: BLE001 - one text the model chokes on must not sink its batch
            for article in articles[done:]:
                try:
                    doc = nlp(tokenizable(article.text))
                except Exception as exc:  # noqa: BLE001
                    yield article, InputError(article.source or article.id, f"the language model failed on this text ({_describe(exc)})")
                    continue
                yield article, _analyse_one(article, doc, settings)


def _describe(exc: BaseException) -> str:
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _analyse_one(article: Article, doc, settings: Settings | None) -> ArticleResult | GeoKGError:
    """``analyse``, with any failure turned into an error for this article alone."""
    try:
        return analyse(article, doc, settings)
    except GeoKGError as exc:
        return InputError(article.source or article.id, str(exc))
    except Exception as exc:  # noqa: BLE001 - reported with the article, the batch carries on
        return InputError(article.source or article.id, f"extraction failed ({_describe(exc)}); please report this article")


def _process_batch(batch: list[Article], settings: Settings | None) -> list[tuple[Article, ArticleResult | GeoKGError]]:
    return list(process(batch, settings))


def process_parallel(
    batches: Iterator[list[Article]], jobs: int, settings: Settings | None = None
) -> Iterator[tuple[Article, ArticleResult | GeoKGError]]:
    """Like ``process`` over a stream of batches, in ``jobs`` worker processes, results in order.

    At most ``2 * jobs`` batches are in flight, so a stream of any length runs in constant
    memory; each worker loads the spaCy models once.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.submit(_process_batch, batch, settings))
            while len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
