"""The header fits any width: its parts give way in a set order (name, then folder, then detail)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from newsreader.ui.header import HeaderParts, fit_header

PARTS = HeaderParts("my-news-folder", "2 of 31 listed", "", ("unread only", "filtered"))


def test_everything_fits_on_a_wide_screen() -> None:
    assert fit_header(PARTS, 120) == " newsreader  my-news-folder · 2 of 31 listed · unread only · filtered"


def test_the_name_goes_first_then_the_folder_shrinks_then_goes_the_modes_stay() -> None:
    no_name = fit_header(PARTS, 66)
    assert no_name == " my-news-folder · 2 of 31 listed · unread only · filtered"
    shorter = fit_header(PARTS, 56)
    assert "newsreader" not in shorter and "…" in shorter and shorter.endswith("unread only · filtered")
    assert fit_header(PARTS, 46) == " 2 of 31 listed · unread only · filtered"


def test_detail_goes_before_the_counts() -> None:
    parts = HeaderParts("news", "31 articles", "indexing 10 of 100 files…", ())
    assert "indexing" in fit_header(parts, 80)
    assert fit_header(parts, 20) == " 31 articles"


@given(st.text(max_size=40), st.text(max_size=30), st.lists(st.text(max_size=15), max_size=3), st.integers(1, 200))
def test_never_wider_than_the_screen(folder: str, counts: str, modes: list[str], width: int) -> None:
    line = fit_header(HeaderParts(folder, counts, "", tuple(modes)), width)
    assert cell_len(line) <= width
