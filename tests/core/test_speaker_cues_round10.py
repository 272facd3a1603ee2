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


# People around a person, named through a preposition, speak for themselves: unnamed, or the person the
# article introduced with that noun; a spokesperson stays the person's voice.
ASSOCIATES = {
    "a friend of a person said": (
        'Tom Reed resigned on Monday. A friend of Tom Reed said he was "furious".',
        {"Tom Reed": M},
        [("furious", None)]),
    "people close to a surname said": (
        'Tom Reed resigned on Monday. People close to Reed said he was "furious".',
        {"Tom Reed": ("person", "m", ("Reed",))},
        [("furious", None)]),
    "an aide to a role phrase said": (
        'Mayor Tom Reed resigned on Monday. An aide to the mayor said he was "furious".',
        {"Tom Reed": M},
        [("furious", None)]),
    "the wife of a person said": (
        'Tom Reed resigned on Monday. The wife of Tom Reed said he was "exhausted".',
        {"Tom Reed": M},
        [("exhausted", None)]),
    "inverted: said a longtime friend of": (
        'Tom Reed resigned on Monday. "He was furious," said a longtime friend of Reed.',
        {"Tom Reed": ("person", "m", ("Reed",))},
        [("He was furious,", None)]),
    "according to sources close to": (
        'Tom Reed resigned on Monday. He was "furious", according to sources close to Reed.',
        {"Tom Reed": ("person", "m", ("Reed",))},
        [("furious", None)]),
    "a lawyer introduced with that noun speaks": (
        'Tom Reed hired lawyer Ann Price. A lawyer for Reed said he was "innocent".',
        {"Tom Reed": ("person", "m", ("Reed",)), "Ann Price": F},
        [("innocent", "Ann Price")]),
    "a spokesman for a person is the person's voice": (
        'Tom Reed resigned on Monday. A spokesman for Reed said he was "proud".',
        {"Tom Reed": ("person", "m", ("Reed",))},
        [("proud", "Tom Reed")]),
    "a person of an organisation still speaks": (
        'Tom Reed of the Eastport Trust said the plan was "dead".',
        {"Tom Reed": M, "Eastport Trust": ORG},
        [("dead", "Tom Reed")]),
}


@pytest.mark.parametrize("name", list(ASSOCIATES))
def test_associates_of_a_person(name: str) -> None:
    text, actors, expected = ASSOCIATES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


# A rank word before a role noun ("vice", "deputy") is part of the title the role phrase stands for.
RANKED_ROLES = {
    "the vice president, after the verb": (
        'Vice President Mike Pence spoke in Ohio. "We will win," the vice president said.',
        {"Mike Pence": M},
        [("We will win,", "Mike Pence")]),
    "the former vice president, inverted": (
        'Former Vice President Joe Biden spoke in Ohio. "We will win," said the former vice president.',
        {"Joe Biden": M},
        [("We will win,", "Joe Biden")]),
    "the vice president is not the president named last": (
        'Vice President Mike Pence spoke. President Carl Mott spoke. "We will win," the vice president said.',
        {"Mike Pence": M, "Carl Mott": M},
        [("We will win,", "Mike Pence")]),
    "the deputy minister before a plain minister": (
        'Deputy Minister Ann Price spoke. Minister Tom Reed spoke. Later the deputy minister said it was "over".',
        {"Ann Price": F, "Tom Reed": M},
        [("over", "Ann Price")]),
}


@pytest.mark.parametrize("name", list(RANKED_ROLES))
def test_ranked_roles(name: str) -> None:
    text, actors, expected = RANKED_ROLES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


def test_a_filing_speaks_for_the_body_that_filed_it() -> None:
    text = 'The Justice Department filed a motion on Monday. The filing called the subpoena "overbroad".'
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, {"Justice Department": ORG}))]
    assert got == [("overbroad", "Justice Department")]


# Verbs of advice, assurance and disclosure report speech like "said".
REPORTING_VERBS = {
    "advised her to": (
        'Tom Reed wrote to his niece. He advised her to "stay away from politics".',
        {"Tom Reed": M},
        [("stay away from politics", "Tom Reed")]),
    "an inverted advised": (
        '"Stay away from politics," advised Tom Reed.',
        {"Tom Reed": M},
        [("Stay away from politics,", "Tom Reed")]),
    "assured voters that": (
        'Ann Price assured voters that taxes would "not rise this year".',
        {"Ann Price": F},
        [("not rise this year", "Ann Price")]),
    "hinted after the run": (
        '"I may run again," Ann Price hinted on Monday.',
        {"Ann Price": F},
        [("I may run again,", "Ann Price")]),
    "threatened to": (
        'The Harbour Union threatened to "shut the port down" on Monday.',
        {"Harbour Union": ORG},
        [("shut the port down", "Harbour Union")]),
}


@pytest.mark.parametrize("name", list(REPORTING_VERBS))
def test_reporting_verbs(name: str) -> None:
    text, actors, expected = REPORTING_VERBS[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


# "the city" / "the county" as a speaker is the local government named before, never a club named "City".
CIVIC_BODIES = {
    "the city is the municipality": (
        'The Municipality of Eastport sued the school. "The fees are commercial," the city said.',
        {"Municipality of Eastport": ORG},
        [("The fees are commercial,", "Municipality of Eastport")]),
    "the city reasoned, comma before the run": (
        'The request was made by the Municipality of Eastport. The city reasoned, "the fees are commercial".',
        {"Municipality of Eastport": ORG},
        [("the fees are commercial", "Municipality of Eastport")]),
    "the city is its council": (
        'Eastport City Council sued Acme Corp. The city said the firm had "poisoned the river".',
        {"Eastport City Council": ORG, "Acme Corp": ORG},
        [("poisoned the river", "Eastport City Council")]),
    "the county is its council": (
        'Lake County Council sued Acme Corp. "The firm poisoned the river," said the county.',
        {"Lake County Council": ORG, "Acme Corp": ORG},
        [("The firm poisoned the river,", "Lake County Council")]),
    "a club named City is no city": (
        'Eastport City lost on Sunday. The city said the club had been "unlucky".',
        {"Eastport City": ORG},
        [("unlucky", None)]),
}


@pytest.mark.parametrize("name", list(CIVIC_BODIES))
def test_civic_bodies(name: str) -> None:
    text, actors, expected = CIVIC_BODIES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


# Frames where the speaker is named after the run without a speech verb of its own: the agent of a passive
# speech verb before the run, and a speech noun joined to the run by a copula or "came".
AFTER_THE_RUN = {
    "a passive agent after the run": (
        'The deal was described as "a disaster" by Ann Price.',
        {"Ann Price": F},
        [("a disaster", "Ann Price")]),
    "a passive agent after the run, an organisation": (
        'The plan was described as "a dangerous gamble for the port" by the Harbour Union on Monday.',
        {"Harbour Union": ORG},
        [("a dangerous gamble for the port", "Harbour Union")]),
    "an unnamed agent names nobody": (
        'Tom Reed, who was described as "dangerous" by the police, was freed. Acme Corp said nothing.',
        {"Tom Reed": M, "Acme Corp": ORG},
        [("dangerous", None)]),
    "no agent: the subject is spoken of": (
        'Tom Reed was described as "a bully" in the report.',
        {"Tom Reed": M},
        [("a bully", None)]),
    "was the message from": (
        '"We will not back down," was the message from Ann Price.',
        {"Ann Price": F},
        [("We will not back down,", "Ann Price")]),
    "came the reply from": (
        'Acme Corp asked for a delay. "The answer is no," came the reply from the Harbour Ministry.',
        {"Acme Corp": ORG, "Harbour Ministry": ORG},
        [("The answer is no,", "Harbour Ministry")]),
    "was the verdict of": (
        '"The law is void" was the unanimous verdict of the Eastport Court.',
        {"Eastport Court": ORG},
        [("The law is void", "Eastport Court")]),
    "a noun that is no speech names nobody": (
        '"Make the city great" was the title of a book by Tom Reed.',
        {"Tom Reed": M},
        [("Make the city great", None)]),
}


@pytest.mark.parametrize("name", list(AFTER_THE_RUN))
def test_speaker_named_after_the_run(name: str) -> None:
    text, actors, expected = AFTER_THE_RUN[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


# A "she" continuing an unnamed woman ("There was a woman …") stays unnamed through sentences about no one
# else; a sentence naming a person ends the chain.
UNNAMED_CHAINS = {
    "a sentence about the narrator inside the chain": (
        'Kit Amman writes poems for the club. There was a woman, a season ticket holder. She was upset by the '
        'loss. By that point we had won the title. Last year she came up to me; she was happy. With tears in '
        'her eyes she said, "Thank you, thank you."',
        {"Kit Amman": ("person", None, ())},
        [("Thank you, thank you.", None)]),
    "no unnamed introduction: the person named before": (
        'Kit Amman writes poems for the club. She was upset by the loss. By that point we had won the title. '
        'Last year she came up to me. With tears in her eyes she said, "Thank you, thank you."',
        {"Kit Amman": ("person", None, ())},
        [("Thank you, thank you.", "Kit Amman")]),
    "a person named inside the chain ends it": (
        'There was a woman, a season ticket holder. Ann Price sat beside me. With tears in her eyes she said, '
        '"Thank you, thank you."',
        {"Ann Price": F},
        [("Thank you, thank you.", "Ann Price")]),
}


@pytest.mark.parametrize("name", list(UNNAMED_CHAINS))
def test_unnamed_pronoun_chains(name: str) -> None:
    text, actors, expected = UNNAMED_CHAINS[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


@pytest.mark.parametrize("text", [
    'Tom Reed spoke on Monday. "The claims are baseless," the 54-year-old mayor said.',
    'Mayor Tom Reed spoke on Monday. Carl Mott watched. "The claims are baseless," the 54-year-old mayor said.',
    'Tom Reed spoke on Monday. The 54-year-old former mayor said the claims were "baseless".',
])
def test_an_age_before_a_role_narrows_no_office(text: str) -> None:
    actors = {"Tom Reed": M, "Carl Mott": M}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == ["Tom Reed"]


# Descriptions of an organisation: a collective noun continues the organisation that was the subject just
# before; a role noun modifying a document is the organisation named by that word.
ORGANISATION_DESCRIPTIONS = {
    "the rights group": (
        'Amnesty Watch criticised the ruling. The rights group called it "a travesty".',
        {"Amnesty Watch": ORG},
        [("a travesty", "Amnesty Watch")]),
    "the London-based group": (
        'Amnesty Watch criticised the ruling. The London-based group called it "a travesty".',
        {"Amnesty Watch": ORG, "London": ("place", None, ())},
        [("a travesty", "Amnesty Watch")]),
    "the world body, a paragraph later": (
        'The United Nations said the strikes were "unlawful".\n\nThe world body urged both sides to "show restraint".',
        {"United Nations": ORG},
        [("unlawful", "United Nations"), ("show restraint", "United Nations")]),
    "a group of people is no organisation": (
        'Five climbers were rescued on Monday. The group said they were "lucky to be alive".',
        {},
        [("lucky to be alive", None)]),
    "researchers at an organisation are no organisation subject": (
        'Researchers at Eastport University studied ants. The group found the ants were "self-medicating".',
        {"Eastport University": ORG},
        [("self-medicating", None)]),
    "a ministry statement": (
        'The Ministry of Defence confirmed the strike. "The target was a depot," a ministry statement said.',
        {"Ministry of Defence": ORG},
        [("The target was a depot,", "Ministry of Defence")]),
    "a police statement with no police named": (
        'The Ministry of Defence confirmed the strike. A police statement said the target was "a depot".',
        {"Ministry of Defence": ORG},
        [("a depot", None)]),
}


@pytest.mark.parametrize("name", list(ORGANISATION_DESCRIPTIONS))
def test_organisation_descriptions(name: str) -> None:
    text, actors, expected = ORGANISATION_DESCRIPTIONS[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


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


@pytest.mark.parametrize("name", list(STATEMENT_INTROS))
def test_statement_intros(name: str) -> None:
    text, actors, expected = STATEMENT_INTROS[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


# A document first named as "the proclamation" / "the order" is the words of the person who put it out
# ("signed", "declared"); a person who only spoke owns no later document.
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


@pytest.mark.parametrize("name", list(PERSONS_DOCUMENTS))
def test_documents_a_person_put_out(name: str) -> None:
    text, actors, expected = PERSONS_DOCUMENTS[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


@pytest.mark.parametrize("adverb", ["specifically", "clearly", "bluntly", "categorically", "sharply"])
def test_a_manner_adverb_between_subject_and_verb(adverb: str) -> None:
    text = f'Acme Corp recalled the cars. The company {adverb} said the fault was "rare".'
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, {"Acme Corp": ORG}))]
    assert got == ["Acme Corp"]


# A definite statement noun with modifiers ("the official statement", "the event description") is still
# the statement someone issued before.
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


@pytest.mark.parametrize("name", list(MODIFIED_STATEMENTS))
def test_modified_statements(name: str) -> None:
    text, actors, expected = MODIFIED_STATEMENTS[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


@pytest.mark.parametrize(("text", "speaker"), [
    ('Tom Reed was asked about the plan. His answer: "It is dead and buried."', "Tom Reed"),
    ('Ann Price met Tom Reed on Monday. Her reaction: "What a waste of time."', "Ann Price"),
    ('Acme Corp lost the case. Its response: "We will appeal the ruling."', "Acme Corp"),
])
def test_a_possessed_statement_before_a_colon(text: str, speaker: str) -> None:
    actors = {"Tom Reed": M, "Ann Price": F, "Acme Corp": ORG}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == [speaker]


@pytest.mark.parametrize("text", [
    'Kit Amman met Tom Reed and Lin Bao at a pub. In between, she testified, she was attacked by Reed, Bao, and '
    'a third man. She told a guard, "they hurt me".',
    'Kit Amman met Tom Reed and Lin Bao at a pub. Later she was seen with Reed, Bao and a third man. She told a '
    'guard, "they hurt me".',
])
def test_later_members_of_a_prepositional_list_are_no_subject(text: str) -> None:
    actors = {"Kit Amman": F, "Tom Reed": ("person", None, ("Reed",)), "Lin Bao": ("person", None, ("Bao",))}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == ["Kit Amman"]


# The subject of a clause linked by "while"/"but" is the topic a later "he" continues, also when no list
# knows the gender of either name; a known gender before it still wins over an unknown linked one.
LINKED_CLAUSES = {
    "both genders unknown: the linked subject": (
        'President Xqot Duda said it was "appalling" while Minister Xqeb Roe wrote he had ordered checks. He '
        'tweeted, "I share your grief".',
        {"Xqot Duda": ("person", None, ()), "Xqeb Roe": ("person", None, ())},
        [("appalling", "Xqot Duda"), ("I share your grief", "Xqeb Roe")]),
    "a known gender before an unknown linked subject wins": (
        'President Tom Duda said it was "appalling" while Minister Xqeb Roe wrote about checks. He tweeted, '
        '"I share your grief".',
        {"Tom Duda": M, "Xqeb Roe": ("person", None, ())},
        [("appalling", "Tom Duda"), ("I share your grief", "Tom Duda")]),
    "a linked subject of the other gender is no antecedent": (
        'President Xqot Duda said it was "appalling" while Minister Ann Roe wrote about checks. He tweeted, '
        '"I share your grief".',
        {"Xqot Duda": ("person", None, ()), "Ann Roe": F},
        [("appalling", "Xqot Duda"), ("I share your grief", "Xqot Duda")]),
}


@pytest.mark.parametrize("name", list(LINKED_CLAUSES))
def test_linked_clause_subjects(name: str) -> None:
    text, actors, expected = LINKED_CLAUSES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


@pytest.mark.parametrize(("text", "speaker"), [
    ('Kit Amman talked of being a guest on Buffy Summers. Her role grew. "It was a good day," she recalls.',
     "Kit Amman"),
    ('Kit Amman spoke at Ann Price Hall on Monday. Nobody objected. "It was a good day," she said.', "Kit Amman"),
    ('Kit Amman met Ann Price on Monday. "It was a good day," she said.', "Kit Amman"),
])
def test_a_name_after_a_setting_preposition_is_no_topic(text: str, speaker: str) -> None:
    actors = {"Kit Amman": ("person", None, ()), "Buffy Summers": F, "Ann Price": F}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == [speaker]
