"""The cyclic collector is held off during an analysis, which must leave no reference cycle behind.

Holding the collector off is only sound because reference counting frees everything an analysis builds;
these tests hold the engine to that, and to giving the collector back in every case (an error inside,
analyses overlapping in threads, a program that had switched it off itself).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from newsreader.analysis import analyse, collector

BODY = (
    "Huawei's chief Ken Hu said on Monday: \"We are open to any checks.\" The company, based in Shenzhen, "
    "was founded by Ren Zhengfei.\n\n\"We will keep working with partners,\" Hu told reporters in London. "
    "The U.S. Department of Commerce declined to comment, according to Reuters.\n\n"
    "Mr. Hu added that the firm would \"welcome\" talks. \"It is time,\" he said."
)


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_an_analysis_leaves_no_cycle_for_the_collector(collector_on: None) -> None:
    analyse(BODY, (), title="Huawei opens its books")  # (the first one also loads the word lists and patterns)
    gc.collect()
    gc.disable()
    try:
        analysis = analyse(BODY, (), title="Huawei opens its books")
        found = gc.collect()
    finally:
        gc.enable()
    assert analysis.quotes and analysis.actors
    assert found == 0  # nothing unreachable: reference counting freed all of it


def test_the_collector_is_off_during_the_analysis_and_on_after(collector_on: None,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.analysis import pipeline

    seen: list[bool] = []
    monkeypatch.setattr(pipeline, "PASSES", (*pipeline.PASSES, lambda state: seen.append(gc.isenabled())))
    analyse(BODY)
    assert seen == [False] and gc.isenabled()


def test_the_collector_comes_back_after_an_error_inside(collector_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.analysis import pipeline

    def broken(state: object) -> None:
        raise RuntimeError("a pass failed")

    monkeypatch.setattr(pipeline, "PASSES", (broken,))
    assert analyse(BODY).quotes == []  # the contract: never raises, an empty result
    assert gc.isenabled()


def test_overlapping_analyses_resume_the_collector_only_when_the_last_one_leaves(collector_on: None) -> None:
    first, second = collector.paused(), collector.paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # another analysis is still running
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_program_that_switched_the_collector_off_keeps_it_off(collector_on: None) -> None:
    gc.disable()
    analyse(BODY)
    assert not gc.isenabled()
