"""Two names side by side where a fronted phrase ends without its comma ("on Twitter West accused …")
are split (`boundaries._glued_surname`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_an_organisation_and_a_surname_written_after_a_forename_are_two_names() -> None:
    found = names("Marta Kowalczyk arrived in Warsaw. Speaking to Reuters Kowalczyk said she was tired.")
    assert found == {"Marta Kowalczyk": "person", "Warsaw": "place", "Reuters": "organisation"}


def test_a_known_organisation_before_a_surname_with_a_common_forename_is_split() -> None:
    found = names("Peter Vendrell won the race. In an interview with Reuters Vendrell said he was tired.")
    assert "Reuters Vendrell" not in found and found.get("Reuters") == "organisation"


def test_a_place_that_is_a_forename_opens_a_persons_name() -> None:
    found = names("Paris Hilton arrived at noon. Later Paris Hilton left with Nicky Hilton.")
    assert "Paris Hilton" in found


def test_without_a_surname_elsewhere_the_pair_is_left_alone() -> None:
    found = names("She flew in on a Reuters Vendrell charter. Reuters Vendrell is a small airline.")
    assert "Reuters" not in found


def test_a_surname_of_a_name_given_a_role_counts_as_evidence() -> None:
    found = names("That day, rapper Zayvo Kessel made an announcement. In a post on Twitter Kessel accused "
                  "the mayor of lying.")
    assert found == {"Zayvo Kessel": "person", "Twitter": "organisation"}
