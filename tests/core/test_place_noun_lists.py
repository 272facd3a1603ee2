""""The towns of Beni, Mangina and Katwa": the place-noun test of the kinds pass says what its plain
formulation says.

`_after_place_noun` looks at the whole word before the last " of " and matches the list after it, instead
of searching for every place noun at every character of the window; the property test holds it to the
plain search it replaced, over open-ended text and mention starts.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes.kinds import PLACE_NOUNS, _after_place_noun

PLAIN_PLACE_LIST_RE = re.compile(r"\b(?:{}) of (?:[A-Z][\w'-]*(?: [A-Z][\w'-]*)*(?:,? and |,? or |, ))*$".format(
    "|".join(sorted(PLACE_NOUNS))))


def _plain_after_place_noun(text: str, start: int) -> bool:
    return PLAIN_PLACE_LIST_RE.search(text, max(0, start - 160), start) is not None


PIECES = ["town", "towns", "the", "hometown", "city", "_town", "-town", " of ", "of", " ", ", ", " and ", ",",
          " or ", "Beni", "Katwa", "Mangina", "X", "a", "\n", "é", "1"]
texty = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(texty, st.integers(0, 200))
def test_after_place_noun_matches_the_plain_search(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _after_place_noun(text, start) == _plain_after_place_noun(text, start)


def test_a_place_noun_and_of_before_a_list_of_names() -> None:
    text = "fighting in the towns of Beni, Butembo, Mangina and Katwa"
    assert _after_place_noun(text, text.index("Katwa"))
    assert not _after_place_noun("the hometown of Katwa", len("the hometown of "))
    assert not _after_place_noun("the towns of Beni, butembo and Katwa", len("the towns of Beni, butembo and "))
    long_gap = "the town of " + "Beni, " * 30
    assert _after_place_noun(long_gap, len(long_gap)) == _plain_after_place_noun(long_gap, len(long_gap))
