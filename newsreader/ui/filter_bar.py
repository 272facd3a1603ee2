"""The filter bar above the list: a query over the whole folder and a "12 of 331" count.

Query syntax (pure `search.parse_filter`): words (all must match), "exact phrase", -word, actor:NAME,
source:X, quote:WORDS. The App debounces and runs the filter in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label


class FilterBar(Vertical):
    """Posts `Changed` per keystroke, `Done` on enter (keep filter, focus list), `Cleared` on esc."""

    BINDINGS = [Binding("escape", "clear", "Clear filter")]

    @dataclass
    class Changed(Message):
        query: str

    class Done(Message):
        pass

    class Cleared(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Input(placeholder='filter: words "phrase" -word actor: source: quote:', id="filter-input")
        yield Label("", id="filter-status", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-visible")

    @property
    def query_text(self) -> str:
        return self.input.value if self.is_open else ""

    def open(self) -> None:
        self.add_class("-visible")
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-visible")
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.set_status("")

    def set_status(self, text: str) -> None:
        self.query_one("#filter-status", Label).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_clear(self) -> None:
        self.post_message(self.Cleared())
