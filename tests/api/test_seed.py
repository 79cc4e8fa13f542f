"""The seed article end to end, through the public API and SPARQL over the union graph."""

from __future__ import annotations

import pytest

from kg import KnowledgeGraph

KIM = 'FILTER EXISTS { ?k rdfs:label|skos:altLabel ?kl . FILTER(STR(?kl) = "Kim Jong-un") }'
PUTIN = 'FILTER EXISTS { ?p rdfs:label|skos:altLabel ?pl . FILTER(STR(?pl) IN ("Vladimir Putin", "Vladimir Poutine")) }'


def test_kim_meets_putin_is_a_fact(seed_kg):
    rows = seed_kg.query(f"SELECT ?k ?p WHERE {{ ?k gkg:meets ?p . {KIM} {PUTIN} }}")
    assert len(rows) >= 1
    claims = seed_kg.query(
        f"SELECT ?c WHERE {{ ?c rdf:predicate gkg:meets ; rdf:subject ?k ; rdf:object ?p ; gkg:modality gkg:Asserted . {KIM} {PUTIN} }}"
    )
    assert len(claims) >= 1


def test_north_korea_sanctioned_by_un_or_international_community(seed_kg):
    rows = seed_kg.query(
        """
        SELECT ?c ?by WHERE {
          { ?c rdf:predicate gkg:sanctionedBy ; rdf:subject ?nk ; rdf:object ?by . }
          UNION
          { ?c rdf:predicate gkg:sanctions ; rdf:subject ?by ; rdf:object ?nk . }
          ?nk gkg:iso3 "PRK" .
          ?by rdfs:label ?label .
          FILTER(REGEX(STR(?label), "United Nations|Security Council|international community|Nations unies|communauté internationale", "i"))
        }
        """
    )
    assert len(rows) >= 1


def test_grad_supplied_to_russia_is_hedged(seed_kg):
    rows = seed_kg.query(
        """
        SELECT ?c ?to WHERE {
          ?c rdf:predicate gkg:suppliedTo ; rdf:subject ?grad ; rdf:object ?to ; gkg:modality gkg:Hedged .
          ?grad rdfs:label|skos:altLabel ?gl . FILTER(CONTAINS(STR(?gl), "Grad"))
          { ?to gkg:iso3 "RUS" } UNION { ?to a gkg:Conflict }
        }
        """
    )
    assert len(rows) >= 1


def test_feared_arms_supply_is_a_claim_but_not_a_fact(seed_kg):
    claims = seed_kg.query(
        """
        SELECT ?c ?m ?who WHERE {
          ?c rdf:predicate gkg:suppliesArmsTo ; rdf:subject ?ru ; rdf:object ?nk ; gkg:modality ?m .
          OPTIONAL { ?c gkg:attributedTo ?who }
          ?ru gkg:iso3 "RUS" . ?nk gkg:iso3 "PRK" .
        }
        """
    )
    assert len(claims) >= 1
    assert all(str(row["m"]).endswith("Hedged") for row in claims)
    assert any(str(row.get("who", "")).endswith("country/USA") for row in claims)
    facts = seed_kg.query('ASK { ?ru gkg:suppliesArmsTo ?nk . ?ru gkg:iso3 "RUS" . ?nk gkg:iso3 "PRK" }')
    assert facts.boolean is False


def test_countries_carry_iso3(seed_kg):
    rows = seed_kg.query('SELECT ?code WHERE { ?c a gkg:Country ; gkg:iso3 ?code }')
    codes = {str(r["code"]) for r in rows}
    assert {"PRK", "RUS"} <= codes


def test_persons_get_their_country_from_role_phrases(seed_kg):
    rows = seed_kg.query(
        f'SELECT ?k WHERE {{ ?k gkg:leaderOf ?c ; gkg:country ?c . ?c gkg:iso3 "PRK" . {KIM} }}'
    )
    assert len(rows) == 1


def test_claims_api_returns_typed_records(seed_kg):
    meets = seed_kg.claims(predicate="meets")
    assert meets and all(c.predicate == "meets" for c in meets)
    for claim in seed_kg.claims():
        assert 0.0 <= claim.confidence <= 1.0
        assert claim.modality in ("Asserted", "Hedged", "Negated", "Conditional")
        assert claim.char_start < claim.char_end


def test_summary_is_stats_plus_the_most_connected_actors(seed_kg):
    summary = seed_kg.summary(top=3)
    assert {k: v for k, v in summary.items() if k != "top_actors"} == seed_kg.stats()
    degrees = dict(seed_kg.to_networkx().degree)
    top = summary["top_actors"]
    assert len(top) == 3 and [a["degree"] for a in top] == sorted(degrees.values(), reverse=True)[:3]
    assert all(degrees[a["key"]] == a["degree"] and a["label"] for a in top)
    assert "country/RUS" in [a["key"] for a in seed_kg.summary()["top_actors"]]


def test_evidence_offsets_point_into_the_article(seed_kg, root):
    text = (root / "seeds" / "000_e576805ea20e2ab9.txt").read_text(encoding="utf-8")
    for claim in seed_kg.claims():
        assert text[claim.char_start:claim.char_end] == claim.evidence


def test_ingesting_twice_changes_nothing(root):
    kg = KnowledgeGraph()
    kg.ingest(root / "seeds")
    first = set(kg.dataset.quads((None, None, None, None)))
    again = kg.ingest(root / "seeds")
    assert again.skipped == 1 and again.articles == 0
    forced = kg.ingest(root / "seeds", force=True)
    assert forced.articles == 1
    assert set(kg.dataset.quads((None, None, None, None))) == first


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_export_and_load_round_trip(seed_kg, tmp_path, suffix):
    path = seed_kg.export(tmp_path / f"graph{suffix}")
    other = KnowledgeGraph()
    other.load(path)
    assert set(other.dataset.quads((None, None, None, None))) == set(seed_kg.dataset.quads((None, None, None, None)))


def test_seed_graph_conforms_to_shapes(seed_kg):
    conforms, report = seed_kg.validate()
    assert conforms, report
