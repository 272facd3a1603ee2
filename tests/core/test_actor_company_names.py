"""A company called by its name without its legal form is the company its full name names
(`coreference.company_short_names`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def cast(text: str) -> dict[str, list[str]]:
    return {a.name: a.aliases for a in analyse(text).actors}


def test_the_name_without_legal_form_and_sector_word_is_the_company() -> None:
    got = cast("Brelmont Motor Company recalled 9,000 vans on Tuesday. Later, Brelmont said the brakes were fine.")
    assert got == {"Brelmont Motor Company": ["Brelmont"]}


def test_a_surname_of_a_person_of_the_article_stays_the_persons() -> None:
    got = cast("Harold Brelmont founded Brelmont Motor Company in 1910. Later, Brelmont said he was proud.")
    assert got["Harold Brelmont"] == ["Brelmont"] and got["Brelmont Motor Company"] == []


def test_a_name_that_opens_two_company_names_joins_neither() -> None:
    got = cast("Quarvex Steel Ltd and Quarvex Chemicals Inc. merged in May. Later, Quarvex said more jobs would go.")
    assert "Quarvex" in got


def test_incorporated_ends_a_firms_name_like_inc() -> None:
    # every word is a common word, but the legal form makes the name a firm's
    found = {a.name: a.kind for a in analyse("He left Harbour Lights Incorporated in 1962, Ann Cole said.").actors}
    assert found.get("Harbour Lights Incorporated") == "organisation"
