"""Confidence of a claim: how often its rule was right on the annotated gold standard.

``ontology/lexicon/calibration.tsv`` holds, per rule, the true and false positives that
``kg eval --calibrate`` counted; a rule never seen there gets the rate of its rule family,
then a prior. Mentions found through coreference lower it.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from ..model import RawClaim
from ..settings import ontology_dir

__all__ = ["confidence", "calibration", "CALIBRATION_FILE"]

CALIBRATION_FILE = "lexicon/calibration.tsv"
_PRIOR = (2.0, 1.0)
_INDIRECT = {"coreference": 0.85, "role": 0.9, "pair": 0.9, "short name": 0.95}


@lru_cache(maxsize=1)
def calibration(path: str | None = None) -> dict[str, tuple[int, int]]:
    """Rule id -> (true positives, false positives)."""
    file = Path(path) if path else ontology_dir() / CALIBRATION_FILE
    if not file.exists():
        return {}
    with file.open(encoding="utf-8", newline="") as handle:
        return {
            row["rule"]: (int(row["tp"]), int(row["fp"]))
            for row in csv.DictReader(handle, delimiter="\t")
        }


def _family(rule: str) -> str:
    parts = rule.split("/")
    return "/".join(parts[:2]) if len(parts) > 1 else rule


def confidence(claim: RawClaim) -> float:
    """Laplace-smoothed precision of the claim's rule, lowered for indirect mentions."""
    table = calibration()
    tp, fp = table.get(claim.rule) or table.get(_family(claim.rule)) or (0, 0)
    prior_tp, prior_fp = _PRIOR
    value = (tp + prior_tp) / (tp + fp + prior_tp + prior_fp)
    for mention in (claim.subject, claim.object):
        value *= _INDIRECT.get(mention.via or "", 1.0)
    return round(max(0.01, min(0.99, value)), 3)
