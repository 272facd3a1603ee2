"""Pilot tests: live reload keeps the reader's place; cold indexing shows progress and keys keep working."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from tests.conftest import write_article
from tests.ui.test_ui_navigation import loaded


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


async def wait_until(pilot, condition, timeout: float = 30.0) -> bool:  # noqa: ANN001 - returns as soon as it holds
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def test_new_changed_and_deleted_files_show_up_by_themselves(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder, watch=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        view = app.query_one(ArticleView)
        lst.move_to(0)  # Gamma, the long one
        await pilot.press("enter", "j", "j", "j", "j")
        scroll = view.scroll_offset.y
        assert scroll == 4
        write_article(small_folder, "d.txt", "Delta breaking", "Fresh body.", date="2021-06-01")
        assert await wait_until(pilot, lambda: any(a.title == "Delta breaking" for a in lst.articles))
        assert lst.current is not None and lst.current.title == "Gamma story"  # cursor stays on the article
        assert view.scroll_offset.y == scroll  # and the reader keeps its place
        (small_folder / "a.txt").unlink()
        assert await wait_until(pilot, lambda: all(a.title != "Alpha story" for a in lst.articles))
        write_article(small_folder, "b.txt", "Beta story, updated", "Changed.", date="2020-02-01")
        assert await wait_until(pilot, lambda: any(a.title == "Beta story, updated" for a in lst.articles))
        assert "3 articles" in str(app.query_one("#header").render())


async def test_r_rescans_at_once(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder, watch=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        write_article(small_folder, "e.txt", "Echo", "x", date="2021-01-01")
        await pilot.press("r")
        lst = app.query_one(ArticleList)
        assert await wait_until(pilot, lambda: lst.articles and lst.articles[0].title == "Echo")


async def test_cold_indexing_shows_progress_and_keys_keep_working(
    tmp_path: Path, make, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    folder = tmp_path / "many"
    for i in range(300):
        write_article(folder, f"{i:03}.txt", f"Article {i:03}", "Body.", date=f"2020-{1 + i % 12:02d}-01")
    import newsreader.folder_sync as fs

    real = fs.load_file

    def slow_load(path, *args, **kwargs):  # noqa: ANN001, ANN202
        time.sleep(0.012)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(fs, "load_file", slow_load)
    monkeypatch.setattr(fs, "INDEXER_MIN_FILES", 10**9)  # read here, slowly (the child process: test_indexer.py)
    app = make(folder, watch=False)
    async with app.run_test(size=(120, 36)) as pilot:
        def bar_shown() -> bool:
            found = app.query_one_optional("#index-progress", ProgressBar)
            return found is not None and found.has_class("-visible")

        assert await wait_until(pilot, bar_shown, timeout=3)
        bar = app.query_one("#index-progress", ProgressBar)
        header = str(app.query_one("#header").render())
        assert "indexing" in header and "of 300 files" in header
        lst = app.query_one(ArticleList)
        assert await wait_until(pilot, lambda: len(lst.articles) > 2, timeout=3)
        await pilot.press("j", "j")
        assert lst.cursor >= 2  # the list moves while the folder is still being read (new rows may sort above)
        chosen = lst.current.key
        assert bar.progress < 300
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not bar.has_class("-visible")
        assert len(lst.articles) == 300
        assert "300 articles" in str(app.query_one("#header").render())
        assert lst.current.key == chosen  # still on the article the user chose, wherever it now sorts


async def test_the_open_article_changed_on_disk_counts_as_read_again(small_folder: Path, make) -> None:  # noqa: ANN001
    """A new version of the article being read is content the reader now has open: the open-long-enough
    clock starts again for it (it stayed unread, with its dot, however long it was read, until a scroll)."""
    from tests.conftest import until

    app = make(small_folder, read_after=0.05)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        pane = app.reader_pane
        await pilot.press("enter")
        await until(pilot, lambda: pane.article is not None and not app.marks.is_unread(pane.article), "read")
        write_article(small_folder, "c.txt", "Gamma story", "Gamma body, corrected.\n\nA new paragraph.",
                      date="2020-03-01", source="Gamma Daily")
        await pilot.press("r")
        await until(pilot, lambda: pane.article is not None and "corrected" in pane.article.body, "the new version")
        await until(pilot, lambda: not app.marks.is_unread(pane.article), "the new version read", timeout=10)
        assert app.article_list.current is not None and app.article_list.current.key == pane.article.key


async def test_stepping_mentions_after_the_open_article_lost_some_on_disk(tmp_path: Path, make) -> None:  # noqa: ANN001
    """The chosen actor's mention index is kept across a reload of the open article; when the new version
    has fewer mentions, `]` and `[` step from the new ones (`]` raised IndexError and ended the app)."""
    from newsreader.ui.actors_panel import ActorsPanel
    from tests.conftest import until

    folder = tmp_path / "cast"
    folder.mkdir()
    many = "\n\n".join(f"Ken Hu spoke at meeting {i}. \"We are open,\" said Ken Hu." for i in range(6))
    write_article(folder, "hu.txt", "Hu speaks", many, date="2020-01-01")
    app = make(folder, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        pane = app.reader_pane
        await until(pilot, lambda: pane.full_analysis is not None, "the analysis")
        await pilot.press("a")
        panel = app.query_one(ActorsPanel)
        assert panel.select_actor("Ken Hu")
        await pilot.pause()
        for _ in range(8):
            await pilot.press("right_square_bracket")
        assert pane.mention is not None and pane.mention >= 4
        write_article(folder, "hu.txt", "Hu speaks", "Ken Hu spoke once and left.", date="2020-01-01")
        await pilot.press("r")
        await until(pilot, lambda: pane.full_analysis is not None and "left" in pane.article.body
                    and len(pane.mentions) == 1, "the shorter version, analysed")
        await pilot.press("right_square_bracket")
        assert pane.mention == 0
        await pilot.press("left_square_bracket")
        assert pane.mention == 0 and app.is_running


async def test_who_said_choice_made_after_the_article_changed_under_it(tmp_path: Path, make) -> None:  # noqa: ANN001
    """Who said what lists the quotations of the article as it was opened; if the file changes while it is
    open, choosing one goes to that quotation only if the new version still has it (it went to the same
    index in the new version: another speaker's words)."""
    from newsreader.ui.who_said import WhoSaidScreen
    from tests.conftest import until

    folder = tmp_path / "who"
    folder.mkdir()
    first = "\n\n".join(f"\"Ann's point number {i},\" said Ann Lee." for i in range(3))
    write_article(folder, "w.txt", "Who", first, date="2020-01-01")
    app = make(folder, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        pane = app.reader_pane
        await until(pilot, lambda: pane.full_analysis is not None, "the analysis")
        await pilot.press("w")
        assert isinstance(app.screen, WhoSaidScreen)
        chosen = app.screen.analysis.quotes[app.screen.quote_list.current_quote]
        second = "A new opening paragraph.\n\n" + "\n\n".join(
            f"\"Bob's remark {i} is quite different,\" said Bob Stone." for i in range(4))
        write_article(folder, "w.txt", "Who", second, date="2020-01-01")
        app.folder.poll()
        await until(pilot, lambda: pane.full_analysis is not None and "Bob" in pane.article.body, "the new version")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, WhoSaidScreen)
        assert pane.quote is None  # Ann's words are gone: no other quotation is taken for them
        assert chosen.text.startswith("Ann's point")
        # a quotation still there (the file grew at its end) is found where it is now
        await pilot.press("w", "j")
        chosen = app.screen.analysis.quotes[app.screen.quote_list.current_quote]
        write_article(folder, "w.txt", "Who", second + "\n\n\"A last word,\" said Cy Dale.", date="2020-01-01")
        app.folder.poll()
        await until(pilot, lambda: pane.full_analysis is not None and "Cy Dale" in pane.article.body, "the longer one")
        await pilot.press("enter")
        await pilot.pause()
        assert pane.quote is not None and pane.full_analysis.quotes[pane.quote] == chosen


async def test_the_reader_stays_on_its_text_when_paragraphs_are_inserted_above(small_folder: Path, make) -> None:  # noqa: ANN001
    """A correction added at the top of the article being read: the reader stays on the words it showed
    (it kept its line number, so the text under the reader jumped by the inserted lines)."""
    from tests.conftest import until

    app = make(small_folder, read_after=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        view = app.query_one(ArticleView)
        app.query_one(ArticleList).move_to(0)  # Gamma, the long one
        await pilot.press("enter", *"j" * 30)
        top = view.scroll_offset.y
        words = view.document.text[view.offset_of_line(top):].split("\n", 1)[0]
        assert top == 30 and "Gamma paragraph" in words
        inserted = "\n\n".join(f"Correction {i}: an editor's note that takes a line or two." for i in range(5))
        body = "Gamma body.\n\n" + inserted + "\n\n" + "\n\n".join(
            f"Gamma paragraph {i} with some words to fill the line and more words after that." for i in range(60))
        write_article(small_folder, "c.txt", "Gamma story", body, date="2020-03-01", source="Gamma Daily")
        await pilot.press("r")
        await until(pilot, lambda: "Correction 4" in view.document.text, "the corrected version")
        await pilot.pause()
        top = view.scroll_offset.y
        assert view.document.text[view.offset_of_line(top):].split("\n", 1)[0] == words
