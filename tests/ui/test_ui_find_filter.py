"""Pilot tests: find in the article (counter, highlights, n/N, esc) and the folder filter."""

from __future__ import annotations

from pathlib import Path

from newsreader.ui.app import NewsReaderApp
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from tests.conftest import ARTICLES, SEED_TITLE
from tests.ui.test_ui_navigation import loaded


def status(app: NewsReaderApp) -> str:
    return str(app.query_one("#find-status").render())


def current_line_visible(view: ArticleView, offset: int) -> bool:
    return view.line_of(offset) in view.visible_line_range()


async def searched(app: NewsReaderApp, pilot) -> None:  # noqa: ANN001
    """Wait for a regex search (run in a worker) to be shown."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_seed(app: NewsReaderApp, pilot) -> None:  # noqa: ANN001
    await loaded(app, pilot)
    lst = app.query_one(ArticleList)
    lst.move_to(next(i for i, a in enumerate(lst.articles) if a.title == SEED_TITLE))
    await pilot.pause()


async def test_find_trust_counts_walks_and_clears(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("enter", "slash", *"trust")
        view = app.query_one(ArticleView)
        text = view.document.text
        assert status(app) == "1/4"
        assert len(app.reader_pane.matches) == 4
        assert all(text[s:e].lower() == "trust" for s, e in app.reader_pane.matches)
        assert view.matches == app.reader_pane.matches  # every match is highlighted
        await pilot.press("enter")  # confirm: keys go back to the reader, then n/N walk
        assert isinstance(app.focused, ArticleView)
        seen = [app.reader_pane.current_match]
        for _ in range(3):
            await pilot.press("n")
            seen.append(app.reader_pane.current_match)
            start = app.reader_pane.matches[app.reader_pane.current_match][0]
            assert current_line_visible(view, start)
        assert seen == [0, 1, 2, 3]
        assert status(app) == "4/4"
        await pilot.press("n")  # wraps
        assert app.reader_pane.current_match == 0
        await pilot.press("N")
        assert app.reader_pane.current_match == 3 and status(app) == "↻ end 4/4"  # wrapped: said in the counter
        await pilot.press("escape")
        assert app.reader_pane.matches == () and view.matches == ()
        assert not app.reader_pane.find_bar.is_open


async def test_find_is_smart_case_and_says_no_matches(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("slash", *"TRUST")
        assert status(app) == "no matches"
        assert app.reader_pane.matches == ()
        for _ in range(5):
            await pilot.press("backspace")
        await pilot.press(*"Trust")
        assert status(app) == "1/1"  # capital T: case-sensitive, only "Trust needs"


async def test_find_regex_toggle_and_invalid_pattern(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("ctrl+f", *"tr[u")
        assert status(app) == "no matches"
        await pilot.press("alt+r")  # a regex is searched in a worker (with a time budget)
        await searched(app, pilot)
        assert "invalid regex" in status(app)
        assert app.is_running
        await pilot.press(*"]st")  # tr[u]st
        await searched(app, pilot)
        assert status(app) == "1/4"
        await pilot.press("alt+w")  # whole word: "trusted" no longer matches
        await searched(app, pilot)
        assert status(app) == "1/3"


async def test_find_searches_title_and_survives_resize(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("slash", *"transparency")
        first = app.reader_pane.matches[0]
        assert first[0] < app.reader.document.body_offset  # the title is searched too
        await pilot.press("down", "down")
        current = app.reader_pane.current_match
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert app.reader_pane.current_match == current and app.reader.matches == app.reader_pane.matches
        await pilot.press("down")
        assert current_line_visible(app.reader, app.reader_pane.matches[app.reader_pane.current_match][0])


async def test_find_follows_a_new_article(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter", "slash", *"the", "enter")
        before = list(app.reader_pane.matches)
        await pilot.press("J")
        assert app.reader_pane.matches and app.reader_pane.matches != before
        assert app.reader_pane.find.text == "the"


async def test_filter_narrows_the_list_and_esc_restores(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        lst = app.query_one(ArticleList)
        await pilot.press("f", *"huawei")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [a.title for a in lst.articles] == [SEED_TITLE]
        assert str(app.query_one("#filter-status").render()) == "1 of 31"
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleList)
        # the filter's word is pre-highlighted as find matches, so n/N jump at once
        assert app.reader_pane.find.text == "huawei" and len(app.reader_pane.matches) >= 5
        await pilot.press("escape")  # closes the find
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert len(lst.articles) == 31


async def test_filter_actor_query_uses_the_analysis(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, background_analysis=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"actor:trump")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause(0.7)
        await app.workers.wait_for_complete()
        await pilot.pause()
        titles = [a.title for a in app.query_one(ArticleList).articles]
        assert SEED_TITLE in titles
        assert "US President Trump announces troop withdrawal from Syria" in titles
        assert len(titles) < 31
        for title in titles:  # every listed article really has an actor called Trump
            entry = next(a for a in app.session.articles if a.title == title)
            analysis = app.session.analyse(app.session.full_article(entry))
            names = {n.lower() for a in analysis.actors for n in [a.name, *a.aliases]}
            assert any("trump" in n for n in names), title


async def test_filter_with_no_results_and_typing_stays_responsive(small_folder: Path, make) -> None:  # noqa: ANN001
    app = make(small_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"zzzz")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lst = app.query_one(ArticleList)
        assert lst.articles == [] and "0 of 3" in str(app.query_one("#filter-status").render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(lst.articles) == 3


async def test_find_bar_keeps_room_for_the_query_at_40_columns(make) -> None:  # noqa: ANN001
    """At 40x12 the reading pane is 27 columns: the counter's fixed 22 columns and the label left the input
    none, so what was typed could not be seen; the counter now gives way first (and still says 1/N)."""
    from textual.widgets import Input, Label

    app = make(ARTICLES)
    async with app.run_test(size=(40, 12)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("enter", "slash", *"trust")
        await pilot.pause()
        bar = app.reader_pane.find_bar
        field, status = bar.query_one(Input), bar.query_one("#find-status", Label)
        assert field.region.width >= 9
        assert bar.region.contains_region(status.region) and status.region.width > 0
        shown = "".join(s.text for s in status.render_lines(status.region.reset_offset)[0])
        assert "1/" in shown
        await pilot.press("escape")
        await pilot.resize_terminal(80, 24)  # where the counter has its full 22 columns, as before
        await pilot.press("slash", *"trust")
        await pilot.pause()
        assert bar.query_one("#find-status", Label).region.width == 22


async def test_find_counter_stays_on_the_bar_with_the_switches_on_at_40_columns(make) -> None:  # noqa: ANN001
    """At 40x12 with regex on, the "[regex]" label pushed the counter off the end of the bar. The counter is
    docked now, and a narrow bar drops its "Find" label and shortens the switches ("[re]", "[w]")."""
    from textual.widgets import Input, Label

    app = make(ARTICLES)
    async with app.run_test(size=(40, 12)) as pilot:
        await open_seed(app, pilot)
        await pilot.press("enter", "slash", *"trust", "alt+r")
        await pilot.pause()  # (the switch's message starts the search: a regex search runs in a worker,
        await app.workers.wait_for_complete()  # "searching…" until it ends and its result is applied)
        await pilot.pause()
        bar = app.reader_pane.find_bar
        status, flags = bar.query_one("#find-status", Label), bar.query_one("#find-flags", Label)
        assert bar.region.contains_region(status.region)
        assert "1/" in "".join(s.text for s in status.render_lines(status.region.reset_offset)[0])
        assert str(flags.render()) == "[re]" and not bar.query_one("#find-label").display
        assert bar.query_one(Input).region.width >= 9
        await pilot.resize_terminal(120, 36)  # wide again: the full labels come back
        await pilot.pause()
        assert str(flags.render()) == "[regex]" and bar.query_one("#find-label").display
