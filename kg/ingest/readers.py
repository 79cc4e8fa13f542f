"""Readers turn one file into articles; they are registered by file suffix."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .structure import headline, structure_spans

__all__ = ["register", "get_reader", "read_file", "decode", "make_article", "READERS"]

Reader = Callable[[Path, bytes, list[str]], Iterator["Article | InputError"]]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (".txt")."""

    def deco(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = func
        return func

    return deco


def get_reader(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def decode(source: str, data: bytes, warnings: list[str]) -> str:
    """Decode bytes as UTF-8 or UTF-16 (by BOM), else Windows-1252 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid UTF-16 text ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary content, not text (NUL bytes); skip it or convert it to text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    warnings.append(f"{source}: not UTF-8, decoded as Windows-1252/Latin-1")
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
    if not text.strip():
        raise InputError(source, "empty text: nothing to extract")
    return Article(
        text=text,
        headline=headline_text or headline(text),
        lang=lang,
        url=url or None,
        published=_parse_date(published),
        source=source,
        structure=structure_spans(text),
    )


@register(".txt", ".text", ".md", ".markdown")
def read_text(path: Path, data: bytes, warnings: list[str]) -> Iterator[Article | InputError]:
    yield make_article(decode(str(path), data, warnings), source=str(path))


@register(".html", ".htm", ".xhtml")
def read_html(path: Path, data: bytes, warnings: list[str]) -> Iterator[Article | InputError]:
    import trafilatura

    html = decode(str(path), data, warnings)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError(str(path), "no article text found in the HTML page")
    yield make_article(
        text,
        source=str(path),
        headline_text=meta.get("title"),
        lang=meta.get("language") if meta.get("language") in ("fr", "en") else None,
        url=meta.get("url"),
        published=meta.get("date"),
    )


@register(".jsonl", ".ndjson")
def read_jsonl(path: Path, data: bytes, warnings: list[str]) -> Iterator[Article | InputError]:
    """One JSON object a line with ``text`` and optional ``title``, ``url``, ``lang``, ``published``."""
    text = decode(str(path), data, warnings)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError("no 'text' string")
            yield make_article(
                record["text"],
                source=where,
                headline_text=record.get("title") or record.get("headline"),
                lang=record.get("lang") or record.get("language"),
                url=record.get("url"),
                published=record.get("published") or record.get("date"),
            )
        except InputError as exc:
            yield exc
        except ValueError as exc:
            yield InputError(where, f"broken JSON line ({exc}); line skipped")


def read_file(path: Path, max_bytes: int, warnings: list[str]) -> Iterator[Article | InputError]:
    """Read one file with the reader its suffix selects; problems come back as InputError."""
    source = str(path)
    reader = get_reader(path)
    if reader is None:
        yield InputError(source, f"unsupported file type '{path.suffix}' (use one of {', '.join(sorted(READERS))})")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read file ({exc.strerror or exc})")
        return
    try:
        yield from reader(path, data, warnings)
    except InputError as exc:
        yield exc
