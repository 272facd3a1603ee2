"""Place names by their head word or prefix, and nationalities of two words (`kinds`, `filtering`, the
`place_heads`/`place_prefixes` lists). Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_divisions_named_in_their_countrys_word_are_places() -> None:
    found = names("Floods reached Velikov Oblast and the Darna Governorate on Monday.")
    assert found == {"Velikov Oblast": "place", "Darna Governorate": "place"}


def test_natural_and_worked_features_are_places() -> None:
    found = names("Divers searched the Talwyn Estuary near the Corran Mine on Sunday.")
    assert found == {"Talwyn Estuary": "place", "Corran Mine": "place"}


def test_a_nationality_of_two_words_is_no_actor() -> None:
    assert names("Puerto Rican officials met Costa Rican envoys in the capital.") == {}


def test_a_place_prefix_before_an_organisation_head_names_a_body() -> None:
    found = names("The Port Authority of Velmar closed the docks near Mount Kessin.")
    assert found == {"Port Authority of Velmar": "organisation", "Mount Kessin": "place"}
