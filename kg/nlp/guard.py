"""Text as the spaCy tokenizer gets it: the same length, with pathological runs broken up
and guillemets made plain quotes.

spaCy's tokenizer takes quadratic time on a long run of punctuation or symbols: 4,000
"!" or emoji in a row take over a second, 40,000 take minutes. A run without whitespace
longer than ``MAX_RUN`` characters is never prose, so one character in every
``MAX_RUN + 1`` of it is replaced by a space.

The small French model often takes a guillemet for a noun and parses the rest of the
sentence around it ("a dénoncé une « violation »" with « as the object), and does so much
less with a plain double quote: « and » become ". On the French gold articles that gives
more claims right and fewer wrong.

Replacing one character by one keeps every offset valid in the original text, which is
where evidence is cut from.
"""

from __future__ import annotations

import re

__all__ = ["tokenizable", "MAX_RUN"]

MAX_RUN = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def _break(match: re.Match) -> str:
    chars = list(match.group())
    for i in range(MAX_RUN, len(chars), MAX_RUN + 1):
        chars[i] = " "
    return "".join(chars)


_PLAIN_QUOTES = str.maketrans({"«": '"', "»": '"'})


def tokenizable(text: str) -> str:
    """``text`` with runs of more than ``MAX_RUN`` non-space characters cut by spaces and
    guillemets made plain quotes, at the same length.

    >>> run = "!" * 450
    >>> out = tokenizable("Wow " + run)
    >>> len(out) == len("Wow " + run), [len(part) for part in out.split()]
    (True, [3, 200, 200, 48])
    >>> tokenizable("une « violation » de l’accord")
    'une " violation " de l’accord'
    """
    return _LONG_RUN.sub(_break, text).translate(_PLAIN_QUOTES)
