"""The edges of a name (`boundaries.split_runs`, `filtering`): post-nominal letters after a person's name
are not part of it, a title before it is not either, and a direction word opening an organisation's name
("Northern … Tribe") is part of it."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_post_nominal_letters_are_dropped_from_a_persons_name() -> None:
    assert names("Prosecutor Jane Holloway QC told the court the men were guilty.") == {"Jane Holloway": "person"}
    assert names("The award went to Peter Quill OBE in March.") == {"Peter Quill": "person"}


def test_elder_before_a_name_is_a_title() -> None:
    assert names("The ceremony was led by Elder Marcus Greyfeather on Sunday.") == {"Marcus Greyfeather": "person"}


def test_a_direction_word_opens_an_organisation_ending_in_tribe() -> None:
    found = names("The Northern Kiowa Tribe and the Eastern Pawnee Nation share the land.")
    assert found == {"Northern Kiowa Tribe": "organisation", "Eastern Pawnee Nation": "organisation"}
