"""Speakers carried over from the sentence before: a whole-sentence quotation with no cue of its own quotes
the person the sentence before has as its subject. Made-up sentences, hand-made actor index."""

from __future__ import annotations

from .test_analysis_speakers import PERSON_F, PERSON_M, speakers

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
