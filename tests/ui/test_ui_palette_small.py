"""The command palettes in a window with no room for their list (a 20x3 terminal, found by a key storm with
random resizes): PageDown/PageUp have nothing to page through, and the app carries on (Textual 8.2.8's
OptionList indexed line data it makes only for a list with room: KeyError, and the reader died)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette


@pytest.mark.parametrize("size", [(20, 3), (10, 2), (40, 4)])
async def test_paging_the_palette_without_room_for_its_list(
    small_folder: Path, make: Any, size: tuple[int, int]
) -> None:
    app = make(small_folder)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("pagedown", "pageup", "down", "pagedown", "end", "pageup")
        await pilot.pause()
        await pilot.resize_terminal(120, 36)
        await pilot.pause(0.2)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_open_article_palette_pages_without_room_too(small_folder: Path, make: Any) -> None:
    app = make(small_folder)
    async with app.run_test(size=(20, 3)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p", *"open article")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"story")
        await pilot.pause(0.3)
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_theme_palette_pages_without_room_too(small_folder: Path, make: Any) -> None:
    """Textual's "Theme" command opens a palette of its own (`App.search_themes`)."""
    app = make(small_folder)
    async with app.run_test(size=(20, 3)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.search_themes()
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_keys_queued_before_ctrl_p_close_the_palette_once(small_folder: Path, make: Any) -> None:
    """Enter, Enter, ctrl+p in one read: ctrl+p (a priority key) opens the palette before the Enters reach
    the App's bindings, which then run the palette's Enter twice; its second close popped the reader's own
    screen (ScreenStackError, found by random keys and shrunk to these three)."""
    from textual import events

    app = make(small_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for key, character in [("enter", "\r"), ("enter", "\r"), ("ctrl+p", "\x10")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause(0.3)
    assert app._exception is None
