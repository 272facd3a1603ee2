"""What the find bar and the filter bar share: an input and a status label made on first use, shown
and focused at once, cleared when closed.

Why made on first use: every widget costs start-up time and most sessions never open a bar; the panes
make a bar when it is first asked for, and the bar builds its children at once (`prepare`, after its
first refresh, if nothing needed them before). Why focus at once: keys typed right after `/` or
`f` are already queued, and Textual's ordinary `focus()` would only take effect after them.
"""

from __future__ import annotations

from textual.widget import AwaitMount, Widget
from textual.widgets import Input, Label


MAX_QUERY = 1_000  # characters in a find or a filter: a longer paste is cut here


class BarInput(Input):
    """An Input whose box never depends on its text (fixed height, `1fr` wide in the CSS), holding at most
    `MAX_QUERY` characters: a pasted page (1 MB) took a second to handle, and another for every key after it
    (each searches, filters and draws the whole query); what does not fit is cut, not refused.

    Textual's Input asks for a whole-screen layout pass on every keystroke (its text width is a
    reactive with layout=True); here that pass cost more than everything else a keystroke does, so it
    is skipped: a repaint of the input is all a keystroke needs.
    """

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):  # noqa: ANN002, ANN201
        return super().refresh(*regions, repaint=repaint, layout=False, recompose=recompose)

    def replace(self, text: str, start: int, end: int) -> None:
        """Textual's, with `text` cut to the room left (Textual refuses a change over `max_length` whole)."""
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        room = self.max_length - (len(value) - (end - start)) if self.max_length else len(text)
        super().replace(text[: max(0, room)], start, end)


class InputBar:
    """Mixin for a container widget holding one `Input` and one status `Label` (plus extras)."""

    INPUT_ID = "bar-input"
    STATUS_ID = "bar-status"
    PLACEHOLDER = ""

    _input: Input | None = None
    _status: Label | None = None

    def extra_children(self) -> tuple[list[Widget], list[Widget]]:
        """Widgets to mount (before the input, after it); the status label comes last."""
        return [], []

    def _ensure_children(self) -> AwaitMount | None:
        if self._input is not None:
            return None
        self._input = BarInput(placeholder=self.PLACEHOLDER, id=self.INPUT_ID, select_on_focus=False,
                               max_length=MAX_QUERY)
        self._status = Label("", id=self.STATUS_ID, markup=False)
        before, after = self.extra_children()
        return self.mount(*before, self._input, *after, self._status)  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.call_after_refresh(self.prepare)  # type: ignore[attr-defined]  # not needed for the first frame

    async def prepare(self) -> None:
        """Make the children now (after the bar's first refresh, unless the app quit before it: q, SIGTERM)."""
        if not self.is_attached:  # type: ignore[attr-defined]
            return
        pending = self._ensure_children()
        if pending is not None:
            await pending

    @property
    def input(self) -> Input:
        self._ensure_children()
        assert self._input is not None
        return self._input

    @property
    def is_open(self) -> bool:
        return self.has_class("-visible")  # type: ignore[attr-defined]

    @property
    def status_text(self) -> str:
        return str(self._status.render()) if self._status is not None else ""

    def show(self, *, focus: bool) -> None:
        """Display the bar; with `focus`, the input takes the keys now (not after those already queued)."""
        self.add_class("-visible")  # type: ignore[attr-defined]
        self.display = True  # applied at once (a class waits for the next style pass)
        if focus:
            try:
                self.screen.set_focus(self.input)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - not on a screen yet: the ordinary, deferred way
                self.input.focus()

    def set_value(self, value: str, *, quietly: bool) -> None:
        """Put `value` in the input (without a Changed message when `quietly`), cursor at the end."""
        value = value[:MAX_QUERY]
        if quietly:
            with self.input.prevent(Input.Changed):
                self.input.value = value
        else:
            self.input.value = value
        self.input.cursor_position = len(value)

    def close(self) -> None:
        self.remove_class("-visible")  # type: ignore[attr-defined]
        self.display = False
        if self._input is not None:
            with self._input.prevent(Input.Changed):
                self._input.value = ""
        self.set_status("")

    def set_status(self, text: str, *, error: bool = False) -> None:
        if self._status is None:
            if not text:
                return
            self._ensure_children()
        assert self._status is not None
        if self.status_text != text:
            # the status has a fixed width in the CSS: no layout pass (that cost ~20 ms a keystroke)
            self._status.update(text, layout=False)
        self._status.set_class(error, "-error")
