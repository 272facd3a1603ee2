"""Capitalised words after the number of a section of a text are that section's heading, not an actor
(`filtering._section_heading`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_heading_after_a_section_sign_is_no_person() -> None:
    found = names("The notice cited 12 U.S. Code § 4410 Tampering of metering devices, said Jane Doe.")
    assert found == {"Jane Doe": "person"}


def test_a_heading_after_a_section_sign_written_close_is_no_person() -> None:
    assert names("Their letter invoked §88 Concealment of accounts before the board.") == {}


def test_a_heading_after_a_numbered_article_is_no_actor() -> None:
    found = names("Under Article 12 Safeguarding of minors the council acted, said Ann Cole.")
    assert found == {"Ann Cole": "person"}


def test_a_name_after_an_ordinary_number_is_still_a_name() -> None:
    found = names("In 2019 Ann Cole met Bob Lee in Paris.")
    assert found.keys() >= {"Ann Cole", "Bob Lee"}
