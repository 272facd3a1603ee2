"""Speaker passes on made-up paragraphs in the AP/Reuters political style (not dev articles): time words
after the verb, organisations and statements as speakers, unnamed sources, quotations over paragraphs,
partial and scare quotes, titles of bills and books, tweets, pronouns across paragraphs.

Each paragraph has a hand-made actor index (see test_analysis_speakers), so these test the quotation and
speaker passes alone; the expected pairs were written from the text before running the engine.
"""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import index_for

M = ("person", "m", ())
F = ("person", "f", ())
ORG = ("organisation", None, ())

CASES = {
    "said Tuesday, then told reporters": (
        'President Marla Whitcomb said Tuesday that the agreement was "a good deal for American workers." '
        'She added that talks would resume next week.\n\n'
        '"We are not going to sign anything that hurts farmers," Whitcomb told reporters at the White House. '
        '"Not now, not ever."',
        {"Marla Whitcomb": ("person", "f", ("Whitcomb",)), "White House": ORG},
        [("a good deal for American workers.", "Marla Whitcomb"),
         ("We are not going to sign anything that hurts farmers,", "Marla Whitcomb"),
         ("Not now, not ever.", "Marla Whitcomb")]),
    "the White House said in a statement": (
        'The White House said in a statement that the tariffs were "necessary to protect national security." '
        'The Commerce Department declined to comment.\n\n'
        '"The administration will not be intimidated by threats," the statement said.',
        {"White House": ORG, "Commerce Department": ORG},
        [("necessary to protect national security.", "White House"),
         ("The administration will not be intimidated by threats,", "White House")]),
    "unnamed officials stay unnamed": (
        'A senior administration official said the president was "disappointed but not surprised" by the '
        'vote. Senator Dale Pruitt left the chamber early.\n\n'
        '"We expected this," the official said, speaking on condition of anonymity.',
        {"Dale Pruitt": M},
        [("disappointed but not surprised", None), ("We expected this,", None)]),
    "a quotation over two paragraphs": (
        'Governor Ellen Ruiz defended the budget in a speech on Monday.\n\n'
        '"This budget makes hard choices. It cuts waste and it protects the programs that working families '
        'rely on.\n\n'
        '"Anyone who tells you otherwise has not read it," Ruiz said.',
        {"Ellen Ruiz": ("person", "f", ("Ruiz",))},
        [("This budget makes hard choices. It cuts waste and it protects the programs that working families "
          "rely on.", "Ellen Ruiz"),
         ("Anyone who tells you otherwise has not read it,", "Ellen Ruiz")]),
    "partial quotes in one sentence": (
        'Representative Tom Hale called the ruling "deeply flawed" and said the court had "ignored decades of '
        'precedent." He vowed to introduce legislation to reverse it.',
        {"Tom Hale": M},
        [("deeply flawed", "Tom Hale"), ("ignored decades of precedent.", "Tom Hale")]),
    "titles of bills and books are no quotations": (
        'The House passed the "Safe Streets Act" on Thursday. Senator Joan Avery, who wrote the book '
        '"Winning Back Trust," said the bill was "long overdue."',
        {"Joan Avery": F},
        [("long overdue.", "Joan Avery")]),
    "a tweet and a tweet after a colon": (
        'Marla Whitcomb wrote on Twitter that the investigation was "a witch hunt." Hours later she tweeted '
        'again: "The people see through this. We will win!"',
        {"Marla Whitcomb": F, "Twitter": ORG},
        [("a witch hunt.", "Marla Whitcomb"), ("The people see through this. We will win!", "Marla Whitcomb")]),
    "a pronoun across a paragraph": (
        'Senate Majority Leader Frank Doyle spent the morning meeting with Republican colleagues.\n\n'
        'He later told reporters that the bill was "dead on arrival" in the Senate. "There is no path forward '
        'for this legislation," he said.',
        {"Frank Doyle": M},
        [("dead on arrival", "Frank Doyle"), ("There is no path forward for this legislation,", "Frank Doyle")]),
    "organisations and their spokesmen (a spokesman speaks for his organisation)": (
        'Ford Motor Company said in a statement that it would "cooperate fully with investigators." A Justice '
        'Department spokesman said the inquiry was "at an early stage."',
        {"Ford Motor Company": ORG, "Justice Department": ORG},
        [("cooperate fully with investigators.", "Ford Motor Company"), ("at an early stage.", "Justice Department")]),
    "anonymous sources, then a named press secretary": (
        'Two people familiar with the matter said the president had been "furious" about the leak. "He was '
        'yelling at everyone," one of them said.\n\n'
        'Asked about the report, White House press secretary Dana Kemp said: "That is simply not true."',
        {"Dana Kemp": F, "White House": ORG},
        [("furious", None), ("He was yelling at everyone,", None), ("That is simply not true.", "Dana Kemp")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_ap_style_paragraph(name: str) -> None:
    text, actors, expected = CASES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected
