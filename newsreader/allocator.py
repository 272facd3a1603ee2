"""The C allocator's share of the reader's memory: fewer heaps, and freed memory handed back.

Why: the reader's big jobs run in worker threads (the folder's check, the filter's prefix table, the
folder's cast, background analysis, SQLite's queries). glibc gives every new thread a heap of its own
(up to eight per core), and memory freed in one of them mostly stays with the process: at 100,000
articles warm, RSS grew by ~40 MiB in the half-minute after the list was up, with nothing more held by
Python. One heap for the whole process (`limit_heaps`, from the first worker, before the others start)
and giving freed pages back after each big job (`give_back`) keep RSS near what is actually held.
Blocks of 1 MiB and more (the rows' columns as they grow, the cast's buffer, the map by file's arrays)
always get pages of their own, handed back when freed: glibc would otherwise raise that bar (up to 32 MiB)
after each such block is freed and serve the next ones from the heaps, where they left several MiB free
but held. Smaller blocks (a filter's list of 100,000 positions, 800 KiB) still come from the heaps: fresh
pages for each cost a filter key ~1.5 ms of page faults.

Elsewhere than glibc (or where ctypes can't find these calls) both do nothing. `ctypes` is imported on
first use, in a worker: never before the reader's first frame.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_M_ARENA_MAX = -8  # glibc's mallopt parameters: the number of heaps,
_M_MMAP_THRESHOLD = -3  # and the size from which a block gets pages of its own (mmap)
OWN_PAGES_FROM = 1 << 20  # (kept from then on: glibc no longer raises it)


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
    """Threads started from now on share the heaps that exist rather than each making its own, and big
    blocks keep getting pages of their own (once per process). True where the allocator took both."""
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, 1)
                and libc.mallopt(_M_MMAP_THRESHOLD, OWN_PAGES_FROM))


def give_back() -> bool:
    """Return the allocator's free pages to the system (after a job that allocated a lot for a while).
    True when some were returned."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0))


def own_pages() -> int:
    """Bytes in blocks that have pages of their own (glibc's `mallinfo2().hblkhd`; -1 elsewhere)."""
    libc = _libc()
    if libc is None or not hasattr(libc, "mallinfo2"):
        return -1
    import ctypes

    class Mallinfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (  # (all of them: glibc writes the whole struct)
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

    libc.mallinfo2.restype = Mallinfo2
    return int(libc.mallinfo2().hblkhd)
