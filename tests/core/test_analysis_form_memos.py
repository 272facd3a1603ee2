"""The per-article memos of the actor passes (a decision made once per form, then reused for every
candidate of that form) never change an answer: on generated text, each candidate decided with the
article's memo gets what it gets when decided alone, with an empty memo."""

from __future__ import annotations

import copy
from dataclasses import replace
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes import filtering, kinds
from newsreader.analysis.state import Cand
from tests.core.generated_articles import state_before, word_texts

# words that the filtering and kind rules treat differently: function and time words, titles, nationalities
# and their plurals, demonyms, contractions, acronyms, forenames, places, head words, thing prefixes
WORDS = ["The", "the", "Of", "of", "In", "and", "Friday", "Monday", "Summer", "British", "Britons", "President",
         "Mr", "Minister", "Londoners", "We're", "Isn't", "Hey", "NGOs", "BBC", "F", "#tag", "French-German",
         "Ann", "Will", "Lee", "London", "Paris", "University", "Operation", "Group", "Senate", "Democrats",
         "Act", "Clean", "Air", "Festival", "MV", "Namse", "Thatcherism", "Physics", "Protesters", "party",
         "Democratic", "said", "in", "a", "Acme", "Corp", "Times", "News", "told", "reported", "group", "first",
         "published", "according", "to", "Axios", "Prefecture", "moon", "Moon", "rocks", "Rocks", "West", "an",
         "Court", "Commons", "House", "Utah", "Jazz", "Texas", "Allen", "Power", "May", "Mark"]
GAPS = [" ", " ", " ", ". ", ", ", "\n\n", ' "', '" ', " (", ") ", ": "]
texts = word_texts(WORDS, GAPS, min_size=1, max_size=50)


def _fields(c: Cand | None) -> object:
    if c is None:
        return None
    return ([(t.start, t.text) for t in c.toks], c.kind, c.person_evidence, c.gender, c.initial, c.weak,
            c.the_name, c.thing)


def _variants(c: Cand) -> list[Cand]:
    """The candidate, and copies with each flag a rule reads flipped (the first word's sentence start, the
    title, a capitalised "The" before it): forms met with other flags elsewhere in an article."""
    first = copy.copy(c.toks[0])
    first.initial = not first.initial
    return [c, replace(c, person_evidence=not c.person_evidence), replace(c, the_name=not c.the_name),
            replace(c, toks=[first, *c.toks[1:]])]


@settings(max_examples=400, deadline=None)
@given(texts, st.randoms(use_true_random=False))
def test_a_one_word_verdict_made_once_an_article_is_the_verdict_made_alone(text: str, rnd: Random) -> None:
    state = state_before(text, "filter_candidates")
    cands = [v for c in state.cands for v in _variants(c)]
    rnd.shuffle(cands)
    lone: dict[tuple[str, bool, bool, bool, bool], int] = {}
    for c in cands:
        headline = c.toks[0].para in state.headlines
        shared = filtering._filter(copy.copy(c), state.lex, state.stats, headline, text, lone)
        alone = filtering._filter(copy.copy(c), state.lex, state.stats, headline, text, {})
        assert _fields(shared) == _fields(alone)


@settings(max_examples=300, deadline=None)
@given(texts, st.randoms(use_true_random=False))
def test_kinds_found_once_a_form_are_the_kinds_found_alone(text: str, rnd: Random) -> None:
    state = state_before(text, "candidate_kinds")
    cands = [v for c in state.cands for v in _variants(c)]
    rnd.shuffle(cands)
    state.cands = [copy.copy(c) for c in cands]
    kinds.candidate_kinds(state)  # (one memo for all)
    for c, shared in zip(cands, state.cands, strict=True):
        state.cands = [copy.copy(c)]
        kinds.candidate_kinds(state)  # (a memo of its own)
        assert _fields(shared) == _fields(state.cands[0])


@settings(max_examples=300, deadline=None)
@given(texts)
def test_an_outlet_frame_has_its_cue_next_to_the_name(text: str) -> None:
    state = state_before(text, "candidate_kinds")
    doc = state.doc
    for c in state.cands:
        k = doc.index_of.get(c.toks[0].start)
        if k is not None and kinds._outlet_frame(c, k, doc, state.lex):
            assert doc.texts[k - 1] in kinds.INTERVIEW_VERBS or doc.texts[k + 1] in kinds.OUTLET_CUES


def test_an_outlet_frame_is_found_after_its_cue() -> None:
    state = state_before("She said Axios first reported it. They told Axios so.", "candidate_kinds")
    kinds.candidate_kinds(state)
    assert [c.kind for c in state.cands if c.words() == ["Axios"]] == ["organisation", "organisation"]
