"""Actor finding: what a token stands for, read through the real spaCy models."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from kg.extract.actors import ActorFinder
from kg.extract.lexicon import lexicon
from kg.nlp.gazetteer import default_gazetteer
from kg.nlp.guard import tokenizable
from kg.nlp.pipeline import get_nlp


def _finder(lang: str, text: str) -> ActorFinder:
    return ActorFinder(get_nlp(lang)(tokenizable(text)), default_gazetteer(), lexicon(lang))


@pytest.mark.parametrize(
    ("lang", "text", "acronym", "name"),
    [
        ("fr", "La Cédéao a donné une semaine au Conseil national pour la sauvegarde de la patrie (CNSP) pour rendre le pouvoir.",
         "CNSP", "Conseil national pour la sauvegarde de la patrie"),
        ("fr", "Des militaires réunis au sein d'un Comité pour la transition et la restauration des institutions (CTRI) ont pris le pouvoir.",
         "CTRI", "Comité pour la transition et la restauration des institutions"),
    ],
)
def test_a_name_defined_by_its_acronym_is_read_in_full(lang, text, acronym, name):
    finder = _finder(lang, text)
    doc = finder.doc
    spans = {finder.by_token[t.i].text for t in doc if t.i in finder.by_token}
    assert name in spans
    token = next(t for t in doc if t.text == acronym)
    assert finder.by_token[token.i].text == name


def test_an_acronym_whose_initials_do_not_match_defines_nothing():
    finder = _finder("en", "Residents of the old railway district (XQZ) protested on Monday.")
    assert not any("district" in span.text for span in finder.by_token.values())
    finder = _finder("en", "Residents of the Old Railway District (ORD) protested on Monday.")
    assert any(span.text == "Old Railway District" for span in finder.by_token.values())


def test_a_role_takes_the_whole_name_when_the_recognizer_tagged_only_its_first_word():
    doc = get_nlp("fr")("Le Premier ministre finlandais Petteri Orpo a parlé.")
    first = next(t for t in doc if t.text == "Petteri")
    doc.ents = [Span(doc, first.i, first.i + 1, label="ORG")]  # (as the small model does in some sentences)
    finder = ActorFinder(doc, default_gazetteer(), lexicon("fr"))
    person, owner, relation = finder.role_phrase(next(t for t in doc if t.text == "ministre"))
    assert (person.text, owner.key, relation) == ("Petteri Orpo", "country/FIN", "leaderOf")


def test_a_nationality_tagged_as_a_noun_after_a_noun_names_its_country():
    doc = get_nlp("fr")("Le gouvernement intérimaire bangladais a protesté.")
    word = next(t for t in doc if t.text == "bangladais")
    word.pos_ = "NOUN"  # (as the small model tags it in some sentences)
    finder = ActorFinder(doc, default_gazetteer(), lexicon("fr"))
    assert [m.key for m in finder.mentions(word)] == ["country/BGD"]
