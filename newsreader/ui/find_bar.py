"""The find bar under the reading pane: an input, regex / whole-word toggles and a "3/17" counter.

It only reports what the user typed or toggled; the App runs the search (pure `search.find_matches`)
and tells the bar what to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.message import Message
from textual.widgets import Input, Label

from newsreader.ui.input_bar import InputBar


class FindBar(InputBar, Horizontal):
    """Incremental find: posts `Changed` on every keystroke, `Step` for next/previous, `Done`/`Closed`."""

    BINDINGS = [
        Binding("escape", "close", "Close find"),
        Binding("down,ctrl+n", "step(1)", "Next match", show=False),
        Binding("up,shift+enter", "step(-1)", "Previous match", show=False),
        Binding("alt+r", "toggle_regex", "Regex"),
        Binding("alt+w", "toggle_word", "Whole word"),
    ]

    @dataclass
    class Changed(Message):
        query: str
        regex: bool
        whole_word: bool

    @dataclass
    class Step(Message):
        direction: int

    class Done(Message):
        """Enter: keep the matches, give the keys back to the reader (then n/N step)."""

    class Closed(Message):
        """Esc: close and clear every highlight."""

    INPUT_ID = "find-input"
    STATUS_ID = "find-status"
    PLACEHOLDER = "find in article (smart case)"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.regex = False
        self.whole_word = False
        self._flags: Label | None = None

    def extra_children(self) -> tuple[list[Widget], list[Widget]]:
        self._flags = Label("", id="find-flags", markup=False)
        return [Label("Find", id="find-label", markup=False)], [self._flags]

    def open(self, query: str | None = None, *, regex: bool | None = None, focus: bool = True) -> None:
        if regex is not None:
            self.regex = regex
        self.show(focus=False)
        self._show_flags()
        if query is not None:
            self.set_value(query, quietly=True)
        if focus:
            self.show(focus=True)

    def _show_flags(self) -> None:
        self._ensure_children()
        assert self._flags is not None
        flags = [name for name, on in (("regex", self.regex), ("word", self.whole_word)) if on]
        text = " ".join(f"[{f}]" for f in flags)
        if str(self._flags.render()) != text:  # unchanged on most keystrokes: skip the layout pass
            self._flags.update(text)

    def _changed(self) -> None:
        self._show_flags()
        self.post_message(self.Changed(self.input.value, self.regex, self.whole_word))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(direction))

    def action_toggle_regex(self) -> None:
        self.regex = not self.regex
        self._changed()

    def action_toggle_word(self) -> None:
        self.whole_word = not self.whole_word
        self._changed()

    def action_close(self) -> None:
        self.post_message(self.Closed())
