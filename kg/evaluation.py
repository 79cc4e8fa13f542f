"""Precision, recall and F1 of extraction against annotated gold articles.

The gold format is JSON Lines, one article a line, with its expected claims (see
``tests/data/gold/GUIDELINES.md``). Entities are matched by ISO 3166 alpha-3 code or by any
label or alias of the predicted entity; ``sanctionedBy(a, b)`` counts as ``sanctions(b, a)``
and symmetric relations match in either direction.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Article, Claim, Entity

__all__ = ["GoldDoc", "load_gold", "evaluate", "Scores", "format_scores", "write_calibration"]

_SPACES = re.compile(r"[\s\-‐‑–—'’`.]+")
_ARTICLES = re.compile(r"^(the|la|le|les|l)\s+")


@dataclass(frozen=True)
class GoldDoc:
    id: str
    lang: str
    text: str
    claims: tuple[dict, ...]
    published: str | None = None
    title: str | None = None
    split: str = "dev"


def load_gold(folder: str | Path, split: str = "all") -> list[GoldDoc]:
    """Gold documents of ``folder``/*.jsonl; the file stem names the split (dev, heldout)."""
    base = Path(folder)
    files = sorted(base.glob("*.jsonl")) if base.is_dir() else [base]
    if not files or not all(f.is_file() for f in files):
        raise InputError(str(folder), "no gold .jsonl files here")
    docs = []
    for file in files:
        if split != "all" and file.stem != split:
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                docs.append(
                    GoldDoc(
                        id=record["id"],
                        lang=record["lang"],
                        text=record["text"],
                        claims=tuple(record.get("claims", ())),
                        published=record.get("published"),
                        title=record.get("title"),
                        split=file.stem,
                    )
                )
            except (ValueError, KeyError) as exc:
                raise InputError(f"{file}:{number}", f"broken gold line ({exc})") from None
    return docs


def _norm(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower().strip()
    return _SPACES.sub(" ", _ARTICLES.sub("", folded)).strip()


def _names(entity: Entity | None, key: str) -> set[str]:
    names = {_norm(key.rsplit("/", 1)[-1])}
    if entity is not None:
        names |= {_norm(label) for _lang, label in entity.labels}
        names |= {_norm(alias) for alias in entity.aliases}
        if entity.iso3:
            names.add(_norm(entity.iso3))
    return names


def _canonical(p: str, s, o, symmetric: set[str]):
    if p == "sanctionedBy":
        return "sanctions", o, s
    if p in symmetric:
        return p, *sorted((s, o), key=str)
    return p, s, o


@dataclass
class Scores:
    """Counts per relation and language, and modality and attribution agreement."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    modality_ok: int = 0
    modality_total: int = 0
    attribution_ok: int = 0
    attribution_total: int = 0
    by_lang: dict = field(default_factory=lambda: defaultdict(Counter))
    rules: dict = field(default_factory=lambda: defaultdict(Counter))
    errors: list = field(default_factory=list)

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def overall(self) -> tuple[float, float, float]:
        return self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def language(self, lang: str) -> tuple[float, float, float]:
        c = self.by_lang[lang]
        return self.prf(c["tp"], c["fp"], c["fn"])

    @property
    def modality_accuracy(self) -> float:
        return self.modality_ok / self.modality_total if self.modality_total else 0.0

    def as_dict(self) -> dict:
        p, r, f = self.overall()
        relations = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "modality_accuracy": round(self.modality_accuracy, 4),
            "attribution_accuracy": round(self.attribution_ok / self.attribution_total, 4) if self.attribution_total else None,
            "languages": {lang: dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in self.language(lang)))) for lang in sorted(self.by_lang)},
            "relations": {
                rel: dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in self.prf(self.tp[rel], self.fp[rel], self.fn[rel]))))
                | {"tp": self.tp[rel], "fp": self.fp[rel], "fn": self.fn[rel]}
                for rel in relations
            },
        }


def _match_ref(ref: str, key: str, entities: dict[str, Entity]) -> bool:
    return _norm(ref) in _names(entities.get(key), key)


def evaluate(docs: list[GoldDoc], settings=None) -> Scores:
    """Run the pipeline on each gold document and count agreements with its claims."""
    from datetime import date

    from .pipeline import process
    from .schema import schema

    symmetric = {name for name, rel in schema().relations.items() if rel.symmetric}
    scores = Scores()
    articles = []
    for doc in docs:
        published = date.fromisoformat(doc.published) if doc.published else None
        articles.append(Article(text=doc.text, lang=doc.lang, published=published, headline=doc.title, source=doc.id))
    results = dict()
    for article, result in process(articles, settings):
        results[article.source] = result
    for doc in docs:
        result = results.get(doc.id)
        if result is None or isinstance(result, Exception):
            scores.errors.append(f"{doc.id}: {result}")
            continue
        _score_doc(doc, result.claims, result.entities, symmetric, scores)
    return scores


def _score_doc(doc: GoldDoc, claims: list[Claim], entities: dict[str, Entity], symmetric: set[str], scores: Scores) -> None:
    predicted: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        predicted[_canonical(claim.predicate, claim.subject, claim.object, symmetric)].append(claim)
    # A predicted triple stands for as many gold claims as it has versions (modalities): the
    # guidelines keep "an accusation and a denial" of one triple as two claims.
    uses: dict[tuple, int] = defaultdict(int)
    spent: dict[tuple, set[str]] = defaultdict(set)
    credited: set[tuple] = set()
    lang = scores.by_lang[doc.lang]
    wanted_claims = [
        (_canonical(gold["p"], gold["s"], gold["o"], symmetric), str(gold.get("modality", "asserted")).capitalize())
        for gold in doc.claims
    ]
    hits: dict[int, tuple[tuple | None, bool]] = {}  # gold claim -> (predicted triple, same modality)
    for exact in (True, False):  # versions with the gold's own modality are handed out first
        for number, ((p, s, o), wanted) in enumerate(wanted_claims):
            if number in hits:
                continue
            hit = next((key for key in predicted if _fits(key, p, s, o, wanted if exact else None, uses, spent, predicted[key], entities, symmetric)), None)
            if hit is not None or not exact:
                hits[number] = hit, exact
                if hit is not None:
                    uses[hit] += 1
                    if exact:
                        spent[hit].add(wanted)
    for number, gold in enumerate(doc.claims):
        (p, _s, _o), wanted = wanted_claims[number]
        hit, exact = hits[number]
        if hit is None:
            scores.fn[p] += 1
            lang["fn"] += 1
            continue
        first_use = hit not in credited
        credited.add(hit)
        scores.tp[p] += 1
        lang["tp"] += 1
        candidates = predicted[hit]
        chosen = next((c for c in candidates if c.modality == wanted), candidates[0]) if exact else candidates[0]
        scores.modality_total += 1
        scores.modality_ok += exact
        for claim in candidates if first_use else ():
            scores.rules[claim.rule]["tp"] += 1
        if gold.get("attributed_to") or chosen.attributed_to:
            scores.attribution_total += 1
            source = gold.get("attributed_to")
            scores.attribution_ok += bool(source and chosen.attributed_to and _match_ref(source, chosen.attributed_to, entities))
    for key, candidates in predicted.items():
        if not uses[key]:
            scores.fp[key[0]] += 1
            lang["fp"] += 1
            for claim in candidates:
                scores.rules[claim.rule]["fp"] += 1


def _fits(key, p, s, o, modality, uses, spent, claims, entities, symmetric) -> bool:
    """Whether a predicted triple can take a gold claim (p, s, o): it has a version left, and
    one in ``modality`` that no gold claim took yet when a modality is asked for."""
    versions = {c.modality for c in claims}
    if key[0] != p or uses[key] >= len(versions):
        return False
    if modality is not None and (modality not in versions or modality in spent[key]):
        return False
    return (_match_ref(s, key[1], entities) and _match_ref(o, key[2], entities)) or (
        p in symmetric and _match_ref(s, key[2], entities) and _match_ref(o, key[1], entities)
    )


def format_scores(scores: Scores, title: str = "") -> str:
    """A plain-text table: one row per relation, then overall, per language and modality."""
    data = scores.as_dict()
    lines = [title] if title else []
    lines.append(f"{'relation':28} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for rel, row in data["relations"].items():
        lines.append(f"{rel:28} {row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f} {row['tp']:4} {row['fp']:4} {row['fn']:4}")
    lines.append(f"{'overall (micro)':28} {data['precision']:6.2f} {data['recall']:6.2f} {data['f1']:6.2f}")
    for lang, row in data["languages"].items():
        lines.append(f"{'  ' + lang:28} {row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f}")
    lines.append(f"modality accuracy (matched claims): {data['modality_accuracy']:.2f}")
    if data["attribution_accuracy"] is not None:
        lines.append(f"attribution accuracy: {data['attribution_accuracy']:.2f}")
    return "\n".join(lines)


def write_calibration(scores: Scores, path: str | Path) -> Path:
    """Per-rule true and false positives, which ``kg.extract.confidence`` reads."""
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["rule", "tp", "fp"])
        families: dict[str, Counter] = defaultdict(Counter)
        for rule, counts in sorted(scores.rules.items()):
            writer.writerow([rule, counts["tp"], counts["fp"]])
            family = "/".join(rule.split("/")[:2])
            families[family].update(counts)
        for family, counts in sorted(families.items()):
            if family not in scores.rules:
                writer.writerow([family, counts["tp"], counts["fp"]])
    return target
