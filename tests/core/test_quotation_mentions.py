"""Quoted words that are mentioned, not reported, on made-up sentences: labels given in a passive naming
construction, words held up as a comparison rather than said, terms after a metalinguistic noun and lists
of quoted terms."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyse

from .test_analysis_speakers import attributions

M = ("person", "m", ())
F = ("person", "f", ())


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyse(text).quotes]


# --------------------------------------------------------------------------------------------- passive labels
def test_passive_called_with_no_agent_is_a_label() -> None:
    text = "The small port town was once called the \"pearl\" of the northern coast, according to the BBC."
    assert quotes(text) == []


def test_passive_called_in_a_reported_clause_is_still_a_label() -> None:
    text = "Ann Roe said she was surprised to be called a \"radical reformer\" in one newspaper."
    assert quotes(text) == []


def test_passive_called_with_an_adverb_and_a_full_stop_inside_the_marks_is_a_label() -> None:
    assert quotes("The illness was commonly called \"marsh fever.\" It spread quickly.") == []


def test_passive_called_with_a_by_agent_is_that_agents_speech() -> None:
    text = "The mayor was called a \"liar\" by Tom Berger on Monday."
    assert quotes(text) == [("liar", "Tom Berger")]


def test_active_called_still_reports_words() -> None:
    assert quotes("Tom Berger called the mayor a \"liar\" on Monday.") == [("liar", "Tom Berger")]


# --------------------------------------------------------------------------------------------- comparisons
def test_words_after_sounds_like_are_a_comparison() -> None:
    text = "Ann Roe admitted that the reply sounds like, \"We read it and threw it away.\" She disagreed."
    assert quotes(text) == []


def test_words_after_it_was_not_just_like_are_a_comparison() -> None:
    text = "They planned every step; it wasn't just like \"oh let's see what happens tomorrow\", right?"
    assert quotes(text) == []


def test_a_persons_quotative_be_like_still_quotes_them() -> None:
    assert quotes("And I was like, \"I will never do that again.\"") == [("I will never do that again.", None)]
    assert [q for q, _ in quotes("And they were like, \"Why did you even come here today?\"")] == \
        ["Why did you even come here today?"]


def test_a_noun_with_like_giving_examples_still_quotes() -> None:
    text = "She asked questions like \"Why do the buses stop running so early?\" at every meeting."
    assert [q for q, _ in quotes(text)] == ["Why do the buses stop running so early?"]


# ------------------------------------------------------------------------------ terms in a preposed phrase
def test_term_in_a_preposed_phrase_is_not_the_later_speakers_words() -> None:
    text = ("Citing a letter about a mysterious \"silent partner\" who took a share of the money, "
            "Ann Roe said, \"You were the partner, I think.\"")
    assert quotes(text) == [("You were the partner, I think.", "Ann Roe")]


def test_speech_noun_after_a_determiner_is_no_cue_for_the_preposed_term() -> None:
    text = ("Holding up an email about a mysterious \"silent partner\" who took a share of the money, "
            "Ann Roe said, \"You were the partner, I think.\"")
    assert [s for q, s in quotes(text) if q == "silent partner"] in ([], [None])
    assert quotes(text)[-1] == ("You were the partner, I think.", "Ann Roe")


def test_run_opening_its_sentence_still_shares_the_split_quotes_speaker() -> None:
    text = "\"The plan can still work if we start early\", Tom Berger opines, \"and the town will thank us.\""
    assert quotes(text) == [("The plan can still work if we start early", "Tom Berger"),
                            ("and the town will thank us.", "Tom Berger")]


def test_run_after_a_speech_participle_still_shares_the_later_speaker() -> None:
    text = ("Saying \"the river will flood again this spring\" in Spanish, Mayor Tom Berger added, "
            "\"We must build the wall now.\"")
    assert [s for _, s in quotes(text)] == ["Tom Berger", "Tom Berger"]


# Quoted terms after a metalinguistic noun ("the description", "the phrase") are mentions, and so
# is a list of three or more quoted terms; two coordinated words and quoted sentences in a row stay
# quotations.
MENTIONED_TERMS = {
    "the description is a mention": (
        'Lee Park said the fees were fair. The filings use the description "consulting work" or leave it '
        'blank.',
        {"Lee Park": M},
        []),
    "the amendment phrase is a mention": (
        'Lee Park says the 14th Amendment phrase "subject to" referred to something else.',
        {"Lee Park": M},
        []),
    "a list of three quoted terms is no speech": (
        'Candidate Tom Berg professed himself "deeply worried" about the economy and endorsed using "health", '
        '"wealth", and "peace" as the measure of success.',
        {"Tom Berg": M},
        [("deeply worried", "Tom Berg")]),
    "two coordinated quoted words stay quotations": (
        'Senator Ann Roe called the plan "reckless" and "cruel".',
        {"Ann Roe": F},
        [("reckless", "Ann Roe"), ("cruel", "Ann Roe")]),
    "quoted sentences in a row are speech, not a list": (
        'Ann Roe was blunt: "We lost." "We will win." "We will be back."',
        {"Ann Roe": F},
        [("We lost.", "Ann Roe"), ("We will win.", "Ann Roe"), ("We will be back.", "Ann Roe")]),
}


@pytest.mark.parametrize("name", MENTIONED_TERMS)
def test_mentioned_terms(name: str) -> None:
    text, actors, expected = MENTIONED_TERMS[name]
    got = attributions(text, actors)
    assert got == expected
