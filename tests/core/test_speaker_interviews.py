"""Speakers in interview transcripts, on made-up transcripts with a hand-made actor index: "I" in a
labelled answer is the person answering (and her "she" someone else), "you" in a question is the person it
is put to, the quotative "be like" / "go like" reports its subject's words, and text that is no transcript
keeps "I"/"you" unnamed."""

from __future__ import annotations

import pytest

from newsreader.analysis.passes.interview_turns import Turns, label_marks
from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import attributions, index_for

F = ("person", "f", ())
M = ("person", "m", ())
ORG = ("organisation", None, ())

TRANSCRIPT = (
    'Chess player Mara Jensen spoke to the paper about her career.\n\n'
    '((WN)) Earlier you said "no federation is perfect". What did you mean?\n\n'
    '((Mara Jensen)) I was not ready to talk. That is why I said "no federation is perfect". My mother told me, '
    '"Keep going." And I was like, "I will never stop playing."\n\n'
    'People asked me "Why do you play?" and I told them "Because I love it."\n\n'
    '((WN)) In your blog post you wrote "chess is for everyone". Why?\n\n'
    '((Mara Jensen)) Because it is.'
)

CASES = {
    "a labelled transcript": (
        TRANSCRIPT,
        {"Mara Jensen": F},
        [("no federation is perfect", "Mara Jensen"),  # "you" in the question: the person answering it
         ("no federation is perfect", "Mara Jensen"),  # "I" in her answer
         ("Keep going.", None),  # her mother, unnamed
         ("I will never stop playing.", "Mara Jensen"),  # "I was like"
         ("Why do you play?", None),  # people, unnamed
         ("Because I love it.", "Mara Jensen"),  # an unlabelled paragraph continues her answer
         ("chess is for everyone", "Mara Jensen")]),
    "a transcript labelling only its questions": (
        'Candidate Tom Berg runs for the Green Party. Berg was born in Ohio. Berg, a teacher, met Ann Roe in 2010.\n\n'
        '((WN)) On your website you state "All troops will come home." What do you mean?\n\n'
        '((WN)) What led you to run?',
        {"Tom Berg": ("person", "m", ("Berg",)), "Ann Roe": F, "Green Party": ORG},
        [("All troops will come home.", "Tom Berg")]),
    "unlabelled answers to labelled questions are the introduced person's": (
        'Candidate Tom Berg runs for the Green Party. Berg was born in Ohio.\n\n'
        '((WN)) Why did you run?\n\n'
        'I said to myself, "Why not?" My wife said, "Go for it."\n\n'
        '((WN)) What is your main issue?',
        {"Tom Berg": ("person", "m", ("Berg",)), "Green Party": ORG},
        [("Why not?", "Tom Berg"), ("Go for it.", None)]),
    "question runs put to the person each introduction names": (
        'Donald Trump leads the polls.\n\nWith the paper, Tom Berg discussed his campaign. Berg is a teacher.\n\n'
        '((WN)) You once said "I run to win." Do you still?\n\n'
        'Ann Roe is his running mate. With the paper, Roe discussed her role.\n\n'
        '((WN)) You said "I help him win." How?',
        {"Donald Trump": M, "Tom Berg": ("person", "m", ("Berg",)), "Ann Roe": ("person", "f", ("Roe",))},
        [("I run to win.", "Tom Berg"), ("I help him win.", "Ann Roe")]),
    "a question labelled by the interviewer's initials": (
        '((Tom Berg)) I run to win.\n\n((JQ)) You once said "I run to win." Do you still?\n\n((Tom Berg)) Yes.',
        {"Tom Berg": M},
        [("I run to win.", "Tom Berg")]),
    "a group's quotative stays unnamed": (
        '((Mara Jensen)) The officials were like, "Why did you host it?" I did not answer.',
        {"Mara Jensen": F},
        [("Why did you host it?", None)]),
    "contracted quotatives, and her 'she' is someone else": (
        '((Mara Jensen)) I told my mother about it, and she\'s like "You need to rest more". And I\'m like, '
        '"I have rested." Some people went like "Why chess?" and I said, "Because I love it."',
        {"Mara Jensen": F},
        [("You need to rest more", None), ("I have rested.", "Mara Jensen"), ("Why chess?", None),
         ("Because I love it.", "Mara Jensen")]),
    "an answer's 'I thought' names no earlier run of the paragraph": (
        '((Mara Jensen)) Anyone who came, they used to demand — "I want this, I want that" — every day. '
        'Then I thought: "Why should I do this?"',
        {"Mara Jensen": F},
        [("I want this, I want that", None), ("Why should I do this?", "Mara Jensen")]),
    "no transcript: I and you name nobody": (
        'The novel opens in Ohio. I said "no federation is perfect" and you wrote "chess is for everyone".',
        {"Mara Jensen": F},
        [("no federation is perfect", None), ("chess is for everyone", None)]),
}


@pytest.mark.parametrize("name", CASES)
def test_interview_speakers(name: str) -> None:
    text, actors, expected = CASES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


def test_turns_carry_a_label_down_and_stop_at_an_unknown_one() -> None:
    text = '((Ann Roe)) I am here.\n\nStill her answer.\n\n((Photo)) A caption.\n\nAfter the caption.'
    doc = tokenize(text)
    index = index_for(text, {"Ann Roe": F})
    turns = Turns(doc, index.spans, label_marks(doc))
    speakers = [turns.at(ps).speaker for ps, _pe in doc.paragraphs]
    assert [a.name if a else None for a in speakers] == ["Ann Roe", "Ann Roe", None, None]


def test_a_role_in_an_answer_is_not_the_person_answering() -> None:
    text = ('Wikinews interviewed Carl Mott.\n\n((WN)) What happened next?\n\n((Carl Mott)) The president told '
            'us the company was "in good shape." Two weeks later it was bankrupt.')
    quotes = find_quotes(tokenize(text), index_for(text, {"Carl Mott": M}))
    assert [q.speaker for q in quotes] == [None]


# Runs inside a labelled answer: the answerer's own thoughts and sayings are theirs; quoted terms and
# lists of rules are mentions, and words a third person said stay unnamed.
ANSWERS = {
    "a thought quoted after a comma in an interview answer is the answerer's": (
        'Ann Roe spoke to the paper.\n\n((WN)) Anything else?\n\n((Ann Roe)) While talking, I was thinking, '
        '"oh, I should have said more about the grant", but I forgot.',
        {"Ann Roe": F},
        [("oh, I should have said more about the grant", "Ann Roe")]),
    "a list of quoted rules in an interview answer": (
        'Ann Roe spoke to the paper.\n\n((WN)) What were the rules?\n\n((Ann Roe)) Oh, the classic "no phones", '
        '"no music", "no talking after ten", which we all broke anyway.',
        {"Ann Roe": F},
        []),
    "short quoted terms in an interview answer are mentions, even with a cue near": (
        'Ann Roe spoke to the paper.\n\n((WN)) How is the site paid for?\n\n((Ann Roe)) I get donations or "tips" '
        'as I like to call them. I always believed that if you are a "social animal", you share.',
        {"Ann Roe": F},
        []),
    "a short run right after a strong speech verb in an answer is what was said": (
        'Ann Roe spoke to the paper.\n\n((WN)) Were you a bossy child?\n\n((Ann Roe)) My mother, she said, '
        '"boss people around" — at two years old.',
        {"Ann Roe": F},
        [("boss people around", None)]),
    "an interview answer's I with an adverb": (
        'Wikinews interviewed Ann Roe.\n\n((WN)) Why run?\n\n((Ann Roe)) As I always say, "every vote counts".',
        {"Ann Roe": F},
        [("every vote counts", "Ann Roe")]),
}


@pytest.mark.parametrize("name", ANSWERS)
def test_answer_runs(name: str) -> None:
    text, actors, expected = ANSWERS[name]
    got = attributions(text, actors)
    assert got == expected
