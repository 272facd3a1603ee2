"""The read-state store: which articles have been read, and where the reader was in each folder.

One small JSON file in the XDG state directory (`platformdirs.user_state_dir("newsreader")`, which
honours `$XDG_STATE_HOME` on Linux), never in the articles folder. Writes are atomic: a temporary file in
the same directory, fsynced, then `os.replace`d over the old one, so a crash leaves either the old or
the new state, never half of one.

Articles are keyed by their content (`content_key`: a hash of the title and of the body's digest), not
their path, so a renamed or moved file keeps its read mark. The body digest is the one the folder index
already stores (`index.body_hash`), so entries listed from the index can be keyed without their bodies.
Folders are keyed by their absolute path.

Nothing here raises on bad content: a state file that can't be parsed is moved aside
(`state.json.corrupt-<timestamp>`) and `ReadState.notice` says so, for the UI to show once.

File format (version 1)::

    {"version": 1,
     "articles": {"<content key>": {"read": true, "starred": true}},   # either may be absent
     "last": {"/abs/folder": {"key": "<content key>", "scroll": 1234}}}   # scroll: see remember_position
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol, Sequence

APP_NAME = "newsreader"
STATE_FILE = "state.json"
VERSION = 1
MAX_STATE_BYTES = 32 * 1024 * 1024  # a larger file is not ours (or is broken): set aside
MAX_FOLDERS = 200  # remembered folder positions; the least recently used are forgotten
KEY_LENGTH = 16


class HasContent(Protocol):
    """What `content_key` needs of an article (an `articles.Article` fits)."""

    title: str
    body: str


def body_digest(body: str) -> str:
    """blake2b-96 of the body, hex: the same digest as `index.body_hash`, which the folder index stores
    for every article, so list entries loaded from the index (no body) can be keyed without reading files."""
    from newsreader.articles import body_hash

    return body_hash(body)


def content_key(article: HasContent, body_hash: str | None = None) -> str:
    """A short, stable identity for an article's content: 16 hex digits of
    sha1(title + "\\n" + body digest). The same text under another file name has the same key.

    `body_hash` is `body_digest(article.body)` when already known (the index stores it); pass it for a
    list entry whose body is not loaded. An article object with a `body_hash` attribute (not None) is
    keyed by that attribute.
    """
    digest = body_hash if body_hash is not None else getattr(article, "body_hash", None)
    if digest is None:
        digest = _body_digest_cached(article.body)
    return key_from_digest(article.title, digest)


@lru_cache(maxsize=16384)
def _body_digest_cached(body: str) -> str:
    # str hashes are cached on the object, so looking up the same body again costs a dict probe
    return body_digest(body)


@lru_cache(maxsize=16384)
def key_from_digest(title: str, digest: str) -> str:
    """The content key of an article with this title and body digest."""
    data = f"{title}\n{digest}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:KEY_LENGTH]


def default_state_path() -> Path:
    """`<XDG state dir>/newsreader/state.json` (e.g. ~/.local/state/newsreader/state.json)."""
    import platformdirs  # a Textual dependency; imported here so `import newsreader.state` stays cheap

    return Path(platformdirs.user_state_dir(APP_NAME)) / STATE_FILE


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

    # ----------------------------------------------------------------------------- load and save

    @classmethod
    def load(cls, path: Path | str | None = None) -> ReadState:
        """Read the state file (default: `default_state_path()`); a missing file is an empty state.

        A file that is not valid state JSON is renamed to `<name>.corrupt-<timestamp>` and the returned
        state is empty, with `notice` explaining where the old file went.
        """
        state = cls(Path(path) if path is not None else default_state_path())
        try:
            with open(state.path, "rb") as fh:
                raw = fh.read(MAX_STATE_BYTES + 1)
        except FileNotFoundError:
            return state
        except OSError as exc:
            state.notice = f"Could not read the read-state file {state.path}: {exc.strerror or exc}"
            return state
        try:
            if len(raw) > MAX_STATE_BYTES:
                raise ValueError("too large")
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError, RecursionError):
            state.notice = state._set_aside()
            return state
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

    def _set_aside(self) -> str:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(self.path, target)
        except OSError as exc:
            return (
                f"The read-state file {self.path} is damaged and could not be moved aside "
                f"({exc.strerror or exc}); starting with no read marks."
            )
        return f"The read-state file was damaged: moved it to {target.name}; starting with no read marks."

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
        """Write the file atomically if anything changed (or `force`). Returns None on success, else a
        one-line reason (also kept in `notice`); the in-memory state stays valid either way."""
        data = self.snapshot(force=force)
        return None if data is None else self.write(data)

    def snapshot(self, *, force: bool = False) -> bytes | None:
        """The file's bytes if anything changed (then no longer dirty): cheap, for the UI thread."""
        if not (self.dirty or force):
            return None
        self.dirty = False
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def write(self, data: bytes) -> str | None:
        """Write a `snapshot` atomically (with fsync: slow on some disks, so the UI does it in a worker).
        Returns None on success, else a one-line reason (also kept in `notice`)."""
        try:
            atomic_write(self.path, data)
        except OSError as exc:
            self.dirty = True
            self.notice = f"Could not save read marks to {self.path}: {exc.strerror or exc}"
            return self.notice
        return None

    # ----------------------------------------------------------------------------------- queries

    def is_read(self, article: HasContent | str) -> bool:
        """True if the article (or a content key) is marked read."""
        return _key(article) in self.read

    def set_read(self, article: HasContent | str, read: bool = True) -> bool:
        """Mark the article read or unread. Returns True if that changed anything."""
        key = _key(article)
        if (key in self.read) == read:
            return False
        if read:
            self.read.add(key)
        else:
            self.read.discard(key)
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
        starred = key not in self.starred
        if starred:
            self.starred.add(key)
        else:
            self.starred.discard(key)
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
        self.last.pop(fkey, None)
        self.last[fkey] = entry
        while len(self.last) > MAX_FOLDERS:
            self.last.pop(next(iter(self.last)))
        self.dirty = True


def _key(article: HasContent | str) -> str:
    return article if isinstance(article, str) else content_key(article)


def find_by_key(articles: Sequence[HasContent], key: str, key_of: KeyFunction = content_key) -> int | None:
    """Index of the first article whose content key is `key` (to reopen the last article)."""
    for i, article in enumerate(articles):
        if key_of(article) == key:
            return i
    return None


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same directory and `os.replace`.

    The directory is created (mode 0700) if needed. Raises OSError; never leaves a temporary file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
