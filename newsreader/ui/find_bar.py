"""The find bar under the reading pane: an input, regex / whole-word toggles and a "3/17" counter.

It only reports what the user typed or toggled; the App runs the search (pure `search.find_matches`)
and tells the bar what to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import AwaitMount
from textual.message import Message
from textual.widgets import Input, Label


class FindBar(Horizontal):
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

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.regex = False
        self.whole_word = False
        # The children are made on first use: every widget costs start-up time, and most sessions
        # never open the find bar.
        self._input: Input | None = None
        self._flags: Label | None = None
        self._status: Label | None = None

    def _ensure_children(self) -> AwaitMount | None:
        if self._input is not None:
            return None
        self._input = Input(placeholder="find in article (smart case)", id="find-input", select_on_focus=False)
        self._flags = Label("", id="find-flags", markup=False)
        self._status = Label("", id="find-status", markup=False)
        return self.mount(Label("Find", id="find-label", markup=False), self._input, self._flags, self._status)

    async def prepare(self) -> None:
        """Make the children now (the app calls this just after the first frame), so that keys typed
        right after `/` already land in the input."""
        pending = self._ensure_children()
        if pending is not None:
            await pending

    @property
    def input(self) -> Input:
        self._ensure_children()
        assert self._input is not None
        return self._input

    def open(self, query: str | None = None, *, regex: bool | None = None, focus: bool = True) -> None:
        if regex is not None:
            self.regex = regex
        self.add_class("-visible")
        self.display = True  # applied at once (a class waits for the next style pass): focus can land now
        self._show_flags()
        if query is not None:
            with self.input.prevent(Input.Changed):
                self.input.value = query
            self.input.cursor_position = len(query)
        if focus:
            self._focus_input()

    def _focus_input(self) -> None:
        """Focus the input now, not after the keys already waiting in the queue (`/trust` typed fast)."""
        try:
            self.screen.set_focus(self.input)
        except Exception:  # noqa: BLE001 - not on a screen yet: the ordinary, deferred way
            self.input.focus()

    def close(self) -> None:
        self.remove_class("-visible")
        self.display = False
        if self._input is not None:
            with self._input.prevent(Input.Changed):
                self._input.value = ""
        self.set_status("")

    @property
    def is_open(self) -> bool:
        return self.has_class("-visible")

    def set_status(self, text: str, *, error: bool = False) -> None:
        if self._status is None:
            if not text:
                return
            self._ensure_children()
        assert self._status is not None
        self._status.update(text)
        self._status.set_class(error, "-error")

    @property
    def status_text(self) -> str:
        return str(self._status.render()) if self._status is not None else ""

    def _show_flags(self) -> None:
        self._ensure_children()
        assert self._flags is not None
        flags = [name for name, on in (("regex", self.regex), ("word", self.whole_word)) if on]
        self._flags.update(" ".join(f"[{f}]" for f in flags))

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
