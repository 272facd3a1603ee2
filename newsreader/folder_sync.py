"""Keep a list of articles in step with a folder: first load (warm from the index, or cold), then polls.

With an index the list holds body-less entries (`Article.partial`): memory stays flat at any folder size
and bodies are read when an article is opened. Without one (`--no-cache`, or the cache can't be used)
full articles are kept, and the filter scans them in memory.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsreader.articles import Article, body_hash, load_file, load_header
from newsreader.index import FolderIndex, file_stamp, stamp_parts
from newsreader.indexer import IndexerProcess, Streamed
from newsreader.library import FolderConfig, folder_of, iter_article_paths, read_folder_config
from newsreader.listing import EntryList, Listing
from newsreader.listing import path_text as entry_path
from newsreader.sanitize import clean_line

STORE_BATCH = 200
TITLES_FIRST = 200  # with this many files to read, list their titles from the heads first
INDEXER_MIN_FILES = 200  # with this many, a child process (`indexer.py`) reads them in full into the index
WALK_STEP = 256  # files stat-ed between two looks at `cancelled` in a walk


@dataclass(slots=True)
class Changes:
    """What a poll found: paths added or re-read, and paths that are gone.

    Paths only, not their entries: a cold sync streams every file's entries twice (listed, then as
    stored), and holding each file's second set here until the sync ended kept 200,000 objects the
    garbage collector had to walk, over and over, while 100,000 files were indexed (its passes stalled
    keys for 0.2-0.7 s); the entries the list keeps are in `listing`."""

    updated: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    config_changed: bool = False

    def __bool__(self) -> bool:
        return bool(self.updated or self.removed or self.config_changed)


def _error_entry(path: Path, error: str) -> Article:
    return Article(path, clean_line(path.name, 200) or "(unnamed)", error=error)


def _by_path(entries: Sequence[Article]) -> dict[str, list[Article]]:
    """Streamed entries grouped by file (each file's entries arrive together, in order)."""
    groups: dict[str, list[Article]] = {}
    for entry in entries:
        groups.setdefault(entry_path(entry), []).append(entry)
    return groups


def _entries(articles: list[Article], keep_bodies: bool) -> list[Article]:
    if keep_bodies:
        return articles
    return [replace(a, body="", styles=[], partial=True, body_hash=body_hash(a.body)) for a in articles]


class FolderSync:
    """The folder as last seen: path -> its (size, mtime) as one number (`index.file_stamp`) and its entries."""

    def __init__(
        self,
        root: Path,
        index: FolderIndex | None,
        *,
        heads_first: int | None = None,
        use_indexer: bool = True,
        on_entries: Streamed | None = None,
    ) -> None:
        self.root = root
        self.index = index
        self.heads_first = heads_first  # with this many files to read (None: TITLES_FIRST), list heads first
        self.use_indexer = use_indexer  # a big read goes to a child process (the child itself: False)
        # the indexing child streams what it reads through this: heads as they are read, full entries
        # once stored in the index
        self.on_entries = on_entries
        self.listing = Listing()  # the entries, by file and in list order
        self.keep_bodies = index is None or not index.has_fts
        self.config: FolderConfig = FolderConfig()
        self._config_mtime: float | None = None
        # A listed file's stamp (`index.file_stamp`) is its rows' size and mtime (`known_stamp`): no map of
        # every file's stamp is kept (~8 MiB at 100,000 files). Apart: the files listed but not read in
        # full (their heads only; every one of them, after the folder's config changed) and the files
        # read that hold no article.
        self._not_read: set[str] = set()
        self._all_stale = False
        self._empty_files: dict[str, int] = {}
        self.scan_seconds = 0.0
        # Index writes that failed (locked by another process, disk full): those files keep their full
        # articles in `entries`, so nothing is missing from the list or the filter, and every sync retries.
        self._unstored: dict[str, tuple[Path, int, float, list[Article]]] = {}
        self._unforgotten: set[str] = set()
        self._refused: set[str] = set()  # files whose values SQLite refuses: kept in memory for good
        self.problem: str | None = None  # the latest index trouble, in words (None once writes work again)

    # ----------------------------------------------------------------------------------- config

    def _read_config(self) -> bool:
        """(Re)read newsreader.yaml when it changed; True when it did."""
        folder = folder_of(self.root)
        try:
            mtime: float | None = os.stat(folder / "newsreader.yaml").st_mtime
        except OSError:
            mtime = None
        if mtime == self._config_mtime and self.config.residue:
            return False
        self._config_mtime = mtime
        self.config = read_folder_config(folder)
        return True

    # ------------------------------------------------------------------------------------ loads

    def warm_start(self) -> Sequence[Article]:
        """What the index knew last time: shown before the folder is even listed, then `sync` checks it."""
        if self.index is None or self.keep_bodies:
            return []
        try:
            known = self.index.entry_table()
        except sqlite3.Error:
            return []  # the index can't be read now: `sync` reads the folder instead
        self.listing.reset_table(known)
        return self.articles()

    @property
    def entries(self) -> Mapping[str, list[Article]]:
        """path -> its entries (read only: changes go through `_put` and `_drop`)."""
        return self.listing.by_path

    def _put(self, path: str, entries: list[Article], changes: Changes) -> None:
        """`path` now holds `entries`: the one place the list gains or changes a file."""
        changes.updated.add(path)
        self.listing.put(path, entries)

    def _drop(self, path: str) -> None:
        self.listing.drop(path)

    def known_stamp(self, path: str) -> int | None:
        """The stamp of `path` as it was read in full (None: not read, or to be read again)."""
        if self._all_stale or path in self._not_read:
            return None
        stamp = self.listing.file_stamp(path)
        return stamp if stamp is not None else self._empty_files.get(path)

    def _walk(
        self, watched: dict[str, int | None], cancelled: Callable[[], bool] = lambda: False
    ) -> tuple[dict[str, int], dict[str, list[Article]], set[str]] | None:
        """Stat every article file: (the stamps of the files new or changed since they were read, the walk's
        errors as entries, the listed files it did not see). Unchanged files are only marked seen, not kept
        (a map of 100,000 paths and stamps was ~20 MiB at the peak of every poll); the stamps of the few
        `watched` files are put in it. None if `cancelled` (asked every `WALK_STEP` files: the reader's
        polls pause there while keys arrive, a walk of 100,000 files being seconds of the interpreter)."""
        if not self.root.is_dir():
            return self._walk_one(watched)
        changed: dict[str, int] = {}
        errors: dict[str, list[Article]] = {}
        seen = self.listing.seen_marks()
        empty_seen: set[str] = set()
        # a folder listed already is walked in the system's order (only changes are kept: order is moot)
        for walked, (path_text, file_stat, problem) in enumerate(
                iter_article_paths(self.root, ordered=not self.listing.articles())):
            if walked % WALK_STEP == 0 and cancelled():
                return None
            seen.mark(path_text)
            if problem is not None or file_stat is None:
                errors[path_text] = [_error_entry(Path(path_text), problem or "unreadable")]
                continue
            now = file_stamp(file_stat.st_size, file_stat.st_mtime)
            if path_text in watched:
                watched[path_text] = now
            if path_text in self._empty_files:
                empty_seen.add(path_text)
            if self.known_stamp(path_text) != now:
                changed[path_text] = now
        unseen = set(seen.unseen())
        unseen.update(p for p in self._empty_files if p not in empty_seen)
        return changed, errors, unseen

    def _walk_one(self, watched: dict[str, int | None]) -> tuple[dict[str, int], dict[str, list[Article]], set[str]]:
        """`_walk` of a root that is no folder: one article file (`load_file` says what is wrong with it, if
        anything), or nothing (moved or deleted). Whatever else is listed, the files of a folder that was
        here, was not seen: a folder moved away lists its error, not its old files as if still there."""
        seen = self.listing.seen_marks()
        path = str(self.root)
        seen.mark(path)
        try:
            st = self.root.stat()
        except OSError as exc:
            error = f"cannot read: {clean_line(exc.strerror or str(exc), 200)}"
            return {}, {path: [_error_entry(self.root, error)]}, set(seen.unseen())
        now = file_stamp(st.st_size, st.st_mtime)
        if path in watched:
            watched[path] = now
        return ({path: now} if self.known_stamp(path) != now else {}), {}, set(seen.unseen())

    def sync(
        self,
        progress: Callable[[int, int, bool], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Changes:
        """Bring `entries` in line with the folder; re-read only new and changed files.

        `progress(done, todo, new_titles)` is called about every 0.2 s while files are being read (in
        this thread, so it may read `articles()`); `new_titles` is True while the list itself changes.
        """
        started = time.monotonic()
        first = self._config_mtime is None and not self.config.residue
        changes = Changes(config_changed=self._read_config() and not first)
        if changes.config_changed:
            self._all_stale = True  # residue or hints changed: every article must be re-read
        self.articles()  # (every change so far in the list: the walk marks its rows)
        unstored: dict[str, int | None] = dict.fromkeys(self._unstored)
        walked = self._walk(unstored, cancelled)
        if walked is None:
            return changes
        stats, errors, removed = walked
        todo = list(stats)
        self._take_removed(removed, unstored, changes)
        for path, entry_list in errors.items():
            if [e.error for e in self.entries.get(path, [])] != [e.error for e in entry_list]:
                self._put(path, entry_list, changes)
        indexer = self._start_indexer(len(todo))
        # Cold (or a big change): list every title from the files' heads first, then read in full. With
        # the indexing child, the child does both and this process only lists what it streams.
        heads_first = TITLES_FIRST if self.heads_first is None else self.heads_first
        titles_first = indexer is None and len(todo) >= heads_first and not self.keep_bodies
        try:
            if titles_first:
                self._read(todo, stats, changes, progress, cancelled, headers_only=True, new_titles=True)
            indexed = self._indexed(indexer, stats, changes, progress, cancelled)
        finally:
            if indexer is not None:
                indexer.stop()
        rest = [p for p in todo if p not in indexed]
        read_fully = indexed | self._read(
            rest, stats, changes, progress, cancelled, headers_only=False, new_titles=not titles_first
        )
        # the files listed but not read in full are read again by the next sync; those read that hold no
        # article keep their stamp apart
        self._not_read = {p for p in todo if p not in read_fully}
        self._all_stale = False
        self._note_empty_files(read_fully, stats)
        if self.index is not None and not self.keep_bodies:
            self.index.ensure_order_index()
        self.scan_seconds = time.monotonic() - started
        return changes

    def _take_removed(self, removed: set[str], unstored: dict[str, int | None], changes: Changes) -> None:
        """Forget the files gone from the folder, in every record that names them (and in the index)."""
        for path in removed:
            self._drop(path)
            self._unstored.pop(path, None)
            self._refused.discard(path)
            self._empty_files.pop(path, None)
            self._not_read.discard(path)
        if self.index is not None and not self.keep_bodies:
            self._forget(removed | self._unforgotten)
            self._retry_unstored(unstored, changes)
        changes.removed = removed

    def _note_empty_files(self, read_fully: set[str], stats: dict[str, int]) -> None:
        """Files read in full that hold no article keep their stamp apart, so they are not read again."""
        entries = self.entries
        for path in read_fully:
            if not entries.get(path):
                self._empty_files[path] = stats[path]
            else:
                self._empty_files.pop(path, None)

    def _start_indexer(self, todo: int) -> IndexerProcess | None:
        """A child process that reads a big batch in full into the index (see `indexer.py`), or None."""
        if not self.use_indexer or todo < INDEXER_MIN_FILES or self.index is None or self.keep_bodies:
            return None
        return IndexerProcess(self.root, self.index.db_path)

    def _indexed(
        self,
        indexer: IndexerProcess | None,
        stats: dict[str, int],
        changes: Changes,
        progress: Callable[[int, int, bool], None] | None,
        cancelled: Callable[[], bool],
    ) -> set[str]:
        """Follow the indexer: list the entries it streams (each file's head first, then each file as
        stored in the index) and relay its progress, so this process reads no file and no index row.

        Returns the paths it stored as this walk saw them; the rest of the files to read (files it could
        not store, files changed meanwhile) are read here as before. Raises IndexerFailed if the child did
        not finish.
        """
        if indexer is None:
            return set()
        stored: set[str] = set()

        def streamed(entries: Sequence[Article], full: bool) -> None:
            for path_text, group in _by_path(entries).items():
                if path_text not in stats:
                    continue  # (a file this walk did not see: the next sync takes it)
                self._put(path_text, group, changes)
                if full and file_stamp(group[0].size, group[0].mtime) == stats[path_text]:
                    stored.add(path_text)

        if not indexer.wait(progress, cancelled, streamed):
            return set()
        return stored

    def _read(
        self,
        todo: list[str],
        stats: dict[str, int],
        changes: Changes,
        progress: Callable[[int, int, bool], None] | None,
        cancelled: Callable[[], bool],
        *,
        headers_only: bool,
        new_titles: bool,
    ) -> set[str]:
        """Read `todo` (heads only, or in full and into the index); returns the paths read in full.

        `progress(done, todo, new_titles)` says how far this pass is and whether it changed the list.
        """
        batch: list[tuple[Path, int, float, list[Article]]] = []
        done_paths: set[str] = set()
        heads: list[Article] = []  # read since the last progress report (streamed by the indexing child)
        last = time.monotonic()
        for done, path_text in enumerate(todo, 1):
            if cancelled():
                break
            path = Path(path_text)
            size, mtime = stamp_parts(stats[path_text])
            if headers_only:
                entries = load_header(path, self.config.residue)
            else:
                articles = load_file(path, self.config.residue)
                if self.index is not None and not self.keep_bodies:
                    batch.append((path, size, mtime, articles))
                entries = _entries(articles, self.keep_bodies)
                done_paths.add(path_text)
            for entry in entries:
                entry.size, entry.mtime = size, mtime
            self._put(path_text, entries, changes)
            if headers_only:
                heads += entries
            if len(batch) >= STORE_BATCH:
                self._store(batch, changes)
                batch = []
            if progress is not None and time.monotonic() - last > 0.2:
                heads = self._stream(heads, full=False)
                progress(done, len(todo), new_titles)
                last = time.monotonic()
        self._store(batch, changes)
        self._stream(heads, full=False)
        if progress is not None and todo:
            progress(len(todo), len(todo), new_titles)
        return done_paths

    def _stream(self, entries: list[Article], *, full: bool) -> list[Article]:
        """Hand entries to `on_entries` (the indexing child: to the reader); returns a new empty batch."""
        if entries and self.on_entries is not None:
            self.on_entries(entries, full)
        return []

    def _store(self, batch: list[tuple[Path, int, float, list[Article]]], changes: Changes) -> None:
        """Write read files to the index; a file it can't take keeps its full articles in `entries`."""
        if not batch or self.index is None:
            return
        try:
            refused = {str(p) for p in self.index.store_files(batch)}
        except (sqlite3.Error, OSError) as exc:
            self.problem = (
                f"The index could not be updated ({clean_line(str(exc), 120)}): {len(batch):,} files are kept"
                " in memory so the list and the filter stay complete; retrying."
            )
            for item in batch:
                self._keep_in_memory(item, changes)
                self._unstored[str(item[0])] = item
            return
        stored: list[Article] = []
        for item in batch:
            path_text = str(item[0])
            self._unstored.pop(path_text, None)
            if path_text in refused:
                self._refused.add(path_text)
                self._keep_in_memory(item, changes)
            else:
                stored += self.entries.get(path_text, ())
        self._stream(stored, full=True)
        if not self._unstored and not self._unforgotten:
            self.problem = None

    def _keep_in_memory(self, item: tuple[Path, int, float, list[Article]], changes: Changes) -> None:
        path, size, mtime, articles = item
        for article in articles:
            article.size, article.mtime = size, mtime
        self._put(str(path), articles, changes)

    def _retry_unstored(self, walked: dict[str, int | None], changes: Changes) -> None:
        """Write again what an earlier sync could not (unchanged files only: changed ones are re-read);
        `walked`: their stamps as the walk saw them."""
        retry = [item for p, item in self._unstored.items() if walked.get(p) == file_stamp(item[1], item[2])]
        self._unstored = {}
        if not retry:
            return
        self._store(retry, changes)
        for path, _size, _mtime, articles in retry:
            if str(path) not in self._unstored and str(path) not in self._refused:
                self._put(str(path), _entries(articles, keep_bodies=False), changes)

    def _forget(self, paths: set[str]) -> None:
        """Drop gone files from the index; if it is locked, try again at the next sync."""
        if not paths or self.index is None:
            return
        try:
            self.index.forget(paths)
        except (sqlite3.Error, OSError) as exc:
            self._unforgotten = set(paths)
            self.problem = f"The index could not be updated ({clean_line(str(exc), 120)}); retrying."
        else:
            self._unforgotten = set()

    def articles(self) -> EntryList:
        """Every entry, in list order (a new list after any change; see `listing.Listing`)."""
        return self.listing.articles()

    def load_body(self, entry: Article) -> Article:
        """The full article behind a list entry (reads the file; never raises)."""
        if not entry.partial:
            return entry
        articles = load_file(entry.path, self.config.residue)
        article = next((a for a in articles if a.index == entry.index), articles[0])
        if (article.size, article.mtime) == (entry.size, entry.mtime) and article.quote_count is None:
            # the same version of the file: the index's quotation count holds until the analysis is loaded
            article.quote_count = entry.quote_count
        return article
