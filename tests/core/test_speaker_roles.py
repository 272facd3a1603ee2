"""Roles and descriptions that stand for a person named before: "the former" / "the latter", "the
mayor", "the 24-year-old", ranked and capitalised titles, and roles that belong to someone else.
Made-up sentences: a hand-made actor index for the speaker rules, the whole engine for titles."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyse
from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import attributions, index_for

M = ("person", "m", ())
F = ("person", "f", ())
ORG = ("organisation", None, ())
PLACE = ("place", None, ())

# "The former" and "the latter" are the first and the second of the pair named before.
FORMER_AND_LATTER = {
    "the latter in an absolute clause": (
        'The Aviation Board and the Coast Guard opened inquiries, with the latter confirming it was "not sending '
        'a team at this time."',
        {"Aviation Board": ORG, "Coast Guard": ORG},
        [("not sending a team at this time.", "Coast Guard")]),
    "the former and the latter across sentences": (
        'The Aviation Board and the Coast Guard opened inquiries. The former said the crash was "a tragedy", '
        'and the latter said it was "not sending a team."',
        {"Aviation Board": ORG, "Coast Guard": ORG},
        [("a tragedy", "Aviation Board"), ("not sending a team.", "Coast Guard")]),
    "the latter with a time word before its participle": (
        'Inquiries were opened by the Aviation Board and the Coast Guard, with the latter yesterday confirming on '
        'its website it was "not sending a team at this time."',
        {"Aviation Board": ORG, "Coast Guard": ORG},
        [("not sending a team at this time.", "Coast Guard")]),
}


# A role or description ("the mother", "the mayor", "the 24-year-old", "the Linden professor")
# stands for the person introduced with it; a name or an organisation modifying the role says whose it is.
ROLE_PHRASES = {
    "the mother is the woman of the couple": (
        'Both parents, Dan Roe and Lisa Roe, were sentenced. The father said "I love my children." The mother '
        'said "I look forward to the day I can see them."',
        {"Dan Roe": M, "Lisa Roe": F},
        [("I love my children.", "Dan Roe"), ("I look forward to the day I can see them.", "Lisa Roe")]),
    "an organisation modifying a role before the name": (
        'The Harbor Party (HP) met on Monday. HP chairman Ned Olsen sets out this view in Gazette comments: '
        '"We will never accept the new map."',
        {"Harbor Party": ("organisation", None, ("HP",)), "Ned Olsen": M, "Gazette": ORG},
        [("We will never accept the new map.", "Ned Olsen")]),
    "the institution's professor is the professor named before": (
        '"Warm water is cutting the ice," said study co-author Karen Alley of Linden College. The Linden '
        'professor added, "These effects matter."',
        {"Karen Alley": F, "Linden College": ("organisation", None, ("Linden",))},
        [("Warm water is cutting the ice,", "Karen Alley"), ("These effects matter.", "Karen Alley")]),
    "a person's name before a role makes the role someone else's": (
        'Tom Berg was charged on Monday. "He is innocent," the Berg lawyer said.',
        {"Tom Berg": ("person", "m", ("Berg",))},
        [("He is innocent,", None)]),
    "titles before a person who opens the subject, a possessive place before the organisation": (
        'Lead author Sally Wase of Ozland\'s Griff University explained to the press, "The ibis was sacred."',
        {"Sally Wase": F, "Ozland": PLACE, "Griff University": ORG},
        [("The ibis was sacred.", "Sally Wase")]),
    "an inverted role phrase after the quotation": (
        'Mayor Ann Roe spoke on Monday. "The plan is dead," said the mayor.',
        {"Ann Roe": F},
        [("The plan is dead,", "Ann Roe")]),
    "an age noun as the subject": (
        'Ann Roe won the race on Sunday. "I am so happy," the 24-year-old said after the race.',
        {"Ann Roe": F},
        [("I am so happy,", "Ann Roe")]),
    "an inverted age noun": (
        'Ann Roe won the race on Sunday. "I am so happy," said the 24-year-old.',
        {"Ann Roe": F},
        [("I am so happy,", "Ann Roe")]),
    "a nationality noun is the person the sentences before are about, not the latest name": (
        'Pat Rafter beat Sebastien Grosjean in three sets. The Australian is happy with his form. '
        '"It is not very pretty tennis," the Australian said.',
        {"Pat Rafter": ("person", None, ()), "Sebastien Grosjean": M},
        [("It is not very pretty tennis,", "Pat Rafter")]),
    "a nationality noun made with -woman has her gender": (
        'Ann Roe beat Tom Vance in the final. Tom Vance was upset. "I was lucky today," the Englishwoman said.',
        {"Tom Vance": M, "Ann Roe": F},
        [("I was lucky today,", "Ann Roe")]),
}


# A rank word before a role noun ("vice", "deputy") is part of the title the role phrase stands for.
RANKED_ROLES = {
    "the vice president, after the verb": (
        'Vice President Mike Pence spoke in Ohio. "We will win," the vice president said.',
        {"Mike Pence": M},
        [("We will win,", "Mike Pence")]),
    "the former vice president, inverted": (
        'Former Vice President Joe Biden spoke in Ohio. "We will win," said the former vice president.',
        {"Joe Biden": M},
        [("We will win,", "Joe Biden")]),
    "the vice president is not the president named last": (
        'Vice President Mike Pence spoke. President Carl Mott spoke. "We will win," the vice president said.',
        {"Mike Pence": M, "Carl Mott": M},
        [("We will win,", "Mike Pence")]),
    "the deputy minister before a plain minister": (
        'Deputy Minister Ann Price spoke. Minister Tom Reed spoke. Later the deputy minister said it was "over".',
        {"Ann Price": F, "Tom Reed": M},
        [("over", "Ann Price")]),
}

CASES = {**FORMER_AND_LATTER, **ROLE_PHRASES, **RANKED_ROLES}


@pytest.mark.parametrize("name", CASES)
def test_role_phrases(name: str) -> None:
    text, actors, expected = CASES[name]
    got = attributions(text, actors)
    assert got == expected


@pytest.mark.parametrize("text", [
    'Tom Reed spoke on Monday. "The claims are baseless," the 54-year-old mayor said.',
    'Mayor Tom Reed spoke on Monday. Carl Mott watched. "The claims are baseless," the 54-year-old mayor said.',
    'Tom Reed spoke on Monday. The 54-year-old former mayor said the claims were "baseless".',
])
def test_an_age_before_a_role_narrows_no_office(text: str) -> None:
    actors = {"Tom Reed": M, "Carl Mott": M}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == ["Tom Reed"]


def test_and_between_a_description_and_a_title_joins_one_speakers_roles() -> None:
    text = '"It may dazzle flies," said study co-author and Royal Academy Research Fellow Marta Howe.'
    assert [q.speaker for q in analyse(text).quotes] == ["Marta Howe"]
    assert [q.speaker for q in analyse('"We won," said the coach and his captain, Ann Lee.').quotes] == [None]


def test_a_capitalised_title_of_several_words_is_matched_whole() -> None:
    text = ('Prime Minister Igor Matov spoke on Monday. After Finance Minister Richard Sulik failed to buy '
            'kits, the Prime Minister apologised to the people for "having an idiot as economy minister."')
    assert [q.speaker for q in analyse(text).quotes] == ["Igor Matov"]


def test_a_ranked_title_is_another_office() -> None:
    text = 'President Joe Biden spoke. Vice President Kamala Harris agreed. The president said it was "good."'
    assert [q.speaker for q in analyse(text).quotes] == ["Joe Biden"]
