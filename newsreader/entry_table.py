"""List entries as columns (issue 15, item 5): one array per field, an entry object only when one is asked for.

Why: at 100,000 articles an entry object each (an `Article` with slots, ~210 bytes), its path and title
strings and its numbers as objects held ~70 MiB. Here a row is a few bytes in each column: its path as
a folder number and the file name's bytes, its title's UTF-8 bytes in one joined buffer, its numbers in
arrays, and the few sources and authors a folder has as numbers in a table of strings (~110 bytes a
row, titles included). `IndexEntry` is a view of one row, made when a row is shown or used, and read
and written through properties, so it is an `Article` to everything else (a body-less one: `partial`).
Rows are only appended; a row nobody lists any more is left where it is (`listing.Listing` copies the
rows it keeps into a table of its own).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from array import array
from bisect import bisect_right
from pathlib import Path
from typing import Any

from newsreader.articles import Article, body_hash
from newsreader.content_keys import KEY_LENGTH, make_key
from newsreader.path_column import PathColumn

DIGEST_BYTES = 12  # `articles.body_hash`: blake2b-96, stored as 24 hex digits
KEY_BYTES = KEY_LENGTH // 2  # `content_keys.content_key`: 16 hex digits
_NO_KEY = bytes(KEY_BYTES)
_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
_NO_DIGEST = bytes(DIGEST_BYTES)
NO_EXTRA: dict[str, str] = {}  # shared by every entry: entries are never given front-matter extras
NO_STYLES: list[Any] = []  # nor styles (they come with a body)
NO_NOTICES: list[str] = []  # (the loader adds notices to the articles it makes, never to entries)


class EntryTable:
    """Body-less list entries, one column per field (see the module's docstring). Not thread-safe for
    writes: one thread appends (the list's worker); views read it from any thread."""

    __slots__ = ("_paths", "_titles", "_title_ends",
                 "indexes", "sizes", "mtimes", "days", "digests", "row_ids", "content_keys", "quotes",
                 "_sources", "_authors", "_strings", "_string_ids", "odd_digests", "errors", "notices")

    def __init__(self) -> None:
        self._paths = PathColumn(_FS_ENCODING, _FS_ERRORS)  # (os.fsencode's bytes, without its checks)
        self._titles = bytearray()  # every title's UTF-8 bytes (lone surrogates kept), one after another
        self._title_ends = array("I")
        self.indexes = array("I")  # the entry's place in its (YAML) file
        self.sizes = array("q")
        self.mtimes = array("d")
        self.days = array("i")  # date.toordinal(), 0 for no date
        self.digests = bytearray()  # the body digest's 12 bytes (zeros: none or odd, see `odd_digests`)
        self.row_ids = array("q")  # the row in the index; 0 for none (SQLite's row ids start at 1)
        self.content_keys = bytearray()  # read marks' keys (`content_keys`) once worked out; zeros: not yet
        self.quotes = array("i")  # the quotation count, -1 for not known
        self._sources = array("I")  # a number in `_strings` (0: none)
        self._authors = array("I")
        self._strings: list[str | None] = [None]
        self._string_ids: dict[str, int] = {}
        self.odd_digests: dict[int, str | None] = {}  # a digest that is not 24 hex digits, as it is
        self.errors: dict[int, str] = {}  # the few rows that have one
        self.notices: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self.sizes)

    # ------------------------------------------------------------------------------------- rows

    def append(self, path: str, title: str, *, index: int = 0, size: int = 0, mtime: float = 0.0,
               date: dt.date | None = None, source: str | None = None, author: str | None = None,
               error: str | None = None, notices: list[str] | None = None, digest: str | None = None,
               quotes: int | None = None, row_id: int | None = None) -> int:
        """A new row; returns its number."""
        row = len(self.sizes)
        self._paths.append(path)
        self._titles += title.encode("utf-8", "surrogatepass")
        self._title_ends.append(len(self._titles))
        self.indexes.append(index)
        self.sizes.append(size)
        self.mtimes.append(mtime)
        self.days.append(date.toordinal() if date is not None else 0)
        self.digests += _NO_DIGEST
        self.row_ids.append(row_id or 0)
        self.content_keys += _NO_KEY
        self.quotes.append(-1 if quotes is None else quotes)
        self._sources.append(self.string_id(source))
        self._authors.append(self.string_id(author))
        if error is not None:
            self.errors[row] = error
        if notices:
            self.notices[row] = notices
        self.set_digest(row, digest)
        return row

    def append_entry(self, entry: Article) -> int:
        """A copy of any body-less entry (an `Article`, or a view of another table) as a new row."""
        if isinstance(entry, IndexEntry):
            return self.copy_row(entry._table, entry._row)
        return self.append(str(entry.path), entry.title, index=entry.index, size=entry.size, mtime=entry.mtime,
                           date=entry.date, source=entry.source, author=entry.author, error=entry.error,
                           notices=list(entry.notices), digest=entry.body_hash, quotes=entry.quote_count,
                           row_id=getattr(entry, "row_id", None))

    def copy_row(self, other: EntryTable, row: int) -> int:
        """Row `row` of `other` as a new row here (the read marks' key it has worked out included)."""
        new = self.append(other.path(row), other.title(row), index=other.indexes[row], size=other.sizes[row],
                          mtime=other.mtimes[row], date=other.date(row), source=other.source(row),
                          author=other.author(row), error=other.errors.get(row), notices=other.notices.get(row),
                          digest=other.digest(row), quotes=other.quote_count(row), row_id=other.row_ids[row])
        key = other.content_keys[row * KEY_BYTES:(row + 1) * KEY_BYTES]
        self.content_keys[new * KEY_BYTES:(new + 1) * KEY_BYTES] = key
        return new

    def entry(self, row: int) -> IndexEntry:
        """A view of row `row` (a new object each time: compare entries by `key`, not identity)."""
        view = _new_view(IndexEntry)
        view._table, view._row = self, row
        return view

    # ------------------------------------------------------------------------------ the fields

    def path(self, row: int) -> str:
        """The row's path, spelled as the folder walk spells it."""
        return self._paths[row]

    def title(self, row: int) -> str:
        start = self._title_ends[row - 1] if row else 0
        return self._titles[start:self._title_ends[row]].decode("utf-8", "surrogatepass")

    def key(self, row: int) -> str:
        """`Article.key` of the row."""
        index = self.indexes[row]
        return f"{self.path(row)}#{index}" if index else self.path(row)

    def date(self, row: int) -> dt.date | None:
        day = self.days[row]
        return dt.date.fromordinal(day) if day else None

    def source(self, row: int) -> str | None:
        return self._strings[self._sources[row]]

    def author(self, row: int) -> str | None:
        return self._strings[self._authors[row]]

    def quote_count(self, row: int) -> int | None:
        count = self.quotes[row]
        return None if count < 0 else count

    def string_id(self, text: str | None) -> int:
        """The number of a source's or author's text (0: None)."""
        if text is None:
            return 0
        found = self._string_ids.get(text)
        if found is None:
            found = self._string_ids[text] = len(self._strings)
            self._strings.append(text)
        return found

    def set_source(self, row: int, text: str | None) -> None:
        self._sources[row] = self.string_id(text)

    def set_author(self, row: int, text: str | None) -> None:
        self._authors[row] = self.string_id(text)

    def digest(self, row: int) -> str | None:
        if row in self.odd_digests:
            return self.odd_digests[row]
        return self.digests[row * DIGEST_BYTES:(row + 1) * DIGEST_BYTES].hex()

    def set_digest(self, row: int, value: str | None) -> None:
        try:
            raw = bytes.fromhex(value) if value is not None and value.isascii() else b""
        except ValueError:
            raw = b""
        if len(raw) == DIGEST_BYTES and raw.hex() == value:
            self.digests[row * DIGEST_BYTES:(row + 1) * DIGEST_BYTES] = raw
            self.odd_digests.pop(row, None)
        else:
            self.odd_digests[row] = value
        self.content_keys[row * KEY_BYTES:(row + 1) * KEY_BYTES] = _NO_KEY  # another body: another key

    def content_key(self, row: int) -> str:
        """The read marks' key of the row (`content_keys.content_key`), worked out once and kept here: the
        reader keys every listed entry (to count the unread), and a dict of those keys held ~30 MiB at
        100,000 entries."""
        raw = self.content_keys[row * KEY_BYTES:(row + 1) * KEY_BYTES]
        if raw != _NO_KEY:
            return raw.hex()
        digest = self.digest(row)
        key = make_key(self.title(row), digest if digest is not None else body_hash(""))
        with contextlib.suppress(ValueError):
            self.content_keys[row * KEY_BYTES:(row + 1) * KEY_BYTES] = bytes.fromhex(key)
        return key

    def rows_titled(self, title: str) -> list[int]:
        """The rows whose title is `title`, found by a C-level search of the joined titles (no row's title
        is decoded; an empty title is looked for row by row)."""
        raw = title.encode("utf-8", "surrogatepass")
        ends = self._title_ends
        if not raw:
            return [row for row in range(len(ends)) if ends[row] == (ends[row - 1] if row else 0)]
        found: list[int] = []
        at = self._titles.find(raw)
        while at >= 0:
            row = bisect_right(ends, at)  # (the row whose bytes hold position `at`)
            if (ends[row - 1] if row else 0) == at and ends[row] == at + len(raw):
                found.append(row)
            at = self._titles.find(raw, at + 1)
        return found

    def sort_key(self, row: int) -> tuple[int, int, str, str]:
        """`library.sort_key` of the row, from the columns (no entry object)."""
        day = self.days[row]
        return (0 if day else 1, -day, self.title(row).casefold(), self.key(row))


_new_view = object.__new__


def _column(name: str) -> property:
    """A field kept in one of the table's arrays, read and written in place."""

    def get(self: IndexEntry) -> Any:
        return getattr(self._table, name)[self._row]

    def put(self: IndexEntry, value: Any) -> None:
        getattr(self._table, name)[self._row] = value

    return property(get, put)


def _fixed(value: Any) -> property:
    """A field every entry has the same value of (it comes with a body, which an entry does not hold)."""
    return property(lambda self: value)


class IndexEntry(Article):
    """A list entry: a view of one row of an `EntryTable` (see the module's docstring).

    `IndexEntry(table, path, title, **fields)` appends a row and views it; `table.entry(row)` views a row
    that is there. Every field is the table's: setting one changes the row, for every view of it.
    """

    __slots__ = ("_table", "_row")

    def __init__(self, table: EntryTable, path_text: str, title: str, *, body_hash: str | None = None,
                 quote_count: int | None = None, **fields: Any) -> None:
        for fixed in ("extra", "styles", "partial"):
            fields.pop(fixed, None)
        self._table = table
        self._row = table.append(path_text, title, digest=body_hash, quotes=quote_count, **fields)

    path_text = property(lambda self: self._table.path(self._row),
                         doc="The path as the folder walk spells it (a `Path` is made on demand: `path`).")
    index = _column("indexes")
    size = _column("sizes")
    mtime = _column("mtimes")
    body = _fixed("")
    url = _fixed(None)
    license = _fixed(None)
    tags = _fixed(())
    hints = _fixed(())
    extra = _fixed(NO_EXTRA)
    styles = _fixed(NO_STYLES)
    partial = _fixed(True)

    @property
    def path(self) -> Path:
        return Path(self._table.path(self._row))

    @path.setter
    def path(self, value: Path | str) -> None:
        raise AttributeError("a list entry's path is its row's: make a new row")

    @property
    def title(self) -> str:
        return self._table.title(self._row)

    @title.setter
    def title(self, value: str) -> None:
        raise AttributeError("a list entry's title is its row's: make a new row")

    @property
    def key(self) -> str:
        return self._table.key(self._row)

    def same_row(self, other: IndexEntry) -> bool:
        """Both views show one row of one table (the same entry, not an equal one)."""
        return self._table is other._table and self._row == other._row

    @property
    def date(self) -> dt.date | None:
        return self._table.date(self._row)

    @date.setter
    def date(self, value: dt.date | None) -> None:
        self._table.days[self._row] = value.toordinal() if value is not None else 0

    @property
    def source(self) -> str | None:
        return self._table.source(self._row)

    @source.setter
    def source(self, value: str | None) -> None:
        self._table.set_source(self._row, value)

    @property
    def author(self) -> str | None:
        return self._table.author(self._row)

    @author.setter
    def author(self, value: str | None) -> None:
        self._table.set_author(self._row, value)

    @property
    def error(self) -> str | None:
        return self._table.errors.get(self._row)

    @error.setter
    def error(self, value: str | None) -> None:
        if value is None:
            self._table.errors.pop(self._row, None)
        else:
            self._table.errors[self._row] = value

    @property
    def notices(self) -> list[str]:
        return self._table.notices.get(self._row, NO_NOTICES)

    @notices.setter
    def notices(self, value: list[str]) -> None:
        if value:
            self._table.notices[self._row] = list(value)
        else:
            self._table.notices.pop(self._row, None)

    @property
    def quote_count(self) -> int | None:
        return self._table.quote_count(self._row)

    @quote_count.setter
    def quote_count(self, value: int | None) -> None:
        self._table.quotes[self._row] = -1 if value is None else value

    @property
    def body_hash(self) -> str | None:
        return self._table.digest(self._row)

    @body_hash.setter
    def body_hash(self, value: str | None) -> None:
        self._table.set_digest(self._row, value)

    @property
    def content_key(self) -> str:
        """The read marks' key (`EntryTable.content_key`)."""
        return self._table.content_key(self._row)

    @property
    def row_id(self) -> int | None:
        """Its row in the index (the filter maps rows to list positions with it); None for an entry the
        indexing child streamed, which it made before or without reading its row back."""
        return self._table.row_ids[self._row] or None

    @row_id.setter
    def row_id(self, value: int | None) -> None:
        self._table.row_ids[self._row] = value or 0
