"""The find bar under the reading pane: an input, regex / whole-word toggles and a "3/17" counter.

It only reports what the user typed or toggled; the `ReaderPane` runs the search (pure
`search.find_matches`) and tells the bar what to show. The text is reported as a reactive, not a message:
its watchers run while the keystroke is handled, so a literal find's highlights are painted in the same
frame as the input's echo (a message is handled later, when that frame may already be out).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import var
from textual.widget import AwaitMount, Widget
from textual.widgets import Input, Label

from newsreader.ui.input_bar import InputBar


NARROW = 40  # columns of the bar below which its label is dropped (the reader at a 60-column terminal)


class FindBar(InputBar, Horizontal):
    """Incremental find: `text` follows the input as it is typed; posts `Toggled` for the regex /
    whole-word switches, `Step` for next/previous and `Closed` (Esc); Enter is the `ReaderPane`'s. It keeps no find
    state of its own: the `ReaderPane` owns the query and tells the bar its flags and counter."""

    BINDINGS = [
        Binding("escape", "close", "Close find", id="find.close"),
        Binding("down,ctrl+n", "step(1)", "Next match", show=False, id="find.next"),
        Binding("up,shift+enter", "step(-1)", "Previous match", show=False, id="find.previous"),
        # priority: checked before the Input sees the key. A real terminal sends alt+r as ESC r, which
        # arrives as a printable "r" key that the Input would otherwise type.
        Binding("alt+r", "toggle_flag('regex')", "Regex", priority=True, id="find.regex"),
        Binding("alt+w", "toggle_flag('whole_word')", "Whole word", priority=True, id="find.whole-word"),
    ]

    @dataclass
    class Toggled(Message):
        """A switch was flipped: `flag` is "regex" or "whole_word"."""

        flag: str

    @dataclass
    class Step(Message):
        direction: int

    class Closed(Message):
        """Esc: close and clear every highlight."""

    text: var[str] = var("", init=False)
    """The input's text, updated as it changes (typed, or filled in and cleared by the pane)."""

    # (default CSS, parsed when the bar is first made: `:focus` is named so Input's own focus border loses)
    DEFAULT_CSS = """
    FindBar {
        display: none;
        height: 1;
        dock: bottom;
        background: $panel;
        & > #find-label { width: auto; padding: 0 1; color: $text-muted; }
        & > Input, & > Input:focus {
            width: 1fr; min-width: 9; height: 1; border: none; padding: 0; background: $panel;
        }
        & > #find-flags { width: auto; padding: 0 1; color: $accent; }
        /* at most 44% of the bar, so the input keeps room in a narrow reader (22 columns from 80x24 up);
           docked, so it keeps its place when the switches' labels leave the rest of a narrow bar too short */
        & > #find-status {
            dock: right; width: 22; max-width: 44%; padding: 0 1; text-align: right; text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        &.-narrow > #find-label { display: none; }
        &.-narrow > #find-status { width: 10; }
        & > #find-status.-error { color: $error; }
        &.-visible { display: block; }
    }
    """

    INPUT_ID = "find-input"
    STATUS_ID = "find-status"
    PLACEHOLDER = "find in article (smart case)"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._flags: Label | None = None
        self._flags_on = (False, False)  # (regex, whole word), as last shown

    def _ensure_children(self) -> AwaitMount | None:
        made = super()._ensure_children()
        if made is not None:  # a new input: `text` follows its value (a watcher runs within the keystroke)
            self.watch(self.input, "value", self._input_value, init=False)
        return made

    def _input_value(self, value: str) -> None:
        self.text = value

    def on_resize(self, event: events.Resize) -> None:
        """Below `NARROW` columns the "Find" label goes and the switches and the counter take less room: the
        input needs it more."""
        narrow = event.size.width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.show_flags(*self._flags_on)

    def extra_children(self) -> tuple[list[Widget], list[Widget]]:
        self._flags = Label("", id="find-flags", markup=False)
        self._flags.display = False  # shown while a switch is on
        return [Label("Find", id="find-label", markup=False)], [self._flags]

    def open(self, query: str | None = None, *, focus: bool = True) -> None:
        self.show(focus=False)
        if query is not None:
            self.set_value(query, quietly=True)
        if focus:
            self.show(focus=True)

    def show_flags(self, regex: bool, whole_word: bool) -> None:
        self._ensure_children()
        assert self._flags is not None
        self._flags_on = (regex, whole_word)
        names = ("re", "w") if self.has_class("-narrow") else ("regex", "word")
        text = " ".join(f"[{name}]" for name, on in zip(names, (regex, whole_word), strict=True) if on)
        if str(self._flags.render()) != text:  # unchanged on most keystrokes: skip the layout pass
            self._flags.update(text)
            self._flags.display = bool(text)  # (empty, its padding took two of a narrow bar's columns)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()  # reported through `text`, at once

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(direction))

    def action_toggle_flag(self, flag: str) -> None:
        self.post_message(self.Toggled(flag))

    def action_close(self) -> None:
        self.post_message(self.Closed())
