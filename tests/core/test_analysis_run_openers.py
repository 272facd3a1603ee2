"""`capitalised_runs` visits only the words that may open a run and the words while one is open
(`runs._visits`): on generated text its runs and name heads are those of the loop over every word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings

from newsreader.analysis.passes import runs
from tests.core.generated_articles import state_before, word_texts

WORDS = ["Ann", "Lee", "the", "of", "van", "de", "Beethoven", "Secretary", "State", "Sheriff's", "Office",
         "Luxembourg-based", "Trump-style", "al-Assad", "d'Ettorre", "1st", "Fleet", "Area", "51", "52", "$",
         "US$", "Photo", "Image", "said", "St", "F", "Mr", "Pat", "Di", "Cicco", "don't", "e-mail", "2020",
         "People's", "Party", "co-op", "Children's", "Hospital", "i"]
GAPS = [" ", " ", " ", ". ", ", ", ": ", "\n\n", ' "', '" ', "'s ", " - "]
texts = word_texts(WORDS, GAPS, min_size=1, max_size=60)


def _every_word(openers: list[int], n: int, cur: list[int]) -> Iterator[int]:
    """The loop before `_visits`: every word of the body, in order."""
    return iter(range(n))


@settings(max_examples=500, deadline=None)
@given(texts)
def test_runs_from_the_openers_are_the_runs_from_every_word(text: str) -> None:
    fast = state_before(text, "capitalised_runs")
    runs.capitalised_runs(fast)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(runs, "_visits", _every_word)
        slow = state_before(text, "capitalised_runs")
        runs.capitalised_runs(slow)
    assert fast.runs == slow.runs
    assert fast.heads == slow.heads


def test_a_lower_case_word_opens_no_visit_but_a_run_reads_the_word_after_it() -> None:
    state = state_before("then Ludwig van Beethoven said so and left.", "capitalised_runs")
    assert [state.doc.texts[i] for i in runs._openers(state)] == ["Ludwig", "Beethoven"]
    runs.capitalised_runs(state)
    assert [[state.doc.texts[i] for i in r] for r in state.runs] == [["Ludwig", "van", "Beethoven"]]
