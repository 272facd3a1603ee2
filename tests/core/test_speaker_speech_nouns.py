"""A quotation completing a possessed speech noun's "that" clause ('Mott's claim that the vote was
"rigged"') quotes the possessor, even though the clause has a verb of its own; a linking verb right after
the noun still makes the run a judgement of it. Made-up sentences, hand-made actor index."""

from __future__ import annotations

from .test_analysis_speakers import PERSON_F, PERSON_M, speakers

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
