"""The ``kg`` command: a thin Typer layer over the library; every command has ``--help``."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from .errors import GeoKGError
from .settings import Settings

app = typer.Typer(
    help="geokg: news articles in, a geopolitical knowledge graph out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

STORE_OPTION = typer.Option(Path("kg-store"), "--store", help="Folder of the on-disk store.")
MAX_BYTES_OPTION = typer.Option(
    None,
    "--max-bytes",
    min=1,
    show_default=f"{Settings.max_file_bytes:,}",
    help="Refuse files (and JSON Lines records) larger than this many bytes.",
)


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def _errors():
    """Turn geokg's own errors into a one-line message and a non-zero exit."""
    try:
        yield
    except GeoKGError as exc:
        _fail(str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__)
    except KeyboardInterrupt:
        _fail("interrupted", 130)


def _open(store: Path | str | None, read_only: bool = False, max_bytes: int | None = None):
    from .api import KnowledgeGraph

    settings = Settings(max_file_bytes=max_bytes) if max_bytes else None
    return KnowledgeGraph(str(store) if store is not None else None, read_only=read_only, settings=settings)


def _ingest(kg, paths: list[str], force: bool = False, jobs: int = 1):
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("reading articles", total=None)
        done = [0]

        def tick(source: str) -> None:
            done[0] += 1
            bar.update(task, description=f"{done[0]} articles: {source[-60:]}")

        report = kg.ingest(paths, force=force, jobs=jobs, progress=tick)
    for line in report.warnings:
        typer.echo(f"warning: {line}", err=True)
    for line in report.errors:
        typer.echo(f"error: {line}", err=True)
    return report


def _summary_text(summary: dict) -> str:
    lines = [
        f"articles: {summary['articles']}   entities: {summary['entities']}   claims: {summary['claims']}",
        "claims by relation: " + ", ".join(f"{k} {v}" for k, v in summary["by_relation"].items()),
        "claims by modality: " + ", ".join(f"{k} {v}" for k, v in summary["by_modality"].items()),
    ]
    if summary.get("top_actors"):
        lines.append("top actors: " + ", ".join(f"{a['label']} ({a['degree']})" for a in summary["top_actors"]))
    return "\n".join(lines)


@app.command()
def build(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs of articles."),
    out: Path = typer.Option(Path("out"), "-o", "--out", help="Output folder."),
    store: Optional[Path] = typer.Option(None, "--store", help="Keep the store in this folder (default: in memory)."),
    max_bytes: Optional[int] = MAX_BYTES_OPTION,
):
    """Ingest articles, then write graph.trig, graph.html and summary.json into OUT."""
    with _errors():
        kg = _open(store, max_bytes=max_bytes)
        report = _ingest(kg, paths)
        out.mkdir(parents=True, exist_ok=True)
        kg.export(out / "graph.trig")
        kg.render_html(out / "graph.html")
        info = kg.summary()
        info["ingest"] = report.as_dict()
        (out / "summary.json").write_text(json.dumps(info, indent=2, ensure_ascii=False), encoding="utf-8")
        text = _summary_text(info)
        (out / "summary.txt").write_text(text + "\n", encoding="utf-8")
        typer.echo(text)
        typer.echo(f"wrote {out / 'graph.trig'}, {out / 'graph.html'}, {out / 'summary.json'}")
        kg.close()
        if report.errors:
            raise typer.Exit(1)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs of articles."),
    store: Path = STORE_OPTION,
    force: bool = typer.Option(False, help="Re-extract articles already stored with the same text."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for spaCy."),
    max_bytes: Optional[int] = MAX_BYTES_OPTION,
):
    """Extract claims from articles and add them to the store."""
    with _errors():
        kg = _open(store, max_bytes=max_bytes)
        report = _ingest(kg, paths, force, jobs)
        kg.close()
        typer.echo(f"{report.articles} articles stored, {report.skipped} unchanged, {report.claims} claims, {len(report.errors)} failed")
        if report.errors:
            raise typer.Exit(1)


@app.command()
def remove(
    article: str = typer.Argument(..., help="The article's id, IRI or URL."),
    store: Path = STORE_OPTION,
):
    """Drop one article and its claims from the store."""
    with _errors():
        if not store.is_dir():
            _fail(f"{store}: no store here")
        kg = _open(store)
        removed = kg.remove(article)
        kg.close()
        if not removed:
            _fail(f"{article}: no such article in {store}")
        typer.echo(f"removed {article}")


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL query, or a file holding one."),
    store: Path = STORE_OPTION,
    format: str = typer.Option("table", "--format", "-f", help="table, csv or json (SPARQL 1.1 JSON results)."),
    named: Optional[str] = typer.Option(None, "--named", "-n", help="Run this query of the shipped library instead (meetings, timeline...)."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE for the named query, e.g. actor=country/RUS; repeatable."),
):
    """Run a SPARQL query over the union of all graphs, or a named query with --named."""
    with _errors():
        if named is not None:
            if sparql is not None:
                _fail("give either a SPARQL query or --named, not both")
            from .rdf.named import get_named_query

            values = {}
            for item in param:
                key, sep, value = item.partition("=")
                if not sep or not key.strip():
                    _fail(f"--param {item!r}: use NAME=VALUE")
                values[key.strip()] = value
            text = get_named_query(named).bind(**values)
        elif sparql is None:
            _fail("give a SPARQL query, a file holding one, or --named NAME")
        elif param:
            _fail("--param goes with --named")
        else:
            text = sparql
            candidate = Path(sparql)
            if len(sparql) < 4096 and "\n" not in sparql and candidate.suffix in (".rq", ".sparql", ".txt") and candidate.is_file():
                text = candidate.read_text(encoding="utf-8")
        if format not in ("table", "csv", "json"):
            _fail(f"unknown format '{format}' (use table, csv or json)")
        kg = _open(store, read_only=True)
        rows = kg.query(text)
        if rows.graph is not None:
            typer.echo(rows.graph.serialize(format="turtle"))
        elif format == "json":
            typer.echo(rows.to_json())
        elif format == "csv":
            typer.echo(rows.to_csv(), nl=False)
        elif rows.boolean is not None:
            typer.echo("true" if rows.boolean else "false")
        else:
            from rich.console import Console
            from rich.table import Table

            table = Table(*rows.vars)
            for row in rows:
                table.add_row(*("" if row.get(v) is None else str(row[v]) for v in rows.vars))
            Console(width=200).print(table)


@app.command()
def export(
    file: Path = typer.Argument(..., help="Output file; the format comes from the suffix."),
    store: Path = STORE_OPTION,
):
    """Write the store as .ttl, .trig, .nq, .jsonld, .gexf, .graphml or .csv."""
    with _errors():
        path = _open(store, read_only=True).export(file)
        typer.echo(f"wrote {path}")


@app.command()
def render(
    file: Path = typer.Argument(Path("graph.html"), help="Output HTML page."),
    store: Path = STORE_OPTION,
    max_nodes: int = typer.Option(300, help="Show at most this many actors, the most connected."),
):
    """Write the interactive actor-network page."""
    with _errors():
        path = _open(store, read_only=True).render_html(file, max_nodes=max_nodes)
        typer.echo(f"wrote {path}")


@app.command()
def stats(store: Path = STORE_OPTION, as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Counts of articles, entities and claims, and the top actors."""
    with _errors():
        info = _open(store, read_only=True).summary()
        typer.echo(json.dumps(info, indent=2, ensure_ascii=False) if as_json else _summary_text(info))


@app.command()
def validate(target: Path = typer.Argument(..., help="An RDF file (.trig, .ttl, .nq, .jsonld) or a store folder.")):
    """Check a graph against the SHACL shapes; exits non-zero when it does not conform."""
    with _errors():
        from .api import KnowledgeGraph

        if target.is_dir():
            kg = KnowledgeGraph(str(target), read_only=True)
        elif target.is_file():
            kg = KnowledgeGraph()
            kg.load(target)
        else:
            _fail(f"{target}: no such file or store folder")
        conforms, text = kg.validate()
        if conforms:
            typer.echo(f"{target}: conforms")
        else:
            typer.echo(text, err=True)
            _fail(f"{target}: does not conform to ontology/shapes.ttl")


@app.command(name="eval")
def evaluate_cli(
    gold: Path = typer.Argument(Path("tests/data/gold"), help="Folder of gold .jsonl files (or one file)."),
    split: str = typer.Option("all", help="Which split to score: dev, heldout or all."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    calibrate: Optional[Path] = typer.Option(None, help="Write per-rule counts for confidence to this TSV (use the dev split)."),
):
    """Precision, recall and F1 per relation against annotated gold articles, and modality accuracy."""
    with _errors():
        from .evaluation import evaluate, format_scores, load_gold, write_calibration

        docs = load_gold(gold, split)
        if not docs:
            _fail(f"{gold}: no gold documents in split '{split}'")
        scores = evaluate(docs)
        typer.echo(json.dumps(scores.as_dict(), indent=2) if as_json else format_scores(scores, f"{len(docs)} documents, split {split}"))
        for line in scores.errors:
            typer.echo(f"error: {line}", err=True)
        if calibrate is not None:
            typer.echo(f"wrote {write_calibration(scores, calibrate)}")


@app.command()
def serve(
    store: Path = STORE_OPTION,
    host: str = typer.Option("127.0.0.1", help="Address to listen on; anything but loopback exposes the store."),
    port: int = typer.Option(7878, min=1, max=65535, help="Port to listen on."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL updates (read-only otherwise)."),
    timeout: Optional[float] = typer.Option(None, min=0.1, show_default=f"{Settings.query_timeout_s:g} s", help="Stop each query after this many seconds."),
    max_results: Optional[int] = typer.Option(None, min=1, show_default=f"{Settings.result_limit:,}", help="Return at most this many rows (or triples)."),
    max_request_bytes: Optional[int] = typer.Option(None, min=1, show_default=f"{Settings.max_request_bytes:,}", help="Refuse larger requests."),
    workers: Optional[int] = typer.Option(None, min=1, show_default="CPU count, at most 4", help="Query worker processes."),
):
    """Serve the store as a SPARQL 1.1 endpoint at /sparql, with a query page at /."""
    with _errors():
        from .serve import is_loopback, open_config, run

        config = open_config(store, allow_update=allow_update, timeout=timeout, max_results=max_results, max_request_bytes=max_request_bytes, workers=workers)
        if allow_update and not is_loopback(host):
            typer.echo(f"warning: anyone who reaches {host}:{port} can change the store", err=True)
        typer.echo(f"serving {store} at http://{host}:{port}/sparql ({'read-write' if allow_update else 'read-only'}, {config.workers} workers)", err=True)
        run(config, host, port)


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except GeoKGError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
