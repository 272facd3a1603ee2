"""`kinds._team_name` asks its place loop only when a city's or a state's first word opens the name; the
property test holds it to the loop alone (the rule as first written) over names built from place words,
forenames, common nouns and plurals, so the first-word test never turns a team away."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.lexicon import Lexicon, lexicon
from newsreader.analysis.passes.kinds import _plural_of_common, _team_name


def plain_team_name(words: list[str], text: str, lex: Lexicon) -> bool:
    for k in range(1, min(len(words) - 1, 3) + 1):
        rest = words[k:]
        place = " ".join(words[:k])
        if len(rest) > 2 or not (place in lex.cities or place in lex.states):
            continue
        if any(lex.forename_evidence(w) or w.lower() in lex.function_words for w in rest):
            return False
        noun = rest[-1].lower()
        plural = _plural_of_common(noun, lex)
        if not plural and noun not in lex.common_words:
            return False
        return not lex.forename_evidence(words[0]) if not plural else \
            not lex.forename_evidence(words[0]) or f"the {rest[-1]}" in text or f"The {rest[-1]}" in text
    return False


WORDS = ["New", "York", "Salt", "Lake", "City", "Utah", "Jazz", "Houston", "Rockets", "Dallas", "Banks", "Paris",
         "Mary", "Texas", "Instruments", "Windsor", "Locks", "Heat", "Kansas", "San", "Antonio", "Spurs", "of", "The"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), st.sampled_from(["", "The Rockets won.", "the Banks"]))
def test_the_first_word_test_turns_no_team_away(words: list[str], text: str) -> None:
    lex = lexicon()
    assert _team_name(words, text, lex) == plain_team_name(words, text, lex)


def test_a_place_of_several_words_opens_a_team() -> None:
    assert _team_name(["Salt", "Lake", "City", "Stars"], "", lexicon()) == plain_team_name(
        ["Salt", "Lake", "City", "Stars"], "", lexicon())
    assert _team_name(["Kansas", "City", "Chiefs"], "", lexicon())
