"""The cheap preconditions of this round never change a rule's answer: on generated text, wherever a
rule holds, its precondition holds too (a verb of a match in the article before `_contest_side`; a gap
no longer than the longest joiner before `_joiner`); a set taken once is the test it stands for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import pipeline
from newsreader.analysis.lexicon import Lexicon, lexicon
from newsreader.analysis.names import NAME_SUFFIXES
from newsreader.analysis.passes import boundaries, sentence_kinds
from newsreader.analysis.state import DocState
from newsreader.analysis.text import tokenize

WORDS = ["Sweden", "Panama", "England", "Tunisia", "defeated", "Defeated", "lost", "beat", "drew", "to", "with",
         "against", "3", "0", "1", "2", "points", "45", "University", "of", "Essex", "and", "Prevention", "Centers",
         "for", "Disease", "Control", "the", "Gas", "Electric", "Company", "&", "de", "Ciencia", "Ministerio"]
GAPS = [" ", " ", " ", " – ", "-", ". ", ", ", "\n\n", " and ", " of "]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=1, max_size=50) \
    .map(lambda parts: "".join(a + b for a, b in parts))


def _state_before(text: str, name: str) -> DocState:
    state = DocState(tokenize(text))
    for step in pipeline.PASSES:
        if step.__name__ == name:
            break
        step(state)
    return state


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_side_of_a_match_needs_a_verb_of_a_match_in_the_article(text: str) -> None:
    state = _state_before(text, "contest_sides")
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
    state = _state_before(text, "join_organisations")
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
