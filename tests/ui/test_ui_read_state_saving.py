"""Read marks that can't be saved (the state folder unusable: a full disk, read-only, or XDG_STATE_HOME naming
a file): the reader says so once while the problem lasts, not once per article read, and the app knows at
exit that the session's marks were not kept (the command then says so on stderr)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsreader.state import ReadState

SIZE = (120, 36)


async def test_failed_saves_are_said_once_and_known_at_exit(
    small_folder: Path, make: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "state-is-a-file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(not_a_folder))
    app = make(small_folder, read_after=None)
    notices: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        notify = app.notify
        app.notify = lambda message, *a, **k: (notices.append(str(message)), notify(message, *a, **k))[1]
        for key in ["m", "j", "m", "j", "m"]:  # three marks, three failed saves
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert len([n for n in notices if n.startswith("Could not save read marks")]) == 1
        await pilot.press("q")
    assert app.marks.unsaved is not None and app.marks.unsaved.startswith("Could not save read marks")
    assert "Not a directory" in app.marks.unsaved


async def test_a_save_that_works_again_clears_the_problem(
    small_folder: Path, make: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state_home = tmp_path / "state-home"
    state_home.write_text("x")  # a file for now
    monkeypatch.setenv("XDG_STATE_HOME", str(state_home))
    app = make(small_folder, read_after=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("m")
        await app.workers.wait_for_complete()
        assert app.marks.unsaved is not None
        state_home.unlink()
        state_home.mkdir()
        await pilot.press("j", "m")
        await app.workers.wait_for_complete()
        assert app.marks.unsaved is None
        await pilot.press("q")
    assert app.marks.unsaved is None
    assert (state_home / "newsreader" / "state.json").is_file()


async def test_the_last_sort_chosen_is_the_one_remembered(
    small_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s, s, s: each choice is written by its own thread; a first write that was slow (an fsync) landed
    after the last one and the next start sorted by the first choice, not the last."""
    import threading

    import newsreader.state
    from newsreader.preferences import load_preferences

    write = newsreader.state.atomic_write
    others_done = threading.Event()
    calls: list[int] = []

    def slow_first(path: Path, data: bytes, mode: int | None = None) -> None:
        if path.name != "preferences.json":
            write(path, data, mode)
            return
        calls.append(1)
        if len(calls) == 1:
            others_done.wait(timeout=1.0)  # until the last choice has landed (or, written in turn, a moment)
        write(path, data, mode)
        if len(calls) == 3:
            others_done.set()

    monkeypatch.setattr(newsreader.state, "atomic_write", slow_first)
    app = make(small_folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for _ in range(3):
            await pilot.press("s")
        await app.workers.wait_for_complete()
        chosen = app.list_pane.sort
    assert load_preferences()["sort"] == chosen


async def test_a_mark_whose_save_had_not_run_is_written_at_quit(
    small_folder: Path, make: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`m` then `q` at once: the mark's save worker has not run when the app closes (here it never runs); the
    final save must still write the mark, which the worker's snapshot had taken out of the pending changes."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-home"))
    app = make(small_folder, read_after=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        run_worker = app.run_worker
        dropped: list[str] = []

        def never_run_saves(work: Any, *args: Any, **kwargs: Any) -> Any:
            if kwargs.get("group") == "state":
                dropped.append(kwargs.get("description", ""))
                return None
            return run_worker(work, *args, **kwargs)

        app.run_worker = never_run_saves  # type: ignore[method-assign]
        await pilot.press("m")
        await pilot.pause()
        assert dropped, "the mark did not ask for a save"
        await pilot.press("q")
    state = ReadState.load(tmp_path / "state-home" / "newsreader" / "state.json")
    assert len(state.read) == 1
