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
    collector waits from `hold()` until the frame after the release has been painted."""

    def __init__(self, app: App[Any], limit: float) -> None:
        self._app = app
        self._limit = limit
        self._batch: ExitStack | None = None
        self._timer: Timer | None = None
        self._no_collection: ExitStack | None = None

    @property
    def held(self) -> bool:
        return self._batch is not None

    def hold(self) -> None:
        if self._batch is not None:
            return
        self._batch = ExitStack()
        self._batch.enter_context(self._app.batch_update())
        if self._no_collection is None:  # (still there when the last frame has not been painted yet)
            self._no_collection = ExitStack()
            self._no_collection.enter_context(collector.deferred())
        self._timer = self._app.set_timer(self._limit, self.release, name="frame hold")

    def release(self) -> None:
        """Let the held frame be painted (a no-op when nothing is held)."""
        batch, self._batch = self._batch, None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if batch is not None:
            batch.close()
            self._app.call_after_refresh(self._collect_again)

    def _collect_again(self) -> None:
        """The held frame is out: collections may run again (unless a new key holds the next one)."""
        if self._batch is None and self._no_collection is not None:
            self._no_collection.close()
            self._no_collection = None
