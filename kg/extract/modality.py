"""How sure the text is of a relation, and who it attributes it to.

Walks from the trigger up the parse: negation and hedges count in the trigger's own clause
(and the verbs that control it: "n'a pas réussi à rencontrer", "refused to meet"), while
conditionals, fears, accusations and reported speech reach down into embedded clauses.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon
from .syntax import antecedent, is_passive, pp_objects

__all__ = ["Stance", "stance", "RANK"]

RANK = {"Asserted": 0, "Hedged": 1, "Conditional": 2, "Negated": 3}
_CLAUSE_BOUNDARIES = {"ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "csubj"}


@dataclass(frozen=True)
class Stance:
    """The modality of a trigger and the tokens naming its source or its denier."""

    modality: str = "Asserted"
    source: Token | None = None
    denier: Token | None = None
    cue: str | None = None
    according: Token | None = None
    threat_content: bool = False  # what a threat says will happen, with no condition given


def _stronger(current: str, new: str) -> str:
    return new if RANK[new] > RANK[current] else current


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            if verb.dep_ in ("acl:relcl", "relcl") and (child.tag_ in ("WDT", "WP") or "PronType=Rel" in str(child.morph)):
                return antecedent(verb, child)
            return child
    if verb.dep_ in ("acl:relcl", "relcl"):
        return verb.head
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
        return _subject(verb.head)
    return None


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose on a verb: "send soldiers to fight", "envoyer des soldats pour combattre"."""
    if not clause.dep_.startswith("advcl") or clause.pos_ != "VERB":
        return False
    marks = [c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")]
    return "to" in marks and clause.tag_ == "VB" or "pour" in marks and "Inf" in clause.morph.get("VerbForm")


def _agent(verb: Token) -> Token | None:
    """Who does what a passive verb says: "accused by U.N. experts", "accusé par Bakou"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "obl:agent":
            return child
    return None


def _words(token: Token) -> tuple[str, str]:
    return token.lemma_.lower().replace("’", "'"), token.lower_.replace("’", "'")


def _local_markers(node: Token, lex: Lexicon) -> str:
    """Negation and hedge markers attached to one word of the trigger's own clause."""
    found = "Asserted"
    for child in node.children:
        lemma, lower = _words(child)
        if child.dep_ in ("advmod", "neg", "det", "advmod:neg") and (
            lex.has("negation_adverbs", lower) or lex.has("negation_determiners", lower)
        ):
            found = _stronger(found, "Negated")
        elif (child.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass", "xcomp") or child.tag_ == "MD") and not _used_as_noun(child):
            if lex.has("hedge_auxiliaries", lemma) or lex.has("hedge_auxiliaries", lower) or lex.has("hedge_verbs", lemma):
                found = _stronger(found, "Hedged")
            elif "Mood=Cnd" in str(child.morph) and lex.has("hedge_conditional_auxiliaries", lemma):
                found = _stronger(found, "Hedged")
        elif child.dep_ in ("advmod", "amod", "advcl") and (
            lex.has("hedge_adverbs", lower) or lex.has("hedge_adjectives", lemma) or lex.has("hedge_adjectives", lower)
        ):
            found = _stronger(found, "Hedged")
    if _conditional_form(node) and node.pos_ in ("VERB", "AUX") and lex.has("hedge_auxiliaries", _words(node)[0]):
        found = _stronger(found, "Hedged")
    return found


def _used_as_noun(word: Token) -> bool:
    """A modal verb's form used as a noun, with an article of its own: "le parti au pouvoir"."""
    return any(c.dep_ in ("mark", "case", "det") and c.lower_ in ("au", "du", "le", "the") for c in word.children)


def _conditional_phrase(noun: Token) -> bool:
    """"en cas de riposte", "in case of", "in the event of": a condition written as a noun phrase."""
    if noun.dep_ == "prep":
        return noun.lower_ == "in" and any(c.dep_ == "pobj" and c.lower_ in ("case", "event") for c in noun.children)
    return any(c.dep_ == "case" and c.lower_ in ("en", "in", "dans") for c in noun.children)


def _conditional_form(token: Token) -> bool:
    """A verb in the conditional mood: the morphology says so, or the form is the infinitive
    plus a conditional ending ("fournirait", "prendraient"), which the tagger sometimes misses."""
    if "Mood=Cnd" in str(token.morph):
        return True
    lower, lemma = token.lower_, token.lemma_.lower()
    if not lemma.endswith(("er", "ir", "re")) or not lower.endswith(("rait", "raient")):
        return False
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return lower in (stem + "ait", stem + "aient")


def _conditional_mood(node: Token, lex: Lexicon) -> bool:
    """The clause's verb is in the conditional mood ("fournirait", "would send"), which by
    itself is a hedge, a plan reported in the past ("a affirmé que l'armée lancerait") or,
    with an if-clause, a condition."""
    if node.pos_ not in ("VERB", "AUX"):
        return False
    if _conditional_form(node) and not lex.has("hedge_auxiliaries", _words(node)[0]):
        return not any("Mood=Cnd" in str(c.morph) and lex.has("hedge_conditional_auxiliaries", _words(c)[0]) for c in node.children)
    return any(c.dep_ in ("aux", "aux:tense") and lex.has("conditional_auxiliaries", c.lower_) for c in node.children)


def _denies_the_charge(verb: Token, trigger: Token, lex: Lexicon) -> bool:
    """"X accuses Y of ..., a charge Y denies", parsed with the denial as the main verb: the
    denial answers the accusation from after it, and the accusation was still made (the
    denial of its content is read by ``denials``)."""
    return any(
        c.dep_ in ("obj", "dobj", "nsubj", "nsubjpass", "nsubj:pass") and trigger.i < c.i < verb.i and lex.has_token("accusation_nouns", c)
        for c in verb.children
    )


def stance(trigger: Token, lex: Lexicon) -> Stance:
    """The modality of the relation a trigger expresses, with its source and denier."""
    modality = "Asserted"
    source = denier = according = None
    cue = None
    node, came_by, own_clause = trigger, None, True
    before: str | None = None  # how the walk reached the node it came from
    below = trigger  # the node it came from
    mood = reported = conditioned = False
    threatener: Token | None = None
    steps = 0
    while steps < 12:
        steps += 1
        if own_clause:
            local = _local_markers(node, lex)
            if local != "Asserted":
                modality, cue = _stronger(modality, local), cue or node.text
            mood = mood or _conditional_mood(node, lex)
        if node != trigger and came_by in ("xcomp", "ccomp", "obj", "obl", "nmod", "advcl", "csubj", "acl"):
            if lex.has_token("negation_verbs", node) and came_by in ("xcomp", "obj", "ccomp", "obl") and not _denies_the_charge(node, trigger, lex):
                modality = _stronger(modality, "Negated")
                denier = denier or _subject(node)
            elif lex.has_token("hedge_verbs", node) and came_by in ("xcomp", "ccomp", "obl", "csubj"):
                modality = _stronger(modality, "Hedged")
            elif lex.has_token("hedge_passives", node) and came_by == "xcomp" and is_passive(node):
                modality = _stronger(modality, "Hedged")
            elif lex.has_token("hedge_nouns", node) and came_by in ("nmod", "obl") and node.pos_ == "NOUN":
                modality = _stronger(modality, "Hedged")  # "des spéculations sur une coopération militaire"
            elif lex.has_token("belief_verbs", node) and came_by in ("ccomp", "xcomp", "obl", "obj"):
                modality = _stronger(modality, "Hedged")
                source = source or _subject(node)
            elif lex.has_token("accuse_verbs", node) and (came_by in ("xcomp", "obl", "ccomp", "acl") or came_by == "advcl" and not any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in below.children) or came_by == "obj" and before in ("acl", "obl", "nmod")):
                # (an adverbial clause with a subject of its own is no accused content: "..., while Brazil condemned the raid")
                # (also "accuse Bagdad d'abriter ...", "accuse les Émirats de frappes", the charge hung on the accused)
                modality = _stronger(modality, "Hedged")
                source = source or (_agent(node) if is_passive(node) else _subject(node))
            elif lex.has_token("speech_verbs", node) and came_by in ("ccomp", "xcomp", "parataxis", "obj") and not is_passive(node):
                # (a passive speech verb names no speaker: "minutes after he was declared the winner")
                source = source or _subject(node)
                reported = True
            if lex.has_token("threat_verbs", node) and came_by in ("xcomp", "ccomp", "obl"):
                threatener = node
        if own_clause and node.pos_ in ("VERB", "AUX"):
            # a condition phrase the parser hung on the object ("frapperaient les infrastructures ... en cas de riposte")
            for obj in node.children:
                if obj.dep_ in ("obj", "dobj") and any(c.dep_.startswith(("nmod", "prep")) and lex.has_token("conditional_nouns", c) and _conditional_phrase(c) for c in obj.children):
                    modality = _stronger(modality, "Conditional")
                    conditioned = True
        for child in node.children:
            if child.dep_ == "mark" and lex.has("conditional_markers", child.lower_):
                modality = _stronger(modality, "Conditional")
                conditioned = True
            elif own_clause and child.dep_.startswith(("obl", "nmod", "prep")) and lex.has_token("conditional_nouns", child) and _conditional_phrase(child):
                modality = _stronger(modality, "Conditional")
                conditioned = True
            elif own_clause and child.dep_.startswith("advcl") and any(
                c.dep_ == "mark" and lex.has("conditional_markers", c.lower_) for c in child.children
            ):
                modality = _stronger(modality, "Conditional")
                conditioned = True
        for prep, obj in pp_objects(node):
            if lex.has("source_prepositions", prep):
                according = according or obj
        head = node.head
        if head == node:
            break
        dep = node.dep_.split(":")[0]
        subordinate = node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" for c in node.children)
        if _purpose(node):
            pass  # what a clause denies or hedges, its purpose shares: "would not send soldiers to fight alongside"
        elif node.dep_ in _CLAUSE_BOUNDARIES or dep in ("advcl", "ccomp", "parataxis", "dep") or subordinate:
            own_clause = False
        if dep == "conj":
            own_clause = False
        before, below = came_by, node
        came_by = {"dobj": "obj", "pobj": "obj", "prep": "obl", "pcomp": "obl", "agent": "obl"}.get(dep, dep)
        node = head
    if threatener is not None and not conditioned and _condition_after(trigger, lex):
        # "a menacé de combattre les policiers s'ils ..." with the if-clause misparsed
        modality, conditioned = _stronger(modality, "Conditional"), True
    if mood and not conditioned and not reported:
        modality = _stronger(modality, "Hedged")
    return Stance(modality, source, denier, cue, according, threat_content=threatener is not None and not conditioned)


def _condition_after(trigger: Token, lex: Lexicon) -> bool:
    """A conditional conjunction after the trigger in its sentence, read off the word order."""
    sent = trigger.sent
    return any(
        lex.has("conditional_markers", t.lower_) and (t.pos_ in ("SCONJ", "ADP", "CCONJ") or t.dep_ == "mark")
        for t in sent[trigger.i - sent.start + 1 :]
    )
