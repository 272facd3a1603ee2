"""The look the modal views share (help, info, who said what): a panel with a rounded accent border, centred
over the dimmed screen it was opened from. Each view gives its panel a width of its own; help and info scroll
theirs the same way."""

from __future__ import annotations

from typing import TypeVar

from textual.containers import VerticalScroll
from textual.screen import ModalScreen

Result = TypeVar("Result")


class PanelScreen(ModalScreen[Result]):
    """A modal view whose body (the widget with class `panel`) is drawn as the shared panel."""

    # (here, not in newsreader.tcss: parsed when a view is first shown, not before the reader's first frame)
    DEFAULT_CSS = """
    PanelScreen {
        align: center middle;
        background: $background 60%;
    }

    PanelScreen .panel {
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    """


class PanelScroll(VerticalScroll, inherit_bindings=False):
    """The scrolling panel of a `ScrollingPanelScreen`, without the container's own keys: focused, those went
    first (↓ ↑ PgDn PgUp Home End), deferred or animated, so they stepped otherwise than j k space b g G."""


class ScrollingPanelScreen(PanelScreen[Result]):
    """A modal view whose panel is a `PanelScroll` the view's keys scroll (by lines, pages, to either end).

    Each step scrolls at once: `Widget.scroll_relative` waits for the next refresh by default, so the keys of a
    burst (a held key, a fast typist) all started from the same line and ten presses moved one to three."""

    @property
    def scrolled(self) -> PanelScroll:
        return self.query_one(".panel", PanelScroll)

    def action_scroll(self, lines: int) -> None:
        self.scrolled.scroll_relative(y=lines, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        body = self.scrolled
        body.scroll_relative(y=direction * max(1, body.size.height - 1), animate=False, immediate=True)

    def action_home(self) -> None:
        self.scrolled.scroll_home(animate=False, immediate=True)

    def action_end(self) -> None:
        self.scrolled.scroll_end(animate=False, immediate=True)
