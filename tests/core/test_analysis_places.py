"""Places: the generated gazetteer and the place rules on made-up sentences."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_two_cities_joined_by_a_hyphen_are_one_place() -> None:
    assert names("Fans came from Kitchener-Waterloo and from Toronto.") == {
        "Kitchener-Waterloo": "place", "Toronto": "place"}


def test_two_countries_or_nationalities_joined_by_a_hyphen_are_no_name() -> None:
    assert names("The US-China talks ended. French-German ties grew.") == {}


def test_a_city_written_without_its_accent_is_a_place() -> None:
    assert names("Her team came from Montreal last year.") == {"Montreal": "place"}
