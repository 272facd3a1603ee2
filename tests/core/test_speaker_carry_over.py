"""Speakers carried over from the sentence or paragraph before: a whole-sentence quotation with no cue of its
own quotes the person the sentence before has as its subject. Made-up sentences, hand-made actor index."""

from __future__ import annotations

import pytest

from .test_analysis_speakers import PERSON_F, PERSON_M, attributions, speakers

M = ("person", "m", ())
F = ("person", "f", ())

CARL = {"Carl Mott": ("person", "m", ("Mott",))}


def test_a_whole_sentence_quotation_continues_the_subject_before_it() -> None:
    text = 'Carl Mott was asked about the loss. He did not hold back. "It was a disgrace."'
    assert speakers(text, CARL) == ["Carl Mott"]


def test_a_person_named_as_an_object_before_it_does_not_speak() -> None:
    text = 'The weather was poor on Monday. The court sentenced Carl Mott to five years. "Justice has been served."'
    assert speakers(text, CARL) == [None]


def test_a_sentence_holding_its_own_quotation_is_no_source() -> None:
    text = 'Carl Mott called the plan "a waste". "It was a disgrace."'
    assert speakers(text, CARL) == ["Carl Mott", "Carl Mott"]


def test_a_relative_clauses_subject_is_no_new_speaker() -> None:
    text = ('"We have done it before," Lind said of the flood, which Carl Mott called a disaster. "We will do '
            'it again."')
    actors = {**CARL, "Rosa Lind": ("person", "f", ("Lind",))}
    assert speakers(text, actors) == ["Rosa Lind", "Rosa Lind"]


def test_a_possessor_of_a_person_named_beside_is_not_the_topic() -> None:
    text = ('Maria Lopez\'s coach, Ann Roe, watched from the stands. She said her player had been '
            '"magnificent."')
    assert speakers(text, {"Maria Lopez": PERSON_F, "Ann Roe": PERSON_F}) == ["Ann Roe"]


def test_a_possessor_of_a_thing_stays_the_topic() -> None:
    text = ('Actor Carl Mott\'s visit to the fair came straight from filming abroad. He quipped "I still have '
            'sand in my shoes."')
    assert speakers(text, {"Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_the_quotation_after_a_question_is_the_answer_of_the_person_asked() -> None:
    text = 'Ann Roe asked Carl Mott whether he regretted the decision. "Not for a second."'
    assert speakers(text, {"Ann Roe": PERSON_F, "Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_a_quoted_question_after_a_question_stays_the_askers() -> None:
    text = 'Ann Roe pressed Carl Mott on the budget. "Where did the money go?"'
    assert speakers(text, {"Ann Roe": PERSON_F, "Carl Mott": PERSON_M}) == ["Ann Roe"]


def test_the_answer_in_the_next_paragraph_is_the_person_asked() -> None:
    text = 'Ann Roe asked Carl Mott whether he regretted the decision.\n\n"Not for a second. I would do it again."'
    assert speakers(text, {"Ann Roe": PERSON_F, "Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_asked_him_whether_is_put_to_the_man_named_before() -> None:
    text = ('Carl Mott was in the studio on Monday. The host, Ann Roe, asked him whether he regretted the '
            'decision. "Not for a second."')
    assert speakers(text, {"Ann Roe": PERSON_F, "Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_so_said_inverts_the_verb_before_its_subject() -> None:
    text = '"We will never surrender." So said Carl Mott on the eve of the vote.'
    assert speakers(text, {"Carl Mott": PERSON_M}) == ["Carl Mott"]


# A quotation paragraph with no cue of its own: first-person words continue the subject of the
# sentence or paragraph above (never its object); words in the third person, or a paragraph naming its own
# source, take no carried speaker.
ACROSS_PARAGRAPHS = {
    "a paragraph naming its own source keeps no carried speaker": (
        'Writing on his blog, Sam Hale called the feud "the longest fight on the web."\n\n'
        '"A new obsession is taking hold on the internet, an insurgency against the club." Anonymous blogger, '
        'March 3',
        {"Sam Hale": M},
        [("the longest fight on the web.", "Sam Hale"),
         ("A new obsession is taking hold on the internet, an insurgency against the club.", None)]),
    "a first-person quotation after a sentence about its speaker": (
        'Actress Dana Holt spoke on Sunday.\n\nUnderwhelmed by her role, she left the show after a year. "This is '
        'not what I wanted to act for. I asked them for fake legs" to put at her post. "You could just stick '
        'my legs there."',
        {"Dana Holt": F},
        [("This is not what I wanted to act for. I asked them for fake legs", "Dana Holt"),
         ("You could just stick my legs there.", "Dana Holt")]),
    "a quotation in the third person after such a sentence stays unattributed": (
        'Unhappy with her role, Dana Holt left the show after a year. "The show was a big hit." ',
        {"Dana Holt": F},
        [("The show was a big hit.", None)]),
    "a first-person quotation paragraph continues the subject of the paragraph above": (
        'Coach Tom Berg was furious after the match.\n\n"The referee made two bad calls. We deserved better."',
        {"Tom Berg": M},
        [("The referee made two bad calls. We deserved better.", "Tom Berg")]),
    "without the first person it names nobody": (
        'Coach Tom Berg was furious after the match.\n\n"The referee made two bad calls."',
        {"Tom Berg": M},
        [("The referee made two bad calls.", None)]),
    "an object of the sentence above is no speaker": (
        'Police arrested Tom Berg on Monday.\n\n"We are all shocked by this."',
        {"Tom Berg": M},
        [("We are all shocked by this.", None)]),
}


@pytest.mark.parametrize("name", ACROSS_PARAGRAPHS)
def test_quotation_paragraphs_carry_over(name: str) -> None:
    text, actors, expected = ACROSS_PARAGRAPHS[name]
    got = attributions(text, actors)
    assert got == expected
