"""Denials of reported accusations: "..., which Abu Dhabi denies", "a charge Abidjan always
rejected", "Lukashenko dismissed the accusation".

An accusation is recorded as hedged content attributed to the accuser. When the accused
party denies it, the denial is a claim of its own: the same relation, negated, attributed to
and denied by the denier. A denial counts for the accusations of its own sentence written
before it (a relative or appositive clause on them) or, when it names "the accusation" or
"les allégations", for those of the two sentences before.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import DENIAL_RULE_SUFFIX, Mention, RawClaim
from .rules import Context

__all__ = ["denials"]

_ASIDE_DEPS = {"relcl", "acl:relcl", "acl", "appos", "parataxis"}
_SUBJECTS = {"nsubj", "nsubj:pass"}
_LOOKBACK = 2  # sentences before a denial that names "the accusation"


def denials(ctx: Context, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
    """Negated copies of the accusations a denial in ``doc`` answers."""
    accused = [c for c in claims if c.modality == "Hedged"]
    if not accused:
        return []
    sentences = list(doc.sents)
    out: list[RawClaim] = []
    for index, sent in enumerate(sentences):
        for verb in ctx.candidates(sent, "denial_verbs"):
            after_relative = _after_relative(verb)
            if verb.pos_ not in ("VERB", "AUX") and after_relative is None:
                continue
            deniers = _deniers(ctx, verb) or _named_between(ctx, after_relative, verb)
            if not deniers:
                continue
            if after_relative is not None or _answers_in_sentence(ctx, verb):
                start = sent.start_char
            elif _names_accusation(ctx, verb):
                start = sentences[max(index - _LOOKBACK, 0)].start_char
            else:
                continue
            scope = [c for c in accused if start <= c.sent_start and c.trigger_start < verb.idx]
            denied: dict[int, Mention] = {}  # trigger offset -> denier
            for claim in scope:
                denier = next((d for d in deniers if _is_party(ctx, d, claim)), None)
                if denier is not None and (claim.attributed_to is None or (claim.attributed_to.key or claim.attributed_to.text) != (denier.key or denier.text)):
                    denied[claim.trigger_start] = denier
            for claim in scope:
                # (with what the same words say besides: "receiving weapons from the UAE" also
                # gives what was supplied)
                denier = denied.get(claim.trigger_start)
                if denier is not None:
                    out.append(replace(claim, modality="Negated", attributed_to=denier, denied_by=denier, rule=claim.rule + DENIAL_RULE_SUFFIX))
    return out


def _deniers(ctx: Context, verb: Token) -> list[Mention]:
    """Who denies: the verb's subject, not a relative pronoun."""
    named = [c for c in verb.children if c.dep_ in _SUBJECTS and c.tag_ not in ("WDT", "WP") and "Rel" not in c.morph.get("PronType")]
    return [ctx.finder.as_actor(m) for c in named for m in ctx.finder.mentions(c)]


def _after_relative(verb: Token) -> Token | None:
    """The relative word of "ce que Belgrade dément", "which Abu Dhabi denies", read off the
    word order (the French tagger often misses such a verb)."""
    doc = verb.doc
    for j in range(verb.i - 1, max(verb.i - 6, verb.sent.start) - 1, -1):
        word = doc[j].lower_
        if word in ("que", "qu'", "qu’") and j > 0 and doc[j - 1].lower_ == "ce" or word in ("which", "what"):
            return doc[j]
        if doc[j].is_punct:
            return None
    return None


def _named_between(ctx: Context, relative: Token | None, verb: Token) -> list[Mention]:
    if relative is None:
        return []
    doc = verb.doc
    return [ctx.finder.as_actor(m) for j in range(relative.i + 1, verb.i) for m in ctx.finder.single(doc[j], "actor")]


def _answers_in_sentence(ctx: Context, verb: Token) -> bool:
    """A clause on what was said before it: ", which Beijing denies", ", a claim Abidjan
    rejected", ", ce que le Rwanda dément"."""
    if verb.dep_ in _ASIDE_DEPS:
        return True
    head = verb.head
    return head != verb and (ctx.lex.has("accusation_nouns", head.lemma_.lower()) or ctx.lex.has("accusation_nouns", head.lower_))


def _names_accusation(ctx: Context, verb: Token) -> bool:
    """A denial whose object is the accusation itself: "dismissed the accusation"."""
    return any(
        c.dep_ in ("obj", "dobj") and (ctx.lex.has("accusation_nouns", c.lemma_.lower()) or ctx.lex.has("accusation_nouns", c.lower_))
        for c in verb.children
    )


def _is_party(ctx: Context, denier: Mention, claim: RawClaim) -> bool:
    """Whether the denier is one of the claim's parties, or a person of a party's country."""
    keys = {denier.key} if denier.key else set()
    if denier.label == "Person":
        country = ctx.finder.country_of(denier)
        if country:
            keys.add(country)
    return bool(keys & {claim.subject.key, claim.object.key})
