"""What may stand between a speaker's name and the speech verb and leave the name speaking: appositives
(closed or not, with ages, offices and parenthetical lists), auxiliaries, modals, adverbs and comma
asides. Made-up sentences, hand-made actor index."""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import attributions, index_for

M = ("person", "m", ())
F = ("person", "f", ())
UNKNOWN = ("person", None, ())
ORG = ("organisation", None, ())

# An appositive between the name and the verb, closed or not, with an age, a parenthetical list or an
# office before or after the name: the name speaks.
APPOSITIVES = {
    "appositive without its closing comma": (
        'Critics were unimpressed. Maria Lund, Dean of Westfield College of Law called it "a very weak '
        'argument."',
        {"Maria Lund": F, "Westfield College": ORG},
        [("a very weak argument.", "Maria Lund")]),
    "appositive without its closing comma over a mis-kinded name": (
        'Maria Lund, Dean of Westfield School of Law called it "a very weak argument."',
        {"Maria Lund": F, "Westfield School": M},
        [("a very weak argument.", "Maria Lund")]),
    "a name right before the verb is no unclosed appositive": (
        'In the end Rita Moss, Senator Tom Hale said he was "not convinced."',
        {"Rita Moss": F, "Tom Hale": M},
        [("not convinced.", "Tom Hale")]),
    "an unclosed appositive ending on a (mis-kinded) name inside its of-phrase": (
        'Critics were unimpressed. Chris Dale, the chief officer of Hat Corp called it "a very weak argument."',
        {"Chris Dale": M, "Hat Corp": M},
        [("a very weak argument.", "Chris Dale")]),
    "a parenthetical list of works before the verb": (
        'Comic artist Jenn Rowe (Nancy Drew, Jem and the Misfits) told of being forced to rethink her life: '
        '"In my first stint, I did not get any work."',
        {"Jenn Rowe": F, "Nancy Drew": F},
        [("In my first stint, I did not get any work.", "Jenn Rowe")]),
    "an age and a relative clause between the name and the verb": (
        'Tom Berg, 54, who saw the crash from his porch, said "it was terrible."',
        {"Tom Berg": M},
        [("it was terrible.", "Tom Berg")]),
    "a comma inside an organisation's name is no appositive boundary": (
        'Cynthia Moss, curator and director of exhibits at the University of Ozark, Fayville, said, "These images '
        'serve as documentation."',
        {"Cynthia Moss": F, "University of Ozark, Fayville": ORG},
        [("These images serve as documentation.", "Cynthia Moss")]),
    "a described subject with a name and an age: the name speaks, not the age": (
        'The defendant, Carl Mott, 34, told the court: "I did nothing wrong."',
        {"Carl Mott": M},
        [("I did nothing wrong.", "Carl Mott")]),
    "a name and an age alone": (
        'Tom Berg, 54, said it was "bad".',
        {"Tom Berg": M},
        [("bad", "Tom Berg")]),
    "a long appositive between the name and a trailing verb": (
        '"This is a major discovery," lead author Ann Roe, a professor at the University of Leeds, said in a '
        'press release.',
        {"Ann Roe": F, "University of Leeds": ORG},
        [("This is a major discovery,", "Ann Roe")]),
    "an office taken for a person before an appositive name: the name speaks": (
        'The Senate Minority Leader, Carl Mott, said on Friday "we made a plea to the president."',
        {"Minority Leader": UNKNOWN, "Carl Mott": M},
        [("we made a plea to the president.", "Carl Mott")]),
    "a person head before an appositive role keeps speaking": (
        'Carl Mott, the Senate Minority Leader, said on Friday "we made a plea to the president."',
        {"Carl Mott": M},
        [("we made a plea to the president.", "Carl Mott")]),
}


# Auxiliaries, modals, adverbs and comma asides between the subject and the speech verb.
VERB_GROUPS = {
    "a modal between the subject and the speech verb": (
        'Ann Roe spoke to the paper.\n\n((WN)) How does it work?\n\n((Ann Roe)) When the scan is on screen, I '
        'can tell you "now try to move that region" and you try.',
        {"Ann Roe": F},
        [("now try to move that region", "Ann Roe")]),
    "an auxiliary before an -ing verb still makes it finite": (
        'Ann Roe met the press. She was also saying "we will appeal" to everyone.',
        {"Ann Roe": F},
        [("we will appeal", "Ann Roe")]),
    "a participle phrase after a preposition between the name and the verb": (
        'Assembly president Ann Roe in relaying the news to parliament said, "He is part of our history".',
        {"Ann Roe": F},
        [("He is part of our history", "Ann Roe")]),
    "a frequency adverb between the subject and the verb": (
        'Ann Roe leads the group. Roe always says "every vote counts".',
        {"Ann Roe": F},
        [("every vote counts", "Ann Roe")]),
    "an auxiliary before a comma aside: the name before it speaks": (
        'The Harbour Ministry has, in a statement, called on drivers to "slow down near schools."',
        {"Harbour Ministry": ORG},
        [("slow down near schools.", "Harbour Ministry")]),
    "a modal before a comma aside": (
        'Ann Roe will, as she did last year, urge voters to "stay home if sick."',
        {"Ann Roe": F},
        [("stay home if sick.", "Ann Roe")]),
}

CASES = {**APPOSITIVES, **VERB_GROUPS}


@pytest.mark.parametrize("name", CASES)
def test_words_between_subject_and_verb(name: str) -> None:
    text, actors, expected = CASES[name]
    got = attributions(text, actors)
    assert got == expected


@pytest.mark.parametrize("adverb", ["specifically", "clearly", "bluntly", "categorically", "sharply"])
def test_a_manner_adverb_between_subject_and_verb(adverb: str) -> None:
    text = f'Acme Corp recalled the cars. The company {adverb} said the fault was "rare".'
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, {"Acme Corp": ORG}))]
    assert got == ["Acme Corp"]
