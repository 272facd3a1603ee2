"""A compass point capitalised after "the" and standing alone names a region (`kinds._compass_region`).
Made-up sentences only."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_the_west_standing_alone_is_a_region() -> None:
    assert names("Her novels sold well in the West, Ann Cole said.").get("West") == "place"


def test_the_south_before_a_function_word_is_a_region() -> None:
    assert names("The family moved to the South in 1950 and stayed.").get("South") == "place"


def test_a_compass_point_modifying_a_noun_is_no_region() -> None:
    assert "West" not in names("The guests met in the West wing of the old house.")


def test_the_north_after_a_place_named_with_it_is_no_region_of_its_own() -> None:
    found = names("North Ruritania tested a rocket. Officials in the North denied it.")
    assert "North" not in found
