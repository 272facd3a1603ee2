"""The read-state store: which articles have been read, and where the reader was in each folder.

One small JSON file in the XDG state directory (`platformdirs.user_state_dir("newsreader")`, which
honours `$XDG_STATE_HOME` on Linux), never in the articles folder. Writes are atomic: a temporary file in
the same directory, fsynced, then `os.replace`d over the old one, so a crash leaves either the old or
the new state, never half of one.

Several instances may run at once, so a save never writes this instance's whole memory over the file:
it takes an exclusive `flock` on `.state.json.lock`, reads the file as it is now, applies only the
changes made here since the last save (marks set or cleared, positions moved) and writes the result.
Temporary files left by a writer killed mid-save are removed under that lock. The state file and the
lock are opened like article files (`regular_files`): non-blocking, and only if they are regular files,
so a FIFO at the state path can't hang the reader.

Articles are keyed by their content (`content_keys.content_key`), not their path, so a renamed or moved
file keeps its read mark.
Folders are keyed by their absolute path.

Nothing here raises on bad content: a state file that can't be parsed is moved aside
(`state.json.corrupt-<timestamp>`) and `ReadState.notice` says so, for the UI to show once.

File format (version 1)::

    {"version": 1,
     "articles": {"<content key>": {"read": true, "starred": true}},   # either may be absent
     "last": {"/abs/folder": {"key": "<content key>", "scroll": 1234}}}   # scroll: see remember_position
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreader.content_keys import HasContent, content_key
from newsreader.regular_files import open_regular, read_regular

STATE_FILE = "state.json"
VERSION = 1
MAX_STATE_BYTES = 32 * 1024 * 1024  # a larger file is not ours (or is broken): set aside
MAX_FOLDERS = 200  # remembered folder positions; the least recently used are forgotten
LOCK_ATTEMPTS = 100  # tries for the lock, LOCK_PAUSE_S apart, before a save gives up (and is kept for later)
LOCK_PAUSE_S = 0.02


def default_state_path() -> Path:
    """`<XDG state dir>/newsreader/state.json` (e.g. ~/.local/state/newsreader/state.json)."""
    from newsreader.cache_paths import state_dir

    return state_dir() / STATE_FILE


def folder_key(folder: Path | str) -> str:
    """The key of a folder in `last`: its absolute, resolved path."""
    path = Path(folder).expanduser()
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


KeyFunction = Callable[[Any], str]


@dataclass
class ReadState:
    """Read marks and last positions, loaded from and saved to one JSON file.

    Use `ReadState.load()`; show `notice` (if not None) to the user once; call `save()` after changes
    (it writes only when something changed). All methods are cheap and never raise on bad data.
    """

    path: Path
    read: set[str] = field(default_factory=set)
    starred: set[str] = field(default_factory=set)  # kept for later (`*`), by content like the marks
    last: dict[str, tuple[str, int]] = field(default_factory=dict)  # folder key -> (article key, scroll)
    notice: str | None = None  # one line for the UI: a corrupt file set aside, a failed save …
    dirty: bool = False
    # what changed here since the last snapshot: what a save applies to the file as it is then
    _marks: dict[str, bool] = field(default_factory=dict, repr=False)  # content key -> read
    _stars: dict[str, bool] = field(default_factory=dict, repr=False)  # content key -> starred
    _moves: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)  # folder key -> position
    _journal_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # ----------------------------------------------------------------------------- load and save

    @classmethod
    def load(cls, path: Path | str | None = None) -> ReadState:
        """Read the state file (default: `default_state_path()`); a missing file is an empty state.

        A file that is not valid state JSON, or not a regular file at all (a FIFO would block the
        reader), is renamed to `<name>.corrupt-<timestamp>` and the returned state is empty, with
        `notice` explaining where the old file went.
        """
        state = cls(Path(path) if path is not None else default_state_path())
        if _stale_temporaries(state.path):  # a save killed half-way: tidy up now, if no one is saving
            try:
                with FileLock(state.path, attempts=1):
                    pass
            except OSError:
                pass
        data, state.notice = _read_state_file(state.path)
        if data is not None:
            state._absorb(data)
        return state

    def _absorb(self, data: dict[Any, Any]) -> None:
        """Take every well-formed entry of a parsed file; malformed entries are skipped, not fatal."""
        articles = data.get("articles")
        if isinstance(articles, dict):
            for key, entry in articles.items():
                if isinstance(key, str) and isinstance(entry, dict):
                    if entry.get("read") is True:
                        self.read.add(key)
                    if entry.get("starred") is True:
                        self.starred.add(key)
        last = data.get("last")
        if isinstance(last, dict):
            for folder, entry in last.items():
                if not (isinstance(folder, str) and isinstance(entry, dict)):
                    continue
                key, scroll = entry.get("key"), entry.get("scroll", 0)
                if isinstance(key, str) and isinstance(scroll, int) and not isinstance(scroll, bool):
                    self.last[folder] = (key, max(0, scroll))

    def to_json(self) -> dict[str, Any]:
        """The file's content (version 1)."""
        return {
            "version": VERSION,
            "articles": {
                key: {name: True for name, keys in (("read", self.read), ("starred", self.starred)) if key in keys}
                for key in sorted(self.read | self.starred)
            },
            "last": {folder: {"key": key, "scroll": scroll} for folder, (key, scroll) in self.last.items()},
        }

    def save(self, *, force: bool = False) -> str | None:
        """Merge this instance's changes into the file, if anything changed (or `force`). Returns None on
        success, else a one-line reason (also kept in `notice`); the in-memory state stays valid either way."""
        changes = self.snapshot(force=force)
        return None if changes is None else self.write(changes)

    def snapshot(self, *, force: bool = False) -> Changes | None:
        """Every change not yet saved, if anything changed since the last snapshot (or `force`): cheap,
        for the UI thread. A snapshot contains every earlier one that was not written, so when two are
        pending, writing only the newest is enough (and an older one must not be written after it)."""
        with self._journal_lock:
            if not (self.dirty or force):
                return None
            self.dirty = False
            return Changes(dict(self._marks), dict(self._moves), dict(self._stars))

    def write(self, changes: Changes) -> str | None:
        """Apply a `snapshot` to the file as it is now, under the lock, atomically (with fsync: slow on
        some disks, so the UI does it in a worker). Returns None on success, else a one-line reason (also
        kept in `notice`); unsaved changes are kept for the next save."""
        try:
            with FileLock(self.path):
                data, problem = _read_state_file(self.path)
                merged = ReadState(self.path)
                if data is not None:
                    merged._absorb(data)
                else:  # no file (or a damaged one, set aside): all this instance knows is all there is
                    with self._journal_lock:
                        merged.read, merged.last = set(self.read), dict(self.last)
                        merged.starred = set(self.starred)
                changes.apply_to(merged)
                atomic_write(self.path, merged.encoded())
        except OSError as exc:
            with self._journal_lock:
                self.dirty = True
            self.notice = f"Could not save read marks to {self.path}: {exc.strerror or exc}"
            return self.notice
        self._saved(changes)
        if problem:
            self.notice = problem
        return None

    def encoded(self) -> bytes:
        """The file's bytes."""
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _saved(self, changes: Changes) -> None:
        """Forget the changes now in the file (not those changed again since the snapshot)."""
        with self._journal_lock:
            for key, read in changes.marks.items():
                if self._marks.get(key) == read:
                    del self._marks[key]
            for folder, entry in changes.moves.items():
                if self._moves.get(folder) == entry:
                    del self._moves[folder]
            for key, starred in changes.stars.items():
                if self._stars.get(key) == starred:
                    del self._stars[key]

    # ----------------------------------------------------------------------------------- queries

    def is_read(self, article: HasContent | str) -> bool:
        """True if the article (or a content key) is marked read."""
        return _key(article) in self.read

    def set_read(self, article: HasContent | str, read: bool = True) -> bool:
        """Mark the article read or unread. Returns True if that changed anything."""
        key = _key(article)
        if (key in self.read) == read:
            return False
        with self._journal_lock:
            if read:
                self.read.add(key)
            else:
                self.read.discard(key)
            self._marks[key] = read
            self.dirty = True
        return True

    def toggle_read(self, article: HasContent | str) -> bool:
        """Flip the read mark; returns the new value."""
        read = not self.is_read(article)
        self.set_read(article, read)
        return read

    def is_starred(self, article: HasContent | str) -> bool:
        return _key(article) in self.starred

    def toggle_starred(self, article: HasContent | str) -> bool:
        """Star or unstar; returns the new value."""
        key = _key(article)
        with self._journal_lock:
            starred = key not in self.starred
            if starred:
                self.starred.add(key)
            else:
                self.starred.discard(key)
            self._stars[key] = starred
            self.dirty = True
        return starred

    def unread(self, articles: Iterable[HasContent], key_of: KeyFunction = content_key) -> list[int]:
        """Indices of the unread articles of `articles` (for "show unread only"); `key_of` computes the
        content key (pass one that uses the index's body digests for body-less list entries)."""
        return [i for i, a in enumerate(articles) if key_of(a) not in self.read]

    def last_position(self, folder: Path | str) -> tuple[str, int] | None:
        """(content key, position) of the article last open in `folder`, or None."""
        return self.last.get(folder_key(folder))

    def remember_position(self, folder: Path | str, article: HasContent | str, scroll: int) -> None:
        """Remember the article open in `folder` and where the reader was (most recent folder last).

        `scroll` is any non-negative int the UI can restore; the document offset of the first visible line
        (`ArticleView.offset_of_line(scroll_offset.y)`) is best, as it survives a change of terminal width.
        """
        fkey = folder_key(folder)
        entry = (_key(article), max(0, int(scroll)))
        if self.last.get(fkey) == entry:
            return
        with self._journal_lock:
            _move_to_front(self.last, fkey, entry)
            self._moves.pop(fkey, None)
            self._moves[fkey] = entry
            self.dirty = True


@dataclass(frozen=True)
class Changes:
    """What one instance changed between two saves: applied to the file as it is at save time, so
    marks made meanwhile by another instance are kept."""

    marks: dict[str, bool]  # content key -> read (False: marked unread here)
    moves: dict[str, tuple[str, int]]  # folder key -> (article key, scroll), oldest first
    stars: dict[str, bool] = field(default_factory=dict)  # content key -> starred (False: unstarred here)

    def apply_to(self, state: ReadState) -> None:
        for key, read in self.marks.items():
            if read:
                state.read.add(key)
            else:
                state.read.discard(key)
        for folder, entry in self.moves.items():
            _move_to_front(state.last, folder, entry)
        for key, starred in self.stars.items():
            if starred:
                state.starred.add(key)
            else:
                state.starred.discard(key)


def _move_to_front(last: dict[str, tuple[str, int]], folder: str, entry: tuple[str, int]) -> None:
    """`last[folder] = entry` as the most recent folder; the least recently used beyond MAX_FOLDERS go."""
    last.pop(folder, None)
    last[folder] = entry
    while len(last) > MAX_FOLDERS:
        last.pop(next(iter(last)))


def _read_state_file(path: Path) -> tuple[dict[Any, Any] | None, str | None]:
    """(parsed content or None, notice or None). A missing file is (None, None); a damaged one, or one
    that is not a regular file, is set aside; an unreadable one is left alone, with a notice."""
    try:
        raw, _st = read_regular(path, MAX_STATE_BYTES)
    except FileNotFoundError:
        return None, None
    except ValueError as exc:  # a FIFO, device or kernel file where the state file should be
        return None, _set_aside(path, f"was not a regular file ({exc})")
    except OSError as exc:
        return None, f"Could not read the read-state file {path}: {exc.strerror or exc}"
    try:
        if len(raw) > MAX_STATE_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, _set_aside(path, "was damaged")
    return data, None


def _set_aside(path: Path, what: str) -> str:
    """Rename a state file we can't use out of the way (never opening it); the notice says where."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while os.path.lexists(target):
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as exc:
        return (
            f"The read-state file {path} {what} and could not be moved aside "
            f"({exc.strerror or exc}); starting with no read marks."
        )
    return f"The read-state file {what}: moved it to {target.name}; starting with no read marks."


class FileLock:
    """An exclusive `flock` on `.<file>.lock` beside a file changed by read-modify-write (the state file,
    feeds.yaml), held for one change.

    Waits at most LOCK_ATTEMPTS x LOCK_PAUSE_S (another instance's save takes milliseconds; a stopped
    instance must not hang this one), then raises OSError saying `busy`. Temporary files of a writer that
    was killed mid-save are removed once the lock is held: no one else can be writing then.
    """

    def __init__(self, path: Path, attempts: int | None = None,
                 busy: str = "another newsreader is saving its read marks; will try again") -> None:
        self.path = path
        self.attempts = LOCK_ATTEMPTS if attempts is None else attempts
        self.busy = busy
        self.fd = -1

    def __enter__(self) -> FileLock:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = self.path.with_name(f".{self.path.name}.lock")
        try:
            self.fd, _st = open_regular(lock, os.O_RDWR | os.O_CREAT)
        except ValueError as exc:
            raise OSError(f"{lock.name}: {exc}") from None
        for attempt in range(self.attempts):
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if attempt + 1 < self.attempts:
                    time.sleep(LOCK_PAUSE_S)
        else:
            os.close(self.fd)
            raise OSError(self.busy)
        remove_stale_temporaries(self.path)
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)  # closing the descriptor releases the lock


def _stale_temporaries(path: Path) -> list[Path]:
    """`.<name>.*.tmp` files beside `path`: left by a writer killed mid-save, if no save is running."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.parent / name for name in names if name.startswith(prefix) and name.endswith(".tmp")]


def remove_stale_temporaries(path: Path) -> int:
    """Delete the temporaries of killed saves beside `path`; call with the lock held. Returns how many."""
    removed = 0
    for tmp in _stale_temporaries(path):
        try:
            os.unlink(tmp)
            removed += 1
        except OSError:
            pass
    return removed


def _key(article: HasContent | str) -> str:
    return article if isinstance(article, str) else content_key(article)


def find_by_key(articles: Sequence[HasContent], key: str, key_of: KeyFunction = content_key) -> int | None:
    """Index of the first article whose content key is `key` (to reopen the last article)."""
    for i, article in enumerate(articles):
        if key_of(article) == key:
            return i
    return None


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` via a temporary file in the same directory and `os.replace`; the file gets
    `mode` (default: 0600, the temporary file's).

    The directory is created (mode 0700) if needed. Raises OSError; never leaves a temporary file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None:
                os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
