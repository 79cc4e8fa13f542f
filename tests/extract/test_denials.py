"""The accused party's denial of an accusation is recorded as a claim of its own."""

from __future__ import annotations

import pytest

from kg import Article
from kg.nlp.guard import tokenizable
from kg.nlp.pipeline import get_nlp
from kg.pipeline import analyse


def _claims(lang: str, text: str, predicate: str):
    result = analyse(Article(text=text, lang=lang), get_nlp(lang)(tokenizable(text)))
    return [c for c in result.claims if c.predicate == predicate]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Kosovo accused Serbia of backing the gunmen, which Belgrade denies."),
        ("en", "Kosovo accused Serbia of backing the gunmen, a claim Belgrade rejected."),
        ("en", "Kosovo accused Serbia of backing the gunmen. Serbian President Aleksandar Vucic dismissed the accusation."),
        ("fr", "Le Kosovo accuse la Serbie de soutenir les rebelles, ce que Belgrade dément."),
    ],
)
def test_a_denial_by_the_accused_is_a_negated_claim_of_its_own(lang, text):
    found = [c for c in _claims(lang, text, "supports") if c.subject == "country/SRB"]
    by_modality = {c.modality: c for c in found}
    assert set(by_modality) == {"Hedged", "Negated"}
    assert by_modality["Hedged"].attributed_to == "country/XKX"
    denial = by_modality["Negated"]
    assert denial.denied_by is not None and denial.id != by_modality["Hedged"].id
    assert denial.denied_by in ("country/SRB", "person/aleksandar-vucic")


def test_a_denial_by_someone_else_is_no_denial_of_the_accused():
    found = _claims("en", "Kosovo accused Serbia of backing the gunmen, which Albania denies.", "supports")
    assert [c.modality for c in found] == ["Hedged"]


@pytest.mark.parametrize(
    "text",
    [
        "Kinshasa accuses Kigali of backing the M23 rebels, a charge Rwanda denies.",
        "Mali had accused Ivory Coast of sending mercenaries, a charge Abidjan always rejected.",
    ],
)
def test_a_denied_accusation_was_still_made(text):
    """The denial answers the accusation's content; the accusation itself stays asserted,
    even when the parser makes the denial the main verb."""
    accusations = _claims("en", text, "accuses")
    assert accusations and {c.modality for c in accusations} == {"Asserted"}
