"""The quotation and speaker passes' fast paths say what their plain formulations say.

Each speed-up is a cheaper way to the same answer: a mark pattern that opens with a character class, a
one-look-up gate before a search, a word window tokenised once. The property tests hold each to the plain
form it replaced (kept here as the reference), on open-ended text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes.quotations import (
    DOUBLE_RE,
    Run,
    _named_not_said,
    _scare_cue_ends,
    _scare_cue_re,
)
from newsreader.analysis.passes.sentences import SENT_END_RE, abbreviation_before, last_sentence_end
from newsreader.analysis.passes.speaker_context import SpeakerContext
from newsreader.analysis.passes.speech_data import words
from newsreader.analysis.passes.speech_frames import _source_phrases, source_phrase_end
from newsreader.analysis.text import WORD_RE, tokenize

PLAIN_DOUBLE_RE = re.compile(r"``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
MARKS = "`'\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019 aB."


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=MARKS, max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_double_marks_are_found_as_by_the_plain_alternation(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    found = [(m.span(), m.group()) for m in DOUBLE_RE.finditer(text, lo, hi)]
    assert found == [(m.span(), m.group()) for m in PLAIN_DOUBLE_RE.finditer(text, lo, hi)]


def test_paired_backticks_and_apostrophes_are_one_mark_a_lone_one_none() -> None:
    assert [m.group() for m in DOUBLE_RE.finditer("``Hi,'' she said: \u201cyes\u201d `x' \"z\"")] == \
        ["``", "''", "\u201c", "\u201d", '"', '"']


def _plain_source_phrase_end(ws: list[tuple[int, int, str]], i: int) -> int | None:
    for phrase in _source_phrases():
        n = len(phrase)
        if tuple(w[2].lower() for w in ws[i:i + n]) == phrase and i + n < len(ws):
            return i + n
    return None


SPEECH_WORDS = ["according", "to", "According", "in", "the", "words", "of", "Smith", "said", "In", "To"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPEECH_WORDS), max_size=8), st.integers(0, 9))
def test_source_phrases_are_found_as_by_trying_every_phrase(ws: list[str], i: int) -> None:
    words_ = [(k, k + 1, w) for k, w in enumerate(ws)]
    assert source_phrase_end(words_, i) == _plain_source_phrase_end(words_, i)


def test_according_to_is_a_source_phrase_and_ordinary_words_are_not() -> None:
    ws = [(0, 1, w) for w in ("according", "to", "Smith")]
    assert source_phrase_end(ws, 0) == 2 and source_phrase_end(ws, 1) is None


def _run_after(text: str, before: str) -> Run:
    start = len(before) + 1
    return Run(start, len(text) - 1, len(before), len(text) - 1, 1, 0)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(sorted(words("scare_cues_before")) + ["the", "a", "so", ",", "-", "x", ""]),
                max_size=5))
def test_the_scare_cue_gate_passes_every_text_the_cue_pattern_matches(parts: list[str]) -> None:
    before = " ".join(parts).rstrip()
    if _scare_cue_re().search(before):
        assert before.endswith(_scare_cue_ends())


def test_a_scare_cue_before_the_mark_makes_a_name() -> None:
    cue = sorted(words("scare_cues_before"))[0]
    before = f"the {cue} "
    text = before + '"Hero"'
    assert _named_not_said(text, _run_after(text, before), 0)


class _NoActors:
    spans: list = []  # noqa: RUF012 - a read-only stand-in for the actor index
    gender: dict = {}  # noqa: RUF012 - as above


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab C'’s.-\n", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_speaker_windows_are_the_plain_words_and_each_caller_owns_its_list(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    ctx = SpeakerContext(tokenize(text), _NoActors(), [])
    plain = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, lo, hi)
             if not (m.group() in ("s", "S") and text[m.start() - 1:m.start()] in ("'", "\u2019"))]
    first = ctx.words(lo, hi)
    assert first == plain
    first.clear()  # a caller that changes its list changes no other caller's
    assert ctx.words(lo, hi) == plain


def _plain_last_sentence_end(text: str, lo: int, hi: int, inner_only: bool) -> int:
    """The reference: every sentence end of the window in turn, by the pattern, the last one kept."""
    best = lo
    limit = len(text[lo:hi].rstrip()) + lo if inner_only else hi
    for m in SENT_END_RE.finditer(text, lo, hi):
        if not (inner_only and m.end() >= limit) and not abbreviation_before(text, lo, m.start()) \
                and text[m.end():m.end() + 1] != ")":
            best = m.end()
    return best


SENTENCE_PIECES = ["Mr", "Dr", "J", "U.S", "said", "He", " ", "  ", ".", "!", "?", ")", "(", "]", "\"", "'",
                   "\u201c", "\u201d", "\u2019", "\n", "\u2009", "a", "B", "x."]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=25).map("".join), st.integers(0, 40),
       st.integers(0, 40), st.booleans())
def test_the_last_sentence_end_is_the_one_a_forward_search_keeps_last(text: str, lo: int, hi: int,
                                                                      inner_only: bool) -> None:
    assert last_sentence_end(text, lo, hi, inner_only) == _plain_last_sentence_end(text, lo, hi, inner_only)
