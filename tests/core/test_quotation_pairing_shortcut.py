"""`find_runs` pairs the marks of a paragraph only where a mark stands: on generated paragraphs, one with no
mark the bisection sees gets no run from the pairing (double or single marks), so skipping it changes
nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes.quotations import (
    _DOUBLE_STARTS,
    _SINGLE_MARKS,
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
