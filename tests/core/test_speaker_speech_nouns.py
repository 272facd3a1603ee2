"""A quotation completing a possessed speech noun's "that" clause ('Mott's claim that the vote was
"rigged"') quotes the possessor, even though the clause has a verb of its own; a linking verb right after
the noun still makes the run a judgement of it; a run right after a possessive ("their "…"", "in her view")
is the possessor's words. Made-up sentences, hand-made actor index."""

from __future__ import annotations

import pytest

from .test_analysis_speakers import ORG, PERSON_F, PERSON_M, attributions, speakers

F = ("person", "f", ())

ACTORS = {"Ann Roe": PERSON_F, "Carl Mott": PERSON_M}


def test_a_claim_that_clause_quotes_the_claimant() -> None:
    text = 'Ann Roe rejected Carl Mott\'s claim that the election was "rigged from the start."'
    assert speakers(text, ACTORS) == ["Carl Mott"]


def test_a_claim_that_clause_is_not_the_subject_who_responds() -> None:
    text = 'Ann Roe responded to Carl Mott\'s claim that she was "unfit for office."'
    assert speakers(text, ACTORS) == ["Carl Mott"]


def test_a_linking_verb_after_the_noun_is_a_judgement_of_it() -> None:
    text = 'Carl Mott\'s description of the deal was "unfair," Ann Roe said.'
    assert speakers(text, ACTORS) == ["Ann Roe"]


# A run right after a possessive ("their "…"", "in her view") is the possessor's words.
POSSESSORS = {
    "a run right after a possessive pronoun is the possessor's description": (
        'Toyland hosted a panel about its new toys. The company\'s upcoming helmet is their "number one requested '
        'hero helmet. This is the most labor-intensive helmet to date." Fans queued for hours.',
        {"Toyland": ORG},
        [("number one requested hero helmet. This is the most labor-intensive helmet to date.", "Toyland")]),
    "in her view: the possessor speaks when the clause names nobody": (
        'Economist Laura Chen is skeptical of the plan. In her view, the tax cut will "mostly help the wealthy".',
        {"Laura Chen": F},
        [("mostly help the wealthy", "Laura Chen")]),
}


@pytest.mark.parametrize("name", POSSESSORS)
def test_runs_after_a_possessive(name: str) -> None:
    text, actors, expected = POSSESSORS[name]
    got = attributions(text, actors)
    assert got == expected
