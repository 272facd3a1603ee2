"""The small state files written by read-merge-replace (preferences.json, feeds-state.json): two
newsreader processes writing at the same moment keep each other's updates.

The race is made to happen every time, not by luck: the first writer is held just after it has read the
file until the second writer has either finished (no lock: its update is then overwritten) or is waiting
for the lock (the first writer then finishes, and the second reads the file after it)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsreader import preferences, state
from newsreader.web import feeds
from newsreader.web.feeds import FeedState, load_state, save_state


def race(monkeypatch: pytest.MonkeyPatch, module: Any, reader: str,
         first: Callable[[], object], second: Callable[[], object]) -> list[object]:
    """Run `first`; right after its read (`module.reader`), run `second` in another thread. Returns what
    each returned (first, second)."""
    second_moved = threading.Event()  # the second writer finished, or is waiting for the lock
    results: list[object] = [None, None]
    original_read = getattr(module, reader)
    original_enter = state.FileLock.__enter__
    started: list[threading.Thread] = []

    def run_second() -> None:
        try:
            results[1] = second()
        finally:
            second_moved.set()

    def read_then_let_the_second_in(*args: Any, **kwargs: Any) -> Any:
        value = original_read(*args, **kwargs)
        if threading.current_thread() is threading.main_thread() and not started:
            started.append(threading.Thread(target=run_second))
            started[0].start()
            assert second_moved.wait(30), "the second writer neither finished nor waited for the lock"
        return value

    def enter(self: state.FileLock) -> state.FileLock:
        if threading.current_thread() is not threading.main_thread():
            second_moved.set()
        return original_enter(self)

    monkeypatch.setattr(module, reader, read_then_let_the_second_in)
    monkeypatch.setattr(state.FileLock, "__enter__", enter)
    results[0] = first()
    assert started, "the first writer never read the file"
    started[0].join(30)
    return results


def test_two_choices_made_at_the_same_moment_are_both_remembered(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "preferences.json"
    results = race(monkeypatch, preferences, "load_preferences",
                   lambda: preferences.remember({"theme": "nord"}, path),
                   lambda: preferences.remember({"sort": "title"}, path))
    assert results == [None, None]
    assert json.loads(path.read_text()) == {"sort": "title", "theme": "nord"}


def test_a_fetch_keeps_what_another_fetch_saved_while_it_ran(tmp_path: Path) -> None:
    """`pull_feeds` loads the state when it starts and saves it when it ends, seconds later."""
    path = tmp_path / "feeds-state.json"
    save_state({"http://a/": FeedState(etag="a1", seen=["a-1"], checked="2026-01-01T00:00:00")}, path)
    mine = load_state(path)
    other = load_state(path)  # a second fetch starts, runs and saves while the first is still fetching
    other["http://b/"] = FeedState(etag="b1", seen=["b-1"], checked="2026-01-01T00:05:00")
    other["http://a/"].seen.append("a-2")
    other["http://a/"].etag, other["http://a/"].checked = "a2", "2026-01-01T00:05:00"
    save_state(other, path)
    mine["http://a/"].seen.append("a-3")  # the first fetch, older, wrote another entry of a
    mine["http://a/"].checked = "2026-01-01T00:04:00"
    save_state(mine, path)
    saved = load_state(path)
    assert set(saved) == {"http://a/", "http://b/"}
    assert saved["http://a/"].seen == ["a-1", "a-2", "a-3"]
    assert (saved["http://a/"].etag, saved["http://a/"].checked) == ("a2", "2026-01-01T00:05:00")  # the later fetch
    assert saved["http://b/"].seen == ["b-1"]


def test_two_fetches_saving_at_the_same_moment_keep_each_others_feeds(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "feeds-state.json"
    first = {f"http://a/{i}": FeedState(seen=[f"a{i}"], checked="2026-01-01T00:00:00") for i in range(20)}
    second = {f"http://b/{i}": FeedState(seen=[f"b{i}"], checked="2026-01-01T00:00:00") for i in range(30)}
    race(monkeypatch, feeds, "load_state", lambda: save_state(first, path), lambda: save_state(second, path))
    saved = load_state(path)  # (the function imported above, not the race's wrapper)
    assert len(saved) == 50
    assert sorted(s for state_ in saved.values() for s in state_.seen) == sorted([f"a{i}" for i in range(20)]
                                                                                + [f"b{i}" for i in range(30)])
