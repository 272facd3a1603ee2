"""The C allocator's share of the reader's memory: fewer heaps, and freed memory handed back.

Why: the reader's big jobs run in worker threads (the folder's check, the filter's prefix table, the
folder's cast, background analysis, SQLite's queries). glibc gives every new thread a heap of its own
(up to eight per core), and memory freed in one of them mostly stays with the process: at 100,000
articles warm, RSS grew by ~40 MiB in the half-minute after the list was up, with nothing more held by
Python. One heap for the whole process (`limit_heaps`, from the first worker, before the others start)
and giving freed pages back after each big job (`give_back`) keep RSS near what is actually held.

Elsewhere than glibc (or where ctypes can't find these calls) both do nothing. `ctypes` is imported on
first use, in a worker: never before the reader's first frame.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_M_ARENA_MAX = -8  # glibc's mallopt parameter for the number of heaps


@lru_cache(maxsize=1)
def _libc() -> Any:
    """glibc's functions, or None where they are not there."""
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        if not (hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim")):  # both (glibc), or neither is used
            return None
    except (ImportError, OSError):
        return None
    return libc


@lru_cache(maxsize=1)
def limit_heaps() -> bool:
    """Threads started from now on share the heaps that exist rather than each making its own (once per
    process). True where the allocator took it."""
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, 1))


def give_back() -> bool:
    """Return the allocator's free pages to the system (after a job that allocated a lot for a while).
    True when some were returned."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0))
