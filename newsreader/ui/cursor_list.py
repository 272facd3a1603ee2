"""The base of the Line-API lists (articles, actors, who-said-what): a cursor over items, its keys and
clicks, and cache invalidation. Subclasses draw the lines and say which item a line shows."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content, Span
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class CursorList(ScrollView, can_focus=True, inherit_bindings=False):
    """Keys: j/k ↑/↓, g/G Home/End, PgUp/PgDn, Enter; click to move, double-click to choose."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Down", show=False, id="list.down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("pagedown", "move_page(1)", "Page down", show=False, id="list.page-down"),
        Binding("pageup", "move_page(-1)", "Page up", show=False, id="list.page-up"),
        Binding("enter", "select", "Choose", show=True, id="list.choose"),
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

    def line_strip(self, text: str, spans: list[Span], width: int, base: str | None = None) -> Strip:
        """One line of the list: `text` with `spans`, on the component class `base` (the cursor row) or
        the list's own style, cut with an ellipsis to `width` cells and padded to exactly `width`."""
        base_style = self.get_visual_style(base) if base else self.visual_style
        content = Content(text, spans).truncate(max(1, width), ellipsis=True)
        strip = Strip(content.render_segments(base_style)).extend_cell_length(width, base_style.rich_style)
        return strip.crop(0, width) if strip.cell_length > width else strip

    def on_focus(self) -> None:
        self._invalidate()

    def on_blur(self) -> None:
        self._invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._invalidate()
