"""Pilot tests: what else runs while a filter key is answered (counted, never timed; the figures are
`benchmarks/scale.py --only filter`, issue 15): no garbage collection from the key to the frame showing
its rows, background jobs that pause while keys arrive, and a footer that is not rebuilt in the middle of
typing a filter."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from newsreader.ui import collector, loading
from newsreader.ui.article_list import ArticleList
from newsreader.ui.frame_hold import FrameHold
from newsreader.ui.keys_footer import TYPING_QUIET_S, KeysFooter
from tests.conftest import until
from tests.ui.test_ui_filter_work import ROWS, big_folder, ready, titles_with  # noqa: F401 - a fixture

__all__ = ["big_folder"]


async def test_no_collection_runs_between_a_filter_key_and_the_frame_of_its_rows(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """At 100,000 articles a filter key set off up to 20 young collections (2-3 ms each); from the moment
    it changes the filter's text they wait until its rows are painted. (A collection after every
    allocation here, so any would be seen.)"""
    app = make(big_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        lst = app.query_one(ArticleList)
        state = {"pending": False, "listed": False}
        inside: list[int] = []
        after: list[int] = []

        def noting(phase: str, info: dict[str, Any]) -> None:
            if phase == "start":
                (inside if state["pending"] else after).append(info["generation"])

        display, listing, hold = app._display, app.list_pane._list, FrameHold.hold

        def painting(screen: Any, update: Any) -> None:
            display(screen, update)
            if update is not None and state["listed"]:
                state["pending"] = state["listed"] = False  # this frame shows the key's rows

        def noting_list(*args: Any, **kwargs: Any) -> None:
            listing(*args, **kwargs)
            state["listed"] = True

        def noting_hold(self: FrameHold) -> None:
            hold(self)
            state["pending"] = True  # (the filter's text has changed)

        monkeypatch.setattr(app, "_display", painting)
        monkeypatch.setattr(app.list_pane, "_list", noting_list)
        monkeypatch.setattr(FrameHold, "hold", noting_hold)
        await pilot.press("f")
        await pilot.pause()
        threshold = gc.get_threshold()
        gc.callbacks.append(noting)
        gc.set_threshold(1, 1000, threshold[2])  # (young ones only: no full one falls due meanwhile)
        try:
            for typed in ("p", "po", "pol"):
                await pilot.press(typed[-1])
                await until(pilot, lambda: app.list_pane.filter_text == typed  # noqa: B023
                            and not state["pending"], f"the frame of {typed}'s rows")  # noqa: B023
                assert app.list_pane.filter_text == typed
                await pilot.pause()
        finally:
            gc.set_threshold(*threshold)
            gc.callbacks.remove(noting)
        assert [a.title for a in lst.articles] == titles_with(app, "police")
        assert inside == []
        assert after  # collected once each frame was out: deferred, not switched off
        assert gc.isenabled()


def test_a_full_collection_freezes_what_survives_it_and_a_deep_one_finds_garbage_among_them() -> None:
    """Once the folder is listed whole, each full collection walks only what is newer than the one before
    (a full walk took 40-150 ms of CPU at 100,000 articles); what was frozen and has become garbage since
    is found by a deep one. While a cold folder comes in, nothing is frozen by them."""
    import weakref

    class Node:
        pass

    gc.collect()
    collector._Collections.settled = True  # (the folder listed whole: `collector.settle`)
    try:
        survivor, cycle = Node(), Node()
        cycle.me = cycle  # garbage only a collection can find, once dropped
        gone = weakref.ref(cycle)
        for _ in range(collector.FULL_DUE):
            gc.collect(1)
        collector._Collections.since_deep = 0
        assert collector.collect_if_due(quiet_for=collector.QUIET_S)
        assert not gc.is_tracked(survivor) or all(o is not survivor for o in gc.get_objects())  # frozen
        del cycle
        gc.collect()
        assert gone() is not None  # frozen: a full collection doesn't see it
        collector._Collections.since_deep = collector.DEEP_EVERY
        assert not collector.collect_if_due(quiet_for=collector.QUIET_S) or gone() is not None  # not yet: keys
        assert collector.collect_if_due(quiet_for=collector.DEEP_QUIET_S)
        assert gone() is None
        assert collector._Collections.since_deep == 0
        collector._Collections.since_deep = collector.DEEP_OVERDUE  # keys all along: deep once long overdue
        for _ in range(collector.FULL_DUE):
            gc.collect(1)
        assert collector.collect_if_due(quiet_for=collector.QUIET_S)
        assert collector._Collections.since_deep == 0
    finally:
        gc.unfreeze()
        collector._Collections.settled = False
    for _ in range(collector.FULL_DUE):
        gc.collect(1)
    assert collector.collect_if_due(quiet_for=collector.QUIET_S)  # while a cold folder comes in: nothing frozen
    assert gc.get_freeze_count() == 0


class _Worker:
    is_cancelled = False


def test_a_background_job_waits_while_keys_arrive(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rescan, the folder's cast and the background analysis ask their `cancelled` between small steps:
    while keys come it holds them there (sleeping), and lets them on once the keys pause."""
    folder = loading.FolderWorkers(object(), Path("."), use_index=False, analyser=None,  # type: ignore[arg-type]
                                   live_reload=False)
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 3:
            folder.last_input = 0.0  # the keys pause

    monkeypatch.setattr(loading.time, "sleep", nap)
    worker = _Worker()
    folder.last_input = float("inf")  # a key just came
    assert folder._yielding(worker)() is False  # type: ignore[arg-type]
    assert len(naps) == 3
    naps.clear()
    assert folder._yielding(worker)() is False and naps == []  # type: ignore[arg-type]  # quiet: no wait
    folder.last_input = float("inf")
    worker.is_cancelled = True
    assert folder._yielding(worker)() is True and naps == []  # type: ignore[arg-type]  # cancelled: at once


async def test_the_footer_is_rebuilt_when_typing_a_filter_pauses(
    big_folder: Path, make: Any, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """Opening the filter and its first key change the keys (esc, n/N: the filter's words become the
    reader's find); rebuilding the footer (15-60 ms at 100,000 articles) waits until the typing pauses."""
    from textual.widgets._footer import FooterKey

    app = make(big_folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        typing = {"on": True}
        monkeypatch.setattr(app.folder, "quiet", lambda seconds=loading.QUIET_S: not typing["on"])
        rebuilt: list[int] = []
        recompose = KeysFooter.recompose
        monkeypatch.setattr(KeysFooter, "recompose", lambda self: rebuilt.append(1) or recompose(self))
        await pilot.press("f", *"police")
        await until(pilot, lambda: app.list_pane.filter_text == "police"
                    and len(app.query_one(ArticleList).articles) == ROWS // 2, "police listed")
        await pilot.pause(3 * TYPING_QUIET_S)
        assert rebuilt == []
        typing["on"] = False
        await until(pilot, lambda: rebuilt != [], "the footer rebuilt")
        await pilot.pause(3 * TYPING_QUIET_S)
        assert len(rebuilt) == 1
        assert "escape" in {k.key for k in app.screen.query(FooterKey)}  # esc clears the filter
        await pilot.press("enter")  # to the list: n/N step through the filter's words in the reader
        await until(pilot, lambda: "n" in {k.key for k in app.screen.query(FooterKey)}, "n/N in the footer")
