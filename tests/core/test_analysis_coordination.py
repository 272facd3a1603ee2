"""Coordinated names (`boundaries.join_organisations`): "A and B" or "A, B and C" is one name only on
evidence — the article's own acronym spells it, or the gazetteer writes the place with "and"."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.actors import ACTOR_PASSES
from newsreader.analysis.passes import boundaries
from newsreader.analysis.state import DocState
from newsreader.analysis.text import tokenize


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def joined(text: str) -> list[str]:
    state = DocState(tokenize(text))
    for step in ACTOR_PASSES[:ACTOR_PASSES.index(boundaries.join_organisations) + 1]:
        step(state)
    return [text[c.start:c.end] for c in state.cands]


def test_an_acronym_spelling_both_conjuncts_makes_one_organisation() -> None:
    found = names("The Acme Securities and Exchange Board (SEB) fined the bank. The SEB said so.")
    assert found == {"Acme Securities and Exchange Board": "organisation"}


def test_an_acronym_joins_a_comma_list_ending_in_and() -> None:
    text = "Members of the Union of Rail, Harbour and Canal Workers went on strike, the URHCW said."
    assert "Union of Rail, Harbour and Canal Workers" in joined(text)


def test_without_an_acronym_two_bodies_stay_two() -> None:
    found = names("Leaders of the Labour Party and Green Party met in Leeds on Monday.")
    assert "Labour Party" in found and "Green Party" in found
    assert not any(" and " in n for n in found)


def test_an_acronym_inside_one_conjunct_joins_nothing() -> None:
    # "UWA" spells words of the first part only: no evidence that the two names are one
    text = "The University of Western Australia and Stanford University signed a deal, UWA said."
    assert "University of Western Australia and Stanford University" not in joined(text)


def test_a_place_written_with_and_is_one_place() -> None:
    assert names("The team flew to Trinidad and Tobago last week.") == {"Trinidad and Tobago": "place"}
    assert names("Officials from Bosnia and Herzegovina met in Zagreb.")["Bosnia and Herzegovina"] == "place"
