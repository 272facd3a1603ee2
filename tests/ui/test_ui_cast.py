"""Pilot tests for navigation by who is in the story, and for read state (issue 7)."""

from __future__ import annotations

from pathlib import Path

from newsreader.ui.actors_panel import ActorsPanel
from newsreader.ui.app import NewsReaderApp
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.who_said import WhoSaidScreen
from tests.conftest import ARTICLES, SEED_TITLE
from tests.ui.test_ui_find_filter import open_seed
from tests.ui.test_ui_navigation import loaded


def top_body_offset(app: NewsReaderApp) -> int:
    view = app.query_one(ArticleView)
    return view.offset_of_line(view.scroll_offset.y) - view.document.body_offset


def visible(app: NewsReaderApp, body_offset: int) -> bool:
    view = app.query_one(ArticleView)
    return view.line_of(view.document.body_offset + body_offset) in view.visible_line_range()


async def seed_with_analysis(app: NewsReaderApp, pilot) -> None:  # noqa: ANN001
    await open_seed(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_actors_panel_lists_the_cast_with_huawei_first(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(140, 40)) as pilot:
        await seed_with_analysis(app, pilot)
        await pilot.press("a")
        panel = app.query_one(ActorsPanel)
        assert panel.display and app.focused is panel
        names = [a.name for a in panel.actors]
        assert names[0] == "Huawei"
        assert {"Ken Hu", "Donald Trump", "Brussels", "China"} <= set(names)
        assert app.reader_pane.focus_actor is not None and app.reader_pane.focus_actor.name == "Huawei"
        # only Huawei's mentions are highlighted now
        roles = {(app.reader.document.text[s.start:s.end], s.style) for s in app.reader.document.spans}
        assert ("Huawei", "organisation") in roles
        assert not any(style == "person" for _, style in roles)
        await pilot.press("a")  # closes, full highlighting back
        assert not panel.display and app.reader_pane.focus_actor is None
        roles = {s.style for s in app.reader.document.spans}
        assert "person" in roles and "quote" in roles


async def test_choosing_ken_hu_and_stepping_through_his_mentions(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(140, 30)) as pilot:
        await seed_with_analysis(app, pilot)
        await pilot.press("a")
        panel = app.query_one(ActorsPanel)
        assert panel.select_actor("Ken Hu")
        await pilot.pause()
        assert app.reader_pane.focus_actor.name == "Ken Hu"
        mentions = app.reader_pane.mentions
        body = app.reader_pane.article.body
        assert len(mentions) >= 2 and {body[s:e] for s, e in mentions} >= {"Ken Hu", "Hu"}
        await pilot.press("tab")  # into the reader... or wherever: ]/[ work everywhere
        assert app.reader_pane.mention == 0  # choosing him scrolled to his first mention
        seen = []
        for _ in range(len(mentions)):
            await pilot.press("right_square_bracket")
            seen.append(app.reader_pane.mention)
            assert visible(app, mentions[app.reader_pane.mention][0])
        assert seen == [*range(1, len(mentions)), 0]  # walks them in order, then wraps to the first
        await pilot.press("left_square_bracket")
        assert app.reader_pane.mention == len(mentions) - 1  # and back, wrapping to the last


async def test_enter_in_the_actors_panel_filters_the_folder(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, background_analysis=True)
    async with app.run_test(size=(140, 36)) as pilot:
        await seed_with_analysis(app, pilot)
        await pilot.press("a")
        app.query_one(ActorsPanel).select_actor("Donald Trump")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause(0.7)
        await app.workers.wait_for_complete()
        await pilot.pause()
        titles = [a.title for a in app.query_one(ArticleList).articles]
        assert SEED_TITLE in titles and len(titles) < 31
        assert 'actor:"Donald Trump"' in app.list_pane.filter_bar.input.value


async def test_who_said_what_groups_by_speaker_and_jumps(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(140, 30)) as pilot:
        await seed_with_analysis(app, pilot)
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, WhoSaidScreen)
        groups = [(speaker, len(indices)) for speaker, indices in screen.groups]
        assert groups[:2] == [("Ken Hu", 3), ("Donald Trump", 1)]
        await pilot.press("down", "down", "down", "enter")  # the fourth row: Donald Trump's quotation
        await pilot.pause()
        assert not isinstance(app.screen, WhoSaidScreen)
        quotes = app.session.cached_analysis(app.reader_pane.article).quotes
        assert app.reader_pane.quote is not None
        assert visible(app, quotes[app.reader_pane.quote].start)


async def test_curly_brackets_walk_the_quotations(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 20)) as pilot:
        await seed_with_analysis(app, pilot)
        await pilot.press("enter")
        quotes = sorted(q.start for q in app.session.cached_analysis(app.reader_pane.article).quotes)
        starts = []
        for _ in quotes:
            await pilot.press("right_curly_bracket")
            current = app.session.cached_analysis(app.reader_pane.article).quotes[app.reader_pane.quote]
            starts.append(current.start)
            assert visible(app, current.start)
        assert starts == quotes
        await pilot.press("right_curly_bracket")  # at the end: stays
        assert app.session.cached_analysis(app.reader_pane.article).quotes[app.reader_pane.quote].start == quotes[-1]
        await pilot.press("left_curly_bracket")
        assert app.session.cached_analysis(app.reader_pane.article).quotes[app.reader_pane.quote].start == quotes[-2]


async def test_read_marks_m_and_unread_only(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        assert all(app.marks.is_unread(a) for a in lst.articles)
        await pilot.press("m")  # Gamma marked read by hand
        assert not app.marks.is_unread(lst.articles[0])
        await pilot.press("j", "enter", "j")  # Beta: scrolling counts as reading... if it can scroll
        await pilot.press("escape", "U")
        titles = [a.title for a in lst.articles]
        assert "Gamma story" not in titles and "Alpha story" in titles
        await pilot.press("U")
        assert len(lst.articles) == 3
        await pilot.press("g", "m")  # Gamma unread again
        assert app.marks.is_unread(lst.articles[0])


async def test_open_for_two_seconds_counts_as_read_and_survives_a_restart(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("j")  # Beta
        await pilot.pause(2.3)
        beta = app.query_one(ArticleList).articles[1]
        assert not app.marks.is_unread(beta)
        await pilot.press("enter", "j", "j")
    again = make(small_folder)
    async with again.run_test(size=(120, 36)) as pilot:
        await loaded(again, pilot)
        await pilot.pause()
        lst = again.query_one(ArticleList)
        assert lst.current is not None and lst.current.title == "Beta story"  # reopened where we left
        assert not again.marks.is_unread(lst.articles[1]) and again.marks.is_unread(lst.articles[2])
