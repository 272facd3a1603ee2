"""Wrapping to a measure and composing the styled document."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article, load_article
from newsreader.render import build_document, meta_line, to_rich_text
from newsreader.wrap import wrap_offsets
from tests.conftest import SEED, SEED_TITLE


def lines(text: str, width: int) -> list[str]:
    return [text[s:e] for s, e in wrap_offsets(text, width)]


def test_wrap_breaks_at_spaces_and_folds_long_words() -> None:
    assert lines("The quick brown fox jumps", 10) == ["The quick", "brown fox", "jumps"]
    assert lines("a " + "x" * 25, 10) == ["a", "x" * 10, "x" * 10, "x" * 5]
    assert lines("", 10) == [""]


def test_wrap_measures_wide_characters_in_cells() -> None:
    for line in lines("日本語のテキストです。もっと長い文章。", 6):
        assert cell_len(line) <= 6


def test_wrap_gives_a_control_character_no_cell_of_its_own() -> None:
    """An ESC left in a word is no cell wide, as Rich draws it: "abc" plus an ESC fits three cells, with no
    line of its own under it (the ESC had been counted as one cell, folding the word onto a blank line)."""
    assert wrap_offsets("abc\x1b", 3) == [(0, 4)]
    assert wrap_offsets("ab\x1bc", 3) == [(0, 4)]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300), st.integers(min_value=1, max_value=50))
def test_wrap_covers_every_word_within_width(text: str, width: int) -> None:
    text = text.replace("\n", " ")
    out = wrap_offsets(text, width)
    assert all(0 <= s <= e <= len(text) for s, e in out)
    assert all(a[1] <= b[0] for a, b in zip(out, out[1:], strict=False))
    assert "".join(text[s:e] for s, e in out).replace(" ", "") == text.replace(" ", "").strip() or any(
        c.isspace() for c in text
    )
    for s, e in out:
        if e - s > 1:
            assert cell_len(text[s:e]) <= max(width, 2)


def test_document_holds_title_meta_and_body_with_spans() -> None:
    article = load_article(SEED)
    body = article.body
    q_start = body.index("Trust needs")
    ken = body.index("Ken Hu")
    analysis = Analysis(
        quotes=[Quote("Trust needs", q_start, q_start + 11, "Ken Hu", Mention(ken, ken + 6, "Ken Hu"))],
        actors=[Actor("Huawei", "organisation", [Mention(0, 6, "Huawei")])],
    )
    doc = build_document(article, analysis)
    assert doc.text.startswith(SEED_TITLE + "\n")
    assert doc.text[doc.body_offset:] == body
    roles = {(doc.text[s.start:s.end], s.style) for s in doc.spans}
    assert ("Trust needs", "quote") in roles
    assert ("Huawei", "organisation") in roles
    assert ("Ken Hu", "speaker") in roles
    assert ("“", "quote-mark") in roles
    assert "1 quotation" in doc.text


def test_meta_line_parts() -> None:
    import datetime as dt
    from pathlib import Path

    a = Article(Path("x.txt"), "T", date=dt.date(2020, 1, 2), source="Wire", author="Jo")
    assert meta_line(a, 3) == "2020-01-02 · Wire · by Jo · 3 quotations"
    assert meta_line(Article(Path("dir/x.txt"), "T")) == "x.txt"


def test_rich_text_never_parses_article_markup() -> None:
    from pathlib import Path

    article = Article(Path("m.txt"), "[bold red]Title[/]", body="Body [link=file:///etc/passwd]x[/link] [/]")
    text = to_rich_text(build_document(article))
    assert "[bold red]Title[/]" in text.plain
    assert "[link=file:///etc/passwd]x[/link] [/]" in text.plain


def test_error_article_document_says_why() -> None:
    from pathlib import Path

    doc = build_document(Article(Path("b.txt"), "b", error="binary file (not text)"))
    assert "Could not read this file: binary file (not text)" in doc.text
