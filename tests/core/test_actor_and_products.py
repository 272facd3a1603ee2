"""Names with an inner "and" (`boundaries`, `kinds`) and products named by a brand and a model. Made-up
sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_a_lone_common_noun_after_and_continues_the_name() -> None:
    found = names("Crews from Varnby Fire and Rescue arrived. Lena Holt of Varnby Fire and Rescue said it was out.")
    assert found == {"Varnby Fire and Rescue": "organisation", "Lena Holt": "person"}


def test_coordinated_common_nouns_name_a_body_not_a_place() -> None:
    found = names("A robot was ordered from Kellby Search and Rescue on Monday.")
    assert found == {"Kellby Search and Rescue": "organisation"}


def test_an_acronym_led_conjunct_after_of_is_a_second_name() -> None:
    found = names("Scientists from the University of Dunmore and UC Ferris say zebras confuse flies.")
    assert found == {"University of Dunmore": "organisation", "UC Ferris": "organisation"}


def test_common_nouns_after_of_still_continue_one_name() -> None:
    found = names("Students at the Academy of Painting and Sculpture in Lyon met Lena Holt.")
    assert found.get("Academy of Painting and Sculpture") == "organisation"


def test_two_complete_names_joined_by_and_stay_two() -> None:
    found = names("Lena Holt and Marta Quill met officials of Pellcorp Motors and Dorvik Analytics.")
    assert {"Lena Holt", "Marta Quill", "Pellcorp Motors", "Dorvik Analytics"} <= set(found)


def test_a_brand_and_a_model_code_name_a_product_not_an_actor() -> None:
    found = names("Lena Holt drove the Volvo XC90 home. The files sat on Amazon S3 Buckets for a year.")
    assert found == {"Lena Holt": "person"}


def test_the_model_without_its_brand_is_no_actor_either() -> None:
    text = "The new Boeing 737 Max was not airworthy. A feature on the 737 Max forced the nose down."
    assert names(text) == {}


def test_a_brand_the_article_names_on_its_own_stays_an_actor() -> None:
    found = names("The new Boeing 737 Max was grounded. Boeing said the 737 Max was safe, Max Lund said.")
    assert found == {"Boeing": "organisation", "Max Lund": "person"}


def test_a_lone_digit_after_a_name_numbers_a_body_not_a_model() -> None:
    found = names("Deputies of Movimento 5 Stelle met Lena Holt on Monday.")
    assert "Lena Holt" in found and any(n.startswith("Movimento") for n in found)


def test_a_model_year_before_a_brand_and_model_marks_a_product() -> None:
    found = names("The fire started in a recalled 2005 Vantrell Zorva, NRK reported.")
    assert found == {"NRK": "organisation"}


def test_a_number_of_people_before_a_name_is_no_model_year() -> None:
    found = names("The 2005 report named Lena Holt. In 2019 Marta Quill said it was wrong.")
    assert found == {"Lena Holt": "person", "Marta Quill": "person"}


def test_a_title_after_and_is_no_part_of_the_name_before_it() -> None:
    found = names("The manager of Varnby Publicity and Director of Kellby Tourism Partnership, Lena Holt, spoke.")
    assert "Varnby Publicity and Director" not in found and "Lena Holt" in found


def test_dictionary_words_after_a_known_organisation_name_its_product() -> None:
    assert names("The SpaceX Cargo Falcon docked on Sunday. The Cargo Falcon stays.") == {"SpaceX": "organisation"}
