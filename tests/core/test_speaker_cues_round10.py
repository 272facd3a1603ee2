"""Speaker rules of round 10, tested on made-up sentences in several shapes each: a hand-made actor index
for the speaker rules (`index_for`), so only the attribution is under test."""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import index_for

M = ("person", "m", ())
F = ("person", "f", ())
ORG = ("organisation", None, ())

# A document noun with modifiers between its possessor and itself is still the possessor's words.
POSSESSED_DOCUMENTS = {
    "his resignation letter said": (
        'Tom Reed resigned on Monday. His resignation letter said he was "proud of his record".',
        {"Tom Reed": M},
        [("proud of his record", "Tom Reed")]),
    "her brief statement read, colon": (
        'Ann Price resigned on Monday. Her brief statement read: "Thank you all."',
        {"Ann Price": F},
        [("Thank you all.", "Ann Price")]),
    "her farewell message read, after the run": (
        'Ann Price resigned on Monday. "Thank you all," her farewell message read.',
        {"Ann Price": F},
        [("Thank you all,", "Ann Price")]),
    "read her farewell message, inverted": (
        'Ann Price resigned on Monday. "Thank you all," read her farewell message.',
        {"Ann Price": F},
        [("Thank you all,", "Ann Price")]),
    "a name's farewell message read": (
        'Ann Price resigned on Monday. Price\'s farewell message read: "Thank you all."',
        {"Ann Price": ("person", "f", ("Price",))},
        [("Thank you all.", "Ann Price")]),
    "a name's two-word modified document said": (
        'Acme Bank cut 300 jobs. Acme Bank\'s annual staff report said the cuts were "painful".',
        {"Acme Bank": ORG},
        [("painful", "Acme Bank")]),
    "its official statement called": (
        'Acme Bank cut 300 jobs. Its official statement called the cuts "painful".',
        {"Acme Bank": ORG},
        [("painful", "Acme Bank")]),
}

# The possessive before a person noun is no document: the noun is someone else.
NOT_DOCUMENTS = {
    "said her husband": (
        'Ann Price won the final. "We did it," said her husband.',
        {"Ann Price": F},
        [("We did it,", None)]),
    "her longtime coach said": (
        'Ann Price won the final. Her longtime coach said it was "a dream".',
        {"Ann Price": F},
        [("a dream", None)]),
}


@pytest.mark.parametrize("name", list(POSSESSED_DOCUMENTS) + list(NOT_DOCUMENTS))
def test_possessed_documents(name: str) -> None:
    text, actors, expected = {**POSSESSED_DOCUMENTS, **NOT_DOCUMENTS}[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected
