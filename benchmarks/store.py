"""Storage and SPARQL speed: geokg's default store against rdflib's Memory store and raw pyoxigraph.

Generates an event graph shaped like geokg's (claims in per-article named graphs, entities
in their own graph) of the given sizes, then measures in this one run, each engine in its
own process so peak memory is its own: bulk load time, peak resident memory, and the
median latency of four queries (point lookup, two-hop join, group-by, date filter).

    .venv/bin/python benchmarks/store.py --triples 100000 1000000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GKG = "https://w3id.org/geokg/ontology#"
GKR = "https://w3id.org/geokg/resource/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RELATIONS = ["meets", "visits", "sanctions", "attacks", "supports", "condemns", "aids", "threatens"]
MODALITIES = ["Asserted", "Hedged", "Negated", "Conditional"]

QUERIES = {
    "point lookup": f"SELECT ?c ?p WHERE {{ ?c <{RDF}subject> <{GKR}country/C7> ; <{RDF}predicate> ?p }}",
    "two-hop join": (
        f"SELECT ?a ?b WHERE {{ ?b <{GKG}country> <{GKR}country/C3> . "
        f"?c <{RDF}object> ?b ; <{RDF}predicate> <{GKG}meets> ; <{RDF}subject> ?a }}"
    ),
    "group-by": f"SELECT ?p (COUNT(?c) AS ?n) WHERE {{ ?c <{RDF}predicate> ?p }} GROUP BY ?p",
    "date filter": (
        f"SELECT ?c WHERE {{ ?c <{GKG}eventDate> ?d "
        f'FILTER(?d >= "2024-03-01"^^<{XSD}date> && ?d < "2024-03-08"^^<{XSD}date>) }}'
    ),
}


def generate(path: Path, triples: int, seed: int = 7) -> None:
    """Write an N-Quads file of about ``triples`` quads."""
    rng = random.Random(seed)
    actors = max(50, triples // 400)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        entities = f"<{GKR}graph/entities>"
        for i in range(actors):
            node = f"<{GKR}person/p{i}>"
            out.write(f'{node} <{RDF}type> <{GKG}Person> {entities} .\n')
            out.write(f'{node} <{GKG}country> <{GKR}country/C{i % 40}> {entities} .\n')
            written += 2
        claim = 0
        while written < triples:
            article = f"<{GKR}article/a{claim // 20}>"
            node = f"<{GKR}claim/c{claim}>"
            s, o = rng.randrange(actors), rng.randrange(actors)
            subject = f"<{GKR}country/C{s % 40}>" if s % 3 == 0 else f"<{GKR}person/p{s}>"
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            relation = rng.choice(RELATIONS)
            lines = [
                f"{node} <{RDF}type> <{GKG}Claim>",
                f"{node} <{RDF}subject> {subject}",
                f"{node} <{RDF}predicate> <{GKG}{relation}>",
                f"{node} <{RDF}object> <{GKR}person/p{o}>",
                f"{node} <{GKG}modality> <{GKG}{rng.choice(MODALITIES)}>",
                f'{node} <{GKG}confidence> "0.{rng.randint(10, 99)}"^^<{XSD}decimal>',
                f'{node} <{GKG}evidence> "Sentence number {claim} about the event."@en',
                f'{node} <{GKG}eventDate> "{day}"^^<{XSD}date>',
                f"{node} <http://www.w3.org/ns/prov#wasDerivedFrom> {article}",
                f"{subject} <{GKG}{relation}> <{GKR}person/p{o}>",
            ]
            for line in lines:
                out.write(f"{line} {article} .\n")
            written += len(lines)
            claim += 1


def _timed_queries(run) -> dict[str, float]:
    out = {}
    for name, query in QUERIES.items():
        run(query)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            run(query)
            times.append(time.perf_counter() - start)
        out[name] = statistics.median(times)
    return out


def engine(name: str, data: str) -> dict:
    """Run inside a fresh process: load, query, report peak memory."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if name == "pyoxigraph":
        import pyoxigraph

        store = pyoxigraph.Store()
        start = time.perf_counter()
        store.bulk_load(path=data, format=pyoxigraph.RdfFormat.N_QUADS)
        load = time.perf_counter() - start
        queries = _timed_queries(lambda q: list(store.query(q, use_default_graph_as_union=True)))
    else:
        from kg import KnowledgeGraph

        kg = KnowledgeGraph(store="oxigraph" if name == "geokg (Oxigraph)" else "memory")
        start = time.perf_counter()
        kg.load(data)
        load = time.perf_counter() - start
        queries = _timed_queries(lambda q: list(kg.query(q)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"load": load, "queries": queries, "peak_mib": peak / 1024, "added_mib": (peak - before) / 1024}


ENGINES = ["pyoxigraph", "geokg (Oxigraph)", "rdflib Memory"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        print(json.dumps(engine(args.engine, args.data)))
        return
    for size in args.triples:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "graph.nq"
            generate(data, size)
            results = {}
            for name in ENGINES:
                out = subprocess.run(
                    [sys.executable, __file__, "--engine", name, "--data", str(data)],
                    capture_output=True, text=True, check=True,
                )
                results[name] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"\n{size:,} triples")
        print(f"{'':18}" + "".join(f"{name:>20}" for name in ENGINES) + f"{'geokg/raw':>11}{'Memory/geokg':>14}")
        raw, ours, memory = (results[n] for n in ENGINES)
        print(f"{'load (s)':18}" + "".join(f"{results[n]['load']:20.2f}" for n in ENGINES)
              + f"{ours['load'] / raw['load']:11.2f}{memory['load'] / ours['load']:14.1f}")
        ratios_raw, ratios_mem = [], []
        for query in QUERIES:
            times = [results[n]["queries"][query] * 1000 for n in ENGINES]
            ratios_raw.append(times[1] / times[0])
            ratios_mem.append(times[2] / times[1])
            print(f"{query + ' (ms)':18}" + "".join(f"{t:20.2f}" for t in times) + f"{times[1] / times[0]:11.2f}{times[2] / times[1]:14.1f}")
        print(f"{'peak memory (MiB)':18}" + "".join(f"{results[n]['peak_mib']:20.0f}" for n in ENGINES)
              + f"{'':11}{memory['peak_mib'] / ours['peak_mib']:14.1f}")
        print(f"median query ratio geokg/raw pyoxigraph: {statistics.median(ratios_raw):.2f}; "
              f"rdflib Memory/geokg: {statistics.median(ratios_mem):.1f}")


if __name__ == "__main__":
    main()
