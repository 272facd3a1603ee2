"""The two panes side by side: their layout (the list's width, `+`/`-`; the zoom, `z`) and the one
move that needs both (space at the end of an article goes on to the next unread one).

`Panes` owns the layout state as reactives and applies it (the list pane's width, the `-zoomed` class
that hides the list); the width is remembered for next time (`choices`; the next start takes it, or
the config file's, from `apply_config`).
"""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.reactive import reactive

from newsreader.config import LIST_WIDTH_RANGE
from newsreader.ui.choices import remember_choice
from newsreader.ui.keys import PANES_BINDINGS
from newsreader.ui.list_pane import ListPane
from newsreader.ui.reader_pane import ReaderPane

LIST_WIDTH = 36  # percent of the window (newsreader.tcss says the same)
LIST_WIDTHS = LIST_WIDTH_RANGE  # the narrowest and widest list, in percent (a config file's too)
WIDTH_STEP = 4


class Panes(Horizontal):
    """List pane + reading pane. See the module docstring."""

    BINDINGS = PANES_BINDINGS
    BLANK = True  # its two panes cover it: painted as blank lines, not through the styles (see ReaderScreen)

    zoomed: reactive[bool] = reactive(False, init=False)
    """The reader has the whole width (the list is hidden)."""
    list_width: reactive[int] = reactive(LIST_WIDTH, init=False)
    """The list's width in percent of the window."""

    def on_mount(self) -> None:
        self.watch(self.query_one(ReaderPane), "show_actors", self._actors_open, init=False)

    def _actors_open(self, open_: bool) -> None:
        """Below 110 columns the actors panel takes the list's place (see the .tcss)."""
        self.set_class(open_, "-actors-open")

    def watch_zoomed(self, zoomed: bool) -> None:
        self.set_class(zoomed, "-zoomed")
        if zoomed:
            self.query_one(ReaderPane).view.focus()
        self.call_after_refresh(self._refit_reader)

    def watch_list_width(self, width: int) -> None:
        self.query_one(ListPane).styles.width = f"{width}%"
        self.call_after_refresh(self._refit_reader)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Going to the list (`h`, `esc`, `f`) while zoomed brings it back."""
        if self.zoomed and self.query_one(ListPane) in event.widget.ancestors_with_self:
            self.zoomed = False

    def _refit_reader(self) -> None:
        self.query_one(ReaderPane).view.refit()

    def action_toggle_zoom(self) -> None:
        """`z`: the reader full width, and back."""
        self.zoomed = not self.zoomed

    def action_resize_list(self, direction: int) -> None:
        """`+`/`-`: a wider / narrower list (unzooming first), remembered."""
        low, high = LIST_WIDTHS
        width = max(low, min(high, self.list_width + direction * WIDTH_STEP))
        if self.zoomed:
            self.zoomed = False
        elif width == self.list_width:
            self.notify("The list is as wide as it goes" if direction > 0 else "The list is as narrow as it goes",
                        timeout=1.5)
            return
        self.list_width = width
        remember_choice(self.app, "list_width", width)

    def action_page_or_next_unread(self) -> None:
        """Space: a page down; at the end of the article, it counts as read and the next unread one
        opens (as in mutt and newsboat)."""
        reader, listing = self.query_one(ReaderPane), self.query_one(ListPane)
        view, shown = reader.view, reader.article
        if shown is not None and view.wrap_complete and view.scroll_offset.y >= view.max_scroll_y:
            listing.marks.mark_read(shown)
            listing.next_unread()
        else:
            view.action_page(1)
