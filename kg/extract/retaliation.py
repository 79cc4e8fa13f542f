"""Responses with no named adversary: vows of retaliation ("vowed to punish it", "a promis de
riposter", "said it would respond proportionately", "a menacé de prendre des mesures") and
forces put on alert ("placed its forces on alert", "scrambled fighter jets", "dispatched
warships to monitor the exercises", "a placé ses forces en état d'alerte").

A vow to hit back threatens whoever the vower answers, and an alert mobilizes against them.
That is the object of the retaliation verb when it names one ("punish it"); else whom the
vower blames, condemns or protests against in the same sentence ("a protesté auprès de l'UE
et menacé de prendre des mesures"); else the last actor said, earlier in the article, to
have acted against the vower or its country.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..model import Mention, RawClaim
from .rules import Context, _claim
from .syntax import clause_head, pp_objects, subjects

__all__ = ["alerts", "retaliations"]

# what the vower answers in its own sentence, and what it may be answering from before
_ANSWERED = frozenset({"accuses", "condemns", "protestsAgainst", "rejects"})
_HOSTILE = frozenset({"attacks", "sanctions", "coerces", "accuses", "condemns", "threatens", "violates", "mobilizesAgainst"})
_TARGET_PREPS = frozenset({"against", "contre", "on", "sur"})


def retaliations(ctx: Context, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
    """threatens claims for the vows of retaliation in ``doc``."""
    out: list[RawClaim] = []
    for sent in doc.sents:
        for word in ctx.candidates(sent, "retaliation_words"):
            vow = _vow(ctx, word)
            if vow is None or _answers_a_thing(ctx, word):
                continue
            vowers = [m for t in _subjects(ctx, vow) for m in ctx.finder.mentions(t)]
            vowers = [ctx.finder.as_actor(m) for m in vowers if ctx.schema.fits(m.label, frozenset({"Actor"}))]
            for vower in vowers[:1]:
                for target in _targets(ctx, word, vower, claims, sent.start_char, vow.idx):
                    claim = _claim(ctx, sent, vow, vower, "threatens", target, f"{ctx.lang}/threat/retaliation")
                    if claim is not None:
                        out.append(replace(claim, attributed_to=None))
    return out


def alerts(ctx: Context, doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
    """mobilizesAgainst claims for forces put on alert against no named adversary."""
    out: list[RawClaim] = []
    for sent in doc.sents:
        for word in ctx.candidates(sent, "alert_words"):
            # the verb that puts forces on alert or sends them out: "placed its forces on alert",
            # "scrambled jets", "dispatched warships to monitor"
            verb = word
            while verb.head != verb and (verb.pos_ != "VERB" or verb is word and verb.dep_ in ("xcomp", "advcl", "acl")) and abs(word.i - verb.i) < 8:
                verb = verb.head
            if verb.pos_ != "VERB" or ctx.stance(verb).modality != "Asserted":
                continue
            movers = [ctx.finder.as_actor(m) for t in _subjects(ctx, verb) for m in ctx.finder.mentions(t)]
            for mover in [m for m in movers if ctx.schema.fits(m.label, frozenset({"Actor"}))][:1]:
                for target in _targets(ctx, word, mover, claims, sent.start_char, verb.idx):
                    claim = _claim(ctx, sent, verb, mover, "mobilizesAgainst", target, f"{ctx.lang}/mobilizes/alert")
                    if claim is not None:
                        out.append(claim)
    return out


def _vow(ctx: Context, word: Token) -> Token | None:
    """The verb that promises the retaliation ``word`` names: "vowed to respond", "a menacé de
    prendre des mesures", or a reporting verb whose clause says it will happen ("said it would
    respond")."""
    node = word
    for _ in range(3):
        if node.head == node:
            return None
        governed_by = node.dep_
        node = node.head
        lemma = node.lemma_.lower()
        if ctx.lex.has("vow_verbs", lemma):
            return node
        if ctx.lex.has("speech_verbs", lemma) and governed_by == "ccomp" and _future(word):
            return node
    return None


def _answers_a_thing(ctx: Context, word: Token) -> bool:
    """"would respond to the letter", "répondra aux questions": an answer, not a reprisal."""
    return any(prep in ("to", "à") and not ctx.finder.mentions(inner) for prep, inner in pp_objects(word))


def _subjects(ctx: Context, vow: Token) -> list[Token]:
    """The vow's subjects, or those of the verb it is coordinated with, wherever the parser hung
    the coordination ("a protesté auprès de l'UE et menacé de ...")."""
    found, node = subjects(vow, ctx.lex.syntax), vow
    while not found and node.dep_ == "conj" and node.head != node:
        node = node.head if node.head.pos_ in ("VERB", "AUX") else clause_head(node.head)
        found = subjects(node, ctx.lex.syntax)
    return found


def _future(word: Token) -> bool:
    verb = word if word.pos_ in ("VERB", "AUX") else clause_head(word)
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any(t.lower_ in ("would", "will", "'ll") or t.morph.get("Mood") == ["Cnd"] or t.morph.get("Tense") == ["Fut"] for t in forms)


def _targets(ctx: Context, word: Token, vower: Mention, claims: list[RawClaim], sent_start: int, before: int) -> list[Mention]:
    mine = {vower.ident}
    if vower.label == "Person":
        country = ctx.finder.country_of(vower)
        mine |= {country} if country else set()
    named = [c for c in word.children if c.dep_ in ("obj", "dobj")]
    named += [inner for prep, inner in pp_objects(word) if prep in _TARGET_PREPS]
    found = [ctx.finder.as_actor(m) for t in named for m in ctx.finder.mentions(t)]
    found = [m for m in found if ctx.schema.fits(m.label, frozenset({"Actor"})) and m.ident not in mine]
    # (a name says whom; a pronoun ("punish it") is taken up less surely than what the
    # vower answers in the same sentence)
    if any(m.via != "coreference" for m in found):
        return [m for m in found if m.via != "coreference"]
    answered = [c.object for c in claims if c.sent_start == sent_start and c.predicate in _ANSWERED and c.subject.ident in mine]
    if answered or found:
        return answered[:1] or found
    earlier = [c for c in claims if c.trigger_start < before and c.predicate in _HOSTILE and c.modality in ("Asserted", "Hedged")]
    for claim in sorted(earlier, key=lambda c: c.trigger_start, reverse=True):
        if claim.object.ident in mine and claim.subject.ident not in mine:
            return [claim.subject]
    return []

