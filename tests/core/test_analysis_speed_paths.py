"""The actor passes' fast paths say what their plain formulations say.

Each speed-up is a cheaper way to the same answer (a shortcut for plain ASCII words, a rule asked only
where it can apply); the property tests hold each to the plain form it replaced, kept here as the
reference, on open-ended input.
"""

from __future__ import annotations

import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.names import fold, is_acronym
from newsreader.analysis.passes.coreference import _FOLDS_ASCII, LETTER_FOLDS

# ASCII letters, digits and marks beside letters that are cased, uncased, combining or compatibility forms
WORDISH = st.text(alphabet="aAzZ.-'5_ \u00e9\u00c9\u011f\u0130\u0131\u00df\ufb01\u2160\u24d0\u0301\u4e2d\u00aa",
                  max_size=10)
ASCII = st.text(alphabet=string.printable, max_size=10)


def _plain_is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(word) <= 8


def _plain_fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDISH, ASCII, st.text(max_size=10)))
def test_word_shapes_match_their_plain_forms(word: str) -> None:
    assert is_acronym.__wrapped__(word) == _plain_is_acronym(word)
    assert fold.__wrapped__(word) == _plain_fold(word)


def test_acronyms_and_folded_names() -> None:
    assert is_acronym("NATO") and is_acronym("U.S.") and is_acronym("M5S") and is_acronym("ÉU")
    assert not is_acronym("Nato") and not is_acronym("A") and not is_acronym("ABCDEFGHI") and not is_acronym("A1")
    assert fold("Erdoğan") == fold("Erdogan") == "erdogan" and fold("McBride") == "mcbride"


@settings(max_examples=300, deadline=None)
@given(ASCII)
def test_an_ascii_form_is_left_as_it_is_by_the_letter_folds(form: str) -> None:
    # `spellings` skips the translation of a plain ASCII form unless a folded letter is ASCII
    assert _FOLDS_ASCII or form.translate(LETTER_FOLDS) == form


def test_the_letter_folds_fold_the_letters_they_list() -> None:
    assert "Jarosław Kaczyński".translate(LETTER_FOLDS) == "Jaroslaw Kaczyński"
