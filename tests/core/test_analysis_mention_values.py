"""A `Mention` is a value: equal and hashed by its offsets and text (it is made without `frozen` for speed,
so the hash is asked for explicitly), so reported mentions dedupe in sets and serve as dict keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreader.analysis.model import Mention

mentions = st.builds(Mention, st.integers(0, 50), st.integers(0, 50), st.sampled_from(["Hu", "he", "Ken Hu"]))


@given(mentions, mentions)
def test_mentions_are_values(a: Mention, b: Mention) -> None:
    same = (a.start, a.end, a.text) == (b.start, b.end, b.text)
    assert (a == b) is same
    assert (len({a, b}) == 1) is same
    assert hash(a) == hash(Mention(a.start, a.end, a.text))
