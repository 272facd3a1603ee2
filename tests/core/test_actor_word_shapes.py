"""Word shapes that tell a name from a common word (`filtering`): a field of study is one plain word,
while a word with inner capitals is a coined brand. Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.passes import filtering

from .test_analysis_passes import cand_words, state_after


def test_a_brand_with_a_fields_ending_and_inner_capitals_is_a_candidate() -> None:
    state = state_after("Averages compiled by PollTrackPolitics put him at two percent.", filtering.filter_candidates)
    assert "PollTrackPolitics" in cand_words(state)


def test_a_field_of_study_is_still_no_candidate() -> None:
    state = state_after("She took a degree in Linguistics and a minor in Economics.", filtering.filter_candidates)
    assert cand_words(state) == []


def test_a_sentence_initial_adverb_in_ally_is_no_name() -> None:
    state = state_after("Realistically, the council cannot pay for it this year.", filtering.filter_candidates)
    assert cand_words(state) == []


def test_a_vessel_prefix_written_with_dots_makes_a_ship() -> None:
    text = "The wreck was the U.S.S. Tarnback, found off Okinawa. The Tarnback sank."
    found = {a.name for a in analyse(text).actors}
    assert "Tarnback" not in found and "U.S.S. Tarnback" not in found


def test_an_acronym_in_brackets_spelling_a_nationality_keeps_it_in_the_name() -> None:
    found = {a.name for a in analyse("They signed the African Coastal Fishing Area (AfCFA) pact in May.").actors}
    assert "African Coastal Fishing Area" in found



def test_a_law_named_with_a_complement_after_its_head_is_a_thing() -> None:
    text = "Fines fall under the National Transport Service Regulations for Trams."
    state = state_after(text, filtering.filter_candidates)
    assert [(c.words()[-1], c.thing) for c in state.cands] == [("Trams", True)]
