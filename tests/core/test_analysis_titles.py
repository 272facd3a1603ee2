"""Titles (`titles.yaml`, read by `boundaries.split_runs`): a title before a name is no part of it."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_an_irish_head_of_government_title_is_a_title() -> None:
    assert names("He flew to Dublin to meet Taoiseach Ciaran Dunne on Monday.") == {
        "Dublin": "place", "Ciaran Dunne": "person"}


def test_a_trailing_office_title_leaves_the_organisation_and_the_person() -> None:
    found = names("The order came from Harbour Police Commandant Admiral Tomas Reyes on Monday.")
    assert found.get("Harbour Police") == "organisation" and found.get("Tomas Reyes") == "person"


def test_an_attorney_title_is_no_part_of_the_name() -> None:
    assert "Maria Kovac" in names("District Attorney Maria Kovac said the case was closed.")


def test_a_lower_case_particle_stays_inside_a_name() -> None:
    assert "Ramon dela Cruz" in names("Mayor Ramon dela Cruz said the road was closed.")


def test_a_patrol_is_an_organisation_head_after_a_place() -> None:
    assert names("Troopers from the Nevada Highway Patrol closed the road.") == {
        "Nevada Highway Patrol": "organisation"}


def test_an_elided_particle_keeps_the_surname_in_the_name() -> None:
    assert names("Biologist Chiara d'Orsini studies ants in Rome.")["Chiara d'Orsini"] == "person"
    assert names("The critic Jean le Rond d’Amico wrote it.") == {"Jean le Rond d’Amico": "person"}


def test_a_lower_case_elided_word_is_no_name() -> None:
    assert names("They said d'accord and left Lyon.") == {"Lyon": "place"}


def test_a_place_name_after_a_title_is_the_surname_the_article_gave_a_forename() -> None:
    text = ("Coast Guard Captain Monica Rochester spoke on Tuesday. Later, Captain Rochester said the search "
            "was over.")
    actors = {a.name: [m.text for m in a.mentions] for a in analyse(text).actors}
    assert "Captain Rochester" not in actors and "Rochester" in actors["Monica Rochester"]


def test_a_title_before_a_name_with_post_nominal_letters_is_a_title_even_before_a_place_word() -> None:
    names = {a.name: a.kind for a in analyse("Judge Durham Hall QC said the men had shown no remorse.").actors}
    assert names == {"Durham Hall": "person"}


def test_a_closing_i_after_a_surname_is_the_speakers_pronoun() -> None:
    found = {a.name for a in analyse("Marta Velkova I am a professor in the department of history.").actors}
    assert found == {"Marta Velkova"}


def test_a_closing_i_after_a_given_name_is_a_regnal_numeral() -> None:
    assert "John Paul I" in {a.name for a in analyse("Pope John Paul I died in 1978.").actors}


def test_a_title_word_before_a_generational_suffix_is_a_surname() -> None:
    found = {a.name for a in analyse("Arnold Peter King Jr. spoke in Selma on Monday.").actors}
    assert "Arnold Peter King Jr." in found


def test_a_suffix_set_off_by_a_comma_is_no_name_of_its_own() -> None:
    found = {a.name for a in analyse("The firm sued Attorney Cyril R. Vantz, Jr. and his partners.").actors}
    assert "Jr" not in found and "Cyril R. Vantz" in found


def test_a_style_of_address_is_a_title_before_a_name() -> None:
    text = "The court voided the oath of the Honorable Rosa M. Quintero Vidal."
    found = {a.name: a.kind for a in analyse(text).actors}
    assert found == {"Rosa M. Quintero Vidal": "person"}
