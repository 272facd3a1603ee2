"""Read marks and the last position: `m`, `U`, unread markers, reopening where the reader left off.

A mixin of NewsReaderApp. The store is the pure `newsreader.state.ReadState` (XDG state dir, atomic
writes, content-keyed so a renamed file keeps its state).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from textual import work

if TYPE_CHECKING:
    from newsreader.articles import Article
    from newsreader.state import ReadState
    from newsreader.ui.messages import ReadStateLoaded

def _content_key(article: Article) -> str:
    from newsreader.state import content_key

    return content_key(article)


class ReadStateMixin:
    read_state: ReadState | None
    unread_only: bool
    _read_timer: Any
    _restored: bool
    _pending_scroll: int | None

    def _init_read_state(self) -> None:
        self.read_state = None
        self.unread_only = False
        self._read_timer = None
        self._restored = False
        self._pending_scroll = None
        self._last_position: tuple[str, int] | None = None
        self._state_version = 0  # snapshots taken
        self._state_written = 0  # the newest snapshot written
        self._state_write_lock = threading.Lock()

    def on_read_state_loaded(self, message: ReadStateLoaded) -> None:
        """The state file was read (in the loading worker, so the first frame never waits for it)."""
        self.read_state = message.state
        if self.read_state.notice:
            self.notify(self.read_state.notice, severity="warning", timeout=8)
        self.article_list.is_unread = self.is_unread
        self.article_list.refresh_counts()
        from newsreader.library import folder_of

        folder = folder_of(self.path)
        self._last_position = self.read_state.last_position(folder)  # before anything is shown
        self.watch(self.reader, "scroll_y", self._reader_scrolled, init=False)

    def is_unread(self, article: Article) -> bool:
        return self.read_state is not None and not article.error and not self.read_state.is_read(_content_key(article))

    # ------------------------------------------------------------------------------- marking

    def _article_presented(self, article: Article) -> None:
        """Start the 2-second clock: an article open that long counts as read."""
        if self._read_timer is not None:
            self._read_timer.stop()
        if self.read_after is not None:
            self._read_timer = self.set_timer(self.read_after, lambda: self._mark_read(article.key))

    def _reader_scrolled(self, old: float, new: float) -> None:
        if self.shown is not None and int(old) != int(new):
            if new > 0:
                self._mark_read(self.shown.key)
            self._remember_position()

    def _mark_read(self, key: str) -> None:
        shown = self.shown
        if self.read_state is None or shown is None or shown.key != key or shown.error or not self.is_running:
            return
        if self.query_one_optional("ArticleList") is None:  # shutting down: the widgets are gone
            return
        if self.read_state.set_read(_content_key(shown), True):
            self.article_list.refresh_counts()
            self._save_state()

    def action_toggle_read(self) -> None:
        entry = self.article_list.current
        if entry is None or self.read_state is None:
            return
        if self._read_timer is not None:
            self._read_timer.stop()  # a manual choice wins over the 2-second clock
        now_read = self.read_state.toggle_read(_content_key(entry))
        self.notify("Marked read" if now_read else "Marked unread", timeout=1.2)
        self.article_list.refresh_counts()
        self._save_state()
        if self.unread_only and now_read:
            self._apply_list()

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.notify("Showing unread articles only" if self.unread_only else "Showing all articles", timeout=1.5)
        self._apply_list()

    def visible_articles(self, articles: list[Article]) -> list[Article]:
        """The list as shown: with `U`, only the unread (the current article stays, so the cursor can)."""
        if not self.unread_only or self.read_state is None:
            return articles
        keep = self._shown_key
        return [a for a in articles if a.key == keep or self.is_unread(a)]

    # ------------------------------------------------------------------------------ positions

    def _remember_position(self) -> None:
        shown, state, session = self.shown, self.read_state, self.session
        if shown is None or state is None or session is None or shown.error:
            return
        reader = self.reader
        state.remember_position(session.folder, _content_key(shown), reader.offset_of_line(reader.scroll_offset.y))

    def _restore_position(self, articles: list[Article]) -> None:
        """Once, after the first full load: reopen the article (and place) read last time here."""
        if self._restored or self.read_state is None or self.session is None:
            return
        self._restored = True
        last = self._last_position
        if last is None or self.article_list.user_moved:
            return
        key, offset = last
        from newsreader.state import find_by_key

        index = find_by_key(self.article_list.articles, key)
        if index is None:
            return
        self._pending_scroll = offset
        self.article_list.move_to(index)
        self.article_list.user_moved = False

    def _apply_pending_scroll(self) -> None:
        if self._pending_scroll is not None:
            offset, self._pending_scroll = self._pending_scroll, None
            reader = self.reader
            reader.scroll_to(y=reader.line_of(offset), animate=False)

    def _save_state(self, *, now: bool = False) -> None:
        """Save read marks and positions: in a worker (an fsync can take a second on some disks, and
        the keyboard must never wait for it), or `now` when the app is closing."""
        state = self.read_state
        if state is None:
            return
        data = state.snapshot()
        if data is None:
            return
        self._state_version += 1
        if now:
            with self._state_write_lock:
                state.write(data)
                self._state_written = self._state_version
        else:
            self.write_state(data, self._state_version)

    @work(thread=True, group="state", exit_on_error=False, description="save state")
    def write_state(self, data: bytes, version: int) -> None:
        with self._state_write_lock:  # writes land in order; an older snapshot never wins
            if version < self._state_written or self.read_state is None:
                return
            problem = self.read_state.write(data)
            self._state_written = version
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning", timeout=5, markup=False)
