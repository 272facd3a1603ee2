"""Organisations as speakers: a name with its class noun ("Time magazine wrote") or a document of theirs
("a Dunmore press release read") speaks for the organisation. Made-up sentences, hand-made actor index."""

from __future__ import annotations

from .test_analysis_speakers import ORG, speakers


def test_an_organisation_with_its_class_noun_speaks() -> None:
    text = 'Time magazine wrote that she had done "the most to influence the events of the year".'
    assert speakers(text, {"Time": ORG}) == ["Time"]


def test_a_press_release_named_after_an_organisation_speaks_for_it() -> None:
    text = 'A Dunmore press release read: "We mourn a great talent."'
    assert speakers(text, {"Dunmore": ORG}) == ["Dunmore"]


def test_a_press_release_after_the_verb_speaks_for_its_organisation() -> None:
    text = '"We mourn a great talent," reads a Dunmore press release.'
    assert speakers(text, {"Dunmore": ORG}) == ["Dunmore"]


def test_a_class_noun_after_a_person_is_no_organisation() -> None:
    text = 'The Carl Mott company said the claim was "baseless".'
    assert speakers(text, {"Carl Mott": ("person", "m", ())}) == [None]


def test_an_account_for_an_organisation_speaks_for_it() -> None:
    text = 'The account for the Eastport Show tweeted: "We salute you."'
    assert speakers(text, {"Eastport Show": ORG}) == ["Eastport Show"]


def test_a_statement_from_a_ministry_speaks_for_it() -> None:
    text = 'A statement from the Harbour Ministry said the port was "closed until further notice".'
    assert speakers(text, {"Harbour Ministry": ORG}) == ["Harbour Ministry"]


def test_an_order_by_a_named_officer_quotes_the_officer() -> None:
    text = ('The Harbour Agency has announced an order by Agency Commandant Admiral Carl Mott directing units '
            'nearby to "join the police in the investigation."')
    assert speakers(text, {"Harbour Agency": ORG, "Carl Mott": ("person", "m", ())}) == ["Carl Mott"]


def test_an_email_from_a_possessors_laptop_has_no_named_author() -> None:
    text = 'An email from Ann Roe\'s laptop read: "Pay the big guy."'
    assert speakers(text, {"Ann Roe": ("person", "f", ())}) == [None]


def test_a_long_introductory_phrase_naming_nobody_is_skipped_to_the_subject() -> None:
    text = ('Within roughly a day before the event, the Eastport Guard arrested 33 men, claiming them to be '
            'mercenaries who were preparing to organize "terrorism" in the city.')
    assert speakers(text, {"Eastport Guard": ORG}) == ["Eastport Guard"]


def test_credits_as_frames_the_quotation() -> None:
    text = 'She received the award, with which Time credits an individual as having done "the most to influence".'
    assert speakers(text, {"Time": ORG}) == ["Time"]


def test_the_head_noun_of_an_organisations_name_stands_for_it() -> None:
    text = ('The Eastport Trust welcomed the decision. "Families have waited a decade for this," the trust '
            'added.')
    assert speakers(text, {"Eastport Trust": ORG}) == ["Eastport Trust"]


def test_a_noun_inside_an_organisations_name_is_not_its_head() -> None:
    text = ('The Eastport Trust Fund welcomed the decision. "Families have waited a decade for this," the '
            'trust added.')
    assert speakers(text, {"Eastport Trust Fund": ORG}) == [None]


def test_the_team_of_researchers_is_no_organisation_named_before() -> None:
    text = ('The study cites the National Injury Register. The team wrote that guns "are far more lethal than '
            'other means."')
    assert speakers(text, {"National Injury Register": ORG}) == [None]


def test_the_team_named_with_its_word_speaks() -> None:
    text = 'Team Eastport won the race. "We are thrilled," the team said.'
    assert speakers(text, {"Team Eastport": ORG}) == ["Team Eastport"]


PLACE = ("place", None, ())


def test_the_government_of_a_country_speaks_as_the_country() -> None:
    text = 'The government of Samoa said the findings were "baseless."'
    assert speakers(text, {"Samoa": PLACE}) == ["Samoa"]


def test_the_government_of_a_country_introduces_a_colon_quotation() -> None:
    text = 'The government of Samoa issued a statement on Friday: "We reject the findings."'
    assert speakers(text, {"Samoa": PLACE}) == ["Samoa"]


def test_it_continues_the_government_of_a_country() -> None:
    text = 'The government of Samoa rejected the report. It called the findings "baseless."'
    assert speakers(text, {"Samoa": PLACE}) == ["Samoa"]


def test_their_statement_continues_the_government_of_a_country() -> None:
    text = ('The government of Samoa issued a statement rejecting the report. Their statement also read "the '
            'report ignores our law."')
    assert speakers(text, {"Samoa": PLACE}) == ["Samoa"]


def test_a_senator_from_a_country_is_not_the_country() -> None:
    text = 'The senator from Samoa said the findings were "baseless."'
    assert speakers(text, {"Samoa": PLACE}) == [None]


def test_the_city_is_not_a_club_named_after_it() -> None:
    text = 'Manchester City won the final. "The parade will go ahead on Sunday," the city said.'
    assert speakers(text, {"Manchester City": ORG}) == [None]
