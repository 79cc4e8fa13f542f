"""Article layout: headline, section labels and datelines, found without changing the text."""

from __future__ import annotations

import re
from functools import lru_cache

from ..settings import ontology_dir

__all__ = ["headline", "structure_spans"]

_QUOTES = "«»\"“”‘’'  "


@lru_cache(maxsize=1)
def _label_regex() -> re.Pattern[str]:
    path = ontology_dir() / "lexicon" / "structure.txt"
    labels = [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    alternatives = "|".join(sorted((re.escape(label) for label in labels), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?:{alternatives})[ \t]*:", re.IGNORECASE | re.MULTILINE)


def headline(text: str) -> str | None:
    """The first non-empty line, without surrounding quotes or a layout label."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            line = _label_regex().sub("", line, count=1).strip()
            return line.strip(_QUOTES).strip() or None
    return None


def structure_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of layout labels such as "Titre :" or "Conclusion :"."""
    return tuple(match.span() for match in _label_regex().finditer(text))
