"""The filter bar above the list: a query over the whole folder and a "12 of 331" count.

Query syntax (pure `query.parse_filter`): words (all must match), "exact phrase", -word, actor:NAME,
source:X, quote:WORDS. The App debounces and runs the filter in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from newsreader.ui.input_bar import InputBar


class FilterBar(InputBar, Vertical):
    """Posts `Changed` per keystroke and `Cleared` on esc (Enter is the `ListPane`'s: it keeps the filter
    and gives the list the keys)."""

    BINDINGS = [Binding("escape", "clear", "Clear filter", id="filter.clear")]

    @dataclass
    class Changed(Message):
        query: str

    class Cleared(Message):
        pass

    # (default CSS, parsed when the bar is first made: `:focus` is named so Input's own focus border loses)
    DEFAULT_CSS = """
    FilterBar {
        display: none;
        height: 2;
        background: $panel;
        border-right: vkey $panel-lighten-2;
        & > Input, & > Input:focus { height: 1; border: none; padding: 0 1; background: $panel; }
        & > #filter-status { height: 1; width: 1fr; padding: 0 1; color: $text-muted; }
        &.-visible { display: block; }
    }
    """

    INPUT_ID = "filter-input"
    STATUS_ID = "filter-status"
    PLACEHOLDER = 'filter: words "phrase" -word actor: source: quote:'

    def open(self) -> None:
        self.show(focus=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def action_clear(self) -> None:
        self.post_message(self.Cleared())
