"""Clause subjects after an opening phrase: a reduced subordinate clause ("When asked about …,") has no
subject of its own, so a participle later in the sentence ("…, saying") has the main clause's subject; a
speech participle is its own clause's subject's.
Made-up sentences, hand-made actor index."""

from __future__ import annotations

import pytest

from .test_analysis_speakers import ORG, PERSON_F, PERSON_M, attributions, speakers

M = ("person", "m", ())
F = ("person", "f", ())


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


# A speech participle is its clause subject's: a place or a name opening the clause, an absolute
# construction's name, never the object of a preposition nor a place modifying the next name.
PARTICIPLES = {
    "a place opening the clause of a speech participle is its subject": (
        'Bolton gave a different account of events, also speaking via Twitter: "I offered to resign."',
        {"Bolton": ("place", None, ()), "Twitter": ORG},
        [("I offered to resign.", "Bolton")]),
    "a place that modifies the next name is no subject": (
        'US Senator Ann Roe, speaking on Monday, said: "We will vote no."',
        {"US": ("place", None, ()), "Ann Roe": F},
        [("We will vote no.", "Ann Roe")]),
    "a participle opener holding a name": (
        'Differing slightly in a Ledger essay, Professor Ian Cole of Bay University School of Law writes that the rule '
        'requires parents to be subject to "complete jurisdiction" rather than "partial jurisdiction".',
        {"Ledger": M, "Ian Cole": M, "Bay University School": ORG},
        [("complete jurisdiction", "Ian Cole"), ("partial jurisdiction", "Ian Cole")]),
    "a participle after the object of a preposition is the clause subject's": (
        'Mara Jensen grew up in Oslo. Having won three titles as a junior player, she decided not to play for the '
        'Chess Union saying "it was not a good fit" for her.',
        {"Mara Jensen": F, "Chess Union": ORG},
        [("it was not a good fit", "Mara Jensen")]),
    "a participle after the object of a preposition, no phrase before the subject": (
        'Mara Jensen grew up in Oslo. She decided not to play for the Chess Union saying "it was not a good fit".',
        {"Mara Jensen": F, "Chess Union": ORG},
        [("it was not a good fit", "Mara Jensen")]),
    "a participle after a name in an absolute construction is the name's": (
        'The bill passed, with Senator Ann Roe calling it "a disgrace" and Tom Berg of Ohio calling it "a win".',
        {"Ann Roe": F, "Tom Berg": M, "Ohio": ("place", None, ())},
        [("a disgrace", "Ann Roe"), ("a win", "Tom Berg")]),
}


@pytest.mark.parametrize("name", PARTICIPLES)
def test_speech_participles(name: str) -> None:
    text, actors, expected = PARTICIPLES[name]
    got = attributions(text, actors)
    assert got == expected
