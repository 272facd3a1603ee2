"""Filtering names in headlines and the people a group word counts (`passes/filtering.py`): a headline's
first word is kept when the body writes the whole name again; a title left after a dropped opener is no
person; the members of a party, a faith or a people ("Tatars", "Senate Democrats") are no actor."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.passes import filtering

from .test_analysis_passes import cand_words, state_after


def names(text: str, title: str = "") -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text, title=title).actors}


def test_a_headline_opener_the_body_repeats_with_the_name_stays_in_it() -> None:
    body = "Born in a small town, Yorvin Tal Bessamy taught music. Later Yorvin Tal Bessamy moved to Lyon."
    got = names(body, title="Yorvin Tal Bessamy")
    assert "Yorvin Tal Bessamy" in got and "Tal Bessamy" not in got


def test_a_headline_opener_that_is_a_common_word_is_still_dropped() -> None:
    state = state_after("Former Glenmark Holdings\n\nShares of Glenmark Holdings fell, Reuters said.",
                        filtering.filter_candidates)
    assert "Glenmark Holdings" in cand_words(state) and "Former Glenmark Holdings" not in cand_words(state)


def test_a_title_left_after_a_headline_opener_is_no_person() -> None:
    body = "Former Deputy Chief Minister Arlo Vantis died on Monday. The Deputy Chief Minister was 64."
    got = names(body, title="Ex Deputy Chief Minister of Vantoria dies aged 64")
    assert "Chief Minister" not in got and "Deputy Chief Minister" not in got


def test_a_people_named_by_a_plural_adjective_is_no_actor() -> None:
    state = state_after("In the steppe the Tatars kept horses, said Ilya Brandt.", filtering.filter_candidates)
    assert "Tatars" not in cand_words(state)


def test_a_bodys_party_members_are_no_organisation() -> None:
    state = state_after("The bill was blocked by Senate Democrats on Tuesday.", filtering.filter_candidates)
    assert "Senate Democrats" not in cand_words(state)


def test_a_place_before_a_plural_adjective_names_a_team() -> None:
    state = state_after("He pitched for the Indianapolis Indians that year.", filtering.filter_candidates)
    assert "Indianapolis Indians" in cand_words(state)
