"""Regex find with a time budget: the search runs in a forked child process that can be stopped.

Why a process: Python's `re` holds the GIL for the whole of one match attempt, so a catastrophic pattern
(`(a|a)*$` on "aaaa…b" doubles its work per letter) freezes every thread of the program, and a thread
worker does not help. A child process runs the same `search.find_matches` on its own copy of the text (a
fork shares it, nothing is pickled); the caller waits on a pipe, which releases the GIL, polls
`cancelled()` between short waits so a stale query is dropped at once, and kills the child when the
budget is spent. Literal find never comes here: it is linear and runs where it is asked.

No Textual import: the UI calls `find_in_child` from a thread worker.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
from collections.abc import Callable

from newsreader.search import FindResult, find_matches

REGEX_BUDGET_S = 2.0
"""How long a regex search may run before it is stopped (a normal regex over a 50,000-word article
takes a few milliseconds; only runaway backtracking comes near this)."""

POLL_S = 0.02  # how often the waiting thread looks at `cancelled()`

CAN_FORK = hasattr(os, "fork")


def too_slow_message(budget: float) -> str:
    return f"regex stopped after {budget:g} s (too much backtracking): simplify it"


def find_in_child(
    text: str,
    query: str,
    *,
    whole_word: bool = False,
    budget: float | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> FindResult | None:
    """`find_matches(text, query, regex=True)` in a child process, stopped after `budget` seconds
    (default REGEX_BUDGET_S).

    Returns the result, a `FindResult` with an error when the budget ran out, or None when `cancelled()`
    became true first (the caller drops a stale query). Without `fork` (Windows) it runs here.
    """
    if not CAN_FORK:
        return find_matches(text, query, regex=True, whole_word=whole_word)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: search, send the result, leave without running any parent cleanup
        os.close(read_end)
        try:
            data = pickle.dumps(find_matches(text, query, regex=True, whole_word=whole_word))
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        return _collect(read_end, pid, REGEX_BUDGET_S if budget is None else budget, cancelled)
    finally:
        os.close(read_end)
        _reap(pid)


def _collect(fd: int, pid: int, budget: float, cancelled: Callable[[], bool]) -> FindResult | None:
    """Read the child's answer, polling `cancelled` every POLL_S; None if cancelled."""
    chunks: list[bytes] = []
    waited = 0.0
    while True:
        if cancelled():
            return None
        ready, _, _ = select.select([fd], [], [], POLL_S)
        if not ready:
            waited += POLL_S
            if waited >= budget:
                return FindResult([], too_slow_message(budget))
            continue
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    try:
        result = pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - the child died (out of memory, killed): say so plainly
        return FindResult([], "search failed")
    return result if isinstance(result, FindResult) else FindResult([], "search failed")


def _reap(pid: int) -> None:
    """Stop the child if it is still running and collect it (no zombie is left behind)."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
