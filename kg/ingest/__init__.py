"""Reading sources into articles: files, folders, globs, JSON Lines, HTML and raw text."""

from .language import detect_language
from .readers import register
from .sources import iter_articles, iter_paths

__all__ = ["detect_language", "iter_articles", "iter_paths", "register"]
