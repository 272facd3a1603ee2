"""What separates speech from a mention in the quotation pass, on made-up sentences: pull quotes set off
by a dash and a name, and speech cues that belong to another clause than the quoted words."""

from __future__ import annotations

from newsreader.analysis import analyse


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyse(text).quotes]


# --------------------------------------------------------------------------------------------- pull quotes
def test_unmarked_pull_quote_with_a_dash_and_a_name_is_that_persons_quotation() -> None:
    text = ("The council met on Monday to discuss the bridge.\n\n"
            "[The plan is] a disgrace to everyone who lives in this town, and the council knows it. — Maria Lopez\n\n"
            "The vote was delayed until March.")
    assert quotes(text) == [("[The plan is] a disgrace to everyone who lives in this town, and the council knows it.",
                             "Maria Lopez")]


def test_pull_quote_name_may_carry_a_description_after_a_comma() -> None:
    text = ("The harbour reopened on Friday.\n\n"
            "We waited eleven years for this day and it finally came. – Tom Berger, harbour master")
    assert quotes(text) == [("We waited eleven years for this day and it finally came.", "Tom Berger")]


def test_dash_before_a_phrase_that_is_not_a_name_makes_no_pull_quote() -> None:
    text = ("Candidates stood for every seat in the city this year — and most of them lost.\n\n"
            "The count finished late. — Results follow below in full detail for every ward")
    assert quotes(text) == []


def test_a_short_line_with_a_dash_and_a_name_is_no_pull_quote() -> None:
    assert quotes("The winners were announced. — Ann Roe") == []


# --------------------------------------------------------------------------------------------- the run's clause
def test_speech_verb_in_a_preposed_when_clause_does_not_cue_a_short_run() -> None:
    text = ("When Ann Roe tweeted that the bridge would close for a year, the city painted "
            "\"road works\" on the gate.")
    assert quotes(text) == []


def test_speech_verb_in_the_runs_own_clause_after_a_preposed_clause_still_cues() -> None:
    text = "When the vote was counted, Ann Roe called the result \"a farce\" in front of the hall."
    assert [q for q, _ in quotes(text)] == ["a farce"]


def test_relative_clause_after_a_short_run_is_about_another_noun() -> None:
    text = ("Police held three men for \"causing panic,\" including a teacher, Tom Berger, who tried to "
            "warn the town about the flood.")
    assert quotes(text) == []


def test_subordinate_clause_between_a_verb_and_a_short_run_cuts_the_cue() -> None:
    text = "Ann Roe learned to write very early because her teachers were \"strict\" about it."
    assert quotes(text) == []


def test_a_verb_form_after_a_determiner_is_a_noun_not_a_cue() -> None:
    assert quotes('Twitter put "under review" across the tweet on Monday.') == []


def test_a_possessed_speech_noun_cues_a_short_run() -> None:
    text = 'Ann Roe kept her promise of "no new taxes" all through the year.'
    assert [q for q, _ in quotes(text)] == ["no new taxes"]


def test_a_cue_after_a_closed_relative_clause_still_speaks_the_run() -> None:
    text = "Council plans were \"a mess\" for the town, Ann Roe, who chairs the board, said on Monday."
    assert [q for q, _ in quotes(text)] == ["a mess"]


# --------------------------------------------------------------------------------------------- possessed words
def test_a_short_run_after_a_possessive_pronoun_is_the_possessors_words() -> None:
    text = "Tom Berger has restored old boats for ten years, his \"one true calling\", in a shed by the river."
    assert quotes(text) == [("one true calling", "Tom Berger")]


def test_a_one_word_run_after_a_possessive_pronoun_before_a_preposition() -> None:
    text = "Ann Roe started painting at school, and her \"obsession\" with colour never left."
    assert [q for q, _ in quotes(text)] == ["obsession"]


def test_a_run_modifying_the_noun_after_it_is_no_possessed_quotation() -> None:
    assert quotes('The deal would end their "junior partner" status within the union.') == []


# --------------------------------------------------------------------------------------------- noun phrases
def test_an_unattributed_run_that_is_a_noun_phrase_is_a_term() -> None:
    text = "The league stands for fair pay, open books, and \"a shared club spirit\" across its towns."
    assert quotes(text) == []


def test_an_unattributed_run_with_a_verb_is_a_clause_not_a_term() -> None:
    text = "The judge agreed the papers were secret but ruled that \"the harm is done\" by now."
    assert [q for q, _ in quotes(text)] == ["the harm is done"]
