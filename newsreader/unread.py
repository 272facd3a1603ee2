"""The unread count of a folder's list, or of any of its rows (a filter's), at every keystroke.

Why: the header's "N unread" is counted again after every filter keystroke, over up to 100,000 rows, on
the reader's thread. Gathering the rows' content keys into a set took 30-50 ms for a one-letter filter
(an object per row); here each row of the folder's list has one byte saying "counts as unread" (worked
out once per list and read state), so a count is one C-level pass over the rows' positions, and nothing
is held per row but that byte and its key as an 8-byte number (~0.9 MiB at 100,000 rows).

The same text listed twice (two files, one content key) counts once: those few rows are counted apart.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from newsreader.articles import Article
from newsreader.content_keys import key_number

_FLIP = bytes.maketrans(b"\0\1", b"\1\0")


class FolderUnread:
    """Counts the unread among the rows of one folder list (`articles`), given the read keys."""

    __slots__ = ("articles", "_keys", "_repeated", "_flags", "_read", "_read_version")

    def __init__(self, articles: Sequence[Article], key_of: Callable[[Article], str]) -> None:
        self.articles = articles
        # every row's content key as a number (0: an entry that could not be read, which has none)
        self._keys = array("Q", (key_number(key_of(a)) if not a.error else 0 for a in articles))
        self._repeated = _repeated(self._keys)  # key -> its rows, for the few keys listed more than once
        self._flags = b""
        self._read: set[int] = set()
        self._read_version: object = None

    def count(self, read: Iterable[str], version: object, positions: Sequence[int] | None = None) -> int:
        """Unread keys among the rows at `positions` (ascending; None: every row). `read` is the read
        state's set of content keys, and `version` changes whenever it does."""
        if version != self._read_version:
            self._read = {key_number(k) for k in read} | {0}
            self._flags = self._unread_flags()
            self._read_version = version
        flags = self._flags
        count = flags.count(1) if positions is None else sum(map(flags.__getitem__, positions))
        for key, rows in self._repeated.items():
            if key not in self._read and (positions is None or any(_contains(positions, p) for p in rows)):
                count += 1
        return count

    def _unread_flags(self) -> bytes:
        """One byte a row, made in C: 1 where its key is not read (0 for errors and for repeated keys)."""
        flags = bytearray(bytes(map(self._read.__contains__, self._keys)).translate(_FLIP))
        for rows in self._repeated.values():
            for p in rows:
                flags[p] = 0
        return bytes(flags)


def _repeated(keys: array[int]) -> dict[int, list[int]]:
    """The rows of each key that more than one row has (errors aside). Usually none: then only a set of the
    keys is made, for a moment."""
    distinct = len(set(keys))
    errors = keys.count(0)
    if distinct + max(errors - 1, 0) == len(keys):
        return {}
    repeated = {key for key, n in Counter(keys).items() if n > 1 and key}
    rows: dict[int, list[int]] = {}
    for p, key in enumerate(keys):
        if key in repeated:
            rows.setdefault(key, []).append(p)
    return rows


def _contains(positions: Sequence[int], p: int) -> bool:
    at = bisect_left(positions, p)
    return at < len(positions) and positions[at] == p
