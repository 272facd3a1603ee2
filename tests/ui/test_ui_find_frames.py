"""Issue 15: literal find paints its highlights in the same frame as the input's echo (counted in frames
and in handled messages, not timed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input

SIZE = (120, 36)


async def open_find(app: Any, pilot: Any) -> Input:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("/")
    await pilot.pause()
    find_input = app.focused
    assert isinstance(find_input, Input) and find_input.id == "find-input"
    return find_input


async def filter_for(app: Any, pilot: Any, text: str) -> None:
    """Filter the list for `text` and wait until the reader has the filter's words as its find."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    app.list_pane.set_filter_text(text)
    for _ in range(300):  # the filter waits for more keys (a debounce), then runs in a worker
        await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        if app.reader_pane.find.text:
            break


async def test_a_typed_key_has_its_highlights_before_any_other_message_is_handled(
    small_folder: Path, make: Any
) -> None:
    """The keystroke's own handling (the input's value changing) already sets the matches: nothing is
    left to a message that a frame could be rendered before."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        find_input = await open_find(app, pilot)
        assert "Gamma paragraph 0" in app.reader.document.text and not app.reader.matches
        find_input.insert_text_at_cursor("p")  # what a printable key does in the Input, synchronously
        pane = app.reader_pane
        assert pane.find.text == "p"
        assert app.reader.matches == pane.matches and len(pane.matches) >= 60  # bound to the view, painted
        assert pane.find_bar.status_text == f"1/{len(pane.matches)}"
        find_input.insert_text_at_cursor("aragraph 7")
        assert [app.reader.document.text[s:e] for s, e in app.reader.matches] == ["paragraph 7"]


async def test_every_frame_shows_the_highlights_of_the_text_it_echoes(small_folder: Path, make: Any) -> None:
    """While a word is typed, no frame shows the input one key ahead of the highlights."""
    app = make(small_folder)
    frames: list[tuple[str, str, int]] = []  # (input's text, find searched for, matches the view paints)
    display = app._display

    def noting(screen: Any, renderable: Any) -> None:
        if renderable is not None and app.reader_pane.find_bar.is_open:
            bar = app.reader_pane.find_bar
            frames.append((bar.input.value, app.reader_pane.find.text, len(app.reader.matches)))
        display(screen, renderable)

    app._display = noting
    async with app.run_test(size=SIZE) as pilot:
        await open_find(app, pilot)
        frames.clear()
        for key in "paragraph":
            await pilot.press(key)
        await pilot.pause()
    typed = [f for f in frames if f[0]]
    assert typed and typed[-1][0] == "paragraph" and typed[-1][2] >= 60
    assert all(echoed == searched for echoed, searched, _ in typed), typed


async def test_the_filter_fills_the_bar_without_becoming_a_typed_find(small_folder: Path, make: Any) -> None:
    """The pane fills in the bar itself (the filter's words): that is not the user typing a find."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await filter_for(app, pilot, "paragraph")
        pane = app.reader_pane
        assert pane.find.text == "paragraph" and pane.find.from_filter
        assert pane.find_bar.input.value == "paragraph"
        pane.close_find()
        assert pane.find.text == "" and pane.find_bar.input.value == "" and not app.reader.matches


async def test_typing_after_slash_replaces_the_filters_word_in_the_bar(small_folder: Path, make: Any) -> None:
    """The filter's word fills the find bar by itself; `/` then typing is a new find, not that word with
    the keys stuck on its end ("paragraphGamma" found nothing in a real terminal)."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await filter_for(app, pilot, "paragraph")
        assert app.reader_pane.find.from_filter
        await pilot.press("enter", "/")  # the filter is done (its words stay in the find bar), then find
        await pilot.press(*"Gamma")
        await pilot.pause()
        pane = app.reader_pane
        assert pane.find_bar.input.value == "Gamma"
        assert pane.find.text == "Gamma" and not pane.find.from_filter and pane.matches


async def test_slash_and_a_word_arriving_in_one_read_replace_the_filters_word(small_folder: Path, make: Any) -> None:
    """A real terminal can deliver "/Gamma" in one read (typed fast, or pasted): the letters were already
    queued for the list when `/` gave the find bar the focus, and the App types them into the bar. They
    must replace the selected filter words as the bar's own keys do (they were appended: "paragraphGamma",
    no matches, seen in tmux)."""
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await filter_for(app, pilot, "paragraph")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.focused, Input)
        for key in ["slash", *"Gamma"]:  # all queued before the first is handled
            app.post_message(events.Key(key, "/" if key == "slash" else key))
        await pilot.pause()
        pane = app.reader_pane
        assert pane.find_bar.input.value == "Gamma"
        assert pane.find.text == "Gamma" and not pane.find.from_filter and pane.matches
