"""Names that need evidence before they count, and the evidence that makes them organisations: an unknown
acronym that speaks (`kinds._acting_acronym`), a name described as a body in apposition or after a noun
for a body (`kinds.appositive_body`, `_named_body`). Made-up sentences only."""

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


def test_a_two_word_name_after_a_body_noun_is_typed_an_organisation() -> None:
    found = names("He sang with the rock band Copper Thistle for years. Copper Thistle toured in 1970.")
    assert found == {"Copper Thistle": "organisation"}
