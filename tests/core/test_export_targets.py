"""Where `show --html/--svg` may write: never over the article it exports (the one file the user can't get
back), and never both pictures into one file (the second would silently replace the first)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsreader.cli import main

ARTICLE = 'Title here\n\n"We will win," said Jane Doe.\n'


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "news" / "a.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("flag", ["--html", "--svg"])
def test_an_export_over_the_article_itself_is_refused_and_the_article_kept(
    article: Path, flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(article), flag, str(article)]) == 2
    assert article.read_text(encoding="utf-8") == ARTICLE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is the article being exported" in err


def test_a_link_or_second_name_of_the_article_is_the_article(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.link(article, article.with_name("hard.html"))
    (article.parent / "soft.svg").symlink_to(article.name)
    assert main(["show", str(article), "--html", str(article.with_name("hard.html"))]) == 2
    assert main(["show", str(article), "--svg", str(article.parent / "soft.svg")]) == 2
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert "is the article being exported" in capsys.readouterr().err


def test_html_and_svg_into_one_file_is_refused_before_writing(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.html"
    assert main(["show", str(article), "--html", str(out), "--svg", str(tmp_path / "." / "out.html")]) == 2
    assert not out.exists()
    assert "--html and --svg name the same file" in capsys.readouterr().err


def test_an_existing_export_is_written_again(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    out.write_text("old", encoding="utf-8")
    assert main(["show", str(article), "--html", str(out)]) == 0
    assert "Jane Doe" in out.read_text(encoding="utf-8")
