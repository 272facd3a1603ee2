"""Photo credits (`kinds.credited_people`): the name a credit gives is a person's, unless it names a body."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_the_name_in_a_photo_credit_is_a_person() -> None:
    assert names("The mayor opened the bridge on Monday.\n\nThe new bridge. Image: Tomas Verhoef.") == {
        "Tomas Verhoef": "person"}


def test_a_body_in_a_photo_credit_stays_an_organisation() -> None:
    assert names("The probe landed on Monday.\n\nThe landing site. Image: NASA.") == {"NASA": "organisation"}
