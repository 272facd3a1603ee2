"""The key footer: Textual's `Footer`, which lists the keys again only when typing a filter pauses.

Why: a filter's first key brings n/N and esc into the footer (the filter's words become the reader's
find), and focusing the filter's input changes the keys too. Textual rebuilds the footer after the next
frame, and its rebuild (a dozen widgets made, styled and laid out: 15-60 ms of the UI thread at 100,000
articles, measured with `benchmarks/scale.py --only filter`) landed in the first or second key of every
filter. Everywhere else the footer follows the bindings as Textual's does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

FILTER_INPUT_ID = "filter-input"  # (`FilterBar.INPUT_ID`: that module is loaded only with the bar)
TYPING_QUIET_S = 0.25  # while a filter is typed, the keys are listed again once keys pause this long


class KeysFooter(Footer):
    """See the module docstring."""

    _typing_timer: Timer | None = None

    def bindings_changed(self, screen: Screen) -> None:
        focused = screen.focused
        if focused is None or focused.id != FILTER_INPUT_ID:
            super().bindings_changed(screen)
            return
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self.set_timer(TYPING_QUIET_S, lambda: self._when_typing_pauses(screen))

    def _when_typing_pauses(self, screen: Screen) -> None:
        folder = getattr(self.app, "folder", None)  # (`FolderWorkers`: it knows when the last key came)
        if folder is not None and not folder.quiet(TYPING_QUIET_S):
            self._typing_timer = self.set_timer(TYPING_QUIET_S, lambda: self._when_typing_pauses(screen))
            return
        self._typing_timer = None
        super().bindings_changed(screen)
