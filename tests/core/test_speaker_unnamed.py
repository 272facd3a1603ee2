"""Speakers that stay unnamed: the engine names a speaker only when the words point at a named actor.

Made-up sentences with a hand-made actor index (`index_for`): pronouns whose organisation is out of reach,
members of a named organisation (officials, sources, lawyers), who are not that organisation, and people
around a person ("a friend of Reed"), who are not that person. A spokesperson
is the organisation's voice and names it.
"""

from __future__ import annotations

import pytest

from .test_analysis_speakers import ORG, PERSON_F, PERSON_M, attributions, speakers

M = ("person", "m", ())
F = ("person", "f", ())


def test_they_continues_an_organisation_of_the_previous_sentence() -> None:
    text = 'Acme Corp announced a recall on Monday. They said the fault was "a rare defect."'
    assert speakers(text, {"Acme Corp": ORG}) == ["Acme Corp"]


def test_it_continues_an_organisation_two_sentences_back() -> None:
    text = ('The Harbour Ministry closed the port on Monday. Ships were turned away. It said the port would '
            'reopen "soon".')
    assert speakers(text, {"Harbour Ministry": ORG}) == ["Harbour Ministry"]


def test_they_does_not_reach_past_the_previous_sentence_for_an_organisation() -> None:
    text = ('Acme Corp funded the survey last year. The authors say the results are worrying. Most schools '
            'took part. They call for "urgent action on salt."')
    assert speakers(text, {"Acme Corp": ORG}) == [None]


def test_generic_they_in_an_answer_is_nobody() -> None:
    text = ('I left Facebook years ago. I never looked back. If you talk to anybody who is religious, any '
            'questions they ask, the answer would be "Don\'t question God".')
    assert speakers(text, {"Facebook": ORG}) == [None]


def test_their_statement_needs_an_organisation_in_reach() -> None:
    text = ('Acme Corp sued the city in May. The mayor met residents on Friday. Three schools closed. Their '
            'statement read "We will rebuild."')
    assert speakers(text, {"Acme Corp": ORG}) == [None]


def test_a_person_named_beside_the_organisation_does_not_change_it() -> None:
    """The spokesman speaks for the organisation that modifies him, not for the person named before."""
    text = 'Carl Mott met Acme Corp on Monday. "We have no comment," an Acme Corp spokesman said.'
    assert speakers(text, {"Carl Mott": PERSON_M, "Acme Corp": ORG}) == ["Acme Corp"]


def test_a_source_within_an_organisation_is_someone_unnamed() -> None:
    text = 'A source within the central Transport Ministry said "I have been told not to talk."'
    assert speakers(text, {"Transport Ministry": ORG}) == [None]


def test_officials_at_an_organisation_are_unnamed() -> None:
    text = 'Officials at the Harbour Agency said the fire was "under control".'
    assert speakers(text, {"Harbour Agency": ORG}) == [None]


def test_what_an_organisation_called_keeps_the_organisation() -> None:
    text = 'The move was met with what the Daily Ledger called "fury" from local chiefs.'
    assert speakers(text, {"Daily Ledger": ORG}) == ["Daily Ledger"]


def test_an_object_is_not_the_subject_of_a_coordinated_verb() -> None:
    text = ('The government announced that tests found Vexamine in Carl Mott\'s blood, and said there was '
            '"unequivocal" proof of poisoning.')
    assert speakers(text, {"Vexamine": ORG, "Carl Mott": PERSON_M}) == [None]


def test_a_name_after_a_copula_is_not_the_subject_of_a_coordinated_verb() -> None:
    text = ("Even though I'm not Carl Mott or somebody, when people come up to me and say, 'Hey Frank, my name "
            "is John,' I laugh.")
    assert speakers(text, {"Carl Mott": PERSON_M}) == [None]


def test_she_after_an_unnamed_subject_is_unnamed() -> None:
    text = ('Prosecutor Rosa Lind said the victims were "vulnerable". One of the victims decided to speak. '
            'She said she did this to show others "there is nothing to be ashamed of".')
    assert speakers(text, {"Rosa Lind": PERSON_F}) == ["Rosa Lind", None]


def test_she_after_a_described_unnamed_speaker_is_unnamed() -> None:
    text = ('Rosa Lind was convicted. The head of the internal investigators told the court "Basic checks were '
            'not done." She also said "I regret we were not called."')
    assert speakers(text, {"Rosa Lind": PERSON_F}) == [None, None]


def test_she_after_a_plural_subject_still_continues_the_person() -> None:
    text = ('Rosa Lind talked of being cast in a pilot. Faced with losing her, the producers made her a '
            'regular. "It was a good day," she recalls.')
    assert speakers(text, {"Rosa Lind": PERSON_F}) == ["Rosa Lind"]


def test_he_after_a_quotation_is_not_an_opening_pronoun() -> None:
    text = ('Wednesday, the same day that he dropped out, Carl Mott endorsed his rival. "Three months ago," he '
            'said, "I entered the race."')
    assert speakers(text, {"Carl Mott": PERSON_M}) == ["Carl Mott", "Carl Mott"]


def test_a_possessors_spokesman_speaks_for_it_a_lawyer_stays_unnamed() -> None:
    """An organisation's spokesman is its voice; a lawyer speaks for a client, and stays unnamed."""
    text = ('Acme Corp\'s spokesman said the claim was "baseless". Acme Corp\'s lawyer said the suit was '
            '"frivolous". Carl Mott was charged. His lawyer said the case was "weak".')
    assert speakers(text, {"Acme Corp": ORG, "Carl Mott": PERSON_M}) == ["Acme Corp", None, None]


def test_a_possessors_statement_still_speaks_for_it() -> None:
    text = 'Acme Corp\'s statement said the claim was "baseless".'
    assert speakers(text, {"Acme Corp": ORG}) == ["Acme Corp"]


def test_which_after_a_law_is_the_law_not_the_organisation_before_it() -> None:
    text = ('Acme Corp\'s notice published by Hubco alleged violation of Section 12 of the code which says '
            '"No person shall circumvent a measure".')
    assert speakers(text, {"Acme Corp": ORG, "Hubco": ORG}) == [None]


def test_which_after_a_statement_is_its_issuers() -> None:
    text = 'Hubco released a statement which read, in part, "This judgment raises critical questions".'
    assert speakers(text, {"Hubco": ORG}) == ["Hubco"]


def test_which_right_after_an_organisation_is_the_organisation() -> None:
    text = 'The rules were set by Hubco, which said they were "final".'
    assert speakers(text, {"Hubco": ORG}) == ["Hubco"]


def test_a_list_including_a_name_earlier_in_the_sentence_is_no_group_subject() -> None:
    text = ('Rosa Lind wrote several books, including the novel Dust, which the Daily Ledger called "the '
            'steamiest book ever written".')
    assert speakers(text, {"Rosa Lind": PERSON_F, "Daily Ledger": ORG}) == ["Daily Ledger"]


def test_a_narrower_office_is_not_the_minister_named_before() -> None:
    text = ('Civil Aviation Minister Ravi Shah said 18 people died. The local health minister said, "The injured '
            'have been taken to hospital."')
    assert speakers(text, {"Ravi Shah": PERSON_M}) == [None]


def test_the_same_office_with_a_generic_modifier_is_the_minister_named_before() -> None:
    text = 'Health Minister Ravi Shah visited the site. The local health minister said, "We are ready."'
    assert speakers(text, {"Ravi Shah": PERSON_M}) == ["Ravi Shah"]


def test_a_noun_after_a_preposition_is_the_subject_of_the_participle() -> None:
    text = 'Carl Mott attacked the press, giving an example of the media falsely describing him as a "felon".'
    assert speakers(text, {"Carl Mott": PERSON_M}) == [None]


def test_a_verbs_object_before_a_participle_leaves_the_clause_subject() -> None:
    text = 'Carl Mott explained the decision to ban the players saying, "They broke the rules."'
    assert speakers(text, {"Carl Mott": PERSON_M}) == ["Carl Mott"]


def test_a_statement_before_a_participle_is_its_issuers() -> None:
    text = 'Acme Corp released a statement on its website saying it was "deeply saddened".'
    assert speakers(text, {"Acme Corp": ORG}) == ["Acme Corp"]


def test_a_long_description_before_a_name_is_no_unnamed_subject() -> None:
    text = ('Rosa Lind spoke first. The former minister of state for health and social care Carl Mott said the '
            'plan failed. He said it was "a disaster".')
    assert speakers(text, {"Carl Mott": PERSON_M, "Rosa Lind": PERSON_F}) == ["Carl Mott"]


def test_the_chairman_of_an_organisation_is_not_the_man_named_last() -> None:
    text = 'Carl Mott arrived on Monday. "We will sell," the chairman of Acme Corp said.'
    assert speakers(text, {"Carl Mott": PERSON_M, "Acme Corp": ORG}) == [None]


def test_the_chairman_of_an_organisation_is_the_person_introduced_so() -> None:
    text = 'Acme Corp chairman Carl Mott arrived. The chairman of Acme Corp said it would "sell everything".'
    assert speakers(text, {"Carl Mott": PERSON_M, "Acme Corp": ORG}) == ["Carl Mott"]


# People around a person, named through a preposition, speak for themselves: unnamed, or the person
# the article introduced with that noun; a spokesperson stays the person's voice.
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


# An organisation inside a relative clause of the subject does not speak.
RELATIVE_CLAUSES = {
    "an organisation inside a relative clause of the subject does not speak": (
        'The government statement, which was posted on Chirper, announced his death "with great sorrow".',
        {"Chirper": ORG},
        [("with great sorrow", None)]),
}

CASES = {**ASSOCIATES, **RELATIVE_CLAUSES}


@pytest.mark.parametrize("name", CASES)
def test_unnamed_speakers(name: str) -> None:
    text, actors, expected = CASES[name]
    got = attributions(text, actors)
    assert got == expected
