"""Clause subjects after an opening phrase: a reduced subordinate clause ("When asked about …,") has no
subject of its own, so a participle later in the sentence ("…, saying") has the main clause's subject.
Made-up sentences, hand-made actor index."""

from __future__ import annotations

from .test_analysis_speakers import ORG, PERSON_F, PERSON_M, speakers


def test_when_asked_leaves_the_main_subject_to_a_later_participle() -> None:
    text = ('When asked about the report, Carl Mott declined to comment, saying only that the trust "takes all '
            'concerns seriously."')
    assert speakers(text, {"Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_while_speaking_leaves_an_organisation_subject() -> None:
    text = ('While answering questions on Monday, the Eastport Trust declined to comment, saying it "takes all '
            'concerns seriously."')
    assert speakers(text, {"Eastport Trust": ORG}) == ["Eastport Trust"]


def test_a_full_subordinate_clause_keeps_its_own_subject_apart() -> None:
    text = 'When Ann Roe arrived, Carl Mott said the meeting was "over."'
    assert speakers(text, {"Ann Roe": PERSON_F, "Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_a_possessed_speech_noun_in_an_opening_phrase_is_no_participle() -> None:
    text = 'Echoing Ann Roe\'s warning, Carl Mott said the economy was "on the brink."'
    assert speakers(text, {"Ann Roe": PERSON_F, "Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_a_possessed_person_noun_before_a_participle_is_its_subject() -> None:
    text = 'Carl Mott recalled his mother telling him "never give up."'
    assert speakers(text, {"Carl Mott": PERSON_M}) == [None]


def test_a_possessed_thing_before_a_participle_leaves_the_clause_subject() -> None:
    text = 'Carl Mott ended his speech saying the city would "rise again."'
    assert speakers(text, {"Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_lower_case_nouns_before_a_role_are_part_of_the_title() -> None:
    text = ('White House press secretary Carl Mott fired back within hours, calling the remarks "shameful" and '
            'insisting that the president "will not back down."')
    assert speakers(text, {"Carl Mott": PERSON_M, "White House": ORG}) == ["Carl Mott", "Carl Mott"]
