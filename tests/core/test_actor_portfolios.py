"""A title's portfolio ("Secretary of Transportation", "Director of National Intelligence") is part of
the office, not of the person's name after it (`boundaries._past_portfolio`, `_portfolio_evidence`).
Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_title_and_its_portfolio_without_a_name_is_no_person() -> None:
    found = names("He wrote to Maren Ostby, the Secretary of Transportation; she agreed to meet.")
    assert found == {"Maren Ostby": "person"}


def test_a_portfolio_of_several_words_stays_out_of_the_name_after_it() -> None:
    found = names("Then Director of National Intelligence Peter Halvorsen said the report was false.")
    assert found == {"Peter Halvorsen": "person"}


def test_a_one_word_portfolio_before_a_name_still_goes() -> None:
    found = names("The Minister of Finance Ana Lopez resigned on Friday.")
    assert found == {"Ana Lopez": "person"}


def test_common_words_between_two_title_words_are_part_of_one_title() -> None:
    found = names("Zentrik's Chief Technical Officer Dana Miles wrote that the project would end.")
    assert "Technical" not in found and found.get("Dana Miles") == "person"


def test_a_forename_between_two_titles_is_still_a_name() -> None:
    found = names("Chief Inspector Ana Voss met Officer Dan Reyes in the station.")
    assert {"Ana Voss", "Dan Reyes"} <= set(found)
