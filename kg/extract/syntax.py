"""Dependency-parse helpers that read French (UD) and English (ClearNLP) parses alike.

``roles(token, words)`` gives a trigger's arguments under language-neutral role names:
``subj``, ``agent``, ``obj``, ``subjpass``, ``iobj``, ``poss``, ``mod``, ``between``,
``pp:<preposition>``, and ``light.<role>`` / ``undergo.<role>`` for the verb that governs
a trigger noun ("imposer des sanctions", "fait face à des sanctions"), and ``comp.<role>``
for the verb a trigger verb governs ("a menacé de frapper la Corée du Sud"), ``ccomp.subj`` for the
subject of a clause it governs ("demanded that Stockholm crack down"), ``incl.obj`` what a
trigger noun is said to include ("a package that includes HIMARS"); ``clause.subj`` is the
subject of the verb a trigger noun's prepositional phrase hangs from ("a tiré un missile, en
violation des résolutions"), and ``clause.subj.<preposition>`` the same for one preposition
("deployed troops at the request of X"); ``holder`` is who holds or uses the noun a past participle
describes ("Minsk dispose de missiles fournis par la Russie"); ``cond.subj`` is the subject
of an if-clause under the trigger or its complement ("warned ... if Israel retaliated"), and
``ccomp.target`` whom the measure announced in that complement targets ("warned that it could
reimpose sanctions on Venezuela if ...").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

__all__ = ["QUOTE_MARKS", "SyntaxWords", "antecedent", "beside_object", "roles", "listed_after", "pp_objects", "deep_pp_objects", "preposition", "conjuncts", "is_passive", "is_present_participle", "subjects", "clause_head", "object_relative"]

_CONTRACTIONS = {"du": "de", "des": "de", "d'": "de", "d": "de", "d’": "de", "au": "à", "aux": "à"}
_SUBJ = {"nsubj", "csubj"}
_SUBJ_PASS = {"nsubj:pass", "nsubjpass", "csubjpass"}
_OBJ = {"obj", "dobj"}
_IOBJ = {"iobj", "dative"}
_PREP_DEPS = ("obl", "nmod", "iobj", "obj", "advcl", "acl")
_RELATIVE_DEPS = {"acl:relcl", "relcl"}
QUOTE_MARKS = frozenset({"«", "“", '"', "‘"})
# Prepositions that complete a noun rather than a verb; others under a verb's object are
# read as the verb's own ("a tiré des missiles sur Israël", "acheter des Rafale à la France",
# "buy F-35s from the United States").
_NOMINAL_PREPS = {"de", "of", "en", "in", "for", "pour", "with", "avec", "par", "by", "entre", "between"}


@dataclass(frozen=True)
class SyntaxWords:
    """Closed word lists a language's parse is read with (from the lexicon data)."""

    light_verbs: frozenset[str] = frozenset()
    undergo_verbs: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    conditional_markers: frozenset[str] = frozenset()
    inclusion_verbs: frozenset[str] = frozenset({"include", "comprise", "contain", "comprendre", "inclure", "contenir", "compter"})


def _norm(word: str) -> str:
    word = word.lower().replace("’", "'")
    return _CONTRACTIONS.get(word, word)


def preposition(token: Token) -> str | None:
    """The preposition introducing a nominal (French ``case`` child, English ``prep`` head)."""
    if token.dep_ == "pobj":
        head = token.head
        if head.dep_ in ("prep", "agent"):
            words = [head] + [c for c in head.children if c.dep_ in ("fixed", "pcomp") and c.i < token.i]
            return " ".join(_norm(w.text) for w in sorted(words, key=lambda t: t.i))
    for child in token.lefts:
        if child.dep_ in ("case", "mark"):
            words = sorted([child] + [c for c in child.children if c.dep_ == "fixed"], key=lambda t: t.i)
            phrase = " ".join(_norm(w.text) for w in words)
            after = words[-1].i + 1
            if after < token.i and token.doc[after].lower_ in _CONTRACTED_A and not phrase.endswith("à"):
                phrase += " à"  # "face aux manifestants": the article carries the "à"
            return phrase
    return None


_CONTRACTED_A = {"au", "aux"}
_TARGET_PREPS = {"on", "against", "at", "contre", "sur", "à l'encontre de"}


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("X and Y", "X, Y et Z")."""
    return [token, *token.conjuncts] if token.conjuncts else [token]


_PASSIVE_AUX = {"être", "be", "get"}


def is_passive(verb: Token) -> bool:
    """Passive voice: a passive subject, or a passive auxiliary that really is être / be."""
    return any(
        c.dep_ in _SUBJ_PASS or (c.dep_ in ("aux:pass", "auxpass") and c.lemma_.lower() in _PASSIVE_AUX)
        for c in verb.children
    )


def _children(token: Token, deps: Iterable[str]) -> list[Token]:
    deps = set(deps)
    return [c for c in token.children if c.dep_ in deps]


def _objects(token: Token, words: SyntaxWords, depth: int = 0) -> list[Token]:
    """Direct objects, looking past a time noun the parser took for one ("a frappé jeudi soir des cibles")."""
    found = []
    for obj in _children(token, _OBJ):
        if _norm(obj.lower_) in words.time_nouns and depth < 3:
            inner = _objects(obj, words, depth + 1) + [c for c in obj.children if c.dep_ in ("nmod", "appos") and c.i > obj.i and preposition(c) in (None, "de")]
            found.extend(inner or _partitive_after(token, obj) or [obj])
        elif _is_relative(obj) and token.dep_ in _RELATIVE_DEPS:
            found.append(antecedent(token, obj))  # "the cartel, which Washington blames for ..."
        elif obj.lower_ in _QUE and object_relative(token) is obj:
            found.extend([t for t in [_before_comma(obj)] if t is not None])
        elif obj.text in QUOTE_MARKS:
            # an opening quote mark taken for the object: "a dénoncé une « violation de ... »",
            # with the quoted noun under it or, when the parser cut the sentence there, right after it
            quoted = _quoted_noun(obj)
            after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
            if quoted is None and after is not None and after.pos_ == "NOUN" and after.dep_ == "ROOT":
                quoted = after
            found.append(quoted if quoted is not None else obj)
        else:
            found.append(obj)
    if not any(o.pos_ == "PROPN" or o.ent_type_ for o in found):
        # "..., qu'il accuse de ...", the relative parsed as a subject or a conjunction; what
        # the parser took for an object of such a clause is the charge ("qu'il accuse de crimes")
        que = object_relative(token)
        named = _before_comma(que) if que is not None else None
        if named is not None:
            found = [named]
    if not found and contact_relative(token):
        # "a citizen it had held": the noun the clause describes (the name it is apposed to)
        described = token.head
        found.append(described.head if described.dep_ == "appos" and described.head.pos_ == "PROPN" else described)
    return found


def contact_relative(verb: Token) -> bool:
    """An English relative clause with no relative word whose object is the noun it describes:
    "a German citizen it had held", "the drones the army used" (a subject, no object, no
    preposition left stranded at its end)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
        return False
    kids = list(verb.children)
    if any(c.tag_ in ("WDT", "WP", "WP$") or c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in kids):
        return False
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in kids):
        return False
    return not any(c.dep_ == "prep" and not list(c.children) for c in kids)


_PARTITIVES = frozenset({"des", "du"})


def _partitive_after(verb: Token, time: Token) -> list[Token]:
    """The object right after a day the parser took for the object, its partitive article read
    as a preposition: "ont attaqué samedi des soldats"."""
    end = time.right_edge.i + 1
    return [
        c
        for c in verb.children
        if c.i > time.i and c.pos_ in ("NOUN", "PROPN") and c.left_edge.i == end and c.left_edge.lower_ in _PARTITIVES
    ]


def pp_objects(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, nominal) pairs under a word, whatever label the parser gave the nominal."""
    for child in token.children:
        dep = child.dep_
        if dep == "prep" or (dep == "agent" and child.lower_ == "by") or (dep == "dative" and child.pos_ == "ADP"):
            for pobj in child.children:
                inner = pobj.dep_
                if inner == "pobj":
                    yield preposition(pobj) or _norm(child.text), pobj
                elif inner == "prep":
                    for deeper in pobj.children:
                        if deeper.dep_ == "pobj":
                            yield f"{_norm(child.text)} {_norm(pobj.text)}", deeper
        elif dep not in ("case", "mark", "det", "punct", "cc", "fixed") and child.pos_ not in ("VERB", "AUX"):
            prep = preposition(child)
            if prep and child.text in QUOTE_MARKS:
                # an opening quote mark taken for the nominal: "accuse X d'« agression militaire »"
                quoted = _quoted_noun(child)
                child = quoted if quoted is not None else child
            if prep:
                yield prep, child


def _quoted_noun(mark: Token) -> Token | None:
    """The noun an opening quote mark the parser took for a nominal has under it."""
    return next((c for c in mark.children if c.pos_ in ("NOUN", "PROPN") and c.i > mark.i), None)


def deep_pp_objects(token: Token, wanted: str) -> list[Token]:
    """Nominals introduced by ``wanted`` anywhere under a word ("fournitures de pétrole en provenance de Russie")."""
    return [node for node in token.subtree if node != token and wanted in (preposition(node), _split_preposition(node))]


def _split_preposition(node: Token) -> str | None:
    """A complex preposition the parser split into a noun and its complement: "en provenance"
    + "du Japon" reads "en provenance de"."""
    own = preposition(node)
    if own not in ("de", "of") or node.head.pos_ != "NOUN" or node.head.i >= node.i:
        return None
    # (the head's own preposition is the word right before it: "de vin en provenance de")
    outer = max((c for c in node.head.children if c.dep_ == "case" and c.i < node.head.i), key=lambda c: c.i, default=None)
    return f"{outer.lower_} {node.head.lower_} {own}" if outer is not None else None


def antecedent(clause: Token, relative: Token) -> Token:
    """What a relative pronoun stands for: the name right before ", which" / ", qui" when
    there is one (the parser often hangs such clauses on an earlier noun: "a warning from
    Moscow, which said"), else the noun the clause is attached to."""
    doc, k = relative.doc, relative.i
    if k >= 2 and doc[k - 1].text == "," and doc[k - 2].pos_ == "PROPN" and doc[k - 2] != clause.head:
        return doc[k - 2]
    return clause.head


_QUE = frozenset({"que", "qu'", "qu’"})


def object_relative(verb: Token) -> Token | None:
    """The relative "que" of "X, qu'il accuse de ..." (a subject of its own follows it),
    however the parser labelled it."""
    que = next((c for c in verb.children if c.lower_ in _QUE and c.i < verb.i), None)
    if que is None or que.i == 0 or que.doc[que.i - 1].text != ",":
        return None
    if not any(c.dep_ in _SUBJ and c.lower_ not in _QUE for c in verb.children):
        return None
    return que


def _before_comma(que: Token) -> Token | None:
    """The nominal that ends right before the comma of ", qu'..." (past an acronym in brackets)."""
    doc, k = que.doc, que.i - 2
    if k >= 1 and doc[k].text == ")":
        while k > 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    return doc[k] if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN", "PRON", "ADJ") else None


def _is_relative(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP") or "PronType=Rel" in str(token.morph)


_CLAUSE_LINKS = ("conj", "ccomp", "parataxis")


def opens_clause(noun: Token) -> Token | None:
    """The coordinated verb a noun is the subject of, though the parser joined it to the object
    before: "La France a condamné le putsch et la Chine a appelé ..." ("la Chine" is no second
    thing condemned). The verb follows the noun and has no subject of its own."""
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i + 1 >= len(noun.doc):
        return None
    after = noun.doc[noun.right_edge.i + 1]
    verb = after if after.pos_ == "VERB" else after.head if after.pos_ == "AUX" and after.head.i > after.i else None
    if verb is None or verb.dep_ not in _CLAUSE_LINKS or verb.head.i > noun.i or any(c.dep_ in _SUBJ or c.dep_ in _SUBJ_PASS for c in verb.children):
        return None
    return verb


def subjects(verb: Token, words: SyntaxWords, depth: int = 0) -> list[Token]:
    """Active subjects of a verb, following control, coordination and relative clauses."""
    found = _children(verb, _SUBJ) or [s for aux in _children(verb, ("aux", "aux:pass", "aux:tense", "cop")) for s in _children(aux, _SUBJ)]
    if not found and verb.dep_ in _CLAUSE_LINKS:
        found = [t for t in verb.head.subtree if t.i < verb.i and opens_clause(t) == verb][:1]
    # a modifier tagged a verb and taken for the subject, its noun under it: "Le mouvement chiite, ..., a riposté"
    found = [next((c for c in s.children if c.dep_ in _SUBJ and c.pos_ == "NOUN" and c.i < s.i), s) if s.pos_ == "VERB" else s for s in found]
    head = verb.head
    if object_relative(verb) is not None:
        found = [t for t in found if t.lower_ not in _QUE]  # "..., qu'ils accusent de": "ils" is the subject
    if verb.dep_ in _RELATIVE_DEPS and any(_is_relative(t) for t in found):
        return [antecedent(verb, next(t for t in found if _is_relative(t)))]
    if found or depth > 4:
        return [t for t in found if t.dep_ != "csubj"]
    if head == verb:
        split = _split_root(verb)
        if split is None:
            return []
        return [split] if split.pos_ in ("NOUN", "PROPN") else subjects(split, words, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if governor.dep_ in _OBJ and _norm(governor.head.lemma_) in words.object_control:
            return [governor]  # "accuses its neighbour of backing", the prepositional phrase hung on the object
        if governor.dep_ == "pobj" and governor.head.dep_ == "agent" and _norm(governor.head.head.lemma_) in words.object_control:
            # "X has been accused by U.N. experts of receiving", hung on the agent
            return _children(governor.head.head, _SUBJ_PASS)
        if _norm(governor.lemma_) in words.object_control:
            objs = _children(governor, _OBJ)
            if objs:
                return objs
        if governor.pos_ in ("VERB", "AUX") and is_passive(governor):
            # "Turkey was removed ... after buying S-400s": the grammatical subject did it
            return _children(governor, _SUBJ_PASS | _SUBJ)
        return subjects(governor, words, depth + 1) if governor.pos_ in ("VERB", "AUX") else []
    if verb.dep_ in _RELATIVE_DEPS:
        relative = next((c for c in verb.children if c.dep_ in _SUBJ and _is_relative(c)), None)
        return [antecedent(verb, relative)] if relative is not None else []
    if verb.dep_ == "acomp" and head.pos_ in ("AUX", "VERB"):
        return subjects(head, words, depth + 1)  # "it was deeply concerned by"
    if verb.dep_ in ("xcomp", "advcl", "conj"):
        if verb.dep_ == "xcomp" and _norm(head.lemma_) in words.object_control:
            objs = _objects(head, words) or [o for p, o in pp_objects(head) if p in ("à", "on", "upon")]
            if objs:
                return objs
        if verb.dep_ in ("xcomp", "advcl") and is_passive(head):
            found = _children(head, _SUBJ_PASS | _SUBJ)
            # ("Israel, which is widely believed to possess ...": the relative stands for its antecedent)
            return [antecedent(head, t) if _is_relative(t) and head.dep_ in _RELATIVE_DEPS else t for t in found]
        if head.pos_ == "NOUN" and verb.dep_ == "xcomp" and head.dep_ in ("obj", "advmod", "obl:mod") and _norm(head.lower_) in words.time_nouns:
            return subjects(head.head, words, depth + 1)
        return subjects(head, words, depth + 1) if head.pos_ in ("VERB", "AUX", "ADJ") else []
    if verb.dep_ == "acl" and not is_passive(verb) and verb.tag_ == "VBG":
        return [head]
    if verb.dep_ == "acl" and head.dep_ in _OBJ and _norm(head.head.lemma_) in words.object_control and any(c.dep_ == "mark" for c in verb.children):
        return [head]  # "a accusé les garde-côtes d'avoir fait usage de ...", hung on the object
    return []


_QUOTES = {"«", "»", '"', "“", "”"}


def _split_root(verb: Token) -> Token | None:
    """Where a subjectless root verb's clause really starts, when the parser cut the sentence
    in two: the verb before an opening quotation mark ("s'est dit « très préoccupé » par ..."),
    or a name left as a root before a parenthetical ("Téhéran, qui dispose de ..., a menacé")."""
    start = verb.sent.start
    if start > 0 and verb.doc[start - 1].text not in (".", "!", "?") and "\n" not in verb.doc[start - 1].whitespace_:
        start = verb.doc[start - 1].sent.start
    quoted = False
    for i in range(verb.i - 1, start - 1, -1):
        token = verb.doc[i]
        if token.text in _QUOTES:
            quoted = True
        elif token.head == token:
            if token.pos_ in ("VERB", "AUX"):
                return token if quoted else None
            if token.pos_ in ("NOUN", "PROPN") and any(c.is_punct and c.text == "," and c.i > token.i for c in token.children):
                return token
            return None
    return None


_MEMBER_WORDS = {"dont", "including", "notamment", "notably", "among"}


def _members(nominal: Token) -> list[Token]:
    """Named members listed after a plural nominal and its modifiers: "treize entreprises
    américaines, dont Lockheed Martin", "several firms, including X and Y"."""
    doc = nominal.doc
    # the first comma after the nominal, with only the nominal's own modifiers before it
    last = min(len(doc), nominal.right_edge.i + 2)
    k = next((j for j in range(nominal.i + 1, last) if doc[j].text == ","), None)
    if k is None or k + 1 >= len(doc) or doc[k + 1].lower_ not in _MEMBER_WORDS:
        return []
    end = nominal.sent.end
    if k + 1 >= end:
        return []
    k += 2
    while k < end and (doc[k].pos_ == "DET" or doc[k].lower_ in ("them", "eux", "elles", "l'", "l’")):
        k += 1
    if k + 1 < end and doc[k].is_lower and doc[k + 1].ent_type_ and doc[k + 1].text[:1].isupper():
        k += 1  # a description before the name: "dont l'opposant Mikola Statkevitch"
    if k >= end or doc[k].pos_ not in ("PROPN", "NOUN") and not doc[k].ent_type_:
        return []
    return [doc[k], *listed_after(doc[k])]


def _past_participle_of_noun(token: Token) -> Token | None:
    """The noun a past participle describes ("missiles supplied by London", "des armes
    livrées à"), or None when the word is not such a participle."""
    if token.pos_ == "VERB" and token.dep_ in ("conj", "advcl") and _is_past_participle(token):
        return _set_off_participle(token)
    if token.pos_ != "VERB" or token.dep_ not in ("acl", "amod", "xcomp") or not (token.head.pos_ in ("NOUN", "PROPN") or token.head.ent_type_):
        return None
    if token.i < token.head.i or any(c.dep_ in _SUBJ or c.dep_ in ("aux", "aux:tense") for c in token.children):
        return None  # (nor a compound tense: "accusés d'avoir fait")
    if not _is_past_participle(token):
        return None
    described = token.head
    if described.dep_ == "appos" and described.head.pos_ == "PROPN":
        described = described.head  # "Louis Arnaud, un Français détenu par": Louis Arnaud
    if not _agrees(token, described):
        # "a acheté à la Chine des systèmes X, fabriqués par", hung on "Chine": the participle
        # agrees with the noun before its comma
        before = _set_off_participle(token)
        if before is not None and _agrees(token, before):
            return before
    return described


def _agrees(word: Token, noun: Token, features: tuple[str, ...] = ("Number", "Gender")) -> bool:
    """Whether two words may agree: they differ in no gender or number both are marked for."""
    for feature in features:
        mine, theirs = word.morph.get(feature), noun.morph.get(feature)
        if mine and theirs and not set(mine) & set(theirs):
            return False
    return True


def _is_past_participle(token: Token) -> bool:
    return token.tag_ == "VBN" or ("Part" in token.morph.get("VerbForm") and "Pres" not in token.morph.get("Tense"))


def is_present_participle(token: Token) -> bool:
    return token.tag_ == "VBG" or ("Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense"))


def _set_off_participle(token: Token) -> Token | None:
    """The noun before the comma of "un mandat d'arrêt contre X, accusé de ...": a participle
    set off by a comma that the parser took for a verb coordinated with the main one or for an
    adverbial clause, though it has no conjunction, auxiliary or subject of its own."""
    k = token.i - 1
    if k < 1 or token.doc[k].text != "," or any(c.dep_ in ("cc", "aux", "aux:tense", "aux:pass", "auxpass", "expl:pass") or c.dep_ in _SUBJ for c in token.children):
        return None
    described = token.doc[k - 1]
    while described.dep_ in ("flat:name", "flat") and described.head.i < described.i:
        described = described.head
    # (a designation tagged as an adjective is still the name: "des systèmes S-400, fabriqués par")
    return described if described.pos_ in ("NOUN", "PROPN") or described.ent_type_ else None


def _apposed_to(name: Token) -> Token | None:
    """The noun a name set off by commas stands beside ("un ressortissant allemand, Karl X,")."""
    k = name.i - 1
    if k < 1 or name.doc[k].text != ",":
        return None
    before = name.doc[k - 1]
    if before.pos_ == "ADJ" and before.dep_ == "amod" and before.head.i < before.i:
        before = before.head
    return before if before.pos_ == "NOUN" and before.head != name else None


def clause_head(token: Token) -> Token:
    """The verb of the clause a nominal trigger sits in (itself for a verb)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node


def roles(token: Token, words: SyntaxWords) -> dict[str, list[Token]]:
    """Arguments of a trigger word by role name (see the module docstring)."""
    out: dict[str, list[Token]] = {}
    seen: dict[str, set[int]] = {}

    def add(role: str, items: Iterable[Token]) -> None:
        for item in items:
            held = seen.setdefault(role, set())
            out.setdefault(role, [])
            if item.i not in held:
                held.add(item.i)
                out[role].append(item)

    passive = is_passive(token)
    participle = _past_participle_of_noun(token)
    if token.pos_ in ("VERB", "AUX") or token.dep_ in ("acl", "amod") and token.tag_ in ("VBN",):
        undergoers = _children(token, _SUBJ_PASS) + (_children(token, {"nsubj"}) if passive else [])
        if token.dep_ in _RELATIVE_DEPS and any(_is_relative(t) for t in undergoers):
            # "Alex Saab, an ally of ... who had been jailed by": the relative stands for its antecedent
            for k, relative in enumerate(undergoers):
                if _is_relative(relative):
                    named = antecedent(token, relative)
                    if named.dep_ == "appos" and named.head.pos_ == "PROPN":
                        named = named.head
                    undergoers[k] = named
        add("subjpass", undergoers)
        if participle is not None and not passive:
            # "des missiles fournis par la Russie": the noun undergoes the verb, and whoever
            # holds or uses it is where it went ("Minsk dispose de missiles fournis par ...")
            add("subjpass", [participle])
            governor = clause_head(participle)
            holders = [s for s in subjects(governor, words) if s.i != participle.i] if governor != participle else []
            beside = _apposed_to(participle) if not holders else None
            if beside is not None:
                # "ont arrêté un ressortissant allemand, Karl X, accusé de ...", with the name
                # taken for the subject of the verb after it
                holders = subjects(clause_head(beside), words)
            add("holder", holders)
        elif not passive:
            add("subj", subjects(token, words))
        if token.dep_ in ("acl", "amod") and (passive or token.tag_ == "VBN" or "VerbForm=Part" in str(token.morph)):
            described = token.head
            if described.dep_ == "appos" and described.head.pos_ == "PROPN":
                described = described.head
            add("subjpass", [described])
        add("obj", _objects(token, words))
        add("iobj", _children(token, _IOBJ))
        for comp in _children(token, ("xcomp",)):
            if comp.pos_ in ("VERB", "AUX"):
                add("comp.obj", _objects(comp, words))
                for prep, obj in pp_objects(comp):
                    add(f"comp.pp:{prep}", [obj])
        add("agent", _children(token, {"obl:agent"}))
        for comp in _children(token, ("ccomp",)):
            if comp.pos_ in ("VERB", "AUX"):
                add("ccomp.subj", _children(comp, _SUBJ))
        # "warned that it could reimpose sanctions on X if Y refused": whom the announced
        # measure targets, else who the condition is about
        for comp in [token, *_children(token, ("ccomp", "xcomp"))]:
            conditions = [c for c in _children(comp, ("advcl",)) if any(m.dep_ == "mark" and _norm(m.text) in words.conditional_markers for m in c.children)]
            for clause in conditions:
                add("cond.subj", _children(clause, _SUBJ) or _children(clause, _SUBJ_PASS))
            if comp is not token and conditions:
                inside = {t.i for clause in conditions for t in clause.subtree}
                add("ccomp.target", [t for t in comp.subtree if t.i not in inside and preposition(t) in _TARGET_PREPS])
    phrases = list(pp_objects(token))
    authors = _authors(token) if token.pos_ == "NOUN" else {}
    if token.pos_ == "NOUN":
        # a target hung on the noun's adjective ("les frappes syriennes et turques contre ses
        # villages"), on a participle ("strikes carried out by X on Y") or on its agent
        # ("l'offensive lancée par les rebelles contre l'armée")
        hosts = [a for c in token.children if c.dep_ == "amod" and c.i > token.i for a in conjuncts(c)]
        hosts += [c for c in token.children if c.dep_ == "acl" and c.i > token.i and _is_past_participle(c)] + _misplaced_participles(token)
        hosts += [obj for prep, obj in phrases if prep in ("par", "by")] + authors.get("agent", [])
        phrases += [(prep, obj) for host in hosts for prep, obj in pp_objects(host) if prep in _TARGET_PREPS and obj.i > host.i]
    if token.pos_ in ("VERB", "AUX"):
        own = {prep for prep, _ in phrases}
        for obj in out.get("obj", ()):
            for prep, inner in pp_objects(obj):
                if prep not in own and prep not in _NOMINAL_PREPS:
                    add(f"pp:{prep}", [inner])
    for prep, obj in phrases:
        if prep in ("par", "by") and (passive or token.pos_ == "NOUN" or token.dep_ == "acl"):
            add("agent", [obj])
        if prep == "entre" or prep == "between":
            add("between", conjuncts(obj) + [c for c in token.conjuncts if c.i > obj.i and c.pos_ == "PROPN"] + listed_after(obj))
        add(f"pp:{prep}", [obj] + [t for t in listed_after(obj, prep) if (t.pos_ == "PROPN" or t.ent_type_) and preposition(t) in (None, prep)])
    if passive and token.pos_ in ("VERB", "AUX") and not out.get("agent"):
        # "a été reçu jeudi à l'Élysée par le président", with the agent hung on the day or the place
        add("agent", _stray_agent(token))
    if out.get("obj") and out.get("pp:including"):
        # "expelled six diplomats, including the High Commissioner": members of the object
        add("obj", out["pp:including"])
    for role in [r for r in out if r in ("obj", "subjpass") or r.startswith("pp:")]:
        for nominal in list(out[role]):
            add(role, _members(nominal))
    if token.pos_ in ("VERB", "AUX", "NOUN"):
        for role in [r for r in out if r in ("obj", "subjpass") or r.startswith("pp:")]:
            for nominal in out[role]:
                for inner, items in _authors(nominal).items():
                    add(f"{role}.{inner}", items)
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "acl" and child.pos_ == "VERB" and child.i > token.i and not is_passive(child):
                add("acl.obj", _objects(child, words))
            if child.dep_ in ("acl", "acl:relcl", "relcl") and child.i > token.i and _norm(child.lemma_) in words.inclusion_verbs:
                add("incl.obj", _objects(child, words))
        add("agent", authors.get("agent", ()))
        if token.dep_ in _OBJ and token.head.pos_ in ("VERB", "AUX"):
            add("verb.subj", subjects(token.head, words))
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ == "det" and "Poss=Yes" in str(child.morph)):
            add("poss", [child])
        elif child.dep_ in ("amod", "compound", "nmod:poss", "flat:name") and child.i < token.i or child.dep_ == "nmod" and child.i < token.i and child.pos_ == "PROPN":
            add("mod", [child])  # (a name before its noun: "U.S. and British sanctions")
        elif child.dep_ == "amod" and child.i > token.i:
            add("mod", [child])
    if token.pos_ == "NOUN" and token.head.pos_ in ("VERB", "AUX") and token.dep_ in ("obl", "obl:mod", "nmod", "advcl", "prep", "pobj") and preposition(token) not in (None, "comme", "as"):
        governing = subjects(token.head, words)
        add("clause.subj", governing)
        add(f"clause.subj.{preposition(token)}", governing)
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX") and token.head.lower_ != "as":
        # (not "condemned the incursion as a violation of": the violation is the incursion's)
        governing = subjects(token.head.head, words)
        add("clause.subj", governing)
        add(f"clause.subj.{preposition(token)}", governing)
    if token.pos_ in ("NOUN", "PROPN", "X") and token.head != token:
        governor = token.head
        if governor.dep_ in ("case", "prep") or token.dep_ == "pobj":
            governor = governor.head if token.dep_ == "pobj" else governor
        lemma = _norm(governor.lemma_)
        phrase = f"{lemma} {preposition(token)}" if preposition(token) else lemma
        undergo = phrase in words.undergo_verbs or lemma in words.undergo_verbs
        undergo = undergo or any(c.dep_ in _OBJ and _norm(c.lemma_) in words.undergo_verbs for c in governor.children if c != token)
        light = not undergo and (lemma in words.light_verbs or phrase in words.light_verbs)
        if light and phrase not in words.light_verbs and beside_object(token, governor):
            light = False
        adposition = token.head if token.dep_ == "pobj" else None
        if adposition is not None and _norm(adposition.lower_) in words.undergo_verbs:
            undergo, light, governor = True, False, adposition
        if undergo and governor.pos_ == "ADP" and governor.head != governor:
            holder = governor.head
            sub = {"subj": [holder] if holder.pos_ in ("NOUN", "PROPN") else subjects(holder, words)}
        else:
            sub = roles_of_governor(governor, words) if light or undergo else {}
        prefix = "light" if light else "undergo"
        for role, items in sub.items():
            add(f"{prefix}.{role}", [t for t in items if t != token])
    return out


def beside_object(noun: Token, verb: Token) -> bool:
    """A noun in a prepositional phrase of a verb that has an object of its own: "opened an
    inquiry into the killing" (the verb's light noun is the inquiry, not the killing)."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    return governor == verb and preposition(noun) is not None and any(c.dep_ in _OBJ and c != noun for c in verb.children)


_LIST_JOINS = {",", "et", "and", "&"}


def listed_after(token: Token, prep: str | None = None) -> list[Token]:
    """Nominals listed after ``token`` by word order ("entre X et Y", "between X, Y and Z",
    "membre de X et de Y"), whatever attachment the parser gave them."""
    doc, found, k = token.doc, [], token.i + 1
    end = token.sent.end
    while k < end and doc[k].lower_ in _LIST_JOINS:
        k += 1
        while k < end and (doc[k].pos_ == "DET" or prep and _norm(doc[k].lower_) == prep):
            k += 1
        if k < end and doc[k].pos_ in ("PROPN", "NOUN") and not (doc[k].dep_.startswith("nsubj") and doc[k].head.i > k):
            found.append(doc[k])  # (a subject of a later verb opens a clause: "..., the Kremlin confirmed")
            k += 1
        else:
            break
    return found


def _stray_agent(verb: Token) -> list[Token]:
    """A passive verb's "par X" / "by X" that the parser hung on one of its nominals (a place, a
    day) rather than on the verb; not one inside a clause or a participle of its own."""
    for child in verb.children:
        if child.pos_ not in ("NOUN", "PROPN") or child.dep_ not in ("obl", "obl:mod", "obl:arg", "npadvmod", "nmod"):
            continue
        for node in child.subtree:
            if node == child or preposition(node) not in ("par", "by") or node.pos_ not in ("NOUN", "PROPN"):
                continue
            path, inner = [], node.head
            while inner != child:
                path.append(inner)
                inner = inner.head
            if all(t.pos_ in ("NOUN", "PROPN", "ADP") for t in path):
                return [node]
    return []


def _authors(nominal: Token) -> dict[str, list[Token]]:
    """Who made or holds what a nominal names: the agent of a participle on it ("une proposition
    présentée par l'Égypte", "a Français détenu par les autorités iraniennes"), its possessor, its modifiers."""
    found: dict[str, list[Token]] = {}
    holders = [nominal] + [c for c in nominal.children if c.dep_ == "appos"]
    for holder in holders:
        for child in [*holder.children, *(_misplaced_participles(nominal) if holder is nominal else ())]:
            if child.dep_ in ("acl", "amod", "acl:relcl", "relcl") and child.pos_ in ("VERB", "ADJ") and child.i > holder.i:
                agents = [obj for prep, obj in pp_objects(child) if prep in ("par", "by")]
                agents += [c for c in child.children if c.dep_ == "obl:agent"]
                if not agents and child.pos_ == "VERB" and _is_past_participle(child):
                    agents = _stray_agent(child)  # ("les frappes menées dans la nuit par X")
                found.setdefault("agent", []).extend(agents)
            elif (child.dep_ in ("poss", "nmod:poss") or child.dep_ == "det" and "Poss=Yes" in str(child.morph)) and holder is nominal:
                found.setdefault("poss", []).append(child)
            elif child.dep_ in ("amod", "compound") and holder is nominal:
                found.setdefault("mod", []).append(child)
            elif holder is nominal and child.i > nominal.i and preposition(child) in ("de", "of") and child.pos_ in ("NOUN", "PROPN"):
                found.setdefault("of", []).append(child)
            elif holder is nominal and child.dep_ == "prep" and child.lower_ == "of":
                found.setdefault("of", []).extend(c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN"))
    return {k: list(dict.fromkeys(v)) for k, v in found.items() if v}


def _misplaced_participles(noun: Token) -> list[Token]:
    """Participles the parser hung on a noun's "de" complement though they cannot agree with
    it: "les frappes de missiles menées par ..." describes the strikes. (The noun's own gender
    is too often mistagged to be asked; its number is.)"""
    return [
        part
        for comp in noun.children
        if comp.dep_ == "nmod" and comp.i > noun.i and preposition(comp) == "de"
        for part in comp.children
        if part.dep_ == "acl" and part.pos_ == "VERB" and _is_past_participle(part) and not _agrees(part, comp) and _agrees(part, noun, ("Number",))
    ]


def roles_of_governor(verb: Token, words: SyntaxWords) -> dict[str, list[Token]]:
    """Arguments of the verb governing a trigger noun, without descending into nouns again."""
    found: dict[str, list[Token]] = {}
    if verb.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        found["subj"] = subjects(verb, words) if not is_passive(verb) else []
        found["subjpass"] = _children(verb, _SUBJ_PASS | ({"nsubj"} if is_passive(verb) else set()))
        if verb.dep_ in ("acl", "amod") and (verb.tag_ == "VBN" or "VerbForm=Part" in str(verb.morph)):
            found["subjpass"].append(verb.head)
        found["obj"] = _objects(verb, words)
        for prep, obj in pp_objects(verb):
            found.setdefault(f"pp:{prep}", []).append(obj)
    return found
