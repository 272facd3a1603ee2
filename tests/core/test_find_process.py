"""Regex find with a time budget (issue 13, item 1): a runaway pattern is stopped, a stale one dropped.

Bounded by counting, never by the clock: a child that would take hours is stopped by its budget (the
test cannot hang), and cancellation is checked by how many polls it took.
"""

from __future__ import annotations

import os

import pytest

from newsreader.find_process import CAN_FORK, POLL_S, find_in_child, too_slow_message
from newsreader.search import find_matches

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="fork-based budget (POSIX); elsewhere find runs in place")

CATASTROPHIC = ["(a|a)*$", "(.*,){15}x", "(a|aa)*c"]
BODY = "a" * 40 + "b"  # doubling work per extra "a": hours for re, stopped by the budget here


def test_an_ordinary_regex_gives_what_find_matches_gives() -> None:
    text = "Trust, trust and TRUST. A trusted trustee."
    assert find_in_child(text, r"trust\w*") == find_matches(text, r"trust\w*", regex=True)
    assert find_in_child(text, "(unclosed") == find_matches(text, "(unclosed", regex=True)


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_a_catastrophic_regex_is_stopped_by_its_budget(pattern: str) -> None:
    body = "a," * 40 if "," in pattern else BODY
    result = find_in_child(body, pattern, budget=0.2)
    assert result is not None and result.matches == [] and result.error == too_slow_message(0.2)


def test_a_stale_search_is_dropped_at_the_next_poll_and_leaves_no_child() -> None:
    polls = 0

    def cancelled() -> bool:
        nonlocal polls
        polls += 1
        return polls > 3

    assert find_in_child(BODY, "(a|a)*$", budget=60, cancelled=cancelled) is None
    assert polls == 4  # given up at the first poll after the query went stale, not after 60 s / POLL_S
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the child was killed and reaped: no zombie
    assert POLL_S <= 0.05
