"""Interview answers: the thoughts and replies the person answering reports in the first person are theirs
("I'd reply", "made me wonder", "I'm reminded of"); a text's verb after "I" ("I've read") is no speech.
Made-up interview turns with a hand-made actor index."""

from __future__ import annotations

from .test_analysis_speakers import ORG, speakers

INTRO = "Rosa Lind spoke to Wikinews about her campaign.\n\n((WN)) Why did you run?\n\n((Rosa Lind)) "
CAST = {"Rosa Lind": ("person", "f", ()), "Wikinews": ORG}


def test_a_contracted_i_is_the_person_answering() -> None:
    assert speakers(INTRO + 'I\'d reply, "No, I am running."', CAST) == ["Rosa Lind"]


def test_made_me_wonder_is_the_person_answering() -> None:
    assert speakers(INTRO + 'All of these things made me wonder, "Why are we living like this?"', CAST) \
        == ["Rosa Lind"]


def test_reminded_of_is_the_person_answering() -> None:
    assert speakers(INTRO + 'I\'m always reminded of "what if my family were in that situation?"', CAST) \
        == ["Rosa Lind"]


def test_what_i_have_read_is_not_what_i_said() -> None:
    assert speakers(INTRO + 'I\'ve read a lot of far-right talk about: "we don\'t need you here".', CAST) == [None]


def test_what_a_statement_read_is_still_its_issuer() -> None:
    text = 'The Harbour Agency statement read: "No entry after dark."'
    assert speakers(text, {"Harbour Agency": ORG}) == ["Harbour Agency"]


def test_do_you_think_quoting_the_answerer_is_the_answerer() -> None:
    text = (INTRO + 'We will grow.\n\n((WN)) Why do you think "the city is poised to grow by 2030"?\n\n'
            '((Rosa Lind)) Because it is.')
    assert speakers(text, CAST) == ["Rosa Lind"]


def test_a_named_thinker_right_before_a_quoted_term_is_no_cue() -> None:
    assert speakers('Rosa Lind thinks "smart growth" is a slogan.', CAST) == []
