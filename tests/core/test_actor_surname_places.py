"""A person whose surname is also a place's name stays a person (`coreference.person_names`,
`kinds.locative_places`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_place_frame_around_the_surname_alone_speaks_of_the_place() -> None:
    found = names("Harold Washington led the union for years. Later a new hall was built in Washington.")
    assert found.get("Harold Washington") == "person"


def test_a_surname_the_gazetteer_knows_as_a_town_casts_no_place_vote() -> None:
    found = names("Dana Bolton wrote a book. Bolton said the talks failed. She grew up in Bolton.")
    assert found.get("Dana Bolton") == "person"


def test_the_town_alone_is_still_a_place() -> None:
    assert names("Officials in Bolton said the roads were closed.") == {"Bolton": "place"}


def test_a_name_that_opens_with_a_places_name_keeps_the_places_votes() -> None:
    found = names("Trains to London Waterloo were cancelled. Services through Waterloo stopped in Waterloo.")
    assert found.get("London Waterloo") != "person"
