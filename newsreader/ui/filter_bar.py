"""The filter bar above the list: a query over the whole folder and a "12 of 331" count.

Query syntax (pure `search.parse_filter`): words (all must match), "exact phrase", -word, actor:NAME,
source:X, quote:WORDS. The App debounces and runs the filter in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import AwaitMount
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

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._input: Input | None = None  # made on first use, like the find bar's
        self._status: Label | None = None

    def _ensure_children(self) -> AwaitMount | None:
        if self._input is not None:
            return None
        self._input = Input(
            placeholder='filter: words "phrase" -word actor: source: quote:', id="filter-input", select_on_focus=False
        )
        self._status = Label("", id="filter-status", markup=False)
        return self.mount(self._input, self._status)

    async def prepare(self) -> None:
        """Make the children now (just after the first frame), so keys typed right after `f` are kept."""
        pending = self._ensure_children()
        if pending is not None:
            await pending

    @property
    def input(self) -> Input:
        self._ensure_children()
        assert self._input is not None
        return self._input

    @property
    def status_text(self) -> str:
        return str(self._status.render()) if self._status is not None else ""

    @property
    def is_open(self) -> bool:
        return self.has_class("-visible")


    def open(self) -> None:
        self.add_class("-visible")
        self.display = True  # applied at once, so the focus below can land before the next key
        try:  # focus now, not after the keys already waiting in the queue (`factor:` typed fast)
            self.screen.set_focus(self.input)
        except Exception:  # noqa: BLE001
            self.input.focus()

    def close(self) -> None:
        self.remove_class("-visible")
        self.display = False
        if self._input is not None:
            with self._input.prevent(Input.Changed):
                self._input.value = ""
        self.set_status("")

    def set_status(self, text: str) -> None:
        if self._status is None:
            if not text:
                return
            self._ensure_children()
        assert self._status is not None
        self._status.update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_clear(self) -> None:
        self.post_message(self.Cleared())
