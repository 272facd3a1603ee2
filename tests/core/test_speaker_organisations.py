"""Organisations as speakers: a name with its class noun ("Time magazine wrote") or a document of theirs
("a Dunmore press release read") speaks for the organisation; so does a description of it ("the rights
group", "the automaker", "the city" for its council) and its spokesman. Made-up sentences, hand-made actor
index."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyse

from .test_analysis_speakers import ORG, attributions, speakers

M = ("person", "m", ())
F = ("person", "f", ())


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


# Descriptions of an organisation: a collective or industry noun continues the organisation that was
# the subject just before; a role noun modifying a document is the organisation named by that word.
ORGANISATION_DESCRIPTIONS = {
    "the rights group": (
        'Amnesty Watch criticised the ruling. The rights group called it "a travesty".',
        {"Amnesty Watch": ORG},
        [("a travesty", "Amnesty Watch")]),
    "the London-based group": (
        'Amnesty Watch criticised the ruling. The London-based group called it "a travesty".',
        {"Amnesty Watch": ORG, "London": ("place", None, ())},
        [("a travesty", "Amnesty Watch")]),
    "the world body, a paragraph later": (
        'The United Nations said the strikes were "unlawful".\n\nThe world body urged both sides to "show restraint".',
        {"United Nations": ORG},
        [("unlawful", "United Nations"), ("show restraint", "United Nations")]),
    "a group of people is no organisation": (
        'Five climbers were rescued on Monday. The group said they were "lucky to be alive".',
        {},
        [("lucky to be alive", None)]),
    "researchers at an organisation are no organisation subject": (
        'Researchers at Eastport University studied ants. The group found the ants were "self-medicating".',
        {"Eastport University": ORG},
        [("self-medicating", None)]),
    "a ministry statement": (
        'The Ministry of Defence confirmed the strike. "The target was a depot," a ministry statement said.',
        {"Ministry of Defence": ORG},
        [("The target was a depot,", "Ministry of Defence")]),
    "a police statement with no police named": (
        'The Ministry of Defence confirmed the strike. A police statement said the target was "a depot".',
        {"Ministry of Defence": ORG},
        [("a depot", None)]),
    "the federation is the organisation named before": (
        'Greg Kurt leads the Chess Union, a new federation. The federation said "Our rules follow FIDE."',
        {"Greg Kurt": M, "Chess Union": ORG},
        [("Our rules follow FIDE.", "Chess Union")]),
    "an industry noun for an organisation": (
        'Acme Corp recalled 10,000 cars on Monday.\n\n"The fault is rare," said the automaker.',
        {"Acme Corp": ORG},
        [("The fault is rare,", "Acme Corp")]),
}


# "the city" / "the county" as a speaker is the local government named before, never a club named
# "City".
CIVIC_BODIES = {
    "the city is the municipality": (
        'The Municipality of Eastport sued the school. "The fees are commercial," the city said.',
        {"Municipality of Eastport": ORG},
        [("The fees are commercial,", "Municipality of Eastport")]),
    "the city reasoned, comma before the run": (
        'The request was made by the Municipality of Eastport. The city reasoned, "the fees are commercial".',
        {"Municipality of Eastport": ORG},
        [("the fees are commercial", "Municipality of Eastport")]),
    "the city is its council": (
        'Eastport City Council sued Acme Corp. The city said the firm had "poisoned the river".',
        {"Eastport City Council": ORG, "Acme Corp": ORG},
        [("poisoned the river", "Eastport City Council")]),
    "the county is its council": (
        'Lake County Council sued Acme Corp. "The firm poisoned the river," said the county.',
        {"Lake County Council": ORG, "Acme Corp": ORG},
        [("The firm poisoned the river,", "Lake County Council")]),
    "a club named City is no city": (
        'Eastport City lost on Sunday. The city said the club had been "unlucky".',
        {"Eastport City": ORG},
        [("unlucky", None)]),
}


# A possessor's description ("Roe's animal foundation") is the organisation whose name it spells.
POSSESSOR_DESCRIPTIONS = {
    "a possessor's description that spells an organisation's name is that organisation": (
        'Ann Roe died on Monday. Roe\'s animal foundation said she had been in "good health". She founded the '
        'Ann Roe Animal Foundation in 1978.',
        {"Ann Roe Animal Foundation": ORG, "Ann Roe": F},
        [("good health", "Ann Roe Animal Foundation")]),
    "a possessor's description naming no organisation of the article stays unnamed": (
        'Ann Roe died on Monday. Roe\'s animal foundation said she had been in "good health".',
        {"Ann Roe": F, "Harbour Bank": ORG},
        [("good health", None)]),
}


# An organisation's upper-case short form is its name, even where it spells a relative pronoun.
SHORT_FORMS = {
    "an upper-case WHO is a name, not a relative pronoun": (
        'The World Health Organization (WHO) warned that the virus was "spreading fast". WHO chief Ted Adhan '
        'said: "We must act now."',
        {"World Health Organization": ("organisation", None, ("WHO",)), "Ted Adhan": M},
        [("spreading fast", "World Health Organization"), ("We must act now.", "Ted Adhan")]),
}


# A spokesman modified by a named institution speaks for it, not for a person named before.
SPOKESPEOPLE = {
    "a spokesman of a named institution speaks for it, not for a person named before": (
        'Ann Roe met Tom Berg at the Harbour Office. "No deal was made," the Harbour Office spokesman said.',
        {"Ann Roe": F, "Tom Berg": M, "Harbour Office": ORG},
        [("No deal was made,", "Harbour Office")]),
}

CASES = {**ORGANISATION_DESCRIPTIONS, **CIVIC_BODIES, **POSSESSOR_DESCRIPTIONS, **SHORT_FORMS, **SPOKESPEOPLE}


@pytest.mark.parametrize("name", CASES)
def test_organisation_speakers(name: str) -> None:
    text, actors, expected = CASES[name]
    got = attributions(text, actors)
    assert got == expected


def test_a_role_of_a_body_named_by_its_word_needs_that_body() -> None:
    text = 'The Acme Foundation gave money. The court ruled: "The law stands." The company said it was "glad."'
    assert [q.speaker for q in analyse(text).quotes] == [None, "Acme Foundation"]
