"""Markdown that could hide or garble an article: character references that decode to control characters are
sanitised after decoding (and `show` prints no line or paragraph separator); Markdown markdown-it gives up
on, or whose formatting would keep no word, is shown as plain text with a notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.articles import load_file
from tests.conftest import run_cli

CONTROL_REFS = ["&#x202e;", "&#x202c;", "&#x2066;", "&#x2069;", "&#x200f;", "&#x200e;", "&#x61c;", "&#x0d;",
                "&#x09;", "&#x0a;", "&#x2028;", "&#x2029;", "&#x85;", "&#x1b;", "&#x9b;", "&#x7f;", "&#0;", "&#13;"]


@pytest.mark.parametrize("ref", CONTROL_REFS)
def test_markdown_character_references_are_sanitised_after_decoding(tmp_path: Path, ref: str) -> None:
    from tests.core.test_hostile import forbidden_in

    path = tmp_path / "r.md"
    path.write_text(f"# T\n\nBefore{ref}after, *em{ref}ph* `co{ref}de` [li{ref}nk](http://x) ![al{ref}t](y.png)\n")
    (article,) = load_file(path)
    assert not forbidden_in(article.body) and "\t" not in article.body and "\n" not in article.body, repr(article.body)
    words = article.body.replace(" ", "")
    assert "Beforeafter" in words or "Before\ufffdafter" in words, repr(article.body)
    assert all(article.body[s.start:s.end].strip() for s in article.styles)  # spans still cover their words


def test_show_prints_no_line_or_paragraph_separator(tmp_path: Path) -> None:
    path = tmp_path / "sep.md"
    path.write_text("# Separators\n\nOne&#x2028;two&#x2029;three \u2028 four.\n")
    out = run_cli("show", str(path), tmp=tmp_path, FORCE_COLOR="1")
    assert out.returncode == 0 and "One two three" in out.stdout
    assert "\u2028" not in out.stdout and "\u2029" not in out.stdout


@pytest.mark.parametrize("bomb", [">" * 50_000, "`" * 50_000, "- " * 5_000, "> - " * 3_000],
                         ids=["quotes", "backticks", "list", "mixed"])
def test_markdown_that_markdown_it_gives_up_on_shows_its_text(tmp_path: Path, bomb: str) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(f"# Bomb\n\n{bomb} The words after it.\n\nA last paragraph.\n")
    (article,) = load_file(path)
    assert article.title == "Bomb" and "The words after it." in article.body and "A last paragraph." in article.body
    assert len(article.notices) <= 1 and all("shown as plain text" in n for n in article.notices)


def test_ordinary_markdown_is_still_formatted_without_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("# Fine\n\n> quoted *text*\n\n- a\n- b\n\n```\ncode\n```\n\n" + "> " * 5 + "five deep\n")
    (article,) = load_file(path)
    assert article.notices == [] and article.body.startswith("quoted text")
    assert {s.style for s in article.styles} >= {"blockquote", "em", "bullet", "code"}


def test_markdown_whose_formatting_would_keep_no_word_is_shown_plain(tmp_path: Path) -> None:
    path = tmp_path / "html.md"
    path.write_text("# Only HTML\n\n<div>\nwords in an HTML block\n</div>\n")
    (article,) = load_file(path)
    assert "words in an HTML block" in article.body
    assert article.notices == ["Markdown formatting would hide all of this text: shown as plain text."]
