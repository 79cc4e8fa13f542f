"""The SPARQL 1.1 Protocol endpoint (``/sparql``) and its query page (``/``).

``GET /sparql?query=``, ``POST /sparql`` with a form (``query=`` or ``update=``) or with an
``application/sparql-query`` / ``application/sparql-update`` body. Results are negotiated
with ``Accept`` (or ``format=json|xml|csv|tsv|turtle|trig|nt``): SPARQL JSON (the
default), XML, CSV and TSV for SELECT and ASK; Turtle (the default), TriG, N-Triples,
JSON-LD and RDF/XML for CONSTRUCT and DESCRIBE. The default graph is the union of all
graphs and geokg's prefixes are predeclared, as with ``kg query``. ``/query`` and
``/update`` answer like Oxigraph's endpoints, so ``KnowledgeGraph("http://host:port")``
works against this server too.

Limits: updates only with ``allow_update`` (403 otherwise); ``SERVICE`` and ``LOAD``
refused (400), so the server never fetches from the network; requests over
``max_request_bytes`` refused (413); each query stopped at ``timeout`` seconds (503);
at most ``max_results`` rows or triples, with ``X-Result-Truncated: true`` when more
were found. A web page from another origin cannot post to the server (a cross-origin
``Origin`` is refused), and a server on loopback answers only requests addressed to a
loopback name, so a page rebinding its own domain to 127.0.0.1 cannot reach it either.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from ..settings import Settings
from .formats import NotAcceptable, negotiate
from .guard import remote_access
from .server import is_loopback
from .workers import Answer, Job, WorkerPool

__all__ = ["ServerConfig", "create_app"]

_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
_UNSUPPORTED = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")
_STATIC = {"page.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8"}
_PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"


@dataclass(frozen=True)
class ServerConfig:
    """How one ``kg serve`` runs; the defaults come from ``Settings``."""

    store: Path
    allow_update: bool = False
    timeout: float = Settings.query_timeout_s
    max_results: int = Settings.result_limit
    max_request_bytes: int = Settings.max_request_bytes
    workers: int = 2
    host: str = "127.0.0.1"


class Refusal(Exception):
    """A request answered with an error before it reaches a worker."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.answer = Answer.error(status, message)


async def _body(request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Refusal(413, f"request body of {int(declared):,} bytes is over the limit of {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refusal(413, f"request body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, "the request is not valid UTF-8") from None


async def _operation(request, limit: int) -> tuple[str, str, dict[str, str]]:
    """The operation (``query`` or ``update``), its text and the other parameters."""
    raw_query = request.scope.get("query_string", b"")
    if len(raw_query) > limit:
        raise Refusal(413, f"request URL is over the limit of {limit:,} bytes")
    pairs = parse_qsl(_decode(raw_query), keep_blank_values=True)
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = _decode(await _body(request, limit))
        if media == "application/x-www-form-urlencoded":
            try:
                pairs += parse_qsl(body, keep_blank_values=True, max_num_fields=100)
            except ValueError:
                raise Refusal(400, "too many form fields") from None
        elif media == "application/sparql-query":
            pairs.append(("query", body))
        elif media == "application/sparql-update":
            pairs.append(("update", body))
        else:
            raise Refusal(415, "send application/x-www-form-urlencoded (query= or update=), application/sparql-query or application/sparql-update")
    params: dict[str, str] = {}
    for name, value in pairs:
        if name in params and name in ("query", "update"):
            raise Refusal(400, f"give one '{name}' parameter, not several")
        params[name] = value
    for name in _UNSUPPORTED:
        if name in params:
            raise Refusal(400, f"'{name}' is not supported: the default graph is the union of all graphs; use GRAPH or FROM in the query")
    found = [name for name in ("query", "update") if name in params]
    if len(found) != 1:
        raise Refusal(400, "give either a 'query' or an 'update' parameter" if found else "missing 'query' (or 'update') parameter")
    operation = found[0]
    if operation == "update" and request.method != "POST":
        raise Refusal(400, "updates must be sent with POST")
    text = params.pop(operation)
    if not text.strip():
        raise Refusal(400, f"the {operation} is empty")
    return operation, text, params


def _misaddressed(request, loopback_only: bool) -> str | None:
    """Why a request must be refused for where it comes from or what host it names, if it must."""
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    if loopback_only and name.strip("[]").lower() not in _LOOPBACK_NAMES:
        return "this server answers requests for 127.0.0.1 or localhost only"
    origin = request.headers.get("origin")
    if request.method == "POST" and origin and origin != f"{request.url.scheme}://{host}":
        return "requests from pages of another origin are refused"
    return None


def _respond(answer: Answer) -> Response:
    return Response(content=answer.body, status_code=answer.status, media_type=answer.media_type, headers=answer.headers)


def create_app(config: ServerConfig):
    """A FastAPI application serving the store in ``config.store`` through a pool of workers."""
    pool = WorkerPool(config.store, readers=config.workers, writable=config.allow_update)

    @asynccontextmanager
    async def lifespan(_app):
        await pool.start()
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(title="geokg SPARQL endpoint", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.pool = pool
    app.state.config = config

    loopback_only = is_loopback(config.host)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        reason = _misaddressed(request, loopback_only)
        response = _respond(Answer.error(403, reason)) if reason else await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers.setdefault("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        return response

    async def answer(request: Request, allowed: tuple[str, ...]):
        try:
            operation, text, params = await _operation(request, config.max_request_bytes)
            if operation not in allowed:
                raise Refusal(400, f"this endpoint takes a {allowed[0]}, not a {operation}")
            reason = remote_access(text)
            if reason:
                raise Refusal(400, reason)
            if operation == "update":
                if not config.allow_update:
                    raise Refusal(403, "this server is read-only; start it with 'kg serve --allow-update' to accept updates")
                job = Job("update", text)
            else:
                try:
                    choice = negotiate(request.headers.get("accept"), params.get("format") or params.get("output"))
                except NotAcceptable as exc:
                    raise Refusal(406, str(exc)) from None
                job = Job("query", text, choice.results, choice.graph, config.max_results)
        except Refusal as refusal:
            return _respond(refusal.answer)
        return _respond(await pool.run(job, config.timeout))

    @app.api_route("/sparql", methods=["GET", "POST"])
    async def sparql(request: Request):
        return await answer(request, ("query", "update"))

    @app.api_route("/query", methods=["GET", "POST"])
    async def query(request: Request):
        return await answer(request, ("query",))

    @app.post("/update")
    async def update(request: Request):
        return await answer(request, ("update",))

    @app.get("/")
    async def page():
        html = resources.files(__package__).joinpath("static", "index.html").read_bytes()
        return Response(content=html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": _PAGE_POLICY})

    @app.get("/favicon.ico")
    async def favicon():
        return Response(status_code=204)

    @app.get("/static/{name}")
    async def static(name: str):
        if name not in _STATIC:
            return _respond(Answer.error(404, "not found"))
        return Response(content=resources.files(__package__).joinpath("static", name).read_bytes(), media_type=_STATIC[name])

    @app.get("/named")
    async def named():
        from ..rdf.named import named_queries

        return JSONResponse(
            [
                {
                    "name": nq.name,
                    "description": nq.description,
                    "params": [{"name": p.name, "kind": p.kind, "optional": p.optional, "example": p.example, "help": p.help} for p in nq.params],
                    "example": nq.example(),
                }
                for nq in named_queries().values()
            ]
        )

    @app.get("/health")
    async def health():
        return JSONResponse({"status": "ok", "read_only": not config.allow_update, "timeout_s": config.timeout, "max_results": config.max_results})

    return app
