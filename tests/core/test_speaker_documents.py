"""Documents as speakers: a letter or statement the article named before says what it "reads", and a
statement first named in a sentence's opening phrase ("In a letter to …, X said") is X's. Made-up
sentences, hand-made actor index."""

from __future__ import annotations

from .test_analysis_speakers import ORG, speakers

M = ("person", "m", ())
F = ("person", "f", ())


def test_the_statement_read_after_the_quotation_is_its_issuers() -> None:
    text = ('Senator Mary Oakes released a statement after the vote. "Today the Senate failed the people of '
            'Ohio," the statement read.')
    assert speakers(text, {"Mary Oakes": F}) == ["Mary Oakes"]


def test_the_letter_also_reads_skips_the_adverb() -> None:
    text = ('The Harbour Trust sent a letter to the council on Monday. "The pier is unsafe," the letter also '
            'reads.')
    assert speakers(text, {"Harbour Trust": ORG}) == ["Harbour Trust"]


def test_a_letter_named_in_an_opening_phrase_is_the_subjects() -> None:
    text = ('In a letter to the city council, Acme\'s lawyer John Harlow said "the permit was granted '
            'lawfully." The letter stressed "the company has met every condition."')
    assert speakers(text, {"John Harlow": M, "Acme": ORG}) == ["John Harlow", "John Harlow"]


def test_a_statement_named_in_an_opening_phrase_speaks_for_the_organisation() -> None:
    text = ('In its statement, the Ministry of Health said hospitals were "coping well." The statement added '
            'that "no new cases" had been found.')
    assert speakers(text, {"Ministry of Health": ORG}) == ["Ministry of Health", "Ministry of Health"]


def test_a_letter_modified_by_an_organisation_speaks_for_it() -> None:
    text = ('The Harbour Ministry will close the port. The Harbour Ministry letter reads "all ships must leave '
            'by Friday", but no date has been set.')
    assert speakers(text, {"Harbour Ministry": ORG}) == ["Harbour Ministry"]


def test_a_memo_modified_by_an_organisation_speaks_for_it() -> None:
    text = 'A Harbour Ministry memo said the closure was "temporary".'
    assert speakers(text, {"Harbour Ministry": ORG}) == ["Harbour Ministry"]


def test_a_document_published_by_an_organisation_is_its_words() -> None:
    text = 'A report published by the Eastport Institute said the closure was "long overdue".'
    assert speakers(text, {"Eastport Institute": ORG}) == ["Eastport Institute"]


def test_the_outlet_that_saw_a_letter_did_not_write_it() -> None:
    text = ('Ships crowded the port on Monday, Sky News reported. A leaked internal letter seen by Sky News says '
            '"all ships must leave by Friday".')
    assert speakers(text, {"Sky News": ORG}) == [None]


def test_a_letter_seen_by_an_outlet_is_the_issuing_organisations() -> None:
    text = ('The Harbour Ministry is issuing new rules for the port. A leaked internal letter seen by Sky News '
            'says "all ships must leave by Friday".')
    assert speakers(text, {"Harbour Ministry": ORG, "Sky News": ORG}) == ["Harbour Ministry"]


def test_according_to_a_memo_obtained_by_an_outlet_names_no_author() -> None:
    text = 'According to an internal memo obtained by Reuters, the closure is "temporary".'
    assert speakers(text, {"Reuters": ORG}) == [None]


def test_which_after_a_possessed_tweet_is_the_possessors() -> None:
    text = 'Carl Mott\'s tweet, which read "the deal is dead," was later deleted.'
    assert speakers(text, {"Carl Mott": M}) == ["Carl Mott"]


def test_the_report_said_is_the_author_named_with_its_first_mention() -> None:
    text = ('A report by the United Nations found that the camps were overcrowded. The report said conditions '
            'were "appalling."')
    assert speakers(text, {"United Nations": ORG}) == ["United Nations"]


def test_the_report_concluded_after_the_quotation_is_its_authors() -> None:
    text = ('A report from the Harbour Trust documented the abuses. "The evidence is overwhelming," the report '
            'concluded.')
    assert speakers(text, {"Harbour Trust": ORG}) == ["Harbour Trust"]


def test_a_report_about_someone_is_not_theirs() -> None:
    text = ('A report on the Harbour Trust found failings. "The evidence is overwhelming," the report '
            'concluded.')
    assert speakers(text, {"Harbour Trust": ORG}) == [None]


def test_a_possessed_verdict_before_a_colon_is_the_possessors() -> None:
    text = 'Carl Mott\'s verdict: "It was a shambles."'
    assert speakers(text, {"Carl Mott": M}) == ["Carl Mott"]
