"""The pipeline's own components give the same annotations as the spaCy components they replace."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Token

from kg.nlp.pipeline import _cache_lemmas, _copies_pos_to_tag, _use_attribute_rules, get_nlp, model_name

TEXTS = {
    "fr": [
        "Le ministre iranien des Affaires étrangères s'est rendu mardi à Moscou, où il a été reçu par son homologue.",
        "Les forces armées n'auraient pas réussi à reprendre la ville, selon des sources locales.",
        "Si l'accord se concrétisait, les livraisons d'armes pourraient reprendre dès l'an prochain.",
        "Elles ont été condamnées ; ils leur ont répondu qu'ils n'y étaient pour rien.",
    ],
    "en": [
        "The Ukrainian President met his counterparts on Tuesday and said they would talk again.",
        "Japan and South Korea condemned the launches, which they called a clear violation.",
        "Officials reportedly denied that any shipments had been sent to the rebels' positions.",
        "He's been saying it wasn't theirs; she'd have known if it were.",
    ],
}


def _annotations(docs):
    return [[(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc] for doc in docs]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_table_driven_attribute_rules_and_lemmas_match_spacy(lang):
    stock = spacy.load(model_name(lang))
    ours = spacy.load(model_name(lang))
    if not _copies_pos_to_tag(ours):
        _use_attribute_rules(ours)
        assert type(ours.get_pipe("attribute_ruler")).__name__ == "AttributeRules"
    _cache_lemmas(ours)
    assert type(ours.get_pipe("lemmatizer")).__name__ == "CachedLemmas"
    texts = TEXTS[lang] * 2  # the second pass is served from the tables filled by the first
    assert _annotations(ours.pipe(texts)) == _annotations(stock.pipe(texts))


@pytest.mark.parametrize(
    ("lang", "text", "name", "label", "key"),
    [
        ("en", "President Xi Jinping met the United Nations envoy in New York.", "United Nations", "InternationalOrganization", "org/united-nations"),
        ("fr", "Emmanuel Macron a rencontré les Nations unies à Paris.", "Nations unies", "InternationalOrganization", "org/united-nations"),
        # names with an elided article
        ("fr", "La Côte d'Ivoire a saisi la Cour.", "Côte d'Ivoire", "Country", "country/CIV"),
        ("fr", "La Communauté économique des États de l'Afrique de l'Ouest s'est réunie.",
         "Communauté économique des États de l'Afrique de l'Ouest", "InternationalOrganization", "org/ecowas"),
    ],
)
def test_gazetteer_entities_keep_class_and_id_through_the_recognizer(lang, text, name, label, key):
    doc = get_nlp(lang)(text)
    found = {ent.text: (ent.label_, ent.ent_id_) for ent in doc.ents}
    assert found.get(name) == (label, key)


@pytest.mark.parametrize(
    ("text", "name", "verb"),
    [
        ("Le président ukrainien Volodymyr Zelensky a accusé Moscou de « terrorisme ».", "Volodymyr Zelensky", "accusé"),
        ("Le chancelier Olaf Scholz a reçu mardi Emmanuel Macron à Berlin.", "Olaf Scholz", "reçu"),
        ("Le chancelier Olaf Scholz a reçu mardi Emmanuel Macron à Berlin.", "Emmanuel Macron", "reçu"),
    ],
)
def test_merged_french_person_names_are_parsed_as_names(text, name, verb):
    """A gazetteer person merged before the French parser is a proper noun, not the clause's head."""
    doc = get_nlp("fr")(text)
    tokens = {t.text: t for t in doc}
    assert tokens[name].pos_ == "PROPN" and tokens[name].ent_type_ == "Person"
    assert tokens[verb].dep_ == "ROOT"


CUT_OBJECTS = "geokg_cut_objects"
FINITE_VERBS = "geokg_finite_verbs"


def _french(text: str, without: str | None = None) -> Doc:
    """The French pipeline's parse of a text; ``without`` one of its repairs, what the model
    alone does."""
    nlp = get_nlp("fr")
    if without is None:
        return nlp(text)
    with nlp.select_pipes(disable=[without]):
        return nlp(text)


def _word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("text", "verb", "obj"),
    [
        ("L'Union européenne a levé mardi les sanctions visant la Syrie.", "levé", "sanctions"),
        ("Pékin a convoqué lundi soir l'ambassadeur du Japon.", "convoqué", "ambassadeur"),
    ],
)
def test_an_object_cut_off_after_a_day_name_goes_back_to_its_verb(text, verb, obj):
    assert len(list(_french(text, without=CUT_OBJECTS).sents)) == 2  # what the model alone does
    doc = _french(text)
    assert len(list(doc.sents)) == 1
    token = _word(doc, obj)
    assert token.head.text == verb and token.dep_ == "obj"


def test_a_sentence_after_a_full_stop_is_left_alone():
    doc = get_nlp("fr")("Le Mali a protesté mardi. Les sanctions visant la Syrie ont été levées.")
    assert len(list(doc.sents)) == 2


def test_an_object_hung_on_an_earlier_verb_after_a_day_name_goes_back_to_its_verb():
    text = (
        "PRISTINA (AFP) - Le Premier ministre kosovar Albin Kurti a accusé lundi Belgrade d'avoir soutenu le commando "
        "qui a attaqué dimanche la police kosovare près du monastère de Banjska, tuant un policier."
    )
    assert _word(_french(text, without=CUT_OBJECTS), "police").head.text == "accusé"  # what the model alone does
    police = _word(_french(text), "police")
    assert police.head.text == "attaqué" and police.dep_ == "obj"


def test_an_object_hung_on_the_day_name_goes_back_to_its_verb():
    text = "Les États-Unis ont imposé vendredi des sanctions au milliardaire Bidzina Ivanichvili."
    assert _word(_french(text, without=CUT_OBJECTS), "sanctions").head.text == "vendredi"  # what the model alone does
    doc = _french(text)
    sanctions = _word(doc, "sanctions")
    assert sanctions.head.text == "imposé" and sanctions.dep_ == "obj"
    assert _word(doc, "vendredi").head.text == "imposé"


@pytest.mark.parametrize(
    ("text", "subject", "verb", "obj"),
    [
        ("Pékin accuse Tokyo de traiter l'océan comme un égout.", "Pékin", "accuse", "Tokyo"),
        ("Pékin exhorte Manille à cesser ses provocations.", "Pékin", "exhorte", "Manille"),
        ("Les Philippines accusent régulièrement les garde-côtes chinois.", "Philippines", "accusent", "garde-côtes chinois"),
        ("Islamabad accuse des ressortissants afghans de terrorisme.", "Islamabad", "accuse", "ressortissants"),
    ],
)
def test_a_present_verb_tagged_as_a_noun_after_its_subject_is_the_verb(text, subject, verb, obj):
    assert _word(_french(text, without=FINITE_VERBS), verb).pos_ != "VERB"  # what the model alone does
    doc = _french(text)
    tokens = {t.text: t for t in doc}
    assert tokens[verb].pos_ == "VERB" and tokens[verb].lemma_ == verb.removesuffix("nt").removesuffix("e") + "er"
    assert tokens[verb].dep_ == "ROOT" and len(list(doc.sents)) == 1
    assert tokens[subject].head == tokens[verb] and tokens[subject].dep_ == "nsubj"
    assert tokens[obj].head == tokens[verb] and tokens[obj].dep_ == "obj"


@pytest.mark.parametrize(
    "text",
    ["Le président russe est arrivé à Pékin.", "Une enquête a été ouverte.", "Kiev a salué la visite du président.", "La Russie accuse l'Ukraine.",
     "Nouvelle frappe russe sur Kiev."],
)
def test_nouns_and_tagged_verbs_are_left_as_they_are(text):
    before = [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in _french(text, without=FINITE_VERBS)]
    assert [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in _french(text)] == before


def test_present_forms_of_first_group_verbs():
    from kg.nlp.finite_verbs import present_forms

    forms = present_forms(["accuser", "céder", "appeler", "rejeter", "fournir", "faire face"])
    assert forms["accuse"] == forms["accusent"] == "accuser"
    assert forms["cède"] == forms["cèdent"] == "céder"
    assert forms["appelle"] == "appeler" and forms["rejette"] == "rejeter"
    assert "fourni" not in forms and "fournie" not in forms and not any(v == "faire face" for v in forms.values())


@pytest.mark.parametrize(
    ("text", "verb", "obj"),
    [
        ("Le président équatorien a imposé à la Colombie des droits de douane de 30 %.", "imposé", "droits"),
        ("La France a envoyé à l'Ukraine des canons Caesar.", "envoyé", "canons Caesar"),
    ],
)
def test_a_partitive_object_hung_on_the_indirect_object_goes_back_to_its_verb(text, verb, obj):
    assert _word(_french(text, without=CUT_OBJECTS), obj).head.text != verb  # what the model alone does
    token = _word(_french(text), obj)
    assert token.head.text == verb and token.dep_ == "obj"


def test_a_complement_after_a_locution_is_no_object():
    text = "L'Allemagne n'enverra pas de soldats combattre aux côtés de l'armée ukrainienne."
    armee = _word(_french(text), "armée")
    assert armee.dep_ != "obj"


def test_a_present_verb_after_a_negation_and_a_name_tagged_as_an_adjective():
    text = "Washington craint que la Corée du Nord ne livre des obus d'artillerie à la Russie."
    assert _word(_french(text, without=FINITE_VERBS), "livre").pos_ != "VERB"  # what the model alone does
    doc = _french(text)
    verb = _word(doc, "livre")
    assert verb.pos_ == "VERB" and verb.lemma_ == "livrer" and verb.dep_ == "ccomp" and verb.head.text == "craint"
    assert _word(doc, "Corée du Nord").head == verb


@pytest.mark.parametrize(
    ("text", "verb", "lemma", "obj"),
    [
        ("Moscou fournit des armes à Pyongyang.", "fournit", "fournir", "armes"),
        ("Pyongyang menace Séoul.", "menace", "menacer", "Séoul"),
        ("Ankara détient des journalistes.", "détient", "détenir", None),
    ],
)
def test_a_verb_hung_under_its_subject_or_of_another_group_is_the_verb(text, verb, lemma, obj):
    before = _word(_french(text, without=FINITE_VERBS), verb)
    assert before.pos_ != "VERB" or before.dep_ != "ROOT"  # what the model alone does
    doc = _french(text)
    token = _word(doc, verb)
    assert token.pos_ == "VERB" and token.dep_ == "ROOT" and token.lemma_ == lemma
    assert doc[0].head == token and doc[0].dep_ == "nsubj"
    if obj is not None:
        assert _word(doc, obj).head == token and _word(doc, obj).dep_ == "obj"
