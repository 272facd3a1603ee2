"""Pronoun chains: which earlier name a "he", "she" or "it" before a speech verb continues (the subject of
its topic sentence, not an object, a name in a subordinate clause or after a setting preposition), and
chains through unnamed people. Made-up sentences, hand-made actor index."""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import attributions, index_for

M = ("person", "m", ())
F = ("person", "f", ())
UNKNOWN = ("person", None, ())
ORG = ("organisation", None, ())
PLACE = ("place", None, ())

# "He" continues the subject of its topic sentence: not a people's name, two people joined in one
# name, a name in a fronted subordinate or relative clause; the subject of a clause after "while".
ANTECEDENTS = {
    "a people's name made from a place is no antecedent of he": (
        'Voters in New Valea turned out in force. New Valeans filled the halls on Sunday. Political scientist '
        'Lin Bao said turnout was high. He noted, "This is a clear message."',
        {"New Valea": PLACE, "New Valeans": UNKNOWN, "Lin Bao": F},
        [("This is a clear message.", "Lin Bao")]),
    "two people joined in one name are no antecedent of he": (
        'Tom Berg founded the firm. His sons Wyatt & Zach Berg run it now. "We will grow," he said.',
        {"Tom Berg": M, "Wyatt & Zach Berg": UNKNOWN},
        [("We will grow,", "Tom Berg")]),
    "a name in a fronted subordinate clause is not the sentence's subject for he": (
        'After Tom Berg resigned, Carl Mott took over. "I am honoured," he said.',
        {"Tom Berg": M, "Carl Mott": M},
        [("I am honoured,", "Carl Mott")]),
    "he continues the subject of the second clause after 'while'": (
        'President Tom Berg said the fire was "a tragedy" while Interior Minister Dan Roe wrote he had ordered '
        'checks. He tweeted, "My thoughts are with the families."',
        {"Tom Berg": M, "Dan Roe": M},
        [("a tragedy", "Tom Berg"), ("My thoughts are with the families.", "Dan Roe")]),
    "he continues the first subject when the second is in a relative clause": (
        'Tom Berg agreed to a deal in which Dan Roe became prime minister. "It is a good day," he said.',
        {"Tom Berg": M, "Dan Roe": M},
        [("It is a good day,", "Tom Berg")]),
    "he continues the agent of a passive whose subject is no person": (
        'Officials declared Tom Berg irrelevant. They hold Mr Berg responsible. The position was spelt out by '
        'spokesman Dan Roe. "We will not talk to him," he said.',
        {"Tom Berg": M, "Dan Roe": M},
        [("We will not talk to him,", "Dan Roe")]),
    "he continues the person a passive is about, not its agent": (
        'Tom Berg was praised by Dan Roe on Friday. "I am grateful," he said.',
        {"Tom Berg": M, "Dan Roe": M},
        [("I am grateful,", "Tom Berg")]),
    "a passive whose subject is a pronoun keeps its agent an object": (
        'Tom Berg met Dan Roe at the port. Later he was thanked by Dan Roe. "It was nothing," he said.',
        {"Tom Berg": M, "Dan Roe": M},
        [("It was nothing,", "Tom Berg")]),
    "a person set off by commas after an organisation is its appositive, no list member": (
        'Tom Berg was arrested last week. The head of the Law Institute, Dan Roe, says Mr Berg could face '
        'a charge of treason. "He could be charged under the Crimes Act," he said.',
        {"Tom Berg": M, "Dan Roe": M, "Law Institute": ORG},
        [("He could be charged under the Crimes Act,", "Dan Roe")]),
    "a noun phrase after be and before by is no passive": (
        'Tom Berg spoke first. The best plan is a scheme by Dan Roe. "We back it," he said.',
        {"Tom Berg": M, "Dan Roe": M},
        [("We back it,", "Tom Berg")]),
}


# "It" continues the organisation that was the subject, not an object, a passive's agent or a
# source after "according to".
IT_CONTINUES = {
    "it continues the organisation that was the subject, not the object": (
        'The Safety Board criticised Acme Corporation. It said the fault was "not rare".',
        {"Safety Board": ORG, "Acme Corporation": ORG},
        [("not rare", "Safety Board")]),
    "it continues the subject, not the agent of a passive": (
        'Acme Corporation was criticised by the Safety Board. It said the fault was "rare".',
        {"Safety Board": ORG, "Acme Corporation": ORG},
        [("rare", "Acme Corporation")]),
    "it continues the subject, not the source after according to": (
        'Acme Corporation recalled the cars on Monday, according to Newswire. It said the fault was "rare".',
        {"Newswire": ORG, "Acme Corporation": ORG},
        [("rare", "Acme Corporation")]),
}


# A "she" continuing an unnamed woman ("There was a woman …") stays unnamed through sentences about
# no one else; a sentence naming a person ends the chain.
UNNAMED_CHAINS = {
    "a sentence about the narrator inside the chain": (
        'Kit Amman writes poems for the club. There was a woman, a season ticket holder. She was upset by the '
        'loss. By that point we had won the title. Last year she came up to me; she was happy. With tears in '
        'her eyes she said, "Thank you, thank you."',
        {"Kit Amman": ("person", None, ())},
        [("Thank you, thank you.", None)]),
    "no unnamed introduction: the person named before": (
        'Kit Amman writes poems for the club. She was upset by the loss. By that point we had won the title. '
        'Last year she came up to me. With tears in her eyes she said, "Thank you, thank you."',
        {"Kit Amman": ("person", None, ())},
        [("Thank you, thank you.", "Kit Amman")]),
    "a person named inside the chain ends it": (
        'There was a woman, a season ticket holder. Ann Price sat beside me. With tears in her eyes she said, '
        '"Thank you, thank you."',
        {"Ann Price": F},
        [("Thank you, thank you.", "Ann Price")]),
}


# The subject of a clause linked by "while"/"but" is the topic a later "he" continues, also when no
# list knows the gender of either name; a known gender before it still wins over an unknown linked one.
LINKED_CLAUSES = {
    "both genders unknown: the linked subject": (
        'President Xqot Duda said it was "appalling" while Minister Xqeb Roe wrote he had ordered checks. He '
        'tweeted, "I share your grief".',
        {"Xqot Duda": ("person", None, ()), "Xqeb Roe": ("person", None, ())},
        [("appalling", "Xqot Duda"), ("I share your grief", "Xqeb Roe")]),
    "a known gender before an unknown linked subject wins": (
        'President Tom Duda said it was "appalling" while Minister Xqeb Roe wrote about checks. He tweeted, '
        '"I share your grief".',
        {"Tom Duda": M, "Xqeb Roe": ("person", None, ())},
        [("appalling", "Tom Duda"), ("I share your grief", "Tom Duda")]),
    "a linked subject of the other gender is no antecedent": (
        'President Xqot Duda said it was "appalling" while Minister Ann Roe wrote about checks. He tweeted, '
        '"I share your grief".',
        {"Xqot Duda": ("person", None, ()), "Ann Roe": F},
        [("appalling", "Xqot Duda"), ("I share your grief", "Xqot Duda")]),
}

CASES = {**ANTECEDENTS, **IT_CONTINUES, **UNNAMED_CHAINS, **LINKED_CLAUSES}


@pytest.mark.parametrize("name", CASES)
def test_pronoun_chains(name: str) -> None:
    text, actors, expected = CASES[name]
    got = attributions(text, actors)
    assert got == expected


@pytest.mark.parametrize("text", [
    'Kit Amman met Tom Reed and Lin Bao at a pub. In between, she testified, she was attacked by Reed, Bao, and '
    'a third man. She told a guard, "they hurt me".',
    'Kit Amman met Tom Reed and Lin Bao at a pub. Later she was seen with Reed, Bao and a third man. She told a '
    'guard, "they hurt me".',
])
def test_later_members_of_a_prepositional_list_are_no_subject(text: str) -> None:
    actors = {"Kit Amman": F, "Tom Reed": ("person", None, ("Reed",)), "Lin Bao": ("person", None, ("Bao",))}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == ["Kit Amman"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Kit Amman talked of being a guest on Buffy Summers. Her role grew. "It was a good day," she recalls.',
     "Kit Amman"),
    ('Kit Amman spoke at Ann Price Hall on Monday. Nobody objected. "It was a good day," she said.', "Kit Amman"),
    ('Kit Amman met Ann Price on Monday. "It was a good day," she said.', "Kit Amman"),
])
def test_a_name_after_a_setting_preposition_is_no_topic(text: str, speaker: str) -> None:
    actors = {"Kit Amman": ("person", None, ()), "Buffy Summers": F, "Ann Price": F}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == [speaker]
