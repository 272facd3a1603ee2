"""A quotation that opens its paragraph with no cue quotes the person the next sentence introduces
('"That was never a penalty." Carl Mott, the club's manager, was furious'), but not words about that person
("He was a hero.") nor a person the article named before. Made-up sentences, hand-made actor index."""

from __future__ import annotations

from .test_analysis_speakers import PERSON_F, PERSON_M, speakers


def test_the_person_introduced_after_the_words_said_them() -> None:
    text = '"That was never a penalty." Carl Mott, the club\'s manager, was furious after the match.'
    assert speakers(text, {"Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_first_person_words_before_an_introduction() -> None:
    text = '"I will never forgive them." Ann Roe, whose son was killed in the attack, has campaigned for years.'
    assert speakers(text, {"Ann Roe": PERSON_F}) == ["Ann Roe"]


def test_words_about_the_person_introduced_after_are_not_theirs() -> None:
    text = '"He was a hero." Carl Mott, 34, died on Monday after pulling two children from the river.'
    assert speakers(text, {"Carl Mott": PERSON_M}) == [None]


def test_a_person_named_before_is_no_introduction() -> None:
    text = 'Carl Mott lost the final on Sunday.\n\n"That was never a penalty." Mott was furious after the match.'
    assert speakers(text, {"Carl Mott": ("person", "m", ("Mott",))}) == [None]
