"""The edges of a name (`boundaries.split_runs`, `filtering`): post-nominal letters after a person's name
are not part of it, a title before it is not either, and a direction word opening an organisation's name
("Northern … Tribe") is part of it."""

from __future__ import annotations

from newsreader.analysis import analyse


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_post_nominal_letters_are_dropped_from_a_persons_name() -> None:
    assert names("Prosecutor Jane Holloway QC told the court the men were guilty.") == {"Jane Holloway": "person"}
    assert names("The award went to Peter Quill OBE in March.") == {"Peter Quill": "person"}


def test_elder_before_a_name_is_a_title() -> None:
    assert names("The ceremony was led by Elder Marcus Greyfeather on Sunday.") == {"Marcus Greyfeather": "person"}


def test_a_direction_word_opens_an_organisation_ending_in_tribe() -> None:
    found = names("The Northern Kiowa Tribe and the Eastern Pawnee Nation share the land.")
    assert found == {"Northern Kiowa Tribe": "organisation", "Eastern Pawnee Nation": "organisation"}


def test_a_capitalised_direction_before_a_place_names_a_region() -> None:
    found = names("Troops moved into Northern Syria. It was once a colony called Southern Rhodesia.")
    assert found == {"Northern Syria": "place", "Southern Rhodesia": "place"}


def test_a_time_word_opening_an_organisation_mid_sentence_is_kept() -> None:
    assert names("He joined the Summer Institute of Phonetics in 1937.") == {
        "Summer Institute of Phonetics": "organisation"}
    assert names("On Friday Acme Motor Company said no.") == {"Acme Motor Company": "organisation"}


def test_a_sentence_initial_adjective_before_a_body_head_is_part_of_the_name() -> None:
    assert names("Progressive Party of Working Farmers, the main opposition force, objected.") == {
        "Progressive Party of Working Farmers": "organisation"}
    # a verb opening the sentence is not
    assert names("Allow Parliament to decide, he said.") == {"Parliament": "organisation"}


def test_a_forename_like_word_before_a_body_head_names_no_person() -> None:
    # "General" is also a forename; "Ohio General Assembly" is one body, not Ohio + a person
    assert names("Lawmakers in the Ohio General Assembly voted.") == {"Ohio General Assembly": "organisation"}
    assert names("Amnesty International Alia Salem said so.") == {
        "Amnesty International": "organisation", "Alia Salem": "person"}


def test_an_ordinal_numbering_a_body_is_part_of_its_name() -> None:
    assert names("He was elected to the First Congress of the Free States in 1789.") == {
        "First Congress of the Free States": "organisation"}
    assert names("She met First Lady Jill Biden.") == {"Jill Biden": "person"}


def test_a_lone_field_of_study_is_no_actor() -> None:
    found = names("She is a professor at the Coastal Institute of Technology in Linguistics and Physics.")
    assert found == {"Coastal Institute of Technology": "organisation"}
    # "-ology" also names movements: "Scientology" stays
    assert names("He left the Church of Scientology, and Scientology denied it.") == {
        "Church of Scientology": "organisation"}


def test_a_name_in_apposition_to_a_body_noun_is_an_organisation() -> None:
    found = names("The pact binds the European Union and the South American group Verasur, which objects.")
    assert found == {"European Union": "organisation", "Verasur": "organisation"}


def test_a_natural_features_head_may_come_first_or_be_a_shelf() -> None:
    assert names("Storms often form over the Bay of Tellowen in May.").get("Bay of Tellowen") == "place"
    assert names("The drill went through the Carrow Ice Shelf, said Ada Brin.").get("Carrow Ice Shelf") == "place"


def test_a_factory_is_a_place_and_its_head_joins_two_conjuncts() -> None:
    found = names("The strike began at the Harlow Pipes and Valves Factory, it is said.")
    assert found == {"Harlow Pipes and Valves Factory": "place"}


def test_the_name_a_study_was_published_in_is_an_organisation() -> None:
    found = names("In findings published on Monday in Marine Frontiers, researchers said reefs recover.")
    assert found.get("Marine Frontiers") == "organisation"
    assert names("The report, published in Lisbon, said little.").get("Lisbon") == "place"


def test_a_newspaper_named_with_the_is_kept_though_its_word_names_a_people() -> None:
    assert names("Speaking to the newspaper The Hindu, Ann Lee said so.").get("Hindu") == "organisation"


def test_common_words_before_a_title_are_its_portfolio() -> None:
    found = names('"It is over," Deputy Emergency Situations Minister Pavel Orlin told reporters.')
    assert found == {"Pavel Orlin": "person"}
    assert "Labour" in names("Labour MP Ada Brin resigned on Monday.")


def test_a_quoted_nickname_stays_inside_the_name_and_a_compound_surname_joins_it() -> None:
    found = names('She married the agent Rodolfo "Rudy" De Santis in 1941. De Santis later moved to Rome.')
    assert found.get('Rodolfo "Rudy" De Santis') == "person" and "Rodolfo" not in found and "De Santis" not in found
    assert names("Mara Van Doren sang. Later Van Doren toured.") == {"Mara Van Doren": "person"}


def test_a_states_formal_name_is_the_place_it_names() -> None:
    found = names("The Islamic Republic of Iran admitted the error. Iran later apologised.")
    assert found == {"Islamic Republic of Iran": "place"}
    assert names("Fans of the Republic of Ireland cheered.") == {"Republic of Ireland": "place"}


def test_a_sentence_initial_auxiliary_is_not_glued_onto_a_name_written_without_it() -> None:
    # "Will" is a forename, but opening a question before a name the article also writes alone it is the
    # auxiliary; a forename that is no frequent word ("Paul") still opens the name
    found = names("Will Blue Lantern workers be laid off? Blue Lantern said on Monday it would decide soon.")
    assert "Blue Lantern" in found and "Will Blue Lantern" not in found
    turn = names("((Anna Berg)) Will Blue Lantern stay open? I asked Blue Lantern's owners.")
    assert "Blue Lantern" in turn and "Will Blue Lantern" not in turn


def test_a_sentence_initial_frequent_forename_before_a_full_name_stays_in_it() -> None:
    found = names("Mark Ellis Brown spoke first. Later Brown said the plan was sound.")
    assert "Mark Ellis Brown" in found


def test_dictionary_words_after_a_place_continue_its_name_not_a_person() -> None:
    # "New South Wales" + a two-word rest was split off as a person; dictionary words (a plural one
    # too) name no person
    found = names("The volunteers were helped by the New South Wales Fire Brigades on Sunday.")
    assert found == {"New South Wales Fire Brigades": "organisation"}


def test_a_name_after_a_place_is_still_split_off() -> None:
    found = names("Volunteers from New South Wales Peter Quill and Ann Roe arrived.")
    assert "Peter Quill" in found and found.get("New South Wales") == "place"


def test_a_religion_or_nationality_adjective_ending_a_run_is_no_part_of_the_name() -> None:
    # "Kelbrook Anglican" was one name (typed a person); the adjective modifies "school"
    found = names("The claims concern a Kelbrook Anglican school, the bishop said. Few families in Kelbrook knew.")
    assert found == {"Kelbrook": "place"}
    # a forename makes it a person's name; a plural ends a team's name
    assert "Dawn French" in names("The comedian Dawn French spoke at the school.")
    assert "Indianapolis Indians" in names("He pitched for the Indianapolis Indians in 1950.")


def test_a_place_before_a_portfolio_and_title_stays_the_place() -> None:
    # "U.S. Defense" was kept as one place name; "US Defense" lost "US" with the portfolio
    assert names("Officials reacted to U.S. Defense Secretary Donald Rumsfeld.") == {
        "U.S.": "place", "Donald Rumsfeld": "person"}
    assert names("Officials reacted to US Health Secretary Ann Roe.") == {"US": "place", "Ann Roe": "person"}
