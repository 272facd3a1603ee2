"""A small Line-API list of styled lines with a cursor over selectable items (headings are skipped).

The base of the actors panel and the who-said-what list. Like `ArticleList` it draws only the visible
lines and never mounts a widget per row, and it copes with any width (down to zero) without raising.
Subclasses build their lines for a given width in `build_rows`, and react to the cursor in
`item_moved` / `item_selected`. Line roles are component classes: `<PREFIX>--<role>`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from rich.cells import cell_len
from textual.cache import LRUCache
from textual.content import Span
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip

from newsreader.ui.cursor_list import CursorList

ELLIPSIS = "…"
Member = TypeVar("Member")


class Row(NamedTuple):
    """One line of a `RowList`. (A NamedTuple, not a frozen dataclass: it is made on the way to the first
    frame, see `ui/messages.py`.)"""

    text: str
    role: str = ""  # component-class suffix for the whole line ("heading", "person" …); "" = plain
    item: int = -1  # the selectable item this line belongs to; -1 = not selectable (heading, blank)
    spans: tuple[tuple[int, int, str], ...] = ()  # (start, end, role) styled inside `text`


def fit(text: str, cells: int) -> str:
    """`text` cut to at most `cells` terminal cells, with an ellipsis when cut."""
    if cells <= 0:
        return ""
    if cell_len(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > cells - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


def grouped_rows(groups: Iterable[tuple[Row, Sequence[Member]]],
                 item_rows: Callable[[Member, int], list[Row]]) -> list[Row]:
    """Groups one after another with a blank line between, each its heading and then its members' lines
    (`item_rows(member, item)`); the items are numbered on across the groups, as the cursor goes."""
    rows: list[Row] = []
    item = 0
    for heading, members in groups:
        if rows:
            rows.append(Row(""))
        rows.append(heading)
        for member in members:
            rows.extend(item_rows(member, item))
            item += 1
    return rows


class RowList(CursorList):
    """Lines with a cursor over items. Keys: j/k ↑/↓, g/G Home/End, PgUp/PgDn, Enter; click, double-click."""

    PREFIX = "row-list"
    COMPONENT_CLASSES = {"row-list--cursor", "row-list--cursor-blurred", "row-list--empty"}
    cursor: reactive[int] = reactive(-1, repaint=False, init=False)
    """The item under the cursor (-1 when there are no items)."""

    empty_message = ""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] = []
        self.item_count = 0
        self._item_lines: list[tuple[int, int]] = []  # item -> (first line, last line)
        self._built_width = -1
        self._cache: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(256)

    # ------------------------------------------------------------------------------- to override

    def build_rows(self, width: int) -> list[Row]:
        """The lines for a content width of `width` cells (items numbered 0, 1, … in order)."""
        return []

    def item_moved(self, item: int) -> None:
        """The cursor moved to `item` (by a key, a click or `move_to`)."""

    # ----------------------------------------------------------------------------------- content

    @property
    def content_width(self) -> int:
        return max(0, self.scrollable_content_region.width)

    def rebuild(self, cursor: int | None = None) -> None:
        """Rebuild the lines for the current width; the cursor goes to `cursor` (default: stays), silently."""
        self._build(self.content_width)
        target = self.cursor if cursor is None else cursor
        self.set_reactive(RowList.cursor, min(max(target, 0), self.item_count - 1) if self.item_count else -1)
        self._scroll_cursor_visible()

    def _build(self, width: int) -> None:
        self._built_width = width
        self.rows = self.build_rows(width)
        spans: dict[int, tuple[int, int]] = {}
        for line, row in enumerate(self.rows):
            if row.item >= 0:
                first, _ = spans.get(row.item, (line, line))
                spans[row.item] = (first, line)
        self.item_count = len(spans)
        self._item_lines = [spans[i] for i in sorted(spans)]
        self.virtual_size = Size(0, len(self.rows))
        self._invalidate()

    def on_resize(self) -> None:
        if self.content_width != self._built_width:
            self._build(self.content_width)
            self._scroll_cursor_visible()
        self._invalidate()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width != self._built_width:
            self._build(width)
        return len(self.rows) or (1 if self.empty_message else 0)  # room for the empty message

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    # ------------------------------------------------------------------------------------ cursor

    def watch_cursor(self, old: int, new: int) -> None:
        self._invalidate()
        self._scroll_cursor_visible()
        if 0 <= new < self.item_count:
            self.item_moved(new)

    def _scroll_cursor_visible(self) -> None:
        if 0 <= self.cursor < len(self._item_lines):
            first, last = self._item_lines[self.cursor]
            if self.cursor == 0:
                first = 0  # show the heading above the first item
            self.scroll_to_region(
                Region(0, first, max(1, self.size.width), last - first + 1), animate=False, force=True
            )

    def page_target(self, direction: int) -> int:
        """The last item starting within a page below (or the first within a page above)."""
        line = self._item_lines[self.cursor][0] + direction * max(1, self.size.height - 1)
        items = [i for i, (first, _) in enumerate(self._item_lines)
                 if (first <= line if direction > 0 else first >= line)]
        return (items[-1] if direction > 0 else items[0]) if items else self.cursor + direction

    def item_at_line(self, line: int) -> int:
        return self.rows[line].item if 0 <= line < len(self.rows) else -1

    # --------------------------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width <= 0:
            return Strip.blank(0)
        line = self.scroll_offset.y + y
        if not self.rows:
            if y == 0 and self.empty_message:
                return self._strip(Row(" " + self.empty_message, "empty"), width, False)
            return Strip.blank(width, self.rich_style)
        if line >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        key = (line, width, self._generation, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            row = self.rows[line]
            strip = self._strip(row, width, row.item >= 0 and row.item == self.cursor)
            self._cache[key] = strip
        return strip

    def _role(self, role: str) -> str:
        return f"{self.PREFIX}--{role}"

    def _strip(self, row: Row, width: int, under_cursor: bool) -> Strip:
        spans: list[Span] = []
        if row.role:
            spans.append(Span(0, len(row.text), self.get_visual_style(self._role(row.role), partial=True)))
        for start, end, role in row.spans:
            if start < end:
                spans.append(Span(start, end, self.get_visual_style(self._role(role), partial=True)))
        base = self._role("cursor" if self.has_focus else "cursor-blurred") if under_cursor else None
        return self.line_strip(row.text, spans, width, base)
