"""One- and two-character prefixes answered from a table built once per list, not by SQLite per key.

Why: the first keys of a filter are the slowest ones. `g` matches 95% of a 100,000-article folder and
FTS5 needs 25-50 ms to merge the doclists of every token starting with it (then the ids are mapped
to list positions); `go`, `tr`, `po` take 20-35 ms. A table holding, for every prefix of one or two
ASCII letters or digits, the list positions of the rows having a token that starts with it answers
those keys in a few milliseconds, and a longer query that contains such a word (`police s`) asks
SQLite only for the rest.

The table is built from the SQL backend itself (one FTS5 prefix query per prefix, in a worker, once
per list), so it answers exactly what the index would; a hypothesis test checks it against the
in-memory backend. Compact: a set of positions is a bitset (a Python int, n/8 bytes) when it is
dense, an `array` of positions when that is smaller; at 100,000 rows the whole table is ~5 MiB.
"""

from __future__ import annotations

import string
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import compress

from newsreader.query import FilterQuery, Term

__all__ = ["PREFIXES", "PrefixTable", "short_prefix"]

ALPHABET = string.ascii_lowercase + string.digits
PREFIXES = tuple(ALPHABET) + tuple(a + b for a in ALPHABET for b in ALPHABET)
_IN_TABLE = frozenset(PREFIXES)
_TO_SELECTOR = bytes.maketrans(b"01", b"\0\1")

PositionSet = int | array  # a bitset (bit p: position p) or the ascending positions


def short_prefix(term: Term) -> str | None:
    """The prefix the table answers this term with: a positive plain word (not a phrase) of the text
    that folds to one token of one or two ASCII letters or digits (`g`, `Go`, `É`); else None."""
    if term.field != "text" or term.negate or term.phrase or len(term.words) != 1:
        return None
    word = term.words[0]
    return word if word in _IN_TABLE else None


class PrefixTable:
    """For each prefix in `PREFIXES`: the positions (in the list it was built for) of the rows having a
    token that starts with it. `size` is that list's length."""

    __slots__ = ("size", "_sets")

    def __init__(self, size: int, sets: dict[str, PositionSet]) -> None:
        self.size = size
        self._sets = sets  # prefixes matching no row are left out

    @classmethod
    def build(
        cls,
        size: int,
        rows_of: Callable[[str], Iterable[int] | None],
        cancelled: Callable[[], bool] = lambda: False,
    ) -> PrefixTable | None:
        """Ask `rows_of(prefix)` (positions below `size`, any order; None: can't answer) for every prefix
        (a two-letter one only when its first letter matched something). None if cancelled or refused."""
        sets: dict[str, PositionSet] = {}
        for prefix in PREFIXES:
            if len(prefix) == 2 and prefix[0] not in sets:
                continue
            if cancelled():
                return None
            rows = rows_of(prefix)
            if rows is None:
                return None
            found = cls._compact(rows, size)
            if found is not None:
                sets[prefix] = found
        return cls(size, sets)

    @staticmethod
    def _compact(rows: Iterable[int], size: int) -> PositionSet | None:
        """The positions as a bitset or an array, whichever is smaller (None: no row). Marked in a
        bytearray of "0"/"1" as they come, so no list of them is ever held."""
        marks = bytearray(b"0") * size
        for p in rows:
            if 0 <= p < size:
                marks[p] = 49  # "1"
        count = marks.count(b"1")
        if not count:
            return None
        if count * 32 < size:  # 4 bytes a position against size/8 bytes for the bitset
            return array("I", compress(range(size), marks.translate(_TO_SELECTOR)))
        marks.reverse()  # bit p of the int is character p from the right
        return int(marks, 2)

    def answer(
        self, query: FilterQuery, rest: Callable[[FilterQuery], Sequence[int] | None]
    ) -> list[int] | None:
        """Positions (ascending) of the rows matching `query`, or None when the table has nothing to add
        (no term it answers). Terms it answers come from the table; `rest(the other terms)` gives
        (ascending) positions for the rest, or None when it can't (then neither can this)."""
        prefixes: list[str] = []
        others: list[Term] = []
        for term in query.terms:
            prefix = short_prefix(term)
            if prefix is None:
                others.append(term)
            else:
                prefixes.append(prefix)
        if not prefixes:
            return None
        if not others:
            return self.rows(prefixes)
        candidates = rest(FilterQuery(tuple(others)))
        return None if candidates is None else self.keep(prefixes, candidates)

    def rows(self, prefixes: Sequence[str]) -> list[int]:
        """Positions (ascending) of the rows with a token starting with each of `prefixes`."""
        sets = [self._sets.get(p) for p in prefixes]
        if any(s is None for s in sets):
            return []
        sparse = [s for s in sets if isinstance(s, array)]
        if not sparse:
            return self._expand(self._and(sets))
        smallest = min(sparse, key=len)
        return self.keep(prefixes, smallest.tolist()) if len(sets) > 1 else smallest.tolist()

    def keep(self, prefixes: Sequence[str], positions: Sequence[int]) -> list[int]:
        """The `positions` (ascending) whose rows have a token starting with each of `prefixes`."""
        kept = list(positions)
        dense: list[PositionSet] = []
        for prefix in prefixes:
            found = self._sets.get(prefix)
            if found is None:
                return []
            if isinstance(found, array):
                members = set(found)
                kept = [p for p in kept if p in members]
            else:
                dense.append(found)
        if dense and kept:
            selector = self._selector(self._and(dense))
            size = self.size
            kept = [p for p in kept if p < size and selector[p]]
        return kept

    @staticmethod
    def _and(sets: Sequence[PositionSet | None]) -> int:
        bits = -1
        for s in sets:
            bits &= s  # type: ignore[operator]  # only bitsets are passed
        return bits

    def _selector(self, bits: int) -> bytes:
        """One byte per position, 1 where the bit is set: compress() and indexing read it in C."""
        return format(bits, f"0{self.size}b")[::-1].encode("ascii").translate(_TO_SELECTOR)

    def _expand(self, bits: int) -> list[int]:
        return list(compress(range(self.size), self._selector(bits)))

    def nbytes(self) -> int:
        """Roughly what the sets hold (for the benchmarks)."""
        return sum(s.itemsize * len(s) if isinstance(s, array) else (s.bit_length() + 7) // 8
                   for s in self._sets.values())
