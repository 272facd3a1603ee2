"""The weighing pass: which people and organisations the learned model and the speech rule keep."""

from __future__ import annotations

import pytest

from newsreader.analysis import pipeline
from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.weighing import _verb_or_aside_then_verb
from newsreader.analysis.text import tokenize


def says_after(text: str, word: str) -> bool:
    doc = tokenize(text)
    k = next(i for i, t in enumerate(doc.tokens) if t.text == word)
    return _verb_or_aside_then_verb(doc.tokens, k, doc.text, lexicon().speech_verbs)


@pytest.mark.parametrize(("text", "word"), [
    ("Marlow explained the rules.", "Marlow"),
    ("Coles, in a media release, said so.", "Coles"),
    ("The agency FRNA, says the report, is late.", "FRNA"),
])
def test_a_name_right_before_a_verb_of_saying_or_an_aside_and_one_is_its_subject(text: str, word: str) -> None:
    assert says_after(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("The first part is Legato and the second part was called Staccato.", "Legato"),
    ("You must hold the Pulpit and speak to the people.", "Pulpit"),
    ("The head of the Bureau that ran the trial, said the results were good.", "Bureau"),
])
def test_a_verb_of_saying_in_another_clause_is_not_the_names(text: str, word: str) -> None:
    assert not says_after(text, word)


def test_a_body_named_in_its_own_language_has_an_organisation_head() -> None:
    state = pipeline.run("Jean Mbeki, director of Congo's Institut National de Recherche Biomédicale, praised "
                         "the trial. The results came from Kinshasa.")
    body = next(e for e in state.roots if e.name == "Institut National de Recherche Biomédicale")
    assert body.features["org_head"] == 1.0 and body.kind == "organisation"



def test_a_surname_prefix_is_no_inner_capital_of_a_brand() -> None:
    from newsreader.analysis.passes.weighing import _camel

    # "McBride", "O'Reilly": ordinary surnames; "PlayStation": a coined brand
    assert not any(_camel(w) for w in ("McBride", "MacDonald", "O'Reilly", "O\u2019Brien", "Smith"))
    assert all(_camel(w) for w in ("PlayStation", "YouTube", "McDonaldsCorp"))
