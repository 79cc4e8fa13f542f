"""Run every rule family over a parsed article and keep one claim per finding."""

from __future__ import annotations

from spacy.tokens import Doc

from ..ingest.dateline import dateline_span
from ..model import Article, RawClaim
from ..nlp.gazetteer import Gazetteer, default_gazetteer
from ..schema import schema
from .actors import ActorFinder
from .denials import denials
from .lexicon import Lexicon, lexicon
from .meetings import visits_from_meetings
from .retaliation import alerts, retaliations
from .rules import RULES, Context

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
    return _without_bare_arms(gaz, lex, list(best.values()))


def _without_bare_arms(gaz: Gazetteer, lex: Lexicon, claims: list[RawClaim]) -> list[RawClaim]:
    """Drop "arms supplied to X" where the article names the systems supplied to X ("une vente
    d'armes à Taïwan ... la vente de missiles Javelin à l'île"): the systems are what is supplied.
    (Another kind beside them stays: "des avions ASC 890 ainsi que des munitions".)"""

    def system(mention) -> bool:
        entry = gaz.get(mention.key) if mention.key else None
        return mention.label == "Weapon" and (entry is None or bool(entry.country))

    def arms(mention) -> bool:
        return mention.label == "Weapon" and lex.has_word_of("generic_arms_nouns", mention.text)

    named = {c.object.ident for c in claims if c.predicate == "suppliedTo" and system(c.subject)}
    return [c for c in claims if not (c.predicate == "suppliedTo" and arms(c.subject) and not system(c.subject) and c.object.ident in named)]


def _keep(best: dict[tuple, RawClaim], claim: RawClaim, *tag: str) -> None:
    """Keep the first claim found per (subject, predicate, object, sentence) and tag."""
    best.setdefault((claim.subject.ident, claim.predicate, claim.object.ident, claim.sent_start, *tag), claim)
