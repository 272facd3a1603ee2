"""The folder's entries in list order, kept up to date batch by batch, as rows (no object per entry).

Why rows: at 100,000 articles an object per entry, with its path and title strings, a one-entry list
per file and a map of every file's stamp, held ~90 MiB. Here the body-less entries are rows of one
`EntryTable` (a few bytes a field), a list is an array of row references (`EntryList`, 8 bytes a row),
and the map by file holds one number per file; an entry object is made only for a row that is shown or
used. Entries that are not body-less (the folder read without the index, files the index refused, the
walk's errors) are kept as the objects they are.

Why batch by batch: while a cold folder is read, titles arrive a few hundred at a time. Sorting the
whole list again for every batch costs a Python call per entry (`library.sort_key`): at 100,000 entries
that is a tenth of a second each time, in the reader's process, holding the interpreter lock the keys
wait for. Here a batch costs Python work for the batch only: each new entry finds its place by a binary
search (the listed rows' keys are computed on the way, ~17 of them per new entry), and the listed rows
between two new ones are copied as one slice. The keys are not kept: at 100,000 entries they were ~22 MiB.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, count, repeat
from operator import is_, itemgetter
from typing import Any, overload

from newsreader.articles import Article
from newsreader.entry_table import EntryTable, IndexEntry
from newsreader.index import file_stamp
from newsreader.library import sort_key

MAX_STRAYS = 1_000  # entries out of order past which a first list is sorted as a whole
MIN_DEAD_ROWS = 256  # rows left by changed files past which (and past a quarter of the list) rows are compacted
# the fields a full read may add to an entry listed from its file's head (its place in the list unchanged)
_FILLED_IN = ("body_hash", "notices", "error", "size", "mtime", "quote_count", "source", "author")


def path_text(article: Article) -> str:
    """The entry's path as the folder walk spells it (an index entry keeps it as a string already)."""
    text = getattr(article, "path_text", None)
    return text if text is not None else str(article.path)


class Rows:
    """Where a list's rows live: body-less entries as rows of a table, other entries as objects.

    A row reference is an int: `row << 1` for the table's row, `i << 1 | 1` for the i-th object. Rows are
    only appended (a list handed out keeps reading the rows it refers to)."""

    __slots__ = ("table", "objects")

    def __init__(self, table: EntryTable | None = None) -> None:
        self.table = table if table is not None else EntryTable()
        self.objects: list[Article] = []

    def add(self, entry: Article) -> int:
        """A reference to a row holding `entry` (copied into the table if it is a body-less entry)."""
        if isinstance(entry, IndexEntry) and entry._table is self.table:
            return entry._row << 1
        if isinstance(entry, IndexEntry):
            return self.table.append_entry(entry) << 1
        self.objects.append(entry)
        return (len(self.objects) - 1) << 1 | 1

    def entry(self, ref: int) -> Article:
        return self.objects[ref >> 1] if ref & 1 else self.table.entry(ref >> 1)

    def sort_key(self, ref: int) -> tuple[int, int, str, str]:
        return sort_key(self.objects[ref >> 1]) if ref & 1 else self.table.sort_key(ref >> 1)

    def ref_of(self, entry: Article) -> int | None:
        """The reference of an entry object made from these rows (None: not one of them)."""
        if isinstance(entry, IndexEntry):
            return entry._row << 1 if entry._table is self.table else None
        found = next(compress(count(), map(is_, self.objects, repeat(entry))), None)
        return None if found is None else found << 1 | 1


class EntryList(Sequence[Article]):
    """Entries in list order: an array of row references (`Rows`). Never changed once made; indexing
    makes the entry object of that row (a view for a body-less row, so compare entries by `key`)."""

    __slots__ = ("refs", "rows")

    def __init__(self, rows: Rows, refs: array[int] | None = None) -> None:
        self.rows = rows
        self.refs = refs if refs is not None else array("q")

    def __len__(self) -> int:
        return len(self.refs)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> EntryList: ...

    def __getitem__(self, index: int | slice) -> Article | EntryList:
        if isinstance(index, slice):
            return EntryList(self.rows, self.refs[index])
        return self.rows.entry(self.refs[index])

    def __iter__(self) -> Iterator[Article]:
        return map(self.rows.entry, self.refs)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EntryList) and other.rows is self.rows:
            return self.refs == other.refs
        return isinstance(other, (list, EntryList)) and len(self) == len(other) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # (as a list's)

    def __repr__(self) -> str:
        return f"EntryList({len(self)} rows)"

    def take(self, positions: Iterable[int]) -> EntryList:
        """The rows at `positions` (a filter's), as a list of their own: no entry object is made."""
        return EntryList(self.rows, array("q", map(self.refs.__getitem__, positions)))

    def position(self, entry: Article) -> int | None:
        """Where `entry` (an object made from this list) is, found in one C-level pass; None if not here."""
        ref = self.rows.ref_of(entry)
        if ref is None:
            return None
        try:
            return self.refs.index(ref)
        except ValueError:
            return None


    def find(self, entry: Article) -> int | None:
        """Where `entry`, or an entry with its key, is (None: neither is here): by its row first, then
        among the rows of its title (a C-level search, `EntryTable.rows_titled`), not row by row."""
        found = self.position(entry)
        if found is not None:
            return found
        key, rows = entry.key, self.rows
        refs = [row << 1 for row in rows.table.rows_titled(entry.title) if rows.table.key(row) == key]
        refs += [i << 1 | 1 for i, a in enumerate(rows.objects) if a.key == key]
        positions = [p for p in map(self._index, refs) if p is not None]
        return min(positions, default=None)

    def _index(self, ref: int) -> int | None:
        try:
            return self.refs.index(ref)
        except ValueError:
            return None


def find(articles: Sequence[Article], entry: Article) -> int:
    """Where `entry` itself is in `articles`, else the first entry with its key, else 0 (the list's top)."""
    if isinstance(articles, EntryList):
        found = articles.find(entry)
        return 0 if found is None else found
    found = position_of(articles, entry)
    if found is not None:
        return found
    key = entry.key
    return next((i for i, article in enumerate(articles) if article.key == key), 0)


def same_entry(a: Article, b: Article) -> bool:
    """`a` and `b` are the same entry: the same object, or views of the same row (a view is made each time
    a row is read, so identity alone would call every row of a new list another article)."""
    return a is b or (isinstance(a, IndexEntry) and isinstance(b, IndexEntry) and a.same_row(b))


def take(articles: Sequence[Article], positions: Sequence[int]) -> Sequence[Article]:
    """The entries at `positions` of any list of them: an `EntryList`'s own rows, or a plain list."""
    if isinstance(articles, EntryList):
        return articles.take(positions)
    return list(map(articles.__getitem__, positions))


def position_of(articles: Sequence[Article], entry: Article) -> int | None:
    """Where `entry` itself (not an equal one) is in `articles`, in one C-level pass; None if not there."""
    if isinstance(articles, EntryList):
        return articles.position(entry)
    return next(compress(count(), map(is_, articles, repeat(entry))), None)


UNREADABLE, NOT_ANALYSED, ANALYSED = 0, 1, 2  # `analysis_states`


def analysis_states(articles: Sequence[Article]) -> bytearray:
    """One byte a row: UNREADABLE (an entry with an error), NOT_ANALYSED (no quotation count known yet) or
    ANALYSED. From the columns for a list of rows (`EntryList`): no entry object is made."""
    if not isinstance(articles, EntryList):
        return bytearray(UNREADABLE if a.error else NOT_ANALYSED if a.quote_count is None else ANALYSED
                         for a in articles)
    objects, table = articles.rows.objects, articles.rows.table
    errors, quotes = table.errors, table.quotes
    states = bytearray(len(articles))
    for i, ref in enumerate(articles.refs):
        if ref & 1:
            entry = objects[ref >> 1]
            states[i] = UNREADABLE if entry.error else NOT_ANALYSED if entry.quote_count is None else ANALYSED
        else:
            row = ref >> 1
            states[i] = UNREADABLE if row in errors else NOT_ANALYSED if quotes[row] < 0 else ANALYSED
    return states


def errors_in(articles: Sequence[Article]) -> list[Article]:
    """The entries that could not be read (from the columns for a list of rows: usually none)."""
    if not isinstance(articles, EntryList):
        return [a for a in articles if a.error]
    rows = articles.rows
    errors, objects = rows.table.errors, rows.objects
    if not errors and not any(a.error for a in objects):
        return []
    return [rows.entry(ref) for ref in articles.refs
            if (objects[ref >> 1].error if ref & 1 else (ref >> 1) in errors)]


class FileEntries(Mapping[str, list[Article]]):
    """A `Listing`'s entries by file, read only, as entry objects made when asked for."""

    __slots__ = ("_listing",)

    def __init__(self, listing: Listing) -> None:
        self._listing = listing

    def __getitem__(self, path: str) -> list[Article]:
        listing = self._listing
        if path in listing._pending:
            found = listing._pending[path]
            if found is None:
                raise KeyError(path)
            return found
        refs = listing._files[path]
        rows = listing._rows
        return [rows.entry(r) for r in _refs(refs)]

    def __contains__(self, path: object) -> bool:
        pending = self._listing._pending
        if path in pending:
            return pending[path] is not None
        return path in self._listing._files

    def __iter__(self) -> Iterator[str]:
        listing = self._listing
        pending = listing._pending
        yield from (p for p in listing._files if p not in pending)
        yield from (p for p, entries in list(pending.items()) if entries is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


FileRows = int | tuple[int, ...]  # a file's row references: one, or all of them in file order (none: ())
_FREE, _GONE = -1, -2  # a `PathMap` slot never used, and one whose file was taken out


class PathMap:
    """path -> its file's rows (`FileRows`), holding no string per path: a hash table of two arrays (each
    path's hash and its first row), the path itself read back from the rows when a hash matches.

    Why: a dict of 100,000 paths held their strings (~16 MiB at this folder's path lengths, beside the
    rows' own copy of every file name) and an int object and a dict entry per file (~7 MiB); here it is
    16 bytes a slot, two to four slots a file (~4 MiB). The few files of several entries keep their rows
    in a small dict, the files of none in a set. Writes from one thread; a reader in another sees each
    slot old or new."""

    __slots__ = ("_path_of", "_slots", "_count", "_used", "_many", "_empty")

    def __init__(self, path_of: Callable[[int], str], files: int = 0) -> None:
        self._path_of = path_of  # a row reference -> its path
        size = _slots_for(files)  # (room for `files` from the start: no growing on the way)
        self._slots = (array("q", bytes(8 * size)), array("q", [_FREE]) * size)  # (hashes, first rows)
        self._count = 0  # files in the slots
        self._used = 0  # slots not free (files and gone ones)
        self._many: dict[int, tuple[int, ...]] = {}  # first row -> all rows, for files of several entries
        self._empty: set[str] = set()

    def _find(self, path: str, hashed: int) -> tuple[int, int]:
        """(the slot of `path`, or -1; the first slot it could be put in)."""
        hashes, refs = self._slots
        mask = len(refs) - 1
        i, free = hashed & mask, -1
        while True:
            ref = refs[i]
            if ref == _FREE:
                return -1, i if free < 0 else free
            if ref == _GONE:
                if free < 0:
                    free = i
            elif hashes[i] == hashed and self._path_of(ref) == path:
                return i, free
            i = (i + 1) & mask

    def get(self, path: str) -> FileRows | None:
        if path in self._empty:
            return ()
        slot, _ = self._find(path, hash(path))
        if slot < 0:
            return None
        ref = self._slots[1][slot]
        return self._many.get(ref, ref)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self.get(path) is not None

    def __getitem__(self, path: str) -> FileRows:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found

    def add(self, path: str, ref: int) -> FileRows | None:
        """Put `path` in with the one row `ref` unless it is in already; returns its rows if it is."""
        hashed = hash(path)
        slot, free = self._find(path, hashed)
        if slot >= 0:
            first = self._slots[1][slot]
            return self._many.get(first, first)
        self._occupy(free, hashed, ref)
        return None

    def __setitem__(self, path: str, rows: FileRows) -> None:
        self.pop(path)
        if rows == ():
            self._empty.add(path)
            return
        first = _refs(rows)[0]
        if isinstance(rows, tuple) and len(rows) > 1:
            self._many[first] = rows
        hashed = hash(path)
        _, slot = self._find(path, hashed)
        self._occupy(slot, hashed, first)

    def _occupy(self, slot: int, hashed: int, ref: int) -> None:
        """Put a file's first row in a free (or freed) slot; grow the table past half full."""
        hashes, refs = self._slots
        if refs[slot] == _FREE:
            self._used += 1
        hashes[slot], refs[slot] = hashed, ref
        self._count += 1
        if 2 * self._used > len(refs):
            self._grow()

    def pop(self, path: str) -> FileRows | None:
        """Take `path` out; its rows (None: it was not in)."""
        if path in self._empty:
            self._empty.discard(path)
            return ()
        slot, _ = self._find(path, hash(path))
        if slot < 0:
            return None
        refs = self._slots[1]
        ref, refs[slot] = refs[slot], _GONE
        self._count -= 1
        return self._many.pop(ref, ref)

    def _grow(self) -> None:
        """Slots for at least twice the files (gone ones dropped); the hashes are kept, no path is read."""
        old_hashes, old_refs = self._slots
        size = _slots_for(self._count)
        hashes, refs = array("q", bytes(8 * size)), array("q", [_FREE]) * size
        mask = size - 1
        for hashed, ref in zip(old_hashes, old_refs, strict=True):
            if ref >= 0:
                i = hashed & mask
                while refs[i] != _FREE:
                    i = (i + 1) & mask
                hashes[i], refs[i] = hashed, ref
        self._slots, self._used = (hashes, refs), self._count

    def items(self) -> Iterator[tuple[str, FileRows]]:
        """(path, rows) of every file (paths read back from the rows)."""
        many = self._many
        for ref in self._slots[1]:
            if ref >= 0:
                yield self._path_of(ref), many.get(ref, ref)
        yield from ((path, ()) for path in list(self._empty))

    def __iter__(self) -> Iterator[str]:
        return (path for path, _ in self.items())

    def __len__(self) -> int:
        return self._count + len(self._empty)


def _slots_for(files: int) -> int:
    """A power of two, at least twice `files` (a table at most half full stays quick)."""
    size = 8
    while size < 2 * files + 2:
        size *= 2
    return size


class SeenFiles:
    """Which listed files a walk saw: a byte per row, not a set of 100,000 paths (`Listing.seen_marks`)."""

    __slots__ = ("_files", "_marks", "_empty_seen")

    def __init__(self, files: PathMap, rows: Rows) -> None:
        self._files = files
        self._marks = bytearray(2 * max(len(rows.table), len(rows.objects)) + 2)
        self._empty_seen: set[str] = set()

    def mark(self, path: str) -> None:
        refs = self._files.get(path)
        if refs is None:
            return
        if refs == ():
            self._empty_seen.add(path)
        else:
            self._marks[_refs(refs)[0]] = 1

    def unseen(self) -> Iterator[str]:
        """The files listed (when the marks were made) that were not marked."""
        marks, empty_seen = self._marks, self._empty_seen
        for path, refs in self._files.items():
            if (marks[_refs(refs)[0]] == 0) if refs != () else path not in empty_seen:
                yield path


def _refs(value: int | tuple[int, ...]) -> tuple[int, ...]:
    return value if isinstance(value, tuple) else (value,)


class Listing:
    """A folder's entries: by file (`by_path`, changed at once) and in list order (`articles`, brought up
    to date with the changes since it was last asked for).

    A list handed out by `articles` is never changed afterwards (the UI and the filter hold on to it, and
    the filter keys its cached results on its identity): every change makes a new list.
    """

    def __init__(self) -> None:
        self._rows = Rows()
        # every listed file -> its rows, in file order (one int for a file of one entry, else a tuple)
        self._files = PathMap(self._path)
        # files changed since the list was last brought up to date -> their new entries (None: gone)
        self._pending: dict[str, list[Article] | None] = {}
        self._items = EntryList(self._rows)
        self.by_path = FileEntries(self)  # every file's entries, in file order
        self.version = 0  # bumped by every change that reaches the list
        self._dead = 0  # rows no list made since the last start refers to (changed or gone files')

    def reset(self, entries: Sequence[Article]) -> None:
        """Start over from `entries` (any order; the index gives them almost in list order)."""
        self._start_over(Rows())
        self._adopt(map(self._rows.add, entries))

    def reset_table(self, table: EntryTable) -> None:
        """Start over from every row of `table` (the index's, in about list order), kept as it is."""
        self._start_over(Rows(table))
        self._adopt(range(0, 2 * len(table), 2))

    def _start_over(self, rows: Rows) -> None:
        self._rows, self._files, self._pending, self._dead = rows, PathMap(self._path), {}, 0
        self._items = EntryList(rows)

    def _adopt(self, refs: Iterable[int]) -> None:
        order = array("q", refs)
        files = self._files = PathMap(self._path, len(order))
        entry_of = self._rows.entry
        several: dict[str, list[int]] = {}
        path_of, add = self._path, files.add
        for ref in order:
            path = path_of(ref)
            listed = add(path, ref)
            if listed is not None:
                several.setdefault(path, list(_refs(listed))).append(ref)  # (a YAML file's: a few)
        for path, refs in several.items():
            files[path] = tuple(sorted(refs, key=lambda r: entry_of(r).index))
        self._merge(order)
        self.version += 1

    def _path(self, ref: int) -> str:
        rows = self._rows
        return path_text(rows.objects[ref >> 1]) if ref & 1 else rows.table.path(ref >> 1)

    def put(self, path: str, entries: list[Article]) -> None:
        """`path` now holds `entries` (new, re-read, or an error entry)."""
        self._pending[path] = entries

    def drop(self, path: str) -> None:
        """`path` is gone."""
        if path in self.by_path:
            self._pending[path] = None

    def file_stamp(self, path: str) -> int | None:
        """`index.file_stamp` of the size and mtime of the first row listed for `path` (None: no row), as
        brought up to date by `articles`; read from the columns (no entry object)."""
        refs = self._files.get(path)
        if refs is None or refs == ():
            return None
        ref = _refs(refs)[0]
        rows = self._rows
        if ref & 1:
            entry = rows.objects[ref >> 1]
            return file_stamp(entry.size, entry.mtime)
        return file_stamp(rows.table.sizes[ref >> 1], rows.table.mtimes[ref >> 1])

    def seen_marks(self) -> SeenFiles:
        """Marks for the files listed now (as brought up to date by `articles`), to find those a walk of
        the folder did not see."""
        return SeenFiles(self._files, self._rows)

    def articles(self) -> EntryList:
        """The entries in list order, with every change so far applied."""
        if self._pending:
            self._apply()
        return self._items

    def _apply(self) -> None:
        pending, self._pending = self._pending, {}
        removed: set[int] = set()
        added: list[int] = []
        files, rows = self._files, self._rows
        for path, new in pending.items():
            listed = files.get(path)
            old = None if listed is None else _refs(listed)
            if new is None:
                if old is not None:
                    files.pop(path)
                    removed.update(old)
                continue
            if old is not None and self._fill_in(old, new):
                continue
            refs = tuple(map(rows.add, new))
            files[path] = refs[0] if len(refs) == 1 else refs
            if old is not None:
                removed.update(old)
            added += refs
        if removed:
            self._items = EntryList(rows, array("q", (r for r in self._items.refs if r not in removed)))
        if added:
            self._merge(added)
        elif not removed:
            self._items = EntryList(rows, array("q", self._items.refs))  # a new list all the same: rows changed
        self._dead += len(removed)
        if self._dead > max(MIN_DEAD_ROWS, len(self._items) // 4):
            self._compact()
        self.version += 1

    def _compact(self) -> None:
        """Copy the listed rows into new rows, leaving behind those of changed and gone files (a folder read
        without the index keeps bodies in them). Lists handed out before keep the old rows, as they were."""
        old, rows = self._rows, Rows()
        moved: dict[int, int] = {}

        def move(ref: int) -> int:
            new = moved.get(ref)
            if new is None:
                new = moved[ref] = rows.add(old.entry(ref))
            return new

        refs = array("q", map(move, self._items.refs))
        files = list(self._files.items())
        self._rows, self._files, self._dead = rows, PathMap(self._path), 0
        for path, listed in files:
            self._files[path] = listed if listed == () else \
                move(listed) if isinstance(listed, int) else tuple(map(move, listed))
        self._items = EntryList(rows, refs)

    def _fill_in(self, old: tuple[int, ...], new: list[Article]) -> bool:
        """Copy what a full read learnt into the listed rows, if they are body-less entries that stay where
        they are in the list (same count, titles, sort keys); False otherwise (the caller replaces them)."""
        if len(old) != len(new):
            return False
        listed = [self._rows.entry(r) for r in old]
        if all(map(same_entry, listed, new)):
            return True  # the listed rows themselves
        if not all(a.partial and b.partial for a, b in zip(listed, new, strict=True)):
            return False
        if any(a.title != b.title or sort_key(a) != sort_key(b) for a, b in zip(listed, new, strict=True)):
            return False  # (the key folds the title's case: "Alpha" and "alpha" share one)
        for entry, read in zip(listed, new, strict=True):
            for name in _FILLED_IN:
                setattr(entry, name, getattr(read, name))
        return True

    def _merge(self, added: Sequence[int]) -> None:
        """Insert the rows `added` where their keys belong: a binary search per new row, and the listed rows
        between two insertion points copied as one slice (C-level: about a millisecond at 100,000, where
        sorting everything again took 20-50 ms holding the interpreter lock). Into an empty list, the
        rows already in order are taken as they are (`_in_order`) and only the rest is merged."""
        rows = self._rows
        old = self._items.refs
        if not old:
            old, added = _in_order(added, rows.sort_key)
            if not added:
                self._items = EntryList(rows, old)
                return
        key_of = rows.sort_key
        batch = sorted(((key_of(r), r) for r in added), key=itemgetter(0))
        refs = array("q")
        start = 0
        for key, ref in batch:
            end = bisect_right(old, key, start, key=key_of)
            refs += old[start:end]
            refs.append(ref)
            start = end
        refs += old[start:]
        self._items = EntryList(rows, refs)


def _in_order(refs: Sequence[int], key_of: Callable[[int], Any]) -> tuple[array[int], list[int]]:
    """(the rows that are already in list order, the others). Why: sorting 100,000 rows holds a key for
    each at once (~22 MiB at the start's peak); the index gives them almost in order (its collation folds
    only ASCII case), so one pass keeps the ordered ones, holding two keys at a time, and the few strays
    are merged in. Many strays (not from the index): all of them, sorted, as the batch."""
    kept = array("q")
    stray: list[int] = []
    last: Any = None
    for ref in refs:
        key = key_of(ref)
        if last is None or key >= last:
            kept.append(ref)
            last = key
        else:
            stray.append(ref)
            if len(stray) > MAX_STRAYS and len(stray) * 8 > len(kept):
                return array("q"), list(refs)
    return kept, stray
