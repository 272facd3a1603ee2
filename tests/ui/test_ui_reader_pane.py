"""Pilot regression tests for the reading pane's glitches (issue 11, numbered as there) and its state.

Each test drives the app the way the issue describes the glitch and asserts what a user would see.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual import events

from newsreader.ui.actors_panel import ActorsPanel
from newsreader.ui.app import NewsReaderApp
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.help_screen import HelpScreen
from tests.conftest import ARTICLES, SEED_TITLE
from tests.ui.test_ui_find_filter import open_seed, status
from tests.ui.test_ui_navigation import loaded

SMALL = (80, 24)


def screen_text(app: NewsReaderApp) -> str:
    return app.export_screenshot()


async def seed(app: NewsReaderApp, pilot) -> None:  # noqa: ANN001
    await open_seed(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


def toasts(app: NewsReaderApp) -> list[str]:
    """The notices on screen now."""
    return [n.message for n in app._notifications]


# 1 ----------------------------------------------------------------------------------------------------


async def test_1_find_highlights_follow_the_query_after_scrolling(make) -> None:  # noqa: ANN001
    """Typed one key at a time after `}`x4: what is on screen equals a full repaint (no stale `tr` marks)."""
    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await seed(app, pilot)
        await pilot.press("enter", *"}}}}", "slash")
        view = app.query_one(ArticleView)
        assert view.scroll_offset.y > 0  # the bug needed a scrolled view
        for key in "trust":
            await pilot.press(key)
            await pilot.pause()
        incremental = screen_text(app)
        view.refresh()
        await pilot.pause()
        assert screen_text(app) == incremental
        assert status(app).endswith("/4")


# 2 ----------------------------------------------------------------------------------------------------


async def test_2_actors_panel_keeps_the_reading_place(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await seed(app, pilot)
        await pilot.press("enter", "G")
        view = app.query_one(ArticleView)
        before = view.offset_of_line(view.scroll_offset.y)  # the text at the top of the view
        assert before > 0
        await pilot.press("a")
        await pilot.pause()
        assert app.query_one(ActorsPanel).display
        after = view.offset_of_line(view.scroll_offset.y)
        assert after > before * 0.8  # the same place (rewrapped for the new width), not the title


# 3 ----------------------------------------------------------------------------------------------------


async def test_3_wrapping_is_said_in_the_counter_not_over_it(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await seed(app, pilot)
        await pilot.press("enter", "slash", *"trust", "enter", "n", "n", "n")
        assert status(app) == "4/4"
        await pilot.press("n")
        await pilot.pause()
        assert not any("Wrapped" in t for t in toasts(app))
        assert status(app) == "↻ top 1/4"
        await pilot.press("n")
        assert status(app) == "2/4"


# 4 ----------------------------------------------------------------------------------------------------


async def test_4_unread_only_counts_the_rows_listed_and_the_header_says_so(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, read_after=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"trust")
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lst = app.query_one(ArticleList)
        before = len(lst.articles)
        assert before >= 2
        await pilot.press("enter")
        if app.marks.is_unread(lst.articles[0]):
            await pilot.press("m")  # the first is read now
        assert [app.marks.is_unread(a) for a in lst.articles[1:]] == [True] * (before - 1)
        await pilot.press("j")  # move off it, so unread-only drops it
        await pilot.press("U")
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = len(lst.articles)
        assert shown == before - 1
        assert str(app.query_one("#filter-status").render()).startswith(f"{shown} of 31")
        header = str(app.query_one("#header").render())
        assert "unread only" in header and "filtered" in header


# 5 ----------------------------------------------------------------------------------------------------


async def test_5_an_actor_filter_makes_the_actors_mentions_the_matches(make) -> None:  # noqa: ANN001
    app = make(ARTICLES, background_analysis=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"actor:trump")
        for _ in range(50):  # the actor filter waits for the background analysis
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
            if any(a.title == SEED_TITLE for a in app.query_one(ArticleList).articles):
                break
        lst = app.query_one(ArticleList)
        lst.move_to(next(i for i, a in enumerate(lst.articles) if a.title == SEED_TITLE))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.reader_pane
        text = pane.document.text
        assert pane.matches and all("Trump" in text[s:e] for s, e in pane.matches)
        await pilot.press("enter", "n")
        assert pane.current_match >= 0


async def test_5_n_without_matches_says_so_in_one_line(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await seed(app, pilot)
        await pilot.press("enter", "n")
        await pilot.pause()
        said = toasts(app)
        assert len(said) == 1 and "\n" not in said[0] and len(said[0]) < 60
        await pilot.press("N", "slash", *"zzzq", "enter", "n")
        assert toasts(app)[-1] == "No matches"
        from textual.widgets._footer import FooterKey

        await pilot.press("escape")
        await pilot.pause()
        assert "n" not in {k.key for k in app.screen.query(FooterKey)}  # n/N in the footer only while finding


# 6 ----------------------------------------------------------------------------------------------------


async def test_6_help_scrolls_with_j_k_g_G_and_is_one_column_at_80(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await loaded(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        body = help_screen.body
        assert body.max_scroll_y > 0
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        columns = list(help_screen.query(".help-keys"))
        assert len({c.region.x for c in columns}) == 1  # stacked: one column
        keys = [k for k in help_screen.query(".help-key")]
        descs = [d for d in help_screen.query(".help-desc")]
        assert all(d.region.x > k.region.right - 1 for k, d in zip(keys, descs, strict=True))  # beside their keys
        text = help_screen.keys_text()
        assert "Who said what" not in [title for title, _ in help_screen.sections]
        find_section = dict(help_screen.sections)["Find in the article"]
        from newsreader.ui.help_screen import binding_rows

        enter_rows = [k for k, _ in binding_rows(find_section, app.get_key_display) if "⏎" in k.split()]
        assert len(enter_rows) == 1, enter_rows
        assert "Next mention" in text


# 7 ----------------------------------------------------------------------------------------------------


async def test_7_footer_keeps_who_said_what_at_80_columns(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await seed(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        footer = screen_text(app)
        from textual.widgets._footer import FooterKey

        visible = {k.key for k in app.screen.query(FooterKey) if k.region.right <= SMALL[0]}
        assert {"w", "a", "slash,ctrl+f", "escape", "q"} <= visible | {"slash,ctrl+f"}, visible
        assert footer


# 8 ----------------------------------------------------------------------------------------------------


async def test_8_actors_panel_at_80_columns_leaves_the_reader_its_width(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await seed(app, pilot)
        view = app.query_one(ArticleView)
        width = view.size.width
        await pilot.press("a")
        await pilot.pause()
        assert view.size.width >= width - 4 and view.size.width >= 40
        await pilot.press("slash")
        await pilot.pause()
        assert app.query_one("#find-input").size.width >= 12
        await pilot.press("escape", "a")
        await pilot.pause()
        assert app.query_one("#listing").display


# 9 ----------------------------------------------------------------------------------------------------


async def test_9_palette_knows_the_folders_actors_the_first_time(make) -> None:  # noqa: ANN001
    from newsreader.ui.actor_commands import ActorCommand
    from newsreader.ui.palette import ReaderCommands

    app = make(ARTICLES, background_analysis=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(app, pilot)
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.folder.actors_counted:
                break
        actors, status_line = app.folder_actors()
        assert actors and status_line is None
        assert "again" not in ActorCommand(app.screen).help_text()
        listed = [hit.text async for hit in ReaderCommands(app.screen).discover()]
        assert listed[:2] == ["Open article…", "Actor…"] and "Theme" in listed[2:]  # the app's first


# 10 ---------------------------------------------------------------------------------------------------


async def test_10_esc_in_the_actors_panel_closes_it(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await seed(app, pilot)
        await pilot.press("a")
        panel = app.query_one(ActorsPanel)
        assert panel.display and app.focused is panel
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and app.reader_pane.focus_actor is None
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)


# 11 ---------------------------------------------------------------------------------------------------


async def test_11_mentions_show_their_position_and_the_current_one(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await seed(app, pilot)
        await pilot.press("a")
        assert app.query_one(ActorsPanel).select_actor("Ken Hu")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        pane = app.reader_pane
        n = len(pane.mentions)
        line = str(app.query_one("#reader-status").render())
        assert f"mention {pane.mention + 1}/{n}" in line and "Ken Hu" in line
        view = app.query_one(ArticleView)
        s, e = pane.mentions[pane.mention]
        base = pane.document.body_offset
        assert view.current_mention == (base + s, base + e)
        assert any(role == "current-mention" for *_, role in view._line_matches(view.line_of(base + s)))


# 12 ---------------------------------------------------------------------------------------------------


async def test_12_actors_named_only_in_the_title_are_not_listed(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await seed(app, pilot)
        await pilot.press("a")
        panel = app.query_one(ActorsPanel)
        assert panel.actors and all(a.mentions or panel.quote_count(a) for a in panel.actors)
        assert "Europe" not in [a.name for a in panel.actors]


# 13 ---------------------------------------------------------------------------------------------------


def test_13_esc_is_not_held_back_by_the_escape_sequence_wait(monkeypatch) -> None:  # noqa: ANN001
    """Textual waits ESCDELAY ms after an ESC byte before reporting Esc (the UI package shortens it to
    25 ms), and the reader's input thread wakes up after that wait instead of after its usual 100 ms."""
    from textual import constants

    from newsreader.ui.terminal import IDLE_WAIT_S, next_wait

    code = "import newsreader.ui.app, textual.constants as c; print(c.ESCAPE_DELAY)"
    env = {k: v for k, v in __import__("os").environ.items() if k != "ESCDELAY"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert float(out.stdout) == 0.025
    monkeypatch.setattr(constants, "ESCAPE_DELAY", 0.025)  # (this process imported Textual first)
    assert next_wait("\x1b") == 0.025 < IDLE_WAIT_S
    assert next_wait("j") == next_wait("\x1b[A") == IDLE_WAIT_S


# the pane's state ----------------------------------------------------------------------------------------


async def test_the_view_paints_the_panes_state_and_keeps_no_copy(make) -> None:  # noqa: ANN001
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await seed(app, pilot)
        await pilot.press("slash", *"huawei", "enter")
        pane, view = app.reader_pane, app.query_one(ArticleView)
        assert view.matches == pane.matches and view.current_match == pane.current_match
        await pilot.press("H")
        assert view.highlight is pane.highlight is False
        assert not hasattr(app, "find_matches") and not hasattr(app, "highlight")


def test_app_derives_from_app_alone_and_stays_small() -> None:
    from textual.app import App

    assert NewsReaderApp.__bases__ == (App,)
    source = Path(sys.modules[NewsReaderApp.__module__].__file__ or "").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 400


async def test_keys_can_be_remapped_by_their_ids(make) -> None:  # noqa: ANN001
    """Every binding has a stable id, so a config file can remap it with `App.set_keymap`."""
    from newsreader.ui.keys import APP_BINDINGS

    ids = [b.id for b in APP_BINDINGS]
    assert all(ids) and len(ids) == len(set(ids))
    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await seed(app, pilot)
        app.set_keymap({"reader.actors": "A"})
        await pilot.press("A")
        await pilot.pause()
        assert app.reader_pane.show_actors


async def test_5_actor_matches_appear_when_the_analysis_arrives_without_moving_the_reader(make) -> None:  # noqa: ANN001
    """Opened from `actor:hu` before the article was analysed: its mentions become matches on arrival."""
    from newsreader.query import parse_filter

    app = make(ARTICLES)
    async with app.run_test(size=(120, 36)) as pilot:
        await seed(app, pilot)
        pane = app.reader_pane
        analysis = pane.analysis
        assert analysis is not None
        pane.show_article(pane.article, None)  # as if the analysis were still running
        pane.set_filter(parse_filter("actor:hu"))
        assert pane.matches == ()
        await pilot.press("enter", "j", "j")
        place = app.query_one(ArticleView).scroll_offset.y
        pane.set_analysis(analysis)
        text = pane.document.text
        assert pane.matches and {text[s:e].lower() for s, e in pane.matches} <= {"ken hu", "hu", "huawei"}
        assert app.query_one(ArticleView).scroll_offset.y == place


async def test_any_size_with_every_panel_open(make) -> None:  # noqa: ANN001
    """Find bar, position line, actors panel and the header all cope with 1x1 to 200x60 and back."""
    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await seed(app, pilot)
        await pilot.press("a")
        assert app.query_one(ActorsPanel).select_actor("Ken Hu")
        await pilot.press("right_square_bracket", "slash", *"hu")
        for size in [(1, 1), (2, 2), (12, 4), (80, 24), (109, 30), (110, 30), (200, 60), (3, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            screen_text(app)
        assert app.is_running and app.reader_pane.show_actors and app.reader_pane.matches
        await pilot.press("enter", "question_mark")  # (enter: out of the find input, into the reader)
        for size in [(1, 1), (30, 8), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_enter_then_slash_typed_fast_keeps_the_find_input(make) -> None:  # noqa: ANN001
    """`l` `/` `t` arriving in one burst: the list's "open" must not pull the focus back to the reader after
    `/` took it (the `t` would be lost)."""
    from textual.widgets import Input

    app = make(ARTICLES)
    async with app.run_test(size=SMALL) as pilot:
        await seed(app, pilot)
        assert isinstance(app.focused, ArticleList)
        for key, character in [("l", "l"), ("slash", "/"), ("t", "t")]:  # one read
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert app.reader_pane.find.text == "t"
        await pilot.press("r")
        assert app.reader_pane.find.text == "tr"
