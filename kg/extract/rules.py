"""Rule families, registered by name; each turns one sentence into raw claims.

``lexicon`` fires the trigger words of ``ontology/lexicon/<lang>/relations/``; the others
read structures no single trigger word carries: role phrases ("le président français
Emmanuel Macron"), hyphenated pairs ("le sommet Biden-Xi"), conflicts and who wages them, and the
origin of weapons ("les drones iraniens").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..model import Mention, RawClaim
from ..nlp.gazetteer import Gazetteer
from ..schema import Schema
from .actors import ActorFinder
from .circumstances import event_date, event_place
from .lexicon import Lexicon, Trigger
from .modality import RANK, stance
from .syntax import QUOTE_MARKS, beside_object, clause_head, conjuncts, contact_relative, deep_pp_objects, is_passive, is_present_participle, listed_after, pp_objects, preposition, roles, subjects

__all__ = ["Context", "RULES", "register_rule", "get_rule", "without_bare_arms"]


@dataclass
class Context:
    """What rules share while reading one document."""

    text: str
    lang: str
    lex: Lexicon
    gaz: Gazetteer
    schema: Schema
    finder: ActorFinder
    published: object = None
    stats: dict[str, int] = field(default_factory=dict)
    lemmas: list[str] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)
    _roles: dict[int, dict] = field(default_factory=dict)
    _stances: dict[int, object] = field(default_factory=dict)

    def index(self, doc) -> None:
        """Read each token's lemma and lowercase form once, for the rules' quick filters.

        The attributes come out of the document as one array of string hashes, which is
        much cheaper than creating a ``Token`` per word.
        """
        from spacy.attrs import LEMMA, LOWER

        strings = doc.vocab.strings
        cache: dict[int, str] = {}

        def text(key: int) -> str:
            if key not in cache:
                cache[key] = strings[key].lower().replace("’", "'")
            return cache[key]

        table = doc.to_array([LEMMA, LOWER]).tolist() if len(doc) else []
        self.lemmas = [text(lemma) for lemma, _ in table]
        self.lowers = [text(lower) for _, lower in table]

    def roles(self, token: Token) -> dict[str, list[Token]]:
        """``syntax.roles`` of a token, read once per document (several triggers can share a
        word); the caller gets its own copy to add to."""
        found = self._roles.get(token.i)
        if found is None:
            found = self._roles[token.i] = roles(token, self.lex.syntax)
        return {role: list(tokens) for role, tokens in found.items()}

    def stance(self, trigger: Token):
        """``modality.stance`` of a trigger, read once per document."""
        view = self._stances.get(trigger.i)
        if view is None:
            view = self._stances[trigger.i] = stance(trigger, self.lex)
        return view

    def doc_pos(self, i: int) -> str:
        return self.finder.doc[i].pos_

    def candidates(self, sent: Span, *lists: str) -> list[Token]:
        """Tokens of a sentence whose lemma or form is in one of the lexicon's word lists."""
        words = self.lex.words_of(*lists)
        doc = sent.doc
        return [doc[i] for i in range(sent.start, sent.end) if self.lemmas[i] in words or self.lowers[i] in words]


Rule = Callable[[Context, Span], Iterator[RawClaim]]
RULES: dict[str, Rule] = {}


def register_rule(name: str) -> Callable[[Rule], Rule]:
    """Add a rule family; rules run in registration order on every sentence."""

    def deco(func: Rule) -> Rule:
        RULES[name] = func
        return func

    return deco


def get_rule(name: str) -> Rule:
    return RULES[name]


def _claim(ctx: Context, sent: Span, trigger: Token, s: Mention, p: str, o: Mention, rule: str, modality: str | None = None) -> RawClaim | None:
    if s.key and s.key == o.key or (not s.key and not o.key and s.text == o.text):
        return None
    view = ctx.stance(trigger)
    if view.threat_content:
        return None  # what a threat without a condition says will happen is no claim of its own
    final = view.modality
    if modality and RANK[modality] > RANK[final]:
        final = modality
    source = None
    if view.source is not None:
        speakers = [ctx.finder.as_actor(m) for m in ctx.finder.mentions_inside(view.source)]
        # "X and Y said they would ...": each one's claim is its own word
        source = next((m for m in speakers if m.key and m.key == s.key), speakers[0] if speakers else None)
    if view.according is not None:
        named = ctx.finder.mentions(view.according)
        if named:
            source = source or ctx.finder.as_actor(named[0])
        elif RANK[final] < RANK["Hedged"]:
            final = "Hedged"
    if source is not None and source.key and source.key == s.key and _speech_act(ctx, trigger, p):
        source = None
    denier = None
    if view.denier is not None:
        found = ctx.finder.mentions_inside(view.denier)
        denier = ctx.finder.as_actor(found[0]) if found else None
        source = source or denier
    text = ctx.text
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    evidence = text[start:end]
    if RANK[final] < RANK["Hedged"] and evidence.rstrip("»”\"' ").endswith("?"):
        final = "Hedged"  # asked, not told: "Des liens militaires renforcés entre X et Y ?"
    event_day = event_date(trigger, ctx.lex.words.get("time_nouns", frozenset()), ctx.lang, ctx.published)
    place = event_place(trigger, ctx.finder, {s.start, o.start}) if p != "visits" else None
    return RawClaim(
        subject=s,
        predicate=p,
        object=o,
        modality=final,
        evidence=evidence,
        sent_start=start,
        sent_end=end,
        rule=rule,
        lang=ctx.lang,
        attributed_to=source,
        denied_by=denier,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
        event_date=event_day,
        location=place,
    )


def _speech_act(ctx: Context, trigger: Token, predicate: str) -> bool:
    """Whether saying it is doing it: a verbal act ("ASEAN said it condemned") or a measure
    announced ("Pékin a annoncé des sanctions"), which the speaker is not a source for."""
    relation = ctx.schema.relations.get(predicate)
    if relation is not None and relation.quad_class in _VERBAL:
        return True
    return trigger.pos_ == "NOUN" and trigger.dep_ in ("obj", "dobj") and ctx.lex.has("speech_verbs", trigger.head.lemma_)


_PLACE_CLASSES = ("City", "Region", "Facility", "Place")


def _fit(ctx: Context, mentions: list[Mention], allowed: frozenset[str], places: bool = False) -> list[Mention]:
    """Keep mentions whose class fits a slot, read as the actor they stand for where they do.

    A seat of power ("le Kremlin") fits an actor slot as its state; a body that stands for
    its state (a national army) is read as the state; a city stays a city where a place fits.
    With ``places``, a place that fits no actor slot stands for the country it lies in.
    """
    kept = []
    for mention in mentions:
        as_actor = ctx.finder.as_actor(mention)
        if places and as_actor == mention and mention.label in _PLACE_CLASSES and not ctx.schema.fits(mention.label, allowed):
            as_actor = ctx.finder.place_country(mention) or mention
        converted = as_actor != mention and ctx.schema.fits(as_actor.label, allowed)
        if converted and (ctx.schema.is_a(mention.label, "Actor") or not ctx.schema.fits(mention.label, allowed)):
            kept.append(as_actor)
        elif ctx.schema.fits(mention.label, allowed):
            kept.append(mention)
    return kept


def _fill(ctx: Context, found: dict[str, list[Token]], wanted: tuple[str, ...], allowed: frozenset[str], exclude: Token, places: bool = False) -> tuple[list[Mention], str | None]:
    """Mentions of the first role, in priority order, that gives any fitting mention.

    ``deep.pp:<prep>`` roles look for the preposition anywhere under the trigger; with
    ``places``, a place stands for its country (see ``_fit``).
    """
    for role in wanted:
        mentions: list[Mention] = []
        tokens = found.get(role, ())
        if role.startswith("deep.pp:"):
            tokens = deep_pp_objects(exclude, role[len("deep.pp:"):])
        one = role == "aside" or role == "subj" and _singular_relative(exclude)
        for token in tokens:
            if token == exclude:
                continue
            found_here = ctx.finder.single(token, "actor") if one else ctx.finder.mentions(token)
            if not ctx.schema.fits("Weapon", allowed):
                found_here = [_wielder(ctx, token, m, role in ("subj", "agent")) for m in found_here]
            mentions.extend(_fit(ctx, found_here, allowed, places))
        if mentions:
            return mentions, role
    return [], None


def _singular_relative(verb: Token) -> bool:
    """A relative clause whose verb is singular: "Tokyo et Manille, qui accuse ..." is about
    Manila alone, the name right before it, not the coordination."""
    if not any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and (c.tag_ in ("WDT", "WP") or "PronType=Rel" in str(c.morph)) for c in verb.children):
        return False
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Sing" in t.morph.get("Number") and "3" in t.morph.get("Person", ["3"]) or t.tag_ == "VBZ" for t in forms)


def _wielder(ctx: Context, token: Token, mention: Mention, doer: bool = False) -> Mention:
    """A weapon or vessel named with its user's nationality or name stands for that user where
    an actor is wanted ("Ukrainian drones struck", "des missiles russes ont frappé", "at a U.S.
    destroyer", "Hezbollah drones"); as the doer of an event, so does one whose user follows
    ("des drones des Forces de soutien rapide ont frappé"), where elsewhere it may be where the
    weapon came from ("a reçu des armes des Émirats")."""
    if mention.label != "Weapon":
        return mention
    actor = frozenset({"Actor"})
    for child in token.children:
        inner = child
        if doer and child.dep_ in ("acl", "amod") and child.pos_ == "VERB" and child.i > token.i:
            # "des roquettes tirées par les forces X ont touché", "missiles fired by X hit"
            agents = [a for a in ctx.roles(child).get("agent", ()) if a.i > child.i]
            user = next((m for a in agents[:1] for m in ctx.finder.single(a, "actor") if ctx.schema.fits(m.label, actor)), None)
            if user is not None:
                return user
            continue
        if child.dep_ == "prep" and child.lower_ == "of" and doer:
            inner = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("amod", "compound", "nmod", "poss", "nmod:poss"):
            continue
        user = ctx.finder.demonym_mention(inner) if inner is child else None
        if user is None and (child.dep_ != "nmod" or doer and preposition(child) in ("de", "of")):
            user = next((m for m in ctx.finder.single(inner, "actor") if ctx.schema.fits(m.label, actor)), None)
        if user is not None:
            return user
    return mention


def _refined(trigger: Trigger, token: Token) -> str:
    words = {c.lemma_.lower() for c in token.children} | {c.lower_ for c in token.children}
    for needed, predicate in trigger.refine:
        if words & needed:
            return predicate
    return trigger.relation


def _requires_met(trigger: Trigger, token: Token) -> bool:
    if trigger.excludes_head and token.dep_ not in ("ROOT", "conj"):
        head = token.head.head if token.dep_ == "pobj" else token.head
        if head.lemma_.lower() in trigger.excludes_head or head.lower_ in trigger.excludes_head:
            return False
    if trigger.requires_object:
        objects = [o for c in token.children if c.dep_ in ("obj", "dobj") for o in conjuncts(c)]
        if not any(o.lemma_.lower() in trigger.requires_object or o.lower_ in trigger.requires_object for o in objects):
            return False
    if not trigger.requires and not trigger.excludes:
        return True
    required = not trigger.requires
    # (the noun a relative clause with no relative word describes is its object: "the drones
    # the army used against"; a merged name counts by its last word: "Shahed drones")
    for node in [*token.subtree, *([token.head] if contact_relative(token) else [])]:
        forms = (node.lemma_.lower(), node.lower_, node.lower_.rsplit(" ", 1)[-1])
        if any(form in trigger.excludes for form in forms):
            return False
        required = required or any(form in trigger.requires for form in forms)
    return required


def _standing(claim: RawClaim) -> RawClaim:
    """A structural claim (a role, a membership, a place) as a standing fact: asserted,
    unattributed, with no date or place of its own."""
    return replace(claim, modality="Asserted", attributed_to=None, denied_by=None, event_date=None, location=None)


@register_rule("roles")
def role_phrases(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """leaderOf / representativeOf from role phrases and appositions."""
    for token in ctx.candidates(sent, "leader_nouns", "representative_nouns"):
        person, owner, relation = ctx.finder.role_phrase(token)
        if person is None or owner is None or person.via == "role" or _former(ctx, token):
            continue
        claim = _claim(ctx, sent, token, person, relation, owner, f"{ctx.lang}/role/{relation}", None)
        if claim is not None:
            yield _standing(claim)
    yield from _titled_names(ctx, sent)
    yield from _rulers(ctx, sent)


def _rulers(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """The person a government is named after leads its country: "the government of President
    X", "le régime du capitaine X"."""
    for token in ctx.candidates(sent, "personal_government_nouns"):
        if token.pos_ != "NOUN" or _former(ctx, token):
            continue
        named = [inner for prep, inner in pp_objects(token) if prep in ("of", "de")]
        persons = [m for inner in named for m in ctx.finder.mentions(inner) if m.label == "Person"]
        if not persons:
            continue
        # (whose government it is, else the country last named, as for "the country")
        countries = [m for m in ctx.finder.mentions(token) if m.label == "Country"] or ctx.finder.recent("Country", 1, before=token.idx)
        for person in persons[:1]:
            for country in countries[:1]:
                claim = _claim(ctx, sent, token, person, "leaderOf", country, f"{ctx.lang}/role/ruler", None)
                if claim is not None:
                    yield _standing(claim)


def _former(ctx: Context, token: Token) -> bool:
    """A role held no longer: "former President", "l'ancien président", "ex-ministre"."""
    doc = token.doc
    before = [doc[j] for j in range(max(token.i - 3, 0), token.i)]
    return any(ctx.lex.has("former_words", w.lower_) or w.lower_.startswith("ex-") for w in [*before, token]) or token.lower_.startswith("ex-")


def _titled_names(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """A name the gazetteer knows with its title ("President Xi Jinping" as one token) and a
    nationality beside it ("Chinese President Xi Jinping")."""
    for i in range(sent.start, sent.end):
        span = ctx.finder.by_token.get(i)
        if span is None or span.start != i or span.label_ != "Person" or len(span) != 1 or " " not in span.text:
            continue
        words = span.text.lower().split()
        relation = None
        for title in (" ".join(words[:2]), words[0]):
            if ctx.lex.has("leader_nouns", title):
                relation = "leaderOf"
            elif ctx.lex.has("representative_nouns", title):
                relation = "representativeOf"
            if relation:
                break
        token = sent.doc[i]
        owner = ctx.finder.owner_of(token) if relation and not _former(ctx, token) else None
        person = ctx.finder.span_mention(span) if owner is not None else None
        if person is not None:
            claim = _claim(ctx, sent, token, person, relation, owner, f"{ctx.lang}/role/{relation}", None)
            if claim is not None:
                yield _standing(claim)


@register_rule("lexicon")
def lexicon_triggers(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """Relations fired by the trigger words of the language's lexicon."""
    triggers = ctx.lex.triggers
    doc = sent.doc
    for i in range(sent.start, sent.end):
        lemma = ctx.lemmas[i]
        if lemma not in triggers and ctx.lowers[i] not in triggers:
            lemma = _guessed_verb_lemma(ctx, i)
            if lemma is None:
                continue
        token = doc[i]
        if _demanded(ctx, token):
            continue
        candidates = ctx.lex.triggers_for(lemma, ctx.lowers[i])
        for trigger in candidates:
            if not (token.pos_ in trigger.pos or _mistagged_noun(trigger, token, ctx.lowers[i])) or not _requires_met(trigger, token):
                continue
            yield from _fire(ctx, sent, token, trigger)


def _demanded(ctx: Context, token: Token) -> bool:
    """A verb in the infinitive one is urged or asked to carry out: the content of a demand is
    no claim ("called on Iran to release the hostages", "a demandé à Varsovie de rétablir")."""
    if token.pos_ != "VERB" or token.dep_ not in ("xcomp", "advcl", "ccomp", "acl") or token.head.i > token.i:
        return False
    infinitive = "Inf" in token.morph.get("VerbForm") or any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in token.children)
    return infinitive and ctx.lex.has_token("directive_verbs", token.head)


def _guessed_verb_lemma(ctx: Context, i: int) -> str | None:
    """A trigger verb's infinitive for a form the lemmatizer left as it was ("réclame"), from
    the language's inflection endings ("e>er"), when the tagger still calls it a verb."""
    lower = ctx.lowers[i]
    if ctx.lemmas[i] != lower:
        return None
    guess = ctx.lex.trigger_infinitive(lower)
    return guess if guess is not None and ctx.doc_pos(i) in ("VERB", "AUX") else None


def _mistagged_noun(trigger: Trigger, token: Token, lower: str) -> bool:
    """A trigger noun the tagger took for an adjective after a determiner or preposition ("de frappes russes")."""
    if trigger.kind != "noun" or token.pos_ != "ADJ" or lower not in trigger.lemmas or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.pos_ in ("DET", "ADP") or before.like_num


def _fire(ctx: Context, sent: Span, token: Token, trigger: Trigger) -> Iterator[RawClaim]:
    predicate = _refined(trigger, token)
    relation = ctx.schema.relations.get(predicate)
    if relation is None:
        ctx.stats["unknown_relation"] = ctx.stats.get("unknown_relation", 0) + 1
        return
    found = ctx.roles(token)
    _possessive_binding(ctx, token, found)
    if "obj.target" in trigger.object:
        found["obj.target"] = _targets_of_object(token)
    if "obj.where" in trigger.object:
        found["obj.where"] = _where_object_is(token)
    if "aside" in trigger.subject or "copula.subj" in trigger.subject:
        found["aside"] = _aside_holder(ctx, sent, token)
        found["copula.subj"] = _copula_subjects(ctx, token)
    if "relative.owner" in trigger.object:
        found["relative.owner"], found["relative.subj"] = _relative_owner(ctx, sent, token)
    themes: list[Mention] = []
    if trigger.theme:
        supplied = ctx.schema.relations["suppliedTo"]
        themes, theme_role = _fill(ctx, found, trigger.theme, supplied.domain, token)
        if not themes:
            themes, theme_role = _linear_fill(ctx, sent, token, trigger.theme, supplied.domain, [])
        if not themes:
            themes, theme_role = _weapons_before(ctx, found, trigger.theme)
        if trigger.require_theme and not themes:
            return
        themes = _with_listed_weapons(ctx, token, found.get(theme_role, ()), themes)
        if any(m.label == "Weapon" for m in themes):
            themes += [m for m in _named_systems(ctx, found.get(theme_role, ())) if m not in themes]
        themes = _specific_weapons(ctx, themes)
        if any(m.label == "Weapon" for m in themes) and "suppliesArmsTo" in ctx.schema.relations:
            predicate, relation = "suppliesArmsTo", ctx.schema.relations["suppliesArmsTo"]
    pairs: list[tuple[Mention, Mention, str]] = []
    if trigger.between and not found.get("between"):
        found["between"] = _linear_between(ctx, sent, token)
    subjects_, subject_role = _fill(ctx, found, trigger.subject, relation.domain, token)
    accusers: list[Token] = []
    if not subjects_ and token.pos_ == "NOUN":
        # what someone is accused of: the accused did it ("accused Kigali of strikes on ...")
        accused, accusers = _accusation_parties(ctx, token)
        subjects_, _ = _fill(ctx, {"obj": accused}, ("obj",), relation.domain, token)
    elided: list[Mention] = []
    if subjects_ and token.pos_ == "VERB":
        elided = [m for m in _elided_subjects(ctx, token, relation.domain) if m not in subjects_]
        subjects_ += elided
    object_range = trigger.object_classes or relation.range
    objects, object_role = _fill(ctx, found, trigger.object, object_range, token, trigger.places_as_country)
    if not objects and not any(found.get(r) for r in trigger.object if r in ("obj", "iobj") or r.startswith("pp:")):
        objects, object_role = _linear_fill(ctx, sent, token, trigger.object, object_range, subjects_)
    if not subjects_ and "subj" in trigger.subject:
        subjects_ = _main_clause_subjects(ctx, sent, token, relation.domain)
    if not subjects_ and not any(found.get(r) for r in ("subj", "subjpass", "agent")):
        subjects_, _ = _linear_fill(ctx, sent, token, trigger.subject, relation.domain, objects)
    if not subjects_:
        # "the launch violated ...": whoever carried out the event the subject takes up
        for event in [t for t in found.get("subj", ()) if t.pos_ == "NOUN" and _anaphoric(t) and not ctx.finder.mentions(t)][:1]:
            subjects_ = _antecedent_agents(ctx, event, relation.domain)
    if not subjects_ and "light.subj" in trigger.subject and token.pos_ == "NOUN":
        head = clause_head(token)
        if head != token and ctx.lex.has("light_verbs", head.lemma_) and not beside_object(token, head):
            subjects_, _ = _fill(ctx, {"subj": subjects(head, ctx.lex.syntax)}, ("subj",), relation.domain, token)
    if not objects and subjects_ and accusers and predicate in _FORCEFUL:
        # force the accuser says it suffered: "Lithuania accused Minsk of a hybrid attack"
        objects, _ = _fill(ctx, {"subj": accusers}, ("subj",), object_range, token)
    if trigger.metonymy:
        objects = list(dict.fromkeys(ctx.finder.as_actor(o) for o in objects))
    if predicate in _REGIONS_AS_WRITTEN:
        objects = [ctx.finder.descriptive_region(o) or o for o in objects]
    if not objects and ctx.schema.fits("Resolution", object_range):
        # "violated the 1974 disengagement agreement", "en violation de l'embargo sur les armes"
        treaties = [t for role in trigger.object for t in found.get(role, ()) if ctx.lex.has("treaty_nouns", t.lemma_.lower()) or ctx.lex.has("treaty_nouns", t.lower_)]
        objects = [ctx.finder.treaty(t) for t in treaties[:1]]
    if any(o.label == "Weapon" for o in objects):
        objects = _specific_weapons(ctx, objects + _named_systems(ctx, found.get(object_role, ())))
    weapon_object = ctx.schema.fits("Weapon", object_range)
    if not objects and weapon_object:
        # "des batteries de missiles BrahMos": the system named on a container noun
        objects = [m for role in trigger.object for m in _named_systems(ctx, found.get(role, ())) if _is_system(ctx, m) or _strategic_words(ctx, m.text)][:1]
    if weapon_object and not any(o.label == "Weapon" and _is_system(ctx, o) for o in objects):
        # "The jets are made by X": the system the article named before
        taken = [m for role in trigger.object for t in found.get(role, ()) if _takes_up_weapon(ctx, t) for m in [_earlier_system(ctx, t)] if m is not None]
        objects = taken[:1] or objects
    if not objects and (relation.quad_class in _VERBAL and predicate not in _IN_PERSON or trigger.event_object):
        reactors = frozenset(m.ident for m in subjects_) | frozenset(c for m in subjects_ if m.label == "Person" for c in [ctx.finder.country_of(m)] if c)
        objects = _event_agents(ctx, found, trigger.object, relation.range, lead=predicate in _LEAD_TAKERS, besides=reactors)
    if trigger.between and len(found.get("between", ())) >= 1:
        # (a modifier of another member is part of it: "the Trump administration" is one side)
        members = [t for t in found["between"] if not (t.head in found["between"] and t.dep_ in ("compound", "poss", "nmod:poss", "amod"))]
        inside = _fit(ctx, [m for t in members for m in ctx.finder.mentions(t)], relation.domain)
        unique = list(dict.fromkeys(inside))
        if len(unique) >= 2:
            pairs.extend((a, b, predicate) for i, a in enumerate(unique) for b in unique[i + 1:])
        elif len(unique) == 1 and subjects_:
            objects = unique
    # (subjects a coordinated verb shares are its own; those of a governing clause are not:
    # "they would not send soldiers to fight alongside" is no fight between them)
    own_subjects = token.dep_ == "conj" or all(t.head == token for t in found.get("subj", ()))
    if trigger.between and not objects and not pairs and len(subjects_) >= 2 and own_subjects:
        unique = list(dict.fromkeys(subjects_))
        pairs.extend((a, b, predicate) for i, a in enumerate(unique) for b in unique[i + 1:])
        if not relation.symmetric:
            pairs.extend((b, a, predicate) for i, a in enumerate(unique) for b in unique[i + 1:])
        subjects_ = []
    flip = object_role is not None and object_role.startswith("undergo.") and relation.inverse
    for s in subjects_:
        for o in objects:
            pairs.append((o, s, relation.inverse) if flip else (s, o, predicate))
    for s, o, p in pairs:
        claim = _claim(ctx, sent, token, s, p, o, trigger.id, trigger.modality)
        if claim is not None and (trigger.presupposed or subject_role == "aside"):
            # what was refused or denied is the change, not the state it presupposes; an aside
            # on the subject is said of it whatever the clause around says ("a démenti tout
            # soutien aux rebelles, en guerre contre l'armée")
            source = None if claim.attributed_to == claim.denied_by else claim.attributed_to
            claim = replace(claim, modality="Asserted", denied_by=None, attributed_to=source)
        if claim is not None and trigger.negative:
            # "does not recognise the court's jurisdiction" rejects it; recognising it says nothing
            claim = replace(claim, modality="Asserted", denied_by=None) if claim.modality == "Negated" else None
        if claim is not None and s in elided:
            claim = replace(claim, attributed_to=None)  # (who did the same speaks for itself)
        if claim is not None:
            yield claim
            threat = _threat(ctx, claim)
            if threat is not None:
                yield threat
    recipients = objects if objects else []
    if themes and recipients:
        for theme in themes:
            if theme.label != "Weapon" and ctx.lex.has_word_of("generic_aid_nouns", theme.text):
                continue  # ("financial aid", "de l'argent": aid, but nothing named is supplied)
            for recipient in recipients:
                claim = _claim(ctx, sent, token, theme, "suppliedTo", recipient, trigger.id + "/theme", trigger.modality)
                if claim is not None:
                    yield claim


_TARGET_PREPS = {"contre", "sur", "on", "against", "à l'encontre de", "visant", "targeting", "envers"}
_CHARGE_PREPS = frozenset({"of", "for", "de"})


def _accusation_parties(ctx: Context, noun: Token) -> tuple[list[Token], list[Token]]:
    """The accused and the accusers when a noun names what they are accused of: "accused
    Kigali of strikes on ...", "blamed Pakistan for the attack", "accuse la Thaïlande
    d'« agression »", "has been accused of involvement in"."""
    nominal = noun.head if noun.head.text in QUOTE_MARKS and noun.head.i < noun.i else noun
    if preposition(nominal) not in _CHARGE_PREPS:
        return [], []
    governor = nominal.head.head if nominal.dep_ == "pobj" else nominal.head
    if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ in ("obj", "dobj"):
        governor = governor.head  # (the charge hung on the accused: "accuse X de ...")
    if governor.pos_ != "VERB" or not ctx.lex.has("accuse_verbs", governor.lemma_.lower()):
        return [], []
    found = roles(governor, ctx.lex.syntax)
    if is_passive(governor):
        return found.get("subjpass", []), found.get("agent", [])
    return found.get("obj", []), found.get("subj", [])


def _targets_of_object(verb: Token) -> list[Token]:
    """Who the measure a verb acts on was aimed at: "a allégé les sanctions visant le secteur
    pétrolier vénézuélien", "lifted the sanctions it imposed on Niger"."""
    found: list[Token] = []
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")]
    for obj in objects:
        for node in obj.subtree:
            if node.pos_ not in ("NOUN", "PROPN"):
                continue
            for prep, inner in pp_objects(node):
                if prep in _TARGET_PREPS:
                    found.append(inner)
            for child in node.children:
                if child.dep_ in ("acl", "acl:relcl", "relcl") and child.pos_ == "VERB":
                    found.extend(c for c in child.children if c.dep_ in ("obj", "dobj") and c.i > child.i)
                    found.extend(inner for prep, inner in pp_objects(child) if prep in _TARGET_PREPS)
    return found


_LOCATIVES = {"à", "en", "dans", "in", "au"}


def _where_object_is(verb: Token) -> list[Token]:
    """Where what a verb moves is stationed: "retirer leurs militaires déployés au Niger",
    "withdraw its troops stationed in Mali"."""
    found: list[Token] = []
    for obj in verb.children:
        if obj.dep_ in ("obj", "dobj"):
            for child in obj.children:
                if child.dep_ in ("acl", "amod") and child.pos_ in ("VERB", "ADJ") and child.i > obj.i:
                    found.extend(inner for prep, inner in pp_objects(child) if prep in _LOCATIVES)
    return found


def _aside_holder(ctx: Context, sent: Span, token: Token) -> list[Token]:
    """The nominal an aside describes: "la Pologne, membre de l'Otan", "Moscow, a close ally of
    Minsk", "le Soudan, en guerre contre les rebelles".

    Read off the word order (the name right before the comma that opens the aside), which
    the parse of such asides often misses.
    """
    doc = sent.doc
    j = token.i - 1
    if j > sent.start and doc[j].pos_ == "ADP" and token.pos_ == "NOUN":
        j -= 1  # (a state the aside puts its holder in: "en guerre contre", "at war with")
    if j > sent.start and ctx.lex.has_token("aside_kind_nouns", doc[j]):
        j -= 1  # (what kind of member: "la Hongrie, État membre de l'UE")
    while j > sent.start and (doc[j].pos_ in ("DET", "ADJ", "ADV", "NUM") or doc[j].ent_type_ == "NORP") and doc[j].text != ",":
        j -= 1
    if doc[j].text == "," and j - 1 >= sent.start:
        return [doc[j - 1]]
    if token.dep_ == "appos":
        return [token.head]
    return []


def _relative_owner(ctx: Context, sent: Span, token: Token) -> tuple[list[Token], list[Token]]:
    """What a nominal predicate in a "whose" relative is said of, and who it is said of: "ASEAN,
    of which Myanmar is a member", "les BRICS, dont l'Inde et la Chine sont membres fondateurs"
    give ([ASEAN], [Myanmar]) and ([BRICS], [Inde, Chine]).

    Read off the word order (a relative word a few words before the noun, the name before its
    comma, the names between them), which the parse of such relatives often misses.
    """
    doc = sent.doc
    for r in range(token.i - 1, max(sent.start, token.i - 8), -1):
        if not ctx.lex.has("whose_relatives", doc[r].lower_):
            continue
        opener = r - 1 if r - 1 >= sent.start and doc[r - 1].pos_ == "ADP" else r
        if opener - 2 < sent.start or doc[opener - 1].text != ",":
            return [], []
        between = [t for t in doc[r + 1 : token.i] if t.pos_ in ("PROPN", "NOUN") or t.ent_type_]
        return [doc[opener - 2]], between
    return [], []


def _copula_subjects(ctx: Context, token: Token) -> list[Token]:
    """The subject of a nominal predicate: "la Hongrie est membre de", "Armenia remains a member of"."""
    own = [c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if own:
        return own
    if token.dep_ in ("attr", "oprd", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
        return subjects(token.head, ctx.lex.syntax)
    return []


_FORCEFUL = frozenset({"attacks", "fightsWith", "coerces", "sanctions", "mobilizesAgainst"})


def _threat(ctx: Context, claim: RawClaim) -> RawClaim | None:
    """An actor saying it would use force against another if something happened threatens it:
    "Moscow said it would strike targets in Ukraine if ...", "a prévenu qu'elle expulserait ... si"."""
    source = claim.attributed_to
    if claim.predicate not in _FORCEFUL or claim.modality != "Conditional" or source is None or not source.key or source.key != claim.subject.key:
        return None
    if "threatens" not in ctx.schema.relations:
        return None
    return replace(claim, predicate="threatens", modality="Asserted", attributed_to=None, rule=f"{ctx.lang}/threat/conditional-force")


_VERBAL = ("verbal cooperation", "verbal conflict")
# one meets or visits the people named, not whoever made what is received ("welcomed the decision")
_IN_PERSON = frozenset({"meets", "visits"})
# where a withdrawal is from, part of a country named by its direction stays as written
# ("withdrew from southern Lebanon"); elsewhere it stands for the country
_REGIONS_AS_WRITTEN = frozenset({"withdrawsFrom"})
_CLAUSE_STOPS = {";", ":", "(", ")", "—", "–"}
_PARTITIVES = {"des", "du", "d'", "de"}
# Adverbs that make a preposition of the word after them ("autour de", "près de", "face à").
_LOCUTION_HEADS = {"autour", "près", "face", "loin"}


def _linear_fill(ctx: Context, sent: Span, trigger: Token, wanted: tuple[str, ...], allowed: frozenset[str], taken: list[Mention]) -> tuple[list[Mention], str | None]:
    """Arguments read off the word order of the trigger's clause, where the parse gave none.

    Small models often attach a trigger's arguments to the wrong word ("fournirait aux
    rebelles des missiles" with the missiles under the rebels). Only the plain roles are read
    this way: ``subj`` is the nearest mention before a verb outside a prepositional phrase,
    ``obj`` a mention after it with no preposition, ``pp:<p>`` one introduced by <p>, and
    ``mod`` a nationality adjective beside a trigger noun.
    """
    verbal = trigger.pos_ in ("VERB", "AUX")
    taken_keys = {m.key or m.text for m in taken}
    for role in wanted:
        if role == "subj" and verbal or role == "light.subj" and not verbal:
            tokens = _left_subjects(ctx, sent, trigger)
        elif role == "mod" and not verbal:
            tokens = [t for t in (_neighbour(sent, trigger, -1), _neighbour(sent, trigger, 1)) if t is not None and ctx.finder.demonym_mention(t) is not None]
        elif role == "obj" or role.startswith("pp:"):
            prep = None if role == "obj" else role[3:]
            tokens = [t for t, p in _right_nominals(ctx, sent, trigger) if p == prep or (p in _PARTITIVES and prep in (None, "de"))][:1]
            tokens += [t for t in tokens for t in listed_after(t, prep or "de")]
            # a system named after its category: "des missiles balistiques KN-23"
            tokens += [c for t in tokens for c in t.children if c.dep_ in ("amod", "appos", "flat:name", "nmod", "compound") and c.i in ctx.finder.by_token and ctx.finder.by_token[c.i].label_ == "Weapon"]
        else:
            continue
        mentions: list[Mention] = []
        for token in tokens:
            found = ctx.finder.single(token, "actor") if role == "subj" else ctx.finder.mentions(token) if role != "mod" else [ctx.finder.demonym_mention(token)]
            for mention in _fit(ctx, found, allowed):
                if (mention.key or mention.text) not in taken_keys and mention not in mentions:
                    mentions.append(mention)
        if mentions:
            return mentions, "linear." + role
    return [], None


def _linear_between(ctx: Context, sent: Span, trigger: Token) -> list[Token]:
    """"entre X et Y" / "between X and Y" after a trigger, read off the word order when the
    parser hung the phrase on another word."""
    first = next((t for t, prep in _right_nominals(ctx, sent, trigger) if prep in ("entre", "between")), None)
    if first is None and trigger.dep_.startswith("nsubj"):
        # "des affrontements ont éclaté entre X et Y": the phrase hangs on the event's verb
        first = next((t for prep, t in pp_objects(trigger.head) if prep in ("entre", "between")), None)
    return [] if first is None else [first, *conjuncts(first)[1:], *listed_after(first)]


def _neighbour(sent: Span, token: Token, step: int) -> Token | None:
    k = token.i + step
    return sent.doc[k] if sent.start <= k < sent.end else None


def _right_nominals(ctx: Context, sent: Span, trigger: Token) -> list[tuple[Token, str | None]]:
    """(nominal, preposition) pairs after a trigger up to the end of its clause, by word order."""
    doc = sent.doc
    out: list[tuple[Token, str | None]] = []
    prep: str | None = None
    carried: str | None = None
    k = trigger.i + 1
    while k < sent.end:
        token = doc[k]
        if _adjectival_participle(token, trigger):
            k += 1
            continue
        if token.text in _CLAUSE_STOPS or token.text == "," or token.pos_ in ("SCONJ", "VERB", "AUX"):
            break
        if token.pos_ in ("PRON",) and "PronType=Rel" in str(token.morph) or token.tag_ in ("WDT", "WP"):
            break
        if token.pos_ == "ADP" or token.lower_ in _ELIDED_DE:
            prep = _prep_word(token)
            if k - 1 > trigger.i and doc[k - 1].lower_ in _LOCUTION_HEADS:
                prep = f"{doc[k - 1].lower_} {prep}"
        elif token.pos_ in ("NOUN", "PROPN") and (k in ctx.finder.by_token or ctx.finder.mentions(token)):
            span = ctx.finder.by_token.get(k)
            out.append((token, prep))
            if carried is not None and prep == "de":
                # the owner of an unnamed target: "contre des positions du Hezbollah"
                out.append((token, carried))
            if span is not None:
                k = max(k, span.end - 1)
            prep = carried = None
        elif token.pos_ in ("CCONJ",):
            pass
        elif token.pos_ == "NOUN" and trigger.pos_ == "NOUN" and token not in (trigger.head, *trigger.children) and _names_event(ctx, token):
            break  # (another event's arguments: "an inquiry into the killing of civilians")
        elif token.pos_ in ("NOUN", "PROPN"):
            carried, prep = prep, None
        k += 1
    return out


def _adjectival_participle(token: Token, trigger: Token) -> bool:
    """A participle used as an adjective of a trigger noun ("manœuvres conjointes", "joint
    drills held") or of a noun right before it in the clause ("placé en résidence surveillée
    le président", even when tagged as a finite verb), which the scan reads past like an
    adjective."""
    return (
        token.pos_ == "VERB"
        and token.dep_ in ("acl", "amod")
        and (token.head == trigger and trigger.pos_ == "NOUN" or token.head.i == token.i - 1 and token.head.i > trigger.i and token.head.pos_ == "NOUN")
        and ("Part" in token.morph.get("VerbForm") or token.dep_ == "amod")
        and not any(c.dep_ in ("nsubj", "obj", "dobj", "aux", "aux:pass", "auxpass") for c in token.children)
    )


def _unprepositioned(token: Token) -> bool:
    return preposition(token) is None and token.pos_ in ("NOUN", "PROPN")


_ELIDED_DE = {"d'", "d’"}  # tagged as anything by the French model


def _prep_word(token: Token) -> str:
    word = token.lower_.replace("’", "'")
    return {"du": "de", "des": "de", "d'": "de", "au": "à", "aux": "à"}.get(word, word)


def _left_subjects(ctx: Context, sent: Span, trigger: Token) -> list[Token]:
    """The nearest nominal naming something before a verb, outside prepositional phrases and asides."""
    doc = sent.doc
    chain = {trigger.i}
    node = trigger
    while node.dep_ in ("xcomp", "aux", "aux:tense") and node.head != node:
        node = node.head
        chain.add(node.i)
    k = trigger.i - 1
    while k >= sent.start:
        token = doc[k]
        if token.text in _CLAUSE_STOPS or token.pos_ == "SCONJ" or token.tag_ in ("WDT", "WP") or "PronType=Rel" in str(token.morph):
            return []
        if token.text == "," and trigger.pos_ != "VERB":
            return []  # a trigger noun's doer is not read across an aside
        if token.pos_ == "VERB" and k not in chain and token.dep_ not in ("amod", "acl"):
            # a trigger noun reaches through the light verb that governs it ("a lancé des manœuvres")
            if trigger.pos_ == "VERB" or not ctx.lex.has("light_verbs", token.lemma_):
                return []
            chain.add(k)
        if token.pos_ == "NOUN" and trigger.pos_ == "NOUN" and token.dep_ != "compound" and _names_event(ctx, token) and not ctx.finder.mentions(token):
            return []  # "opened an inquiry into the killing of": whoever inquires did not kill
        if token.pos_ in ("NOUN", "PROPN"):
            span = ctx.finder.by_token.get(k)
            start = span.start if span is not None else k
            j = start - 1
            while j >= sent.start and doc[j].pos_ in ("DET", "NUM", "ADJ"):
                j -= 1
            preceded = j >= sent.start and (doc[j].pos_ == "ADP" or doc[j].lower_ in _PARTITIVES)
            if not preceded and ctx.finder.mentions(token):
                return [token] + [c for c in token.conjuncts if _unprepositioned(c)]
            k = start
        k -= 1
    return []


def _main_clause_subjects(ctx: Context, sent: Span, verb: Token, allowed: frozenset[str]) -> list[Mention]:
    """The subjects of the sentence's main verb, for a verb coordinated with it that the parser
    hung on a word in between ("Ankara affirme que le navire était entré « illégalement » dans
    ses eaux et a exhorté la Grèce à cesser", with "exhorté" under "illégalement"), and
    for a present participle set off by a comma, which says what the subject did besides ("ont
    imposé des sanctions au milliardaire X, fondateur du parti ..., l'accusant de ...")."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj") for c in verb.children):
        return []
    coordinated = verb.dep_ == "conj" and verb.head.pos_ not in ("VERB", "AUX") and any(c.dep_ == "cc" for c in verb.children)
    if not coordinated and not _set_off_present_participle(verb):
        return []
    # (a coordinated verb first tries the clause of the word it was hung on: "l'Iran, qui dispose
    # d'un arsenal d'armes anciennes et produit ...", with "produit" under "anciennes")
    clauses = [clause_head(verb.head)] if coordinated else []
    for clause in [*clauses, sent.root]:
        if clause.pos_ in ("VERB", "AUX") and clause.i < verb.i:
            found, _ = _fill(ctx, {"subj": subjects(clause, ctx.lex.syntax)}, ("subj",), allowed, verb)
            if found:
                return found
    return []


def _set_off_present_participle(verb: Token) -> bool:
    """", l'accusant de ...", ", accusing Minsk of ...": a present participle after a comma, with
    at most its object pronoun between, that does not describe the noun before it."""
    if not is_present_participle(verb) or verb.dep_ in ("acl", "amod", "acl:relcl", "relcl"):
        return False  # (one that describes the noun before it: "le pétrolier X, battant pavillon de ...")
    k = verb.i - 1
    while k > verb.sent.start and verb.doc[k].dep_ in ("obj", "iobj", "expl:comp") and verb.doc[k].head == verb and verb.doc[k].pos_ in ("PRON", "DET"):
        k -= 1
    return k > verb.sent.start and verb.doc[k].text == ","


def _names_event(ctx: Context, noun: Token) -> bool:
    """A noun that is itself a trigger of some relation ("inquiry", "frappes")."""
    return any("NOUN" in t.pos for t in ctx.lex.triggers_for(noun.lemma_.lower(), noun.lower_))


# Reactions to an event are aimed at its doer, so "condemned the raid" can take up the lead
# event, and so can praise ("welcomed the ruling"), though praise is an event of its own
_REACTIONS = frozenset({"condemns", "protestsAgainst", "expressesConcernAbout", "rejects", "accuses"})
_LEAD_TAKERS = _REACTIONS | {"supports"}


def _event_agents(ctx: Context, found: dict[str, list[Token]], wanted: tuple[str, ...], allowed: frozenset[str], lead: bool = False, besides: frozenset[str] = frozenset()) -> list[Mention]:
    """Who did the event a statement is about: "condemned Russia's launch" targets Russia,
    and "condamné ce tir" targets who fired in an earlier sentence. With ``lead``, an event
    that names no doer may be the one the article leads with, unless the lead's doer is one
    of ``besides`` (the reactors and their countries)."""
    for role in wanted:
        if role.startswith(("undergo.", "deep.", "comp.")) or role.startswith("light.") and not role.startswith("light.pp:"):
            continue  # (a phrase hung on the light verb is the noun's: "opened an inquiry into the killing by X")
        for token in found.get(role, ()):
            if token.pos_ == "ADJ":
                # "un possible sabotage russe", parsed with the adjective as the head
                token = next((c for c in token.children if c.pos_ == "NOUN" and c.i == token.i + 1), token)
            if not (token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower) or ctx.finder.mentions(token):
                continue
            event = ctx.roles(token)
            if not event.get("between"):
                # "le rapprochement militaire entre Tokyo et Manille", the phrase right after the noun
                between = _linear_between(ctx, token.sent, token)
                event["between"] = between if between and 0 < between[0].i - token.i <= 4 else []
            released = ctx.lex.has_token("release_nouns", token)
            # (whose release is asked for is who is held: "demanded their release")
            doers = ("agent", "pp:par", "pp:by") if released else ("agent", "pp:par", "pp:by", "poss", "mod", "between")
            if ctx.lex.has("doer_of_nouns", token.lemma_) or ctx.lex.has("doer_of_nouns", token.lower_):
                doers += ("pp:de", "pp:of")
            # (", a move condemned by X": the participle's agent reacts to the move, it did not make it)
            agents = _summarised_clause_agents(ctx, token, allowed) if lead and ctx.lex.has("lead_event_nouns", token.lemma_) else []
            if not agents:
                agents, _ = _fill(ctx, event, doers, allowed, token)
            if not agents and _anaphoric(token):
                agents = _antecedent_agents(ctx, token, allowed)
            if not agents and lead and ctx.lex.has("lead_event_nouns", token.lemma_):
                # (also "a dénoncé une « violation de sa souveraineté »": what the article leads with)
                agents = [m for m in _lead_agents(ctx, token, allowed) if m.ident not in besides]
            if not agents and released:
                agents = [m for m in _detainers(ctx, token, allowed) if m.ident not in besides]
            if agents:
                return agents
    return []


def _detainers(ctx: Context, token: Token, allowed: frozenset[str]) -> list[Mention]:
    """Who holds what a release is asked for: the doer of the last arrest or seizure before
    it ("Iran seized the tanker ... Washington demanded the release of its crew")."""
    doc = token.doc
    for j in range(token.i - 1, -1, -1):
        verb = doc[j]
        if verb.pos_ == "VERB" and ctx.lex.has_token("capture_verbs", verb):
            agents, _ = _fill(ctx, ctx.roles(verb), ("subj", "agent"), allowed, verb)
            if agents:
                return agents
    return []


_INDEFINITES = frozenset({"a", "an", "un", "une"})


def _summarised_clause_agents(ctx: Context, token: Token, allowed: frozenset[str]) -> list[Mention]:
    """Who did what the clause before ", a move ..." / ", une décision ..." describes:
    "Thailand deported 40 men, a move condemned by the United States"."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].lower_ not in _INDEFINITES or doc[token.i - 2].text != ",":
        return []
    root = token.sent.root
    verbs = [root] if root.i < token.i and root.pos_ in ("VERB", "AUX") else [t for t in token.sent if t.i < token.i and t.pos_ == "VERB"][:1]
    for verb in verbs:
        if not _is_reaction(ctx, verb):
            agents, _ = _fill(ctx, {"subj": subjects(verb, ctx.lex.syntax)}, ("subj",), allowed, verb)
            return agents
    return []


def _lead_agents(ctx: Context, token: Token, allowed: frozenset[str]) -> list[Mention]:
    """Who did what the article opens with, for a later "the raid", "le putsch" that names
    no doer and no earlier word of its own: news copy leads with the event it goes on to
    discuss."""
    for sent in token.doc.sents:
        if sent.start >= token.sent.start:
            return []
        # (main verbs, and verbs with a subject of their own the parser hung elsewhere, after a dateline)
        for verb in (t for t in sent if t.pos_ == "VERB" and (t.dep_ not in ("amod", "acl", "advcl", "xcomp", "ccomp", "relcl", "acl:relcl") or _named_subject(t))):
            if _is_reaction(ctx, verb):
                continue  # an accusation or a condemnation is no event of its own
            agents, _ = _fill(ctx, {"subj": subjects(verb, ctx.lex.syntax)}, ("subj",), allowed, verb)
            if agents:
                return agents
    return []


def _named_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


_PRO_VERBS = {"do", "faire"}
_AS = {"as", "comme", "ainsi"}


def _elided_subjects(ctx: Context, verb: Token, allowed: frozenset[str]) -> list[Mention]:
    """Who did the same, in an elided clause: "ASEAN condemned the attack, as did the European
    Union", "la France a condamné le tir, comme l'ont fait l'Allemagne et le Japon"."""
    found: list[Mention] = []
    for clause in verb.children:
        if clause.dep_.startswith("advcl") and clause.lemma_.lower() in _PRO_VERBS and any(c.dep_ == "mark" and c.lower_ in _AS for c in clause.children):
            # (a French subject put after "l'ont fait" is parsed as its object)
            named = [c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")] or [c for c in clause.children if c.dep_ in ("obj", "dobj") and c.pos_ != "PRON"]
            for subject in named:
                found += _fit(ctx, ctx.finder.mentions(subject), allowed)
    return found


def _is_reaction(ctx: Context, verb: Token) -> bool:
    """A verb of accusing or reacting ("accused", "condemned")."""
    lemma = verb.lemma_.lower()
    if ctx.lex.has("accuse_verbs", lemma):
        return True
    return any(t.relation in _REACTIONS for t in ctx.lex.triggers_for(lemma, verb.lower_) if t.kind == "verb")


def _anaphoric(token: Token) -> bool:
    return any(c.dep_ in ("det", "case") and ("PronType=Dem" in str(c.morph) or "Definite=Def" in str(c.morph) or c.lower_ in ("this", "these", "that", "those", "the", "des", "les")) for c in token.children)


def _antecedent_agents(ctx: Context, token: Token, allowed: frozenset[str], window: int = 80) -> list[Mention]:
    """The doer of the earlier event an anaphoric event noun takes up ("a tiré ... ce tir", "Iran's launch ... the launch")."""
    stem = _stem(token.lemma_.lower())
    if len(stem) < 3:
        return []
    doc = token.doc
    for j in range(token.i - 1, max(token.i - window, -1), -1):
        other = doc[j]
        if other.pos_ not in ("NOUN", "VERB") or not other.lemma_.lower().startswith(stem):
            continue
        if other.pos_ == "VERB":
            agents, _ = _fill(ctx, {"subj": subjects(other, ctx.lex.syntax)}, ("subj",), allowed, other)
        else:
            agents, _ = _fill(ctx, ctx.roles(other), ("agent", "pp:par", "pp:by", "poss", "mod", "light.subj"), allowed, other)
        if agents:
            return agents
    return []


_NOUN_ENDINGS = ("ences", "ence", "ances", "ance", "ements", "ement", "ments", "ment", "tions", "tion", "sions", "sion")


def _stem(lemma: str) -> str:
    """What an event noun shares with its verb: "exigence" / "exiger", "décision" / "décider"."""
    for ending in _NOUN_ENDINGS:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 4:
            return lemma[: -len(ending)]
    return lemma.rstrip("es") or lemma


def _with_listed_weapons(ctx: Context, trigger: Token, theme_tokens, themes: list[Mention]) -> list[Mention]:
    """Add the weapons listed beside a weapon theme ("les obusiers, notamment les « Caesar »").

    Between a theme and its trigger the parse of such lists is unreliable, so the weapons
    written in that stretch of the sentence are read off linearly.
    """
    if not any(m.label == "Weapon" for m in themes):
        return themes
    out = list(themes)
    for token in theme_tokens:
        lo, hi = (token.i, trigger.i) if token.i < trigger.i else (trigger.i + 1, max(t.i for t in token.subtree) + 1)
        for span in _weapon_spans(ctx, lo, hi):
            if not _weapon_word_as_modifier(ctx, span):
                mention = ctx.finder.span_mention(span)
                if mention is not None and mention not in out:
                    out.append(mention)
    return out


def _weapon_spans(ctx: Context, lo: int, hi: int) -> Iterator[Span]:
    """The weapons named in a stretch of tokens, each once."""
    for i in range(lo, hi):
        span = ctx.finder.by_token.get(i)
        if span is not None and span.start == i and span.label_ == "Weapon":
            yield span


def _weapon_word_as_modifier(ctx: Context, span: Span) -> bool:
    """A common weapon word qualifying another noun ("an arms purchase", "the arms embargo"):
    the phrase is about the purchase, not the arms."""
    last = span.doc[span.end - 1]
    return span.text.islower() and last.dep_ == "compound" and last.head.i not in ctx.finder.by_token


def _weapons_before(ctx: Context, found: dict[str, list[Token]], wanted: tuple[str, ...]) -> tuple[list[Mention], str | None]:
    """Weapons named among the words before a theme noun, however the parser hung them
    ("to buy 20 F-35 stealth fighters", where "F-35" went under the number)."""
    for role in wanted:
        out: list[Mention] = []
        for token in found.get(role, ()):
            for span in _weapon_spans(ctx, token.left_edge.i, token.i):
                mention = ctx.finder.span_mention(span)
                if mention is not None and mention not in out:
                    out.append(mention)
        if out:
            return out, role
    return [], None


def _named_systems(ctx: Context, tokens) -> list[Mention]:
    """Specific systems named on a generic weapon noun: "its Su-35 and Su-57 fighter jets",
    "Chinese-made FK-3 air defence systems" (a model designation the gazetteer does not know)."""
    found: list[Mention] = []
    for token in tokens:
        for child in token.children:
            span = ctx.finder.by_token.get(child.i)
            named = span is not None and span.label_ == "Weapon"
            if not (named or _designation(child)):
                continue
            if child.dep_ in ("compound", "amod", "appos", "flat:name", "nmod", "nmod:poss") or child.i == token.i - 1:
                for item in [child, *child.conjuncts]:
                    inner = ctx.finder.by_token.get(item.i)
                    if inner is not None and inner.label_ == "Weapon":
                        mention = ctx.finder.span_mention(inner)
                    elif _designation(item):
                        mention = _designation_mention(item)
                    else:
                        mention = None
                    if mention is not None and mention not in found:
                        found.append(mention)
    return found


_DESIGNATION = re.compile(r"^(?:[A-Z]{1,4}-?\d{1,4}[A-Z]?|[A-Z][a-z]{1,3}-\d{1,4}[A-Z]?|[A-Z][A-Za-z]+-class)$")


def _designation(token: Token) -> bool:
    """A model designation such as "FK-3", "KN-23", "Su-35", "S-400", "TB2", or a class of
    ships ("Ohio-class")."""
    return bool(_DESIGNATION.match(token.text))


def _designation_mention(token: Token) -> Mention:
    """A weapon named by a designation the gazetteer does not know."""
    return Mention(token.text, token.idx, token.idx + len(token.text), "Weapon", None, via="name")


def _specific_weapons(ctx: Context, themes: list[Mention]) -> list[Mention]:
    """Drop a generic weapon category named right before a specific system it introduces
    ("des missiles balistiques KN-23", "Javelin anti-tank missiles"): the system is what is supplied."""
    specific = [m for m in themes if m.label == "Weapon" and _is_system(ctx, m)]
    if not specific:
        return themes
    return [m for m in themes if _is_system(ctx, m) or not any(abs(m.end - s.start) <= 3 or abs(s.end - m.start) <= 3 for s in specific)]


def without_bare_arms(ctx: Context, claims: list[RawClaim]) -> list[RawClaim]:
    """``_specific_weapons`` over a whole article: drop "arms supplied to X" where the article
    names the systems supplied to X ("une vente d'armes à Taïwan ... la vente de missiles
    Javelin à l'île"). Another kind beside them stays ("des avions ASC 890 ainsi que des munitions")."""

    def system(mention: Mention) -> bool:
        return mention.label == "Weapon" and _is_system(ctx, mention)

    def bare(mention: Mention) -> bool:
        return mention.label == "Weapon" and not _is_system(ctx, mention) and ctx.lex.has_word_of("generic_arms_nouns", mention.text)

    named = {c.object.ident for c in claims if c.predicate == "suppliedTo" and system(c.subject)}
    return [c for c in claims if not (c.predicate == "suppliedTo" and bare(c.subject) and c.object.ident in named)]


def _strategic(ctx: Context, span: Span, mention: Mention) -> bool:
    """A named system or a strategic kind of weapon ("nuclear weapons", "missiles balistiques"),
    whose holding is news in itself."""
    entry = ctx.gaz.get(mention.key) if mention.key else None
    if entry is not None and entry.country:
        return True  # (a listed system, as ``_is_system`` tells them)
    return _strategic_words(ctx, span.text)


def _strategic_words(ctx: Context, text: str) -> bool:
    return any(ctx.lex.has("strategic_weapon_words", word) for word in text.split())


_DEFINITE_WORDS = frozenset({"the", "these", "those", "les", "ces", "ce", "cet", "cette"})


def _takes_up_weapon(ctx: Context, token: Token) -> bool:
    """A definite kind of weapon with no name of its own: "the jets", "ces sous-marins"."""
    return (
        ctx.lex.has_token("weapon_class_nouns", token)
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE_WORDS for c in token.children)
        and not any(c.i in ctx.finder.by_token or _designation(c) for c in token.children)
    )


def _earlier_system(ctx: Context, token: Token, sentences: int = 2) -> Mention | None:
    """The named system last mentioned in the sentence of a noun or the few before it."""
    sent = token.sent
    start = sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    for i in range(token.i - 1, start - 1, -1):
        span = ctx.finder.by_token.get(i)
        if span is not None and span.label_ == "Weapon":
            mention = ctx.finder.span_mention(span)
            if mention is not None and mention.key and _is_system(ctx, mention):
                return mention
        elif span is None and _designation(token.doc[i]):
            return _designation_mention(token.doc[i])
    return None


def _is_system(ctx: Context, mention: Mention) -> bool:
    entry = ctx.gaz.get(mention.key) if mention.key else None
    return mention.label != "Weapon" or entry is None or bool(entry.country)


def _possessive_binding(ctx: Context, token: Token, found: dict[str, list[Token]]) -> None:
    """A possessive on a fronted noun ("Après sa rencontre avec X, Y ...") binds to the clause subject."""
    if not found.get("poss"):
        return
    poss = found["poss"][0]
    if poss.dep_ == "poss" and poss.pos_ != "PRON" and poss.tag_ != "PRP$":
        return
    head = clause_head(token)
    inside = {t.i for t in token.subtree}
    candidates = [t for t in subjects(head, ctx.lex.syntax) if t != token and t.i not in inside]
    candidates += [t for t in token.conjuncts if t not in candidates]
    for candidate in candidates:
        if ctx.finder.mentions(candidate):
            found["poss"] = [candidate]
            return
    for candidate in candidates:
        for child in candidate.children:
            if preposition(child) in ("de", "of") and ctx.finder.mentions(child):
                found["poss"] = [child]
                return


@register_rule("places")
def places(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """locatedIn from a place set in a wider one: "the Chinese city of Kunming", "the Darfur
    region of Sudan", "El-Facher, au Darfour", "Mariupol, in Ukraine's south-east"."""
    relation = ctx.schema.relations.get("locatedIn")
    if relation is None:
        return
    doc = sent.doc
    seen: set[int] = set()
    for i in range(sent.start, sent.end):
        span = ctx.finder.by_token.get(i)
        if span is None or span.start in seen or not span.label_ in _PLACE_CLASSES and ctx.finder.entity_class(span) not in _PLACE_CLASSES:
            continue
        seen.add(span.start)
        place = ctx.finder.span_mention(span)
        if place is None or place.label not in _PLACE_CLASSES:
            continue
        token = doc[i]
        for container in _containers(ctx, sent, span) + _category_owner(ctx, span.root):
            if (container.key or container.text) == (place.key or place.text) or not ctx.schema.fits(container.label, relation.range):
                continue
            claim = _claim(ctx, sent, token, place, "locatedIn", container, f"{ctx.lang}/places/locatedIn")
            if claim is not None:
                yield _standing(claim)


def _containers(ctx: Context, sent: Span, span: Span) -> list[Mention]:
    """The place written after a comma and a locative preposition, up to the next punctuation."""
    doc = sent.doc
    k = span.end
    if k + 2 < sent.end and doc[k].text == ",":
        # "Transnistrie, région séparatiste de Moldavie", "Goma, the largest city in eastern Congo"
        j = k + 1
        while j < sent.end and doc[j].pos_ in ("DET", "ADJ", "ADV") and not ctx.lex.has_token("place_category_nouns", doc[j]) and j - k < 5:
            j += 1
        if j < sent.end and ctx.lex.has_token("place_category_nouns", doc[j]) and doc[j].pos_ in ("NOUN", "ADJ"):
            return _apposed_category(ctx, doc[j])
    if k + 2 >= sent.end or doc[k].text != "," or not ctx.lex.has("aside_locative_prepositions", doc[k + 1].lower_):
        return []
    k += 2
    while k < sent.end and doc[k].pos_ == "DET":
        k += 1
    if k >= sent.end:
        return []
    target = doc[k]
    inner = ctx.finder.by_token.get(k)
    end = inner.end if inner is not None else k + 1
    while end < sent.end and not doc[end].is_punct and doc[end].pos_ in ("ADJ", "ADP", "DET", "PROPN", "NOUN") and end - k < 6:
        end += 1
    if end < sent.end and not doc[end].is_punct and doc[end].lower_ not in ("where", "où"):
        return []
    found = [_named_owner(ctx, m) for m in ctx.finder.mentions(target, "place") if m.label in _PLACE_CLASSES or m.label == "Country"]
    if not found and (ctx.lex.has("region_nouns", target.lemma_.lower()) or ctx.lex.has("region_nouns", target.lower_)):
        owner = ctx.finder.owner_of(target)
        found = [owner] if owner is not None and owner.label == "Country" else []
    if not found and target.pos_ == "ADJ" and ctx.lex.has("region_nouns", target.lower_) and k + 1 < sent.end:
        found = [m for m in ctx.finder.mentions(doc[k + 1], "place") if m.label == "Country"]
    return found


def _apposed_category(ctx: Context, category: Token) -> list[Mention]:
    """Where a category noun in apposition puts a place: its country ("région séparatiste de
    Moldavie"), the place it is said to be in ("city in eastern Congo"), or the named place it
    belongs to ("capitale de la région du Kurdistan")."""
    found = _category_owner(ctx, category)
    if not found:
        for inner in ctx.finder._named_complements(category):
            found += [m for m in ctx.finder.mentions(inner, "place") if m.label in _PLACE_CLASSES]
    doc, k = category.doc, category.i + 1
    if not found and k < len(doc) and doc[k].lower_ in ("de", "du", "des", "d'", "of"):
        # (read off the word order where the parser hung the complement elsewhere)
        k += 1
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        span = ctx.finder.by_token.get(k) if k < len(doc) else None
        named = ctx.finder.span_mention(span) if span is not None else None
        if named is not None and (named.label in _PLACE_CLASSES or named.label == "Country"):
            found.append(named)
    return found


def _named_owner(ctx: Context, region: Mention) -> Mention:
    """A region named by its country's adjective ("l'Extrême-Orient russe") places things in that country."""
    entry = ctx.gaz.get(region.key) if region.key else None
    if entry is None or not entry.country or entry.type == "Country":
        return region
    for word in region.text.replace("’", "'").split()[1:]:
        if ctx.gaz.demonym(word, ctx.lang) == entry.country:
            return ctx.finder._key_mention_at(region, entry.country)
    return region


def _category_owner(ctx: Context, token: Token) -> list[Mention]:
    """"la ville chinoise de X", "the city of X in ...", "the X region of Sudan": the owner of the category noun."""
    category = None
    if ctx.lex.has_token("place_category_nouns", token) or " " in token.text and ctx.lex.has("place_category_nouns", token.lower_.rsplit(" ", 1)[-1]):
        category = token  # a name the recognizer ran on into its noun: "Sihanoukville province", "Kursk region"
    elif preposition(token) in ("de", "of") and token.head != token:
        category = token.head.head if token.dep_ == "pobj" else token.head
    elif token.dep_ in ("compound", "nmod") and token.i < token.head.i:
        category = token.head
    if category is None or category is not token and not ctx.lex.has_token("place_category_nouns", category):
        return []
    found = []
    owner = ctx.finder.owner_of(category, exclude=token)
    if owner is not None and owner.label == "Country":
        found.append(owner)
    # "the Ream naval base in Cambodia's Sihanoukville province": where the category noun is
    for prep, inner in pp_objects(category):
        if prep in _LOCATIVES and inner.i != token.i:
            found += [m for m in ctx.finder.mentions(inner, "place") if m.label in _PLACE_CLASSES or m.label == "Country"]
    return found


@register_rule("votes")
def votes(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """A vote on or veto of a resolution, read against its sponsor: voting against or vetoing
    gives rejects(voter, sponsor), voting for gives supports(voter, sponsor)."""
    against = ctx.lex.words.get("vote_against_words", frozenset())
    for_ = ctx.lex.words.get("vote_for_words", frozenset())
    for token in ctx.candidates(sent, "vote_verbs", "veto_words"):
        if ctx.lex.has("veto_words", token.lower_) or ctx.lex.has("veto_words", token.lemma_.lower()):
            predicate = "rejects"
        else:
            sides = {c.lower_ for c in token.children if c.lower_ in against or c.lower_ in for_}
            if len(sides) != 1:
                continue
            predicate = "rejects" if sides <= against else "supports"
        relation = ctx.schema.relations.get(predicate)
        head = clause_head(token)
        voters = _fill(ctx, {"subj": subjects(head, ctx.lex.syntax)}, ("subj",), relation.domain, token)[0]
        resolution = _voted_text(ctx, head)
        if resolution is None:
            continue
        for voter in voters:
            for sponsor in _fit(ctx, _sponsors(ctx, resolution), relation.range):
                claim = _claim(ctx, sent, token, voter, predicate, sponsor, f"{ctx.lang}/votes/{predicate}")
                if claim is not None:
                    yield claim


def _voted_text(ctx: Context, verb: Token, window: int = 80) -> Token | None:
    """The resolution a vote is on: the verb's own object, else the last one named before it."""
    for token in verb.subtree:
        if ctx.lex.has("resolution_nouns", token.lemma_.lower()) or ctx.lex.has("resolution_nouns", token.lower_):
            return token
    doc = verb.doc
    for j in range(verb.i - 1, max(verb.i - window, -1), -1):
        if ctx.lemmas[j] in ctx.lex.words.get("resolution_nouns", frozenset()) or ctx.lowers[j] in ctx.lex.words.get("resolution_nouns", frozenset()):
            return doc[j]
    return None


def _sponsors(ctx: Context, resolution: Token) -> list[Mention]:
    """Who put a resolution forward: "présentée par la Jordanie", "a U.S.-drafted resolution"."""
    found: list[Mention] = []
    for child in resolution.children:
        if child.i > resolution.i and child.dep_ in ("acl", "amod") and ctx.lex.has("sponsor_participles", child.lower_):
            for prep, obj in pp_objects(child):
                if prep in ("par", "by"):
                    found.extend(ctx.finder.mentions(obj))
            for obj in child.children:
                if obj.dep_ == "obl:agent":
                    found.extend(ctx.finder.mentions(obj))
        elif child.i < resolution.i and "-" in child.text:
            name, _, participle = child.text.rpartition("-")
            if ctx.lex.has("sponsor_participles", participle):
                entry = ctx.gaz.lookup(name, ctx.lang)
                key = entry.key if entry is not None else ctx.gaz.demonym(name, ctx.lang)
                entry = ctx.gaz.get(key) if key else None
                if entry is not None:
                    found.append(Mention(name, child.idx, child.idx + len(name), entry.type, entry.key, via="name"))
    return found


@register_rule("allies")
def allies(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """cooperatesWith from an ally or partner phrase set beside an actor: "Minsk, allié de Moscou",
    "Alexander Lukashenko, a close ally of Moscow", "Manille, leur allié".

    The apposition is read off the word order, which the parse of such asides often misses.
    """
    relation = ctx.schema.relations.get("cooperatesWith")
    if relation is None:
        return
    doc = sent.doc
    for token in ctx.candidates(sent, "ally_nouns"):
        j = token.i - 1
        while j > sent.start and doc[j].pos_ in ("DET", "ADJ", "ADV") and doc[j].text != ",":
            j -= 1
        if doc[j].text != "," or j - 1 < sent.start:
            continue
        holders = _fit(ctx, ctx.finder.mentions(doc[j - 1]), relation.domain)
        if not holders and j - 2 >= sent.start and doc[j - 2].pos_ == "NOUN":
            holders = _fit(ctx, ctx.finder.mentions(doc[j - 2]), relation.domain)  # "le mouvement chiite, allié de"
        partners: list[Mention] = []
        for child in token.children:
            if preposition(child) in ("de", "of") or child.dep_ == "prep" and child.lower_ == "of":
                inner = next((c for c in child.children if c.dep_ == "pobj"), child)
                partners = _fit(ctx, ctx.finder.mentions(inner), relation.range)
            elif child.dep_ == "poss" or child.dep_ == "det" and "Poss=Yes" in str(child.morph):
                owners = [t for t in subjects(clause_head(token), ctx.lex.syntax) if t.i < j]
                partners = [m for t in owners for m in _fit(ctx, ctx.finder.mentions(t), relation.range)]
        for holder in holders:
            for partner in partners:
                claim = _claim(ctx, sent, token, holder, "cooperatesWith", partner, f"{ctx.lang}/allies/cooperatesWith")
                if claim is not None:
                    yield replace(claim, attributed_to=None, denied_by=None, event_date=None, location=None)


@register_rule("exchanges")
def exchanges(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """concedesTo from the other half of a swap: "released X in exchange for Y, jailed in
    Sweden", "en échange de Y, détenu par les États-Unis": whoever held Y releases Y."""
    relation = ctx.schema.relations.get("concedesTo")
    if relation is None:
        return
    for token in ctx.candidates(sent, "exchange_nouns"):
        released = [inner for prep, inner in pp_objects(token) if prep in ("for", "de", "contre")]
        for person in released:
            holders = _holders(ctx, person)
            for held in _fit(ctx, ctx.finder.mentions(person), relation.range):
                for holder in _fit(ctx, holders, relation.domain):
                    claim = _claim(ctx, sent, token, holder, "concedesTo", held, f"{ctx.lang}/concedesTo/exchange")
                    if claim is not None:
                        yield replace(claim, attributed_to=None)


def _holders(ctx: Context, person: Token) -> list[Mention]:
    """Who holds a person, from a participle or relative clause on them or their description:
    "jailed by U.S. authorities", "jailed in Sweden", "détenu par les États-Unis"."""
    described = [person] + [c for c in person.children if c.dep_ in ("appos",)]
    for noun in described:
        for clause in noun.children:
            if clause.dep_ not in ("acl", "relcl", "acl:relcl") or not ctx.lex.has("detention_verbs", clause.lemma_.lower()):
                continue
            for prep, inner in pp_objects(clause):
                if prep in ("by", "par", "in", "en", "au", "à"):
                    found = [ctx.finder.as_actor(m) for m in ctx.finder.mentions(inner)]
                    found = [m for m in found if m.label == "Country" or prep in ("by", "par")]
                    if found:
                        return found
    return []


@register_rule("backers")
def backers(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """supports from a backer written into an adjective: "the Iran-backed group", "Russian-backed
    separatists", "U.S.-funded militias"."""
    suffixes = tuple(ctx.lex.words.get("backing_suffixes", ()))
    if not suffixes or "supports" not in ctx.schema.relations:
        return
    relation = ctx.schema.relations["supports"]
    for i in range(sent.start, sent.end):
        lower = ctx.lowers[i]
        suffix = next((x for x in suffixes if lower.endswith(x) and len(lower) > len(x)), None)
        if suffix is None:
            continue
        token = sent.doc[i]
        backer = _named_prefix(ctx, token, token.text[: -len(suffix)])
        if backer is None or token.head == token:
            continue
        backed = _fit(ctx, ctx.finder.mentions(token.head), relation.range)
        for target in backed:
            claim = _claim(ctx, sent, token.head, backer, "supports", target, f"{ctx.lang}/backers/supports")
            if claim is not None:
                yield claim


def _named_prefix(ctx: Context, token: Token, prefix: str) -> Mention | None:
    """The country or organisation named by the first half of a compound adjective ("Iran" of
    "Iran-backed", "Chinese" of "Chinese-made")."""
    key = ctx.gaz.demonym(prefix, ctx.lang)
    entry = ctx.gaz.get(key) if key else ctx.gaz.lookup(prefix, ctx.lang)
    if entry is None or not ctx.schema.is_a(entry.type, "Actor"):
        return None
    return ctx.finder.as_actor(Mention(token.text, token.idx, token.idx + len(token.text), entry.type, entry.key, via="demonym"))


@register_rule("pairs")
def hyphenated_pairs(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """"la rencontre Macron-Scholz", "the Biden-Xi summit": two actors joined by a hyphen."""
    for i in range(sent.start, sent.end):
        if ctx.lowers[i].count("-") != 1:
            continue
        token = sent.doc[i]
        head = token.head if token.head != token else token
        triggers = [t for t in ctx.lex.triggers_for(head.lemma_, head.lower_) if t.between and t.kind == "noun"]
        if not triggers:
            continue
        parts = token.text.split("-")
        mentions = [ctx.finder.known_person(part) or _gazetteer_mention(ctx, part, token) for part in parts]
        if all(mentions):
            a, b = (replace(m, start=token.idx, end=token.idx + len(token.text), via="pair") for m in mentions)
            claim = _claim(ctx, sent, head, a, triggers[0].relation, b, f"{ctx.lang}/pair/{triggers[0].relation}")
            if claim is not None:
                yield claim


def _gazetteer_mention(ctx: Context, name: str, token: Token) -> Mention | None:
    entry = ctx.gaz.lookup(name, ctx.lang)
    if entry is None or entry.type not in ("Person", "Country"):
        return None
    return Mention(name, token.idx, token.idx + len(token.text), entry.type, entry.key, via="pair")


@register_rule("conflicts")
def conflict_parties(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """partyTo: who wages a war ("Russia's war in Ukraine", "ses opérations militaires en Ukraine")."""
    nouns = ctx.lex.words.get("conflict_nouns", frozenset())
    for i in range(sent.start, sent.end):
        span = ctx.finder.by_token.get(i)
        if not (span is not None and span.label_ == "Conflict" or ctx.lemmas[i] in nouns or ctx.lowers[i] in nouns):
            continue
        token = sent.doc[i]
        conflict = _conflict_of(ctx, token)
        if conflict is None:
            continue
        found = ctx.roles(token)
        _possessive_binding(ctx, token, found)
        owners, _ = _fill(ctx, found, ("poss", "mod", "pp:de", "pp:of", "light.subj", "agent"), frozenset({"Actor"}), token)
        if not owners:
            owners, _ = _fill(ctx, {"agent": _agent_after(sent, token)}, ("agent",), frozenset({"Actor"}), token)
        invaded = _invaded(ctx, token)
        if not owners:
            owners = _possessor_in_name(ctx, token, demonym=invaded is not None)
        for owner in owners:
            if owner.key and owner.key in (conflict.key or ""):
                continue
            if invaded is None:
                claim = _claim(ctx, sent, token, owner, "partyTo", conflict, f"{ctx.lang}/conflict/partyTo")
                if claim is not None:
                    yield _standing(claim)
            elif invaded.key != owner.key:
                # an invasion is an attack on the invaded country, not a named war
                attack = _claim(ctx, sent, token, owner, "attacks", invaded, f"{ctx.lang}/conflict/attacks")
                if attack is not None:
                    yield attack


def _possessor_in_name(ctx: Context, token: Token, demonym: bool) -> list[Mention]:
    """The possessor written inside a conflict's merged name: "Russia's war in Ukraine", or, for
    an invasion, its demonym: "Russian invasion of Ukraine", "l'invasion russe de l'Ukraine" (the
    demonym of a war names where it is fought: "the Syrian civil war")."""
    text = token.text.replace("’", "'")
    if "'s " in text:
        entry = ctx.gaz.lookup(text.split("'s ", 1)[0], ctx.lang)
        key, label = (entry.key, entry.type) if entry is not None else (None, None)
    elif demonym:
        # the demonym qualifies the head: it is its first word in English, its second in French
        words = text.split()[:2]
        key = next((k for k in (ctx.gaz.demonym(w, ctx.lang) for w in words) if k), None)
        entry = ctx.gaz.get(key) if key else None
        label = entry.type if entry is not None else "Country"
    else:
        return []
    if key is None:
        return []
    owner = Mention(token.text, token.idx, token.idx + len(token.text), label, key, via="name")
    return _fit(ctx, [owner], frozenset({"Actor"}))


def _agent_after(sent: Span, token: Token) -> list[Token]:
    """The agent of a participle right after a noun, whatever the parser attached it to:
    "la guerre en Ukraine, lancée par Moscou", "the war, started by Russia"."""
    doc = sent.doc
    k = token.i + 1
    if k < sent.end and doc[k].text == ",":
        k += 1
    if k >= sent.end or doc[k].pos_ != "VERB" or not ("VerbForm=Part" in str(doc[k].morph) or doc[k].tag_ == "VBN"):
        return []
    participle = doc[k]
    agents = [c for c in participle.children if c.dep_ == "obl:agent"]
    agents += [inner for prep, inner in pp_objects(participle) if prep in ("par", "by")]
    return agents


def _invaded(ctx: Context, token: Token) -> Mention | None:
    """The country a conflict name says is attacked: "(Russia's) invasion of Ukraine",
    "l'invasion de l'Ukraine", the attack noun being one of the language's attacks triggers."""
    span = ctx.finder.by_token.get(token.i)
    if span is None or span.label_ != "Conflict":
        return None
    # the attack noun heads the name, after a demonym or a qualifier in English ("full-scale")
    words = span.text.replace("’", "'").split()[:3]
    if not any(t.relation == "attacks" and t.kind == "noun" for word in words for t in ctx.lex.triggers_for(word)):
        return None
    for cut in ("of", "de", "d'", "contre", "against", "on"):
        rest = span.text.replace("’", "'").split(f" {cut} ", 1) if cut not in ("d'",) else span.text.replace("’", "'").split(" d'", 1)
        if len(rest) == 2:
            name = rest[1].removeprefix("l'").removeprefix("la ").removeprefix("le ")
            entry = ctx.gaz.lookup(name, ctx.lang)
            if entry is not None and entry.type == "Country":
                return Mention(span.text, span.start_char, span.end_char, "Country", entry.key, via="conflict")
    return None


def _conflict_of(ctx: Context, token: Token) -> Mention | None:
    span = ctx.finder.by_token.get(token.i)
    if span is not None and span.label_ == "Conflict":
        return ctx.finder.span_mention(span)
    if not (ctx.lex.has("conflict_nouns", token.lemma_.lower()) or ctx.lex.has("conflict_nouns", token.lower_)):
        return None
    for child in token.children:
        if preposition(child) in ("en", "in", "au", "à", "dans", "against", "contre", "on"):
            for place in ctx.finder.mentions(child):
                entry = _conflict_in(ctx.gaz, place.key) if place.key else None
                if entry is not None:
                    return Mention(token.text, token.idx, child.idx + len(child.text), "Conflict", entry.key, via="conflict")
    return None


def _conflict_in(gaz: Gazetteer, country: str):
    """The first listed conflict a country is party to ("la guerre en Ukraine")."""
    for entry in gaz.entries.values():
        if entry.type == "Conflict" and country in entry.parties:
            return entry
    return None


def _maker(ctx: Context, child: Token) -> Mention | None:
    """The country a weapon is said to be made in: "Chinese-made", "U.S.-built", "de
    fabrication turque"."""
    lower = child.lower_
    for suffix in ctx.lex.words.get("maker_suffixes", ()):
        if lower.endswith(suffix) and len(lower) > len(suffix):
            maker = _named_prefix(ctx, child, child.text[: -len(suffix)])
            if maker is not None and maker.label == "Country":
                return maker
    if ctx.lex.has("maker_nouns", child.lemma_) or ctx.lex.has("maker_nouns", lower):
        for grandchild in child.children:
            if grandchild.dep_ == "amod":
                country = ctx.finder.demonym_mention(grandchild)
                if country is not None:
                    return country
    return None


@register_rule("origin")
def weapon_origin(ctx: Context, sent: Span) -> Iterator[RawClaim]:
    """possesses: a named weapon system qualified by a country's demonym ("les Shahed iraniens"),
    a strategic weapon with a possessive ("its nuclear weapons"); produces: a weapon said to be
    made in a country ("Chinese-made", "de fabrication turque")."""
    for i in range(sent.start, sent.end):
        span = ctx.finder.by_token.get(i)
        if span is None or span.label_ != "Weapon":
            continue
        token = sent.doc[i]
        weapon = ctx.finder.span_mention(span)
        modifiers = list(token.children)
        if token.dep_ == "compound" and token.head.i not in ctx.finder.by_token:
            # "French-made Rafale fighters": the system names the noun the maker qualifies
            modifiers += [c for c in token.head.children if c.i < token.i]
        for child in modifiers:
            maker = _maker(ctx, child)
            if maker is not None:
                for made in _specific_weapons(ctx, [weapon, *_named_systems(ctx, [token])]):
                    claim = _claim(ctx, sent, token, maker, "produces", made, f"{ctx.lang}/origin/produces")
                    if claim is not None:
                        yield _standing(claim)
                continue
            if ctx.finder._possessive(child) and not ctx.lex.has("person_pronouns", child.lower_) and _strategic(ctx, span, weapon):
                # "its nuclear weapons", "ses missiles balistiques": whoever the possessive takes up
                # holds them (not "if its missiles were used", said of supplied ones)
                for owner in _fit(ctx, ctx.finder.mentions(child), frozenset({"Country", "ArmedGroup"})):
                    claim = _claim(ctx, sent, token, owner, "possesses", weapon, f"{ctx.lang}/origin/possessive")
                    if claim is not None:
                        yield _standing(claim)
                continue
            country = ctx.finder.demonym_mention(child) if child.dep_ in ("amod", "compound") else None
            if country is not None and _is_system(ctx, weapon):
                # (a named system only: "Ukrainian drones struck" says who used them, not what a country holds)
                claim = _claim(ctx, sent, token, country, "possesses", weapon, f"{ctx.lang}/origin/possesses")
                if claim is not None:
                    yield replace(claim, event_date=None, location=None)
