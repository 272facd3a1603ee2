"""A folder of articles: recursive scan, folder config, ordering and load errors.

Scanning is separate from loading so the UI can show paths at once and fill titles in from a worker.
The folder is only ever read: nothing here writes into it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from newsreader.analysis.model import ActorHint
from newsreader.articles import (
    ARTICLE_SUFFIXES,
    Article,
    default_residue,
    load_file,
    normalise_residue,
    parse_hints,
    read_text,
    safe_yaml,
)
from newsreader.sanitize import clean_line

FOLDER_CONFIG = "newsreader.yaml"
MAX_DEPTH = 128  # folders nested deeper than this are reported, not scanned
MAX_CONFIG_BYTES = 1024 * 1024
PROGRESS_SECONDS = 0.25  # a scan reports what it has at least this often (a slow file must not hide the rest)


@dataclass(slots=True)
class FolderConfig:
    """The optional `newsreader.yaml` of a folder: extra actor hints and residue lines."""

    hints: tuple[ActorHint, ...] = ()
    residue: frozenset[str] = frozenset()
    problem: str | None = None


def read_folder_config(folder: Path) -> FolderConfig:
    path = folder / FOLDER_CONFIG
    if not path.is_file():
        return FolderConfig(residue=default_residue())
    try:
        text, _notices, size, _mtime = read_text(path, MAX_CONFIG_BYTES)
        if size > MAX_CONFIG_BYTES:
            raise ValueError(f"larger than {MAX_CONFIG_BYTES // 1024 // 1024} MiB, ignored")
        data = safe_yaml(text)
    except (OSError, ValueError) as exc:
        return FolderConfig(residue=default_residue(), problem=f"{FOLDER_CONFIG}: {clean_line(str(exc), 200)}")
    if not isinstance(data, dict):
        return FolderConfig(residue=default_residue(), problem=f"{FOLDER_CONFIG}: expected a mapping")
    problems: list[str] = []
    hints = parse_hints(data.get("actors"), problems)
    extra = data.get("residue") or []
    residue = default_residue() | {normalise_residue(s) for s in extra if isinstance(s, str)} if isinstance(extra, list) else default_residue()
    return FolderConfig(hints, residue, f"{FOLDER_CONFIG}: {'; '.join(problems)}" if problems else None)


def iter_article_paths(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Article files below `root`: (path, error or None). See `iter_article_files`."""
    for path, _st, error in iter_article_files(root):
        yield path, error


def iter_article_files(root: Path) -> Iterator[tuple[Path, os.stat_result | None, str | None]]:
    """Article files below `root`, depth-first in name order: (path, error or None).

    Hidden entries are skipped; symlinked folders are followed once (loops are detected by inode) when
    they lead somewhere inside `root` (a link out of it, say to `/`, is not followed);
    folders that can't be listed, broken links and things that are not regular files (a FIFO named
    `x.txt` would block whoever opens it) are reported as errors rather than dropped silently.
    """
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path, depth: int) -> Iterator[tuple[Path, os.stat_result | None, str | None]]:
        try:
            st = folder.stat()
        except OSError as exc:
            yield folder, None, f"cannot open folder: {clean_line(exc.strerror or str(exc), 200)}"
            return
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            return  # symlink loop or second link to a folder already scanned
        seen.add(ident)
        if depth > MAX_DEPTH:
            yield folder, None, f"folder nested deeper than {MAX_DEPTH} levels: not scanned"
            return
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield folder, None, f"cannot list folder: {clean_line(exc.strerror or str(exc), 200)}"
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                if entry.is_symlink() and not _inside(Path(entry.path), real_root):
                    # a link out of the folder (to / or a home directory) would scan the whole disk
                    continue
                yield from walk(Path(entry.path), depth + 1)
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES) and entry.name != FOLDER_CONFIG:
                try:
                    file_stat = entry.stat()  # follows symlinks
                except OSError as exc:
                    yield Path(entry.path), None, _entry_error(entry, exc)
                    continue
                if not stat.S_ISREG(file_stat.st_mode):
                    yield Path(entry.path), None, "not a regular file (a pipe, socket or device): not read"
                    continue
                yield Path(entry.path), file_stat, None

    real_root = _real(root)
    yield from walk(root, 0)


def _entry_error(entry: os.DirEntry, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "broken link: a symlink loop"
    if exc.errno == errno.ENOENT:
        return "broken link (its target does not exist)" if entry.is_symlink() else "vanished during the scan"
    return f"unreadable entry: {clean_line(exc.strerror or str(exc), 200)}"


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _inside(link: Path, real_root: Path) -> bool:
    """Does the symlinked folder `link` lead to a place inside the folder being read?"""
    target = _real(link)
    return target == real_root or real_root in target.parents


def sort_key(article: Article) -> tuple[int, int, str, str]:
    """Newest first, undated last, then by title (case-insensitive), then by path."""
    ordinal = article.date.toordinal() if article.date else 0
    return (0 if article.date else 1, -ordinal, article.title.casefold(), article.key)


@dataclass
class Library:
    """Everything loaded from one folder (or one file)."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    config: FolderConfig = field(default_factory=FolderConfig)

    @property
    def errors(self) -> list[Article]:
        return [a for a in self.articles if a.error]

    @property
    def folder(self) -> Path:
        return self.root if self.root.is_dir() else self.root.parent

    def hints_for(self, article: Article) -> tuple[ActorHint, ...]:
        """Front-matter hints first (they win), then the folder's."""
        return article.hints + self.config.hints


def scan(root: Path | str, progress: Callable[[list[Article]], None] | None = None, batch: int = 500) -> Library:
    """Load every article below `root` (a folder, or a single article file).

    `progress` is called with each batch of newly loaded articles, so a UI can show titles as they come.
    """
    root = Path(root)
    if not root.is_dir():  # one article file (or something that is not a folder: load_file says what)
        config = read_folder_config(root.parent)
        articles = load_file(root, config.residue)
        if progress:
            progress(articles)
        return Library(root, articles, config)
    config = read_folder_config(root)
    library = Library(root, [], config)
    pending: list[Article] = []
    last = time.monotonic()
    for path, error in iter_article_paths(root):
        if error is not None:
            loaded = [Article(path, clean_line(path.name, 200) or "(unnamed)", error=clean_line(error, 300))]
        else:
            loaded = load_file(path, config.residue)
        pending.extend(loaded)
        if progress and (len(pending) >= batch or time.monotonic() - last > PROGRESS_SECONDS):
            library.articles.extend(pending)
            progress(pending)
            pending = []
            last = time.monotonic()
    library.articles.extend(pending)
    if progress and pending:
        progress(pending)
    library.articles.sort(key=sort_key)
    return library


def format_date(date: dt.date | None) -> str:
    return date.isoformat() if date else ""
