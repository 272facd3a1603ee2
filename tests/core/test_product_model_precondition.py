"""`boundaries._product_model` looks for a model code only after a digit is seen in the words after the
first (asked in C); the property test holds it to the plain search over words with ASCII and other digits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.lexicon import lexicon
from newsreader.analysis.passes.boundaries import _product_model, model_code
from newsreader.analysis.names import is_place_name
from newsreader.analysis.state import Cand
from newsreader.analysis.text import Token


def plain_product_model(words: list[str], person: bool) -> bool:
    lex = lexicon()
    k = next((k for k in range(1, len(words)) if model_code(words[k])), 0)
    if not k or person:
        return False
    brand = " ".join(words[:k])
    return brand in lex.known_orgs or k == 1 and brand.lower() not in lex.common_words \
        and not is_place_name(brand, lex) and not lex.is_forename(brand)


WORDS = ["Volvo", "XC90", "Boeing", "737", "Max", "Area", "51", "X\u00b2", "A\u0663", "Ann", "S3", "1234567", "5",
         "Tokyo", "Buckets", "Amazon"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=2, max_size=5), st.booleans())
def test_the_digit_test_finds_every_model_code(words: list[str], person: bool) -> None:
    toks = [Token(0, len(w), w, w[:1].isupper(), len(w)) for w in words]
    c = Cand(toks, person_evidence=person)
    got = _product_model(c, words, lexicon(), set())
    assert (got is not None) == plain_product_model(words, person)
