"""Guess whether a text is French or English from function words."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["detect_language", "SUPPORTED"]

SUPPORTED = ("fr", "en")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return {"fr": frozenset(FR - EN), "en": frozenset(EN - FR)}


def detect_language(text: str, default: str = "en") -> str:
    """Return "fr" or "en", whichever language's exclusive stop words are more frequent.

    >>> detect_language("La France et le Japon ont signé un accord.")
    'fr'
    """
    markers = _markers()
    scores = dict.fromkeys(markers, 0)
    for word in _WORD.findall(text[:20000].lower()):
        for lang, words in markers.items():
            if word in words:
                scores[lang] += 1
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default
