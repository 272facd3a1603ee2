"""`r` (or the feeds' rescan) while the first scan or a rescan is still reading the folder: one reader of
the folder at a time. The first scan has a session before it reads, and a rescan cancelled by the next `r`
runs on until its next step: a second `Session.refresh` ran beside them on the same listing (in tmux, a
cold folder of 2,600 files: "Reloading the folder failed: IndexError")."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from newsreader.session import Session


class HeldRefresh:
    """`Session.refresh` counted (the most running at once), the `hold`-th call held until `release`."""

    def __init__(self, hold: int) -> None:
        self.hold = hold
        self.lock = threading.Lock()
        self.running = self.most = self.calls = 0
        self.reading = threading.Event()
        self.release = threading.Event()
        self.real = Session.refresh

    def __call__(self, session: Session, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            self.running += 1
            self.calls += 1
            self.most = max(self.most, self.running)
            held = self.calls == self.hold
        try:
            if held:
                self.reading.set()
                self.release.wait(30)
            return self.real(session, *args, **kwargs)
        finally:
            with self.lock:
                self.running -= 1


async def until(pilot: Any, event: threading.Event) -> None:
    for _ in range(3000):
        if event.is_set():
            return
        await pilot.pause(0.01)
    raise AssertionError("the held refresh never started")


async def test_r_during_a_rescan_starts_no_second_reader(small_folder: Path, make: Any, monkeypatch: Any) -> None:
    refresh = HeldRefresh(hold=2)
    monkeypatch.setattr(Session, "refresh", lambda session, *a, **k: refresh(session, *a, **k))
    app = make(small_folder)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("r")
            await until(pilot, refresh.reading)
            await pilot.press("r", "r")
            await pilot.pause()
            refresh.release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert refresh.most == 1 and app._failure is None
    finally:
        refresh.release.set()


async def test_r_during_the_first_scans_reading_starts_no_second_reader(
    small_folder: Path, make: Any, monkeypatch: Any
) -> None:
    lock = threading.Lock()
    running = [0]
    most = [0]
    calls = [0]
    first_reading = threading.Event()
    release = threading.Event()
    real_refresh = Session.refresh

    def counted_refresh(self: Session, *args: Any, **kwargs: Any) -> Any:
        with lock:
            running[0] += 1
            calls[0] += 1
            most[0] = max(most[0], running[0])
            first = calls[0] == 1
        try:
            if first:
                first_reading.set()
                release.wait(30)  # the first scan is reading the folder while `r` arrives
            return real_refresh(self, *args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(Session, "refresh", counted_refresh)
    app = make(small_folder)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(3000):
                if first_reading.is_set():
                    break
                await pilot.pause(0.01)
            assert first_reading.is_set() and app.folder.session is not None
            await pilot.press("r", "r")
            await pilot.pause()
            release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert most[0] == 1
            assert app._failure is None
            assert len(app.folder.session.articles) == 3
    finally:
        release.set()
