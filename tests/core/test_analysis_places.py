"""Places: the generated gazetteer and the place rules on made-up sentences."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_two_cities_joined_by_a_hyphen_are_one_place() -> None:
    assert names("Fans came from Kitchener-Waterloo and from Toronto.") == {
        "Kitchener-Waterloo": "place", "Toronto": "place"}


def test_two_countries_or_nationalities_joined_by_a_hyphen_are_no_name() -> None:
    assert names("The US-China talks ended. French-German ties grew.") == {}


def test_a_city_written_without_its_accent_is_a_place() -> None:
    assert names("Her team came from Montreal last year.") == {"Montreal": "place"}


def test_a_name_before_its_country_or_state_is_a_place() -> None:
    found = names("The mayor of Velostra, Greece, resigned on Monday.")
    assert found["Velostra"] == "place"


def test_names_after_a_place_noun_and_of_are_places_down_the_list() -> None:
    found = names("Patients came from the towns of Amboru, Tekeli, Mangrove Hill and Osuwa last week.")
    assert all(found[n] == "place" for n in ("Amboru", "Tekeli", "Osuwa"))


def test_a_name_things_happen_nearby_is_a_place() -> None:
    assert names("In nearby Hikora, a camp opened for visitors.") == {"Hikora": "place"}


def test_a_titled_person_or_a_speaker_before_a_state_stays_a_person() -> None:
    found = names("Senator Ann Velo, Texas, said the bill would pass. Velo said so again.")
    assert found["Ann Velo"] == "person"


def test_a_name_before_a_regional_body_noun_is_a_place() -> None:
    found = {a.name: a.kind for a in analyse(
        "Ramesh Kumar of the Kiran assembly said it was airborne.").actors}
    assert found == {"Ramesh Kumar": "person", "Kiran": "place"}


def test_a_name_before_a_noun_for_a_territory_is_a_place() -> None:
    # two capitalised words, shaped like a person's name: "the … region" and "the … area" make it a place
    text = ("Fighters were trapped in the Kora Vela region on Monday. The battle for Kora Vela was fierce. "
            "Troops searched the Kora Vela area for a week.")
    assert names(text) == {"Kora Vela": "place"}


def test_a_name_a_bearing_is_taken_from_is_a_place() -> None:
    # two capitalised words shaped like a person's name; "west of" makes them a place
    assert names("An area west of Windy Gully was burnt. Crews reached Windy Gully later.") == {"Windy Gully": "place"}


def test_mt_without_a_full_stop_opens_a_place() -> None:
    assert names("Operations were carried out in parts of Mt Kembla on Monday.") == {"Mt Kembla": "place"}


def test_a_body_before_a_regional_body_noun_keeps_its_kind() -> None:
    # a party has ministers too: "Labour ministers" does not make Labour a place
    found = {a.name: a.kind for a in analyse("Two Labour ministers resigned on Monday.").actors}
    assert found == {"Labour": "organisation"}


def test_a_reservation_is_a_place() -> None:
    found = {a.name: a.kind for a in analyse("The tribe lives on the Elk Creek Reservation in Wyoming.").actors}
    assert found == {"Elk Creek Reservation": "place", "Wyoming": "place"}
