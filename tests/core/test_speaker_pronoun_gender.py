"""Gender from the article's own pronouns (`pronoun_gender`): made-up articles with a hand-made actor index
in which the forename says nothing (or the wrong thing) and the text's "she"/"his" decide, and how far a
pronoun against the forename list's gender may reach."""

from __future__ import annotations

import pytest

from newsreader.analysis.passes.pronoun_gender import pronoun_genders
from newsreader.analysis.quotes import find_quotes
from newsreader.analysis.text import tokenize

from .test_analysis_speakers import attributions, index_for

M = ("person", "m", ())
F = ("person", "f", ())
UNKNOWN = ("person", None, ())
VALE = ("person", None, ("Vale",))

STORY = (
    'Voice actor Robin Vale spoke at the fair. Vale said her first roles were small. She began at 19.\n\n'
    'Early in her career, Vale was cast in Bride of the Sea, a role that required singing. She looked at '
    'the role as a "chance to face my fears," she said.'
)


def _genders(text: str, actors: dict) -> dict[str, str]:
    index = index_for(text, actors)
    doc = tokenize(text)
    return pronoun_genders(doc, index.spans, lambda pos: False)


def test_pronouns_after_a_lone_person_settle_her_gender() -> None:
    assert _genders(STORY, {"Robin Vale": VALE, "Bride of the Sea": UNKNOWN}) == {"Robin Vale": "f"}


def test_a_pronoun_with_two_people_near_votes_for_neither() -> None:
    text = 'Kim Rowe met Pat Lane. He smiled. She left. Kim Rowe spoke. She waved.'
    assert _genders(text, {"Kim Rowe": UNKNOWN, "Pat Lane": UNKNOWN}) == {}


def test_the_speaker_is_the_person_the_pronouns_call_she() -> None:
    actors = {"Robin Vale": ("person", "m", ("Vale",)), "Bride of the Sea": UNKNOWN}  # a forename list's "m"
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(STORY), index_for(STORY, actors))]
    assert got == [("chance to face my fears,", "Robin Vale")]


def test_the_article_beats_a_wrong_forename_gender() -> None:
    text = ('Jordan Lee runs the shelter. Lee said her team was tired. She asked for help. Sam Fox, a donor, '
            'came by. "We need beds," she said.')
    actors = {"Jordan Lee": ("person", "m", ("Lee",)), "Sam Fox": ("person", "m", ())}
    got = [q.speaker for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == ["Jordan Lee"]


def test_a_person_that_does_not_open_its_sentence_gets_no_vote() -> None:
    text = ('The host died at a clinic in Austin, where he had been since Christmas Eve, his family said. He was 79. '
            'Later his son said he "fought to the end."')
    assert _genders(text, {"Eve": UNKNOWN, "Austin": ("place", None, ())}) == {}


def test_a_name_kinded_as_an_organisation_that_she_continues_speaks_as_a_person() -> None:
    text = ('Ana La Riva ran for the Peace Party. La Riva disagreed, stating the college should go. She criticized '
            'the rules. La Riva described the army as a "horrible" use of workers. She called the war a '
            '"genocidal war."')
    actors = {"La Riva": ("organisation", None, ()), "Peace Party": ("organisation", None, ())}
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text), index_for(text, actors))]
    assert got == [("horrible", "La Riva"), ("genocidal war.", "La Riva")]


def test_a_street_is_no_person_however_he_follows_it() -> None:
    text = 'High Road was closed. He ran away. High Road reopened. He came back.'
    assert _genders(text, {"High Road": ("place", None, ())}) == {}


def test_an_object_pronoun_is_no_vote_for_its_own_clause_subject() -> None:
    text = ('Planetary scientist Robin Vale built a new model. The model was published in May. Wikinews caught '
            'up with him in an email interview to ask about his research.')
    assert _genders(text, {"Robin Vale": VALE, "Wikinews": ("organisation", None, ())}) == {}


SENTENCING = ('Carl Mott was sentenced on Friday. Judge Ann Roe told him his crimes were "callous and '
              'calculated." His lawyer said he would appeal. He called the sentence "excessive."')


def test_pronouns_after_an_object_pronoun_do_not_vote_for_the_subject() -> None:
    assert _genders(SENTENCING, {"Carl Mott": UNKNOWN, "Ann Roe": UNKNOWN}) == {}


def test_a_he_after_told_him_is_no_woman_named_by_her_forename() -> None:
    index = index_for(SENTENCING, {"Carl Mott": ("person", "m", ()), "Ann Roe": ("person", "f", ())})
    assert [q.speaker for q in find_quotes(tokenize(SENTENCING), index)] == ["Ann Roe", "Carl Mott"]


# A pronoun against the forename list's gender still finds its person when no one of its gender is in
# reach, within a sentence or across a paragraph break; further away, it names nobody.
FORENAME_LISTS = {
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
}


@pytest.mark.parametrize("name", FORENAME_LISTS)
def test_pronouns_against_the_forename_lists(name: str) -> None:
    text, actors, expected = FORENAME_LISTS[name]
    got = attributions(text, actors)
    assert got == expected


def test_a_pronoun_of_the_other_gender_after_the_first_of_its_sentence_is_someone_else() -> None:
    text = ('Kit Amman was arrested on Monday. He told her that his plan was secret. He had advised her to leave '
            'her home.')
    index = index_for(text, {"Kit Amman": UNKNOWN})
    assert pronoun_genders(tokenize(text), index.spans, lambda pos: False) == {"Kit Amman": "m"}
