"""Pilot tests of the modal views that scroll a panel (help, info), each pushed over a tiny test app."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from newsreader.ui.help_screen import HelpScreen
from newsreader.ui.info_screen import InfoScreen
from newsreader.ui.panel_screen import PanelScreen

LONG_INFO = [(f"field{i}", "value " * 30) for i in range(20)]


class HostApp(App[None]):
    def __init__(self, screen: PanelScreen[None]) -> None:
        super().__init__()
        self.panel = screen

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.push_screen(self.panel)


def info_screen() -> InfoScreen:
    return InfoScreen("A title", LONG_INFO)


def help_screen() -> HelpScreen:
    return HelpScreen([[("Keys", [Binding(f"f{i}", "bell", f"Key number {i}") for i in range(1, 13)])]], {})


async def burst(pilot: Pilot[None], key: str, times: int) -> None:
    """`times` presses of `key` that arrive together, as a held key's repeats or a fast typist's do
    (Pilot's `press` waits for each key to be handled; a terminal does not)."""
    for _ in range(times):
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause()


def scrolled(screen: PanelScreen[None]) -> VerticalScroll:
    return screen.query_one(".panel", VerticalScroll)


async def test_info_keys_in_a_burst_each_scroll() -> None:
    """Ten j's at once scroll ten lines (the scroll waited for the next refresh, so every j of a burst
    started from the same line: 10 presses moved 1 to 3 lines in tmux, in the help as in the info view)."""
    app = HostApp(info_screen())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = scrolled(app.screen)
        assert body.max_scroll_y > 12
        await burst(pilot, "j", 10)
        assert body.scroll_y == 10
        await burst(pilot, "k", 4)
        assert body.scroll_y == 6
        # the arrows, PgDn and Home step the same way (the focused panel's own keys were deferred or animated)
        await burst(pilot, "down", 3)
        assert body.scroll_y == 9
        await burst(pilot, "pagedown", 1)
        assert body.scroll_y == 9 + body.size.height - 1
        await burst(pilot, "home", 1)
        assert body.scroll_y == 0


async def test_info_pages_and_goes_to_either_end() -> None:
    """The info view pages as the help does: space / b a page, G / g the ends."""
    app = HostApp(info_screen())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = scrolled(app.screen)
        await burst(pilot, "space", 2)
        assert body.scroll_y == min(body.max_scroll_y, 2 * (body.size.height - 1))
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("b")
        assert body.scroll_y == body.max_scroll_y - (body.size.height - 1)
        await pilot.press("g")
        assert body.scroll_y == 0


async def test_help_keys_in_a_burst_each_scroll() -> None:
    app = HostApp(help_screen())
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        body = scrolled(app.screen)
        assert body.max_scroll_y > 5
        await burst(pilot, "j", 5)
        assert body.scroll_y == 5
        await burst(pilot, "space", 3)
        assert body.scroll_y == body.max_scroll_y
