"""A party's adjective before a lower-case "party" names that party (`filtering._party_named`).
Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_the_adjective_and_lower_case_party_name_an_organisation() -> None:
    found = names("She led the panel while the Liberal party held the council.")
    assert found.get("Liberal party") == "organisation"


def test_the_adjective_alone_is_no_actor() -> None:
    assert names("Liberal councillors voted against the plan on Monday.") == {}


def test_the_lower_case_and_capitalised_forms_are_one_actor() -> None:
    found = names("The Liberal Party won the seat. Later the Liberal party lost it.")
    assert len(found) == 1 and list(found.values()) == ["organisation"]


def test_of_two_spellings_in_different_case_the_capitalised_one_is_the_name() -> None:
    found = names("The Liberal party won the seat. Later the Liberal party lost it, and the Liberal Party wept.")
    assert found == {"Liberal Party": "organisation"}
