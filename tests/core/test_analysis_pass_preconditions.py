"""The cheap preconditions of this round never change a rule's answer: on generated text, wherever a
rule holds, its precondition holds too (a verb of a match in the article before `_contest_side`; a gap
no longer than the longest joiner before `_joiner`; an "its" in the article before
`referred_to_as_it`); a set taken once is the test it stands for; the initialisms and the surnames
written first found from fewer names and lines are those found from all, a thing noun read once after
a name is the one its rule read, and the places found until a name speaks are those found from all its
mentions (the previous bodies kept here as references)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import pipeline
from newsreader.analysis.lexicon import Lexicon, lexicon
from newsreader.analysis.names import NAME_SUFFIXES, is_acronym
from newsreader.analysis.passes import boundaries, coreference, entities, kinds, sentence_kinds, weighing
from newsreader.analysis.passes.coreference import merge
from newsreader.analysis.state import DocState, Entity
from newsreader.analysis.text import Token
from tests.core.generated_articles import state_before, word_texts

WORDS = ["Sweden", "Panama", "England", "Tunisia", "defeated", "Defeated", "lost", "beat", "drew", "to", "with",
         "against", "3", "0", "1", "2", "points", "45", "University", "of", "Essex", "and", "Prevention", "Centers",
         "for", "Disease", "Control", "the", "Gas", "Electric", "Company", "&", "de", "Ciencia", "Ministerio"]
GAPS = [" ", " ", " ", " – ", "-", ". ", ", ", "\n\n", " and ", " of "]
texts = word_texts(WORDS, GAPS, min_size=1, max_size=50)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_side_of_a_match_needs_a_verb_of_a_match_in_the_article(text: str) -> None:
    state = state_before(text, "contest_sides")
    toks = state.doc.tokens
    for k in range(len(toks)):
        if sentence_kinds._contest_side(toks, k, text):
            assert sentence_kinds.may_report_a_match(state.stats)


def test_a_side_of_a_match_is_found_behind_the_precondition() -> None:
    state = pipeline.run("Sweden defeated Panama 3 – 0 in the final on Monday.")
    assert sentence_kinds.may_report_a_match(state.stats)
    assert {a.name: a.kind for a in state.cast.actors if a.name in ("Sweden", "Panama")} \
        == {"Sweden": "organisation", "Panama": "organisation"}


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_joiner_stands_within_the_longest_joiner_of_the_name_before(text: str) -> None:
    state = state_before(text, "join_organisations")
    cands = state.cands
    for p, c in zip(cands, cands[1:], strict=False):
        if boundaries._joiner(p, c, text) is not None:
            assert c.toks[0].start - p.toks[-1].end <= boundaries._JOINER_MAX


def _breaks(w: str, lex: Lexicon) -> bool:
    """The test `_run_cands` made of a lone word before the set of breaking words (the reference)."""
    return w in lex.time_words or (w in lex.function_words and (w,) not in lex.titles) or w in NAME_SUFFIXES


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(lexicon().function_words | lexicon().time_words | NAME_SUFFIXES
                              | {t[0] for t in lexicon().titles})) | st.text(min_size=1, max_size=8))
def test_a_breaking_word_is_a_time_or_function_word_or_a_suffix(w: str) -> None:
    lex = lexicon()
    assert (w in boundaries._breaking_words(lex.time_words, lex.function_words, lex.titles)) == _breaks(w, lex)


def _previous_initialisms(state: DocState) -> None:
    """`coreference.initialisms` before it looked only for the acronyms' initials (the reference)."""
    initials: dict[str, Entity] = {}
    for form, e in state.by_form.items():
        ws = [w for w in form.split() if w[:1].isupper()]
        if len(ws) >= 2:
            initials.setdefault("".join(w[0] for w in ws), e)
    for form, e in state.by_form.items():
        if is_acronym(form) and form not in state.lex.place_aliases:
            key = form.replace(".", "")
            if key in initials and initials[key].root() is not e.root():
                merge(e, initials[key])


ACRONYM_WORDS = ["World", "Health", "Organization", "WHO", "W.H.O.", "Hydro", "Ottawa", "HO", "BBC", "British",
                 "Broadcasting", "Corporation", "BC", "said", "the", "of", "and", "US", "Union", "UN", "United",
                 "Nations", "National", "Union", "NU"]
acronym_texts = word_texts(ACRONYM_WORDS, [" ", " ", ". ", ", ", " ("], min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(acronym_texts)
def test_initialisms_from_the_acronyms_initials_are_the_initialisms_of_every_name(text: str) -> None:
    state = state_before(text, "initialisms")
    reference = state_before(text, "initialisms")
    coreference.initialisms(state)
    _previous_initialisms(reference)
    assert {f: e.root().name for f, e in state.by_form.items()} \
        == {f: e.root().name for f, e in reference.by_form.items()}


def _previous_surname_first(state: DocState) -> tuple[set[int], set[int]]:
    """The surname-first runs tried from every run that opens a line (the reference)."""
    text, runs = state.doc.text, state.runs
    toks = state.doc.tokens
    firsts = {r[0]: k for k, r in enumerate(runs)}
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    surnames: set[int] = set()
    forenames: set[int] = set()
    for k in (firsts[state.doc.index_of[at]] for at in starts if state.doc.index_of.get(at) in firsts):
        while k + 1 < len(runs) and boundaries._surname_comma_forenames(state, k):
            surnames.add(k)
            forenames.add(k + 1)
            k += 2
            if k >= len(runs) or text[toks[runs[k - 1][-1]].end:toks[runs[k][0]].start] != " and ":
                break
    return surnames, forenames


LIST_WORDS = ["Austen", "Jane", "Marx", "Karl", "Engels", "Friedrich", "Okay", "Mike", "Pride", "and", "Prejudice",
              "The", "Communist", "Manifesto", "said"]
list_texts = word_texts(LIST_WORDS, [" ", ", ", ". ", ".\n", "\n", " and "], min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(list_texts)
def test_surnames_written_first_are_found_from_the_lines_a_comma_follows(text: str) -> None:
    state = state_before(text, "split_runs")
    assert boundaries._surname_first(state) == _previous_surname_first(state)


def _previous_thing_after(text: str, last: Token, lex: Lexicon) -> bool:
    """`entities._thing_after` before it was handed the word after the name (the reference)."""
    if last.poss_end != last.end or text[last.end:last.end + 1] != " " \
            or not "a" <= text[last.end + 1:last.end + 2] <= "z":
        return False
    m = entities._NEXT_WORD_RE.match(text, last.end + 1)
    if not m:
        return False
    w = m.group()
    if w in lex.thing_nouns:
        return True
    if w not in entities.THING_MODIFIERS:
        return False
    m2 = entities._NEXT_WORD_RE.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    return m2 is not None and m2.group() in entities.MODIFIED_THINGS


THING_WORDS = ["Kepler", "Galileo", "Ulysses", "EastMed", "space", "telescope", "pipeline", "spacecraft", "gas",
               "x-", "aB", "a1", "said", "Formica", "fusca", "the", "and", "Acme's", "film", "Alien", "ex-tra"]
thing_texts = word_texts(THING_WORDS, [" ", " ", ". ", ", ", "-", ""], min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(thing_texts)
def test_a_thing_noun_read_once_after_a_name_is_the_one_read_by_its_rule(text: str) -> None:
    state = state_before(text, "group_forms")
    for t in state.doc.tokens:
        assert entities._thing_after(text, t, entities._next_word(text, t), state.lex) \
            == _previous_thing_after(text, t, state.lex)


def _previous_locative_places(state: DocState) -> None:
    """`kinds.locative_places` before it stopped at the first verb of saying (the reference)."""
    text, lex = state.doc.text, state.lex
    for e in state.roots:
        if not kinds._kind_guessed(e) or not e.mentions:
            continue
        locative = speech = cued = 0
        for s, en in kinds._own_mentions(e, text, lex):
            before = text[max(0, s - 12):s].split()
            after = text[en:en + 20].split()
            if after and after[0].strip(",.") in lex.speech_verbs:
                speech += 1
            elif before and before[-1].lower() in kinds.LOCATIVE_PREPS and not kinds._cited(text, en):
                locative += 1
            elif kinds._in_region(text, en, lex) and not kinds._forename_first(e.name, lex) \
                    or kinds._after_place_noun(text, s) \
                    or " " not in e.name and kinds._listed_with_places(text, s, en, lex) \
                    or e.kind == "person" and kinds._before_local_noun(text, en):
                cued += 1
        if (locative or cued) and not speech:
            e.kind = "place"


PLACE_WORDS = ["Hiko", "Dallas", "Beni", "Mangina", "Katwa", "Greece", "Texas", "Madrid", "Smith", "Ann", "in",
               "near", "said", "the", "towns", "of", "and", "ministers", "'s", "v.", "Wade", "Jacobs", "told", "Kerala"]
place_texts = word_texts(PLACE_WORDS, [" ", " ", " ", ". ", ", ", " and "], min_size=1, max_size=50)


@settings(max_examples=300, deadline=None)
@given(place_texts)
def test_places_found_until_a_name_speaks_are_the_places_found_from_every_mention(text: str) -> None:
    state = state_before(text, "locative_places")
    reference = state_before(text, "locative_places")
    kinds.locative_places(state)
    _previous_locative_places(reference)
    assert [(e.name, e.kind) for e in state.roots] == [(e.name, e.kind) for e in reference.roots]


def test_a_name_that_speaks_is_no_place_whatever_frame_comes_before_or_after() -> None:
    for text in ("People live in Vumar. Vumar said so.", "Vumar said so. People live in Vumar."):
        state = state_before(text, "locative_places")
        kinds.locative_places(state)
        assert [e.kind for e in state.roots if e.name == "Vumar"] == ["organisation"]
    state = state_before("They met in Vumar on Monday.", "locative_places")
    kinds.locative_places(state)
    assert [e.kind for e in state.roots if e.name == "Vumar"] == ["place"]


IT_WORDS = ["Red", "Hat", "Acme", "said", "it", "its", "Its", "code", "would", "stop", "the", "firm", "his", "on",
            "Tuesday", "that", "Smith", "Ann"]
it_texts = word_texts(IT_WORDS, [" ", " ", " ", ". ", ", "], min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(it_texts)
def test_a_name_referred_to_as_it_is_in_an_article_that_writes_its(text: str) -> None:
    state = state_before(text, "learned_kinds")
    for e in state.roots:
        if weighing.referred_to_as_it(e, state):
            assert weighing.IT in state.stats.lower_seen


def test_a_body_referred_to_as_it_is_found_behind_the_precondition() -> None:
    state = state_before("Red Hat said on Tuesday that it would stop publishing its code.", "learned_kinds")
    assert [weighing.referred_to_as_it(e, state) for e in state.roots if e.name == "Red Hat"] == [True]
