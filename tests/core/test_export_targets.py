"""Where `show --html/--svg` may write: never over the article it exports (the one file the user can't get
back), and never both pictures into one file (the second would silently replace the first)."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
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


def test_an_export_that_fails_half_way_keeps_the_previous_one(article: Path, tmp_path: Path) -> None:
    """The disk filling up mid-write (here: a file-size limit, EFBIG) leaves the previous export as it
    was and no half page or temporary file beside it; it was truncated to a partial page."""
    out = tmp_path / "out.html"
    out.write_text("the previous export", encoding="utf-8")
    out.chmod(0o644)

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    run = subprocess.run([sys.executable, "-m", "newsreader", "show", str(article), "--html", str(out)],
                         capture_output=True, text=True, preexec_fn=small_files, check=False)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "cannot write" in run.stderr
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "out.html"]
    assert main(["show", str(article), "--html", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # replaced, keeping the file's permissions


def test_an_export_to_a_link_or_a_device_is_written_through_it(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    (tmp_path / "link.html").symlink_to(target.name)
    assert main(["show", str(article), "--html", str(tmp_path / "link.html")]) == 0
    assert (tmp_path / "link.html").is_symlink() and "Jane Doe" in target.read_text(encoding="utf-8")
    assert main(["show", str(article), "--svg", os.devnull]) == 0
    assert Path(os.devnull).is_char_device()
