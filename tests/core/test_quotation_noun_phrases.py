"""Short quoted runs inside a noun phrase of the writer's own sentence, or unattributed inside an interview
turn, are terms, not speech: made-up sentences with a hand-made actor index."""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import index_for

F = ("person", "f", ())
ORG = ("organisation", None, ())

CASES = {
    "an article opens the run": (
        'Upgrades bring new packages. The "rebasing" of packages lets us maintain the balance.',
        {}, []),
    "a quantifier and a longer run": (
        'That said, Lark Systems is working on some "low- or no-cost programs" for small users.',
        {"Lark Systems": ORG}, []),
    "a modifier between the article and the run": (
        'In another potential "October surprise," the Daily Post lost its printing licence.',
        {"Daily Post": ORG}, []),
    "an attributed run after an article stays speech": (
        'Dr Ann Roe called it a "tipping point" in the study.',
        {"Ann Roe": F}, [("tipping point", "Ann Roe")]),
    "a characterisation with as stays speech": (
        'Several senators condemned the act, citing the move as a "grave abuse of power" by the agency.',
        {}, [("grave abuse of power", None)]),
    "a noun phrase joined to a framed run shares its frame": (
        'The comments called her party fascist and termed her a "corrupt oaf" and a "lousy traitor".',
        {}, [("corrupt oaf", None), ("lousy traitor", None)]),
    "a short unattributed term inside an interview answer": (
        '((WN)) How is it funded?\n\n((Ann Roe)) That said, I get donations or "tips" every month, which cover '
        'the hosting costs.',
        {"Ann Roe": F}, []),
    "an attributed short run inside an interview answer stays": (
        '((Ann Roe)) My mother always said "keep going" to me.',
        {"Ann Roe": F}, [("keep going", None)]),
    "a run closing on a full stop is a sentence": (
        'The minister did not answer. The reply was a curt "No comment." The next day she resigned.',
        {}, [("No comment.", None)]),
}


@pytest.mark.parametrize("name", CASES)
def test_noun_phrase_runs(name: str) -> None:
    text, actors, expected = CASES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected
