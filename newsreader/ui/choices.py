"""Choices the user makes in the reader that are kept for next time: the sort order and the list's
width (`newsreader.preferences`: a small JSON file in the state directory)."""

from __future__ import annotations

from typing import Any

from textual.app import App


def remember_choice(app: App[Any], name: str, value: object) -> None:
    """Keep a choice for next time, in a thread (the write fsyncs); a failure is said, not raised."""
    from newsreader.preferences import remember

    def write() -> None:
        problem = remember({name: value})
        if problem is not None:
            app.call_from_thread(app.notify, problem, severity="warning", markup=False)

    app.run_worker(write, thread=True, group="preferences", exit_on_error=False, description="preferences")
