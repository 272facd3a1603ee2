"""The cyclic garbage collector, held off while a body is analysed.

Analysing a body allocates a container object for every word (tokens, then candidates, spans, mentions)
that lives exactly as long as the analysis, and none of them is part of a reference cycle: reference
counting frees them all when the analysis returns. With the cyclic collector running, its young
collections walk every one of them and promote them to the older generations, and the full collections
that follow walk the lexicon's hundreds of thousands of word entries too: about a tenth of the analysis
time, spent finding nothing. So the analysis entry point holds the collector off while the pipeline runs
and until its document state is freed; the collector resumes when the last analysis running leaves.
(tests/core/test_analysis_collector.py checks that an analysis leaves no cycle behind.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


class _Pause:
    """Worker threads analyse at the same time: the first to enter pauses the collector, the last to
    leave resumes it, and only if it was running when the first entered."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._resume = False

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self._holders == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._holders += 1
        try:
            yield
        finally:
            with self._lock:
                self._holders -= 1
                if self._holders == 0 and self._resume:
                    gc.enable()


_pause = _Pause()


def paused() -> AbstractContextManager[None]:
    """`with paused(): …` runs the block with the cyclic collector held off (see the module docstring)."""
    return _pause.held()
