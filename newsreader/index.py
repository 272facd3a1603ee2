"""The folder index: an embedded SQLite cache of article metadata and analysis results.

Why: reading and analysing 100,000 files takes minutes; listing them from an index takes a second.
The index lives in the XDG cache directory (never in the articles folder), one database per folder,
keyed by path + size + mtime so a changed file is simply re-read. FTS5 (when the SQLite build has it)
answers the folder filter without keeping any body in memory. Anything odd about the cache file
(corrupt, locked, another schema) means: rebuild it, say so, carry on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import sqlite3
import struct
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader.articles import Article, body_hash
from newsreader.cache_paths import index_path_for
from newsreader.engine_id import engine_id
from newsreader.entry_table import EntryTable, IndexEntry

if TYPE_CHECKING:  # the analysis model and the filter's module load with their first use, after the first frame
    from newsreader.analysis.model import Analysis, Mention
    from newsreader.query import FilterQuery

SCHEMA_VERSION = 6  # 5: the filter's own tokens (FTS5 ascii tokenizer), folded source; 6: paths as bytes
BUSY_TIMEOUT_S = 5.0
CANCEL_CHECK_STEPS = 100_000  # SQLite steps between looks at `cancelled()` (each takes the GIL: a few per query)


# ------------------------------------------------------------------------------------ serialising


def analysis_to_json(analysis: Analysis) -> str:
    """Everything the reader needs back (aliases and speaker mentions included), compactly."""
    return json.dumps(
        {
            "q": [
                [q.text, q.start, q.end, q.speaker] + _mention_json(q.speaker_mention) for q in analysis.quotes
            ],
            "a": [
                [a.name, a.kind, a.aliases, [[m.start, m.end, m.text] for m in a.mentions]] for a in analysis.actors
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _mention_json(mention: Mention | None) -> list[Any]:
    return [mention.start, mention.end, mention.text] if mention else []


def analysis_from_json(text: str) -> Analysis | None:
    from newsreader.analysis.model import Actor, Analysis, Mention, Quote

    try:
        data = json.loads(text)
        quotes = [
            Quote(q[0], q[1], q[2], q[3], Mention(q[4], q[5], q[6]) if len(q) >= 7 else None) for q in data["q"]
        ]
        actors = [Actor(a[0], a[1], [Mention(*m) for m in a[3]], list(a[2])) for a in data["a"]]
        return Analysis(quotes, actors)
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def actor_text(analysis: Analysis) -> str:
    """Every name and alias, a phrase never spanning two: what `actor:` searches."""
    from newsreader.query import index_lines

    return index_lines(name for a in analysis.actors for name in (a.name, *a.aliases))


def quote_text(analysis: Analysis) -> str:
    """Every quotation, a phrase never spanning two: what `quote:` searches."""
    from newsreader.query import index_lines

    return index_lines(q.text for q in analysis.quotes)


# ------------------------------------------------------------------------------------------ rows


def path_key(path: str | Path) -> bytes:
    """A path as the index stores it: its bytes. A file name that is not valid UTF-8 reaches Python with
    lone surrogates, which SQLite text refuses; as bytes every name round-trips exactly."""
    return os.fsencode(path)


def _py(value: bytes | str) -> str:
    """A stored path back as the `str` the folder walk gives (surrogate-escaped where not UTF-8)."""
    return os.fsdecode(value)


_LIST_ORDER = "ORDER BY date IS NULL, date DESC, title COLLATE NOCASE"
_ORDER_INDEX = "CREATE INDEX IF NOT EXISTS list_order ON articles (date IS NULL, date DESC, title COLLATE NOCASE)"
_COLUMNS = "id, path, idx, size, mtime, title, date, source, author, error, notices, hash, quotes"


def file_stamp(size: int, mtime: float) -> int:
    """A file's (size, mtime) as one exact number: the folder's map of 100,000 of them holds an int each
    (40 bytes) where a tuple of an int and a float took ~110."""
    return size << 64 | int.from_bytes(struct.pack("<d", mtime), "little")


def stamp_parts(stamp: int) -> tuple[int, float]:
    """(size, mtime) back from `file_stamp`."""
    return stamp >> 64, struct.unpack("<d", (stamp & _LOW_64).to_bytes(8, "little"))[0]


_LOW_64 = (1 << 64) - 1


def _append_row(table: EntryTable, row: Sequence[Any]) -> None:
    """One row of `_COLUMNS` (from the index, or streamed by the indexing child) into `table`."""
    row_id, path, idx, size, mtime, title, date, source, author, error, notices, digest, quotes = row
    day = None
    if date:
        with contextlib.suppress(ValueError):  # a date the index holds is one we wrote: never odd, but never fatal
            day = dt.date.fromisoformat(date)
    table.append(_py(path), title, index=idx, size=size, mtime=mtime, date=day, source=source, author=author,
                 error=error, notices=notices.split("\n") if notices else None, digest=digest, quotes=quotes,
                 row_id=row_id)


def entry_row(article: Article) -> list[Any]:
    """A list entry as one row of `_COLUMNS`, JSON-ready: how the indexing child streams what it reads
    (`entries_from_rows` makes entries of them, exactly as the index's own rows make)."""
    a = article
    return [getattr(a, "row_id", None), os.fsdecode(getattr(a, "path_text", None) or a.path), a.index, a.size,
            a.mtime, a.title, a.date.isoformat() if a.date else None, a.source, a.author, a.error,
            "\n".join(a.notices) or None, a.body_hash, a.quote_count]


def entries_from_rows(rows: Iterable[Sequence[Any]]) -> list[IndexEntry]:
    """List entries from streamed rows (see `entry_row`): views of one new table."""
    table = EntryTable()
    for row in rows:
        _append_row(table, row)
    return [table.entry(row) for row in range(len(table))]


@contextlib.contextmanager
def _no_collections() -> Iterator[None]:
    """No garbage collection while a list is built: 100,000 new entries set off several full
    collections (0.1-0.15 s each, here), which hold the interpreter, so the UI thread stalls on them,
    and none of them can free anything that is being built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class IndexUnavailable(Exception):
    """The cache can't be used at all (the caller carries on without it)."""


class FolderIndex:
    """One folder's index. Thread-safe: every call takes the lock; workers share one connection."""

    def __init__(self, db_path: Path, folder: Path) -> None:
        self.db_path = db_path
        self.folder = folder
        self.notice: str | None = None
        self.has_fts = False
        self._lock = threading.RLock()  # the writer connection
        self._conn = self._open()
        # Reads go through their own connection: with WAL they never wait for a write transaction (a
        # 200-file batch of full-text inserts during cold indexing), so filters and look-ups stay quick.
        self._read_lock = threading.RLock()
        self._reader = self._connect()

    # --------------------------------------------------------------------------------- opening

    @classmethod
    def open(cls, folder: Path, db_path: Path | None = None) -> FolderIndex:
        """Open (or create, or rebuild) the index of `folder`. Raises IndexUnavailable when impossible."""
        return cls(db_path or index_path_for(folder), folder)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexUnavailable(f"cannot create the cache folder: {exc.strerror or exc}") from None
        for attempt in range(2):
            try:
                conn = self._connect()
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                same_engine = conn.execute("PRAGMA application_id").fetchone()[0] == engine_id()
                if version == SCHEMA_VERSION and same_engine:
                    conn.execute("SELECT path FROM files LIMIT 1").fetchone()  # readable (count(*): 35 ms at 100k)
                    self.has_fts = self._fts_present(conn)
                    return conn
                if version == 0:  # a new file, which another process may be creating this moment: never removed
                    self._create(conn)  # (under SQLite's write lock; a schema already made is left as it is)
                    return conn
                if version == SCHEMA_VERSION:
                    self.notice = "The index's analyses were made by another version of the analysis engine: rebuilt."
                else:
                    self.notice = "The index was from another version of newsreader: rebuilt."
                conn.close()
                self._remove_files()
                conn = self._connect()
                self._create(conn)
                return conn
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise IndexUnavailable("the index is locked by another process") from None
                if attempt:
                    raise IndexUnavailable(f"cannot use the index: {exc}") from None
                self.notice = "The index was unreadable: rebuilt."
                self._remove_files()
            except sqlite3.DatabaseError as exc:
                if attempt:
                    raise IndexUnavailable(f"cannot use the index: {exc}") from None
                self.notice = "The index was corrupt: rebuilt."
                self._remove_files()
        raise IndexUnavailable("cannot use the index")  # pragma: no cover

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.remove(f"{self.db_path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise IndexUnavailable(f"cannot replace the index: {exc.strerror or exc}") from None

    @staticmethod
    def _fts_present(conn: sqlite3.Connection) -> bool:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name='fts'").fetchone() is not None

    def _create(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS files (path BLOB PRIMARY KEY, size INTEGER, mtime REAL)"
        )
        conn.execute(
            "CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY, path BLOB, idx INTEGER, size INTEGER,"
            " mtime REAL, title TEXT, date TEXT, source TEXT, author TEXT, error TEXT, notices TEXT, hash TEXT,"
            " quotes INTEGER, analysis TEXT, source_key TEXT, UNIQUE(path, idx))"
        )
        try:
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, source, actors, quotes,"
                " tokenize='ascii', prefix='1 2 3')"  # the text stored is already query.tokens
            )
            self.has_fts = True
        except sqlite3.OperationalError:
            self.has_fts = False  # this SQLite has no FTS5: the filter scans in memory instead
        conn.execute(_ORDER_INDEX)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute(f"PRAGMA application_id={engine_id()}")
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock, self._read_lock:
            for conn in (self._conn, self._reader):
                with contextlib.suppress(sqlite3.Error):
                    conn.close()

    # ---------------------------------------------------------------------------------- reading

    def known_files(self) -> dict[str, int]:
        """path -> `file_stamp(size, mtime)` of every indexed file (the reader itself goes by its list's
        rows, `FolderSync.known_stamp`: this is for looking into an index)."""
        with self._read_lock:
            rows = self._reader.execute("SELECT path, size, mtime FROM files")
            return {_py(p): file_stamp(size, mtime) for p, size, mtime in rows}

    def articles(self, limit: int = -1) -> list[IndexEntry]:
        """Indexed articles as list entries (no body: `partial`), views of `entry_table(limit)`'s rows."""
        table = self.entry_table(limit)
        return [table.entry(row) for row in range(len(table))]

    def entry_table(self, limit: int = -1) -> EntryTable:
        """Indexed articles as the rows of a table (`entry_table`: no object per entry), in about the list's
        order (newest first, undated last, then by title; the list then finds it almost sorted, which
        costs it a single pass). With `limit`, only the first ones: a warm folder's first screenful, read
        through `_ORDER_INDEX` in a few milliseconds at any size."""
        table = EntryTable()
        with self._read_lock, _no_collections():
            for row in self._reader.execute(f"SELECT {_COLUMNS} FROM articles {_LIST_ORDER} LIMIT ?", (limit,)):
                _append_row(table, row)  # streamed: never all rows at once
        return table

    def ensure_order_index(self) -> None:
        """Give an index made before `_ORDER_INDEX` existed that index (once; never fatal)."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.execute(_ORDER_INDEX)

    def analysis(self, article: Article, body: str) -> Analysis | None:
        """The stored analysis of this article, if it was made from this very body."""
        with self._read_lock:
            row = self._reader.execute(
                "SELECT hash, analysis FROM articles WHERE path=? AND idx=?", (path_key(article.path), article.index)
            ).fetchone()
        if row is None or row[1] is None or row[0] != body_hash(body):
            return None
        return analysis_from_json(row[1])

    def all_analyses(self) -> Iterator[tuple[str, int, Analysis]]:
        """Every stored analysis (for the folder-wide actor index), streamed a few hundred rows at a time
        (all at once, 5,000 analyses of a 100,000-article folder held ~12 MiB of JSON text besides)."""
        with self._read_lock:
            cursor = self._reader.execute("SELECT path, idx, analysis FROM articles WHERE analysis IS NOT NULL")
        while True:
            with self._read_lock:
                rows = cursor.fetchmany(256)
            if not rows:
                return
            for path, idx, text in rows:
                analysis = analysis_from_json(text)
                if analysis is not None:
                    yield _py(path), idx, analysis

    # ---------------------------------------------------------------------------------- writing

    def store_files(self, batch: Sequence[tuple[Path, int, float, list[Article]]]) -> list[Path]:
        """Several files in one transaction (cold indexing commits in batches, not per file).

        A file whose values SQLite refuses is left out on its own (a savepoint per file) and returned,
        so one odd file never costs the rest of its batch. SQLite errors (locked, disk full) raise.
        """
        refused: list[Path] = []
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                for path, size, mtime, articles in batch:
                    conn.execute("SAVEPOINT one_file")
                    try:
                        self._store_file(path, size, mtime, articles)
                    except (ValueError, OverflowError):  # UnicodeEncodeError included: a value SQLite can't take
                        conn.execute("ROLLBACK TO one_file")
                        refused.append(path)
                    conn.execute("RELEASE one_file")
                conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        return refused

    def _rollback(self) -> None:
        """End a failed write transaction (SQLite may have ended it already, after a full disk)."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("ROLLBACK")

    def _store_file(self, path: Path, size: int, mtime: float, articles: list[Article]) -> None:
        from newsreader.query import fold, index_text

        conn = self._conn
        key = path_key(path)
        self._delete_path(key)
        conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (key, size, mtime))
        for a in articles:
            cur = conn.execute(
                "INSERT INTO articles (path, idx, size, mtime, title, date, source, author, error,"
                " notices, hash, quotes, analysis, source_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,?)",
                (key, a.index, size, mtime, a.title, a.date.isoformat() if a.date else None,
                 a.source, a.author, a.error, "\n".join(a.notices) or None, body_hash(a.body),
                 fold(a.source or "")),
            )
            if self.has_fts:
                conn.execute(
                    "INSERT INTO fts (rowid, title, body, source, actors, quotes) VALUES (?,?,?,?,'','')",
                    (cur.lastrowid, index_text(a.title), index_text(a.body), index_text(a.source or "")),
                )

    def _store_analysis(self, article: Article, body: str, analysis: Analysis) -> None:
        conn = self._conn
        row = conn.execute(
            "SELECT id, hash FROM articles WHERE path=? AND idx=?", (path_key(article.path), article.index)
        ).fetchone()
        if row is None or row[1] != body_hash(body):
            return  # the file changed meanwhile: this analysis is stale
        conn.execute(
            "UPDATE articles SET quotes=?, analysis=? WHERE id=?",
            (len(analysis.quotes), analysis_to_json(analysis), row[0]),
        )
        if self.has_fts:
            conn.execute(
                "UPDATE fts SET actors=?, quotes=? WHERE rowid=?",
                (actor_text(analysis), quote_text(analysis), row[0]),
            )

    def _delete_path(self, path: bytes) -> None:
        conn = self._conn
        if self.has_fts:
            conn.execute("DELETE FROM fts WHERE rowid IN (SELECT id FROM articles WHERE path=?)", (path,))
        conn.execute("DELETE FROM articles WHERE path=?", (path,))
        conn.execute("DELETE FROM files WHERE path=?", (path,))

    def forget(self, paths: Iterable[str]) -> None:
        """Files that are gone from the folder."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for p in paths:
                    self._delete_path(path_key(p))
                self._conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def store_analyses(self, items: Sequence[tuple[Article, str, Analysis]]) -> None:
        """Analyses (with the body they were made from) in one transaction; updates actor/quote search.

        An analysis SQLite refuses (text it can't encode) is skipped on its own: it is made again when
        needed. SQLite errors (locked, disk full) raise.
        """
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                for article, body, analysis in items:
                    conn.execute("SAVEPOINT one_analysis")
                    try:
                        self._store_analysis(article, body, analysis)
                    except (ValueError, OverflowError):  # UnicodeEncodeError included
                        conn.execute("ROLLBACK TO one_analysis")
                    conn.execute("RELEASE one_analysis")
                conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    # ----------------------------------------------------------------------------------- filter

    def filter_ids(self, query: FilterQuery, cancelled: Callable[[], bool] = lambda: False) -> Sequence[int] | None:
        """Row ids of the articles matching `query` (its SQL backend); None when FTS can't answer or the
        query was cancelled (a newer keystroke: SQLite stops the statement within a few thousand steps).

        Ids, not paths: the session maps them to list positions with one list look-up each, which is
        what keeps a one-letter filter at 100,000 articles in tens of milliseconds.
        """
        if not self.has_fts:
            return None
        where, params = query.to_sql()
        sql = f"SELECT a.id FROM articles a WHERE {where}"
        if query.fts_only:  # the common case, plain words and phrases: no join needed
            sql, params = "SELECT rowid AS id FROM fts WHERE fts MATCH ?", params
        try:
            with self._read_lock:
                self._reader.set_progress_handler(lambda: 1 if cancelled() else 0, CANCEL_CHECK_STEPS)
                try:
                    # One row, the ids joined by SQLite: the sqlite3 module takes the interpreter lock back
                    # after every row it steps, and while the UI thread paints a key's echo each take waits
                    # for its switch interval, so 20,000 rows streamed one by one cost a 3-letter prefix
                    # twice its CPU time in wall time. (Parsed into an array: no list of row tuples.)
                    joined = self._reader.execute(f"SELECT group_concat(id) FROM ({sql})", params).fetchone()[0]
                finally:
                    self._reader.set_progress_handler(None, 0)
        except sqlite3.Error:
            return [] if cancelled() else None  # (a cancelled result is discarded by the caller)
        return array("q", map(int, joined.split(","))) if joined else array("q")

    def row_ids(self) -> Iterator[tuple[int, str, int]]:
        """(row id, path, index) of every article, streamed: for mapping `filter_ids` onto a list."""
        with self._read_lock:
            cursor = self._reader.execute("SELECT id, path, idx FROM articles")
        while True:
            with self._read_lock:
                rows = cursor.fetchmany(4096)
            if not rows:
                return
            for row_id, path, idx in rows:
                yield row_id, _py(path), idx


def open_index(folder: Path) -> tuple[FolderIndex | None, str | None]:
    """The folder's index, or (None, reason) when the cache can't be used: never fatal."""
    try:
        index = FolderIndex.open(folder)
        return index, index.notice
    except IndexUnavailable as exc:
        return None, f"Working without the index: {exc}."
    except (OSError, sqlite3.Error) as exc:
        return None, f"Working without the index: {exc}."
