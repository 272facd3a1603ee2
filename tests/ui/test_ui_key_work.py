"""Pilot: the work one `j` does on the UI thread, counted (speed itself is measured by benchmarks/scale.py).

A key moves the list's cursor and shows the next article. While a cold folder indexes, the reader's process
also takes in the indexing child's batches and analyses each article shown; every millisecond the UI thread
spends per key is multiplied on a busy machine, so: the cursor's move repaints the two rows that changed,
showing an article lays out no part of the screen unless the reader's scrollbar comes or goes, and a full
garbage collection never runs inside a key (it waits for a moment without keys).
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.screen import Screen

from newsreader.ui import collector
from newsreader.ui.article_list import ArticleList
from tests.conftest import until, write_article
from tests.ui.test_ui_navigation import loaded


@pytest.fixture
def long_articles(tmp_path: Path) -> Path:
    """Twenty articles, each longer than the reading pane (its scrollbar stays from one to the next)."""
    folder = tmp_path / "news"
    for i in range(20):
        body = "\n\n".join(f"Paragraph {p} of story {i}, with enough words to fill a line or two." for p in range(40))
        write_article(folder, f"{i:02}.txt", f"Story {i:02}", body, date=f"2020-01-{i + 1:02d}")
    return folder


async def test_j_repaints_two_rows_of_the_list_and_lays_out_nothing(
    long_articles: Path, make, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    rendered: list[int] = []
    real_render_row = ArticleList._render_row

    def counting_render_row(self: ArticleList, index: int, part: int, width: int):  # noqa: ANN202
        rendered.append(index)
        return real_render_row(self, index, part, width)

    layouts: list[int] = []
    real_layout = Screen._refresh_layout

    def counting_layout(self: Screen, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        layouts.append(1)
        real_layout(self, *args, **kwargs)

    monkeypatch.setattr(ArticleList, "_render_row", counting_render_row)
    monkeypatch.setattr(Screen, "_refresh_layout", counting_layout)
    app = make(long_articles)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        assert lst.cursor == 0 and app.reader_pane.article.title == "Story 19"
        for expected in ("Story 18", "Story 17", "Story 16"):  # within the first screenful of the list
            rendered.clear()
            layouts.clear()
            await pilot.press("j")
            await until(pilot, lambda: app.reader_pane.article.title == expected, expected)  # noqa: B023
            await pilot.pause()
            assert sorted(set(rendered)) == [lst.cursor - 1, lst.cursor]  # the rows the cursor left and reached
            assert layouts == []  # (showing the article laid out the screen: every widget repainted)


async def test_a_full_collection_waits_for_a_moment_without_keys(
    long_articles: Path, make, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """Full collections walk every object not frozen (0.1-0.7 s while a cold 100k folder indexed): the
    interpreter would start one whenever enough young objects survived, inside a key as likely as not."""
    app = make(long_articles)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        assert gc.get_threshold()[2] > 10**6  # the interpreter never starts a full collection itself
        collections: list[float] = []
        real = collector.collect_if_due
        monkeypatch.setattr(collector, "collect_if_due",
                            lambda quiet_for: collections.append(quiet_for) or real(quiet_for))
        for _ in range(collector.FULL_DUE + 2):
            gc.collect(1)  # young-generation passes, as a worker's garbage makes them
        app.folder.last_input = float("inf")  # a key is arriving all the time
        await pilot.pause(0.3)
        assert collections and gc.get_count()[2] >= collector.FULL_DUE  # asked, not collected
        app.folder.last_input = 0.0  # the keyboard is quiet
        await until(pilot, lambda: gc.get_count()[2] < collector.FULL_DUE, "the full collection")
    assert gc.get_threshold() == collector._DEFAULT_THRESHOLD  # the interpreter's own again once closed


async def test_the_new_cursor_and_its_article_are_painted_in_the_same_frame(long_articles: Path, make) -> None:  # noqa: ANN001
    """No frame shows the cursor on one article and the reader on the one before: a frame costs a
    render, and the next may not come before 1/60 s (the cursor's frame first made every key two)."""
    app = make(long_articles)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        painted: list[tuple[str, str]] = []  # (the cursor's article, the reader's), per frame
        display = app._display

        def noting_display(screen, update) -> None:  # noqa: ANN001
            if update is not None:
                painted.append((lst.current.title, app.reader_pane.article.title))
            display(screen, update)

        app._display = noting_display
        for key, expected in (("j", "Story 18"), ("j", "Story 17"), ("j", "Story 16"), ("k", "Story 17")):
            await pilot.press(key)
            await until(pilot, lambda: app.reader_pane.article.title == expected, expected)  # noqa: B023
            await pilot.pause()
        assert painted and all(cursor == reader for cursor, reader in painted), painted
