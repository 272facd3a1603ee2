"""Person evidence without the forename list (`passes/person_evidence.py`): made-up forenames that no
list knows must be found and typed as people from what the text shows."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.person_evidence import name_shaped


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_an_ambiguous_title_after_a_body_is_no_part_of_an_unknown_forename_name() -> None:
    found = names("Writing for the bench, Supreme Court Justice Zorvena Kadlec said the law stands.")
    assert found.get("Zorvena Kadlec") == "person"
    assert not any("Justice" in n for n in found)


def test_a_portfolio_and_title_before_an_unknown_forename_are_dropped() -> None:
    found = names("Fisheries Minister Tavrio Okonde said the boats would stay in port.")
    assert found.get("Tavrio Okonde") == "person" and not any("Minister" in n for n in found)


def test_an_acronym_body_and_captain_before_an_unknown_forename() -> None:
    found = names("The Harbour Watch closed the bay. HWB Captain Melvra Stonefield told reporters it was safe.")
    assert found.get("Melvra Stonefield") == "person"


def test_name_shape_needs_non_dictionary_words_and_no_head() -> None:
    lex = lexicon()
    assert name_shaped(["Zorvena", "Kadlec"], lex)
    assert name_shaped(["Zorvena", "K", "Kadlec"], lex)
    assert not name_shaped(["Court", "Kadlec"], lex)  # a dictionary word opens no personal name
    assert not name_shaped(["Zorvena", "University"], lex)  # an organisation's head ends none
    assert not name_shaped(["Zorvena"], lex)  # one word is no full name


def test_a_person_with_an_unknown_forename_is_no_organisation_for_a_later_its() -> None:
    text = ("In March, Velorin Marsk posted a note which softened his stance on Kestrel. "
            "The Marsk administration has sharpened its rhetoric against Kestrel in recent weeks. "
            "However Marsk's latest move will not reassure Kestrel.")
    assert names(text).get("Velorin Marsk") == "person"


def test_a_titled_surname_joins_the_full_name_with_an_unknown_forename() -> None:
    text = ("Republic Speaker Vantrop opens inquiry\n\n"
            "Ilmera Vantrop, the speaker of the assembly, opened an inquiry on Monday. "
            "Vantrop said the inquiry would be quick.")
    found = names(text)
    assert found.get("Ilmera Vantrop") == "person" and not any(n.startswith("Speaker") for n in found)


def test_a_place_named_surname_after_an_unknown_forename_stays_the_person_after_a_title() -> None:
    text = ("Coast Guard Captain Houlia Rochester told reporters the search was over. "
            "Captain Rochester said: \"We did what we could.\"")
    quotes = analyse(text).quotes
    assert [q.speaker for q in quotes] == ["Houlia Rochester"]


def test_an_occupational_noun_opening_a_sentence_is_no_part_of_an_unknown_forename_name() -> None:
    found = names("Legislator Diase Chaniwa said the bill would pass. Broadcaster Traik Morvelle disagreed.")
    assert found.get("Diase Chaniwa") == "person" and found.get("Traik Morvelle") == "person"


def test_two_name_shaped_words_after_an_organisation_head_are_a_person() -> None:
    found = names("After the vote, the head of the Harbour Council Zorvena Kadlec told reporters it was fair.")
    assert found.get("Harbour Council") == "organisation" and found.get("Zorvena Kadlec") == "person"


def test_repeated_person_evidence_outweighs_one_its() -> None:
    text = ("Narle Thesvom built a clock. Police arrested Thesvom at school, and Thesvom said he was scared. "
            "The agency tweeted support of Narle Thesvom via its account.")
    assert names(text).get("Narle Thesvom") == "person"


def test_a_person_called_by_an_ambiguous_body_noun_stays_a_person() -> None:
    text = ("The game was made by developer Vylkro Aholan. Vylkro Aholan said he started it in 2010. "
            "Vylkro Aholan said the project grew. Vylkro Aholan told us it was his longest project. "
            "Vylkro Aholan said he plays it daily. Vylkro Aholan said he has no plans to stop.")
    assert names(text).get("Vylkro Aholan") == "person"


def test_name_shape_takes_particles_and_elided_particles() -> None:
    lex = lexicon()
    assert name_shaped(["Melyr", "De", "Bruyne"], lex) and name_shaped(["Nair", "de", "Blasio"], lex)
    assert name_shaped(["Dianokpo", "d'Ettorre"], lex) and name_shaped(["Drenbe", "O'Regan"], lex)


def test_a_person_with_a_particle_surname_and_an_unknown_forename_is_a_person() -> None:
    text = ("Melyr De Bruyne scored twice. The club praised Melyr De Bruyne for its win, "
            "and De Bruyne said he was happy.")
    assert names(text).get("Melyr De Bruyne") == "person"


def test_said_she_types_a_lone_unknown_name_a_person() -> None:
    text = "The plant will close in May. Kadlevic said she would fight the decision."
    assert names(text).get("Kadlevic") == "person"


def test_an_age_in_apposition_types_a_lone_unknown_name_a_person() -> None:
    assert names("Yesterday Kadlevic, 45, opened the shop on Main Street.").get("Kadlevic") == "person"

