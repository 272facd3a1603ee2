"""A personal name does not end in the plural of a common noun (`person_evidence.plural_noun_ending`).
Made-up sentences and made-up names only."""

from __future__ import annotations

from newsreader.analysis import analyse
from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.person_evidence import plural_noun_ending


def names(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


def test_capitalised_words_ending_in_a_plural_common_noun_are_no_person() -> None:
    found = names("Free videos on Quelvara Commons are uploaded by volunteers around the world.")
    assert found.get("Quelvara Commons") == "organisation"


def test_the_plural_inside_another_name_does_not_count_as_a_surname_alone() -> None:
    text = "Creative Commons videos on Quelvara Commons are uploaded by volunteers."
    assert plural_noun_ending(["Quelvara", "Commons"], text, lexicon())


def test_a_plural_surname_the_article_uses_alone_stays_a_person() -> None:
    text = "Zorvena Woods won the race on Sunday. Woods said the course was hard."
    assert not plural_noun_ending(["Zorvena", "Woods"], text, lexicon())
    assert names(text).get("Zorvena Woods") == "person"


def test_a_forename_before_a_plural_surname_stays_a_person() -> None:
    assert not plural_noun_ending(["Tyra", "Banks"], "Tyra Banks hosted the show.", lexicon())


def test_a_singular_last_word_is_left_to_the_other_rules() -> None:
    assert not plural_noun_ending(["Zorvena", "Baker"], "Zorvena Baker hosted the show.", lexicon())


def test_an_unknown_forename_before_a_plural_surname_stays_a_person() -> None:
    # the plural rule needs a site's frame ("on X") when the first word could be a forename no list knows
    assert names("The ruling was criticised by Vumar Stones, a law professor.").get("Vumar Stones") == "person"
