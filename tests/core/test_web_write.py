"""Article files written by add/fetch: names, front matter the loader reads back, never overwriting, never partial."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.articles import load_file
from newsreader.web import write as write_module
from newsreader.web.write import Draft, slugify, urls_in_folder, write_article

FETCHED = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def draft(title: str = "Mayor: “We won't move” — 100% sure", **kwargs: str) -> Draft:
    fields: dict[str, Any] = {"body": "The mayor said \"we won't move\" on Tuesday.\n\nSecond paragraph.", "url": "https://n.invalid/a",
              "author": "A. Writer", "date": "2025-03-04", "source": "News", "fetched": FETCHED, **kwargs}
    return Draft(title, **fields)


def test_the_file_reads_back_as_the_same_article(tmp_path: Path) -> None:
    path = write_article(tmp_path, draft())
    assert path.name == "2025-03-04-mayor-we-won-t-move-100-sure.md"
    (article,) = load_file(path)
    assert article.error is None and not article.notices
    assert article.title == "Mayor: “We won't move” — 100% sure"
    assert (article.author, article.source, article.url, str(article.date)) == (
        "A. Writer", "News", "https://n.invalid/a", "2025-03-04")
    assert article.extra == {"fetched": "2026-01-02T03:04:05+00:00"}
    assert article.body == "The mayor said \"we won't move\" on Tuesday.\n\nSecond paragraph."


def test_undated_articles_are_named_by_the_day_they_were_fetched(tmp_path: Path) -> None:
    assert write_article(tmp_path, draft(date=None)).name.startswith("2026-01-02-")


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    first = write_article(tmp_path, draft())
    before = first.read_bytes()
    second = write_article(tmp_path, draft(body="Another body with enough words."))
    third = write_article(tmp_path, draft(body="A third body."))
    assert first.read_bytes() == before
    assert [second.name, third.name] == ["2025-03-04-mayor-we-won-t-move-100-sure-2.md",
                                         "2025-03-04-mayor-we-won-t-move-100-sure-3.md"]
    assert sorted(os.listdir(tmp_path)) == sorted([first.name, second.name, third.name])  # no temporary left


def test_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write_module.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_article(tmp_path, draft())
    assert os.listdir(tmp_path) == []


def test_a_crash_before_the_rename_leaves_no_visible_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def crash(*_args: object) -> bool:
        seen.append(sorted(os.listdir(tmp_path)))
        raise KeyboardInterrupt

    monkeypatch.setattr(write_module, "_publish", crash)
    with pytest.raises(KeyboardInterrupt):
        write_article(tmp_path, draft())
    assert all(name.startswith(".") for name in seen[0])  # while being written, only a hidden temporary
    assert os.listdir(tmp_path) == []


@given(st.text(max_size=300))
def test_slugs_are_short_safe_file_names(title: str) -> None:
    slug = slugify(title)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 60


def test_slugs_keep_words() -> None:
    assert slugify("Éléphants à São Paulo!") == "elephants-a-sao-paulo"
    assert slugify("  ") == "article"
    assert slugify("東京") == "article"


def test_urls_already_in_a_folder(tmp_path: Path) -> None:
    path = write_article(tmp_path, draft())
    (tmp_path / "plain.txt").write_text("No front matter\n\nText.")
    (tmp_path / "bad.md").write_text("---\nurl: [unclosed\n---\nText.")
    assert urls_in_folder(tmp_path) == {"https://n.invalid/a": path}
    assert urls_in_folder(tmp_path / "missing") == {}


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_article(tmp_path, draft())
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_escape_sequences_from_a_page_never_reach_the_file(tmp_path: Path) -> None:
    path = write_article(tmp_path, draft(title="Evil\x1b]0;pwned\x07 title\u202e", body="Body \x1b[2J text.\x00",
                                         author="\x1b[31mRed\x1b[0m"))
    text = path.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text
    (article,) = load_file(path)
    assert (article.title, article.author, article.body) == ("Evil title", "Red", "Body  text.")


def test_without_hard_links_the_file_is_renamed_and_still_never_overwrites(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(1, "Operation not permitted")  # EPERM: a file system without hard links

    first = write_article(tmp_path, draft())
    monkeypatch.setattr(write_module.os, "link", no_links)
    second = write_article(tmp_path, draft(body="Other body."))
    assert second.name.endswith("-2.md") and "Other body." in second.read_text()
    assert "Other body." not in first.read_text()
    assert sorted(os.listdir(tmp_path)) == sorted([first.name, second.name])
