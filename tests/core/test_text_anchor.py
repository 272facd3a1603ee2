"""Following the reader's place across an edit of the text (`newsreader.text_anchor`)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from newsreader.text_anchor import moved_offset

OLD = "Title\n\nFirst paragraph.\n\nSecond paragraph, read now.\n\nThird."


def para(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_text_inserted_above_moves_the_place_with_its_words() -> None:
    second = para(OLD, "Second paragraph, read now.")
    offset = second[0] + 7  # "paragraph"
    new = OLD.replace("Title\n\n", "Title\n\nA correction added at the top.\n\n")
    moved = moved_offset(OLD, new, offset, second)
    assert moved is not None and new[moved:].startswith("paragraph, read now.")


def test_text_removed_above_and_appended_below() -> None:
    second = para(OLD, "Second paragraph, read now.")
    new = OLD.replace("First paragraph.\n\n", "") + "\n\nA new last paragraph."
    moved = moved_offset(OLD, new, second[0], second)
    assert moved is not None and new[moved:].startswith("Second paragraph")


def test_a_paragraph_there_twice_is_followed_as_the_same_occurrence() -> None:
    old = "Same words.\n\nOther.\n\nSame words.\n\nEnd."
    last = (old.rindex("Same words."), old.rindex("Same words.") + len("Same words."))
    new = "New line.\n\n" + old
    assert moved_offset(old, new, last[0], last) == new.rindex("Same words.")


def test_an_edited_or_empty_paragraph_is_not_followed() -> None:
    second = para(OLD, "Second paragraph, read now.")
    assert moved_offset(OLD, OLD.replace("read now", "read later"), second[0], second) is None
    assert moved_offset(OLD, OLD, 5, (5, 7)) is None  # "\n\n": no words to find


@given(st.text(), st.text(), st.integers(-5, 200), st.integers(-5, 200), st.integers(-5, 200))
@example("0", "0", 2, 0, 2)  # a paragraph running past the end of the old text (found by hypothesis)
def test_any_input_gives_an_offset_inside_the_new_text_or_none(old: str, new: str, offset: int, a: int,
                                                                b: int) -> None:
    moved = moved_offset(old, new, offset, (a, b))
    assert moved is None or 0 <= moved <= len(new)
