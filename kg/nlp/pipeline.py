"""spaCy pipelines per language, loaded lazily once, with geokg's components added.

Before the statistical components run, names from the gazetteer are matched and line
breaks start sentences. Gazetteer names are merged into single tokens and hyphenated names
the tokenizer split are rejoined: before the parser for French, whose model parses a merged
name ("Corée du Sud") as one nominal, and after it for English, whose model tags an unseen
multi-word token badly ("United States" came out as punctuation) but parses the words well.
A merged person's name is shown to the French tagger and parser with the features of its
first word (a given name, which the model has seen as a proper noun): as an unseen
multi-word token it was often tagged a verb and taken for the head of the clause. After the
French parser, an object it took away from its verb after a day name ("a levé mardi | les
sanctions") is given back to that verb.

The statistical recognizer keeps the gazetteer's names as preset entities. It sees them
under one of its own labels and they get their gazetteer class back right after it: a
class it does not know would make it add output rows for it, which change none of its
predictions but make every step of every later document slower.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from ..errors import ModelError
from ..settings import MODELS

__all__ = ["get_nlp", "register_language", "LANGUAGES", "model_name", "as_phrases"]

LANGUAGES: dict[str, tuple[str, ...]] = dict(MODELS)
_CACHE: dict[str, Language] = {}
# Languages whose names are merged before the parser rather than after it (see above).
MERGE_BEFORE_PARSE = frozenset({"fr"})
# languages whose parser cuts an object off after a day name ("a levé mardi | les sanctions")
CUT_OBJECTS = frozenset({"fr"})
# languages whose tagger takes a present-tense verb after a bare name for a noun ("Pékin accuse")
FINITE_VERBS = frozenset({"fr"})
_LOCK = threading.Lock()


def register_language(lang: str, *model_packages: str) -> None:
    """Make a language available: the model packages are tried in order."""
    LANGUAGES[lang] = tuple(model_packages)
    _CACHE.pop(lang, None)


class GazetteerRuler(EntityRuler):
    """spaCy's entity ruler, minus a recount of all its patterns on every document.

    ``EntityRuler.match`` counts the patterns of every label (one label per gazetteer
    entry) before each document, only to warn when there are none.
    """

    def _require_patterns(self) -> None:
        if not any(self.phrase_patterns.values()) and not any(self.token_patterns.values()):
            super()._require_patterns()


@Language.factory("geokg_entity_ruler", default_config={"overwrite_ents": True})
def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, overwrite_ents=overwrite_ents)


@Language.component("geokg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and section titles never run into the text.

    The token after one whose text holds a line break starts a sentence (a token's
    trailing whitespace is one plain space at most, so a break is always in some token's
    text). The texts are read off the document's array, so no ``Token`` is made for the
    other words.
    """
    from spacy.attrs import ORTH

    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    breaks = _BREAKS
    if len(breaks) > 100_000:
        breaks.clear()
    orths = doc.to_array(ORTH).tolist()
    for i in range(len(orths) - 1):
        found = breaks.get(orths[i])
        if found is None:
            found = breaks[orths[i]] = "\n" in strings[orths[i]]
        if found:
            doc[i + 1].is_sent_start = True
    return doc


_PARTITIVES = frozenset({"des", "du", "de"})
_TO = frozenset({"à", "au", "aux"})

_BREAKS: dict[int, bool] = {}  # token text (as its string id) -> whether it holds a line break


@Language.factory("geokg_cut_objects", default_config={"time_words": [], "giving_verbs": []})
def make_cut_objects(nlp: Language, name: str, time_words: list[str], giving_verbs: list[str]) -> Callable[[Doc], Doc]:
    """Give back to its verb the object the parser took away from it after a time word: cut
    off into a sentence of its own ("a levé mardi | les sanctions visant la Syrie"), or hung
    on an earlier verb ("a accusé Belgrade d'avoir soutenu le commando qui a attaqué dimanche
    la police", where "la police" went to "accusé"), or hung on the time word itself ("a imposé
    vendredi des sanctions"). A noun phrase right after a verb without object and the time words
    that follow it is that verb's object. So is a partitive object the parser hung on the
    indirect object of a verb of giving ("a imposé à la Colombie | des droits de douane").

    The time words are found on the document's array; the heads are rewritten in one array
    operation, which also joins a cut sentence back to its verb's.
    """
    import numpy

    times = frozenset(w.lower() for w in time_words)
    hashes = numpy.array([nlp.vocab.strings[w] for w in sorted(times)], dtype="uint64")
    partitives = numpy.array([nlp.vocab.strings.add(w) for w in ("des", "du")], dtype="uint64")
    giving = frozenset(giving_verbs)

    def cut_objects(doc: Doc) -> Doc:
        from spacy.attrs import DEP, HEAD, LOWER

        if len(doc) < 4 or not times:
            return doc
        found = numpy.isin(doc.to_array(LOWER), hashes).nonzero()[0].tolist()
        fixes: list[tuple[int, int, str]] = []  # (token, new head, new label)
        for k in numpy.isin(doc.to_array(LOWER), partitives).nonzero()[0].tolist():
            # "a imposé à la Colombie des droits de douane", "livrer aux rebelles des missiles":
            # a partitive object hung on the verb's indirect object is the verb's
            token = doc[k]
            if token.dep_ != "case" or k == 0:
                continue
            noun, recipient = token.head, token.head.head
            verb = recipient.head
            to = next((c for c in recipient.children if c.dep_ == "case"), None)
            if (
                noun.i > token.i and noun.pos_ in ("NOUN", "PROPN") and recipient.i == token.i - 1 and recipient.pos_ in ("NOUN", "PROPN")
                and to is not None and to.lower_ in _TO and verb.pos_ == "VERB" and verb.i < recipient.i and verb.lemma_ in giving
                and not any(c.dep_ in ("obj", "dobj") for c in verb.children)
            ):
                fixes.append((noun.i, verb.i, "obj"))
        for t in found:
            if t < 1 or doc[t - 1].lower_ in times:
                continue  # (the first of a run of time words)
            verb, m = doc[t - 1], t
            while m < len(doc) - 1 and doc[m].lower_ in times:
                m += 1
            # (a partitive article may be tagged a preposition: "a imposé vendredi des sanctions")
            article = doc[m].pos_ == "DET" or doc[m].lower_ in _PARTITIVES and doc[m].dep_ == "case"
            if verb.pos_ != "VERB" or not article or any(c.dep_ in ("obj", "dobj") and c.lower_ not in times and c.pos_ != "VERB" for c in verb.children):
                continue
            noun, root = doc[m].head, doc[m].sent.root
            if noun.pos_ != "NOUN" or noun.i < m or noun == verb or any(c.dep_.startswith("nsubj") for c in noun.children):
                continue
            if noun.head.i == t and noun.head.head == verb:
                fixes.append((noun.head.i, verb.i, "obl:mod"))  # "a imposé vendredi | des sanctions" hung on the day
            elif noun.head == noun or noun.head == root and root.lower_ in times and root.head == root:
                if doc[m].sent == verb.sent:
                    continue
                if noun.head != noun:
                    fixes.append((root.i, verb.i, "obl:mod"))  # "a convoqué lundi | soir l'ambassadeur"
            elif not (noun.dep_ in ("obj", "dobj") and noun.head.pos_ == "VERB" and noun.head.i < verb.i):
                continue
            fixes.append((noun.i, verb.i, "obj"))
        if fixes:
            arrays = doc.to_array([HEAD, DEP])  # heads as offsets, in two's complement
            for token, head, label in fixes:
                arrays[token, 0] = (head - token) % 2**64
                arrays[token, 1] = doc.vocab.strings.add(label)
            doc.from_array([HEAD, DEP], arrays)
        return doc

    return cut_objects


@Language.component("geokg_merge_names")
def merge_names(doc: Doc) -> Doc:
    """Merge gazetteer matches and split hyphenated names ("Jong - un") into single tokens.

    Only the gazetteer's names are merged (they carry an entity id); names the statistical
    recognizer found are left as the parser saw them.
    """
    spans = [ent for ent in doc.ents if len(ent) > 1 and ent.ent_id_]
    taken = {i for span in spans for i in range(span.start, span.end)}
    following = 1  # the first index a hyphen may sit at: not inside the last pair merged
    for i in _hyphens(doc):
        if i < following or i >= len(doc) - 1:
            continue
        left, hyphen, right = doc[i - 1], doc[i], doc[i + 1]
        if (
            not left.whitespace_
            and not hyphen.whitespace_
            and left.text[:1].isupper()
            and right.is_alpha
            and not {left.i, hyphen.i, right.i} & taken
        ):
            start = left.i
            spans.append(doc[start : right.i + 1])
            taken.update(range(start, right.i + 1))
            following = i + 3
    if not spans:
        return doc
    before_parse = not doc.has_annotation("DEP")
    with doc.retokenize() as retokenizer:
        for span in spans:
            if before_parse and span.label_ == "Person":
                _looks_like(span, span[0])
                retokenizer.merge(span, attrs={"NORM": span[0].norm_})
            else:
                retokenizer.merge(span)
    return doc


def _looks_like(span: Span, word: Token) -> None:
    """Give the merged form of ``span`` the spelling features of ``word`` (shape, prefix,
    suffix), which the statistical components read with the token's norm."""
    lexeme = span.doc.vocab[span.text]
    lexeme.shape_, lexeme.prefix_, lexeme.suffix_ = word.shape_, word.prefix_, word.suffix_


_HIDDEN = "geokg_hidden_labels"


_HYPHENS = ("-", "‑")


def _hyphens(doc: Doc) -> list[int]:
    """Indices of the tokens that are a lone hyphen, read off the document's array."""
    from spacy.attrs import ORTH

    if not len(doc):
        return []
    wanted = {doc.vocab.strings[h] for h in _HYPHENS}
    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in wanted]


@Language.factory("geokg_hide_labels", default_config={"labels": [], "stand_in": ""})
def make_hide_labels(nlp: Language, name: str, labels: list[str], stand_in: str) -> Callable[[Doc], Doc]:
    """Relabel entities whose class the recognizer does not know with ``stand_in``, one it does."""
    known = frozenset(labels)

    def hide_labels(doc: Doc) -> Doc:
        hidden = [(ent.start, ent.end, ent.label) for ent in doc.ents if ent.label_ not in known]
        if hidden:
            doc.user_data[_HIDDEN] = hidden
            doc.set_ents([Span(doc, start, end, label=stand_in) for start, end, _ in hidden], default="unmodified")
        return doc

    return hide_labels


@Language.component("geokg_restore_labels")
def restore_labels(doc: Doc) -> Doc:
    """Give the entities relabelled by ``geokg_hide_labels`` their own class back."""
    hidden = doc.user_data.pop(_HIDDEN, None)
    if hidden:
        doc.set_ents([Span(doc, start, end, label=label) for start, end, label in hidden], default="unmodified")
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


# Token attributes a one-token attribute-ruler pattern may test for the table below to
# evaluate it, and the ones its attributes may set for the table to write them in one go.
_TABLE_KEYS = ("ORTH", "LOWER", "TAG", "POS", "DEP")  # compared as string ids
_TABLE_FLAGS = ("IS_SPACE",)
_TABLE_WRITES = ("POS", "TAG", "MORPH", "LEMMA")
_ANCHOR_ORDER = ("LOWER", "ORTH", "TAG", "POS", "DEP", "IS_SPACE")  # most telling first


class AttributeRules:
    """spaCy's attribute ruler, with its one-token patterns looked up in a table.

    The attribute ruler of a model (tag map, morphology rules, lemma exceptions) is mostly
    one-token patterns on the tag, form and dependency label, which spaCy's ``Matcher``
    tests on every token of every document. Here the patterns a combination of those
    values fires are found once and kept; the attributes they set are written for the
    whole document in one array operation. Patterns of several tokens, or testing anything
    else, still go through a ``Matcher``. Rules apply in the ruler's order, later ones
    overriding earlier ones, exactly as ``AttributeRuler`` does.
    """

    def __init__(self, vocab):
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.fast: list[bool] = []
        self.matcher = Matcher(vocab)
        self.write = [IDS[name] for name in _TABLE_WRITES]
        self._tested: list[tuple[int, list]] = []  # one-token patterns: (rule number, tests)
        self._index()

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add rules as ``AttributeRuler.patterns`` lists them, after the ones already there."""
        from spacy.tokens._retokenize import normalize_token_attrs

        for entry in patterns:
            number = len(self.attrs)
            self.attrs.append(normalize_token_attrs(self.vocab, entry["attrs"]))
            self.indices.append(entry.get("index", 0))
            self.fast.append(set(self.attrs[-1]) <= set(self.write))
            through_matcher = []
            for pattern in entry["patterns"]:
                tests = _table_tests(pattern, self.vocab.strings) if len(pattern) == 1 else None
                if tests is None:
                    through_matcher.append(pattern)
                else:
                    self._tested.append((number, tests))
            if through_matcher:
                self.matcher.add(str(number), through_matcher)
        self._index()

    def _index(self) -> None:
        """Read only the attributes some pattern tests, and file each pattern under a value its
        token must have, so a new combination of values is checked against few patterns."""
        from spacy.attrs import IDS

        names = sorted({name for _, tests in self._tested for name, _, _ in tests})
        self.read = [IDS[name] for name in names]
        column = {name: i for i, name in enumerate(names)}
        self.by_value: dict[tuple[int, int], list[tuple[int, list]]] = {}
        self.others: list[tuple[int, list]] = []
        for number, tests in self._tested:
            tests = [(column[name], kind, value) for name, kind, value in tests]
            exact = sorted((_ANCHOR_ORDER.index(names[col]), col, value) for col, kind, value in tests if kind == "is")
            anchor = exact[0][1:] if exact else None
            if anchor is None:
                self.others.append((number, tests))
            else:
                self.by_value.setdefault(anchor, []).append((number, tests))
        self._memo: dict[tuple, tuple] = {}

    def _rules_for(self, key: tuple) -> tuple:
        """The one-token rules a token with these values fires, in order, with what they set as
        (column, value) pairs, or None for that when one of them sets more than the table writes."""
        found = list(self.others)
        for col, value in enumerate(key):
            found.extend(self.by_value.get((col, value), ()))
        fired = sorted({number for number, tests in found if all(_passes(test, key, self.vocab.strings) for test in tests)})
        if not all(self.fast[n] for n in fired):
            return tuple(fired), None
        values: dict[int, int] = {}
        for number in fired:
            for attr, value in self.attrs[number].items():
                values[self.write.index(attr)] = value
        return tuple(fired), tuple(values.items())

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        memo = self._memo
        if len(memo) > 200_000:
            memo.clear()
        by_token: dict[int, list[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True) if len(self.matcher) else ():
            number = int(self.vocab.strings[match_id])
            index = self.indices[number]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                raise ValueError(f"attribute rule {number}: index {index} is outside its match ({start}, {end})")
            by_token.setdefault(target, []).append(number)
        table = doc.to_array(self.read).reshape(len(doc), -1).tolist() if self.read else [[]] * len(doc)
        columns = None
        for i, row in enumerate(table):
            key = tuple(row)
            rules = memo.get(key)
            if rules is None:
                rules = memo[key] = self._rules_for(key)
            fired, values = rules
            if i in by_token:
                by_token[i].extend(fired)
            elif values is None:
                by_token[i] = list(fired)
            elif values:
                if columns is None:
                    columns = doc.to_array(self.write).tolist()
                out = columns[i]
                for col, value in values:
                    out[col] = value
        if columns is not None:
            doc.from_array(self.write, numpy.array(columns, dtype="uint64"))
        for i, numbers in sorted(by_token.items()):
            token = doc[i]
            for number in sorted(numbers):
                set_token_attrs(token, self.attrs[number])
        return doc


def _table_tests(pattern: list[dict], strings) -> list | None:
    """The tests of a one-token pattern as (attribute, kind, value), or None if the table cannot run them."""
    import re

    from spacy.strings import get_string_id

    tests = []
    for name, value in pattern[0].items():
        name = str(name).upper()
        if name not in _TABLE_KEYS and name not in _TABLE_FLAGS:
            return None
        if name in _TABLE_FLAGS:
            if not isinstance(value, bool):
                return None
            tests.append((name, "is", int(value)))
        elif isinstance(value, str):
            tests.append((name, "is", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                tests.append((name, op, frozenset(get_string_id(v) for v in arg)))
            elif op == "REGEX" and isinstance(arg, str):
                tests.append((name, op, re.compile(arg)))
            else:
                return None
        else:
            return None
    return tests


def _passes(test: tuple, key: tuple, strings) -> bool:
    col, kind, value = test
    if kind == "is":
        return key[col] == value
    if kind == "IN":
        return key[col] in value
    if kind == "NOT_IN":
        return key[col] not in value
    return bool(value.search(strings[key[col]]))


@Language.factory("geokg_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Empty: ``_use_attribute_rules`` adds the model's own rules."""
    return AttributeRules(nlp.vocab)


def _use_attribute_rules(nlp: Language) -> None:
    """Run the model's attribute ruler through :class:`AttributeRules`, with the same rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    rules = nlp.replace_pipe("attribute_ruler", "geokg_attribute_rules")
    rules.add_patterns(patterns)


class CachedLemmas:
    """The model's rule lemmatizer, asked once per (form, POS, morphology) and written in one go.

    spaCy's rule lemmatizers give a token's lemma from its form, coarse POS and morphology
    alone; this asks the model's own lemmatizer (so the same tables and rules apply) for
    each new combination and sets the lemmas of a whole document from one array.
    """

    def __init__(self, lemmatizer=None):
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.errors import Errors

        lemmatizer = self.lemmatizer
        if not len(doc):
            return doc
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        memo = self._memo
        if len(memo) > 200_000:
            memo.clear()
        strings = doc.vocab.strings
        overwrite = lemmatizer.overwrite
        lemmas = []
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
                changed = True
            lemmas.append(lemma)
        if changed:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


@Language.factory("geokg_lemmas")
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    """Empty: ``_cache_lemmas`` hands it the model's lemmatizer."""
    return CachedLemmas()


def _cache_lemmas(nlp: Language) -> None:
    """Run the model's rule lemmatizer through :class:`CachedLemmas`."""
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return
    nlp.replace_pipe("lemmatizer", "geokg_lemmas").lemmatizer = lemmatizer


_ELISIONS = ("'", "’")


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
            # no space after an elided article: "de l' Afrique" would be tokenized "l", "'"
            phrase = "".join(w if w.endswith(_ELISIONS) else w + " " for w in words).strip()
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
    else:
        _use_attribute_rules(nlp)
    _cache_lemmas(nlp)
    first = nlp.pipe_names[0]
    ruler = nlp.add_pipe(
        "geokg_entity_ruler", name="geokg_gazetteer", before=first, config={"overwrite_ents": True}
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
    if lang in CUT_OBJECTS | FINITE_VERBS and "parser" in nlp.pipe_names:
        from ..extract.lexicon import lexicon
        from . import finite_verbs  # noqa: F401  (registers the component)

        lex = lexicon(lang)
        # (both after the lemmatizer, which reads no dependencies: verbs are known by lemma)
        after = "lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser"
        if lang in CUT_OBJECTS:
            config = {"time_words": sorted(lex.words.get("time_nouns", ())), "giving_verbs": sorted(lex.words.get("giving_verbs", ()))}
            nlp.add_pipe("geokg_cut_objects", after=after, config=config)
        if lang in FINITE_VERBS:
            verbs = {form for form, triggers in lex.triggers.items() if any(t.kind == "verb" for t in triggers)}
            verbs |= lex.words.get("speech_verbs", frozenset()) | lex.words.get("accuse_verbs", frozenset())
            config = {"verbs": sorted(verbs), "irregular": sorted(lex.words.get("present_forms", ()))}
            nlp.add_pipe("geokg_finite_verbs", after=after, config=config)
    _keep_recognizer_labels(nlp)
    return nlp


def _keep_recognizer_labels(nlp: Language, name: str = "ner") -> None:
    """Have the statistical recognizer see the gazetteer's entities under one of its own labels."""
    if name not in nlp.pipe_names:
        return
    labels = list(nlp.get_pipe(name).labels)
    if not labels:
        return
    nlp.add_pipe("geokg_hide_labels", before=name, config={"labels": labels, "stand_in": labels[0]})
    nlp.add_pipe("geokg_restore_labels", after=name)


def get_nlp(lang: str, patterns: Callable[[str], list[dict]] | None = None) -> Language:
    """The pipeline for ``lang``, built on first use and cached for the process."""
    with _LOCK:
        if lang not in _CACHE:
            _CACHE[lang] = _build(lang, patterns)
        return _CACHE[lang]
