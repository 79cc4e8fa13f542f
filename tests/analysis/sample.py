"""A small hand-made claim graph: two camps around the war in Ukraine.

Shared by the analysis and page tests (loaded by path from their conftest files).
"""

from __future__ import annotations

from datetime import date

from kg.analysis import to_networkx
from kg.model import Claim, Entity

ENTITIES = [
    Entity("country/RUS", "Country", (("en", "Russia"), ("fr", "Russie")), iso3="RUS"),
    Entity("country/PRK", "Country", (("en", "North Korea"),), iso3="PRK"),
    Entity("country/UKR", "Country", (("en", "Ukraine"),), iso3="UKR"),
    Entity("country/USA", "Country", (("en", "United States"),), iso3="USA"),
    Entity("country/FRA", "Country", (("en", "France"),), iso3="FRA"),
    Entity("organization/united-nations", "InternationalOrganization", (("en", "United Nations"),)),
    Entity("person/kim-jong-un", "Person", (("en", "Kim Jong-un"),), country="country/PRK"),
    Entity("person/vladimir-putin", "Person", (("en", "Vladimir Putin"),), country="country/RUS"),
]

# id, subject, predicate, object, modality, confidence, article, event date, attributed to
CLAIMS = [
    ("c01", "person/kim-jong-un", "meets", "person/vladimir-putin", "Asserted", 0.9, "a1", date(2023, 9, 13), None),
    ("c02", "person/vladimir-putin", "meets", "person/kim-jong-un", "Hedged", 0.6, "a1", None, None),
    ("c03", "country/RUS", "attacks", "country/UKR", "Asserted", 0.95, "a2", date(2024, 2, 1), None),
    ("c04", "country/USA", "aids", "country/UKR", "Asserted", 0.8, "a2", date(2024, 3, 1), None),
    ("c05", "country/USA", "sanctions", "country/RUS", "Asserted", 0.85, "a3", None, None),
    ("c06", "organization/united-nations", "condemns", "country/PRK", "Asserted", 0.7, "a3", None, None),
    ("c07", "country/RUS", "suppliesArmsTo", "country/PRK", "Hedged", 0.55, "a1", None, "country/USA"),
    ("c08", "country/PRK", "aids", "country/RUS", "Conditional", 0.5, "a1", None, None),
    ("c09", "country/FRA", "supports", "country/UKR", "Asserted", 0.75, "a2", date(2024, 2, 20), None),
    ("c10", "country/FRA", "condemns", "country/RUS", "Asserted", 0.8, "a2", date(2024, 2, 2), None),
    ("c11", "person/kim-jong-un", "leaderOf", "country/PRK", "Asserted", 0.95, "a1", None, None),
    ("c12", "person/vladimir-putin", "leaderOf", "country/RUS", "Asserted", 0.95, "a1", None, None),
    ("c13", "country/USA", "meets", "country/RUS", "Negated", 0.7, "a3", None, None),
    ("c14", "country/PRK", "threatens", "country/USA", "Asserted", 0.65, "a3", date(2023, 11, 5), None),
]

ARTICLES = {
    "a1": {"headline": "Kim and Putin meet in the Russian Far East", "url": "https://news.example/a1", "published": "2023-09-14"},
    "a2": {"headline": "Two years of war in Ukraine", "published": "2024-02-24"},
    "a3": {"headline": "Sanctions and threats"},
}


def make_claims() -> list[Claim]:
    return [
        Claim(
            id=cid, article=art, subject=s, predicate=p, object=o, modality=m, confidence=conf,
            evidence=f"Evidence sentence for {cid}: {s} {p} {o}.", char_start=10 * n, char_end=10 * n + 9,
            event_date=when, attributed_to=source,
        )
        for n, (cid, s, p, o, m, conf, art, when, source) in enumerate(CLAIMS)
    ]


def sample_graph():
    """The claim graph of :data:`CLAIMS`, with entities and article headlines."""
    return to_networkx(make_claims(), ENTITIES, articles=ARTICLES)
