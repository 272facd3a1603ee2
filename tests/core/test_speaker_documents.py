"""Documents as speakers: a letter or statement the article named before says what it "reads", a
statement first named in a sentence's opening phrase ("In a letter to …, X said") is X's, a possessed
document is its possessor's, and one a person signed or declared is that person's. Made-up
sentences, hand-made actor index."""

from __future__ import annotations

import pytest

from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import ORG, attributions, index_for, speakers

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


# A statement, report or warning that "read" or "said" is the words of the body that issued,
# released or announced it before; one nobody was said to issue, or one after a person spoke last, is
# nobody's.
ISSUED_DOCUMENTS = {
    "read the statement: the organisation that released it, named only in the first sentence": (
        'On Friday, the Joint Rescue Command released a statement saying the search had ended.\n\n'
        'A spokesperson told reporters the boat sank at noon. "All crew members are safe;" read the statement; '
        '"we thank the fishermen who helped."',
        {"Joint Rescue Command": ORG},
        [("All crew members are safe;", "Joint Rescue Command"),
         ("we thank the fishermen who helped.", "Joint Rescue Command")]),
    "said the statement, with the verb first": (
        'The Harbour Authority issued a statement on Monday. "The port stays open," said the statement.',
        {"Harbour Authority": ORG},
        [("The port stays open,", "Harbour Authority")]),
    "a statement nobody was said to issue stays unnamed": (
        'Rain fell all day. "The port stays open," said the statement.',
        {},
        [("The port stays open,", None)]),
    "a warning never mentioned before is the organisation that warned": (
        'The Coastal Storm Agency warned residents on Tuesday. "Expect flooding in low areas," read the warning.',
        {"Coastal Storm Agency": ORG},
        [("Expect flooding in low areas,", "Coastal Storm Agency")]),
    "the announcement is the organisation that announced": (
        'Codehub announced new rules on Monday. The announcement said claims would be treated as a "top '
        'priority".',
        {"Codehub": ORG},
        [("top priority", "Codehub")]),
    "a statement after a person spoke last is nobody's": (
        'The Coastal Storm Agency closed the port. Mayor Ann Roe said she was worried. "Stay home," read the '
        'statement.',
        {"Coastal Storm Agency": ORG, "Ann Roe": F},
        [("Stay home,", None)]),
    "the report said, after the report was issued": (
        'The Harbour Bank issued a report on Monday. "The plan is a disaster," the report said.',
        {"Harbour Bank": ORG},
        [("The plan is a disaster,", "Harbour Bank")]),
    "the Department issued a statement": (
        'The Nevada Department of Prisons (NDP) did not name him. The Department issued a statement that an '
        'inmate had been hurt: "There was an assault on an inmate on Friday."',
        {"Nevada Department of Prisons": ("organisation", None, ("NDP",))},
        [("There was an assault on an inmate on Friday.", "Nevada Department of Prisons")]),
}


# "A statement from the king" is the king's words when the article introduced him so.
STATEMENTS_FROM = {
    "a statement from someone, issued by another": (
        'King Aran Vell spoke on Friday. The palace issued the following statement from the king: "She keeps '
        'her status as a member of the dynasty."',
        {"King Aran Vell": M},
        [("She keeps her status as a member of the dynasty.", "King Aran Vell")]),
    "a statement from a role nobody was introduced with": (
        'Princess Ana Vell filed on Monday. The palace issued the following statement from the king: "She '
        'keeps her status as a member of the dynasty."',
        {"Ana Vell": F},
        [("She keeps her status as a member of the dynasty.", None)]),
}


# A possessed statement noun as the subject of a speech verb: its possessor speaks.
POSSESSED_SUBJECTS = {
    "a statement noun as subject before a speech verb: its possessor speaks": (
        'The Harbour Bank\'s report said the plan was "a disaster".',
        {"Harbour Bank": ORG},
        [("a disaster", "Harbour Bank")]),
    "his tweet said": (
        'Tom Berg posted a tweet. His tweet said the plan was "a disaster".',
        {"Tom Berg": M},
        [("a disaster", "Tom Berg")]),
}


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


# "It" right after a sentence naming a statement is that statement; a colon intro naming a possessed
# statement without a verb is the possessor's.
STATEMENT_INTROS = {
    "it read, colon, quotation paragraph below": (
        'Tom Reed issued a statement on Monday. It read:\n\n"We are deeply saddened by the news."',
        {"Tom Reed": M},
        [("We are deeply saddened by the news.", "Tom Reed")]),
    "it said, reported": (
        'Ann Price wrote a letter to the council. It said the plan was "a disgrace".',
        {"Ann Price": F},
        [("a disgrace", "Ann Price")]),
    "an organisation subject before still wins": (
        'Acme Corp issued a statement. It said the fault was "rare".',
        {"Acme Corp": ORG},
        [("rare", "Acme Corp")]),
    "no statement named: it is nobody": (
        'Tom Reed spoke on Monday. It said the plan was "a disgrace".',
        {"Tom Reed": M},
        [("a disgrace", None)]),
    "a possessed statement before a colon": (
        'Tom Reed\'s statement in full:\n\n"We are deeply saddened by the news."',
        {"Tom Reed": M},
        [("We are deeply saddened by the news.", "Tom Reed")]),
}


# A document first named as "the proclamation" / "the order" is the words of the person who put it
# out ("signed", "declared"); a person who only spoke owns no later document.
PERSONS_DOCUMENTS = {
    "declared, then the proclamation specifically said": (
        'On Friday, President Tom Reed declared a state of emergency. The move frees funds. The proclamation '
        'specifically said "the flood constitutes a national emergency".',
        {"Tom Reed": M},
        [("the flood constitutes a national emergency", "Tom Reed")]),
    "signed, then the order says": (
        'Governor Ann Price signed an executive order on Monday. The order says schools must "close at once".',
        {"Ann Price": F},
        [("close at once", "Ann Price")]),
    "a person who only spoke owns no later report": (
        'Tom Reed said the flood was over. The report said the river was "still rising".',
        {"Tom Reed": M},
        [("still rising", None)]),
    "an organisation that spoke still issues it": (
        'The Storm Agency warned residents on Monday. "Stay indoors," read the warning.',
        {"Storm Agency": ORG},
        [("Stay indoors,", "Storm Agency")]),
}


# A definite statement noun with modifiers ("the official statement", "the event description") is
# still the statement someone issued before.
MODIFIED_STATEMENTS = {
    "the official statement said, after the run": (
        'Acme Corp issued a statement on Monday. "The fault is rare," the official statement said.',
        {"Acme Corp": ORG},
        [("The fault is rare,", "Acme Corp")]),
    "the final report said": (
        'Acme Corp released a report. The final report said the fault was "rare".',
        {"Acme Corp": ORG},
        [("rare", "Acme Corp")]),
    "the event description read, after a person posted it": (
        'Kit Amman posted an event invitation on Friday. The event description read, "We will all meet at noon."',
        {"Kit Amman": ("person", None, ())},
        [("We will all meet at noon.", "Kit Amman")]),
}

CASES = {**ISSUED_DOCUMENTS, **STATEMENTS_FROM, **POSSESSED_SUBJECTS, **POSSESSED_DOCUMENTS, **NOT_DOCUMENTS,
         **STATEMENT_INTROS, **PERSONS_DOCUMENTS, **MODIFIED_STATEMENTS}


@pytest.mark.parametrize("name", CASES)
def test_documents_as_speakers(name: str) -> None:
    text, actors, expected = CASES[name]
    got = attributions(text, actors)
    assert got == expected


def test_a_filing_speaks_for_the_body_that_filed_it() -> None:
    text = 'The Justice Department filed a motion on Monday. The filing called the subpoena "overbroad".'
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, {"Justice Department": ORG}))]
    assert got == [("overbroad", "Justice Department")]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Tom Reed was asked about the plan. His answer: "It is dead and buried."', "Tom Reed"),
    ('Ann Price met Tom Reed on Monday. Her reaction: "What a waste of time."', "Ann Price"),
    ('Acme Corp lost the case. Its response: "We will appeal the ruling."', "Acme Corp"),
])
def test_a_possessed_statement_before_a_colon(text: str, speaker: str) -> None:
    actors = {"Tom Reed": M, "Ann Price": F, "Acme Corp": ORG}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == [speaker]
