"""Readers turn one file into articles; they are registered by file suffix.

A reader gets the file's bytes (read up to the size limit), or, when registered with
``stream=True``, the path and the limit, so a feed larger than the limit is read record by
record and the limit applies to each record.
"""

from __future__ import annotations

import codecs
import errno
import io
import json
import stat
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .structure import headline, structure_spans

__all__ = ["register", "get_reader", "read_file", "decode", "clean_text", "make_article", "READERS"]

Reader = Callable[..., Iterator["Article | InputError"]]
READERS: dict[str, Reader] = {}

MAX_HEADLINE_CHARS = 500
MAX_REPORTED_LINES = 50
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def register(*suffixes: str, stream: bool = False) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (".txt").

    A reader is called as ``reader(path, data, warnings)``; with ``stream=True`` as
    ``reader(path, max_bytes, warnings)`` and it opens the file itself.
    """

    def deco(func: Reader) -> Reader:
        func.streams = stream
        for suffix in suffixes:
            READERS[suffix.lower()] = func
        return func

    return deco


def get_reader(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _looks_binary(text: str) -> bool:
    """Mostly control characters or undecodable bytes: not prose."""
    sample = text[:4096]
    odd = sum(1 for c in sample if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v"))
    return bool(sample) and odd > len(sample) // 10


def decode(source: str, data: bytes, warnings: list[str]) -> str:
    """Decode bytes as UTF-8, UTF-16 or UTF-32 (by BOM), else Windows-1252 with a warning."""
    encoding = _bom_encoding(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid {encoding.upper().removesuffix('-SIG')} text ({exc.reason})") from None
    else:
        if b"\x00" in data[:8192]:
            raise InputError(source, "binary content, not text (NUL bytes; UTF-16 needs a byte-order mark); skip it or convert it to UTF-8 text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{source}: not UTF-8, decoded as Windows-1252/Latin-1")
    if _looks_binary(text):
        raise InputError(source, "binary content, not text (mostly control characters); skip it or convert it to UTF-8 text")
    return text


def clean_text(text: str) -> str:
    """The text with lone surrogates (which no file or store can hold) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _parse_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _optional_text(source: str, name: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(source, f"'{name}' must be a string, not {type(value).__name__}")
    return clean_text(value)


def make_article(
    text: str,
    *,
    source: str,
    headline_text: str | None = None,
    lang: str | None = None,
    url: str | None = None,
    published: object = None,
) -> Article:
    """Build an Article from text, filling the headline and layout spans."""
    if not isinstance(text, str):
        raise InputError(source, f"the text must be a string, not {type(text).__name__}")
    text = clean_text(text)
    if not text.strip():
        raise InputError(source, "empty text: nothing to extract")
    title = _optional_text(source, "title", headline_text) or headline(text)
    if title and len(title) > MAX_HEADLINE_CHARS:
        title = title[: MAX_HEADLINE_CHARS - 1].rstrip() + "…"
    return Article(
        text=text,
        headline=title,
        lang=_optional_text(source, "lang", lang),
        url=_optional_text(source, "url", url),
        published=_parse_date(published),
        source=source,
        structure=structure_spans(text),
    )


@register(".txt", ".text", ".md", ".markdown")
def read_text(path: Path, data: bytes, warnings: list[str]) -> Iterator[Article | InputError]:
    yield make_article(decode(str(path), data, warnings), source=str(path))


@register(".html", ".htm", ".xhtml")
def read_html(path: Path, data: bytes, warnings: list[str]) -> Iterator[Article | InputError]:
    """The main text of a web page (trafilatura): navigation, scripts and footers are dropped."""
    import trafilatura

    html = decode(str(path), data, warnings)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError(str(path), "no article text found in the HTML page")
    found = meta.get("language")
    yield make_article(
        text,
        source=str(path),
        headline_text=meta.get("title"),
        lang=found if found in ("fr", "en") else None,
        url=meta.get("url"),
        published=meta.get("date"),
    )


def _lines(handle, limit: int, newline) -> Iterator[tuple[int, object, int]]:
    """(number, line, size) for each line of at most ``limit`` units; a longer one comes as None."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) <= limit or line.endswith(newline):
            yield number, line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(newline):
            line = handle.readline(1 << 20)
            size += len(line)
        yield number, None, size - (len(newline) if line.endswith(newline) else 0)


def _jsonl_article(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except RecursionError:
        raise InputError(where, "broken JSON line (nested too deeply); line skipped") from None
    except ValueError as exc:
        raise InputError(where, f"broken JSON line ({exc}); line skipped") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(where, "broken JSON line (no 'text' string); line skipped")
    return make_article(
        record["text"],
        source=where,
        headline_text=record.get("title") or record.get("headline"),
        lang=record.get("lang") or record.get("language"),
        url=record.get("url"),
        published=record.get("published") or record.get("date"),
    )


@register(".jsonl", ".ndjson", stream=True)
def read_jsonl(path: Path, max_bytes: int, warnings: list[str]) -> Iterator[Article | InputError]:
    """One JSON object a line with ``text`` and optional ``title``, ``url``, ``lang``, ``published``.

    The file is read line by line, so a feed may be larger than ``max_bytes``; each line
    may not. A bad line is reported with its number and the others are kept.
    """
    with path.open("rb") as raw:
        head = raw.read(8192)
        raw.seek(0)
        encoding = _bom_encoding(head)
        if encoding is None and b"\x00" in head:
            yield InputError(str(path), "binary content, not JSON Lines (NUL bytes); skip it or convert it to UTF-8 text")
            return
        if encoding in (None, "utf-8-sig"):
            handle, newline = raw, b"\n"
        else:
            handle, newline = io.TextIOWrapper(raw, encoding=encoding, newline=""), "\n"
        bad = 0
        for number, line, size in _lines(handle, max_bytes, newline):
            where = f"{path}:{number}"
            if line is not None and not isinstance(line, str):
                line = _decode_line(line, number, str(path), warnings)
            try:
                if line is None:
                    raise InputError(where, f"line is {size:,} bytes, over the {max_bytes:,}-byte limit; line skipped")
                if not line.strip():
                    continue
                yield _jsonl_article(line, where)
            except InputError as exc:
                bad += 1
                if bad <= MAX_REPORTED_LINES:
                    yield exc
        if bad > MAX_REPORTED_LINES:
            yield InputError(str(path), f"{bad - MAX_REPORTED_LINES:,} more bad lines skipped (the first {MAX_REPORTED_LINES} are listed)")


def _decode_line(line: bytes, number: int, source: str, warnings: list[str]) -> str:
    if number == 1 and line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8):]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        note = f"{source}: not UTF-8, lines decoded as Windows-1252/Latin-1"
        if note not in warnings:
            warnings.append(note)
        return line.decode("cp1252", errors="replace")


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file (or a broken symbolic link)"
    return f"cannot read file ({exc.strerror or exc})"


def _read_at_most(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(str(path), f"file is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return data


def read_file(path: Path, max_bytes: int, warnings: list[str]) -> Iterator[Article | InputError]:
    """Read one file with the reader its suffix selects; problems come back as InputError.

    A file over ``max_bytes`` is refused without being read into memory (JSON Lines feeds
    are streamed and the limit applies to each line).
    """
    source = str(path)
    reader = get_reader(path)
    if reader is None:
        yield InputError(source, f"unsupported file type '{path.suffix}' (use one of {', '.join(sorted(READERS))})")
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield InputError(source, "not a regular file (a folder, device, pipe or socket)")
            return
        if getattr(reader, "streams", False):
            yield from reader(path, max_bytes, warnings)
            return
        if info.st_size > max_bytes:
            yield InputError(source, f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
            return
        data = _read_at_most(path, max_bytes)
        yield from reader(path, data, warnings)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, _os_problem(exc))
    except Exception as exc:  # noqa: BLE001 - a malformed file must not end the batch
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        yield InputError(source, f"cannot read file ({type(exc).__name__}{': ' + detail if detail else ''})")
