"""`find_runs`'s shortcuts change nothing, on generated paragraphs: a paragraph with no mark the bisection
sees gets no run from the pairing (double or single marks); without a single mark the double-quoted runs
come in the order the single-mark pass sorted them into; a paragraph that opens with neither a capital
nor a bracket is no epigraph; and words counted up to a limit (`modifies_noun`) tell a run over it as a full
count does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes.quotations import (
    _DOUBLE_STARTS,
    _SINGLE_MARKS,
    EPIGRAPH_RE,
    MODIFIER_MAX_WORDS,
    _add_single_runs,
    _marked,
    _pair_double,
    mark_positions,
)

PIECES = ["said", "Ann", "“", "”", '"', "'", "’", "‘", "``", "''", "«", "»", "„", "it's", "—", "[", "...", ",", ".",
          " ", "(", "Roe's", "x", "\n"]
paragraphs = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), min_size=1, max_size=30).map(
    lambda ps: " ".join(ps).strip() or "x")


@settings(max_examples=300, deadline=None)
@given(paragraphs, st.booleans())
def test_a_paragraph_without_marks_pairs_no_run(text: str, next_opens: bool) -> None:
    doubles, singles = mark_positions(text, _DOUBLE_STARTS), mark_positions(text, _SINGLE_MARKS)
    pe = len(text)
    runs, left_open = _pair_double(text, 0, pe, 0, next_opens, doubles)
    runs = _add_single_runs(text, 0, pe, 0, runs, singles)
    if not (_marked(doubles, 0, pe) or _marked(singles, 0, pe)):
        assert runs == [] and not left_open


@settings(max_examples=300, deadline=None)
@given(paragraphs, st.booleans())
def test_without_single_marks_the_double_runs_are_all_in_order(text: str, next_opens: bool) -> None:
    doubles, singles = mark_positions(text, _DOUBLE_STARTS), mark_positions(text, _SINGLE_MARKS)
    runs, _open = _pair_double(text, 0, len(text), 0, next_opens, doubles)
    assert [r.start for r in runs] == sorted(r.start for r in runs)
    if not _marked(singles, 0, len(text)):
        assert _add_single_runs(text, 0, len(text), 0, runs, singles) == runs


EPIGRAPH_PIECES = ["It", "is", "over.", "—", "–", "--", "Ann Roe", ",", "the mayor", "[It]", "((WN))", "«", "é", "\n"]


@given(st.lists(st.sampled_from(EPIGRAPH_PIECES), min_size=1, max_size=12).map(" ".join))
def test_an_epigraph_opens_with_a_capital_or_a_bracket(text: str) -> None:
    if EPIGRAPH_RE.fullmatch(text):
        assert "A" <= text[0] <= "Z" or text[0] == "["


@given(st.text(alphabet=" \t\n\u00a0\u2003ab,.", max_size=30))
def test_words_counted_to_a_limit_tell_a_longer_run(text: str) -> None:
    assert (len(text.split(None, MODIFIER_MAX_WORDS)) > MODIFIER_MAX_WORDS) == (len(text.split()) > MODIFIER_MAX_WORDS)
