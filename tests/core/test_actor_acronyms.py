"""Names that need evidence before they count, and the evidence that makes them organisations: an unknown
acronym that speaks (`kinds._acting_acronym`), a name described as a body in apposition or after a noun
for a body (`kinds.appositive_body`, `_named_body`), or before the office of a person it names
(`weighing._office_of`). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_an_unknown_acronym_that_announces_is_an_organisation() -> None:
    found = names("Shoppers queued for hours. KVRO also announced a one-pack limit on Monday.")
    assert found == {"KVRO": "organisation"}


def test_an_unknown_acronym_as_an_object_still_needs_support() -> None:
    assert names("Shoppers queued for hours because of the KVRO rules on Monday.") == {}


def test_a_roman_numeral_never_speaks() -> None:
    assert names("Shoppers queued. XVII said nothing that year.") == {}


def test_a_name_described_as_a_body_in_apposition_is_an_organisation() -> None:
    found = names("Shoppers queued. ZorvKiK, the Danish consumer agency, has approved the sale.")
    assert found == {"ZorvKiK": "organisation"}


def test_an_apposition_headed_by_a_role_is_no_body() -> None:
    from newsreader.analysis.passes.kinds import appositive_body
    text = "Vrell, the party leader, spoke."
    assert not appositive_body(text, len("Vrell"))
    assert appositive_body("Vrell, a small Danish startup, spoke.", len("Vrell"))


def test_a_name_after_a_trade_noun_is_a_company() -> None:
    found = names("Gas will be sold to the Greek gas supplier VORA under the deal.")
    assert found == {"VORA": "organisation"}


def test_a_name_after_a_noun_for_a_band_or_team_is_an_organisation() -> None:
    found = names("He was the drummer of the rock band Zelkova, which split in 1970.")
    assert found == {"Zelkova": "organisation"}


def test_a_name_before_the_office_of_a_named_person_is_an_organisation() -> None:
    # shaped like a surname ("Thomas"), "Qantas" was taken for a person; the office after it makes it a body
    text = ('Qantas has moved to assure travellers there will be no delays, despite threats of a strike. Qantas '
            'maintenance workers have rejected the offer. As talks continue, Qantas Chief Executive Geoff Dixon has '
            'expressed his disappointment. Mr Dixon says Qantas flights will not be disrupted.')
    assert names(text) == {"Qantas": "organisation", "Geoff Dixon": "person"}
    assert names(text.replace("Chief Executive", "spokesman")) == {"Qantas": "organisation", "Geoff Dixon": "person"}


def test_a_place_before_an_office_stays_a_place() -> None:
    found = names("Texas governor Greg Abbott said the state would help. Texas has funds.")
    assert found == {"Texas": "place", "Greg Abbott": "person"}


def test_a_two_word_name_after_a_body_noun_is_typed_an_organisation() -> None:
    found = names("He sang with the rock band Copper Thistle for years. Copper Thistle toured in 1970.")
    assert found == {"Copper Thistle": "organisation"}
