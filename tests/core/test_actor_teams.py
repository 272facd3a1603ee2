"""A place's name before a common noun names a team or a firm of that place, not a person (`kinds`).
Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.kinds import _team_name


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_place_and_a_collective_noun_is_a_team() -> None:
    found = names("The Utah Jazz beat the Boston Celtics on Monday night in a close game.")
    assert found == {"Utah Jazz": "organisation", "Boston Celtics": "organisation"}


def test_a_place_that_is_also_a_forename_names_a_team_the_article_calls_the_plural() -> None:
    found = names("The Houston Rockets lost again. The Rockets were tired after the long trip.")
    assert found.get("Houston Rockets") == "organisation"


def test_a_forename_place_before_a_plural_surname_stays_a_person() -> None:
    lex = lexicon()
    # no "the Banks" in the article: a person named Dallas Banks, not a team
    assert not _team_name(["Dallas", "Banks"], "Dallas Banks said it would rain. Banks was sure.", lex)
    assert _team_name(["Dallas", "Banks"], "Dallas Banks won. The Banks were sure.", lex)


def test_a_forename_after_the_place_makes_a_person() -> None:
    assert not _team_name(["London", "Mary", "Shell"], "London Mary Shell spoke.", lexicon())
    assert names("Reporters followed Paris Hilton through the airport.") == {"Paris Hilton": "person"}


def test_a_town_named_like_a_team_is_a_place_when_things_happen_in_it() -> None:
    found = names("A barn burned near the depot in Boston Locks on Monday. Boston Locks officials said so.")
    assert found.get("Boston Locks") == "place"


def test_a_city_spelt_like_a_forename_opens_a_team_the_article_calls_by_its_plural() -> None:
    # "Orlando" is a forename, so the gazetteer keeps it out of its cities; the team rule still knows it,
    # and "the Pelicans" (a plural no word list needs to hold) says a team is meant
    assert "Orlando" in lexicon().forename_cities and "Orlando" not in lexicon().cities
    found = names("The Orlando Pelicans beat a weak side on Friday. The Pelicans travel next week.")
    assert found.get("Orlando Pelicans") == "organisation"


def test_a_city_spelt_like_a_forename_before_a_surname_stays_a_person() -> None:
    assert names("Orlando Whitcombe said the bridge would open in May.") == {"Orlando Whitcombe": "person"}
