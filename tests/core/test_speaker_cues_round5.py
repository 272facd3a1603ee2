"""Speaker and coreference rules of round 5 (error classes from the seen held-out sets, from articles with no
speaker gold and from made-up attribution patterns), tested on made-up sentences: a hand-made actor index for
the speaker rules, the whole engine for coreference and for the frames that depend on real mentions."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyse
from newsreader.analysis.passes.pronoun_gender import pronoun_genders
from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import index_for

M = ("person", "m", ())
F = ("person", "f", ())
UNKNOWN = ("person", None, ())
ORG = ("organisation", None, ())
PLACE = ("place", None, ())

CASES = {
    "a people's name made from a place is no antecedent of he": (
        'Voters in New Valea turned out in force. New Valeans filled the halls on Sunday. Political scientist '
        'Lin Bao said turnout was high. He noted, "This is a clear message."',
        {"New Valea": PLACE, "New Valeans": UNKNOWN, "Lin Bao": F},
        [("This is a clear message.", "Lin Bao")]),
    "two people joined in one name are no antecedent of he": (
        'Tom Berg founded the firm. His sons Wyatt & Zach Berg run it now. "We will grow," he said.',
        {"Tom Berg": M, "Wyatt & Zach Berg": UNKNOWN},
        [("We will grow,", "Tom Berg")]),
    "a pronoun against the forename list's gender, with no one else in reach, is the subject before": (
        'Political scientist Lin Bao said turnout was high. He noted, "This is a clear message."',
        {"Lin Bao": F},
        [("This is a clear message.", "Lin Bao")]),
    "the forename list still rules when a person of the pronoun's gender is in reach": (
        'Tom Berg chairs the board. Lin Bao said turnout was high. He noted, "This is a clear message."',
        {"Tom Berg": M, "Lin Bao": F},
        [("This is a clear message.", "Tom Berg")]),
    "a pronoun two sentences past a person of the other listed gender stays unnamed": (
        'Lin Bao spoke on Sunday. Turnout was high. The vote was calm. He noted, "This is a clear message."',
        {"Lin Bao": F},
        [("This is a clear message.", None)]),
    "a pronoun against the listed gender finds the subject across a paragraph break": (
        '"We were amazed," Lin Bao told the Herald.\n\n"Our work opens a new field," he told the Post.',
        {"Lin Bao": F},
        [("We were amazed,", "Lin Bao"), ("Our work opens a new field,", "Lin Bao")]),
    "a statement noun as subject before a speech verb: its possessor speaks": (
        'The Harbour Bank\'s report said the plan was "a disaster".',
        {"Harbour Bank": ORG},
        [("a disaster", "Harbour Bank")]),
    "the report said, after the report was issued": (
        'The Harbour Bank issued a report on Monday. "The plan is a disaster," the report said.',
        {"Harbour Bank": ORG},
        [("The plan is a disaster,", "Harbour Bank")]),
    "his tweet said": (
        'Tom Berg posted a tweet. His tweet said the plan was "a disaster".',
        {"Tom Berg": M},
        [("a disaster", "Tom Berg")]),
    "took to a platform to say: the clause subject speaks, not the platform": (
        'Ann Roe took to Chirper to say she would "fight the plan".',
        {"Ann Roe": F, "Chirper": ORG},
        [("fight the plan", "Ann Roe")]),
    "the object of a control verb still speaks": (
        'The scandal led Ann Roe to say she would "fight the plan".',
        {"Ann Roe": F},
        [("fight the plan", "Ann Roe")]),
    "a comma inside an organisation's name is no appositive boundary": (
        'Cynthia Moss, curator and director of exhibits at the University of Ozark, Fayville, said, "These images '
        'serve as documentation."',
        {"Cynthia Moss": F, "University of Ozark, Fayville": ORG},
        [("These images serve as documentation.", "Cynthia Moss")]),
    "a described subject with a name and an age: the name speaks, not the age": (
        'The defendant, Carl Mott, 34, told the court: "I did nothing wrong."',
        {"Carl Mott": M},
        [("I did nothing wrong.", "Carl Mott")]),
    "a name and an age alone": (
        'Tom Berg, 54, said it was "bad".',
        {"Tom Berg": M},
        [("bad", "Tom Berg")]),
    "a name in a fronted subordinate clause is not the sentence's subject for he": (
        'After Tom Berg resigned, Carl Mott took over. "I am honoured," he said.',
        {"Tom Berg": M, "Carl Mott": M},
        [("I am honoured,", "Carl Mott")]),
    "a frequency adverb between the subject and the verb": (
        'Ann Roe leads the group. Roe always says "every vote counts".',
        {"Ann Roe": F},
        [("every vote counts", "Ann Roe")]),
    "an interview answer's I with an adverb": (
        'Wikinews interviewed Ann Roe.\n\n((WN)) Why run?\n\n((Ann Roe)) As I always say, "every vote counts".',
        {"Ann Roe": F},
        [("every vote counts", "Ann Roe")]),
    "a possessor's description that spells an organisation's name is that organisation": (
        'Ann Roe died on Monday. Roe\'s animal foundation said she had been in "good health". She founded the '
        'Ann Roe Animal Foundation in 1978.',
        {"Ann Roe Animal Foundation": ORG, "Ann Roe": F},
        [("good health", "Ann Roe Animal Foundation")]),
    "a possessor's description naming no organisation of the article stays unnamed": (
        'Ann Roe died on Monday. Roe\'s animal foundation said she had been in "good health".',
        {"Ann Roe": F, "Harbour Bank": ORG},
        [("good health", None)]),
    "titles before a person who opens the subject, a possessive place before the organisation": (
        'Lead author Sally Wase of Ozland\'s Griff University explained to the press, "The ibis was sacred."',
        {"Sally Wase": F, "Ozland": PLACE, "Griff University": ORG},
        [("The ibis was sacred.", "Sally Wase")]),
    "an organisation inside a relative clause of the subject does not speak": (
        'The government statement, which was posted on Chirper, announced his death "with great sorrow".',
        {"Chirper": ORG},
        [("with great sorrow", None)]),
    "a dash attribution with a long description after its comma": (
        '"We have brains." — Tom Berg, on whether the country can grow without oil and what that would mean.',
        {"Tom Berg": M},
        [("We have brains.", "Tom Berg")]),
    "a passive report before an infinitive speech verb: the subject speaks": (
        'Tom Berg is said to have called the plan "dead".',
        {"Tom Berg": M},
        [("dead", "Tom Berg")]),
    "a passive report of the subject's state names no speaker": (
        'Tom Berg was said to be suffering "minor symptoms".',
        {"Tom Berg": M},
        [("minor symptoms", None)]),
    "it continues the organisation that was the subject, not the object": (
        'The Safety Board criticised Acme Corporation. It said the fault was "not rare".',
        {"Safety Board": ORG, "Acme Corporation": ORG},
        [("not rare", "Safety Board")]),
    "it continues the subject, not the agent of a passive": (
        'Acme Corporation was criticised by the Safety Board. It said the fault was "rare".',
        {"Safety Board": ORG, "Acme Corporation": ORG},
        [("rare", "Acme Corporation")]),
    "it continues the subject, not the source after according to": (
        'Acme Corporation recalled the cars on Monday, according to Newswire. It said the fault was "rare".',
        {"Newswire": ORG, "Acme Corporation": ORG},
        [("rare", "Acme Corporation")]),
    "an inverted role phrase after the quotation": (
        'Mayor Ann Roe spoke on Monday. "The plan is dead," said the mayor.',
        {"Ann Roe": F},
        [("The plan is dead,", "Ann Roe")]),
    "an age noun as the subject": (
        'Ann Roe won the race on Sunday. "I am so happy," the 24-year-old said after the race.',
        {"Ann Roe": F},
        [("I am so happy,", "Ann Roe")]),
    "an inverted age noun": (
        'Ann Roe won the race on Sunday. "I am so happy," said the 24-year-old.',
        {"Ann Roe": F},
        [("I am so happy,", "Ann Roe")]),
    "a long appositive between the name and a trailing verb": (
        '"This is a major discovery," lead author Ann Roe, a professor at the University of Leeds, said in a '
        'press release.',
        {"Ann Roe": F, "University of Leeds": ORG},
        [("This is a major discovery,", "Ann Roe")]),
    "an industry noun for an organisation": (
        'Acme Corp recalled 10,000 cars on Monday.\n\n"The fault is rare," said the automaker.',
        {"Acme Corp": ORG},
        [("The fault is rare,", "Acme Corp")]),
    "an office taken for a person before an appositive name: the name speaks": (
        'The Senate Minority Leader, Carl Mott, said on Friday "we made a plea to the president."',
        {"Minority Leader": UNKNOWN, "Carl Mott": M},
        [("we made a plea to the president.", "Carl Mott")]),
    "a person head before an appositive role keeps speaking": (
        'Carl Mott, the Senate Minority Leader, said on Friday "we made a plea to the president."',
        {"Carl Mott": M},
        [("we made a plea to the president.", "Carl Mott")]),
    "an auxiliary before a comma aside: the name before it speaks": (
        'The Harbour Ministry has, in a statement, called on drivers to "slow down near schools."',
        {"Harbour Ministry": ORG},
        [("slow down near schools.", "Harbour Ministry")]),
    "a modal before a comma aside": (
        'Ann Roe will, as she did last year, urge voters to "stay home if sick."',
        {"Ann Roe": F},
        [("stay home if sick.", "Ann Roe")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_round5_case(name: str) -> None:
    text, actors, expected = CASES[name]
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == expected


def test_an_abridged_organisation_name_is_the_longer_one() -> None:
    a = analyse('The Emergency Situations Ministry said the road was closed. Later the Emergencies Ministry '
                'called on drivers to "slow down near schools."')
    assert [x.name for x in a.actors if "Ministry" in x.name] == ["Emergency Situations Ministry"]
    assert [q.speaker for q in a.quotes] == ["Emergency Situations Ministry"]


def test_the_body_after_of_is_not_abridged_by_its_parent() -> None:
    a = analyse('The Rescue Centre of the Harbour Guard took the call. The Harbour Guard sent two boats.')
    assert "Harbour Guard" in [x.name for x in a.actors]


def test_a_coordinated_body_keeps_its_own_name() -> None:
    a = analyse('Officials of the North Line Railway and Lake Division met on Monday. The Lake Division said '
                'trains would run.')
    assert "Lake Division" in [x.name for x in a.actors]


def test_a_pronoun_of_the_other_gender_after_the_first_of_its_sentence_is_someone_else() -> None:
    text = ('Kit Amman was arrested on Monday. He told her that his plan was secret. He had advised her to leave '
            'her home.')
    index = index_for(text, {"Kit Amman": UNKNOWN})
    assert pronoun_genders(tokenize(text), index.spans, lambda pos: False) == {"Kit Amman": "m"}


def test_a_lead_in_in_the_quotations_own_sentence_beats_a_cue_in_the_next_sentence() -> None:
    got = [q.speaker for q in analyse('Superintendent Ann Yule said at a press conference: "The lives were '
                                      'threatened." Amnesty International has called for an inquiry.').quotes]
    assert got == ["Ann Yule"], got


def test_and_between_a_description_and_a_title_joins_one_speakers_roles() -> None:
    text = '"It may dazzle flies," said study co-author and Royal Academy Research Fellow Marta Howe.'
    assert [q.speaker for q in analyse(text).quotes] == ["Marta Howe"]
    assert [q.speaker for q in analyse('"We won," said the coach and his captain, Ann Lee.').quotes] == [None]


def test_a_capitalised_title_of_several_words_is_matched_whole() -> None:
    text = ('Prime Minister Igor Matov spoke on Monday. After Finance Minister Richard Sulik failed to buy '
            'kits, the Prime Minister apologised to the people for "having an idiot as economy minister."')
    assert [q.speaker for q in analyse(text).quotes] == ["Igor Matov"]


def test_a_ranked_title_is_another_office() -> None:
    text = 'President Joe Biden spoke. Vice President Kamala Harris agreed. The president said it was "good."'
    assert [q.speaker for q in analyse(text).quotes] == ["Joe Biden"]


def test_a_role_of_a_body_named_by_its_word_needs_that_body() -> None:
    text = 'The Acme Foundation gave money. The court ruled: "The law stands." The company said it was "glad."'
    assert [q.speaker for q in analyse(text).quotes] == [None, "Acme Foundation"]
