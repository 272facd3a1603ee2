"""The list pane: a Line-API list of articles (title; date · source · quotations; a blank line).

A ScrollView rather than OptionList/ListView: it is ready at once for any number of articles (it draws
only the visible rows), and replacing its items (filtering, reloading) costs nothing per item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Callable, Sequence

from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Span
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from newsreader.listing import EntryList, find, same_entry
from newsreader.render import meta_line
from newsreader.ui.cursor_list import CursorList

if TYPE_CHECKING:
    from newsreader.articles import Article

ROW_HEIGHT = 3  # title, meta line, breathing space


class ArticleList(CursorList):
    """Articles, newest first. Posts `Highlighted` as the cursor moves; enter/l/→ and a double click run the
    App's `read` (an action, not a message: a message would arrive after the keys typed with Enter)."""

    COMPONENT_CLASSES = {
        "article-list--title",
        "article-list--title-read",
        "article-list--unread-marker",
        "article-list--meta",
        "article-list--error",
        "article-list--cursor",
        "article-list--cursor-blurred",
        "article-list--empty",
    }
    BINDINGS = [*CursorList.BINDINGS[:-1], Binding("enter,l,right", "app.read", "Read", show=True, id="list.read")]

    class Highlighted(Message):
        """The cursor is on a new article (the reader previews it). (Messages on the way to the first
        frame are plain classes: see `ui/messages.py`.)"""

        def __init__(self, article: Article, index: int) -> None:
            super().__init__()
            self.article = article
            self.index = index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.articles: Sequence[Article] = []
        self.quote_counts: dict[str, int] = {}
        self.empty_message = "Loading…"
        self.user_moved = False  # the user has moved the cursor (a reload then keeps it where it is)
        # set by the app when read state is known: unread titles are bold with a marker
        self.is_unread: Callable[[Article], bool] | None = None
        self.is_starred: Callable[[Article], bool] = lambda article: False  # starred titles carry a ★
        # a row's lines by (line, width, generation, focus, cursor), with the article they show: a new list
        # keeps the lines of the rows still showing the same article (`set_articles`)
        self._cache: LRUCache[tuple[int, int, int, bool, bool], tuple[Article, Strip]] = LRUCache(512)

    # ------------------------------------------------------------------------------------- content

    def set_articles(self, articles: Sequence[Article], keep_key: str | None = None) -> None:
        """Replace the items; the cursor stays on `keep_key` when it is still listed. Only the rows on
        screen that now show another article (or gain or lose the cursor) are repainted: a filter
        keystroke often leaves the top of the list as it was ("gove" → "gover")."""
        current, before, cursor_before = self.current, self._on_screen(), self.cursor
        # a list of rows (`listing.EntryList`) is never changed: kept as it is, not copied into entry objects
        self.articles = articles if isinstance(articles, EntryList) else list(articles)
        index = 0
        if keep_key is not None:
            index = self._position_of(current, keep_key)
        self._set_virtual_size()
        self.set_reactive(ArticleList.cursor, min(index, max(0, len(self.articles) - 1)))
        top = self.scroll_offset.y
        self._scroll_cursor_visible()
        if self.scroll_offset.y == top:  # (a scroll repaints the whole list itself)
            self._repaint_changed(before, cursor_before)
        self._announce()

    def _on_screen(self) -> Sequence[Article]:
        """The articles of the rows on screen (a part-shown last row included), top first."""
        top = self.scroll_offset.y // ROW_HEIGHT
        return self.articles[top:top + self.size.height // ROW_HEIGHT + 2]

    def _repaint_changed(self, before: Sequence[Article], cursor_before: int) -> None:
        """Repaint the rows on screen whose article is not the one they showed, and the cursor's rows."""
        after = self._on_screen()
        if not before or not after:  # to or from the empty list's message
            self._invalidate()
            return
        top = self.scroll_offset.y // ROW_HEIGHT
        changed = {top + i for i in range(max(len(before), len(after)))
                   if i >= len(before) or i >= len(after) or not same_entry(before[i], after[i])}
        if cursor_before != self.cursor:
            changed.update((cursor_before, self.cursor))
        for index in changed:
            self.refresh_lines(index * ROW_HEIGHT, ROW_HEIGHT)

    def _position_of(self, current: Article | None, key: str) -> int:
        """Where the article `key` is now (0 if gone). Looked up by its row first, in one C-level pass
        (a filter's rows are the folder's own rows), then among the rows of its title (`listing.find`);
        comparing keys costs a string per row (~30 ms over 100,000 rows, each keystroke)."""
        articles = self.articles
        if current is not None and current.key == key:
            return find(articles, current)
        return next((i for i, article in enumerate(articles) if article.key == key), 0)

    def refresh_counts(self, key: str | None = None) -> None:
        """`quote_counts` (shared with the session) changed: redraw the meta lines. For one article's
        count (`key`: its analysis arrived, after every `j` while a cold folder indexes) only its meta
        line is repainted, if it is on screen: repainting the whole list was a third of a key's CPU."""
        if key is None:
            self._invalidate()
            return
        self._generation += 1  # (no line cached before is drawn again; those on screen stay as painted)
        top = self.scroll_offset.y // ROW_HEIGHT
        for index in range(top, min(len(self.articles), top + self.size.height // ROW_HEIGHT + 1)):
            if self.articles[index].key == key:
                self.refresh_lines(index * ROW_HEIGHT + 1)
                return

    @property
    def current(self) -> Article | None:
        return self.articles[self.cursor] if 0 <= self.cursor < len(self.articles) else None

    # -------------------------------------------------------------------------------------- cursor

    def watch_cursor(self, old: int, new: int) -> None:
        # Only the two articles' rows change (the cache knows the cursor's row): repainting the whole list
        # was a third of a `j`'s CPU. Scrolling to the cursor, if it must, repaints the rest.
        for index in (old, new):
            self.refresh_lines(index * ROW_HEIGHT, ROW_HEIGHT)
        self._scroll_cursor_visible()
        self._announce()

    def _announce(self) -> None:
        """Tell the App (the only one that listens) that the cursor is on a new article. Posted to it
        directly: bubbling up through the panes, one message loop after another, took long enough that
        the cursor's frame was painted first and the article's a frame later (at least 1/60 s: two frames
        and two renders per key)."""
        if 0 <= self.cursor < len(self.articles):
            self.app.post_message(self.Highlighted(self.articles[self.cursor], self.cursor))

    def _set_virtual_size(self) -> None:
        """Room for every article, plus the lines left over below the last whole article that fits, so the
        last page can scroll to an article boundary too."""
        leftover = self.size.height % ROW_HEIGHT if self.size.height else 0
        size = Size(0, len(self.articles) * ROW_HEIGHT + leftover)
        if size == self.virtual_size:
            return
        height = self.container_size.height
        if height and (size.height > height) == (self.virtual_size.height > height):
            # The scrollbar stays (or stays away): only this list changes, so no layout of the screen,
            # which would repaint every widget (~40 ms a filter keystroke, here).
            self.set_reactive(ArticleList.virtual_size, size)
            self._scroll_update(size)  # (the scrollbar repaints; the rows repaint as they change)
        else:
            self.virtual_size = size

    def _scroll_cursor_visible(self) -> None:
        """Keep the cursor's article in view, scrolling by whole articles (never half an item on top)."""
        if not self.articles:
            return
        fits = max(1, self.size.height // ROW_HEIGHT)
        top = self.scroll_offset.y // ROW_HEIGHT
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + fits:
            top = self.cursor - fits + 1
        if top * ROW_HEIGHT != self.scroll_offset.y:
            self.scroll_to(y=top * ROW_HEIGHT, animate=False, force=True)

    @property
    def item_count(self) -> int:  # type: ignore[override]  # CursorList declares it; a list derives it
        return len(self.articles)

    def move_to(self, index: int) -> None:
        self.user_moved = True
        super().move_to(index)

    def page_target(self, direction: int) -> int:
        return self.cursor + direction * max(1, self.size.height // ROW_HEIGHT - 1)

    def item_at_line(self, line: int) -> int:
        index = line // ROW_HEIGHT
        return index if 0 <= index < len(self.articles) else -1

    def item_selected(self, item: int) -> None:  # a double click (the keys' binding runs `app.read` itself)
        self.call_next(self.run_action, "app.read")

    # ----------------------------------------------------------------------------------- rendering

    def on_resize(self) -> None:
        self._set_virtual_size()
        self._invalidate()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        row = self.scroll_offset.y + y
        index, part = divmod(row, ROW_HEIGHT)
        if not self.articles:
            if y == 1:
                return self._line(" " + self.empty_message, "article-list--empty", width)
            return Strip.blank(width, self.visual_style.rich_style)
        if index >= len(self.articles):
            return Strip.blank(width, self.visual_style.rich_style)
        key = (row, width, self._generation, self.has_focus, index == self.cursor)
        article = self.articles[index]
        cached = self._cache.get(key)
        if cached is not None and same_entry(cached[0], article):  # (a row is read as a new view each time)
            return cached[1]
        strip = self._render_row(index, part, width)
        self._cache[key] = (article, strip)
        return strip

    def _render_row(self, index: int, part: int, width: int) -> Strip:
        article = self.articles[index]
        if part == 2:
            return Strip.blank(width, self.visual_style.rich_style)
        if part == 0:
            # the marker's two cells are kept before the read state is known, so the titles don't shift
            # sideways a few frames after the first paint
            text, role = "  " + article.title, "article-list--title"
            if self.is_unread is not None:
                unread = self.is_unread(article)  # also said by the title's weight, so ★ can take the place
                marker = "★ " if self.is_starred(article) else "● " if unread else "  "
                text = marker + article.title
                role = "article-list--title" if unread else "article-list--title-read"
        elif article.error:
            text, role = f"⚠ {article.error}", "article-list--error"
        else:
            count = self.quote_counts.get(article.key, article.quote_count)
            text, role = "  " + meta_line(article, count), "article-list--meta"
        base = None
        if index == self.cursor:
            base = "article-list--cursor" if self.has_focus else "article-list--cursor-blurred"
        return self._line(" " + text, role, width, base)

    def _line(self, text: str, role: str, width: int, base: str | None = None) -> Strip:
        """`text` in `role`, one cell short of the width (the last cell is the scrollbar's margin)."""
        strip = self.line_strip(text, [Span(0, len(text), self.get_visual_style(role, partial=True))],
                                max(1, width - 1), base)
        return strip.extend_cell_length(width, (self.get_visual_style(base) if base else self.visual_style).rich_style)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width


