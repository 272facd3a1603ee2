"""Holding the screen's next frame for a moment, so one keystroke paints once.

Why: a filter keystroke's echo is ready at once, its rows a few to a few tens of milliseconds later (the
query runs in a worker). Painted as they come, that is two frames (three with the unread count): the
echo's, then the rows' at the next tick of Textual's 60 Hz update timer, which waits up to 1/60 s even
when the rows are already there, and each frame repaints what changed since the one before. Held until
the rows arrive, the echo, the rows, the counts and the reader's highlights go out in one frame; a
query slower than the hold's limit has its echo painted at the limit, and its rows when they come.
No garbage collection runs from the key to that frame (`collector.deferred`): the young collections
a key's work would start are left until the frame is out, between keys.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from textual.app import App
from textual.timer import Timer

from newsreader.ui import collector


class FrameHold:
    """`hold()` suspends the app's repaints (`App.batch_update`) until `release()` or `limit` seconds
    after the first `hold()`, whichever is first; a `hold()` while held does not extend it. The garbage
    collector waits from `hold()` until the frame after `release()` (the rows) has been painted, or for
    `collection_limit` seconds after the last `hold()`, so a query that never answers can't stop it."""

    def __init__(self, app: App[Any], limit: float, collection_limit: float = 0.5) -> None:
        self._app = app
        self._limit = limit
        self._collection_limit = collection_limit
        self._batch: ExitStack | None = None
        self._timer: Timer | None = None
        self._no_collection: ExitStack | None = None
        self._collection_timer: Timer | None = None

    @property
    def held(self) -> bool:
        return self._batch is not None

    def hold(self) -> None:
        if self._no_collection is None:
            self._no_collection = ExitStack()
            self._no_collection.enter_context(collector.deferred())
        if self._collection_timer is not None:
            self._collection_timer.stop()
        self._collection_timer = self._app.set_timer(self._collection_limit, self._collect_again,
                                                     name="collections held")
        if self._batch is not None:
            return
        self._batch = ExitStack()
        self._batch.enter_context(self._app.batch_update())
        self._timer = self._app.set_timer(self._limit, self._paint, name="frame hold")

    def release(self) -> None:
        """The rows are there: let the held frame be painted, and collections run once it is out (a
        no-op when nothing is held)."""
        self._paint()
        if self._no_collection is not None:
            self._app.call_after_refresh(self._collect_again, after_key=True)

    def close(self) -> None:
        """The app is closing: nothing held any more (the collector's pause is shared with the analysis)."""
        self._paint()
        self._collect_again()

    def _paint(self) -> None:
        """Let the held frame be painted (the rows, or the echo at the limit: then collections still
        wait for the rows)."""
        batch, self._batch = self._batch, None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if batch is not None:
            batch.close()

    def _collect_again(self, *, after_key: bool = False) -> None:
        """Collections may run again: the rows' frame is out (unless a newer key is held: its rows will
        say when), or the limit passed."""
        if after_key and self._batch is not None:
            return
        if self._collection_timer is not None:
            self._collection_timer.stop()
            self._collection_timer = None
        if self._no_collection is not None:
            self._no_collection.close()
            self._no_collection = None
