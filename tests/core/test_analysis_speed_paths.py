"""The actor passes' fast paths say what their plain formulations say.

Each speed-up is a cheaper way to the same answer (a shortcut for plain ASCII words, a rule asked only
where it can apply); the property tests hold each to the plain form it replaced, kept here as the
reference, on open-ended input.
"""

from __future__ import annotations

import re
import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.names import fold, is_acronym
from newsreader.analysis.passes.coreference import _FOLDS_ASCII, LETTER_FOLDS
from newsreader.analysis.passes.kinds import ITEM_BEFORE_RE, _gap_before
from newsreader.analysis.passes.quotations import (
    _DOUBLE_STARTS,
    _SINGLE_MARKS,
    DOUBLE_RE,
    SINGLE_RE,
    _DOTTED_WORDS_RE,
    _WORDS_RE,
    mark_matches,
    mark_positions,
)
from newsreader.analysis.passes.speech_frames import ASIDE_RE, _has_dash
from newsreader.analysis.names import SURNAME_PREFIX_RE
from newsreader.analysis.passes.weighing import _camel, _joined, _listed
from newsreader.analysis.text import _PLAIN_SPLIT_RE, _SPLIT_RE, tokenize

# ASCII letters, digits and marks beside letters that are cased, uncased, combining or compatibility forms
WORDISH = st.text(alphabet="aAzZ.-'5_ \u00e9\u00c9\u011f\u0130\u0131\u00df\ufb01\u2160\u24d0\u0301\u4e2d\u00aa",
                  max_size=10)
ASCII = st.text(alphabet=string.printable, max_size=10)


def _plain_is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(word) <= 8


def _plain_fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDISH, ASCII, st.text(max_size=10)))
def test_word_shapes_match_their_plain_forms(word: str) -> None:
    assert is_acronym.__wrapped__(word) == _plain_is_acronym(word)
    assert fold.__wrapped__(word) == _plain_fold(word)


def test_acronyms_and_folded_names() -> None:
    assert is_acronym("NATO") and is_acronym("U.S.") and is_acronym("M5S") and is_acronym("ÉU")
    assert not is_acronym("Nato") and not is_acronym("A") and not is_acronym("ABCDEFGHI") and not is_acronym("A1")
    assert fold("Erdoğan") == fold("Erdogan") == "erdogan" and fold("McBride") == "mcbride"


@settings(max_examples=300, deadline=None)
@given(ASCII)
def test_an_ascii_form_is_left_as_it_is_by_the_letter_folds(form: str) -> None:
    # `spellings` skips the translation of a plain ASCII form unless a folded letter is ASCII
    assert _FOLDS_ASCII or form.translate(LETTER_FOLDS) == form


def test_the_letter_folds_fold_the_letters_they_list() -> None:
    assert "Jarosław Kaczyński".translate(LETTER_FOLDS) == "Jaroslaw Kaczyński"


def _plain_camel(w: str) -> bool:
    if not any(map(str.isupper, w[1:])) or is_acronym(w):
        return False
    m = SURNAME_PREFIX_RE.match(w)
    return m is None or any(map(str.isupper, w[m.end() + 1:]))


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDISH, ASCII, st.text(max_size=10),
                 st.sampled_from(["McBride", "MacDonald", "O'Reilly", "AntyScience", "McDONALD"])))
def test_inner_capitals_are_found_as_by_the_plain_scan(word: str) -> None:
    assert _camel(word) == _plain_camel(word)


def _plain_listed(toks: list, k: int, end: int, text: str) -> bool:
    j = k
    while j + 1 < len(toks) and toks[j].end < end:
        j += 1
    return any(x >= 0 and y < len(toks) and toks[x].cap and toks[y].cap and _joined(toks, x, y, text)
               for x, y in ((k - 1, k), (k - 2, k), (j, j + 1), (j, j + 2)))


LIST_PIECES = ["Ann", "Bo", "and", "or", "the", ",", " / ", ".", "Acme Corp", "said"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LIST_PIECES), min_size=1, max_size=12), st.integers(0, 11), st.integers(0, 3))
def test_a_listed_mention_is_found_as_by_the_plain_pair_loop(pieces: list[str], k: int, width: int) -> None:
    text = " ".join(pieces)
    toks = tokenize(text).tokens
    if not toks:
        return
    k = min(k, len(toks) - 1)
    last = min(k + width, len(toks) - 1)
    assert _listed(toks, k, last, text) == _plain_listed(toks, k, toks[last].end, text)


PLACE_PIECES = ["Paris", "New York", "and", "or", ",", ", and", "\n", " ", "the", "Lyon", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PLACE_PIECES), max_size=14), st.booleans(), st.integers(0, 80))
def test_the_list_gap_gate_passes_every_place_the_list_pattern_matches(pieces: list[str], spaced: bool,
                                                                        at: int) -> None:
    text = (" " if spaced else "").join(pieces)
    at = min(at, len(text))
    if ITEM_BEFORE_RE.search(text, max(0, at - 60), at):
        assert _gap_before(text, at)


QUOTE_TEXT = st.text(alphabet="`'\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a aB1_.\n\u00e9", max_size=40)


@settings(max_examples=500, deadline=None)
@given(QUOTE_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_marks_are_matched_as_the_pattern_search_finds_them(text: str, a: int, b: int) -> None:
    ps, pe = min(a, b, len(text)), min(max(a, b), len(text))
    for pattern, starts in ((DOUBLE_RE, _DOUBLE_STARTS), (SINGLE_RE, _SINGLE_MARKS)):
        found = [(m.span(), m.group()) for m in mark_matches(pattern, text, ps, pe, mark_positions(text, starts))]
        assert found == [(m.span(), m.group()) for m in pattern.finditer(text, ps, pe)]


@settings(max_examples=400, deadline=None)
@given(st.one_of(WORDISH, ASCII, QUOTE_TEXT, st.text(max_size=20)))
def test_the_compiled_word_patterns_find_what_their_plain_forms_find(text: str) -> None:
    assert _WORDS_RE.findall(text) == re.findall(r"[\w'-]+", text)
    assert _DOTTED_WORDS_RE.findall(text) == re.findall(r"[\w'.-]+", text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \n-\u2013\u2014aB,.", max_size=30))
def test_the_dash_gate_passes_every_window_with_an_aside_mark(window: str) -> None:
    # `outside_asides` skips the pattern search of a window without a dash
    assert _has_dash(window) or ASIDE_RE.search(window) is None


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDISH, ASCII, QUOTE_TEXT, st.text(alphabet="aZ5_.'\u2019s -&\u00e9\n", max_size=30),
                 st.text(max_size=30)))
def test_a_body_without_handles_is_split_as_by_the_full_word_pattern(text: str) -> None:
    # `tokenize` splits a body that holds no "@" or "#" with the pattern that leaves out the handles' branch
    text = text.replace("@", "").replace("#", "")
    assert _PLAIN_SPLIT_RE.split(text) == _SPLIT_RE.split(text)
