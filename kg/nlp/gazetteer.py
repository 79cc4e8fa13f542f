"""The gazetteer: known countries, places, organisations, people, weapons and conflicts.

Entries are read from ``ontology/gazetteer/entities.tsv`` and ``demonyms.tsv``, which
``python -m kg.nlp.build_gazetteer`` writes from maintained sources and curated lists.
Names are looked up after a light normalisation, and become spaCy EntityRuler patterns.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "GazetteerEntry",
    "Gazetteer",
    "default_gazetteer",
    "default_ontology_dir",
    "normalize_name",
    "fold_name",
    "strip_article",
    "shortens",
    "TYPE_PRIORITY",
    "LANGS",
]

LANGS: tuple[str, ...] = ("en", "fr")

TYPE_PRIORITY: tuple[str, ...] = (
    "Country",
    "Actor",
    "InternationalOrganization",
    "GovernmentBody",
    "ArmedGroup",
    "NonGovernmentalOrganization",
    "Organization",
    "Person",
    "Conflict",
    "Facility",
    "Region",
    "City",
    "Weapon",
    "Resource",
)

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u02bb`\u00b4\u2032"})
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_QUOTES = "\"«»“”„ \u00a0\u202f"
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:(?:la|le|les|the)\s+|l')(?=\S)", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def _clean(name: str) -> str:
    text = unicodedata.normalize("NFC", name).translate(_APOSTROPHES).translate(_DASHES)
    return _SPACES.sub(" ", text).strip(_QUOTES).strip()


@functools.lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """The lookup form of a name: typography unified, casefolded unless a short acronym.

    >>> normalize_name("Arabie  saoudite"), normalize_name("US"), normalize_name("Etat’s")
    ('arabie saoudite', 'US', "etat's")
    """
    text = _clean(name)
    if len(text) <= 4 and not any(c.islower() for c in text):
        return text
    return text.casefold()


def strip_article(name: str) -> str:
    """The name without a leading French or English article ("la", "le", "les", "l'", "the")."""
    text = _clean(name)
    return _ARTICLE.sub("", text, count=1)


@functools.lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """The accent-free lookup form, used when the exact form is unknown ("Etats-Unis")."""
    decomposed = unicodedata.normalize("NFKD", normalize_name(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def shortens(short: str, full: str) -> bool:
    """Whether a person's name is written short for a longer one: one of its words, also
    across a hyphen ("Ruto"), or its last words whatever their case ("De Moraes").

    >>> shortens("Ruto", "William Ruto"), shortens("De Moraes", "Alexandre de Moraes"), shortens("Moraes", "Moraes")
    (True, True, False)
    """
    if short == full:
        return False
    if " " in short:
        return full.lower().endswith(" " + short.lower())
    return short in full.replace("-", " ").split() + full.split()


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in names if name))


@dataclass(frozen=True)
class GazetteerEntry:
    """One known entity: its key (IRI path under ``gkr:``), class, names and links."""

    key: str
    type: str
    labels: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    iso3: str | None = None
    country: str | None = None
    stands_for: str | None = None
    part_of: str | None = None
    parties: tuple[str, ...] = ()
    wikidata: str | None = None

    def names(self, lang: str | None = None) -> tuple[str, ...]:
        """Labels then aliases, in one language or (``None``) in all of them."""
        langs = LANGS if lang is None else (lang,)
        return _unique(
            [self.labels.get(code, "") for code in langs]
            + [alias for code in langs for alias in self.aliases.get(code, ())]
        )

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, else in any language, else the key."""
        return self.labels.get(lang) or next((v for v in self.labels.values() if v), self.key)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> GazetteerEntry:
        """An entry from a row of ``entities.tsv``."""
        return cls(
            key=row["key"],
            type=row["type"],
            labels=MappingProxyType({lang: row[f"label_{lang}"] for lang in LANGS if row.get(f"label_{lang}")}),
            aliases=MappingProxyType({lang: _split(row.get(f"aliases_{lang}")) for lang in LANGS}),
            iso3=row.get("iso3") or None,
            country=row.get("country") or None,
            stands_for=row.get("stands_for") or None,
            part_of=row.get("part_of") or None,
            parties=_split(row.get("parties")),
            wikidata=row.get("wikidata") or None,
        )


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


class Gazetteer:
    """Entries by key, with name lookup, demonyms and EntityRuler patterns."""

    def __init__(self, entries: Iterable[GazetteerEntry], demonyms: Iterable[tuple[str, str, str]] = ()):
        rank = {name: i for i, name in enumerate(TYPE_PRIORITY)}
        ordered = sorted(entries, key=lambda e: rank.get(e.type, len(rank)))
        self.entries: Mapping[str, GazetteerEntry] = MappingProxyType({e.key: e for e in ordered})
        self._names: dict[str, list[tuple[str, str]]] = {}
        self._folded: dict[str, list[tuple[str, str]]] = {}
        for entry in ordered:
            for lang in LANGS:
                for name in entry.names(lang):
                    self._index(self._names, normalize_name(name), entry.key, lang)
                    self._index(self._folded, fold_name(name), entry.key, lang)
        self._demonyms: dict[str, list[tuple[str, str]]] = {}
        for form, lang, key in demonyms:
            self._index(self._demonyms, _clean(form).casefold(), key, lang)
        self._patterns: dict[str, list[dict]] = {}

    @staticmethod
    def _index(index: dict[str, list[tuple[str, str]]], name: str, key: str, lang: str) -> None:
        bucket = index.setdefault(name, [])
        if (key, lang) not in bucket:
            bucket.append((key, lang))

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Gazetteer:
        """Read the gazetteer folder (default: the ontology's ``gazetteer/``)."""
        folder = Path(directory) if directory is not None else default_ontology_dir() / "gazetteer"
        entries = [GazetteerEntry.from_row(row) for row in _read_tsv(folder / "entities.tsv")]
        demonyms_file = folder / "demonyms.tsv"
        demonyms = (
            [(row["form"], row["lang"], row["key"]) for row in _read_tsv(demonyms_file)]
            if demonyms_file.exists()
            else []
        )
        return cls(entries, demonyms)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries.values())

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def get(self, key: str) -> GazetteerEntry | None:
        """The entry with this key, if any."""
        return self.entries.get(key)

    def of_type(self, *types: str) -> list[GazetteerEntry]:
        """The entries of the given classes, in file order."""
        return [entry for entry in self.entries.values() if entry.type in types]

    @staticmethod
    def _pick(found: list[tuple[str, str]] | None, lang: str | None) -> str | None:
        if not found:
            return None
        if lang is not None:
            for key, entry_lang in found:
                if entry_lang == lang:
                    return key
        return found[0][0]

    def lookup(self, name: str, lang: str | None = None) -> GazetteerEntry | None:
        """The entry one of whose names is ``name``, after normalisation and without a leading article.

        A name known in ``lang`` is preferred over the same name in another language.
        """
        if not name or not name.strip():
            return None
        stripped = strip_article(name)
        for candidate in _unique((name, stripped)):
            key = self._pick(self._names.get(normalize_name(candidate)), lang)
            if key is not None:
                return self.entries[key]
        for candidate in _unique((name, stripped)):
            found = self._folded.get(fold_name(candidate))
            if found and len({key for key, _ in found}) == 1:
                return self.entries[found[0][0]]
        return None

    def demonym(self, form: str, lang: str | None = None) -> str | None:
        """The country (or organisation) key of an adjective or demonym ("sud-africaines")."""
        if not form:
            return None
        return self._pick(self._demonyms.get(_clean(form).casefold()), lang)

    def demonym_forms(self, key: str, lang: str | None = None) -> list[str]:
        """Every demonym form that points to ``key``."""
        return [
            form
            for form, found in self._demonyms.items()
            if any(k == key and (lang is None or l == lang) for k, l in found)
        ]

    def ruler_patterns(self, lang: str) -> list[dict]:
        """spaCy EntityRuler patterns for every name, tokenised as ``lang``'s tokenizer does.

        Names of all languages are included; where two entries share a name, the entry that
        has it in ``lang`` wins. All-lowercase names (generic weapons, resources) match
        case-insensitively; names starting lowercase match a capitalised first word too, and
        names starting with a generic word ("Îles Cook") match it in lower case.
        """
        if lang not in self._patterns:
            self._patterns[lang] = self._build_patterns(lang)
        return [dict(pattern) for pattern in self._patterns[lang]]

    def _build_patterns(self, lang: str) -> list[dict]:
        import spacy

        tokenizer = spacy.blank(lang).tokenizer
        owners: dict[str, tuple[int, str]] = {}
        for entry in self.entries.values():
            for name_lang in (lang, *[code for code in LANGS if code != lang]):
                for name in _with_overlaps(entry.names(name_lang)) if entry.type == "Person" else entry.names(name_lang):
                    for variant in _typographic_variants(name):
                        rank = 0 if name_lang == lang else 1
                        if variant not in owners or rank < owners[variant][0]:
                            owners[variant] = (rank, entry.key)
        patterns = []
        for name, (_, key) in owners.items():
            tokens = [token.text for token in tokenizer(name) if not token.is_space]
            if not tokens:
                continue
            if not any(c.isupper() for c in name):
                pattern = [{"LOWER": text.lower()} for text in tokens]
            elif tokens[0][:1].islower() or tokens[0].lower() in _GENERIC_HEADS:
                pattern = [{"LOWER": tokens[0].lower()}] + [{"ORTH": text} for text in tokens[1:]]
            else:
                pattern = [{"ORTH": text} for text in tokens]
            patterns.append({"label": self.entries[key].type, "pattern": pattern, "id": key})
        return patterns


# generic first words of names that running text writes in lower case ("les îles Cook")
_GENERIC_HEADS = frozenset({"îles", "île", "iles", "ile"})


def _with_overlaps(names) -> list[str]:
    """A person's names, plus two of them run together where one ends as the other starts
    ("President Xi" and "Xi Jinping" give "President Xi Jinping"), so the longer match wins."""
    names = list(names)
    joined = []
    for a in names:
        tail = a.split()
        for b in names:
            head = b.split()
            if a != b and len(tail) >= 2 and len(head) >= 2 and tail[-1] == head[0]:
                joined.append(" ".join(tail[:-1] + head))
    return names + [name for name in joined if name not in names]


def _typographic_variants(name: str) -> tuple[str, ...]:
    """The name as stored and with the typographic apostrophe most news text uses."""
    if "'" in name:
        return (name, name.replace("'", "\u2019"))
    return (name,)


def default_ontology_dir() -> Path:
    """The source checkout's ``ontology`` folder, else the copy packaged inside ``kg``."""
    checkout = Path(__file__).resolve().parents[2] / "ontology"
    if checkout.is_dir():
        return checkout
    import kg

    return Path(kg.__file__).resolve().parent / "_ontology"


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with geokg, read once per process."""
    return Gazetteer.load()
