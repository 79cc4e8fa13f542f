"""Trigger words and closed word lists, read from ``ontology/lexicon/<lang>/``.

A relation is a file ``relations/<relation>.toml`` listing ``[[verb]]`` and ``[[noun]]``
trigger entries; the word lists that modality, attribution and actor finding use live in
``words.toml``. Adding a relation or a language is adding files, not code.

Entry keys: ``lemmas``; ``subject`` / ``object`` / ``theme`` role lists (see ``syntax.roles``;
``obj.agent``, ``pp:to.poss``... read the maker or holder of an argument, ``acl.obj`` the object
of a participle on a trigger noun, ``deep.pp:<prep>`` a preposition anywhere under it;
``relative.owner`` / ``relative.subj`` what a "whose" relative is about and its subjects:
"ASEAN, of which Myanmar is a member");
``between`` (coordinated subjects or "entre X et Y" relate to each other, both ways for an
asymmetric relation); ``requires`` (words that must occur under the trigger); ``excludes``
(words that must not: "échanger des tirs" is no talk); ``excludes_head`` (words the noun a
trigger qualifies must not be: "crimes de guerre", "war crimes" name no war);
``requires_object`` (words one of its direct objects must be: "send troops"); ``refine``;
``modality``; ``metonymy``; ``event_object`` (an object that names an event stands for who
did it: "enquêter sur un sabotage russe"); ``presupposed`` (the relation held whatever the
clause says of the trigger: sanctions someone "refused to lift" are sanctions all the same);
``negative`` (the trigger names the relation by its denial and fires only when negated: "ne
reconnaît pas la compétence de la Cour" rejects the court, as an assertion); ``object_classes``
(the classes its object may have, narrower than the relation's range: one "saisit" a court to
ask it for something, but seizes a ship or a person); ``places_as_country`` (a town, region or
site named as the object stands for the country it lies in: who strikes a city attacks its
country), which a file may also set once at its top for all its entries.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..settings import ontology_dir
from .syntax import SyntaxWords

__all__ = ["Trigger", "Lexicon", "lexicon", "available_languages"]

_DEFAULT_ROLES = {
    "verb": (("subj", "agent"), ("obj", "subjpass")),
    "noun": (("poss", "mod", "light.subj"), ()),
    "adj": ((), ()),
}
_POS = {"verb": ("VERB", "AUX"), "noun": ("NOUN", "PROPN"), "adj": ("ADJ", "VERB")}


@dataclass(frozen=True)
class Trigger:
    """One trigger entry: which words fire it and where its arguments are."""

    id: str
    relation: str
    kind: str
    lemmas: frozenset[str]
    subject: tuple[str, ...]
    object: tuple[str, ...]
    between: bool = False
    theme: tuple[str, ...] = ()
    require_theme: bool = False
    modality: str | None = None
    refine: tuple[tuple[frozenset[str], str], ...] = ()
    requires: frozenset[str] = frozenset()
    requires_object: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    excludes_head: frozenset[str] = frozenset()
    metonymy: bool = False
    event_object: bool = False
    presupposed: bool = False
    negative: bool = False
    object_classes: frozenset[str] = frozenset()
    places_as_country: bool = False

    @property
    def pos(self) -> tuple[str, ...]:
        return _POS[self.kind]


@lru_cache(maxsize=65536)
def _word_form(word: str) -> str:
    """The form word lists are kept in: lower case, typographic apostrophe made plain."""
    return word.lower().replace("’", "'")


@dataclass
class Lexicon:
    """All triggers and word lists of one language."""

    lang: str
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    _infinitives: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    _unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def triggers_for(self, *forms: str) -> list[Trigger]:
        seen: list[Trigger] = []
        for form in forms:
            for trigger in self.triggers.get(form.lower(), ()):
                if trigger not in seen:
                    seen.append(trigger)
        return seen

    def has(self, list_name: str, word: str) -> bool:
        words = self.words.get(list_name)
        return bool(words) and _word_form(word) in words

    def words_of(self, *list_names: str) -> frozenset[str]:
        """Every word of these word lists together (worked out once per combination)."""
        found = self._unions.get(list_names)
        if found is None:
            found = self._unions[list_names] = frozenset().union(*(self.words.get(name, frozenset()) for name in list_names))
        return found

    def has_word_of(self, list_name: str, text: str) -> bool:
        """Whether a word list holds any word of a text ("financial aid", "armes létales")."""
        return any(self.has(list_name, word) for word in text.split())

    def has_token(self, list_name: str, token) -> bool:
        """Whether a word list holds a token's lemma or its form as written."""
        return self.has(list_name, token.lemma_) or self.has(list_name, token.lower_)

    @cached_property
    def inflections(self) -> tuple[tuple[str, str], ...]:
        """Verb endings and the infinitive ending they stand for ("ent>er"), longest first."""
        rules = [rule.partition(">")[::2] for rule in self.words.get("verb_inflections", ())]
        return tuple(sorted(rules, key=lambda rule: -len(rule[0])))

    def trigger_infinitive(self, form: str) -> str | None:
        """The trigger verb an inflected form stands for by its ending ("réclame" -> "réclamer"),
        or None; kept per form, as most words of a text are asked about."""
        cache = self._infinitives
        if form not in cache:
            if len(cache) > 100_000:
                cache.clear()
            cache[form] = next(
                (
                    guess
                    for ending, replacement in self.inflections
                    if form.endswith(ending) and len(form) > len(ending) + 2
                    for guess in (form[: len(form) - len(ending)] + replacement,)
                    if guess in self.triggers
                ),
                None,
            )
        return cache[form]

    @cached_property
    def role_words(self) -> frozenset[str]:
        """Every word of a leader or representative noun: a token that is none of them is no role."""
        nouns = self.words.get("leader_nouns", frozenset()) | self.words.get("representative_nouns", frozenset())
        return nouns | frozenset(word for noun in nouns for word in noun.split())

    @cached_property
    def syntax(self) -> SyntaxWords:
        return SyntaxWords(
            light_verbs=self.words.get("light_verbs", frozenset()),
            undergo_verbs=self.words.get("undergo_verbs", frozenset()),
            object_control=self.words.get("object_control_verbs", frozenset()),
            time_nouns=self.words.get("time_nouns", frozenset()),
            conditional_markers=self.words.get("conditional_markers", frozenset()),
        )


def _as_set(values) -> frozenset[str]:
    return frozenset(_word_form(str(v)) for v in values or ())


def _load_relation(path: Path, lang: str) -> list[Trigger]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    relation = data.get("relation", path.stem)
    places_as_country = bool(data.get("places_as_country", False))
    found = []
    for kind in ("verb", "noun", "adj"):
        default_subject, default_object = _DEFAULT_ROLES[kind]
        for index, entry in enumerate(data.get(kind, ()), start=1):
            found.append(
                Trigger(
                    id=entry.get("id") or f"{lang}/{relation}/{kind}{index}",
                    relation=entry.get("predicate", relation),
                    kind=kind,
                    lemmas=_as_set(entry["lemmas"]),
                    subject=tuple(entry.get("subject", default_subject)),
                    object=tuple(entry.get("object", default_object)),
                    between=bool(entry.get("between", False)),
                    theme=tuple(entry.get("theme", ())),
                    require_theme=bool(entry.get("require_theme", False)),
                    modality=entry.get("modality"),
                    refine=tuple((_as_set(r["words"]), r["predicate"]) for r in entry.get("refine", ())),
                    requires=_as_set(entry.get("requires", ())),
                    requires_object=_as_set(entry.get("requires_object", ())),
                    excludes=_as_set(entry.get("excludes", ())),
                    excludes_head=_as_set(entry.get("excludes_head", ())),
                    metonymy=bool(entry.get("metonymy", False)),
                    event_object=bool(entry.get("event_object", False)),
                    presupposed=bool(entry.get("presupposed", False)),
                    negative=bool(entry.get("negative", False)),
                    object_classes=frozenset(entry.get("object_classes", ())),
                    places_as_country=bool(entry.get("places_as_country", places_as_country)),
                )
            )
    return found


def available_languages() -> list[str]:
    root = ontology_dir() / "lexicon"
    return sorted(p.name for p in root.iterdir() if (p / "words.toml").exists())


@lru_cache(maxsize=None)
def lexicon(lang: str, root: str | None = None) -> Lexicon:
    """The lexicon of a language, read once."""
    base = Path(root) if root else ontology_dir() / "lexicon" / lang
    lex = Lexicon(lang)
    words = tomllib.loads((base / "words.toml").read_text(encoding="utf-8"))
    lex.words = {name: _as_set(values) for name, values in words.items()}
    for path in sorted((base / "relations").glob("*.toml")):
        for trigger in _load_relation(path, lang):
            for lemma in trigger.lemmas:
                lex.triggers.setdefault(lemma, []).append(trigger)
    return lex
