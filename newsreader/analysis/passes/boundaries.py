"""Boundaries: where a capitalised run holds one name, two names, or a title and a name.

Rules: a title or honorific ends what came before and makes the words after it a person ("Labour MP
Luciana Berger"); time words and function words are not part of names ("On Friday"); a capitalised
"The" mid-sentence introduces a name ("according to The Times"); "of", "for", "on", "and" and "&" join two
runs into one organisation when the first has an organisation head ("University of Essex", "Centers for
Disease Control and Prevention"), and "and" joins two conjuncts sharing one head ("Pacific Gas and Electric
Company"); so do "to" before a purpose ("Coalition to Defeat ISIS") and a comma
before a state university's campus ("University of California, Los Angeles"). A line that opens with a
surname, a comma and forenames ends by a full stop or "and" is a reading list's author, written surname
first ("Austen, Jane. Pride and Prejudice"): the surname is a person, the forenames are no second name.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from ..lexicon import Lexicon, rule_sequence, rule_words
from ..names import (
    NAME_SUFFIXES,
    REGNAL_TITLES,
    is_acronym,
    is_place_name,
    numbered_body,
    plural_of_common,
    surnameish,
)
from ..state import Cand, DocState
from ..text import Doc, Token, occurrences
from .person_evidence import name_after_head, name_shaped

# Forenames that are also listed as function words ("Bill" the law): before a surname they are names.
NAME_LIKE_WORDS = rule_words("actors_name_like_words")
AGENT_SUFFIXES = rule_sequence("actors_agent_suffixes")  # occupational nouns: "Broadcaster", "Novelist"
REPORT_VERBS = rule_words("actors_report_verbs")


def _joiners() -> dict[str, str]:
    """The text between two runs that may join them (" of ", ", " …) -> the English joiner whose rules it
    follows (rules.yaml `actors_joiners`)."""
    out = {}
    for pair in rule_sequence("actors_joiners"):
        gap, role = pair.split("=", 1)
        out[", " if gap == "comma" else f" {gap.replace('_', ' ')} "] = role
    return out


JOINERS = _joiners()
OF_PARTICLES = frozenset(gap.strip() for gap, role in JOINERS.items() if role == "of" and gap.count(" ") == 2)
_JOINER_MAX = max(map(len, JOINERS))
BARE_HONORIFICS = frozenset((w,) for w in rule_words("actors_bare_honorifics"))  # "Mr": always a person
DOCTOR_TITLES = frozenset((w,) for w in rule_words("actors_doctor_titles"))
TITLE_WORDS_AS_FORENAMES = rule_words("actors_forename_titles")
NAME_JOINERS = rule_words("actors_name_joiners")
POST_NOMINALS = rule_words("actors_post_nominals")  # "QC", "OBE": letters after a person's name
PERSONAL_PLACE_HEADS = rule_words("actors_personal_place_heads")  # "Judge Ann Park": a surname
LAW_HEADS = rule_words("actors_law_heads")  # "Paris Climate Accord": a law's or a treaty's last word


def split_runs(state: DocState) -> None:
    """Each run becomes one or more candidates (see the module docstring)."""
    toks, texts, heads, known_orgs = state.doc.tokens, state.doc.texts, state.heads, state.lex.known_orgs
    solo = {texts[r[0]] for r in state.runs if len(r) == 1}  # capitalised words seen alone
    surnames, forenames = _surname_first(state)
    breaking = _breaking_words(state.lex.time_words, state.lex.function_words, state.lex.titles)
    cands: list[Cand] = []
    for k, run in enumerate(state.runs):
        if k in forenames:
            continue
        if k in surnames:
            cands.append(Cand([toks[run[0]]], person_evidence=True))
        elif len(run) == 1:  # (most runs: one word that breaks no name, a candidate made here)
            t = heads[run[0]] if run[0] in heads else toks[run[0]]
            if t.text in breaking:
                cands += _run_cands(run, state, solo)
            else:
                cands.append(Cand([t]))
        # (each rule's first test made here: most runs pass neither, without a call)
        elif len(run) == 2 and toks[run[0]].text in known_orgs and _glued_surname(run, state):
            cands += [Cand([toks[run[0]]]), Cand([toks[run[1]]], person_evidence=True)]
        elif toks[run[-1]].text in NAME_LIKE_WORDS and _shares_surname(run[-1], state):
            # "The Bill and Melinda Gates Foundation" at a sentence start: the forename is a conjunct
            cands += _run_cands(run[:-1], state, solo) + [Cand([toks[run[-1]]])]
        else:
            cands += _with_suffix(run, state, solo)
    state.cands = cands


def _run_cands(run: list[int], state: DocState, solo: set[str]) -> list[Cand]:
    """The candidates of one run: a longer run is split at titles, suffixes and affiliations; one word
    (most runs, which no such rule can split) is a candidate unless it is a time or function word or a
    generational suffix set off by a comma ("Cyrus R. Vance, Jr.": it belongs to the name before)."""
    if len(run) > 1:
        return _with_suffix(run, state, solo)
    t = state.heads.get(run[0], state.doc.tokens[run[0]])
    lex = state.lex
    breaks = t.text in _breaking_words(lex.time_words, lex.function_words, lex.titles)
    return [Cand([t])] if not breaks or _shares_surname(run[0], state) else []


@functools.lru_cache(maxsize=2)
def _breaking_words(time_words: frozenset[str], function_words: frozenset[str],
                    titles: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words that are no name alone: a time word, a function word that is no title, a generational
    suffix (a lone one, set off by a comma, ends the name before it: "Cyrus R. Vance, Jr.")."""
    return time_words | {w for w in function_words if (w,) not in titles} | NAME_SUFFIXES


def _glued_surname(run: list[int], state: DocState) -> bool:
    """"a post on Twitter West accused …", "speaking to Reuters Kowalczyk said …": without a comma after a
    fronted phrase, a name that ends it and the surname that opens the clause stand side by side. Two
    words are two names when the first is a known organisation (a place before a surname is as often a
    person's forename or the place's own name: "Paris Hilton", "Santa Cruz") and the second is a person's
    surname that the article writes after a forename ("Marta Kowalczyk") or at the end of a name it gives
    a role ("rapper Kanye West"); the pair is no name the lists know, and the second word is no head word
    ("Labour Party … Green Party")."""
    toks, lex = state.doc.tokens, state.lex
    first, second = toks[run[0]].text, toks[run[1]].text
    if first not in lex.known_orgs:
        return False  # (most two-word runs: settled here)
    pair = f"{first} {second}"
    if second in lex.org_heads or second in lex.media_heads or second in lex.place_heads:
        return False  # "Labour Party … Green Party": a head word ends one name, no surname
    return pair not in lex.known_orgs and not is_place_name(pair, lex) and not lex.is_forename(second) \
        and any(len(r) >= 2 and toks[r[-1]].text == second and (
            _forename_like(toks[r[-2]].text, first, second, lex)
            or r[0] > 0 and toks[r[0] - 1].text in lex.role_words and toks[r[0] - 1].sent == toks[r[0]].sent)
                for r in state.runs)


def _forename_like(w: str, first: str, surname: str, lex: Lexicon) -> bool:
    """`w` can be the forename before `surname`: a forename, not the word the run opens with ("Marta"). A
    word the lists do not know as a forename counts only when neither it nor the surname is a dictionary
    word or a place ("Zdravko Vlasic"): "Creative Commons … Wikimedia Commons" is no person's name."""
    return w != first and (lex.is_forename(w) or surnameish(w, lex) and surnameish(surname, lex))


def _surname_first(state: DocState) -> tuple[set[int], set[int]]:
    """Indices of the runs that are the surname and the forenames of a name written surname first at the
    start of a line ("Marx, Karl and Engels, Friedrich. The Communist Manifesto"). A very common word
    before the comma is an interjection or an adverb, not a surname ("Okay, Mike.").

    Only runs that open a line before a comma, and the run after " and " behind such a name, can be one:
    they are found from the line breaks (a few per body), not by a look at every run."""
    toks, text, runs = state.doc.tokens, state.doc.text, state.runs
    surnames: set[int] = set()
    forenames: set[int] = set()
    for k in _comma_line_starts(state):
        while k + 1 < len(runs) and _surname_comma_forenames(state, k):
            surnames.add(k)
            forenames.add(k + 1)
            k += 2  # "… and Engels, Friedrich": the next author after " and " is written surname first too
            if k >= len(runs) or text[toks[runs[k - 1][-1]].end:toks[runs[k][0]].start] != " and ":
                break
    return surnames, forenames


def _comma_line_starts(state: DocState) -> list[int]:
    """Indices of the runs whose first word opens a line of the body and has a comma right after it
    (`_surname_comma_forenames`' first test, asked before the run is looked for), in text order."""
    text, index_of, runs, toks = state.doc.text, state.doc.index_of, state.runs, state.doc.tokens
    found: list[int] = []
    at = 0
    while at >= 0:
        i = index_of.get(at)
        if i is not None and text[toks[i].end:toks[i].end + 1] == ",":
            k = bisect_left(runs, i, key=_FIRST)
            if k < len(runs) and runs[k][0] == i:
                found.append(k)
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1
    return found


_FIRST = itemgetter(0)


def _surname_comma_forenames(state: DocState, k: int) -> bool:
    """Run k is one word, a comma follows it, then run k + 1: forenames ended by a full stop or "and"."""
    toks, text, lex = state.doc.tokens, state.doc.text, state.lex
    first, second = state.runs[k], state.runs[k + 1]
    if len(first) != 1:
        return False
    sur, fore, end = toks[first[0]], toks[second[0]], toks[second[-1]].end
    return text[sur.end:fore.start] == ", " and lex.is_forename(fore.text) \
        and sur.text.lower() not in lex.very_common and text.startswith((". ", ".\n", " and "), end)


def _with_suffix(run: list[int], state: DocState, solo: set[str]) -> list[Cand]:
    """(A run of two words or more.) A generational suffix ends a person's name and belongs to it:
    "Robert Downey Jr.", "Cummings Sr.", "Martin Luther King Jr."; after an event's or an organisation's
    head word the numeral counts editions ("World War II"). A closing "I" may be the speaker's pronoun
    (`_pronoun_i`)."""
    if len(run) >= 3 and state.doc.tokens[run[-1]].text == "I" and _pronoun_i(run, state):
        run = run[:-1]
    suffix = state.doc.tokens[run[-1]]
    if len(run) >= 3 and suffix.text in POST_NOMINALS:
        return _without_post_nominal(run, state, solo)
    if len(run) < 3 or suffix.text not in NAME_SUFFIXES or _counts_editions(state.doc.tokens[run[-2]].text, state.lex):
        return _split_run(run, state, solo)
    cands = _split_run(run[:-1], state, solo, surname_last=True)
    if cands and cands[-1].toks[-1] is state.doc.tokens[run[-2]] and len(cands[-1].toks) >= 2:
        cands[-1].toks = cands[-1].toks + [suffix]
        cands[-1].person_evidence = True
    return cands


def _pronoun_i(run: list[int], state: DocState) -> bool:
    """A closing "I" is the speaker's pronoun, not a regnal numeral, after an honorific ("Mr. Collins I
    know …") or after a surname ("Michael Siegel I am a professor …"): a monarch's or a pope's numeral
    follows a given name ("Elizabeth I", "John Paul I"), which the forename lists know."""
    toks, lex = state.doc.tokens, state.lex
    return (toks[run[0]].text,) in BARE_HONORIFICS or not lex.is_forename(toks[run[-2]].text)


def _without_post_nominal(run: list[int], state: DocState, solo: set[str]) -> list[Cand]:
    """Post-nominal letters ("Jane Doe QC", "John Smith OBE") follow a person's name without being part of
    it: they are dropped, and the name before them is a person, so a title before it is a title even where
    its words could name a place ("Judge Durham Hall QC": Durham is the judge's forename here)."""
    cands = _split_run(run[:-1], state, solo)
    if cands and cands[-1].toks[-1] is state.doc.tokens[run[-2]]:
        c = cands[-1]
        c.person_evidence = True
        size = match_title([t.text for t in c.toks], 0, state.lex)
        if size and len(c.toks) > size:
            c.toks = c.toks[size:]
    return cands


def _counts_editions(word: str, lex: Lexicon) -> bool:
    """"World War II", "Vatican Council II": a numeral after an event's or a body's head word."""
    return word in lex.event_heads or word in lex.org_heads


@dataclass(slots=True)
class _Split:
    """The candidates of one run, built word by word."""

    out: list[Cand] = field(default_factory=list)
    cur: list[Token] = field(default_factory=list)
    person_next: bool = False
    gender_next: str | None = None

    def close(self) -> None:
        if self.cur:
            self.out.append(Cand(self.cur, person_evidence=self.person_next, gender=self.gender_next))
            self.cur, self.person_next, self.gender_next = [], False, None


def match_title(words: list[str], i: int, lex: Lexicon) -> int:
    """Length of the longest title starting at words[i] (0 if none)."""
    if i >= len(words) or words[i] not in lex.title_starts:
        return 0  # (the common case, settled by one look-up instead of a slice per title length)
    for size in range(min(lex.title_max_len, len(words) - i), 0, -1):
        if tuple(words[i:i + size]) in lex.titles:
            return size
    return 0


def _split_run(run: list[int], state: DocState, solo: set[str], surname_last: bool = False) -> list[Cand]:
    """Split a raw run of two words or more at titles and time words; the part after a title is a person.
    With `surname_last` a generational suffix followed the run, so its last word is a surname even when
    it is also a title ("Martin Luther King Jr.": a title takes no suffix) and stays."""
    lex, toks = state.lex, state.doc.tokens
    rtoks = [state.heads.get(i, toks[i]) for i in run]
    words = [t.text for t in rtoks]
    sp = _Split()
    inside = run[0] > 0 and toks[run[0] - 1].text in NAME_JOINERS  # the run continues a name ("… of Christmas")
    the_next = _leading_the(words, rtoks, run, state.doc, lex)
    i = 1 if the_next else 0
    n = len(words)
    while i < n:
        if _breaks_name(words, i, sp, lex, inside):
            sp.close()
            i += 1
            continue
        size = match_title(words, i, lex)
        if size:  # (most words open no title: no call)
            size = _compound_title(words, i, size, lex)
        if size == 1 and words[i] in REGNAL_TITLES and 1 <= n - i - 1 <= 3 and _title_applies(
                (words[i],), words[i + 1:], bool(sp.cur), lex):
            # "Queen Elizabeth II", "Pope Francis": the title is part of the name
            sp.close()
            sp.person_next, sp.gender_next = True, _title_gender(words[i], lex)
            sp.cur.append(rtoks[i])
            i += 1
            continue
        if size and i + size < n:
            # (a portfolio before the title is the title's own when no common word follows it: "Bridges
            # Minister Obaidul Quader", unlike "Songs My Mother Taught Me")
            own = _portfolio(sp, lex) and lex.common_words.isdisjoint(w.lower() for w in words[i + size:])
            if _title_applies(tuple(words[i:i + size]), words[i + size:], bool(sp.cur) and not own,
                              lex, functools.partial(_after_a_forename, state)):
                _drop_portfolio(sp, lex, _after_head_of(run[0], toks, lex))
                sp.close()
                sp.person_next, sp.gender_next = True, _title_gender(words[i], lex)
                i = _past_portfolio(words, i + size, lex)
                continue
        elif size and i + size == n and not sp.cur and (i > 0 or size == n):
            break  # a trailing bare title ("Labour MP") or a run that is one ("former Vice President,"): drop it
        sp.cur.append(rtoks[i])
        i += 1
    if not surname_last:
        _drop_trailing_title(sp, lex)
    sp.close()
    if the_next and len(sp.out) == 1 and not sp.out[0].person_evidence and sp.out[0].toks[0] is rtoks[1]:
        sp.out[0].the_name = True
    for c in sp.out:
        _portfolio_evidence(c, run, rtoks[0], toks, lex)
    return [x for c in sp.out for x in split_affiliation(c, lex, solo)]


MAX_TITLE_MODIFIERS = 2  # "Chief Technical Officer", "Chief Revenue Growth Officer"


def _compound_title(words: list[str], i: int, size: int, lex: Lexicon) -> int:
    """The length of the title at words[i], with the common words that join it to a second title word
    ("Chief Technical Officer", "Chief Operating Officer": one office, no person "Technical" between two
    titles). The words between are dictionary words, no forename ("Chief Ann Lee, Officer …")."""
    if not size:
        return 0
    for gap in range(1, MAX_TITLE_MODIFIERS + 1):
        j = i + size + gap
        if j >= len(words) or not all(w.lower() in lex.common_words and not lex.is_forename(w)
                                      for w in words[i + size:j]):
            break
        more = match_title(words, j, lex)
        if more:
            return j + more - i
    return size


def _past_portfolio(words: list[str], j: int, lex: Lexicon) -> int:
    """Where the name after a title starts. A title followed by "of" goes on with its portfolio
    ("Secretary of Transportation", "Director of National Intelligence John Ratcliffe"): the person's name
    starts at the first forename after it that a surname follows; with none the run names an office only,
    and nothing is left for a name."""
    if j >= len(words) or words[j] != "of":
        return j
    return next((k for k in range(j + 2, len(words) - 1) if lex.forename_evidence(words[k])), len(words))


def _after_a_forename(state: DocState, word: str) -> bool:
    """The article writes `word` right after a forename, at the end of a run ("USCG Captain Monica Rochester");
    an unknown forename counts when the pair is name-shaped (`name_shaped`)."""
    toks, lex = state.doc.tokens, state.lex
    return any(len(r) >= 2 and toks[r[-1]].text == word and (
        lex.is_forename(toks[r[-2]].text) or name_shaped([toks[r[-2]].text, word], lex)) for r in state.runs)


def _shares_surname(k: int, state: DocState) -> bool:
    """"Bill and Melinda Gates Foundation", "Bill & Melinda Gates Foundation": a name-like forename before
    "and" (or "&", which is no token: the gap holds it) and a forename whose run ends in an organisation
    head shares that run's surname; it is the first conjunct of the name, not a noun."""
    toks, lex = state.doc.tokens, state.lex
    if toks[k].text not in NAME_LIKE_WORDS or k + 2 >= len(toks):
        return False
    nxt = k + 2 if toks[k + 1].text == "and" else k + 1
    if nxt == k + 1 and state.doc.text[toks[k].end:toks[k + 1].start] != " & " or not lex.is_forename(toks[nxt].text):
        return False
    end = nxt
    while end + 1 < len(toks) and toks[end + 1].cap and toks[end + 1].sent == toks[k].sent:
        end += 1
    return end > nxt + 1 and toks[end].text in lex.org_heads


def _title_gender(word: str, lex: Lexicon) -> str | None:
    """"Mr", "King" -> "m"; "Mrs", "Queen" -> "f"; other titles tell nothing."""
    return "m" if word in lex.male_honorifics else "f" if word in lex.female_honorifics else None


def _leading_the(words: list[str], rtoks: list[Token], run: list[int], doc: Doc, lex: Lexicon) -> bool:
    """"according to The Times", "a member of The Beatles": a capitalised article mid-sentence."""
    n = len(words)
    if words[0] != "The" or not 2 <= n <= 4:
        return False
    if rtoks[0].initial and not (n == 2 and words[1] in lex.media_heads and _verb_follows(doc, run[-1], lex)):
        return False
    return not any(x in lex.function_words or x in lex.time_words for x in words[1:])


def _breaks_name(words: list[str], i: int, sp: _Split, lex: Lexicon, inside: bool) -> bool:
    """Time words ("Friday") and leading function words end or precede a name without being part of it."""
    w, n = words[i], len(words)
    # (a time word inside an organisation's name stays: "Great Orchestra of Christmas Charity"; one that
    # opens the run after a preposition or at a sentence start is the sentence's: "On Friday Acme Motor
    # Company said")
    if w in lex.time_words and not (sp.cur and (sp.person_next or lex.is_forename(sp.cur[-1].text))) \
            and not ((sp.cur or inside) and len(w) > 3 and i + 1 < n and words[-1] in lex.org_heads
                     and words[i + 1] not in lex.time_words):
        return True
    if w not in lex.function_words or sp.cur:
        return False  # (most words: the rest is asked of a leading function word only)
    name_like = w in NAME_LIKE_WORDS and i + 1 < n and words[i + 1][:1].isupper() \
        and words[i + 1] not in lex.function_words
    place_prefix = w + "." in lex.place_prefixes and i + 1 < n  # "St. Louis": an abbreviated "Saint"
    return not match_title(words, i, lex) and not name_like and not place_prefix and not numbered_body(words[i:], lex)


def _title_applies(title: tuple[str, ...], rest: list[str], after_words: bool, lex: Lexicon,
                   surname: Callable[[str], bool] = lambda w: False) -> bool:
    """Whether the title before `rest` really introduces a person ("Dean Kamen" is a forename). A place
    name after an ambiguous title ("Captain Rochester") is a person's surname when the article writes it
    after a forename too ("Monica Rochester"): the document's own use outweighs the gazetteer."""
    ok = True
    if title in lex.ambiguous_titles:
        first = rest[0]
        place = is_place_name(first, lex) and not (len(rest) == 1 and surname(first))
        ok = (lex.is_forename(first) or name_shaped(rest, lex)) and not place or (
            not after_words and rest[-1] not in lex.org_heads and rest[-1] not in lex.media_heads
            and not place and not is_acronym(first))
        if ok and len(title) == 1 and len(rest) == 1 and lex.is_forename(title[0]) and not after_words \
                and title[0].lower() not in TITLE_WORDS_AS_FORENAMES:
            ok = False  # "founded by Dean Kamen": a forename, not the title "Dean"
    if title in BARE_HONORIFICS:
        ok = True
    if ok and rest[-1] in lex.org_heads and not lex.is_forename(rest[0]) \
            and title not in BARE_HONORIFICS and title not in DOCTOR_TITLES:
        ok = False
    if ok and rest[-1] in lex.place_heads and rest[-1] not in PERSONAL_PLACE_HEADS and title not in BARE_HONORIFICS:
        ok = False  # "General Santos City", "President Kennedy Airport": a place named after a titled person
    return ok


def _drop_portfolio(sp: _Split, lex: Lexicon, body_tail: bool = False) -> None:
    """"Emergency Situations Minister Alexander Chupriyan", "Deputy Foreign Affairs Minister …": common
    words before a title name its portfolio, not an actor (a known body or a head word stays: "Labour MP",
    "Home Office Minister"; so do the last words of a body's name after its head and "of", which the
    organisation pass joins: "House of Commons Speaker John Bercow"; and a place before the portfolio:
    "U.S. Defense Secretary")."""
    if body_tail:
        return
    k = _place_before_portfolio(sp, lex)
    if k:
        sp.cur = sp.cur[:k]  # "U.S. Defense Secretary": the place whose office it is stays, the portfolio goes
    elif _portfolio(sp, lex):
        sp.cur = []


def _place_before_portfolio(sp: _Split, lex: Lexicon) -> int:
    """How many words before a title name a place, when the rest name its portfolio ("U.S." of "U.S.
    Defense Secretary", "British" no: an adjective is no place); 0 when they do not."""
    words = [t.text for t in sp.cur]
    for k in range(len(words) - 1, 0, -1):
        if is_place_name(" ".join(words[:k]), lex) and _portfolio_words(words[k:], lex) and not sp.person_next:
            return k
    return 0


def _after_head_of(k: int, toks: list[Token], lex: Lexicon) -> bool:
    """Token k follows an organisation head and "of" ("House of | Commons …")."""
    return k >= 2 and toks[k - 1].text == "of" and toks[k - 2].text in lex.joinable_heads


def _portfolio(sp: _Split, lex: Lexicon) -> bool:
    """The words so far are common words naming a portfolio, no body or place of their own."""
    words = [t.text for t in sp.cur]
    return bool(words) and _portfolio_words(words, lex) and " ".join(words) not in lex.known_orgs \
        and not is_place_name(" ".join(words), lex) and not sp.person_next


def _portfolio_words(words: list[str], lex: Lexicon) -> bool:
    """Dictionary words with no organisation head among them: the words of a portfolio ("Defense")."""
    return lex.common_words.issuperset(w.lower() for w in words) and lex.org_heads.isdisjoint(words)


def _drop_trailing_title(sp: _Split, lex: Lexicon) -> None:
    """A bare trailing title ("Labour MP") is not part of the name."""
    cur = sp.cur
    while cur and match_title([t.text for t in cur], len(cur) - 1, lex) == 1 and len(cur) > 1 \
            and (cur[-1].text,) not in lex.ambiguous_titles and cur[-1].text not in lex.org_heads:
        cur = cur[:-1]
    sp.cur = cur


def _portfolio_evidence(c: Cand, run: list[int], t0: Token, toks: list[Token], lex: Lexicon) -> None:
    """"Minister of Education Stefania Giannini": the run after "<title> of" is a portfolio, then a name
    (unless it ends in a place's head: "District Attorney of San Bernardino County" is the office's seat).
    The name starts where `_name_start` finds a forename: "Director of National Intelligence John
    Ratcliffe" (a portfolio of one word before an unknown forename is `_portfolio_word`'s)."""
    if c.person_evidence or len(c.toks) < 3 or run[0] <= 1 or c.toks[0] is not t0 \
            or c.toks[-1].text in lex.place_heads:
        return
    pre = toks[run[0] - 1]
    if pre.text in ("of", "for") and (toks[run[0] - 2].text,) in lex.titles \
            and not is_place_name(t0.text, lex) and t0.text not in lex.known_orgs:
        c.person_evidence = True
        c.toks = c.toks[_name_start([t.text for t in c.toks], lex):]


def _name_start(words: list[str], lex: Lexicon) -> int:
    """Where a person's name starts after a portfolio of capitalised words ("National Intelligence John
    Ratcliffe" -> 2): at the first forename that is no common word, else at a forename before the last
    word (a forename that is also a word, "Peter", "Will"); 0 when neither is found."""
    k = next((k for k in range(1, len(words) - 1) if lex.forename_evidence(words[k])), 0)
    return k or (len(words) - 2 if len(words) >= 3 and lex.is_forename(words[-2]) else 0)


def _verb_follows(doc: Doc, k: int, lex: Lexicon) -> bool:
    """The token after k is a lower-case verb of saying or reporting: "The Guardian cited …"."""
    toks = doc.tokens
    if k + 1 >= len(toks) or toks[k + 1].sent != toks[k].sent:
        return False
    w = toks[k + 1].text
    return w in lex.speech_verbs or w in REPORT_VERBS


# --------------------------------------------------------------------------------------------------- affiliation
def split_affiliation(c: Cand, lex: Lexicon, solo: set[str]) -> list[Cand]:
    """A role or an affiliation written before a name, in one run: the first rule that applies splits it."""
    if len(c.toks) < 2:
        return [c]  # every rule splits a word off a longer run
    words = c.words()
    for rule in (_product_model, _role_word, _descriptor, _portfolio_word, _initial_role, _solo_surname, _known_prefix,
                 _forename_after_org):
        parts = rule(c, words, lex, solo)
        if parts is not None:
            return parts
    return [c]


MAX_MODEL_CODE = 6  # "XC90", "A380", "737": longer strings of digits and letters are serials or years


def _product_model(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"Volvo XC90", "Boeing 737 Max", "Amazon S3 Buckets": a brand followed by a model code (a short word
    with a digit) names a product, a thing, with the words after the code; no person's name has a digit
    in it, so the words after the brand are no affiliated person. The brand is a known organisation or a
    word that is no dictionary word, place or forename ("Volvo"); after a common word the number counts
    places or things of one series ("Area 51", "Route 66", "Channel 4")."""
    if c.person_evidence or not any(map(str.isdigit, "".join(words[1:]))):
        return None  # (most runs: no digit after the first word, so no model code; asked in C)
    k = next((k for k in range(1, len(words)) if model_code(words[k])), 0)
    if not k:
        return None
    brand = " ".join(words[:k])
    if brand in lex.known_orgs or k == 1 and brand.lower() not in lex.common_words \
            and not is_place_name(brand, lex) and not lex.is_forename(brand):
        c.thing = True
        return [c]
    return None


def model_code(word: str) -> bool:
    """A model's code: a short word with a digit, of digits and letters only ("XC90", "S3", "737"), maybe
    with one hyphen between its letters and its number ("B-17", "AR-15"). A lone digit after a name
    numbers a channel, a band or a party far more often ("Movimento 5 Stelle", "Maroon 5")."""
    plain = word.replace("-", "", 1) if "-" in word[1:-1] else word
    return len(plain) <= MAX_MODEL_CODE and plain.isalnum() and any(ch.isdigit() for ch in plain) \
        and len(plain) > 1


def _role_word(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"Broadcaster Piers Morgan": a role noun before a name (but "Star Wars" is a name of its own; before a
    title it opens a longer title: "Deputy Chief Minister")."""
    if len(words) >= 2 and words[0].lower() in lex.role_words and (words[0],) not in lex.titles \
            and match_title(words, 1, lex) != len(words) - 1 \
            and not c.person_evidence and words[0].lower() in lex.common_words \
            and not any(w in lex.org_heads or w in lex.function_words for w in words[1:]) \
            and not (len(words) == 2 and words[1].lower() in lex.common_words and not lex.is_forename(words[1])):
        return [Cand(c.toks[1:], person_evidence=True)]
    return None


def _descriptor(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"Scientologist Tom Cruise", "Historian Mary Beard": a descriptive noun before a full name."""
    if 3 <= len(words) <= 4 and not lex.is_forename(words[0]) and words[0].endswith(("ist", "ian")) \
            and words[0] not in lex.places and lex.forename_evidence(words[1]) \
            and not any(w in lex.org_heads for w in words):
        return [Cand(c.toks[1:], person_evidence=c.person_evidence, gender=c.gender)]
    return None


def _portfolio_word(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"Minister of Education Stefania Giannini": the portfolio word left over after the title."""
    if c.person_evidence and len(words) == 3 and not lex.is_forename(words[0]) \
            and words[0].lower() in lex.common_words and words[1].lower() not in lex.common_words:
        return [Cand(c.toks[1:], person_evidence=True, gender=c.gender)]
    return None


def _initial_role(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"Broadcaster Piers Morgan commented": a sentence-initial common noun before a forename is a role; so is
    an occupational noun ("Legislator", "Broadcaster") before an unknown forename in a name-shaped rest."""
    if 3 <= len(words) <= 4 and c.toks[0].initial and not c.person_evidence and not lex.is_forename(words[0]) \
            and (words[0].lower() in lex.common_words or words[0].endswith(AGENT_SUFFIXES)) \
            and (lex.forename_evidence(words[1]) or words[0].endswith(AGENT_SUFFIXES) and name_shaped(words[1:], lex)) \
            and words[0] not in lex.function_words and not any(w in lex.org_heads for w in words):
        return [Cand(c.toks[1:])]
    return None


def _solo_surname(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"University of Texas Arlington Amneh Jafari … Jafari said": the surname also stands alone later."""
    if not c.person_evidence and solo and len(words) >= 3 and words[-1] in solo and surnameish(words[-1], lex) \
            and surnameish(words[-2], lex) and not lex.is_forename(words[-1]) \
            and any(is_place_name(w, lex) or w in lex.org_heads for w in words[:-2]):
        return [Cand(c.toks[:-2]), Cand(c.toks[-2:], person_evidence=True)]
    return None


def _known_prefix(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"Amnesty International Man-kei Tam": a known organisation or place, then a two-word name; when those
    words end in a title they are the body's office, not a name ("Senate Minority Leader"); when they end
    in an event's or a law's head the place names that event or law ("Paris Climate Accord"): no split.
    After a known organisation, dictionary words that open with no forename name one of its products, a
    thing ("SpaceX" + "Crew Dragon", as "Volvo XC90" is one); after a place, dictionary words ending in a
    plural name its body of people ("New South Wales Fire Brigades"; a person's name ends in no plural
    noun): no split."""
    if len(words) < 3 or c.person_evidence:
        return None
    for k in range(len(words) - 2, 0, -1):
        prefix = " ".join(words[:k])
        rest = words[k:]
        if (prefix in lex.known_orgs or is_place_name(prefix, lex)) \
                and 2 <= len(rest) <= 3 and rest[-1] not in lex.event_heads and rest[-1] not in LAW_HEADS \
                and not any(w in lex.org_heads or w in lex.media_heads or w in lex.place_heads for w in rest) \
                and " ".join(words) not in lex.known_orgs:
            if not lex.is_forename(rest[0]) and all(
                    w.lower() in lex.common_words or plural_of_common(w.lower(), lex) for w in rest):
                # dictionary words name no person: after a body, one of its products; after a place, when they
                # end in a plural, the place's body of people ("New South Wales" + "Fire Brigades")
                if prefix in lex.known_orgs:
                    return [Cand(c.toks[:k]), Cand(c.toks[k:], thing=True)]
                if rest[-1].lower() not in lex.common_words:
                    return None
            office = (rest[-1],) in lex.titles
            return [Cand(c.toks[:k])] if office else [Cand(c.toks[:k]), Cand(c.toks[k:], person_evidence=True)]
    return None


def _forename_after_org(c: Cand, words: list[str], lex: Lexicon, solo: set[str]) -> list[Cand] | None:
    """"… Islamic Relations Alia Salem said": an organisation name, then a forename and a surname."""
    if len(words) < 3 or c.person_evidence:
        return None
    if words[-1] in lex.org_heads:
        return None  # "Maryland General Assembly": a forename-like word before a body's head names no person
    k = next((k for k in range(1, len(words) - 1)
              if lex.is_forename(words[k]) and " ".join(words[k:]) not in lex.known_orgs), 0) \
        or name_after_head(words, lex)
    if not k:
        return None
    prefix = " ".join(words[:k])
    before = words[k - 1]
    if is_place_name(prefix, lex) or prefix in lex.known_orgs or before in lex.org_heads \
            or before in lex.nationalities \
            or (len(words) - k == 2 and before.lower() in lex.common_words and k >= 2
                and before not in lex.function_words and not lex.is_forename(before)
                and words[k + 1].lower() not in lex.common_words):
        return [Cand(c.toks[:k]), Cand(c.toks[k:], person_evidence=True)]
    return None


# --------------------------------------------------------------------------------------------------- joins
def join_organisations(state: DocState) -> None:
    """Join "University" + "of" + "Essex", "Centers for Disease Control" + "and" + "Prevention"; a
    coordination the document's own acronym spells ("Securities and Exchange Commission … (SEC)") or a
    gazetteer place with "and" in it ("Trinidad and Tobago") is one name too."""
    text, lex = state.doc.text, state.lex
    # (found when a coordination first needs them: most articles never do)
    acronyms = functools.cache(functools.partial(document_acronyms, state.stats.cap_seen))
    cands, long_starts, long_heads = state.cands, lex.long_form_starts, lex.long_form_heads
    out: list[Cand] = []
    last_join: str | None = None
    i = 0
    while i < len(cands):
        c = cands[i]
        if out and not c.person_evidence:
            p = out[-1]
            # (most names stand further from the one before than the longest joiner: settled without a call)
            j = _joiner(p, c, text) if c.toks[0].start - p.toks[-1].end <= _JOINER_MAX else None
            if j == "to" and text[max(0, p.start - 5):p.start].lower() in ("from ", "ween "):
                j = None  # "from US Weekly to Time Magazine", "between … to": a range of two names
            size = _coordination(p, cands, i, text, lex, acronyms) if j in ("and", "&", ",") else 0
            if not size and p.toks[0].text in long_starts and text[p.toks[0].start:p.toks[-1].end] in long_heads:
                size = _known_span(p, cands, i, text, lex)  # (most runs begin no known name with a gap)
            if size or j and _joins(j, p, c, last_join, lex):
                for nxt in cands[i:i + max(1, size)]:
                    p.toks = p.toks + tokens_between(state.doc, p.toks[-1], nxt.toks[0]) + nxt.toks
                last_join = "and" if size else j
                i += max(1, size)
                continue
        out.append(c)
        last_join = None
        i += 1
    state.cands = out


KNOWN_GAP_RE = re.compile(r" (?:[a-z]+ ){1,2}")  # " of ", " and the ": the lower-case words inside a name
MAX_KNOWN_PARTS = 4  # "Islamic State" + "Iraq" + "Levant": the most runs a known name is cut into


def _known_span(p: Cand, cands: list[Cand], i: int, text: str, lex: Lexicon) -> int:
    """How many candidates from `cands[i]` continue `p` into one name the gazetteers know ("Islamic State"
    + "of" + "Iraq" + "and the" + "Levant"; 0: none). Capitalised runs of one sentence, one or two
    lower-case words between each, spell a known organisation or place as a whole: the lists' evidence
    outweighs the joining rules, which cannot know that "and the" continues this name."""
    last = p.toks[-1]
    for n, c in enumerate(cands[i:i + MAX_KNOWN_PARTS - 1], start=1):
        first = c.toks[0]
        if first.sent != last.sent or c.person_evidence or KNOWN_GAP_RE.fullmatch(text, last.end, first.start) is None:
            return 0
        span = text[p.start:c.end]
        if span in lex.known_orgs or span in lex.places:
            return n
        last = c.toks[-1]
    return 0


def document_acronyms(cap_seen: set[str]) -> frozenset[str]:
    """The acronyms an article uses (among the words it capitalises), without their dots ("SEC", "UNESCO",
    "U.N." -> "UN")."""
    # (`filter` asks the cached `is_acronym` of every word in C; few words are acronyms)
    return frozenset(w.replace(".", "") for w in filter(is_acronym, cap_seen) if sum(ch.isalpha() for ch in w) >= 3)


def _coordination(p: Cand, cands: list[Cand], i: int, text: str, lex: Lexicon,
                  acronyms: Callable[[], frozenset[str]]) -> int:
    """How many candidates from `cands[i]` continue `p` as one coordinated name (0: none). A coordination
    is a list "A, B and C" (commas, then a last "and"/"&"); it is one name when the article's own acronym
    spells its initials across a joiner ("United Nations Educational, Scientific and Cultural Organization
    … UNESCO", "National Union of Rail, Maritime and Transport Workers … RMT"), or when "A and B" is a
    gazetteer place written with "and" ("Trinidad and Tobago"); never when the last conjunct repeats the
    first one's head (`_own_head`): two names, whatever acronym spans them."""
    parts = [p]
    for k in range(i, min(len(cands), i + 6)):
        gap = _joiner(parts[-1], cands[k], text)
        if gap not in (",", "and", "&") or cands[k].person_evidence:
            return 0
        parts.append(cands[k])
        if gap != ",":
            break
    else:
        return 0  # the list never reached its "and"
    words = [w for part in parts for w in part.words()]
    if len(parts) == 2 and gap == "and" and _and_place(p.words(), parts[1].words(), lex):
        return 1
    if _own_head(p.words(), parts[-1].words()):
        return 0  # "… Information System and Intelligence System (NEMISIS)": two names the acronym spans
    return len(parts) - 1 if _spelled_by_acronym(parts, acronyms) and len(words) <= 12 else 0


def _and_place(pw: list[str], cw: list[str], lex: Lexicon) -> bool:
    """"Trinidad" + "and" + "Tobago": the two parts are one place the gazetteer writes with "and"."""
    return " ".join([*pw, "and", *cw]) in lex.places


def _spelled_by_acronym(parts: list[Cand], article_acronyms: Callable[[], frozenset[str]]) -> bool:
    """An acronym of the article equals the initials of consecutive capitalised words of the joined
    parts, taking words from both sides of the first joiner ("SEC" in "U.S. Securities and Exchange
    Commission"). A word that is an acronym itself spells nothing ("ASIO and Federal Police" is no "AFP"):
    it is a name of initials already, not one word of a longer name."""
    acronyms = article_acronyms()
    if not acronyms:
        return False
    firsts = [["-" if is_acronym(w) else w[0] for w in part.words() if w[:1].isupper()] for part in parts]
    initials = "".join(x for f in firsts for x in f)
    cut = len(firsts[0])  # initials before this index belong to the first part
    return any(len(a) >= 3 and any(s < cut < s + len(a) for s in occurrences(initials, a)) for a in acronyms)


def _joiner(p: Cand, c: Cand, text: str) -> str | None:
    """The joiner word between two candidates of one sentence ("of", "and" …), if that is all there is."""
    last, first = p.toks[-1], c.toks[0]
    if last.poss_end != last.end or last.sent != first.sent or p.person_evidence \
            or first.start - last.end > _JOINER_MAX:  # (a longer gap is no joiner: no slice of it is made)
        return None
    return JOINERS.get(text[last.end:first.start])


def _joins(j: str, p: Cand, c: Cand, last_join: str | None, lex: Lexicon) -> bool:
    pw, cw = p.words(), c.words()
    if j in ("of", "for", "on"):
        ok = (any(w in lex.joinable_heads for w in pw) and len(pw) + len(cw) <= 12 and tuple(pw) not in lex.titles
              and not (len(pw) == 1 and pw[0] in lex.place_prefixes))
        # "University of Sheffield of the UK": the name is complete; the country after it is its location
        # (but after a division's head the place completes an inner name: "Court for the Northern District
        # of Ohio")
        return ok and not (is_place_name(" ".join(cw), lex) and pw[-1] not in lex.place_heads and (
            "of" in pw or any(is_place_name(w, lex) for w in pw)))
    if j == "and":
        if " ".join(cw) in lex.places or " ".join(pw) in lex.places:
            return False
        return ((last_join in ("of", "for", "on") or _particle_of(pw, lex)) and not any(
            w in lex.body_heads or w in lex.place_heads for w in cw) and cw[0] not in lex.places
            and not _complete_name(cw, lex) and not _own_head(pw, cw)) \
            or _shares_head(pw, cw, c, lex) or _common_noun_pair(pw, cw, c, lex)
    if j == ",":
        return _campus(pw, cw, lex)
    if j == "to":
        return _purpose(pw, cw, lex)
    return j == "&"


def _shares_head(pw: list[str], cw: list[str], c: Cand, lex: Lexicon) -> bool:
    """"A and B <Head>" is one name whose head both conjuncts share ("Pacific Gas and Electric Company",
    "Command and Control Centre"): the right conjunct ends in an organisation or place head, and the left
    one is no complete name of its own (no place, no known organisation, no body head such as "Company"
    or "Foundation" in it: "Acme Company and Beta Foundation" are two; no outlet: "The Daily Times and
    XYZ News"; no place head at its end: "Davao City and Gaisano Mall"; no lone acronym, which is a name
    by itself: "ASIO and Federal Police"); a forename before a head that is
    also a surname makes the right conjunct a person ("Elijah Wood and Benny Hill"). A left conjunct with
    a sector word ("Gas", "Media") needs a right one with a word of its own before the head: "Media and
    Communications" names a field, not a body."""
    return (cw[-1] in lex.org_heads or cw[-1] in lex.place_heads) \
        and " ".join(pw) not in lex.places and " ".join(pw) not in lex.known_orgs \
        and not any(w in lex.body_heads for w in pw) and pw[-1] not in lex.media_heads \
        and pw[-1] not in lex.place_heads and not (len(pw) == 1 and is_acronym(pw[0])) \
        and (len(cw) >= 2 or not any(w in lex.org_heads for w in pw)) and not c.toks[0].initial \
        and not (cw[-1] in PERSONAL_PLACE_HEADS and lex.forename_evidence(cw[0]))


def _complete_name(cw: list[str], lex: Lexicon) -> bool:
    """A right conjunct that names something on its own is a second name, not the end of the first:
    "the University of Bristol and UC Davis", "the Ministry of Health and WHO", "the University of Miami
    and Chris Fallows". An acronym opening it ("UC", "WHO"), the gazetteer's knowing it as an
    organisation, or a forename before another name word (a person) makes it complete; the words that
    continue a name across "of … and" are common nouns ("Institute of Painting and Sculpture")."""
    return is_acronym(cw[0]) or " ".join(cw) in lex.known_orgs \
        or len(cw) >= 2 and lex.forename_evidence(cw[0]) and cw[1] not in lex.function_words


def _particle_of(pw: list[str], lex: Lexicon) -> bool:
    """The left conjunct is a head and a complement joined inside its run by a particle meaning "of"
    ("Brigade de Recherche", "Ministerio de Ciencia"): it continues across "and" as one joined by "of"
    does."""
    return len(pw) >= 3 and pw[1] in OF_PARTICLES and pw[0] in lex.org_heads


def _own_head(pw: list[str], cw: list[str]) -> bool:
    """"the Bureau of Records Information System and Intelligence System": a right conjunct of two words or
    more that ends in the left conjunct's last noun repeats its head, so it is a second name with a head of
    its own; a coordination inside one name shares its head, written once ("Institute of Painting and
    Sculpture", "Department of Health and Human Services")."""
    return len(cw) >= 2 and cw[-1] == pw[-1]


def _common_noun_pair(pw: list[str], cw: list[str], c: Cand, lex: Lexicon) -> bool:
    """"Oslo Fire and Rescue", "Tyne Search and Rescue": a name ending in a capitalised common noun,
    "and" and one more capitalised common noun is one name: a lone dictionary word such as "Rescue"
    could not be a name of its own, so it continues the coordination inside the name. The left conjunct
    has a name before its noun ("Oslo"); the right word is no head ("Office", "Police": a second body),
    no title or role ("manager of Barmouth Publicity and Director of …") and no name ("Congress", a
    forename, a place)."""
    if len(cw) != 1 or len(pw) < 2 or c.toks[0].initial:
        return False
    left, right = pw[-1], cw[0]
    return all(w.lower() in lex.common_words and w not in lex.function_words and w not in lex.org_heads
               and w not in lex.place_heads and w not in lex.media_heads and not lex.is_forename(w)
               and (w,) not in lex.titles and w.lower() not in lex.role_words for w in (left, right)) \
        and pw[0].lower() not in lex.common_words and right not in lex.known_orgs \
        and not is_place_name(right, lex)


def _purpose(pw: list[str], cw: list[str], lex: Lexicon) -> bool:
    """An organisation named for its purpose, head + "to" + a capitalised verb phrase: "Global Coalition
    to Defeat ISIS", "Campaign to End Loneliness". The verb is a dictionary word opening two or more
    capitalised words; "sent the Army to Iraq" has a place after "to", no verb."""
    return pw[-1] in lex.org_heads and len(cw) >= 2 and cw[0].lower() in lex.common_words \
        and not any(is_place_name(" ".join(cw[:k]), lex) for k in range(1, len(cw) + 1)) \
        and cw[0] not in lex.org_heads and not lex.is_forename(cw[0])


def _campus(pw: list[str], cw: list[str], lex: Lexicon) -> bool:
    """A state's institution followed by a city names one campus of a state system, the comma inside
    the name: "University of California, Los Angeles". After a city ("University of Sheffield, England")
    or before a state or country the comma only gives the location."""
    if len(pw) < 3 or pw[-2] != "of" or pw[-1] not in lex.states or not any(w in lex.joinable_heads for w in pw):
        return False
    return " ".join(cw) in lex.cities


def tokens_between(doc: Doc, a: Token, b: Token) -> list[Token]:
    """Tokens strictly between two tokens (the joiner words)."""
    k = doc.index_of[a.start] + 1
    out = []
    while k < len(doc.tokens) and doc.tokens[k].start < b.start:
        out.append(doc.tokens[k])
        k += 1
    return out
