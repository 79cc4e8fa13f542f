"""Extraction speed: kg.ingest against bare spaCy ``nlp.pipe`` on the same texts, same model.

Prints a table of tokens per second and the ratios, all measured in this one run:
bare ``nlp.pipe`` (the model as shipped), ``kg.ingest`` with one process (gazetteer ruler,
extraction, resolution and RDF writes included), and ``kg.ingest --jobs 2``. Bare and
one-process runs alternate for ``--rounds`` rounds and the fastest of each counts, so a
burst of load on the machine during one run does not decide the ratio.

    .venv/bin/python benchmarks/extraction.py --tokens 100000
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(tokens: int) -> list[tuple[str, str]]:
    """(lang, text) pairs from the seeds and the gold set, repeated up to ``tokens`` words."""
    from kg.ingest import detect_language

    base = [(detect_language(p.read_text(encoding="utf-8")), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "data" / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                base.append((record["lang"], record["text"]))
    out, count, i = [], 0, 0
    while count < tokens:
        lang, text = base[i % len(base)]
        variant = f"{text}\n\n({i})"
        out.append((lang, variant))
        count += len(variant.split())
        i += 1
    return out


def bare(texts: list[tuple[str, str]]) -> tuple[int, float]:
    import spacy

    from kg.nlp.pipeline import model_name

    tokens, elapsed = 0, 0.0
    for lang in sorted({lang for lang, _ in texts}):
        nlp = spacy.load(model_name(lang))
        batch = [t for l, t in texts if l == lang]
        list(nlp.pipe(batch[:20]))
        start = time.perf_counter()
        for doc in nlp.pipe(batch, batch_size=32):
            tokens += len(doc)
        elapsed += time.perf_counter() - start
    return tokens, elapsed


def full(texts: list[tuple[str, str]], jobs: int) -> float:
    from kg import Article, KnowledgeGraph
    from kg.nlp.pipeline import get_nlp

    for lang in sorted({lang for lang, _ in texts}):
        get_nlp(lang)
    kg = KnowledgeGraph()
    kg.ingest([Article(text=t + " warm", lang=l) for l, t in texts[:20]])
    articles = [Article(text=t, lang=l) for l, t in texts]
    start = time.perf_counter()
    report = kg.ingest(articles, jobs=jobs)
    elapsed = time.perf_counter() - start
    assert report.ok and report.articles == len(articles), report.errors[:3]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs; the fastest of each counts")
    args = parser.parse_args()
    texts = corpus(args.tokens)
    bare_times, one_times, two_times = [], [], []
    for _ in range(max(1, args.rounds)):
        tokens, elapsed = bare(texts)
        bare_times.append(elapsed)
        one_times.append(full(texts, 1))
        two_times.append(full(texts, 2))
    t_bare, t_one, t_two = min(bare_times), min(one_times), min(two_times)
    rows = [
        ("bare nlp.pipe", t_bare, 1.0),
        ("kg.ingest, 1 process", t_one, t_bare / t_one),
        ("kg.ingest, 2 processes", t_two, t_bare / t_two),
    ]
    print(f"{len(texts)} articles, {tokens:,} spaCy tokens, fastest of {len(bare_times)} rounds")
    print(f"{'pipeline':28} {'seconds':>8} {'tokens/s':>10} {'ratio to bare':>14}")
    for name, seconds, ratio in rows:
        print(f"{name:28} {seconds:8.2f} {tokens / seconds:10,.0f} {ratio:14.2f}")
    print(f"2 processes / 1 process: {t_one / t_two:.2f}x")


if __name__ == "__main__":
    main()
