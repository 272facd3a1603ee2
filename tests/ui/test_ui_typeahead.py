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
        # the second key acts on the reader the Enter went back to: `w` opens who-said-what anew
        assert [type(s).__name__ for s in app.screen_stack] == ["ReaderScreen"] + ["WhoSaidScreen"] * (second == "w")
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


def palette_query(app: Any) -> str | None:
    from textual.command import CommandInput, CommandPalette

    return app.screen.query_one(CommandInput).value if isinstance(app.screen, CommandPalette) else None


async def test_keys_read_before_ctrl_p_act_on_the_list(small_folder: Path, make: Any) -> None:
    """j j ctrl+p in one read: ctrl+p (a priority key) opened the palette at once, and the j's, which reach
    the App's bindings only after the list has passed them on, were typed into the palette's search."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "j", "j", "ctrl+p")
        await loaded(app, pilot)
        await pilot.pause(0.2)
        assert palette_query(app) == ""
        assert app.article_list.cursor == 2


async def test_keys_read_after_ctrl_p_go_into_the_palette(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "j", "ctrl+p", "o", "p", "e", "n")
        await loaded(app, pilot)
        await pilot.pause(0.2)
        assert palette_query(app) == "open"
        assert app.article_list.cursor == 1


async def test_keys_read_before_ctrl_p_in_the_find_bar_stay_there(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "slash", "b", "o", "d", "y", "ctrl+p", "x")
        await loaded(app, pilot)
        await pilot.pause(0.2)
        assert palette_query(app) == "x"
        assert app.reader_pane.find_bar.input.value == "body"


async def test_keys_read_with_f_and_enter_filter_then_move_the_list(small_folder: Path, make: Any) -> None:
    """f, b, e, t, a, Enter, j in one read: Enter (the filter's priority key) ran as it was read, before f had
    opened the filter, and the j was typed into it ("betaj", the list never got the keys back)."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "f", *"beta", "enter", "k")
        await loaded(app, pilot)
        assert app.list_pane.filter_text == "beta"
        assert isinstance(app.focused, ArticleList)
        assert [a.title for a in app.article_list.articles] == ["Beta story"]


async def test_keys_read_with_slash_and_enter_find_then_step(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "enter", "slash", *"Gamma", "enter", "n", "n")
        await loaded(app, pilot)
        pane = app.reader_pane
        assert pane.find.text == "Gamma" and len(pane.matches) > 3
        assert isinstance(app.focused, ArticleView)
        assert pane.current_match == 2


async def test_a_key_read_after_one_that_closes_a_screen_acts_on_the_screen_below(
    small_folder: Path, make: Any
) -> None:
    """? opens the help and Esc closes it: the key that closed it is not followed to the App (its screen
    went with it); the j read after it moves the list."""
    from newsreader.ui.help_screen import HelpScreen

    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "question_mark", "escape", "j", "question_mark")
        await loaded(app, pilot)
        await pilot.pause(0.2)
        assert app.article_list.cursor == 1
        assert isinstance(app.screen, HelpScreen)


async def test_a_paste_after_f_goes_into_the_filter(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        app.post_message(events.Key("f", "f"))
        app.post_message(events.Paste("gamma"))
        app.post_message(events.Key("enter", "\r"))
        await loaded(app, pilot)
        assert app.list_pane.filter_text == "gamma"
        assert isinstance(app.focused, ArticleList)


async def test_a_turn_lost_with_its_screen_does_not_hold_the_keys_after_it(small_folder: Path, make: Any) -> None:
    """A key that dismisses its screen can take its Turn down with it (the screen's widgets stop passing
    messages on): the keys read after it wait only until the screen has changed, then act on the reader."""
    from textual.binding import Binding
    from textual.screen import ModalScreen
    from textual.widgets import Static

    from newsreader.ui.key_turns import Turn

    class Swallowing(Static, can_focus=True):
        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, Turn):  # as if the screen closed before the Turn came through
                event.stop()
                return
            await super().on_event(event)

    class Closing(ModalScreen[None]):
        BINDINGS = [Binding("escape", "dismiss", "Close")]

        def compose(self) -> Any:
            yield Swallowing("modal")

    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await app.push_screen(Closing())
        await pilot.pause()
        app.screen.query_one(Swallowing).focus()
        await pilot.pause()
        queue(app, "escape", "j", "j")
        await loaded(app, pilot)
        assert not isinstance(app.screen, Closing)
        assert app.article_list.cursor == 2


async def test_keys_read_together_show_only_the_article_the_cursor_stops_on(make: Any) -> None:
    """Twenty j's in one read (held down while the reader was busy): one article is read and shown, not one
    per key (the preview waits until the keys read together are handled)."""
    from tests.conftest import ARTICLES

    app = make(ARTICLES)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        shown: list[str] = []
        show = app._show
        app._show = lambda article, **kwargs: (shown.append(article.title), show(article, **kwargs))
        queue(app, *["j"] * 20)
        await loaded(app, pilot)
        assert app.article_list.cursor == 20
        assert shown == [app.article_list.current.title]
        assert app.reader_pane.article.key == app.article_list.current.key


async def test_a_turn_lost_with_its_widget_ends_when_the_next_key_is_read(small_folder: Path, make: Any) -> None:
    """A widget taken away with a key's Turn in it (no screen change): the keys held behind that key wait
    only until the next key is read."""
    from textual.widgets import Static

    from newsreader.ui.key_turns import Turn

    class Swallowing(Static, can_focus=True):
        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, Turn):  # as if the widget went before the Turn came through
                event.stop()
                return
            await super().on_event(event)

    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        swallowing = Swallowing("x")
        await app.screen.mount(swallowing)
        swallowing.focus()
        await pilot.pause()
        queue(app, "x", "j")
        await loaded(app, pilot)
        assert app.article_list.cursor == 0  # the j waits for the x's turn
        await swallowing.remove()
        app.article_list.focus()
        await pilot.pause()
        queue(app, "j")
        await loaded(app, pilot)
        assert app.article_list.cursor == 2


async def test_a_key_read_with_esc_in_the_filter_reaches_the_list(small_folder: Path, make: Any) -> None:
    """f, beta, Esc, j in one read (seen in tmux: "Escape q" typed the q into a bar instead of quitting): Esc
    clears the filter through a message (the bar's Cleared), which came round after the j had been sent to
    the filter's input."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "f", *"beta", "escape", "j")
        await loaded(app, pilot)
        assert app.list_pane.filter_text == "" and app.list_pane.filter_bar.input.value == ""
        assert isinstance(app.focused, ArticleList)
        assert app.article_list.cursor in (1, 2)  # on from Beta (kept), in the filtered list or the whole


async def test_a_key_read_with_esc_in_the_find_bar_reaches_the_reader(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "enter", "slash", *"Gamma", "escape", "j", "j")
        await loaded(app, pilot)
        assert app.reader_pane.find.text == ""
        assert isinstance(app.focused, ArticleView)
        assert app.reader.scroll_y == 2


async def test_q_read_with_esc_in_the_filter_quits(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("f", *"trump")
        await loaded(app, pilot)
        queue(app, "escape", "q")
        await loaded(app, pilot)
        await pilot.pause(0.2)
        assert app._exit


@pytest.mark.parametrize("opener", ["slash", "f"])
async def test_a_page_pasted_into_a_bar_is_cut_to_a_query(small_folder: Path, make: Any, opener: str) -> None:
    """1 MB pasted into the find or the filter bar: a second to handle, then a second for every key after it
    (each searched, filtered and drew the whole query). The bar keeps the first 1,000 characters."""
    from newsreader.ui.input_bar import MAX_QUERY

    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press(opener)
        app.post_message(events.Paste("word " * 200_000))
        await loaded(app, pilot)
        await pilot.press("x")  # no room: refused
        await loaded(app, pilot)
        typed = app.focused.value
        assert len(typed) == MAX_QUERY == 1_000 and typed.startswith("word word")
        query = app.reader_pane.find.text if opener == "slash" else app.list_pane.filter_text
        assert query == typed
        await pilot.press("backspace", "backspace", "y")
        await loaded(app, pilot)
        assert app.focused.value == typed[:-2] + "y"


def mouse_button(app: Any, widget: Any, offset: tuple[int, int], *events_: type[events.MouseEvent]) -> None:
    """Post mouse buttons to the app as the terminal driver does (Textual makes the Click from the MouseUp)."""
    x, y = widget.region.x + offset[0], widget.region.y + offset[1]
    for event in events_:
        app.post_message(event(widget=None, x=x, y=y, delta_x=0, delta_y=0, button=1, shift=False, meta=False,
                               ctrl=False, screen_x=x, screen_y=y, style=None))


async def test_a_click_read_after_a_key_acts_after_it(small_folder: Path, make: Any) -> None:
    """"j, click on the first row" in one read: the click was dispatched at once, before the j had acted,
    and the cursor ended one row below the row clicked."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "j")
        mouse_button(app, app.article_list, (4, 0), events.MouseDown, events.MouseUp)
        await loaded(app, pilot)
        assert app.article_list.cursor == 0
        assert isinstance(app.focused, ArticleList)


async def test_keys_read_before_a_double_click_move_the_list_not_the_article_it_opens(
    small_folder: Path, make: Any
) -> None:
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        queue(app, "j", "j")
        mouse_button(app, app.article_list, (4, 1), *[events.MouseDown, events.MouseUp] * 2)  # Gamma, the 1st row
        await loaded(app, pilot)
        assert isinstance(app.focused, ArticleView)
        assert app.reader_pane.article.title == "Gamma story"  # (a long one: a j reaching it would scroll it)
        assert app.reader.scroll_y == 0
