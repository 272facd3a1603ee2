"""The cheap preconditions that let most names and runs skip a rule (a look-up, one search in C per
article) never change the rule's answer: on generated text, wherever a precondition says "no", the rule
itself says no too. `_section_heading` is checked against its previous body, kept here as the reference."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes import entities, filtering, quotations
from newsreader.analysis.passes.boundaries import _known_span
from newsreader.analysis.passes.person_evidence import AGE_APPOSITION, PERSONAL_PRONOUNS, person_contexts
from newsreader.analysis.state import Cand, DocState
from newsreader.analysis.text import Doc
from tests.core.generated_articles import state_before, word_texts

PIECES = [*sorted(filtering.SECTION_WORDS), "§", "12", "230(c)", "2019", "1999", "18a", "Foo", "Protection",
          "Ann", "Cole", "Islamic", "State", "of", "Iraq", "and", "the", "Levant", "United", "Trinidad",
          "Tobago", "Democratic", "party", "said", "like", "was", "called", "Called", "sounds", "it", "45",
          "XParagraph", "subArticle", "İ", "\u212a", "he", "she", "told", "٤٥", "1234"]
GAPS = [" ", "  ", "   ", "\n", "\n\n", " \n\n ", "\t   ", ", ", "-", "(", ". ", ""]
texts = word_texts(PIECES, GAPS, max_size=40)


def _previous_section_heading(c: Cand, doc: Doc) -> bool:
    """`filtering._section_heading` before the window test was added (the reference)."""
    k = doc.index_of.get(c.start, 0)
    if k < 2 or filtering.SECTION_NUMBER_RE.fullmatch(doc.tokens[k - 1].text) is None:
        return False
    num = doc.tokens[k - 1]
    before = doc.text[max(0, num.start - 12):num.start].rstrip().split(" ")[-1]
    return before.lstrip("\u00a7") != before or before in filtering.SECTION_WORDS


def _window_cuts_a_word(c: Cand, doc: Doc) -> bool:
    """The 12 characters before the number start inside a longer word ("XParagraph   12")."""
    k = doc.index_of.get(c.start, 0)
    if k < 2:
        return False
    num = doc.tokens[k - 1]
    lo = num.start - filtering.SECTION_WINDOW
    return lo > 0 and " " not in doc.text[lo:num.start].rstrip() and not doc.text[lo - 1].isspace()


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_section_heading_needs_a_section_word_the_article_writes(text: str) -> None:
    state = state_before(text, "filter_candidates")
    for c in state.cands:
        found = filtering._section_heading(c, state.doc)
        if found:
            assert filtering.may_number_sections(text, state.stats)
        if not _window_cuts_a_word(c, state.doc):
            assert found == _previous_section_heading(c, state.doc)


def test_a_section_word_cut_out_of_a_longer_word_is_none() -> None:
    text = "They read XParagraph   12 Safety Rules there."
    state = state_before(text, "filter_candidates")
    heading = next(c for c in state.cands if c.words()[0] == "Safety")
    assert _previous_section_heading(heading, state.doc)  # (the old window read "Paragraph")
    assert not filtering._section_heading(heading, state.doc)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_known_long_form_starts_with_words_the_lexicon_lists(text: str) -> None:
    state = state_before(text, "join_organisations")
    lex, cands = state.lex, state.cands
    for i in range(1, len(cands)):
        p = cands[i - 1]
        if p.toks[0].text not in lex.long_form_starts or text[p.start:p.end] not in lex.long_form_heads:
            assert _known_span(p, cands, i, text, lex) == 0


windows = st.lists(st.sampled_from(PIECES + GAPS), max_size=12).map("".join) | st.text(max_size=60)


@settings(max_examples=500, deadline=None)
@given(windows)
def test_the_quotation_rules_find_no_cue_the_search_misses(window: str) -> None:
    words = quotations._WORDS_RE.findall(window)
    if quotations._NAMING_WORD_RE.search(window.lower()) is None:
        assert not any(w.lower() in quotations._NAMING_WORDS for w in words)
    if "like" not in window.lower():
        assert not (words and words[-1].lower() == "like")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" ,.0123456789abc\n", max_size=30))
def test_a_year_after_a_name_opens_with_a_space_and_its_first_digit(text: str) -> None:
    for e in range(len(text) + 1):
        if filtering.YEAR_AFTER_RE.match(text, e):
            assert text.startswith(filtering.YEAR_OPENINGS, e)


def _previous_person_contexts(state: DocState) -> None:
    """`person_evidence.person_contexts` before its age test read the next token first (the reference)."""
    doc, verbs = state.doc, state.lex.speech_verbs
    toks, index_of = doc.tokens, doc.index_of
    for c in state.cands:
        if c.kind is not None:
            continue
        if AGE_APPOSITION.match(doc.text, c.end):
            c.kind = "person"
            continue
        k = index_of.get(c.toks[-1].start)
        if k is not None and k + 2 < len(toks) and toks[k + 1].text in verbs \
                and toks[k + 2].text in PERSONAL_PRONOUNS and toks[k + 2].sent == toks[k].sent:
            c.kind = "person"


@settings(max_examples=300, deadline=None)
@given(texts)
def test_person_contexts_types_as_its_reference_did(text: str) -> None:
    state = state_before(text, "person_contexts")
    before = [copy.copy(c) for c in state.cands]
    person_contexts(state)
    after = [c.kind for c in state.cands]
    state.cands = before
    _previous_person_contexts(state)
    assert after == [c.kind for c in state.cands]


EXAMPLE_PIECES = ["(e.g.", "(e.g.,", "(eg", "x(e.g.", "such as", "nonsuch as", "devices", "browsers", "Raspberry",
                  "Pi", "Firefox", "Acme", "and", "E.G.", "(EG", "e.g.", "said"]
example_texts = word_texts(EXAMPLE_PIECES, [" ", " ", "", ", ", ")", "\n\n"], max_size=12, opening="Some ")


@settings(max_examples=400, deadline=None)
@given(example_texts)
def test_an_example_of_things_needs_a_marker_the_article_holds(text: str) -> None:
    state = state_before(text, "group_forms")
    found = any(entities._example_of_things(text, c.toks[0].start, state.lex) for c in state.cands)
    assert entities.may_give_examples(text, state.stats) or not found


def test_the_article_holds_the_marker_of_each_example() -> None:
    for text in ("Small devices (e.g. Raspberry Pi) sold well.", "Old browsers (eg Firefox) failed.",
                 "Old browsers (e.g., Firefox) failed.", "Many browsers such as Firefox failed."):
        state = state_before(text, "group_forms")
        assert any(entities._example_of_things(text, c.toks[0].start, state.lex) for c in state.cands)
        assert entities.may_give_examples(text, state.stats)
