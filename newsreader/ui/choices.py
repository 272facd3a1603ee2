"""Choices the user makes in the reader that are kept for next time: the sort order and the list's
width (`newsreader.preferences`: a small JSON file in the state directory)."""

from __future__ import annotations

import itertools
import threading
from typing import Any

from textual.app import App

_writing = threading.Lock()  # one write at a time: each reads the file, merges its choice and replaces it
_numbers = itertools.count()
_latest: dict[str, int] = {}  # choice name -> the number of the last value chosen


def remember_choice(app: App[Any], name: str, value: object) -> None:
    """Keep a choice for next time, in a thread (the write fsyncs); a failure is said, not raised.

    `s` pressed three times starts three writes; the last value chosen is the one kept: the writes take
    turns, and one whose choice has been made again since is skipped (a slow first write could otherwise
    land last and keep the first sort order)."""
    from newsreader.preferences import remember

    number = _latest[name] = next(_numbers)

    def write() -> None:
        with _writing:
            if _latest.get(name) != number:
                return
            problem = remember({name: value})
        if problem is not None:
            app.call_from_thread(app.notify, problem, severity="warning", markup=False)

    app.run_worker(write, thread=True, group="preferences", exit_on_error=False, description="preferences")
