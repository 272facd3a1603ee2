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
