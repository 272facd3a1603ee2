"""The photo-credit pattern of the quotation pass finds what its plain formulation finds.

`CAPTION_RE` is written to open with its credit words (so `re` finds them by a scan in C) and checks the
word boundary before each word by a look-behind; the property test holds it to the plain pattern with a
leading \\b, over open-ended text and search windows (the pass searches one paragraph of a body).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.passes.quotations import CAPTION_RE

PLAIN_CAPTION_RE = re.compile(r"\b(?:Image|Photo|Picture|Credit)\s*:\s*[^\n]{0,80}$")
PIECES = ["Image", "Photo", "Picture", "Credit", "image", ":", " ", "\n", "x", "é", "_", "1", "AP", ". ", "Getty"]
captionish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(captionish, st.integers(0, 40), st.integers(0, 40))
def test_caption_pattern_matches_its_plain_form(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    found = CAPTION_RE.search(text, lo, hi)
    plain = PLAIN_CAPTION_RE.search(text, lo, hi)
    assert (found and found.span()) == (plain and plain.span())


def test_a_credit_word_inside_another_word_is_no_credit() -> None:
    assert CAPTION_RE.search("Endeavour awaits launch. Image: NASA.")
    assert not CAPTION_RE.search("The SuperImage: a new camera")
    assert CAPTION_RE.search("x Photo : AP", 1, 12) and not CAPTION_RE.search("xPhoto: AP", 1, 10)
