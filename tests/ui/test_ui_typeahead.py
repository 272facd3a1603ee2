"""Keys typed right after Enter in the filter or find bar (typed fast, or queued while the reader was
busy) arrive in the same read as the Enter: they belong to the widget Enter hands the keys to, not to
the bar's text ("trump⏎jj" filtered for "trumpjj", seen in tmux)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView

SIZE = (120, 36)
CHARACTERS = {"enter": "\r", "question_mark": "?", "slash": "/", "escape": "\x1b"}


def queue(app: Any, *keys: str) -> None:
    """Post `keys` to the app all at once, as a terminal delivers keys that arrived in one read."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key)))


async def loaded(app: Any, pilot: Any) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_keys_queued_after_enter_in_the_filter_move_the_list(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"story")
        await loaded(app, pilot)
        assert app.list_pane.filter_bar.input.value == "story"
        start = app.article_list.cursor
        queue(app, "enter", "j", "j")
        await loaded(app, pilot)
        assert app.list_pane.filter_bar.input.value == "story"
        assert isinstance(app.focused, ArticleList)
        assert app.article_list.cursor == start + 2


async def test_keys_queued_after_enter_in_the_find_bar_reach_the_reader(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter", "slash", *"Gamma")
        await loaded(app, pilot)
        pane = app.reader_pane
        assert pane.find_bar.input.value == "Gamma" and len(pane.matches) > 2
        start = pane.current_match
        queue(app, "enter", "n", "n")
        await loaded(app, pilot)
        assert pane.find_bar.input.value == "Gamma"
        assert isinstance(app.focused, ArticleView)
        assert pane.find.text == "Gamma" and pane.current_match == start + 2


async def test_enter_in_a_bar_still_keeps_its_text(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"beta", "enter")
        await loaded(app, pilot)
        assert not isinstance(app.focused, Input)
        assert app.list_pane.filter_text == "beta"
        assert [a.title for a in app.article_list.articles] == ["Beta story"]


async def test_keys_queued_after_h_move_the_list_not_the_reader(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter")
        await loaded(app, pilot)
        assert isinstance(app.focused, ArticleView)
        start = app.article_list.cursor
        queue(app, "h", "j", "j")
        await loaded(app, pilot)
        assert isinstance(app.focused, ArticleList)
        assert app.article_list.cursor == start + 2
        assert app.reader.scroll_y == 0


@pytest.mark.parametrize("key", ["i", "w", "question_mark", "a", "slash", "f"])
async def test_a_key_in_the_same_read_as_q_does_not_crash_the_exit(small_folder: Path, make: Any, key: str) -> None:
    """"qi" typed fast (or "quit" typed into the list by mistake): `i` opened its screen while the app was
    being taken down, and the exit ended in a traceback (NoMatches, MountError) and status 1."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("enter")
        await loaded(app, pilot)
        queue(app, "q", key)
        await pilot.pause()
    assert app.return_code == 0
    assert len(app.screen_stack) <= 1


@pytest.mark.parametrize("second", ["enter", "escape", "w"])
async def test_a_key_after_choosing_in_who_said_what_does_not_close_it_twice(
    small_folder: Path, make: Any, second: str
) -> None:
    """Enter (jump to the quotation) and another key in the same read: both closed the screen, and the
    second close popped the reader's own screen (ScreenStackError) or set the result twice."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("j", "enter")  # Beta story: one quotation
        await loaded(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert type(app.screen).__name__ == "WhoSaidScreen"
        queue(app, "enter", second)
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
    assert app.return_code in (0, None) and app._exception is None


async def test_keys_queued_after_enter_in_the_list_scroll_the_reader(small_folder: Path, make: Any) -> None:
    """Enter on the list, then j j in the same read (typed fast, pasted, tmux send-keys "Enter j"): Enter
    opened the reader only when its Selected message came round, after the j's had moved the list."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert isinstance(app.focused, ArticleList) and app.article_list.cursor == 0  # Gamma: 60 paragraphs
        queue(app, "enter", "j", "j")
        await loaded(app, pilot)
        assert isinstance(app.focused, ArticleView)
        assert app.article_list.cursor == 0
        assert app.reader_pane.article.title == "Gamma story"
        assert app.reader.scroll_y == 2


@pytest.mark.parametrize("open_key", ["enter", "l", "right"])
async def test_keys_queued_after_moving_and_opening_scroll_the_article_opened(
    small_folder: Path, make: Any, open_key: str
) -> None:
    """k, Enter, j, j in one read: the reader shows the article the cursor is on before the j's scroll it
    (the preview of a cursor move waits for the keys already read, so it showed the article after the j's
    and at its top)."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("j")
        await loaded(app, pilot)
        assert app.reader_pane.article.title == "Beta story"
        queue(app, "k", open_key, "j", "j")
        await loaded(app, pilot)
        assert isinstance(app.focused, ArticleView)
        assert app.article_list.cursor == 0
        assert app.reader_pane.article.title == "Gamma story"
        assert app.reader.scroll_y == 2


async def test_a_double_click_on_the_list_opens_the_article_clicked(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert await pilot.click(ArticleList, offset=(4, 4), times=2)  # the second row: Beta
        await loaded(app, pilot)
        assert isinstance(app.focused, ArticleView)
        assert app.reader_pane.article.title == "Beta story"
