"""Pilot tests: how much work a filter keystroke does in the app (counted, never timed): rows drawn, screen
layouts, SQL queries, frames painted, and the unread count that follows the listing (issue 15, items 3
and 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from newsreader.listing import EntryList
from newsreader.query import FilterQuery
from newsreader.ui import list_pane
from newsreader.ui.article_list import ArticleList
from tests.conftest import until, write_article
from tests.ui.test_ui_navigation import loaded
from tests.ui.test_ui_startup import warm

ROWS = 150


@pytest.fixture
def big_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    for i in range(ROWS):
        words = ["government" if i % 3 == 0 else "army", "police" if i % 2 == 0 else "fire", "said"]
        write_article(folder, f"{i:03d}.txt", f"Story {i}", f"The {' '.join(words)} on day {i}.",
                      date=f"2020-{1 + i // 28:02d}-{1 + i % 28:02d}", source="Wire")
    return folder


def titles_with(app: Any, *words: str) -> list[str]:
    """The folder's titles (in list order) whose text has every word: what the filter must list."""
    session = app.session
    return [a.title for a in session.articles
            if all(w in session.full_article(a).body.split() for w in words)]


async def ready(app: Any, pilot: Any) -> None:
    """Loaded, with the filter's prefix table and the read state (whose arrival repaints every row: on a
    busy machine it came in the middle of a count)."""
    await loaded(app, pilot)
    await until(pilot, lambda: app.session is not None and app.session.filter_ready, "the filter's prefix table")
    await until(pilot, lambda: app.marks.state is not None, "the read state")
    await pilot.pause()


async def test_short_words_come_from_the_table_and_only_longer_ones_ask_sql(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make(big_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        index = app.session.index
        asked: list[FilterQuery] = []
        real = index.filter_ids
        monkeypatch.setattr(index, "filter_ids", lambda q, c=lambda: False: asked.append(q) or real(q, c))
        lst = app.query_one(ArticleList)
        await pilot.press("f", "p", "o")
        await until(pilot, lambda: app.list_pane.filter_text == "po" and len(lst.articles) < ROWS, "po listed")
        assert [a.title for a in lst.articles] == titles_with(app, "police")
        assert asked == []  # "p" and "po" from the table
        await pilot.press(*"lice")
        await until(pilot, lambda: app.list_pane.filter_text == "police"
                    and [a.title for a in lst.articles] == titles_with(app, "police"), "police listed")
        assert 1 <= len(asked) <= 4  # one query per longer prefix at most (a burst of keys may merge)


async def test_a_filter_draws_only_the_rows_on_screen_and_lays_out_nothing(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make(big_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        lst = app.query_one(ArticleList)
        drawn: list[int] = []
        layouts: list[int] = []
        render_row, refresh_layout = ArticleList._render_row, Screen._refresh_layout
        monkeypatch.setattr(ArticleList, "_render_row", lambda self, *a: drawn.append(1) or render_row(self, *a))
        monkeypatch.setattr(Screen, "_refresh_layout", lambda self, *a, **k: layouts.append(1)
                            or refresh_layout(self, *a, **k))
        everything = list(lst.articles)
        for rows in (everything[::2], everything[::3], everything):  # 75, 50, 150 rows: all taller than the list
            lst.set_articles(rows)
            await pilot.pause()
            assert len(lst.articles) == len(rows)
        assert layouts == []  # only the list repaints (a layout repaints every widget of the screen)
        assert 0 < len(drawn) <= 3 * lst.size.height  # the rows on screen, not 275 rows
        lst.set_articles(everything[:2])  # now the rows fit: the scrollbar goes, which is a layout
        await pilot.pause()
        assert layouts


async def test_the_unread_count_follows_the_filtered_rows(big_folder: Path, make: Any) -> None:
    app = make(big_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        lst = app.query_one(ArticleList)
        for article in lst.articles[:5]:  # Story 149 … 145: two of them have "police" (148, 146)
            app.marks.mark_read(article)
        app.list_pane.marks_changed()
        assert app.list_pane.unread == ROWS - 5
        await pilot.press("f", *"police")
        await until(pilot, lambda: app.list_pane.filter_text == "police" and len(lst.articles) == ROWS // 2,
                    "police listed")
        await pilot.pause()
        assert app.list_pane.unread == ROWS // 2 - 2  # 148 and 146 are read
        assert app.list_pane.unread == sum(1 for a in lst.articles if app.marks.is_unread(a))


async def test_after_a_reload_that_changes_the_list_the_table_is_built_again(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make(big_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        write_article(big_folder, "new.txt", "Fresh story", "Police news.", date="2021-01-01")
        app.folder.poll()
        lst = app.query_one(ArticleList)
        await until(pilot, lambda: len(lst.articles) == ROWS + 1, "the new file listed")
        await until(pilot, lambda: app.session.filter_ready, "the new list's prefix table")
        index = app.session.index
        asked: list[FilterQuery] = []
        real = index.filter_ids
        monkeypatch.setattr(index, "filter_ids", lambda q, c=lambda: False: asked.append(q) or real(q, c))
        await pilot.press("f", "p")
        await until(pilot, lambda: app.list_pane.filter_text == "p" and len(lst.articles) < ROWS, "p listed")
        assert lst.articles[0].title == "Fresh story" and asked == []


async def test_every_frame_shows_the_rows_and_counts_of_the_filter_it_echoes(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter key paints once: its echo waits for its rows, and the rows come with their counts (the
    header's "N of M listed · K unread", the bar's "N of M") and the reader's highlights of the filter's
    words. Before, the echo was painted a frame ahead of the rows and the unread count a frame after
    them. (The hold's limit is raised: this counts frames, a slow machine must not reach the limit.)"""
    monkeypatch.setattr(list_pane, "FILTER_FRAME_HOLD_S", 30.0)
    app = make(big_folder)
    frames: list[tuple[str, str, int, int, int, str]] = []
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        panel = app.list_pane
        if renderable is not None and panel.filter_open:
            rows = panel.article_list.articles
            unread = sum(1 for a in rows if app.marks.is_unread(a))
            listed = panel.listed_filter
            words = " ".join(t.words[0] for t in listed.terms) if listed is not None else ""
            frames.append((panel.filter_bar.input.value, words, len(rows), panel.unread, unread,
                           app.reader_pane.find.text))
        display(screen, renderable)

    app._display = noting
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        lst = app.query_one(ArticleList)
        for article in lst.articles[:5]:
            app.marks.mark_read(article)
        app.list_pane.marks_changed()
        await pilot.press("f")
        await pilot.pause()
        frames.clear()
        for key in "police":
            await pilot.press(key)
        await until(pilot, lambda: app.list_pane.listed_filter is not None and len(lst.articles) == ROWS // 2
                    and app.list_pane.filter_bar.input.value == "police", "police listed")
        await pilot.pause()
    typed = [f for f in frames if f[0]]
    assert typed and typed[-1][:3] == ("police", "police", ROWS // 2)
    for echoed, listed_for, _rows, counted, unread, found in typed:
        assert echoed == listed_for == found, typed  # the echo, the rows and the highlights: one text
        assert counted == unread, typed  # the unread count of the rows shown, not of the rows before


async def test_a_new_list_repaints_only_the_rows_that_show_another_article(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing on often leaves the top of the list as it was ("gove" → "gover"): those rows are not drawn
    again; a row that now shows another article is. Before, every row on screen was drawn again."""
    app = make(big_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        lst = app.query_one(ArticleList)
        everything = list(lst.articles)
        await pilot.pause()
        drawn: list[str] = []
        render_row = ArticleList._render_row
        monkeypatch.setattr(ArticleList, "_render_row",
                            lambda self, index, *a: drawn.append(self.articles[index].title)
                            or render_row(self, index, *a))
        lst.set_articles(everything[:-7])  # the same rows on screen: only the scrollbar changes
        await pilot.pause()
        assert drawn == []
        lst.set_articles([*everything[:3], *everything[4:]])  # the 4th row on screen now shows the 5th article
        await pilot.pause()
        on_screen = lst.size.height // 3 + 1
        assert drawn and set(drawn) == {a.title for a in everything[4:on_screen + 1]}
        assert everything[0].title not in drawn


async def test_the_lists_own_rows_are_drawn_from_the_line_cache_on_a_repaint(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder's list is rows of columns: each read of a row makes a new view of it. A repaint of rows
    that show the same articles takes their lines from the cache; compared by identity, no view was ever
    the cached one, and every repaint drew every row on screen again."""
    # listed from an earlier run's index (rows of its table); no read mark by time, which redraws its row
    app = make(warm(big_folder), read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        lst = app.query_one(ArticleList)
        assert isinstance(lst.articles, EntryList) and lst.articles[0] is not lst.articles[0]
        await app.workers.wait_for_complete()  # (the shown article's analysis redraws its row's count)
        await pilot.pause()
        lst.refresh()
        await pilot.pause()
        drawn: list[int] = []
        render_row = ArticleList._render_row
        monkeypatch.setattr(ArticleList, "_render_row", lambda self, index, *a: drawn.append(index)
                            or render_row(self, index, *a))
        fewest = None
        for _ in range(5):  # (on a busy machine a late arrival, a count or the cast, may redraw a row)
            drawn.clear()
            lst.refresh()  # every line on screen asked for again
            await pilot.pause()
            fewest = len(set(drawn)) if fewest is None else min(fewest, len(set(drawn)))
            if not drawn:
                break
        on_screen = lst.size.height // 3
        # compared by identity, every one of the five repaints drew every row on screen again
        assert fewest is not None and fewest <= 1 < on_screen
