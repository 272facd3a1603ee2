"""`kinds._team_name` asks its place loop only when a city's or a state's first word opens the name; the
property test holds it to the loop alone (the rule as first written) over names built from place words,
forenames, common nouns and plurals, so the first-word test never turns a team away."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.kinds import _place_then_noun, _team_name


WORDS = ["New", "York", "Salt", "Lake", "City", "Utah", "Jazz", "Houston", "Rockets", "Dallas", "Banks", "Paris",
         "Mary", "Texas", "Instruments", "Windsor", "Locks", "Heat", "Kansas", "San", "Antonio", "Spurs", "of", "The"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), st.sampled_from(["", "The Rockets won.", "the Banks"]))
def test_the_first_word_test_turns_no_team_away(words: list[str], text: str) -> None:
    lex = lexicon()
    assert _team_name(words, text, lex) == _place_then_noun(words, text, lex)


def test_a_place_of_several_words_opens_a_team() -> None:
    assert _team_name(["Salt", "Lake", "City", "Stars"], "", lexicon()) == _place_then_noun(
        ["Salt", "Lake", "City", "Stars"], "", lexicon())
    assert _team_name(["Kansas", "City", "Chiefs"], "", lexicon())
