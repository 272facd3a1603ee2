"""Where a place in a text is after the text changed: the reader's place across a live reload.

Offsets do not survive an edit above them, so a place is followed by the words around it: the paragraph it
is in, found again in the new text (the same occurrence, counting from the top, when it is there twice).
"""

from __future__ import annotations


def moved_offset(old: str, new: str, offset: int, paragraph: tuple[int, int]) -> int | None:
    """Where `offset` of `old`, inside `old[paragraph[0]:paragraph[1]]`, is in `new`: that paragraph found
    again in `new` (its n-th occurrence there if it was the n-th in `old`, else the last), and the same
    distance into it. None when it is not in `new` as it was (edited or removed), and for a paragraph
    without words (it says nothing about where it is)."""
    start, end = paragraph[0], min(paragraph[1], len(old))  # (a paragraph is never past the text's end)
    words = old[start:end]
    if not words.strip() or not 0 <= start <= offset <= end:
        return None
    nth = old.count(words, 0, start)  # occurrences above it (non-overlapping, as `find` steps below)
    at, found = -1, new.find(words)
    while found >= 0:
        at = found
        if nth == 0:
            break
        nth -= 1
        found = new.find(words, found + len(words))
    return None if at < 0 else at + offset - start
