"""Read marks and the last reading position: `m`, the unread markers, reopening where the reader left off.

`ReadMarks` is a plain object the App holds (not a widget, not a mixin): it owns the pure store
(`newsreader.state.ReadState`: XDG state dir, atomic writes, content-keyed so a renamed file keeps its
state), the 2-second "open long enough counts as read" clock, and the saving. Saving runs in a thread
worker, because an fsync can take a second on some disks and the keyboard must never wait for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from newsreader.articles import Article
    from newsreader.state import Changes, ReadState


def _content_key(article: Article) -> str:
    from newsreader.content_keys import content_key

    return content_key(article)


class ReadMarks:
    """The read state of one app session; `changed()` is called whenever a mark changes."""

    def __init__(
        self,
        app: App[Any],
        read_after: float | None,
        changed: Callable[[], None],
        where: Callable[[], tuple[Path, Article, int] | None],
    ) -> None:
        self.app = app
        self.read_after = read_after  # seconds open before an article counts as read (None: never by time)
        self.changed = changed
        self.where = where  # (folder, shown article, offset at the top of the reader), if any
        self.state: ReadState | None = None
        self.last_position: tuple[str, int] | None = None  # (content key, offset) read last time here
        self._timer: Any = None
        self._shown: tuple[str, int, float] | None = None  # (list key, size, mtime) of the article last shown
        self._version = 0  # snapshots taken
        self._written = 0  # the newest snapshot written
        self._write_lock = threading.Lock()
        self.unsaved: str | None = None  # why the last save failed (said at exit if the final save fails too)
        # list key -> ((title, body digest, size, mtime), content key) of entries that don't keep their own:
        # counting the unread of many listed articles after each mark then costs lookups, not hashes
        self._keys: dict[str, tuple[tuple[object, ...], str]] = {}

    def loaded(self, state: ReadState, path: Path) -> None:
        """The state file was read (in the loading worker, so the first frame never waits for it)."""
        self.state = state
        if state.notice:
            self.app.notify(state.notice, severity="warning", timeout=8, markup=False)
        folder = path if path.is_dir() else path.parent
        self.last_position = state.last_position(folder)

    def key_of(self, article: Article) -> str:
        """The article's content key (see `newsreader.content_keys.content_key`), remembered per list entry: an
        entry from the index keeps its own (`index.IndexEntry.content_key`, 8 bytes in a column), the
        others (a folder read without the index) are remembered here."""
        stored: str | None = getattr(article, "content_key", None)
        if stored is not None:
            return stored
        stamp = (article.title, article.body_hash, article.size, article.mtime)
        known = self._keys.get(article.key)
        if known is not None and known[0] == stamp:
            return known[1]
        key = _content_key(article)
        self._keys[article.key] = (stamp, key)
        return key

    def is_unread(self, article: Article) -> bool:
        return self.state is not None and not article.error and not self.state.is_read(self.key_of(article))

    # ------------------------------------------------------------------------------------ marking

    def article_shown(self, article: Article, still_shown: Callable[[str], bool]) -> None:
        """Start the clock: an article open `read_after` seconds counts as read. Shown again as it was (its
        big body read in) the clock goes on; a new version (its file changed while open) starts it again,
        as marks are by content and that version is unread."""
        version = (article.key, article.size, article.mtime)
        if version == self._shown:
            return
        self._shown = version
        self.stop_clock()

        def read_long_enough() -> None:
            if still_shown(article.key):
                self.mark_read(article)

        if self.read_after is not None:
            self._timer = self.app.set_timer(self.read_after, read_long_enough)

    def stop_clock(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def mark_read(self, article: Article) -> None:
        if self.state is None or article.error or not self.app.is_running:
            return
        if self.state.set_read(self.key_of(article), True):
            self.changed()
            self.save()

    def toggle(self, article: Article) -> bool | None:
        """`m`: flip the mark (a manual choice wins over the clock). The new state, or None if unknown."""
        if self.state is None:
            return None
        self.stop_clock()
        now_read = self.state.toggle_read(self.key_of(article))
        self.changed()
        self.save()
        return now_read

    # ------------------------------------------------------------------------- stars, all read (issue 16)

    def is_starred(self, article: Article) -> bool:
        return self.state is not None and not article.error and self.state.is_starred(self.key_of(article))

    def toggle_star(self, article: Article) -> bool | None:
        """`*`: star or unstar. The new state, or None while the state is not loaded (or a bad file)."""
        if self.state is None or article.error:
            return None
        starred = self.state.toggle_starred(self.key_of(article))
        self.changed()
        self.save()
        return starred

    def mark_all_read(self, articles: list[Article]) -> list[str]:
        """`A`: mark every one of `articles` read; the content keys that were unread (for undo)."""
        if self.state is None:
            return []
        self.stop_clock()
        keys = [self.key_of(a) for a in articles if not a.error]
        marked = [k for k in keys if self.state.set_read(k, True)]
        if marked:
            self.changed()
            self.save()
        return marked

    def mark_unread(self, keys: list[str]) -> None:
        """Undo `mark_all_read`: these content keys are unread again."""
        if self.state is not None and keys:
            for key in keys:
                self.state.set_read(key, False)
            self.changed()
            self.save()

    # ---------------------------------------------------------------------------------- positions

    def remember(self) -> None:
        """Note where the reader is (saved with the marks)."""
        place = self.where()
        if self.state is not None and place is not None and not place[1].error:
            folder, article, offset = place
            self.state.remember_position(folder, self.key_of(article), offset)

    def scrolled(self, old: float, new: float) -> None:
        """The reader scrolled: scrolling counts as reading, and the place is remembered."""
        place = self.where()
        if place is not None and int(old) != int(new):
            if new > 0:
                self.mark_read(place[1])
            self.remember()

    def take_last_position(self, articles: Sequence[Article]) -> tuple[int, int] | None:
        """(index in `articles`, offset) of the place to reopen; only once (later loads keep the user's)."""
        from newsreader.state import find_by_key

        last, self.last_position = self.last_position, None
        index = find_by_key(articles, last[0]) if last is not None else None
        return (index, last[1]) if index is not None and last is not None else None

    # ------------------------------------------------------------------------------------- saving

    def save(self, *, now: bool = False) -> None:
        """Save marks and positions: in a worker, or `now` when the app is closing."""
        state = self.state
        if state is None:
            return
        self._version += 1
        if now:  # after any write in progress; a snapshot handed to a worker not yet run is still in the journal
            with self._write_lock:
                data = state.snapshot(force=True)
                if data is not None and (data.marks or data.moves or data.stars):
                    self.unsaved = state.write(data)
                self._written = self._version  # (a worker that runs after this has nothing newer to write)
            return
        data = state.snapshot()
        if data is None:
            return
        version = self._version
        self.app.run_worker(
            lambda: self._write(data, version), thread=True, group="state", exit_on_error=False,
            description="save state",
        )

    def _write(self, data: Changes, version: int) -> None:
        with self._write_lock:  # writes land in order; an older snapshot never wins
            if version < self._written or self.state is None:
                return
            problem = self.state.write(data)
            self._written = version
            said, self.unsaved = self.unsaved, problem
        if problem and problem != said:  # once per problem, not once per article read while it lasts
            self.app.call_from_thread(self.app.notify, problem, severity="warning", timeout=5, markup=False)
