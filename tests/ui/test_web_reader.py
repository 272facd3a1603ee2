"""The reader's `R` key: fetch the subscribed feeds in a worker, say how it went, list the new articles."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("httpx")

from tests.web_server import (  # noqa: E402,F401 - fixtures
    FixtureServer,
    Item,
    article_page,
    atom_feed,
    story,
    web_fixture,
    web_home_fixture,
)


async def _until(pilot, predicate, what: str, timeout: float = 60.0) -> None:  # noqa: ANN001
    """A hang guard only (generous); the assertion is what the screen shows."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        await pilot.pause(0.05)


async def test_R_fetches_the_feeds_and_the_new_articles_are_listed(
    web: FixtureServer, web_home: Path, tmp_path: Path, make  # noqa: ANN001
) -> None:
    from newsreader.ui.article_list import ArticleList
    from newsreader.web.feeds import Feed
    from newsreader.web.feeds_file import add_feeds

    folder = tmp_path / "news"
    folder.mkdir()
    items = []
    for n in (1, 2):
        title, paragraphs = story(n)
        web.add(f"/news/{n}.html", article_page(title, paragraphs))
        items.append(Item(title, web.url(f"/news/{n}.html")))
    add_feeds([Feed(web.add("/feed", atom_feed(items), "application/atom+xml"), folder)])
    notices: list[str] = []
    app = make(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        real_notify = app.notify
        app.notify = lambda message, *a, **k: (notices.append(str(message)), real_notify(message, *a, **k))[1]
        lst = app.query_one(ArticleList)
        await _until(pilot, lambda: app.folder.session is not None and not app.workers, "the empty folder to load")
        assert lst.articles == []
        await pilot.press("R")
        await _until(pilot, lambda: len(lst.articles) == 2, "the fetched articles to be listed")
        assert sorted(a.title for a in lst.articles) == sorted(i.title for i in items)
        assert "2 new articles from 1 feed" in notices
        assert sorted(p.suffix for p in folder.iterdir()) == [".md", ".md"]


async def test_R_without_feeds_says_how_to_subscribe(web_home: Path, small_folder: Path, make) -> None:  # noqa: ANN001
    notices: list[str] = []
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        real_notify = app.notify
        app.notify = lambda message, *a, **k: (notices.append(str(message)), real_notify(message, *a, **k))[1]
        await pilot.press("R")
        await _until(pilot, lambda: notices, "a notice")
        assert notices == ["No feeds to fetch: subscribe with `newsreader feeds add URL`."]


async def test_r_while_the_first_scan_runs_starts_no_second_scan(small_folder: Path, make) -> None:  # noqa: ANN001
    """`r` (or `R`'s rescan) before the first scan has a session must not open the index a second time:
    two openers racing to create it made the first scan fail ("no such table: articles")."""
    import threading

    from newsreader.ui.loading import FolderWorkers

    scans: list[bool] = []
    release = threading.Event()
    real_scan = FolderWorkers._scan

    def held_scan(self, worker, early):  # noqa: ANN001, ANN202
        scans.append(early)
        release.wait(30)  # the first scan is still opening the index while the keys arrive
        return real_scan(self, worker, early)

    app = make(small_folder)
    FolderWorkers._scan = held_scan  # type: ignore[method-assign]  # held for this test only
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await _until(pilot, lambda: scans, "the first scan to start")
            await pilot.press("r", "r")
            release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(scans) == 1
            assert app.folder.session is not None and len(app.folder.session.articles) == 3
    finally:
        release.set()
        FolderWorkers._scan = real_scan  # type: ignore[method-assign]
