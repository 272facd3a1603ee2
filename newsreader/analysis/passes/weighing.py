"""Weighing: is each entity really an actor? A learned decision over general evidence.

The earlier passes vote; this pass weighs the votes with the document's own evidence and lets the `actor`
model (`weights.py`, trained by `scripts/train_weights.py`) decide. Signals: how many mentions and forms the
entity has; how often it is written sentence-initially (where capitals prove nothing); whether the article
also writes its words in lower case; forenames, titles, gazetteers and head words; the words around its
mentions ("in X", "the X", "The X" mid-sentence, a role noun: "the drummer X", "X said", "X's", listed with other names:
"Tiffany and Bosco"); the cues of a title of a work
rather than an actor ("the drama X", "a book called X", "Shaw's X", "X (2004)", a name alone in quotation
marks); its shape (acronym, inner capitals, digits, a plural -s). A hinted entity is always kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..lexicon import Lexicon, lexicon, rule_words
from ..names import inner_capitals as _camel
from ..names import is_acronym
from ..state import DocState, Entity
from ..text import Doc, Token
from ..weights import Features, Model, model
from .kinds import BODY_NOUNS, PLACE_PREPS, appositive_body
# (each person_evidence rule is asked behind its own first test, `CUE_OUTVOTED` votes or the kind person:
# most entities fail it, and a call costs more than the test)
from .person_evidence import CUE_OUTVOTED, modifies_a_noun, person_outweighs_one_cue, person_votes_stand

NAMING_WORDS = rule_words("actors_naming_words")  # "a podcast called X", "a paper entitled X"
LIST_GAPS = rule_words("actors_list_gaps")  # ", ", " / ": between two names listed together
LIST_CONJUNCTIONS = rule_words("actors_list_conjunctions")  # "and", "or"
YEAR_AFTER_RE = re.compile(r" \(\d{4}\)")  # "Chasing Liberty (2004)": a work and the year it came out
QUOTE_OPEN = frozenset("\"\u201c'\u2018")
QUOTE_CLOSE = frozenset("\"\u201d'\u2019")


def weigh_entities(state: DocState) -> None:
    """Drop the people and organisations the `actor` model does not believe in (their mentions go with
    them); places come from gazetteers and place contexts, the subject of a verb of saying speaks
    (`_says`), and a name the article describes as a body in apposition is one (`_apposed_body`), so all
    are kept."""
    decide = model("actor").decide
    kept = []
    for e in state.roots:
        if e.mentions and not e.hinted and e.kind != "place":  # (a place is kept unweighed: no features)
            e.features = entity_features(e, state)
            if not decide(e.features) and not _says(e, state) and not _apposed_body(e, state.doc.text):
                continue
        kept.append(e)
    state.roots = kept


def _says(e: Entity, state: DocState) -> bool:
    """The subject of a verb of saying speaks, so it is an actor whatever else is known of it: a mention
    right before the verb ("Daly explained"), or before an aside set off by commas and then the verb
    ("Coles, in a media release, said", "FSANZ, says"). A verb further on without that comma belongs to
    another clause ("the "Bully Pulpit" and speak to", "Legato and the second part was called") or to
    another subject ("the Institute that monitored the trial, said")."""
    toks, text = state.doc.tokens, state.doc.text
    verbs = state.lex.speech_verbs
    return any(_verb_or_aside_then_verb(toks, k, text, verbs) for k in _last_tokens(e, state.doc))


def _apposed_body(e: Entity, text: str) -> bool:
    """The article says what the name is: a noun phrase in apposition after it has a noun for a body as
    its head ("UOKiK, the Polish anti-monopoly agency, …"), so it is an organisation whatever its shape."""
    return any(appositive_body(text, en) for _, en in e.mentions)


def _described_as_body(e: Entity, state: DocState, people: set[int]) -> bool:
    """A body the article names as one: in apposition (`_apposed_body`), right after a noun for a body
    ("the rock band Grateful Dead"), or before the office of a person it names (`_office_of`), so its kind
    is an organisation's whatever its shape. A title or a forename makes a person's name; such a name is
    left to the model."""
    if e.title_votes or state.lex.forename_evidence(e.name.split()[0]) \
            or e.person_votes >= CUE_OUTVOTED and person_outweighs_one_cue(e, state.lex):
        return False
    if _apposed_body(e, state.doc.text):
        return True
    toks, index_of = state.doc.tokens, state.doc.index_of
    for s, _ in e.mentions:
        k = index_of.get(s)
        if k and toks[k - 1].text in BODY_NOUNS and toks[k - 1].end + 1 == s:
            return True
    return any(_office_of(k, state, people) for k in _last_tokens(e, state.doc))


MAX_OFFICE_WORDS = 3  # "chief executive", "deputy managing director": the role words of one office


def _office_of(k: int, state: DocState, people: set[int]) -> bool:
    """'Qantas spokesman Tom Reed', 'Qantas Chief Executive Geoff Dixon': a name right before an office (a
    few role words, or a title) and a person's name is the body whose office that person holds, as a name
    right before a body noun is one ("the rock band X"). (A place there stays a place: `learned_kinds`
    never asks of one.)"""
    toks, roles, titles = state.doc.tokens, state.lex.role_words, state.lex.titles
    j = k + 1
    while j < len(toks) and j - k <= MAX_OFFICE_WORDS and (toks[j].text.lower() in roles or (toks[j].text,) in titles) \
            and toks[j].start == toks[j - 1].end + 1 and toks[j].sent == toks[k].sent:
        j += 1
    return k + 1 < j < len(toks) and toks[j].start == toks[j - 1].end + 1 and toks[j].start in people \
        and toks[k].poss_end == toks[k].end


def _last_tokens(e: Entity, doc: Doc) -> Iterator[int]:
    """The index of each mention's last token."""
    toks, index_of = doc.tokens, doc.index_of
    for s, en in e.mentions:
        k = index_of.get(s)
        if k is None:
            continue
        while k + 1 < len(toks) and toks[k].end < en:
            k += 1
        yield k


def _verb_or_aside_then_verb(toks: list[Token], k: int, text: str, verbs: frozenset[str]) -> bool:
    """The words after token k open with a verb of saying, or with a comma, an aside, a comma and one."""
    if k + 1 >= len(toks) or toks[k + 1].sent != toks[k].sent:
        return False
    gap = text[toks[k].end:toks[k + 1].start].strip()
    if gap not in ("", ","):
        return False
    if toks[k + 1].text in verbs:
        return True
    for j in range(k + 2, min(len(toks), k + 2 + SPEECH_WINDOW)) if gap == "," else ():
        if toks[j].sent != toks[k].sent:
            return False
        if text[toks[j - 1].end:toks[j].start].strip() == ",":
            return toks[j].text in verbs
    return False


def learned_kinds(state: DocState) -> None:
    """A person or an organisation? The likelier by the `kind_*` models, which weigh the rules' votes
    with the gazetteers, the word's shape and the contexts of its mentions ("X said", "the X").
    Places stay as the gazetteers and place contexts made them."""
    models = {k: model(f"kind_{k}") for k in ACTOR_KINDS}
    people = {s for r in state.roots if r.kind == "person" for s, _ in r.mentions}
    for e in state.roots:
        if e.features and e.kind != "place" and (referred_to_as_it(e, state) or _described_as_body(e, state, people)):
            e.kind = "organisation"
        elif e.features and e.kind != "place" and not (e.kind == "person" and person_votes_stand(e, state.lex)):
            e.kind = _likelier_kind(e, models)


def _likelier_kind(e: Entity, models: dict[str, Model]) -> str:
    """The kind whose model gives the likelier probability (a tie to the kind the rules gave, else to the
    first of `ACTOR_KINDS`). (A loop: a dict comprehension and a key function cost a frame per call.)"""
    ending = _ending(e)  # (the model's one feature beyond `e.features`, weighed without a copy of them)
    best, best_key = ACTOR_KINDS[0], (-1.0, False)
    for k in ACTOR_KINDS:
        key = (models[k].probability(e.features, ending), k == e.kind)
        if key > best_key:
            best, best_key = k, key
    return best


IT_WINDOW = 10  # words after a mention within which "its" may point back at it
IT = "its"


def referred_to_as_it(e: Entity, state: DocState) -> bool:
    """"Red Hat said on Tuesday that it would stop publishing its code": a name that a following "its"
    points back to is a company, a product or a body: English never calls a person "it". "its" points at
    the nearest noun before it, so only an "its" reached from the mention without passing another
    possessive or pronoun ("his", "their"), a determiner (which opens a noun phrase of its own: "Smith
    said the firm cut its staff") or another name counts. A name with a title or a forename is a person's
    whatever follows."""
    if IT not in state.stats.lower_seen:
        return False  # (an article that never writes "its": one look-up among its words)
    if e.title_votes or e.hinted or state.lex.forename_evidence(e.name.split()[0]) \
            or e.person_votes >= CUE_OUTVOTED and person_outweighs_one_cue(e, state.lex):
        return False
    toks = state.doc.tokens
    time_words, stops = state.lex.time_words, IT_STOPS
    for k in _last_tokens(e, state.doc):
        for t in toks[k + 1:k + 1 + IT_WINDOW]:
            if t.sent != toks[k].sent or t.text in stops or t.cap and t.text not in time_words:
                break
            if t.text == IT:
                # ("The Marsk administration … its": the "its" is the noun's; asked only when an "its" follows)
                if not modifies_a_noun(toks, k):
                    return True
                break
    return False


def entity_features(e: Entity, state: DocState) -> Features:
    """The named signals of one entity (values in [0, 1] or small counts)."""
    lex, stats = state.lex, state.stats
    words = e.name.split()
    first, last = words[0], words[-1]
    votes = max(1, e.person_votes + e.org_votes + e.place_votes)
    first_lower = first.lower()
    # (one dict display, not a store per feature: this runs once per entity; the order is the weights'. A
    # yes/no feature is written `1.0 if … else 0.0`: the same value as `float(…)` of the test, without a
    # call of the float type for each)
    return {
        "bias": 1.0, f"words={min(len(words), 3)}": 1.0, f"kind={e.kind}": 1.0,
        "votes_person": e.person_votes / votes,
        "votes_org": e.org_votes / votes,
        "votes_place": e.place_votes / votes,
        "titled": 1.0 if e.title_votes > 0 else 0.0,
        "forms": math.log2(len(e.forms)),
        "mentions": math.log2(1 + len(e.mentions)),
        "one_mention": 1.0 if len(e.mentions) == 1 else 0.0,
        "forename": 1.0 if lex.forename_evidence(first) and len(words) > 1 else 0.0,
        "forename_alone": 1.0 if lex.is_forename(first) and len(words) == 1 else 0.0,
        "common_first": 1.0 if first_lower in lex.common_words else 0.0,
        # (set operations and `map` instead of generator expressions)
        "all_common": 1.0 if lex.common_words.issuperset(map(str.lower, words)) else 0.0,
        "lower_here": 1.0 if first_lower in stats.lower_seen else 0.0,
        # (`names.is_place_name` of any form: a gazetteer name or a place alias)
        "gaz_place": 1.0 if not lex.places.isdisjoint(e.forms)
                     or any(map(lex.place_aliases.__contains__, e.forms)) else 0.0,
        "gaz_org": 1.0 if not lex.known_orgs.isdisjoint(e.forms)
                   or any(map(lex.org_aliases.__contains__, e.forms)) else 0.0,
        "org_head": 1.0 if not lex.org_heads.isdisjoint(words) else 0.0,
        "media_head": 1.0 if last in lex.media_heads else 0.0,
        "place_head": 1.0 if last in lex.place_heads else 0.0,
        "nationality": 1.0 if first in lex.nationalities else 0.0,
        **_shape(e.name, words),
        **_contexts(e, state),
    }


def kind_features(e: Entity) -> Features:
    """The entity's features plus the ending of its last word ("-ia", "-rg", "-ov"), which tells places
    from people but says nothing about whether a word is a name at all."""
    return {**e.features, _ending(e): 1.0}


def _ending(e: Entity) -> str:
    return f"end={e.name[-2:].lower()}"


def _shape(name: str, words: list[str]) -> Features:
    """What the name looks like: an acronym, inner capitals ("AntyScience"), digits, a plural -s."""
    one = len(words) == 1
    return {
        "acronym": 1.0 if one and is_acronym(name) else 0.0,
        "camel": 1.0 if any(_camel(w) for w in words) else 0.0,
        "digit": 1.0 if any(map(str.isdigit, name)) else 0.0,
        "hyphen": 1.0 if "-" in name else 0.0,
        "plural": 1.0 if one and name.endswith("s") and not name.endswith("ss") and not is_acronym(name) else 0.0,
        "long": 1.0 if len(words) >= 5 else 0.0,
    }


def _contexts(e: Entity, state: DocState) -> Features:
    """Shares of the mentions in each context: sentence-initial, headline, after "in"/"the"/"The", before a
    speech verb or a possessive, listed with other names, and the cues of a title of a work (`_ownable`):
    a naming word before it ("a podcast called X"), another name's possessive, the year it came out ("X
    (2004)"), quotation marks around the name alone. (One loop over the mentions for all of them.)"""
    toks, texts, index_of, text = state.doc.tokens, state.doc.texts, state.doc.index_of, state.doc.text
    headlines, verbs = state.headlines, state.lex.speech_verbs
    roles = state.lex.role_words
    ownable = _ownable(e, state.lex)
    initial = headline = after_prep = after_the = named_the = after_role = 0  # (a hot loop: plain counters)
    before_verb = possessive = listed = naming = owner = year = quoted = 0
    n_toks = len(toks)
    for s, en in e.mentions:
        k = index_of.get(s)
        if k is None:
            continue
        t = toks[k]
        initial += t.initial
        headline += t.para in headlines
        if k:
            prev = toks[k - 1]
            if prev.sent == t.sent:
                prev_lower = prev.text.lower()
                after_prep += prev_lower in PLACE_PREPS
                after_the += prev.text == "the"
                named_the += prev.text == "The" and not prev.initial  # "according to The Times"
                # "the critic X", "his brother X", "the group X", "the journal X"; "a book called X"
                after_role += (prev_lower in roles or prev_lower in BODY_NOUNS) and prev.end + 1 == s
                naming += prev.end + 1 == s and prev_lower in NAMING_WORDS
            owner += ownable and k >= 2 and text[s - 3:s] in ("'s ", "\u2019s ") and toks[k - 2].cap
            year += text.startswith(" (", en) and YEAR_AFTER_RE.match(text, en) is not None
            quoted += text[s - 1:s] in QUOTE_OPEN and text[en:en + 1] in QUOTE_CLOSE
        possessive += text[en:en + 1] in ("'", "\u2019")
        last = k  # the mention's last token, which both tests below look from
        while last + 1 < n_toks and toks[last].end < en:
            last += 1
        before_verb += _speaks(toks, texts, last, verbs)
        listed += _listed(toks, k, last, text)
    n = max(1, len(e.mentions))
    # (the shares written out in one dict display: no dict of counts, renamed, per entity)
    return {"ctx_initial": initial / n, "ctx_headline": headline / n, "ctx_after_prep": after_prep / n,
            "ctx_after_the": after_the / n, "ctx_named_the": named_the / n, "ctx_after_role": after_role / n,
            "ctx_before_verb": before_verb / n, "ctx_possessive": possessive / n, "ctx_listed": listed / n,
            "ctx_naming": naming / n, "ctx_owner": owner / n, "ctx_year": year / n,
            "ctx_quoted": quoted / n, "all_initial": 1.0 if initial == len(e.mentions) else 0.0}


def _listed(toks: list[Token], k: int, j: int, text: str) -> bool:
    """The mention (tokens k to j) is listed with another capitalised word of its sentence ("Tiffany and
    Bosco", "YouTube, LiveLeak and Vimeo", "Newsmax / Zogby"): names are listed with names, so a lone word
    in such a list is likelier a name than a common word capitalised for some other reason."""
    n = len(toks)
    # (the neighbour pairs tested one by one, capitals first: most neighbours are not capitalised)
    if k >= 1 and toks[k].cap and (toks[k - 1].cap and _joined(toks, k - 1, k, text)
                                   or k >= 2 and toks[k - 2].cap and _joined(toks, k - 2, k, text)):
        return True
    return j + 1 < n and toks[j].cap and (toks[j + 1].cap and _joined(toks, j, j + 1, text)
                                          or j + 2 < n and toks[j + 2].cap and _joined(toks, j, j + 2, text))


def _joined(toks: list[Token], x: int, y: int, text: str) -> bool:
    """Tokens x and y are two capitalised words of one sentence listed together: "X, Y", "X / Y" or
    "X and Y" (", and", "or"; not common words offered as alternatives: `_alternatives`)."""
    if x < 0 or y >= len(toks) or not (toks[x].cap and toks[y].cap) or toks[x].sent != toks[y].sent:
        return False
    if y == x + 1:
        return text[toks[x].end:toks[y].start] in LIST_GAPS
    mid = toks[x + 1]
    return mid.text in LIST_CONJUNCTIONS and text[toks[x].end:mid.start] in (" ", ", ") \
        and text[mid.end:toks[y].start] == " " and not (mid.text == "or" and _alternatives(toks[x], toks[y]))


def _alternatives(a: Token, b: Token) -> bool:
    """"Hegemony or Survival", "King or Queen": capitalised common words offered as alternatives make a
    title or a slogan; names are listed with "or" only as names ("Tiffany or Bosco")."""
    common = lexicon().common_words
    return a.text.lower() in common or b.text.lower() in common


def _ownable(e: Entity, lex: Lexicon) -> bool:
    """Another name's possessive before this one marks a work (a person's X, "Tom Keller's Quiet Harbours")
    when this name is neither a person's (no forename: "Apple's Tim Cook") nor a body's (no head word:
    "Berkeley's Department of Linguistics")."""
    words = e.name.split()
    return not lex.forename_evidence(words[0]) and lex.org_heads.isdisjoint(words) \
        and lex.media_heads.isdisjoint(words)


ACTOR_KINDS = ("person", "organisation")
IT_STOPS = rule_words("actors_it_stops")  # words that open another noun phrase before an "its"
SPEECH_WINDOW = 6  # words after a name in which its verb of saying may follow ("X, in a statement, said")


def _speaks(toks: list[Token], texts: list[str], k: int, verbs: frozenset[str]) -> bool:
    """A verb of saying follows the mention (whose last token is k) within a few words of the same
    sentence."""
    if verbs.isdisjoint(texts[k + 1:k + 1 + SPEECH_WINDOW]):
        return False  # (most mentions: no verb of saying among the next words at all, settled in C)
    sent = toks[k].sent if k < len(toks) else -1
    for t in toks[k + 1:k + 1 + SPEECH_WINDOW]:  # noqa: SIM110 - a loop, not a generator per mention (hot)
        if t.sent == sent and t.text in verbs:
            return True
    return False
