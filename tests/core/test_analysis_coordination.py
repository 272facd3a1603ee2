"""Coordinated names (`boundaries.join_organisations`): "A and B" or "A, B and C" is one name only on
evidence — the article's own acronym spells it, the gazetteer writes the place with "and", or both
conjuncts share one organisation head ("Gas and Electric Company") and the left one is no name alone."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.actors import ACTOR_PASSES
from newsreader.analysis.passes import boundaries
from newsreader.analysis.state import DocState
from newsreader.analysis.text import tokenize


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def joined(text: str) -> list[str]:
    state = DocState(tokenize(text))
    for step in ACTOR_PASSES[:ACTOR_PASSES.index(boundaries.join_organisations) + 1]:
        step(state)
    return [text[c.start:c.end] for c in state.cands]


def test_an_acronym_spelling_both_conjuncts_makes_one_organisation() -> None:
    found = names("The Acme Securities and Exchange Board (SEB) fined the bank. The SEB said so.")
    assert found == {"Acme Securities and Exchange Board": "organisation"}


def test_an_acronym_joins_a_comma_list_ending_in_and() -> None:
    text = "Members of the Union of Rail, Harbour and Canal Workers went on strike, the URHCW said."
    assert "Union of Rail, Harbour and Canal Workers" in joined(text)


def test_without_an_acronym_two_bodies_stay_two() -> None:
    found = names("Leaders of the Labour Party and Green Party met in Leeds on Monday.")
    assert "Labour Party" in found and "Green Party" in found
    assert not any(" and " in n for n in found)


def test_an_acronym_inside_one_conjunct_joins_nothing() -> None:
    # "UWA" spells words of the first part only: no evidence that the two names are one
    text = "The University of Western Australia and Stanford University signed a deal, UWA said."
    assert "University of Western Australia and Stanford University" not in joined(text)


def test_a_place_written_with_and_is_one_place() -> None:
    assert names("The team flew to Trinidad and Tobago last week.") == {"Trinidad and Tobago": "place"}
    assert names("Officials from Bosnia and Herzegovina met in Zagreb.")["Bosnia and Herzegovina"] == "place"


def test_two_conjuncts_sharing_one_head_are_one_organisation() -> None:
    # "Gas" is a sector word, not a whole body: the head "Company" belongs to both conjuncts
    assert names("Power was cut by Northern Gas and Electric Company on Monday.") == {
        "Northern Gas and Electric Company": "organisation"}
    assert "Command and Control Centre" in joined("The Command and Control Centre issued a warning.")


def test_an_inner_and_after_of_may_end_in_a_sector_word() -> None:
    text = "Funds came from the Department of Health and Human Services on Monday."
    assert "Department of Health and Human Services" in joined(text)


def test_conjuncts_that_are_names_of_their_own_stay_apart() -> None:
    assert joined("Google and Microsoft declined to comment.") == ["Google", "Microsoft"]
    assert joined("France and the United Kingdom signed the deal.") == ["France", "United Kingdom"]
    assert joined("Smith and Jones said the plan failed.") == ["Smith", "Jones"]
    assert joined("The Ministry of Defence and Foreign Office disagreed.") == ["Ministry of Defence", "Foreign Office"]
    assert joined("It was reported by the Daily Times and Metro News.") == ["Daily Times", "Metro News"]


def test_two_sector_words_name_a_field_not_a_body() -> None:
    assert not any(" and " in n for n in joined("He studied Media and Communications at the college."))


def test_a_place_after_an_inner_head_completes_the_name() -> None:
    text = "She sued in the U.S. District Court for the Northern District of California on Friday."
    assert names(text) == {"U.S. District Court for the Northern District of California": "organisation"}
    # after a complete name the place is only its location
    assert "University of Sheffield" in joined("He studied at the University of Sheffield of the UK.")


def test_a_directorate_takes_its_portfolio_after_for() -> None:
    assert names("The National Directorate for Security said the attack was planned.") == {
        "National Directorate for Security": "organisation"}


def test_a_name_like_forename_shares_the_surname_of_a_foundation() -> None:
    # "Bill" is also a noun (a law); before "and" + a forename whose run ends in a head it is a forename
    assert names("The grant came from the Bill and Anna Fenwick Foundation last year.") == {
        "Bill and Anna Fenwick Foundation": "organisation"}
    assert "Bill" not in joined("The Bill and the motion passed.")


def test_a_conjunct_that_repeats_the_head_after_of_is_a_second_name() -> None:
    found = names("The Bureau of Vessel Records System and Harbour Permit System went live in May.")
    assert "Bureau of Vessel Records System" in found
    assert not any(n.endswith("Harbour Permit System") and n.startswith("Bureau") for n in found)


def test_a_coordination_sharing_one_head_after_of_stays_one_name() -> None:
    found = names("She studied at the Academy of Painting and Sculpture in Brno.")
    assert "Academy of Painting and Sculpture" in found


def test_founders_coordinated_after_a_sentence_initial_the_keep_the_first_forename() -> None:
    found = names("The Bill and Marta Vorlund Foundation paid for the new wing.")
    assert found == {"Bill and Marta Vorlund Foundation": "organisation"}


def test_founders_coordinated_with_an_ampersand_keep_the_first_forename() -> None:
    found = names("The wing was paid for. Bill & Marta Vorlund Foundation gave the money.")
    assert found == {"Bill & Marta Vorlund Foundation": "organisation"}


def test_a_person_after_of_and_is_a_second_name() -> None:
    found = names("The survey was run by the University of Tarlow and Dana Whitcombe of Reefwatch Trust.")
    assert found.get("University of Tarlow") == "organisation" and found.get("Dana Whitcombe") == "person"


def test_a_body_named_in_french_keeps_its_coordinated_complement() -> None:
    found = names("Two officers of the Brigade de Surveillance et d’Intervention were jailed in Lyon.")
    assert "Brigade de Surveillance et d’Intervention" in found


def test_the_joiners_are_read_from_the_word_list() -> None:
    joiners = boundaries.JOINERS
    assert joiners[" et "] == "and" and joiners[", "] == "," and joiners[" of the "] == "of"


def test_a_forename_before_a_head_that_is_a_surname_is_a_second_person() -> None:
    found = names("At the gala Marek Wood and Danny Hill shook hands with the mayor.")
    assert found == {"Marek Wood": "person", "Danny Hill": "person"}


def test_an_acronym_over_two_names_with_one_head_each_joins_neither() -> None:
    # "… Data System and Cargo System (FTDSCS)": the right conjunct repeats the left one's head, so the
    # two are names of their own, even though the article's acronym spans both
    found = {a.name for a in analyse(
        "Officials said the Freight Tracking Data System and Cargo System (FTDSCS) works. FTDSCS holds records."
    ).actors}
    assert "Freight Tracking Data System and Cargo System" not in found


def test_runs_that_spell_a_known_name_across_and_the_are_one_name() -> None:
    # "Islamic State" + "of" + "Iraq" + "and the" + "Levant": the gazetteer knows the whole name
    found = names("Fighters of the Islamic State of Iraq and the Levant shelled the town on Monday.")
    assert found.get("Islamic State of Iraq and the Levant") == "organisation" and "Iraq" not in found


def test_two_names_joined_by_and_the_stay_two_when_no_list_knows_the_whole() -> None:
    found = names("The University of Bristol and the University of Bath signed the pact.")
    assert {"University of Bristol", "University of Bath"} <= found.keys()


def test_a_lone_acronym_shares_no_head_with_the_name_after_and() -> None:
    # "Command and Control Centre" shares its head; an acronym is a whole name by itself
    assert "ASIO" in joined("The suspect will be questioned by ASIO and Federal Police officers.")


def test_an_acronym_word_spells_no_letter_of_another_acronym() -> None:
    # the initials of "ASIO and Federal Police" happen to be the article's "AFP"
    text = ("The suspect will be questioned by ASIO and Federal Police officers. "
            '"He will be interviewed by an ASIO/AFP team," the minister said.')
    assert "ASIO and Federal Police" not in joined(text)
    assert "Federal Police" in joined(text)
