"""Pilot: a cold folder big enough for the indexing child. The list fills from what the child streams and
the header follows its progress, while the reader's process opens no article file for the list, sorts
nothing on the UI thread, and does per list update only work for the rows that arrived (no pass over
every row to count the unread until the folder is loaded)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import newsreader.folder_sync as fs
import newsreader.listing as listing_module
from newsreader.library import sort_key
from newsreader.ui.article_list import ArticleList
from newsreader.ui.list_pane import ListPane
from tests.conftest import write_article
from tests.ui.test_ui_navigation import loaded

N = 240


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


async def test_a_cold_folder_is_listed_from_the_indexing_child(
    tmp_path: Path, make, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    folder = tmp_path / "many"
    for i in range(N):
        write_article(folder, f"{i:03}.txt", f"Article {i:03}", f"Body of article {i}.",
                      date=f"2020-{1 + i % 12:02d}-01")
    monkeypatch.setattr(fs, "INDEXER_MIN_FILES", 100)  # (the default, 200, needs more files)
    heads: list[str] = []
    monkeypatch.setattr(fs, "load_header", lambda p, *a, **k: heads.append(str(p)) or pytest.fail("a head read here"))
    keys_on_ui_thread: list[str] = []
    key_calls: list[int] = []

    def counted_sort_key(article):  # noqa: ANN001, ANN202
        key_calls.append(1)
        if threading.current_thread() is threading.main_thread():
            keys_on_ui_thread.append(article.title)
        return sort_key(article)

    monkeypatch.setattr(listing_module, "sort_key", counted_sort_key)
    updates: list[tuple[str, int]] = []
    real_grow, real_show, real_count = ListPane.grow, ListPane.show_articles, ListPane.count_unread

    def grow(self: ListPane, articles, *, keep_key):  # noqa: ANN001, ANN202
        updates.append(("grow", len(articles)))
        real_grow(self, articles, keep_key=keep_key)

    def show(self: ListPane, articles, *, keep_key, unread=None):  # noqa: ANN001, ANN202
        updates.append(("show", len(articles)))
        real_show(self, articles, keep_key=keep_key, unread=unread)

    def count_unread(self: ListPane) -> None:
        updates.append(("count", len(self.article_list.articles)))
        real_count(self)

    monkeypatch.setattr(ListPane, "grow", grow)
    monkeypatch.setattr(ListPane, "show_articles", show)
    monkeypatch.setattr(ListPane, "count_unread", count_unread)
    progress: list[tuple[int, int, str] | None] = []
    real_progress = ListPane.progress

    def noting_progress(self: ListPane, done: int, todo: int) -> None:
        progress.append(self.app._progress)  # (what the header says, set just before)
        real_progress(self, done, todo)

    monkeypatch.setattr(ListPane, "progress", noting_progress)
    app = make(folder, watch=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        assert len(lst.articles) == N
        # newest first (December), then by title
        assert [a.title for a in lst.articles[:2]] == ["Article 011", "Article 023"]
        assert all(a.body_hash for a in lst.articles)  # the entries as stored, filled in
        assert f"{N} articles" in str(app.query_one("#header").render())
    assert heads == []
    assert keys_on_ui_thread == []  # the list was merged in the worker, never sorted on the UI thread
    # a key per new entry and a binary search (~log2 N keys) to place it, two per filled-in one: no pass
    # over the listed entries per update
    assert len(key_calls) <= N * (3 + N.bit_length())
    growing = updates[: updates.index(("show", N))]
    assert growing and all(kind == "grow" for kind, n in growing if n)  # the list grew while it was read
    assert not any(kind == "count" and n for kind, n in growing)  # no pass over the rows before the end
    # the child's progress reached the header (listing, then indexing: each says "… of 240 files" while
    # under way), and the header was cleared with the final list
    assert len(progress) >= 2 and all(p is None or p[1] == N for p in progress) and progress[-1] is None
