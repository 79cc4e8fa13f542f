"""Run every rule family over a parsed article and keep one claim per finding."""

from __future__ import annotations

from spacy.tokens import Doc

from ..ingest.dateline import dateline_span
from ..model import Article, RawClaim
from ..nlp.gazetteer import Gazetteer, default_gazetteer
from ..schema import schema
from .actors import ActorFinder
from .denials import denials
from .lexicon import lexicon
from .meetings import visits_from_meetings
from .retaliation import alerts, retaliations
from .rules import RULES, Context, without_bare_arms

__all__ = ["extract"]


def extract(article: Article, doc: Doc, gazetteer: Gazetteer | None = None, stats: dict | None = None) -> list[RawClaim]:
    """Claims of one article, in text order, one per (subject, predicate, object, sentence),
    and one more where the accused party denies what it is accused of."""
    lang = article.lang or "en"
    lex = lexicon(lang)
    gaz = gazetteer or default_gazetteer()
    finder = ActorFinder(doc, gaz, lex, excluded=article.structure, dateline=dateline_span(article.text))
    ctx = Context(article.text, lang, lex, gaz, schema(), finder, article.published, stats if stats is not None else {})
    ctx.index(doc)
    best: dict[tuple, RawClaim] = {}
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        for rule in RULES.values():
            for claim in rule(ctx, sent):
                _keep(best, claim)
    for claim in denials(ctx, doc, list(best.values())):
        _keep(best, claim, "denied")
    for claim in retaliations(ctx, doc, list(best.values())):
        _keep(best, claim)
    for claim in alerts(ctx, doc, list(best.values())):
        _keep(best, claim)
    for claim in visits_from_meetings(ctx, list(best.values())):
        _keep(best, claim)
    return without_bare_arms(ctx, list(best.values()))


def _keep(best: dict[tuple, RawClaim], claim: RawClaim, *tag: str) -> None:
    """Keep the first claim found per (subject, predicate, object, sentence) and tag."""
    best.setdefault((claim.subject.ident, claim.predicate, claim.object.ident, claim.sent_start, *tag), claim)
