"""A name followed by a comma and the state or country it lies in is a place there, whatever its words
(`kinds._placed_in_region`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_common_words_before_a_state_name_a_place() -> None:
    assert names("Rallies were held in East Hollow, Vermont, and elsewhere.").get("East Hollow") == "place"


def test_a_person_listed_with_a_state_stays_a_person() -> None:
    assert names("Senators John Cornyn, Texas, and others voted against it.").get("John Cornyn") == "person"


def test_a_body_before_a_state_stays_a_body() -> None:
    assert names("He studied at Acme University, Texas, for years.").get("Acme University") == "organisation"


def test_a_forename_and_surname_listed_with_a_state_is_no_place() -> None:
    found = names("Senators Helen Marsh, Texas, and Ann Cole, Ohio, voted against the bill.")
    assert found.get("Ann Cole") == "person" and found.get("Helen Marsh") == "person"
