"""Pilot tests for issue 16, parts 3-7: stars (`*`, `S`), unread (header count, `.`, space at the end,
`A` then `u`), sort (`s`, remembered), zoom and list width (`z`, `+`, `-`, remembered), and the header
naming the modes that are on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events

from newsreader.ui.app import NewsReaderApp
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.header import AppHeader
from newsreader.ui.list_pane import ListPane
from tests.conftest import ARTICLES, SEED_TITLE
from tests.ui.test_ui_find_filter import open_seed
from tests.ui.test_ui_navigation import loaded


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    return state


def header(app: NewsReaderApp) -> str:
    return str(app.query_one(AppHeader).render())


def titles(app: NewsReaderApp) -> list[str]:
    return [a.title for a in app.query_one(ArticleList).articles]


def unread_titles(app: NewsReaderApp) -> list[str]:
    return [a.title for a in app.query_one(ArticleList).articles if app.marks.is_unread(a)]



async def test_star_marks_the_title_and_S_lists_only_starred(make) -> None:  # noqa: ANN001, N802
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("asterisk")
        await pilot.pause()
        lst = app.query_one(ArticleList)
        assert app.marks.is_starred(lst.current)
        assert "★ Huawei opens Brussels" in app.export_screenshot() or "★ Huawei" in "".join(
            seg.text for seg in lst.render_line(lst.cursor * 3 - lst.scroll_offset.y))
        await pilot.press("S")
        await pilot.pause()
        assert titles(app) == [SEED_TITLE]
        assert "starred only" in header(app)
        await pilot.press("S")
        await pilot.pause()
        assert len(titles(app)) == 31 and "starred only" not in header(app)
        await pilot.press("asterisk")  # unstar
        assert not app.marks.is_starred(lst.current)


async def test_stars_survive_a_restart(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("asterisk")
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        assert titles(app) == [SEED_TITLE]


async def test_header_counts_unread_and_dot_walks_them_wrapping(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        assert "31 unread" in header(app)
        lst = app.query_one(ArticleList)
        await pilot.press("m", "j", "j", "m")  # articles 0 and 2 read
        await pilot.pause()
        assert "29 unread" in header(app)
        await pilot.press("g", "full_stop")
        assert lst.cursor == 1
        await pilot.press("full_stop")
        assert lst.cursor == 3  # 2 is read
        lst.move_to(30)
        await pilot.press("full_stop")
        assert lst.cursor == 1  # wrapped past the read article 0


async def test_dot_stays_within_the_filter(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"wikinews", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        listed = titles(app)
        assert SEED_TITLE not in listed and len(listed) == 30
        for _ in range(len(listed) + 2):
            await pilot.press("full_stop")
            assert app.query_one(ArticleList).current.title in listed


async def test_A_marks_all_listed_read_and_u_undoes(make) -> None:  # noqa: ANN001, N802
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("m")  # one already read: u must leave it read
        before = unread_titles(app)
        assert len(before) == 30
        await pilot.press("A")
        await pilot.pause()
        assert unread_titles(app) == [] and "0 unread" in header(app)
        assert any("Marked 30 articles read" in str(n.message) for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        assert unread_titles(app) == before and "30 unread" in header(app)
        await pilot.press("u")
        assert any("Nothing to undo" in str(n.message) for n in app._notifications)
        await pilot.press("A", "m", "u")  # another mark after A: u no longer undoes it
        await pilot.pause()
        assert len(unread_titles(app)) == 1


async def test_space_at_the_end_goes_to_the_next_unread(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        await pilot.press("j", "m", "g", "enter")  # article 1 read: space skips it
        view = app.query_one(ArticleView)
        first = lst.current
        for _ in range(50):
            if view.scroll_offset.y >= view.max_scroll_y:
                break
            await pilot.press("space")
        assert lst.cursor == 0
        await pilot.press("space")
        await pilot.pause()
        assert lst.cursor == 2 and not app.marks.is_unread(first)


def as_newsreader_starts(app):  # noqa: ANN001, ANN201
    """The app with the config and the remembered choices, as `newsreader` starts it (ui.terminal.run_reader)."""
    from newsreader.config import load_config
    from newsreader.preferences import effective_config
    from newsreader.ui.apply_config import install_config

    return install_config(app, effective_config(load_config()))


async def test_s_cycles_the_order_shows_it_and_remembers_it(make, private_state: Path) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        assert "newest first" in header(app)
        newest = titles(app)
        await pilot.press("s")
        await pilot.pause()
        assert "oldest first" in header(app)
        assert titles(app)[0] == newest[-2]  # the seed is undated: last in both
        await pilot.press("s")
        await pilot.pause()
        assert "by title" in header(app) and titles(app) == sorted(newest, key=str.casefold)
        await app.workers.wait_for_complete()
    assert json.loads((private_state / "newsreader" / "preferences.json").read_text())["sort"] == "title"
    app = as_newsreader_starts(make(ARTICLES, read_after=None))
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        assert "by title" in header(app) and titles(app) == sorted(newest, key=str.casefold)


async def test_sort_by_quotations_and_source(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None, background_analysis=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.press("s", "s", "s")
        await pilot.pause()
        assert "by source" in header(app) and titles(app)[-1] == SEED_TITLE  # no source: last
        await pilot.press("s")
        await pilot.pause()
        assert "most quotations" in header(app)
        # (the list's own count where the reader has none of its own: background analyses count into the rows)
        counts = [app.session.quote_counts.get(a.key, a.quote_count or 0) for a in app.query_one(ArticleList).articles]
        assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


async def test_z_zooms_and_plus_minus_resize_remembered(make, private_state: Path) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seed(app, pilot)
        view, listing = app.query_one(ArticleView), app.query_one(ListPane)
        narrow, lines = view.size.width, view.line_count
        await pilot.press("z")
        await pilot.pause()
        assert not listing.display or listing.size.width == 0
        assert view.size.width > narrow + 20 and view.has_focus
        assert view.line_count < lines  # the text is wrapped to the new width
        await pilot.press("h")  # to the list: it comes back
        await pilot.pause()
        assert view.size.width == narrow and listing.display and app.query_one(ArticleList).has_focus
        before = listing.size.width
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert listing.size.width > before and view.line_count > lines  # a narrower reader
        await pilot.press("minus")
        await pilot.pause()
        wider = listing.size.width
        assert before < wider
        await app.workers.wait_for_complete()
    assert json.loads((private_state / "newsreader" / "preferences.json").read_text())["list_width"] == 40
    app = as_newsreader_starts(make(ARTICLES, read_after=None))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        assert app.query_one(ListPane).size.width == wider


async def test_header_says_highlights_off_and_unread_only(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("H", "U")
        await pilot.pause()
        line = header(app)
        assert "highlights off" in line and "unread only" in line
        await pilot.press("H", "U")
        await pilot.pause()
        assert "highlights off" not in header(app) and "unread only" not in header(app)


async def test_a_late_open_does_not_take_the_focus_from_the_find_bar(make) -> None:  # noqa: ANN001
    """`l/tr` typed fast: the reader takes the keys at `l`, and `/` then gives them to the find bar; the
    reader must not take the focus back (the next letters would run as keys: `r` reloaded). Found by the tmux
    test of issue 11 once the start-up timing changed."""
    from textual.widgets import Input

    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seed(app, pilot)
        for key, character in [("l", "l"), ("slash", "/"), ("t", "t"), ("r", "r")]:  # one read
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert app.focused.value == "tr"


async def test_an_empty_starred_list_says_how_to_star(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        lst = app.query_one(ArticleList)
        assert titles(app) == [] and lst.empty_message == "Nothing starred here: * stars an article."
        assert lst.render_line(1).text.strip().startswith("Nothing starred")


async def test_an_empty_filter_result_says_so(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"zzqqxx")
        await app.workers.wait_for_complete()
        await pilot.pause()
        lst = app.query_one(ArticleList)
        assert titles(app) == [] and lst.empty_message == "Nothing matches this filter."


async def test_most_quotations_re_sorts_as_the_analysis_counts_them(make) -> None:  # noqa: ANN001
    """Sorted by quotations while they are still being counted: new counts re-sort the list."""
    from newsreader.ui.list_pane import REFILTER_AFTER_ANALYSIS_S
    from newsreader.ui.messages import QuoteCounts

    app = make(ARTICLES, read_after=None, background_analysis=True, use_index=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        counts = dict(app.session.quote_counts)
        app.session.quote_counts.clear()  # as if nothing were counted yet (the rows keep their count too)
        for article in app.session.articles:
            article.quote_count = None
        await pilot.press("s", "s", "s", "s")
        assert "most quotations" in header(app)
        assert app.query_one(ArticleList).articles[0].key != max(counts, key=counts.get)  # folder order
        app.session.quote_counts.update(counts)
        app.post_message(QuoteCounts(list(counts.items())))  # what the analysis worker posts
        await pilot.pause(REFILTER_AFTER_ANALYSIS_S * 2)
        shown = [counts[a.key] for a in app.query_one(ArticleList).articles]
        assert shown == sorted(shown, reverse=True)
