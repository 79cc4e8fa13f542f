"""How ``kg eval`` counts: one predicted triple per version of it the text gives."""

from __future__ import annotations

from kg.evaluation import GoldDoc, Scores, _score_doc
from kg.model import Claim


def _claim(subject: str, predicate: str, obj: str, modality: str) -> Claim:
    return Claim("c", "a", subject, predicate, obj, modality, 0.5, "", 0, 1)


def _gold(*claims: tuple[str, str, str, str]) -> GoldDoc:
    return GoldDoc("en-1", "en", "text", tuple({"s": s, "p": p, "o": o, "modality": m} for s, p, o, m in claims))


def _score(gold: GoldDoc, claims: list[Claim]) -> Scores:
    scores = Scores()
    _score_doc(gold, claims, {}, {"meets"}, scores)
    return scores


ACCUSED_AND_DENIED = _gold(("IRN", "suppliesArmsTo", "RUS", "hedged"), ("IRN", "suppliesArmsTo", "RUS", "negated"))


def test_two_versions_of_a_triple_match_two_gold_claims():
    scores = _score(ACCUSED_AND_DENIED, [_claim("IRN", "suppliesArmsTo", "RUS", "Hedged"), _claim("IRN", "suppliesArmsTo", "RUS", "Negated")])
    assert (scores.tp["suppliesArmsTo"], scores.fn["suppliesArmsTo"], scores.fp["suppliesArmsTo"]) == (2, 0, 0)
    assert scores.modality_ok == scores.modality_total == 2


def test_one_version_matches_one_gold_claim_only():
    scores = _score(ACCUSED_AND_DENIED, [_claim("IRN", "suppliesArmsTo", "RUS", "Negated"), _claim("IRN", "suppliesArmsTo", "RUS", "Negated")])
    assert (scores.tp["suppliesArmsTo"], scores.fn["suppliesArmsTo"]) == (1, 1)
    assert scores.modality_ok == 1


def test_unmatched_triples_are_false_positives_and_symmetric_relations_match_either_way():
    gold = _gold(("FRA", "meets", "DEU", "asserted"))
    scores = _score(gold, [_claim("DEU", "meets", "FRA", "Asserted"), _claim("FRA", "attacks", "DEU", "Asserted")])
    assert scores.tp["meets"] == 1 and scores.fp["attacks"] == 1 and not scores.fn
