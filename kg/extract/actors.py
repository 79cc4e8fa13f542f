"""Find what a token stands for: a named entity, a role phrase, a group, a pronoun.

The finder walks one document in reading order and keeps a short discourse memory, so
"il", "les deux pays", "son homologue russe" or "le leader nord-coréen" resolve to the
actors mentioned before them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from ..nlp.gazetteer import Gazetteer
from .lexicon import Lexicon

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


def _trimmed(span: Span) -> Span | None:
    """A statistical entity without the clitics, punctuation and lowercase words at its edges."""
    start, end = span.start, span.end
    doc = span.doc

    def loose(token: Token) -> bool:
        return token.is_punct or token.is_space or token.is_lower or token.text.endswith(("'", "’"))

    while start < end and loose(doc[start]):
        start += 1
    while end > start and loose(doc[end - 1]):
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


class ActorFinder:
    """Map tokens of one parsed document to mentions of entities."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lex: Lexicon, excluded: tuple[tuple[int, int], ...] = ()):
        self.doc = doc
        self.gaz = gazetteer
        self.lex = lex
        self.lang = lex.lang
        self.by_token: dict[int, Span] = {}
        for ent in doc.ents:
            if any(ent.start_char < end and start < ent.end_char for start, end in excluded):
                continue
            if not ent.ent_id_:
                ent = _trimmed(ent)
                if ent is None:
                    continue
            if ent.label_ in NER_CLASSES or ent.ent_id_:
                for i in range(ent.start, ent.end):
                    self.by_token[i] = ent
        self.roles: dict[tuple[str, str], Mention] = {}
        self.persons = sorted(
            {span for span in self.by_token.values() if self.entity_class(span) == _PERSON and len(span.text.split()) > 1},
            key=lambda span: span.start,
        )
        self.pairs: list[tuple[int, tuple[Mention, Mention]]] = []
        for i, span in self.by_token.items():
            if i != span.start:
                continue
            head = doc[i]
            for other in head.conjuncts:
                if other.i > head.i and other.i in self.by_token:
                    first, second = self.span_mention(span), self.span_mention(self.by_token[other.i])
                    if first and second:
                        first, second = self.as_actor(first), self.as_actor(second)
                        if first.label == second.label == "Country" and first.key != second.key:
                            self.pairs.append((span.start_char, (first, second)))
        self.pairs.sort(key=lambda item: item[0])

    def entity_class(self, span: Span) -> str:
        if span.ent_id_:
            return span.label_
        return NER_CLASSES.get(span.label_, "Thing")

    def span_mention(self, span: Span, via: str = "name") -> Mention | None:
        """The mention for a named-entity span, checked against the gazetteer."""
        key = span.ent_id_ or None
        cls = self.entity_class(span)
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
        if cls == _PERSON and key is None and len(span.text.split()) == 1 and span.text.istitle():
            known = self.known_person(span.text)
            if known is not None:
                return replace(known, text=span.text, start=span.start_char, end=span.end_char, via="short name")
        return Mention(span.text, span.start_char, span.end_char, cls, key, via=via)

    def known_person(self, name: str) -> Mention | None:
        """The person of this document whose longer name contains ``name`` as a word ("Kim")."""
        for span in self.persons:
            if name != span.text and name in span.text.replace("-", " ").split() + span.text.split():
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
        """Country or organisation key of a demonym adjective ("russe", "North Korean")."""
        if token.i in self.by_token and not self.by_token[token.i].ent_id_ and self.by_token[token.i].label_ != "NORP":
            return None
        key = self.gaz.demonym(token.text, self.lang)
        if key is None and token.i + 1 < len(token.doc):
            key = self.gaz.demonym(f"{token.text} {token.doc[token.i + 1].text}", self.lang)
        return key

    def _owner(self, token: Token) -> Mention | None:
        """The actor a role or group noun belongs to: its demonym, "de X", "X's", or an adjacent demonym."""
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss", "nmod:poss", "det", "flat:name", "obl:mod") or child.dep_.startswith("nmod"):
                key = self.demonym_of(child)
                if key:
                    return self._key_mention(child, key, "demonym")
                if child.i in self.by_token and child.dep_ in ("nmod", "compound", "poss", "nmod:poss"):
                    mention = self.span_mention(self.by_token[child.i])
                    if mention is not None and mention.label != _PERSON:
                        return self.as_actor(mention)
        return self._adjacent_owner(token)

    def _adjacent_owner(self, token: Token) -> Mention | None:
        """A demonym or country name right beside a role noun ("le leader nord-coréen", "Russian President")."""
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
                if neighbour.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON"):
                    break
        return None

    def demonym_mention(self, token: Token) -> Mention | None:
        key = self.demonym_of(token)
        return self._key_mention(token, key, "demonym") if key else None

    def _key_mention(self, token: Token, key: str, via: str) -> Mention:
        entry = self.gaz.get(key)
        return Mention(token.text, token.idx, token.idx + len(token.text), entry.type if entry else "Country", key, via=via)

    def as_actor(self, mention: Mention) -> Mention:
        """A place that stands for an actor (Moscou, le Kremlin) becomes that actor, and so does
        a state's armed force or police named as such ("l'armée israélienne", "Sudanese army")."""
        if mention.key:
            entry = self.gaz.get(mention.key)
            if entry is not None and entry.stands_for:
                target = self.gaz.get(entry.stands_for)
                return replace(mention, key=entry.stands_for, label=target.type if target else "Country", via="metonymy")
        return self.state_force(mention)

    def state_force(self, mention: Mention) -> Mention:
        """A state's armed force or police named as such stands for the state."""
        entry = self.gaz.get(mention.key) if mention.key else None
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
                if self.entity_class(span) == _PERSON:
                    return span
        for j in range(token.i + 1, min(token.i + 4, len(doc))):
            if j in self.by_token and self.entity_class(self.by_token[j]) == _PERSON:
                if all(doc[k].pos_ in ("ADJ", "PROPN", "NOUN", "ADP", "DET") and not doc[k].is_punct for k in range(token.i + 1, j)):
                    return self.by_token[j]
                break
            if doc[j].is_punct:
                break
        if token.dep_ == "appos" and token.head.i in self.by_token:
            span = self.by_token[token.head.i]
            if self.entity_class(span) == _PERSON:
                return span
        return None

    def role_relation(self, token: Token) -> str | None:
        """leaderOf or representativeOf for a role noun; a two-word title ("Premier ministre",
        "Vice President", "Secretary General") is read before its last word."""
        forms = [token.lemma_.lower(), token.lower_]
        if token.i > 0:
            prev = token.doc[token.i - 1]
            if not prev.is_punct:
                forms = [f"{prev.lower_} {token.lower_}", f"{prev.lemma_.lower()} {token.lemma_.lower()}"] + forms
        for form in forms:
            if self.lex.has("leader_nouns", form):
                return "leaderOf"
            if self.lex.has("representative_nouns", form):
                return "representativeOf"
        return None

    def role_phrase(self, token: Token) -> tuple[Mention | None, Mention | None, str | None]:
        """For a role noun: (person, owner, relation) such as (Poutine, Russie, "leaderOf")."""
        lemma = token.lemma_.lower()
        relation = self.role_relation(token)
        if relation is None:
            return None, None, None
        owner = self._owner(token)
        span = self._name_beside(token)
        person = self.span_mention(span) if span is not None else None
        if person is None and owner is not None and owner.key:
            remembered = self.roles.get((relation + ":" + lemma, owner.key))
            if remembered is not None:
                person = replace(remembered, text=token.text, start=token.idx, end=token.idx + len(token.text), via="role")
        if person is not None and owner is not None and owner.key and person.via != "role":
            self.roles[(relation + ":" + lemma, owner.key)] = person
        return person, owner, relation

    def mentions(self, token: Token, slot: str = "actor", depth: int = 0) -> list[Mention]:
        """Everything a token refers to, coordination included ("X et Y" gives two)."""
        found: list[Mention] = []
        for item in [token, *token.conjuncts]:
            mention = self.single(item, slot, depth)
            for m in mention:
                if m not in found:
                    found.append(m)
        return found

    def single(self, token: Token, slot: str, depth: int = 0) -> list[Mention]:
        if token.i in self.by_token:
            mention = self.span_mention(self.by_token[token.i])
            return [self.state_force(mention)] if mention is not None else []
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "X"):
            person, owner, relation = self.role_phrase(token)
            if person is not None:
                return [person]
            if relation is not None and owner is not None:
                return [replace(owner, text=token.text, start=token.idx, end=token.idx + len(token.text), via="role")]
            if self.lex.has("group_nouns", lemma) or self.lex.has("group_nouns", lower):
                owner = self._owner(token)
                if owner is not None:
                    return [replace(owner, text=token.text, start=token.idx, end=token.idx + len(token.text), via="group")]
                if self._definite(token) and (self.lex.has("anaphoric_group_nouns", lemma) or self.lex.has("anaphoric_group_nouns", lower)):
                    owner = self.last_owned_group(token)
                    if owner is not None:
                        return [replace(owner, text=token.text, start=token.idx, end=token.idx + len(token.text), via="coreference")]
            if self.lex.has("plural_country_nouns", lemma) or self.lex.has("plural_country_nouns", lower):
                count = next((_NUMBER_WORDS.get(c.lower_) for c in token.children if c.lower_ in _NUMBER_WORDS), None)
                if count:
                    return self.recent("Country", count, before=token.idx)
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
                            return self.mentions(inner, slot, depth + 1)
            if token.pos_ == "ADJ" or token.text[:1].isupper():
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
        if token.pos_ == "PRON" or (token.pos_ == "DET" and "Poss=Yes" in str(token.morph)) or token.dep_ == "poss":
            if self.lex.has("personal_pronouns", lower) or "Poss=Yes" in str(token.morph) or token.dep_ == "poss":
                return self.recent(None, 1, before=token.idx, person_only=self.lex.has("person_pronouns", lower))
        return []

    @staticmethod
    def _definite(token: Token) -> bool:
        """A definite description ("l'armée", "the junta") or a bare capitalised noun opening a sentence ("Police")."""
        if any(c.dep_ == "det" and ("Definite=Def" in str(c.morph) or c.lower_ == "the") for c in token.children):
            return True
        return token.i == token.sent.start and token.text[:1].isupper()

    def last_owned_group(self, token: Token, window: int = 120) -> Mention | None:
        """The state of the nearest earlier group or role noun that named its owner
        ("Myanmar's military government ... the junta", "le Premier ministre israélien ... l'armée")."""
        doc = token.doc
        for j in range(token.i - 1, max(token.i - window, -1), -1):
            other = doc[j]
            if other.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma, lower = other.lemma_.lower(), other.lower_
            if self.lex.has("group_nouns", lemma) or self.lex.has("group_nouns", lower) or self.role_relation(other):
                owner = self._owner(other)
                if owner is not None and owner.label == "Country":
                    return owner
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
        end = max(t.idx + len(t.text) for t in token.subtree)
        text = token.doc.text[token.idx:end]
        return Mention(text, token.idx, end, "Resolution", "resolution/" + slugify("-".join(parts)), via="resolution")

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

    def recent(self, cls: str | None, count: int, before: int, person_only: bool = False) -> list[Mention]:
        """The last ``count`` distinct actors named before a character offset.

        For "the two countries", the last pair of countries written together ("X et Y")
        wins over the two nearest names.
        """
        if count == 2 and cls == "Country":
            pairs = [pair for offset, pair in self.pairs if offset < before]
            if pairs:
                return [replace(m, via="coreference") for m in pairs[-1]]
        found: list[Mention] = []
        seen_keys: set[str] = set()
        for i in sorted(self.by_token, reverse=True):
            span = self.by_token[i]
            if span.end_char > before or i != span.start:
                continue
            mention = self.span_mention(span)
            if mention is None:
                continue
            mention = self.as_actor(mention) if cls != "Place" else mention
            if person_only and mention.label != _PERSON:
                continue
            if cls and mention.label != cls:
                continue
            if not cls and mention.label not in ("Country", _PERSON, "Organization") and not mention.label.endswith("Organization") and mention.label not in ("ArmedGroup", "GovernmentBody"):
                continue
            ident = mention.key or mention.text
            if ident in seen_keys:
                continue
            seen_keys.add(ident)
            found.append(replace(mention, via="coreference"))
            if len(found) == count:
                break
        return found if len(found) == count else []
