"""Find what a token stands for: a named entity, a role phrase, a group, a pronoun.

The finder walks one document in reading order and keeps a short discourse memory, so
"il", "les deux pays", "son homologue russe" or "le dirigeant iranien" resolve to the
actors mentioned before them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from ..nlp.gazetteer import Gazetteer, shortens
from .lexicon import Lexicon
from .syntax import opens_clause

__all__ = ["ActorFinder", "NER_CLASSES"]

NER_CLASSES = {
    "PER": "Person",
    "PERSON": "Person",
    "ORG": "Organization",
    "LOC": "Place",
    "GPE": "Place",
    "FAC": "Facility",
}
_PERSON = "Person"
_NUMBER_WORDS = {"deux": 2, "two": 2, "both": 2, "trois": 3, "three": 3}
_BODY_CLASSES = frozenset({"InternationalOrganization", "GovernmentBody", "Organization", "NonGovernmentalOrganization", "ArmedGroup"})


@lru_cache(maxsize=64)
def _string_hashes(values: frozenset[str]) -> frozenset[int]:
    """spaCy's string hashes of a word list, computed once per list (they do not depend on the vocab)."""
    from spacy.strings import StringStore

    store = StringStore()
    return frozenset(store[v] for v in values)


def _preposition_word(child: Token, inner: Token) -> str | None:
    """The preposition of a nominal under a noun: the ``prep`` head in English, the ``case`` child in French."""
    if child.dep_ == "prep":
        return child.lower_
    case = next((c for c in inner.children if c.dep_ == "case"), None)
    return case.lower_.replace("du", "de").replace("des", "de") if case is not None else None


def _trimmed(span: Span) -> Span | None:
    """A statistical entity without the clitics, punctuation and lowercase words at its edges."""
    start, end = span.start, span.end
    doc = span.doc

    def loose(token: Token) -> bool:
        lower_word = token.is_lower and token.pos_ not in ("ADJ", "NOUN", "PROPN")
        return token.is_punct or token.is_space or lower_word or token.text.endswith(("'", "’"))

    while start < end and loose(doc[start]):
        start += 1
    while end > start and loose(doc[end - 1]):
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


_QUANTITY_WORDS = frozenset({"multiple", "several", "many", "numerous", "various", "plusieurs", "nombreuses", "nombreux", "diverses"})


def _year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4


# complements that say between whom or by whom, not which text it is
_NOT_OF_THE_NAME = frozenset({"between", "entre", "with", "avec", "by", "par"})
_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "appos", "advcl"})


def _as_written(token: Token) -> tuple[int, int, str]:
    """A text's name as written (start, end, text): the words before it that name it ("U.N.
    Security Council resolutions"), without determiner, preposition or quantity ("multiple"),
    and the complements after it that say which ("on Diplomatic Relations", "sur les armes"),
    up to a clause, an apposition or a complement saying between or by whom."""
    from .syntax import preposition

    left = [t for t in token.subtree if t.i < token.i]
    while left and (left[0].pos_ in ("DET", "PRON", "NUM", "PUNCT", "ADP") and not _year(left[0]) or left[0].lower_ in _QUANTITY_WORDS):
        left = left[1:]
    start = left[0].idx if left and all(t.i == left[0].i + k for k, t in enumerate(left)) else token.idx
    end = token.idx + len(token.text)
    for child in sorted((c for c in token.children if c.i > token.i), key=lambda c: c.i):
        if child.like_num or child.dep_ in ("nummod", "flat", "flat:name", "compound"):
            end = max(t.idx + len(t.text) for t in child.subtree)  # "résolution 1701"
            continue
        prep = child.lower_ if child.dep_ == "prep" else preposition(child) if child.dep_.startswith("nmod") else None
        if prep is None or prep in _NOT_OF_THE_NAME:
            break
        # (up to a clause or an aside inside the complement: "sur les armes | imposé par ...")
        cut = [t.left_edge.i for t in child.subtree if t.dep_ in _CLAUSE_DEPS or t.text in (",", "(")]
        words = [t for t in child.subtree if not cut or t.i < min(cut)]
        if not words:
            break
        end = max(t.idx + len(t.text) for t in words)
        if cut:
            break
    return start, end, token.doc.text[start:end]


def _capitalised_inside(token: Token) -> bool:
    """A capitalised word inside a sentence, part of a name rather than a common noun."""
    return token.text[:1].isupper() and token.i != token.sent.start


class ActorFinder:
    """Map tokens of one parsed document to mentions of entities."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lex: Lexicon, excluded: tuple[tuple[int, int], ...] = (), dateline: tuple[int, int] | None = None):
        self.doc = doc
        self.gaz = gazetteer
        self.lex = lex
        self.lang = lex.lang
        self.by_token: dict[int, Span] = {}
        # the dateline's place and agency are where the news was filed, not actors (though
        # the place still tells which country "the country" is)
        self.dateline = {t.i for t in doc.char_span(*dateline, alignment_mode="expand") or ()} if dateline else set()
        for ent in doc.ents:
            if any(ent.start_char < end and start < ent.end_char for start, end in excluded):
                continue
            if not ent.ent_id_:
                ent = _trimmed(ent)
                if ent is None or self._is_role_phrase(ent):
                    continue
                if ent.text.islower() and (lex.has("group_nouns", ent.text) or len(ent) == 1 and lex.has_token("group_nouns", ent[0])):
                    continue  # a common noun the recognizer took for a name ("Iran's navy"): its owner's
                if NER_CLASSES.get(ent.label_) in ("Place", "Facility"):
                    ent = self._without_category(ent)
                    if self._category_only(ent):
                        continue  # a category noun with at most a nationality: "l'État indien"
                if NER_CLASSES.get(ent.label_) in (_PERSON, "Place") and len(ent) == 1 and gazetteer.demonym(ent.text, self.lang):
                    continue  # a demonym the recognizer took for a person or a place ("Moldovan police", "at Georgian cities")
            if ent.label_ in NER_CLASSES or ent.ent_id_ or self._headed_by_body_noun(ent):
                ent = self._company_named_after(ent)
                for i in range(ent.start, ent.end):
                    self.by_token[i] = ent
        self._acronyms(doc)
        self.roles: dict[tuple[str, str], Mention] = {}
        self._mention_cache: dict[tuple[int, str, int], list[Mention]] = {}
        self.persons = sorted(
            {span for span in self.by_token.values() if self.entity_class(span) == _PERSON and len(span.text.split()) > 1},
            key=lambda span: span.start,
        )
        self.groups: dict[int, Mention] = {}
        self._group_texts: dict[str, str] = {}
        group_words = lex.words.get("adhoc_group_nouns", frozenset()) | lex.words.get("adhoc_armed_nouns", frozenset())
        for token in self._tokens_with(doc, "LOWER", group_words):
            if token.i not in self.by_token and not _capitalised_inside(token) and token.pos_ in ("NOUN", "PROPN"):
                mention = self._adhoc_group(token)
                if mention is not None and mention.key is None:
                    self.groups[token.i] = mention
        self.pairs: list[tuple[int, tuple[Mention, Mention]]] = []
        self._demonyms: dict[int, Mention] | None = None
        self._find_pairs(doc)

    def _without_category(self, span: Span) -> Span:
        """A place's name without the category noun written with it: "province de Paktika",
        "Sihanoukville province", "the Golis Mountains"."""
        start, end, doc = span.start, span.end, span.doc
        while start < end - 1 and (self.lex.has_token("place_category_nouns", doc[start]) or doc[start].is_lower and doc[start].pos_ in ("DET", "ADP")):
            start += 1
        while end - 1 > start and self.lex.has_token("place_category_nouns", doc[end - 1]):
            end -= 1
        if (start, end) == (span.start, span.end) or not any(t.text[:1].isupper() for t in doc[start:end]):
            return span
        return Span(doc, start, end, label=span.label_)

    def _category_only(self, span: Span) -> bool:
        """A span of place category nouns, nationality adjectives and function words, with no name in it."""
        return all(
            self.lex.has_token("place_category_nouns", t) or self.gaz.demonym(t.text, self.lang) or t.pos_ in ("DET", "ADP") for t in span
        )

    def _headed_by_body_noun(self, span: Span) -> bool:
        """A name of several words headed by a body's noun, whatever the recognizer called it: "Brigade 444"."""
        return len(span) > 1 and any(self.lex.has(words, span[0].lower_) for words in ("organisation_head_nouns", "anaphoric_organisation_nouns"))

    def _company_named_after(self, span: Span) -> Span:
        """A company named after a country ("Iran Air", "Air Algérie", "Japan Airlines") is the
        company, not the country: the name with its company word, as an organisation."""
        if span.label_ != "Country":
            return span
        doc, start, end = span.doc, span.start, span.end
        if end < len(doc) and doc[end].is_title and self.lex.has("company_suffix_names", doc[end].text):
            end += 1
        elif start > 0 and doc[start - 1].is_title and self.lex.has("company_prefix_names", doc[start - 1].text):
            start -= 1
        else:
            return span
        return Span(doc, start, end, label="ORG")

    def _is_role_phrase(self, span: Span) -> bool:
        """An unlisted organisation the recognizer read off a title ("ministre japonaise des
        Affaires étrangères"): it is a role phrase, read by ``role_phrase``, not a body's name."""
        first = next((t for t in span if t.pos_ != "DET"), span[0])
        return (
            len(span) > 1
            and NER_CLASSES.get(span.label_) in ("Organization", "Place")
            and first.is_lower
            and (first.lower_ in self.lex.role_words or first.lemma_.lower() in self.lex.role_words)
        )

    def _acronyms(self, doc: Doc) -> None:
        """An organisation's acronym given in parentheses after its name ("Union nationale karen (KNU)")
        names that organisation wherever it occurs in the document."""
        found: dict[str, Span] = {}
        for span in self._defined_by_acronym(doc):
            for i in range(span.start, span.end):
                self.by_token[i] = span
        for span in set(self.by_token.values()):
            end = span.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                acronym = doc[end + 1]
                if acronym.text.isupper() and acronym.is_alpha and 2 <= len(acronym.text) <= 8 and NER_CLASSES.get(span.label_, span.label_) in ("Organization", "ArmedGroup", "GovernmentBody", "InternationalOrganization", "NonGovernmentalOrganization"):
                    found[acronym.text] = span
        if not found:
            return
        for token in self._tokens_with(doc, "ORTH", set(found)):
            span = found[token.text]
            if token.i not in self.by_token or not self.by_token[token.i].ent_id_:
                self.by_token[token.i] = span

    def _defined_by_acronym(self, doc: Doc) -> list[Span]:
        """Names spelt out before their acronym whose initials the acronym gives ("Conseil
        national pour la sauvegarde de la patrie (CNSP)"), when the recognizer kept only part
        of the name or none of it. The gazetteer's own names are left as they are."""
        found: list[Span] = []
        minor = self.lex.words.get("name_function_words", frozenset())
        for paren in self._tokens_with(doc, "ORTH", {"("}):
            if paren.i + 2 >= len(doc) or doc[paren.i + 2].text != ")":
                continue
            acronym = doc[paren.i + 1].text
            if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8):
                continue
            initials = ""
            for start in range(paren.i - 1, max(paren.i - 14, -1), -1):
                word = doc[start]
                if word.is_punct or word.i < paren.sent.start:
                    break
                if word.lower_ in minor:
                    continue
                initials = "".join(w[0] for w in word.text.replace("-", " ").split()).upper() + initials
                if not acronym.endswith(initials):
                    break
                if initials == acronym and word.text[:1].isupper():
                    if any(i in self.by_token and self.by_token[i].ent_id_ for i in range(start, paren.i)):
                        break
                    found.append(Span(doc, start, paren.i, label="ORG"))
                    break
        return found

    def _actor_at(self, token: Token) -> Mention | None:
        """The actor a token names by itself: a named entity read as the actor it stands for, or an ad hoc group."""
        if token.i in self.groups:
            return self.groups[token.i]
        span = self.by_token.get(token.i)
        if span is None:
            return None
        mention = self.span_mention(span)
        if mention is None:
            return None
        mention = self.as_actor(mention)
        return mention if self._is_actor(mention) else None

    @staticmethod
    def _is_actor(mention: Mention) -> bool:
        return mention.label in ("Country", _PERSON, "ArmedGroup", "GovernmentBody") or mention.label.endswith("Organization")

    def _find_pairs(self, doc: Doc) -> None:
        """Actors written together: coordinated ("X et Y"), or set against each other ("X ... contre Y")."""
        opposing = self.lex.words.get("opposing_prepositions", frozenset())
        for token in self._tokens_with(doc, "DEP", {"conj"}) + self._tokens_with(doc, "LOWER", opposing):
            dep = token.dep_
            if dep == "conj" and token.pos_ in ("NOUN", "PROPN"):
                first, second = self._one_actor(token.head), self._one_actor(token)
                if first is not None and second is not None and (first.key or first.text) != (second.key or second.text):
                    self.pairs.append((token.head.idx, (first, second)))
            elif dep == "conj" and token.pos_ == "ADJ" and token.head.pos_ == "ADJ":
                # coordinated demonyms: "Pakistani and Afghan forces"
                first, second = self.demonym_mention(token.head), self.demonym_mention(token)
                if first is not None and second is not None and first.key != second.key:
                    self.pairs.append((token.head.idx, (first, second)))
            elif token.lower_ in opposing and dep in ("case", "prep"):
                nominal = token.head if dep == "case" else next((c for c in token.children if c.dep_ == "pobj"), None)
                first = self._one_actor(nominal) if nominal is not None else None
                if first is None:
                    continue
                from .syntax import SyntaxWords, clause_head, subjects

                for holder in subjects(clause_head(nominal), SyntaxWords()):
                    rival = self._one_actor(holder) if holder.pos_ != "PRON" else None
                    if rival is not None and (rival.key or rival.text) != (first.key or first.text):
                        self.pairs.append((nominal.idx, (rival, first)))
        self.pairs.sort(key=lambda item: item[0])

    @staticmethod
    def _tokens_with(doc: Doc, attr: str, values) -> list[Token]:
        """Tokens whose attribute is one of ``values``, found on the document's array without
        building a token object for every word."""
        if not values:
            return []
        wanted = _string_hashes(frozenset(values))
        return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]

    def _one_actor(self, token: Token) -> Mention | None:
        """The single actor a nominal names, if it names exactly one."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        first = self._actor_at(token)
        if first is None:
            found = [self.as_actor(m) for m in self.single(token, "actor")]
            first = found[0] if len(found) == 1 and self._is_actor(found[0]) else None
        return first

    @staticmethod
    def _preposition_of(token: Token) -> str | None:
        from .syntax import preposition

        return preposition(token)

    def _adhoc_group(self, token: Token) -> Mention | None:
        """An unnamed group written as a common noun ("les séparatistes du Haut-Karabakh", "protesters").

        A group qualified by a named organisation ("les rebelles de l'Union nationale karen")
        is that organisation; otherwise the mention is the head noun with its qualifiers, and a
        later bare use of the same noun ("les séparatistes") takes up the earlier qualified one.
        """
        armed = self.lex.has("adhoc_armed_nouns", token.lemma_.lower()) or self.lex.has("adhoc_armed_nouns", token.lower_)
        if armed and self._definite(token):
            named = self.last_named_group(token, armed_only=True)
            if named is not None:
                return named
        doc = token.doc
        kept = [token]
        for child in token.children:
            if child.i == token.i + 1 and child.pos_ in ("ADJ", "PROPN", "NOUN") and self.demonym_of(child):
                kept.append(child)  # (a demonym the tagger took for a name: "migrants afghans" as PROPN acl)
            elif child.dep_ in ("nmod", "appos", "compound", "flat:name", "amod", "prep") and child.i > token.i or child.dep_ in ("compound", "amod") or child.dep_ == "nmod" and child.pos_ == "PROPN":
                inner = child
                if child.dep_ == "prep":
                    inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if inner is None or child.lower_ not in ("of", "from"):
                        continue
                span = self.by_token.get(inner.i)
                if span is None and child.i > token.i and self._preposition_of(inner) in ("de", "of") and self._definite(inner) and self.lex.has("anaphoric_organisation_nouns", inner.lower_):
                    named = self.last_named_group(inner)  # "des hommes de la brigade", "fighters of the group"
                    if named is not None:
                        return self.as_actor(named)
                if span is None and (self.lex.has("organisation_head_nouns", inner.lemma_.lower()) or self.lex.has("organisation_head_nouns", inner.lower_)):
                    span = next((self.by_token[c.i] for c in inner.children if c.i in self.by_token and c.dep_ in ("appos", "flat:name", "compound", "nmod", "amod")), None)
                if span is not None:
                    named = self.span_mention(span)
                    # (an adjective the recognizer took for an unknown body qualifies: "40 Uyghur men")
                    known = named is not None and (named.key or inner.pos_ != "ADJ")
                    if known and (named.label.endswith("Organization") or named.label == "ArmedGroup"):
                        return self.as_actor(named)
                if child.dep_ in ("amod", "compound") or (child.dep_ in ("nmod", "prep") and self._preposition_of(inner) in ("de", "of", "from") and span is not None and self.entity_class(span) not in ("Weapon", "Resource")):
                    kept.extend(child.subtree)
        kept = sorted(kept, key=lambda t: t.i)
        while kept and (kept[0].pos_ in ("DET", "NUM", "ADP") or kept[0].is_punct or self.lex.has("quantity_words", kept[0].lower_)):
            kept.pop(0)
        lo, hi = kept[0].i, kept[-1].i
        if hi - lo + 1 != len(kept) or hi - lo > 6:
            lo = hi = token.i
        text = doc[lo:hi + 1].text
        lemma = token.lemma_.lower()
        if lo == hi and lemma in self._group_texts:
            text = self._group_texts[lemma]
        elif lemma not in self._group_texts or lo != hi:
            self._group_texts[lemma] = text
        armed = self.lex.has("adhoc_armed_nouns", lemma) or self.lex.has("adhoc_armed_nouns", token.lower_)
        return Mention(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text), "ArmedGroup" if armed else "Organization", None, via="group")

    def entity_class(self, span: Span) -> str:
        if span.ent_id_:
            return span.label_
        return NER_CLASSES.get(span.label_, "Thing")

    def span_mention(self, span: Span, via: str = "name") -> Mention | None:
        """The mention for a named-entity span, checked against the gazetteer."""
        key = span.ent_id_ or None
        cls = self.entity_class(span)
        if key is None and cls == "Thing" and self._headed_by_body_noun(span):
            cls = "Organization"
        if key is None:
            entry = self.gaz.lookup(span.text, self.lang)
            if entry is not None:
                key, cls = entry.key, entry.type
            elif span.label_ == "NORP" or (cls == "Thing"):
                country = self.gaz.demonym(span.text, self.lang)
                if country is None:
                    return None
                entry = self.gaz.get(country)
                return Mention(span.text, span.start_char, span.end_char, entry.type if entry else "Country", country, via="demonym")
        if key is None and span.start > 0 and self.lex.has_token("vessel_nouns", span.doc[span.start - 1]):
            cls = "Organization"  # a ship's name after the noun that says what it is ("the tanker Sea Star")
        if key is None and cls in ("Place", "Thing", _PERSON) and self._described_as_body(span):
            cls = "Organization"  # "Belavia, la compagnie aérienne nationale", whatever the recognizer said
        if key is None and len(span) == 1 and span.text.istitle() and cls != _PERSON:
            # "l'Assemblée", "the Commission": the body named in full a little earlier
            named = self._named_in_full(span)
            if named is not None:
                return named
        words = span.text.split()
        if key is None and (len(words) == 1 and span.text.istitle() or 1 < len(words) <= 3 and cls == _PERSON):
            # "Duterte" alone, even when the recognizer took it for a body or a place; "De Moraes"
            known = self.known_person(span.text)
            if known is not None and (cls == _PERSON or known.start < span.start_char):
                return replace(known, text=span.text, start=span.start_char, end=span.end_char, via="short name")
        return Mention(span.text, span.start_char, span.end_char, cls, key, via=via)

    def _described_as_body(self, span: Span) -> bool:
        """A name followed by an apposition headed by an organisation noun: "Belavia, la
        compagnie aérienne nationale", "BAC Consulting, a company based in Budapest"."""
        doc, k = span.doc, span.end
        if k + 1 >= len(doc) or doc[k].text != ",":
            return False
        k += 1
        while k < len(doc) and k < span.end + 4 and doc[k].pos_ in ("DET", "ADJ", "NUM"):
            k += 1
        return k < len(doc) and self.lex.has("organisation_head_nouns", doc[k].lemma_) and doc[k].pos_ == "NOUN"

    def _named_in_full(self, span: Span) -> Mention | None:
        """The last body before ``span`` whose full name starts with its one word."""
        word = span.text.casefold()
        for ent in reversed([e for e in self.doc.ents if e.end <= span.start and e.ent_id_]):
            if self.entity_class(ent) in _BODY_CLASSES and len(ent.text.split()) > 1 and ent.text.split()[0].casefold() == word:
                mention = self.span_mention(ent)
                if mention is not None:
                    return replace(mention, text=span.text, start=span.start_char, end=span.end_char, via="short name")
        return None

    def _last_person_of(self, country: str, before: int) -> Mention | None:
        """The person of ``country`` (by the gazetteer) named last before a character offset."""
        for span in reversed(self.persons):
            if span.end_char > before:
                continue
            mention = self.span_mention(span)
            entry = self.gaz.get(mention.key) if mention is not None and mention.key else None
            if entry is not None and entry.country == country:
                return mention
        return None

    def known_person(self, name: str) -> Mention | None:
        """The person of this document whose longer name ``name`` shortens ("Ruto", "De Moraes")."""
        for span in self.persons:
            if shortens(name, span.text):
                return self.span_mention(span)
        return None

    def mentions_inside(self, token: Token) -> list[Mention]:
        """Mentions of a token, else of the nominals right under it ("de la part des États-Unis")."""
        found = self.mentions(token)
        if found:
            return found
        for child in token.children:
            if child.dep_.startswith(("nmod", "pobj", "prep", "appos")):
                inner = next((c for c in child.children if c.dep_ == "pobj"), child) if child.dep_ == "prep" else child
                found = self.mentions(inner)
                if found:
                    return found
        return []

    def demonym_of(self, token: Token) -> str | None:
        """Country or organisation key of a demonym adjective ("russe", "South Korean")."""
        if token.i in self.by_token and not self.by_token[token.i].ent_id_ and self.by_token[token.i].label_ != "NORP" and token.pos_ != "ADJ":
            return None
        doc = token.doc
        # (a two-word demonym read whole from either word: "South Sudanese", not "Sudanese")
        key = self.gaz.demonym(f"{doc[token.i - 1].text} {token.text}", self.lang) if token.i > 0 else None
        key = key or self.gaz.demonym(token.text, self.lang)
        if key is None and token.i + 1 < len(doc):
            key = self.gaz.demonym(f"{token.text} {doc[token.i + 1].text}", self.lang)
        return key

    def _possessive_owner(self, token: Token, depth: int, people_only: bool = False) -> Mention | None:
        """Whose noun a possessive says it is: the country of the person it takes up ("his
        government", "son régime"), or, unless ``people_only``, the country or body itself
        ("Russia said its troops ...", "ses soldats")."""
        for child in token.children:
            if not self._possessive(child):
                continue
            found = self.single(child, "actor", depth + 1)
            if len(found) != 1:
                return None
            owner = self.as_actor(found[0])
            if owner.label == _PERSON:
                country = self.country_of(owner)
                return self._key_mention(child, country, "role") if country else None
            if not people_only and (owner.label == "Country" or owner.label == "ArmedGroup" or owner.label.endswith("Organization")):
                return owner
            return None
        return None

    def country_of(self, person: Mention) -> str | None:
        """A person's country: from the gazetteer, else from a role phrase read earlier."""
        entry = self.gaz.get(person.key) if person.key else None
        if entry is not None and entry.country:
            return entry.country
        for (role, owner), named in self.roles.items():
            if (named.key == person.key) if person.key else (named.text == person.text):
                return owner if owner.startswith("country/") else None
        return None

    def _coordinated_demonyms(self, token: Token, owner: Mention) -> list[Mention]:
        """The other owners of a group noun with coordinated demonyms: "Indian and Chinese
        troops", "les forces indiennes et chinoises"."""
        found: list[Mention] = []
        others = [other for child in token.children if child.dep_ in ("amod", "nmod", "compound") and child.idx == owner.start for other in child.conjuncts]
        # (or the second one taken for a noun coordinated with the group noun: "les forces
        # soudanaises et tchadiennes" with "tchadiennes" as a conjunct of "forces")
        others += [c for c in token.conjuncts if c.i > token.i and c.is_lower and not any(d.dep_ == "det" for d in c.children)]
        for other in others:
            mention = self.demonym_mention(other)
            if mention is not None and mention.key != owner.key and mention not in found:
                found.append(mention)
        return found

    def _owner(self, token: Token, follow: bool = True) -> Mention | None:
        """The actor a role or group noun belongs to: its demonym, "de X", "X's", or an adjacent demonym.

        With ``follow``, an owner given by a description ("the junta's leader") is looked up
        in the text before; the lookup itself does not follow descriptions again.
        """
        for child in token.children:
            if child.dep_.startswith("nmod") and self._preposition_of(child) not in (None, "de", "of"):
                continue  # (where an envoy is posted is not whose he is: "son ambassadeur au Mali")
            if child.dep_ in ("amod", "compound", "nmod", "poss", "nmod:poss", "det", "flat:name", "obl:mod") or child.dep_.startswith("nmod"):
                key = self.demonym_of(child)
                if key:
                    return self._key_mention(child, key, "demonym")
                if child.i in self.by_token and child.dep_ in ("nmod", "compound", "poss", "nmod:poss"):
                    mention = self.span_mention(self.by_token[child.i])
                    if mention is not None and mention.label != _PERSON:
                        return self.as_actor(mention)
                    if mention is not None and self._ruling(token):
                        # "the Trump administration", "le gouvernement de Nicolás Maduro": the leader's state
                        country = self.country_of(mention)
                        if country:
                            return self._key_mention(child, country, "role")
        for child in token.children if follow else ():
            # a described owner: "the junta's leader", "le chef du groupe"
            if child.dep_ in ("poss", "nmod:poss", "nmod") and child.i not in self.by_token and child.pos_ == "NOUN" and child.i < token.i + 4 and self.role_relation(child) is None:
                found = None
                if self.lex.has("anaphoric_group_nouns", child.lemma_) or self.lex.has("anaphoric_group_nouns", child.lower_):
                    found = self.last_owned_group(child)
                elif self.lex.has("anaphoric_organisation_nouns", child.lemma_) or self.lex.has("adhoc_armed_nouns", child.lower_):
                    found = self.last_named_group(child, armed_only=self.lex.has("adhoc_armed_nouns", child.lower_))
                if found is not None and self._definite(child):
                    return self.as_actor(found)
        return self._adjacent_owner(token)

    def owner_of(self, token: Token, exclude: Token | None = None) -> Mention | None:
        """The country a place or category noun is said to belong to: "Chinese city", "Russia's
        Far East", "Extrême-Orient russe", "region of Sudan", "sud du Liban"."""
        for child in token.children:
            if child == exclude:
                continue
            inner = child
            if child.dep_ == "prep" and child.lower_ in ("of", "de"):
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is None or inner == exclude:
                    continue
            if child.dep_ in ("amod", "compound", "poss", "nmod:poss", "nmod", "prep"):
                key = self.demonym_of(inner) if child.dep_ in ("amod", "compound") else None
                if key:
                    return self._key_mention(inner, key, "demonym")
                if inner.i in self.by_token and (child.dep_ != "nmod" or self._preposition_of(inner) in ("de", "of")):
                    mention = self.span_mention(self.by_token[inner.i])
                    if mention is not None and mention.label == "Country":
                        return mention
        return None

    def _adjacent_owner(self, token: Token) -> Mention | None:
        """A demonym or country name right beside a role noun ("le dirigeant iranien", "Russian President")."""
        doc = token.doc
        window = [doc[j] for j in range(token.i + 1, min(token.i + 5, len(doc)))]
        before = [doc[j] for j in range(token.i - 1, max(token.i - 4, -1), -1)]
        for side in (window, before):
            for neighbour in side:
                if neighbour.is_punct or neighbour.i in self.by_token and self.entity_class(self.by_token[neighbour.i]) == _PERSON:
                    break
                key = self.demonym_of(neighbour)
                if key:
                    return self._key_mention(neighbour, key, "demonym")
                if neighbour.i in self.by_token and side is before:
                    mention = self.as_actor(self.span_mention(self.by_token[neighbour.i]) or Mention("", 0, 0, "Thing"))
                    if mention.label == "Country":
                        return mention
                    if mention.label.endswith("Organization") and neighbour.i == self._title_start(token) - 1:
                        return mention  # "NATO Secretary General", "U.N. Secretary-General"
                if neighbour.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON"):
                    break
        return None

    def _title_start(self, token: Token) -> int:
        """Where a role noun's title begins: one word earlier for a two-word title ("Director General")."""
        if token.i > 0:
            title = f"{token.doc[token.i - 1].lower_} {token.lower_}"
            if self.lex.has("leader_nouns", title) or self.lex.has("representative_nouns", title):
                return token.i - 1
        return token.i

    def demonym_mention(self, token: Token) -> Mention | None:
        key = self.demonym_of(token)
        return self._key_mention(token, key, "demonym") if key else None

    def _key_mention(self, token: Token, key: str, via: str) -> Mention:
        entry = self.gaz.get(key)
        return Mention(token.text, token.idx, token.idx + len(token.text), entry.type if entry else "Country", key, via=via)

    def _key_mention_at(self, mention: Mention, key: str) -> Mention:
        """Another entity read off the same words."""
        entry = self.gaz.get(key)
        return replace(mention, key=key, label=entry.type if entry else "Country", via="demonym")

    def as_actor(self, mention: Mention) -> Mention:
        """A place that stands for an actor (Moscou, le Kremlin) becomes that actor, and so does
        a state's armed force or police named as such ("l'armée israélienne", "Sudanese army")."""
        if mention.key:
            entry = self.gaz.get(mention.key)
            if entry is not None and entry.stands_for:
                target = self.gaz.get(entry.stands_for)
                return replace(mention, key=entry.stands_for, label=target.type if target else "Country", via="metonymy")
        return self.state_force(mention)

    def place_country(self, mention: Mention) -> Mention | None:
        """The country a known town, region or site lies in, on the same words."""
        entry = self.gaz.get(mention.key) if mention.key else None
        if entry is None or not entry.country or entry.country == mention.key:
            return None
        return replace(self._key_mention_at(mention, entry.country), via="place")

    def state_force(self, mention: Mention) -> Mention:
        """A state's armed force or police named as such stands for the state."""
        entry = self.gaz.get(mention.key) if mention.key else None
        if entry is None and mention.label != _PERSON and self._names_state_force(mention.text):
            words = mention.text.replace("’", "'").split()
            for word in reversed(words[1:]):
                country = self.gaz.demonym(word, self.lang)
                target = self.gaz.get(country) if country else None
                if target is not None and target.type == "Country":
                    return replace(mention, key=country, label="Country", via="metonymy")
        if entry is not None and entry.country and entry.type != "Country" and self._names_state_force(mention.text):
            target = self.gaz.get(entry.country)
            if target is not None and target.type == "Country":
                return replace(mention, key=entry.country, label="Country", via="metonymy")
        return mention

    def _names_state_force(self, name: str) -> bool:
        words = name.lower().replace("’", "'").split()
        forces = self.lex.words.get("state_force_nouns", frozenset())
        return any(" ".join(words[:n]) in forces or " ".join(words[-n:]) in forces for n in (1, 2, 3) if n <= len(words))

    def _name_beside(self, token: Token) -> Span | None:
        """A person's name in apposition to a role noun, after it or right before it."""
        doc = token.doc
        for child in token.children:
            if child.dep_ in ("appos", "flat:name", "nmod", "amod", "compound", "obj") and child.i in self.by_token:
                span = self.by_token[child.i]
                if self.entity_class(span) == _PERSON and not any(c.dep_ == "case" for c in child.children):
                    return span  # (a name with a preposition is a complement: "le dirigeant du Somaliland")
        skip_to = 0  # past an acronym in parentheses: "le procureur de la Cour pénale internationale (CPI), X"
        for j in range(token.i + 1, min(token.i + 10, len(doc))):
            if j < skip_to:
                continue
            if j - token.i > (9 if skip_to else 6):
                break
            if doc[j].text == "(" and j + 3 < len(doc) and doc[j + 2].text == ")" and doc[j + 3].text == ",":
                skip_to = j + 3
                continue
            complement = doc[j - 1].lower_ in ("de", "du", "des", "d'", "d’", "of")  # "le dirigeant du Somaliland"
            named = self._name_run(self.by_token[j]) if j in self.by_token else None
            if named is not None and not complement and (self.entity_class(named) == _PERSON or self._unknown_name(named)):
                # (a demonym may be tagged a verb: "le président russe")
                if all((doc[k].pos_ in ("ADJ", "PROPN", "NOUN", "ADP", "DET") or self.demonym_of(doc[k])) and not doc[k].is_punct for k in range(token.i + 1, j)):
                    return named
                break
            if j in self.by_token and doc[j - 1].pos_ not in ("ADP", "DET"):
                break  # another name, not a complement of the role ("ambassadeur à l'ONU")
            if doc[j].text == "," and j + 1 < len(doc):
                # an apposition after the role phrase: "le chef du Hezbollah, X, ..."
                k = j + 1
                while k < len(doc) and k not in self.by_token and doc[k].pos_ == "PROPN" and k < j + 3:
                    k += 1
                span = self.by_token.get(k)
                if span is not None and self.entity_class(span) == _PERSON and (span.end >= len(doc) or doc[span.end].is_punct):
                    return span
            if doc[j].is_punct:
                break
        if token.dep_ == "appos" and token.head.i in self.by_token:
            span = self.by_token[token.head.i]
            if self.entity_class(span) == _PERSON:
                return span
        return None

    def _name_run(self, span: Span) -> Span:
        """A one-word name with the capitalised words the recognizer left after it ("Petteri"
        tagged alone, "Orpo" left out), as one span; else the span itself."""
        doc, end = span.doc, span.end
        if len(span) != 1 or span.ent_id_:
            return span
        while end < len(doc) and end < span.end + 2 and doc[end].text.istitle() and doc[end].pos_ == "PROPN" and not (end in self.by_token and self.by_token[end].ent_id_):
            end += 1
        return span if end == span.end else Span(doc, span.start, end, label=span.label_)

    def _unknown_name(self, span: Span) -> bool:
        """Two or more capitalised words the recognizer gave another class, unknown to the
        gazetteer: after a role noun that is a person's name ("le ministre ... Pål Jonson")."""
        words = span.text.split()
        return (
            not span.ent_id_
            and span.label_ in ("LOC", "GPE", "MISC", "ORG", "PER", "PERSON", "NORP")
            and 2 <= len(words) <= 4
            and all(w[:1].isupper() and w[1:].islower() for w in words)
            and self.gaz.lookup(span.text, self.lang) is None
            and not any(self.gaz.lookup(w, self.lang) for w in words)
        )

    def role_relation(self, token: Token) -> str | None:
        """leaderOf or representativeOf for a role noun; a two-word title ("Premier ministre",
        "Vice President", "Secretary General") is read before its last word."""
        forms = [token.lemma_.lower(), token.lower_]
        role_words = self.lex.role_words
        if forms[0] not in role_words and forms[1].replace("’", "'") not in role_words:
            return None
        if token.i + 1 < len(token.doc):
            title = f"{token.lower_} {token.doc[token.i + 1].lower_}"
            if self.lex.has("leader_nouns", title) or self.lex.has("representative_nouns", title):
                if token.doc[token.i + 1].head.i != token.i:
                    return None  # the first word of a two-word title headed by its second ("Secretary General")
                forms = [title] + forms  # a title headed by its first word ("directeur général")
        if token.i > 0:
            prev = token.doc[token.i - 1]
            if not prev.is_punct:
                # the word right before, also when it ends a merged name ("Iranian army" + "chief")
                last = prev.lower_.split()[-1] if prev.lower_.split() else prev.lower_
                forms = [f"{last} {token.lower_}", f"{prev.lower_} {token.lower_}", f"{prev.lemma_.lower()} {token.lemma_.lower()}"] + forms
        if self.lex.has("counterpart_nouns", token.lower_) or self.lex.has("counterpart_nouns", token.lemma_.lower()):
            # "le président X et son homologue Y": a counterpart holds the office named before
            for j in range(token.i - 1, token.sent.start - 1, -1):
                other = token.doc[j]
                if other.pos_ in ("NOUN", "PROPN") and not self.lex.has("counterpart_nouns", other.lower_) and self.role_relation(other):
                    return self.role_phrase(other)[2]  # (as read with its owner: "le chef de la diplomatie")
        if self._preposition_of(token) in ("de", "of"):
            # "le gouvernement du général X", "the junta of Colonel X": who heads it
            ruled = token.head.head if token.dep_ == "pobj" else token.head
            if self._ruling(ruled) and ruled.i < token.i:
                return "leaderOf"
        for form in forms:
            if self.lex.has("leader_nouns", form):
                return "leaderOf"
            if self.lex.has("representative_nouns", form):
                return "representativeOf"
        return None

    def role_phrase(self, token: Token) -> tuple[Mention | None, Mention | None, str | None]:
        """For a role noun: (person, owner, relation) such as (Macron, France, "leaderOf")."""
        lemma = token.lemma_.lower()
        relation = self.role_relation(token)
        if relation is None:
            return None, None, None
        owner = self._owner(token)
        if relation == "leaderOf" and owner is not None and owner.label == "GovernmentBody" and owner.key:
            # the head of a ministry or of the armed forces speaks for the country: "le chef de
            # la diplomatie iranienne", "the head of the Pakistani army"
            entry = self.gaz.get(owner.key)
            if entry is not None and entry.country and not entry.stands_for:
                country = self.gaz.get(entry.country)
                relation = "representativeOf"
                owner = replace(owner, key=entry.country, label=country.type if country else "Country")
        span = self._name_beside(token)
        person = self.span_mention(span) if span is not None else None
        if person is not None and span is not None and person.label != _PERSON and self._unknown_name(span):
            if len(span) >= 3 and span.start > 0 and span.doc[span.start - 1].lower_ in ("la", "le", "l'", "de", "du", "of", "the"):
                span = span[1:]  # the portfolio ran into the name: "ministre de la Défense Pål Jonson"
            person = Mention(span.text, span.start_char, span.end_char, _PERSON, None, via="name")
        if person is None and owner is not None and owner.key:
            remembered = self.roles.get((relation + ":" + lemma, owner.key))
            if remembered is not None:
                person = replace(remembered, text=token.text, start=token.idx, end=token.idx + len(token.text), via="role")
            elif relation == "leaderOf" and self._definite(token):
                # "Ali Khamenei ... le dirigeant iranien": the leader last named by name
                named = self._last_person_of(owner.key, token.idx)
                if named is not None:
                    person = replace(named, text=token.text, start=token.idx, end=token.idx + len(token.text), via="coreference")
        if person is not None and owner is not None and owner.key and person.via != "role":
            self.roles[(relation + ":" + lemma, owner.key)] = person
        return person, owner, relation

    def mentions(self, token: Token, slot: str = "actor", depth: int = 0) -> list[Mention]:
        """Everything a token refers to, coordination included ("X et Y" gives two).

        Results are kept per token, so a long coordination is read once, not once per member.
        """
        key = (token.i, slot, depth)
        if key not in self._mention_cache:
            found: dict[Mention, None] = {}
            # (a coordination hung on a name in apposition: "le président X et son homologue Y")
            named = [c for child in token.children if child.dep_ in ("appos", "flat:name") for c in child.conjuncts if c.pos_ in ("NOUN", "PROPN")]
            for item in [token, *(c for c in token.conjuncts if opens_clause(c) is None), *named]:
                found.update(dict.fromkeys(self.single(item, slot, depth)))
            self._mention_cache[key] = list(found)
        return list(self._mention_cache[key])

    def single(self, token: Token, slot: str, depth: int = 0) -> list[Mention]:
        if token.i in self.dateline:
            # the parser may make the dateline the subject and the real one its apposition
            return next((self.single(c, slot, depth) for c in token.children if c.dep_ == "appos" and c.i not in self.dateline), [])
        if token.i in self.by_token:
            mention = self.span_mention(self.by_token[token.i])
            return [self.state_force(mention)] if mention is not None else []
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.i in self.groups:
            return [self.groups[token.i]]
        if token.pos_ == "PROPN" and token.text.istitle() and " " not in token.text:
            # a surname the recognizer missed, of a person named in full before ("Dodik, who ...")
            known = self.known_person(token.text)
            if known is not None and known.start < token.idx:
                return [replace(known, via="short name")]
        # (an amount the tagger calls a numeral holds what it counts: "C$30 billion of U.S. goods")
        amount = token.pos_ == "NUM" and self.lex.has_token("container_nouns", token)
        if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "X") or amount:
            person, owner, relation = self.role_phrase(token)
            if person is not None:
                return [person]
            if relation is not None and owner is not None:
                return [replace(owner, text=token.text, start=token.idx, end=token.idx + len(token.text), via="role")]
            if self.lex.has("organisation_head_nouns", lemma) or self.lex.has("organisation_head_nouns", lower):
                # (a name in apposition before a modifier: "the U.N. refugee agency UNHCR")
                for child in sorted(token.children, key=lambda c: c.dep_ not in ("appos", "flat:name")):
                    # (or the name right after it and its adjectives: "la coentreprise indo-russe X")
                    next_name = child.i > token.i and all(t.dep_ == "amod" for t in self.doc[token.i + 1 : child.i])
                    if child.i in self.by_token and (child.dep_ in ("appos", "flat:name", "compound", "nmod", "amod") or next_name):
                        named = self.span_mention(self.by_token[child.i])
                        if named is not None and (named.label.endswith("Organization") or named.label in ("ArmedGroup", "GovernmentBody")):
                            return [named]
            armed = self.lex.has("adhoc_armed_nouns", lemma) or self.lex.has("adhoc_armed_nouns", lower)
            if (armed or self.lex.has("anaphoric_organisation_nouns", lemma) or self.lex.has("anaphoric_organisation_nouns", lower)) and self._definite(token):
                named = self.last_named_group(token, armed_only=armed)
                if named is not None:
                    return [named]
            count = next((_NUMBER_WORDS.get(c.lower_) for c in token.children if c.lower_ in _NUMBER_WORDS), None)
            if count:
                for words, cls in (("plural_country_nouns", "Country"), ("plural_person_nouns", _PERSON), ("plural_actor_nouns", None)):
                    if self.lex.has(words, lemma) or self.lex.has(words, lower):
                        return self.recent(cls, count, before=token.idx, besides=self._clause_subjects(token, depth))
            # (not a word of a name: "the Hostages and Missing Families Forum")
            if (self.lex.has("adhoc_group_nouns", lemma) or armed or self.lex.has("adhoc_group_nouns", lower)) and not _capitalised_inside(token):
                named = self._adhoc_group(token)
                if named is not None:
                    return [named]
            if self.lex.has("group_nouns", lemma) or self.lex.has("group_nouns", lower):
                owner = self._owner(token)
                if owner is None and (depth < 2 or self._ruling(token)):
                    owner = self._possessive_owner(token, depth, people_only=depth >= 2)
                if owner is not None:
                    owners = [owner, *self._coordinated_demonyms(token, owner)]
                    return [replace(m, text=token.text, start=token.idx, end=token.idx + len(token.text), via="group") for m in owners]
                # a bare argument: "police shot dead ..."
                bare = token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj") and not any(c.dep_ in ("det", "nummod", "amod", "compound") for c in token.children)
                # (or the first word of a definite compound: "the police crackdown")
                bare = bare or token.dep_ == "compound" and not list(token.children) and self._definite(token.head)
                if (self._definite(token) or bare) and (self.lex.has("anaphoric_group_nouns", lemma) or self.lex.has("anaphoric_group_nouns", lower)):
                    owner = self.last_owned_group(token)
                    if owner is not None:
                        return [replace(owner, text=token.text, start=token.idx, end=token.idx + len(token.text), via="coreference")]
            if (self.lex.has("neighbour_nouns", lemma) or self.lex.has("neighbour_nouns", lower)) and any(self._possessive(c) for c in token.children):
                # "La RDC accuse son voisin", "accused its neighbour": the country last named besides the subject
                besides = self._clause_subjects(token, depth)
                if besides:
                    return self.recent("Country", 1, before=token.idx, besides=besides)
            if (self.lex.has("anaphoric_country_nouns", lemma) or self.lex.has("anaphoric_country_nouns", lower)) and self._definite(token) and not any(c.dep_ in ("amod", "nmod", "prep", "compound") for c in token.children):
                # "le pays", "the country": the country last named
                return self.recent("Country", 1, before=token.idx)
            if (self.lex.has("border_nouns", lemma) or self.lex.has("border_nouns", lower)) and depth < 3:
                # "its border with Belarus", "the Somali border", "la frontière avec le Liban": the neighbour
                neighbour = self._across_border(token, slot, depth)
                if neighbour:
                    return neighbour
            if (self.lex.has("place_category_nouns", lemma) or self.lex.has("place_category_nouns", lower)) and depth < 3:
                # "the city of Kherson", "la ville de Goma": the place named
                for inner in self._named_complements(token):
                    named = self.span_mention(self.by_token[inner.i])
                    if inner.i == token.i + 2 and named is not None and self.entity_class(self.by_token[inner.i]) not in (_PERSON, "Weapon", "Resource"):
                        return [named]
            if self.lex.has("region_nouns", lemma) and depth < 3:
                # "Azerbaijan's Karabakh region", "Russia's Kursk region": the region named
                for child in token.children:
                    if child.dep_ in ("compound", "flat:name", "appos", "nmod") and child.i in self.by_token and child.i < token.i:
                        named = self.span_mention(self.by_token[child.i])
                        if named is not None:
                            return [named]
                # "le nord d'Israël", "the north of Syria": part of a country stands for it
                for inner in self._named_complements(token):
                    named = self.span_mention(self.by_token[inner.i])
                    if named is not None and named.label == "Country":
                        return [named]
            if self.lex.has("container_nouns", lemma) or self.lex.has("container_nouns", lower):
                for child in token.children:
                    if child.dep_ in ("compound", "poss", "nmod:poss", "amod") and depth < 3:
                        owned = self.mentions(child, slot, depth + 1)
                        if owned:
                            return owned
                for child in token.children:
                    if child.dep_.startswith(("nmod", "pobj", "prep")) and depth < 3:
                        inner = child if child.dep_ != "prep" else next(iter(c for c in child.children if c.dep_ == "pobj"), None)
                        if inner is not None:
                            # (or the nationality the parser hung on the noun after it: "un
                            # navire de ravitaillement philippin")
                            return self.mentions(inner, slot, depth + 1) or [m for c in inner.children if c.dep_ == "amod" for m in [self.demonym_mention(c)] if m is not None][:1]
            after_noun = token.i > 0 and token.doc[token.i - 1].pos_ in ("NOUN", "ADJ") and token.is_lower
            if token.pos_ == "ADJ" or token.text[:1].isupper() or token.pos_ == "VERB" and token.dep_ in ("amod", "conj", "acl") or token.pos_ == "NOUN" and after_noun:
                # (a demonym after a noun is sometimes tagged a participle or a noun: "les armées
                # X et cambodgienne", "le gouvernement intérimaire bangladais")
                mention = self.demonym_mention(token)
                if mention is not None:
                    return [mention]
        if self.lex.has("time_nouns", lower) and depth < 2:
            for child in token.children:
                if child.i in self.by_token:
                    return self.mentions(child, slot, depth + 1)
        if self.lex.has("resolution_nouns", lemma) or self.lex.has("resolution_nouns", lower):
            return [self.resolution(token)]
        if self.lex.has("demonstratives", lower):
            return self.event_participants(token)
        clitic = token.pos_ in ("DET", "PRON") and token.dep_ in ("obj", "iobj") and self.lex.has("object_clitics", lower)
        if token.pos_ == "PRON" or (token.pos_ == "DET" and "Poss=Yes" in str(token.morph)) or token.dep_ == "poss" or clitic:
            following = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if following is not None and self.lex.has("emphatic_followers", following.lower_):
                return []
            if self.lex.has("personal_pronouns", lower) or "Poss=Yes" in str(token.morph) or token.dep_ == "poss" or clitic:
                speakers = self._reporting_subjects(token, depth)
                if speakers:
                    return speakers
                owner = self._possessive_subject(token, depth)
                if owner:
                    return owner
                group = self._group_before(token) if "Number=Plur" in str(token.morph) else None
                if group is not None:
                    return [replace(group, via="coreference")]
                # (an object pronoun is not its own clause's subject: "Rubio accusing him")
                own = self._clause_subjects(token, depth) if token.dep_ in ("obj", "dobj", "iobj", "dative") else frozenset()
                return self.recent(None, 1, before=token.idx, person_only=self.lex.has("person_pronouns", lower), besides=own, no_person=self.lex.has("thing_pronouns", lower))
        if token.pos_ == "NOUN":
            # "le prix Nobel de la paix Muhammad Yunus", "the activist X": a description of the
            # person named in apposition
            for child in token.children:
                if child.dep_ in ("appos", "flat:name") and child.i in self.by_token and self.entity_class(self.by_token[child.i]) == _PERSON:
                    mention = self.span_mention(self.by_token[child.i])
                    return [mention] if mention is not None else []
            # (also when the parser hung the name elsewhere: "au juge Alexandre de Moraes", or
            # the apposition after its comma: "a arrêté un ressortissant allemand, Karl X, accusé de")
            named = self.by_token.get(token.i + 1)
            if named is None or named.start != token.i + 1:
                named = self._apposed_person(token)
            if named is not None and token.is_lower and self.entity_class(named) == _PERSON:
                mention = self.span_mention(named)
                return [mention] if mention is not None else []
            if self.lex.has_token("vessel_nouns", token):
                return self._vessel(token)
        return []

    def _apposed_person(self, noun: Token) -> Span | None:
        """The person named between commas right after a singular common noun and its
        modifiers, whatever the parser made of the name: "un ressortissant allemand, Karl X,"."""
        k = noun.right_edge.i + 1
        if "Plur" in noun.morph.get("Number") or k + 1 >= len(self.doc) or self.doc[k].text != ",":
            return None
        named = self.by_token.get(k + 1)
        if named is None or named.start != k + 1 or named.end >= len(self.doc) or not self.doc[named.end].is_punct:
            return None
        return named

    def _vessel(self, noun: Token) -> list[Mention]:
        """The ship named after the noun that says what it is ("the tanker Sea Star", "le cargo
        Mar Azul 7"), whatever the recognizer took the name for, or missed."""
        doc, k = self.doc, noun.i + 1
        while k < len(doc) and k < noun.i + 5 and (doc[k].text[:1].isupper() or doc[k].like_num and k > noun.i + 1):
            if self.lex.has("time_nouns", doc[k].lower_) or k in self.by_token and self.by_token[k].ent_id_:
                break  # (a day, or a known actor: "the ship Iran seized")
            k += 1
        if k == noun.i + 1:
            return []
        name = doc[noun.i + 1 : k]
        return [Mention(name.text, name.start_char, name.end_char, "Organization", None, via="name")]

    def _across_border(self, token: Token, slot: str, depth: int) -> list[Mention]:
        found = self._neighbour_named(token, slot, depth)
        if found or not self._definite(token) or any(c.dep_ not in ("det", "case") for c in token.children):
            return found
        # "the border" alone: the one a border named earlier is shared with ("closed its border
        # with Laos ... deployed troops along the border")
        words = self.lex.words.get("border_nouns", frozenset())
        for earlier in reversed([t for t in self._tokens_with(self.doc, "LOWER", words) if t.i < token.i]):
            found = self._neighbour_named(earlier, slot, depth)
            if found:
                return found
        return []

    def _neighbour_named(self, token: Token, slot: str, depth: int) -> list[Mention]:
        """Who a border is shared with, as named beside it: "its border with Belarus", "the Somali
        border", also when the parser hung the phrase on the verb ("closed its border with Laos")."""
        on_verb = [c for c in token.head.children if c.i > token.i and c.dep_ in ("prep", "obl", "obl:arg", "obl:mod", "nmod")] if token.dep_ in ("obj", "dobj") else []
        for child in [*token.children, *on_verb]:
            inner = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else child
            wanted = ("with", "avec") if child in on_verb else ("with", "avec", "de", "of")
            if inner is not None and _preposition_word(child, inner) in wanted:
                found = self.single(inner, slot, depth + 1)
                if found:
                    return found
        for child in token.children:
            if child.dep_ in ("amod", "compound"):
                mention = self.demonym_mention(child)
                if mention is not None:
                    return [mention]
        return []

    def _group_before(self, pronoun: Token) -> Mention | None:
        """The nearest unnamed group earlier in a plural pronoun's sentence: "deported 40 men
        after holding them in detention"."""
        earlier = [i for i in self.groups if pronoun.sent.start <= i < pronoun.i]
        return self.groups[max(earlier)] if earlier else None

    def _possessive_subject(self, pronoun: Token, depth: int) -> list[Mention]:
        """A possessive takes up the subject of its clause ("Iran launched drones in
        retaliation for a strike on its embassy"), unless it sits inside that subject or
        beside a noun it is coordinated with ("Hezbollah and its allies")."""
        if not ("Poss=Yes" in str(pronoun.morph) or pronoun.dep_ in ("poss", "nmod:poss")) or depth > 2:
            return []
        owned = pronoun.head
        if owned.dep_ == "conj" or any(c.dep_ == "cc" for c in owned.children):
            return []
        clause = owned
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subject is not None and subject.i == owned.i and clause.dep_ == "ccomp":
            # "X's government said its forces had killed ...": the reporter's subject
            subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subject is None or pronoun.i in {t.i for t in subject.subtree} or subject.i > pronoun.i:
            return []
        found = self.single(subject, "actor", depth + 1)
        person = self.lex.has("person_pronouns", pronoun.lower_)
        if len(found) != 1 or person and found[0].label != _PERSON:
            return []
        return [replace(found[0], via="coreference")]

    def _reporting_subjects(self, pronoun: Token, depth: int) -> list[Mention]:
        """The subject of the verb that reports the pronoun's clause: "Ethiopia said it was
        alarmed", "Japan and Australia said they ...", "la Pologne a prévenu qu'elle ...".

        A plural pronoun takes up the whole coordination, a singular one a single actor of
        the right kind (a person for "he"/"il").
        """
        if not pronoun.dep_.startswith("nsubj") or depth > 2:
            return []
        from .syntax import clause_head, object_relative

        clause = pronoun.head
        if clause.dep_ in ("acl:relcl", "relcl") and object_relative(clause) is not None:
            # "X, qu'ils accusent de ...": the subject of the clause the relative hangs on
            governor = clause.head if clause.head.pos_ in ("VERB", "AUX") else clause_head(clause.head)
        elif clause.dep_ in ("ccomp", "advcl"):
            # (a subject pronoun of an adverbial clause takes up the main clause's subject: "the
            # junta has been fighting the group since it seized power")
            governor = clause.head
        else:
            return []
        subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subject is None or subject.i == pronoun.i:
            return []
        if clause.dep_ == "ccomp" and any(c.dep_ in ("obj", "dobj", "iobj", "dative") for c in governor.children) and object_relative(clause) is None:
            return []  # "told Ukraine it would be invited": the pronoun may take up either (not ", qu'il accuse")
        if "Number=Plur" in str(pronoun.morph):
            # (a coordination, or one actor with a plural name: "les États-Unis ... qu'ils")
            found = self.mentions(subject, depth=depth + 1)
            return found if len(found) > 1 or len(found) == 1 and "Number=Plur" in str(subject.morph) else []
        found = self.single(subject, "actor", depth + 1)
        # ("the court's prosecutor said he ...": a role whose holder is unnamed stands for its body)
        person = found[0].label == _PERSON or found[0].via == "role" if len(found) == 1 else None
        # (a gendered pronoun takes up a person or a thing alike: "la Pologne a prévenu qu'elle")
        if person is None or person != self.lex.has("person_pronouns", pronoun.lower_) and not self.lex.has("gendered_pronouns", pronoun.lower_):
            return []
        return [replace(found[0], via="coreference")]

    @staticmethod
    def _definite(token: Token) -> bool:
        """A definite description ("l'armée", "the junta") or a bare capitalised noun opening a sentence ("Police")."""
        if any(c.dep_ == "det" and ("Definite=Def" in str(c.morph) or c.lower_ == "the") or c.dep_ == "case" and c.lower_ in ("au", "aux", "du") for c in token.children):
            return True
        return token.i == token.sent.start and token.text[:1].isupper()

    def last_owned_group(self, token: Token, window: int = 120) -> Mention | None:
        """The state of the nearest earlier group or role noun that named its owner
        ("Myanmar's military government ... the junta", "le Premier ministre israélien ... l'armée")."""
        doc = token.doc
        ruling = self._ruling(token)
        fallback = None
        for j in range(token.i - 1, max(token.i - window, -1), -1):
            other = doc[j]
            if other.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma, lower = other.lemma_.lower(), other.lower_
            if self.lex.has("group_nouns", lemma) or self.lex.has("group_nouns", lower) or self.role_relation(other):
                owner = self._owner(other, follow=False)
                if owner is not None and owner.label == "Country":
                    # "the junta" takes up a government before a nearer army
                    if self._ruling(other) == ruling:
                        return owner
                    fallback = fallback or owner
        return fallback

    def _ruling(self, token: Token) -> bool:
        return any(self.lex.has("ruling_nouns", word) for word in (token.lemma_.lower(), token.lower_, token.lower_.split()[-1] if token.lower_.split() else ""))

    def last_named_group(self, token: Token, armed_only: bool = False, window: int = 150) -> Mention | None:
        """The nearest earlier named group or organisation a definite description takes up
        ("les rebelles houthis ... les rebelles", "Hezbollah ... le mouvement chiite", "ECOWAS ... the bloc").

        Only a description with nothing naming its own owner qualifies: "the rebels", not
        "the Karen rebels".
        """
        def names_owner(child: Token) -> bool:
            span = self.by_token.get(child.i)
            if span is not None:
                return self.entity_class(span) not in ("Weapon", "Resource")
            return self.demonym_of(child) is not None

        if any(c.dep_ in ("amod", "compound", "nmod", "prep", "flat:name", "appos") and names_owner(c) for c in token.children):
            return None
        spans = [self.by_token[j] for j in range(token.i - 1, max(token.i - window, -1), -1) if j in self.by_token and self.by_token[j].start == j]
        # a name with the description's own word in it comes first: "la Brigade 444 ... la brigade"
        with_word = {span.start for span in spans if token.lower_ in span.text.lower().split()}
        spans.sort(key=lambda span: span.start not in with_word)
        for span in spans:
            mention = self.span_mention(span)
            if mention is None or not mention.key and span.start not in with_word:
                continue
            if mention.label == "ArmedGroup" or not armed_only and mention.label.endswith("Organization"):
                # (a group with no entry keeps its name, which is all that identifies it)
                return replace(mention, text=token.text if mention.key else mention.text, start=token.idx, end=token.idx + len(token.text), via="coreference")
        return None

    def resolution(self, token: Token) -> Mention:
        """A resolution, keyed by the body that adopted it and its number when given."""
        from ..resolve.iri import slugify

        issuer = None
        number = None
        for node in token.subtree:
            if node.like_num and node.text.isdigit() and len(node.text) >= 3:
                number = node.text
            if node != token and node.i in self.by_token and issuer is None:
                mention = self.span_mention(self.by_token[node.i])
                if mention is not None and mention.key and mention.label.endswith("Organization"):
                    issuer = mention.key.rsplit("/", 1)[-1]
        parts = [issuer or "unspecified"] + ([number] if number else [])
        start, end, text = _as_written(token)
        return Mention(text, start, end, "Resolution", "resolution/" + slugify("-".join(parts)), via="resolution")

    def treaty(self, token: Token) -> Mention:
        """A treaty, agreement, truce or embargo, as written and keyed by its words ("1974
        disengagement agreement", "Vienna Convention on Diplomatic Relations")."""
        from ..resolve.iri import slugify

        start, end, text = _as_written(token)
        return Mention(text, start, end, "Resolution", "resolution/" + slugify(text), via="resolution")

    def event_participants(self, token: Token) -> list[Mention]:
        """"cela", "this": the actors of the nearest earlier event noun of the sentence ("une coopération entre X et Y")."""
        sent = token.sent
        for node in reversed([t for t in sent if t.i < token.i]):
            if node.pos_ != "NOUN" or not any(c.lower_ in ("entre", "between") for c in node.subtree):
                continue
            found: list[Mention] = []
            for inner in node.subtree:
                span = self.by_token.get(inner.i)
                if span is not None and span.start == inner.i:
                    mention = self.span_mention(span)
                    if mention is not None and mention not in found:
                        found.append(self.as_actor(mention))
            if len(found) >= 2:
                return found
        return []

    @staticmethod
    def _possessive(token: Token) -> bool:
        """A possessive determiner or pronoun ("son", "its", "their")."""
        return token.dep_ in ("poss", "nmod:poss") and token.pos_ in ("PRON", "DET") or token.dep_ == "det" and "Poss=Yes" in str(token.morph)

    def _named_complements(self, token: Token) -> Iterator[Token]:
        """Named nominals after a noun that "de" / "of" introduces ("la ville de Goma", "the north of Syria")."""
        for child in token.children:
            inner = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else child
            if inner is not None and inner.i > token.i and inner.i in self.by_token and self._preposition_of(inner) in ("de", "of"):
                yield inner

    def _clause_subjects(self, token: Token, depth: int) -> frozenset[str]:
        """Who the clause of an argument is about: its subjects' entities."""
        from .syntax import SyntaxWords, clause_head, subjects

        head = clause_head(token)
        direct = token.head == head or token.dep_ == "pobj" and token.head.head == head
        between = self._preposition_of(token) in ("entre", "between")  # both parties, whoever speaks
        if depth > 1 or head == token or not direct or between or token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            return frozenset()  # (a nominal deeper down may well include them: "la dénonciation par X de l'accord entre les deux pays")
        found = [self.as_actor(m) for s in subjects(head, SyntaxWords()) if s.i != token.i for m in self.mentions(s, "actor", depth + 1)]
        return frozenset(m.key or m.text for m in found)

    def descriptive_region(self, mention: Mention) -> Mention | None:
        """The part of a country named by its direction ("southern Lebanon", "le sud du Liban"),
        as written, for a country mention read off it; None for a country named alone."""
        if mention.label not in ("Country", "Region", "Place"):
            return None
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        root, doc = span.root, self.doc
        before = [c for c in root.children if c.dep_ in ("amod", "compound", "nmod") and c.i < span.start and self.lex.has("direction_words", c.lower_)]
        start = before[0] if before else None
        if start is None and root.head.i < span.start and self.lex.has("direction_words", root.head.lower_) and self._preposition_of(root) == "de":
            start = root.head
        if start is None:
            return None
        return Mention(doc[start.i:span.end].text, start.idx, mention.end, "Place", None, via="region")

    def _role_demonyms(self) -> dict[int, Mention]:
        """Countries named by a demonym beside a role noun or a person ("le président turc",
        "Chinese President Xi Jinping"), by token."""
        if self._demonyms is None:
            self._demonyms = {}
            for token in self.doc:
                head = token.head
                person = head.i in self.by_token and self.entity_class(self.by_token[head.i]) == _PERSON
                if token.pos_ in ("ADJ", "PROPN") and token.dep_ in ("amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN") and (person or self.role_relation(head)):
                    mention = self.demonym_mention(token)
                    if mention is not None and mention.label == "Country":
                        self._demonyms[token.i] = mention
        return self._demonyms

    def recent(self, cls: str | None, count: int, before: int, person_only: bool = False, besides: frozenset[str] = frozenset(), no_person: bool = False) -> list[Mention]:
        """The last ``count`` distinct actors named before a character offset.

        For "the two countries", the last pair of countries written together ("X et Y")
        wins over the two nearest names; a pair with one of ``besides`` (the clause's own
        subjects: "Qatar and Saudi Arabia urged both sides") is someone else.
        """
        if count == 2 and cls != "Place" and not person_only:
            pairs = [
                pair for offset, pair in self.pairs
                if offset < before and (cls is None or all(m.label == cls for m in pair)) and not any((m.key or m.text) in besides for m in pair)
            ]
            if pairs:
                return [replace(m, via="coreference") for m in pairs[-1]]
        found: list[Mention] = []
        seen_keys: set[str] = set()
        # (countries are also named by the demonyms of role phrases: "le président turc ... le
        # Premier ministre irakien. Les deux pays")
        demonyms = self._role_demonyms() if cls == "Country" else {}
        for i in sorted(set(self.by_token) | set(self.groups) | set(demonyms), reverse=True):
            mention = demonyms.get(i) or self.groups.get(i)
            if mention is not None:
                if mention.end > before:
                    continue
            else:
                span = self.by_token[i]
                if span.end_char > before or i != span.start:
                    continue
                mention = self.span_mention(span)
            if mention is None:
                continue
            mention = self.as_actor(mention) if cls != "Place" else mention
            if person_only and mention.label != _PERSON or no_person and mention.label == _PERSON:
                continue
            if cls and mention.label != cls:
                continue
            if not cls and mention.label not in ("Country", _PERSON, "Organization") and not mention.label.endswith("Organization") and mention.label not in ("ArmedGroup", "GovernmentBody"):
                continue
            ident = mention.key or mention.text
            if ident in seen_keys or ident in besides:
                continue
            seen_keys.add(ident)
            found.append(replace(mention, via="coreference"))
            if len(found) == count:
                break
        if besides and 2 <= len(found) < count:
            return found  # as many as there are besides the subject ("China accused the three countries")
        return found if len(found) == count else []
