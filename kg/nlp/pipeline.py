"""spaCy pipelines per language, loaded lazily once, with geokg's components added.

Before the statistical components run, names from the gazetteer are matched and line
breaks start sentences. Gazetteer names are merged into single tokens and hyphenated names
the tokenizer split are rejoined: before the parser for French, whose model parses a merged
name ("Corée du Sud") as one nominal, and after it for English, whose model tags an unseen
multi-word token badly ("United States" came out as punctuation) but parses the words well.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from ..settings import MODELS

__all__ = ["get_nlp", "register_language", "LANGUAGES", "model_name", "as_phrases"]

LANGUAGES: dict[str, tuple[str, ...]] = dict(MODELS)
_CACHE: dict[str, Language] = {}
# Languages whose names are merged before the parser rather than after it (see above).
MERGE_BEFORE_PARSE = frozenset({"fr"})
_LOCK = threading.Lock()


def register_language(lang: str, *model_packages: str) -> None:
    """Make a language available: the model packages are tried in order."""
    LANGUAGES[lang] = tuple(model_packages)
    _CACHE.pop(lang, None)


@Language.component("geokg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and section titles never run into the text."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("geokg_merge_names")
def merge_names(doc: Doc) -> Doc:
    """Merge gazetteer matches and split hyphenated names ("Jong - un") into single tokens.

    Only the gazetteer's names are merged (they carry an entity id); names the statistical
    recognizer found are left as the parser saw them.
    """
    spans = [ent for ent in doc.ents if len(ent) > 1 and ent.ent_id_]
    taken = {i for span in spans for i in range(span.start, span.end)}
    i = 1
    while i < len(doc) - 1:
        left, hyphen, right = doc[i - 1], doc[i], doc[i + 1]
        if (
            hyphen.text in ("-", "‑")
            and not left.whitespace_
            and not hyphen.whitespace_
            and left.text[:1].isupper()
            and right.is_alpha
            and not {left.i, hyphen.i, right.i} & taken
        ):
            start = left.i
            spans.append(doc[start : right.i + 1])
            taken.update(range(start, right.i + 1))
            i += 3
            continue
        i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


@Language.component("geokg_tag_from_pos")
def tag_from_pos(doc: Doc) -> Doc:
    """Copy each token's coarse POS into its tag, in one array operation."""
    import numpy
    from spacy.attrs import POS, TAG

    if len(doc):
        strings = doc.vocab.strings
        pos = doc.to_array([POS])
        names = {int(p): strings.add(doc.vocab.strings[int(p)]) for p in numpy.unique(pos)}
        doc.from_array([TAG], numpy.array([names[int(p)] for p in pos], dtype="uint64").reshape(-1, 1))
    return doc


def _copies_pos_to_tag(nlp: Language) -> bool:
    """Whether the model's attribute ruler does nothing but set TAG to the POS (fr_core_news_sm)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    for entry in nlp.get_pipe("attribute_ruler").patterns:
        pattern, attrs = entry["patterns"], entry["attrs"]
        if len(pattern) != 1 or len(pattern[0]) != 1 or set(pattern[0][0]) != {"POS"} or attrs != {"TAG": pattern[0][0]["POS"]}:
            return False
    return True


def as_phrases(patterns: list[dict]) -> list[dict]:
    """Token patterns that only spell words out become phrase patterns.

    The entity ruler matches phrase patterns with spaCy's PhraseMatcher, which stays fast
    with tens of thousands of names; a lowercase generic noun ("armes") also gets its
    capitalised form, for the start of a sentence.
    """
    out = []
    for pattern in patterns:
        tokens = pattern.get("pattern")
        if isinstance(tokens, list) and all(len(t) == 1 and ("ORTH" in t or "LOWER" in t) for t in tokens):
            words = [next(iter(t.values())) for t in tokens]
            phrase = " ".join(words)
            variants = {phrase}
            if any("LOWER" in t for t in tokens):
                variants.add(phrase[:1].upper() + phrase[1:])
            out.extend({**pattern, "pattern": variant} for variant in sorted(variants))
        else:
            out.append(pattern)
    return out


def model_name(lang: str) -> str:
    """The first installed model package for a language."""
    candidates = LANGUAGES.get(lang)
    if not candidates:
        raise ModelError(f"no spaCy model registered for language '{lang}' (known: {', '.join(LANGUAGES)})")
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"none of the spaCy models {', '.join(candidates)} is installed for '{lang}'; "
        "run 'make install' or pip install the project"
    )


def _build(lang: str, patterns: Callable[[str], list[dict]] | None) -> Language:
    import spacy

    nlp = spacy.load(model_name(lang))
    if _copies_pos_to_tag(nlp):
        nlp.replace_pipe("attribute_ruler", "geokg_tag_from_pos")
    first = nlp.pipe_names[0]
    ruler = nlp.add_pipe(
        "entity_ruler", name="geokg_gazetteer", before=first, config={"overwrite_ents": True}
    )
    if patterns is None:
        from .gazetteer import default_gazetteer

        patterns = default_gazetteer().ruler_patterns
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(as_phrases(patterns(lang)))
    if lang in MERGE_BEFORE_PARSE:
        nlp.add_pipe("geokg_merge_names", after="geokg_gazetteer")
    else:
        nlp.add_pipe("geokg_merge_names", last=True)
    nlp.add_pipe("geokg_line_sentences", after="geokg_gazetteer")
    return nlp


def get_nlp(lang: str, patterns: Callable[[str], list[dict]] | None = None) -> Language:
    """The pipeline for ``lang``, built on first use and cached for the process."""
    with _LOCK:
        if lang not in _CACHE:
            _CACHE[lang] = _build(lang, patterns)
        return _CACHE[lang]
