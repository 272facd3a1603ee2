"""The base of the Line-API lists (articles, actors, who-said-what): a cursor over items, its keys and
clicks, and cache invalidation. Subclasses draw the lines and say which item a line shows."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.scroll_view import ScrollView


class CursorList(ScrollView, can_focus=True, inherit_bindings=False):
    """Keys: j/k ↑/↓, g/G Home/End, PgUp/PgDn, Enter; click to move, double-click to choose."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("pagedown", "move_page(1)", "Page down", show=False),
        Binding("pageup", "move_page(-1)", "Page up", show=False),
        Binding("enter", "select", "Choose", show=True),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    item_count: int  # how many items there are (an attribute or a property of the subclass)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._generation = 0  # bumped whenever cached lines go stale

    # ------------------------------------------------------------------------------- to override

    def item_at_line(self, line: int) -> int:
        """The item shown on virtual line `line`, or -1 (a heading, a blank, past the end)."""
        return -1

    def page_target(self, direction: int) -> int:
        """The item a page down (1) or up (-1) lands on."""
        return self.cursor + direction * max(1, self.size.height - 1)

    def item_selected(self, item: int) -> None:
        """Enter or a double click on `item`."""

    # ------------------------------------------------------------------------------------ cursor

    def move_to(self, item: int) -> None:
        """Put the cursor on `item` (clamped to the list)."""
        if self.item_count:
            self.cursor = max(0, min(self.item_count - 1, item))

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_move_page(self, direction: int) -> None:
        if self.item_count:
            self.move_to(self.page_target(direction))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.item_count - 1)

    def action_select(self) -> None:
        if 0 <= self.cursor < self.item_count:
            self.item_selected(self.cursor)

    def on_click(self, event: events.Click) -> None:
        item = self.item_at_line(event.y + self.scroll_offset.y)
        if item >= 0:
            self.move_to(item)
            if event.chain >= 2:
                self.action_select()

    # --------------------------------------------------------------------------------- rendering

    def _invalidate(self) -> None:
        self._generation += 1
        self.refresh()

    def on_focus(self) -> None:
        self._invalidate()

    def on_blur(self) -> None:
        self._invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._invalidate()
