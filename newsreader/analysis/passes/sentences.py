"""Sentence ends inside a window of text, for the quotation and speaker passes.

A full stop, "!" or "?" ends a sentence when a space, a quotation mark, a bracket or the end follows it,
except after a title abbreviation or an initial ("Mr.", "Dr.", "J.") and when it closes a bracket
("Sen. X (R-Ky.) said"). Windows are bounded by the callers, so this stays linear.
(The passes keep this small splitter of their own until the engine's shared one in text.py covers
windows; then this module folds into it.)
"""

from __future__ import annotations

import re

from .speech_data import words

SENT_END_RE = re.compile(r"[.!?](?=[\s\"'\u201c\u201d\u2018\u2019)\]]|$)")
_AFTER_END = "\"'\u201c\u201d\u2018\u2019)]"  # what may follow a sentence end besides a space (as above)


def _ends_here(text: str, lo: int, m: re.Match[str]) -> bool:
    return not abbreviation_before(text, lo, m.start()) and text[m.end():m.end() + 1] != ")"


def last_sentence_end(text: str, lo: int, hi: int, inner_only: bool = False) -> int:
    """Offset just after the last sentence end in [lo, hi) (`lo` when there is none); with `inner_only`
    a full stop at the very end of the window does not count.

    Read backwards from `hi`, a mark at a time (`str.rfind`), so the search stops at the last sentence
    end: the marks `SENT_END_RE` finds, tested as `_ends_here` tests them."""
    hi = min(hi, len(text))  # (as the pattern's search would clamp it)
    limit = len(text[lo:hi].rstrip()) + lo if inner_only else hi + 1
    i = hi
    while True:
        i = max(text.rfind(".", lo, i), text.rfind("!", lo, i), text.rfind("?", lo, i))
        if i < 0:
            return lo
        j = i + 1  # (what the pattern's look-ahead reads: the window's end, a space, a mark or a bracket)
        if (j == hi or text[j].isspace() or text[j] in _AFTER_END) and j < limit \
                and not abbreviation_before(text, lo, i) and text[j:j + 1] != ")":
            return j


def next_sentence_end(text: str, lo: int, hi: int) -> int | None:
    """Offset of the first sentence-ending mark in [lo, hi), or None."""
    for m in SENT_END_RE.finditer(text, lo, hi):
        if _ends_here(text, lo, m):
            return m.start()
    return None


def abbreviation_before(text: str, lo: int, i: int) -> bool:
    """The word ending at `i` is a title abbreviation or a single capital (an initial)."""
    j = i
    while j > lo and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return word in words("title_abbreviations") or (len(word) == 1 and word.isupper())
