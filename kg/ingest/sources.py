"""Turn what a user hands to ``ingest`` (paths, folders, globs, text, Articles) into articles."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .dateline import dateline_date
from .language import detect_language
from .readers import READERS, clean_text, make_article, read_file

__all__ = ["iter_articles", "iter_paths"]

_GLOB_CHARS = set("*?[")


def _looks_like_text(value: str) -> bool:
    return "\n" in value or len(value) > 1024 or (" " in value.strip() and not Path(value).suffix)


def iter_paths(target: str | os.PathLike) -> Iterator[Path | InputError]:
    """Expand a file, a folder (recursively, supported suffixes only) or a glob into files."""
    text = os.fspath(target)
    path = Path(text)
    try:
        if _GLOB_CHARS & set(text) and not path.exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield InputError(text, "no file matches this pattern")
            for match in matches:
                if Path(match).is_dir():
                    yield from iter_paths(match)
                elif Path(match).is_file():
                    yield Path(match)
        elif path.is_dir():
            found = []
            unreadable: list[OSError] = []
            for root, _dirs, files in os.walk(path, followlinks=False, onerror=unreadable.append):
                for name in files:
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in READERS and not name.startswith("."):
                        found.append(candidate)
            for exc in unreadable:
                yield InputError(exc.filename or text, f"cannot open folder ({exc.strerror or exc})")
            yield from sorted(found)
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield InputError(text, "broken or looping symbolic link")
        elif path.exists():
            yield InputError(text, "not a regular file or folder (a device, pipe or socket)")
        else:
            yield InputError(text, "no such file or folder")
    except OSError as exc:
        yield InputError(text, f"cannot open ({exc.strerror or exc})")


def _checked(article: Article, settings: Settings) -> Article | InputError:
    """The article with its language and date filled, or why it cannot be processed."""
    if len(article.text) > settings.max_article_chars:
        return InputError(
            article.source or "<article>",
            f"text is {len(article.text):,} characters, over the {settings.max_article_chars:,}-character limit "
            "per article; split it into several articles",
        )
    return _with_language(article, settings)


def _with_language(article: Article, settings: Settings) -> Article:
    """Fill the language when it is not given, and the date from a dateline when there is one."""
    lang = (article.lang or "").lower()[:2]
    if lang not in ("fr", "en"):
        lang = detect_language(article.text, settings.default_lang)
    published = article.published or dateline_date(article.text)
    if lang == article.lang and published == article.published:
        return article
    return replace(article, lang=lang, published=published)


def iter_articles(
    sources: object, settings: Settings | None = None, warnings: list[str] | None = None
) -> Iterator[Article | InputError]:
    """Yield an Article (language set) or an InputError for everything in ``sources``."""
    settings = settings or Settings()
    warnings = warnings if warnings is not None else []
    if isinstance(sources, (str, os.PathLike, Article)):
        sources = [sources]
    for item in sources if isinstance(sources, Iterable) else [sources]:
        if isinstance(item, Article):
            if not isinstance(item.text, str) or not item.text.strip():
                yield InputError(item.source or "<article>", "empty text: nothing to extract")
                continue
            text, title = clean_text(item.text), item.headline and clean_text(item.headline)
            if text != item.text or title != item.headline:
                item = replace(item, text=text, headline=title)
            yield _checked(item, settings)
        elif isinstance(item, str) and _looks_like_text(item):
            try:
                yield _checked(make_article(item, source="<text>"), settings)
            except InputError as exc:
                yield exc
        elif isinstance(item, (str, os.PathLike)):
            for path in iter_paths(item):
                if isinstance(path, InputError):
                    yield path
                    continue
                for result in read_file(path, settings.max_file_bytes, warnings):
                    yield result if isinstance(result, InputError) else _checked(result, settings)
        else:
            yield InputError(repr(item)[:60], "not a path, a text or an Article")
