"""Repair of present-tense verbs the tagger took for nouns or adjectives.

Small French models often tag a verb in the present right after a bare name as an adjective
or a noun, or parse it under that name: "Pékin accuse Tokyo de ...", "Islamabad accuse des
ressortissants ...", "Les Philippines accusent ...", "L'ONU enquête sur ...". Such a form, of
a verb the extractor reads, right after its subject (a name or a subject pronoun, with no
determiner or preposition in between) is the verb of its clause: it gets its part of speech
and infinitive, and when the parser hung it under its subject it takes the subject's place,
with the subject and the words after it as its dependents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["present_forms"]

_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on"})
_NEGATION = frozenset({"ne", "n'", "n’"})


def present_forms(infinitives: Iterable[str]) -> dict[str, str]:
    """Third-person present forms of first-group verbs ("accuse", "accusent", "cède",
    "appelle") and the infinitive each stands for."""
    forms: dict[str, str] = {}
    for verb in infinitives:
        if not verb.endswith("er") or " " in verb or len(verb) < 4:
            continue
        stem = verb[:-2]
        stems = {stem}
        accent = stem.rfind("é")
        if accent >= 0 and accent >= len(stem) - 3:
            stems.add(stem[:accent] + "è" + stem[accent + 1:])  # "céder" -> "cède"
        if stem.endswith(("el", "et")):
            stems.add(stem + stem[-1])  # "appeler" -> "appelle", "rejeter" -> "rejette"
        for s in stems:
            forms.setdefault(s + "e", verb)
            forms.setdefault(s + "ent", verb)
    return forms


def _subject_before(token: Token) -> Token | None:
    """The name or subject pronoun right before a word (past a negation), if it is one."""
    doc, k = token.doc, token.i - 1
    if k >= 0 and doc[k].lower_ in _NEGATION:
        k -= 1
    if k < token.sent.start:
        return None
    before = doc[k]
    if before.lower_ in _SUBJECT_PRONOUNS:
        return before
    # (a name, whatever the tagger called it: "la Côte d'Ivoire ne livre", tagged an adjective;
    # not a capitalised first word: "Nouvelle frappe sur Kiev")
    capitalised = before.text[:1].isupper() and before.i != before.sent.start
    named = before.pos_ == "PROPN" or before.pos_ in ("NOUN", "ADJ", "X") and (capitalised or before.ent_type_ != "")
    if not named or any(c.dep_ == "case" for c in before.children):
        return None  # (a name in a prepositional phrase is no subject: "à Kiev")
    return before


def _is_ancestor(heads: list[int], node: int, of: int) -> bool:
    """Whether ``node`` is above ``of`` in the tree the head list describes."""
    seen = set()
    while heads[of] != of and of not in seen:
        seen.add(of)
        of = heads[of]
        if of == node:
            return True
    return False


def _object_after(doc: Doc, i: int) -> int | None:
    """The noun right after a verb (past adverbs and determiners), if there is one."""
    k = i + 1
    while k < len(doc) and doc[k].pos_ in ("ADV", "DET") and k - i < 4:
        k += 1
    return k if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") else None


def _repair(doc: Doc, heads: list[int], deps: list[str], i: int, s: int) -> None:
    """Make token ``i`` the verb of its clause, with ``s`` its subject (head lists edited in place)."""
    end = doc[i].sent.end
    if _is_ancestor(heads, s, i):
        # the verb takes its subject's place; the subject and what follows the verb are its own
        heads[i], deps[i] = (heads[s], deps[s]) if heads[s] != s else (i, "ROOT")
        moved = [k for k in range(i + 1, end) if heads[k] == s]
        for k in moved:
            heads[k] = i
        # (a name that followed the subject's name is the verb's object: "Bogota menace Quito")
        first = next((k for k in moved if doc[k].pos_ in ("NOUN", "PROPN")), None)
        if first is not None and deps[first] in ("flat:name", "flat", "appos", "nmod", "amod") and not any(c.dep_ == "case" for c in doc[first].children):
            deps[first] = "obj"
        heads[s], deps[s] = i, "nsubj"
    obj = _object_after(doc, i)
    if obj is not None and heads[obj] == obj:
        # the noun after the verb was made a clause of its own: it is the verb's object
        if _is_ancestor(heads, obj, i):
            heads[i], deps[i] = i, "ROOT"
        for k in range(doc[i].sent.start, i):
            if heads[k] == obj:
                heads[k] = i
        heads[obj], deps[obj] = i, "obj"
    if heads[s] == i:
        deps[s] = "nsubj"
    if deps[i] == "dep" and doc[heads[i]].pos_ in ("VERB", "AUX") and heads[i] < i:
        deps[i] = "ccomp"  # "craint que la Côte d'Ivoire ne livre": the verb's clause is the complement


@Language.factory("geokg_finite_verbs", default_config={"verbs": [], "irregular": []})
def make_finite_verbs(nlp: Language, name: str, verbs: list[str], irregular: list[str]) -> Callable[[Doc], Doc]:
    """``verbs``: first-group infinitives; ``irregular``: "form>infinitive" for the others
    ("soutient>soutenir")."""
    import numpy

    forms = present_forms(verbs)
    forms.update(dict(rule.split(">", 1) for rule in irregular if ">" in rule))
    hashes = numpy.array([nlp.vocab.strings.add(f) for f in sorted(forms)], dtype="uint64")
    verb_pos = nlp.vocab.strings.add("VERB")
    morph = nlp.vocab.strings.add("Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin")

    def finite_verbs(doc: Doc) -> Doc:
        from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, TAG

        if len(doc) < 2 or not len(hashes):
            return doc
        found = numpy.isin(doc.to_array(LOWER), hashes).nonzero()[0].tolist()
        repairs = []
        for i in found:
            token = doc[i]
            if not token.text.islower() or token.pos_ == "AUX":
                continue
            subject = _subject_before(token)
            # (a verb tagged right but hung under its subject: "Ankara fournit", "Bogota menace Quito")
            if subject is not None and (token.pos_ != "VERB" or token.head == subject and token.dep_ not in ("acl:relcl", "relcl")):
                repairs.append((token, subject))
        if not repairs:
            return doc
        attrs = [HEAD, DEP, POS, TAG, LEMMA, MORPH]
        arrays = doc.to_array(attrs)
        heads = [t.head.i for t in doc]
        deps = [t.dep_ for t in doc]
        for token, subject in repairs:
            i = token.i
            arrays[i, 2] = arrays[i, 3] = verb_pos
            arrays[i, 4] = nlp.vocab.strings.add(forms[token.lower_])
            arrays[i, 5] = morph
            _repair(doc, heads, deps, i, subject.i)
        for k in range(len(doc)):
            arrays[k, 0] = (heads[k] - k) % 2**64
            arrays[k, 1] = nlp.vocab.strings.add(deps[k])
        doc.from_array(attrs, arrays)
        return doc

    return finite_verbs
