"""What a folder of articles is made of: its article files (a recursive walk), its `newsreader.yaml`,
the folder behind a path, and the list order.

These are the pieces `folder_sync.FolderSync` builds the list from; `session.Session` is the one road
from a path to articles (CLI, TUI and tests). The folder is only ever read: nothing here writes into it.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.articles import (
    ARTICLE_SUFFIXES,
    Article,
    default_residue,
    normalise_residue,
    parse_hints,
    read_text,
    safe_yaml,
)
from newsreader.sanitize import clean_line

if TYPE_CHECKING:
    from newsreader.analysis.model import ActorHint

FOLDER_CONFIG = "newsreader.yaml"
MAX_DEPTH = 128  # folders nested deeper than this are reported, not scanned
MAX_CONFIG_BYTES = 1024 * 1024


def folder_of(path: Path) -> Path:
    """The folder behind a path: the path itself when it is a folder, else the folder holding the file.

    Its `newsreader.yaml` applies, its index is used and its reading position is remembered.
    """
    path = Path(path)
    return path if path.is_dir() else path.parent


@dataclass(slots=True)
class FolderConfig:
    """The optional `newsreader.yaml` of a folder: extra actor hints and residue lines."""

    hints: tuple[ActorHint, ...] = ()
    residue: frozenset[str] = frozenset()
    problem: str | None = None


def read_folder_config(folder: Path) -> FolderConfig:
    """The folder's `newsreader.yaml` (defaults when there is none; a problem is reported, never raised)."""
    path = folder / FOLDER_CONFIG
    if not os.path.lexists(path):  # (a FIFO, a folder, a device or a broken link there is a problem to name)
        return FolderConfig(residue=default_residue())
    try:
        text, _notices, size, _mtime = read_text(path, MAX_CONFIG_BYTES)
        if size > MAX_CONFIG_BYTES:
            raise ValueError(f"larger than {MAX_CONFIG_BYTES // 1024 // 1024} MiB, ignored")
        data = safe_yaml(text)
    except (OSError, ValueError) as exc:
        reason = "a broken link" if not path.exists() else getattr(exc, "strerror", None) or str(exc)
        return FolderConfig(residue=default_residue(), problem=f"{FOLDER_CONFIG}: {clean_line(reason, 200)}")
    if not isinstance(data, dict):
        return FolderConfig(residue=default_residue(), problem=f"{FOLDER_CONFIG}: expected a mapping")
    problems: list[str] = []
    hints = parse_hints(data.get("actors"), problems)
    extra = data.get("residue") or []
    residue = default_residue()
    if isinstance(extra, list):
        residue |= {normalise_residue(s) for s in extra if isinstance(s, str)}
    return FolderConfig(hints, residue, f"{FOLDER_CONFIG}: {'; '.join(problems)}" if problems else None)


def iter_article_files(root: Path) -> Iterator[tuple[Path, os.stat_result | None, str | None]]:
    """Article files below `root`, depth-first in name order: (path, stat or None, error or None)."""
    for path, file_stat, error in iter_article_paths(root):
        yield Path(path), file_stat, error


def iter_article_paths(
    root: Path, *, ordered: bool = True
) -> Iterator[tuple[str, os.stat_result | None, str | None]]:
    """`iter_article_files` with each path as a string. Why: the folder's walk makes no `Path` per file,
    which at 100,000 files also grew the interpreter's table of interned strings (pathlib interns
    every name) by ~7 MiB for good. Not `ordered`: in the order the system lists each folder, one name at
    a time (a folder's names in name order are all held at once: ~12 MiB for 100,000 files, at every
    live-reload poll).

    Hidden entries are skipped; symlinked folders are followed once (loops are detected by inode) when
    they lead somewhere inside `root` (a link out of it, say to `/`, is not followed);
    folders that can't be listed, broken links and things that are not regular files (a FIFO named
    `x.txt` would block whoever opens it) are reported as errors rather than dropped silently.
    """
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path, depth: int) -> Iterator[tuple[str, os.stat_result | None, str | None]]:
        try:
            st = folder.stat()
        except OSError as exc:
            yield str(folder), None, f"cannot open folder: {clean_line(exc.strerror or str(exc), 200)}"
            return
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            return  # symlink loop or second link to a folder already scanned
        seen.add(ident)
        if depth > MAX_DEPTH:
            yield str(folder), None, f"folder nested deeper than {MAX_DEPTH} levels: not scanned"
            return
        try:
            names = _names(folder, ordered)
        except OSError as exc:
            yield str(folder), None, f"cannot list folder: {clean_line(exc.strerror or str(exc), 200)}"
            return
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            file_stat: os.stat_result | None = None
            try:
                file_stat = os.stat(path)  # follows symlinks
            except OSError as exc:
                problem = exc
            if file_stat is not None and stat.S_ISDIR(file_stat.st_mode):
                if os.path.islink(path) and not _inside(Path(path), real_root):
                    # a link out of the folder (to / or a home directory) would scan the whole disk
                    continue
                yield from walk(Path(path), depth + 1)
            elif name.lower().endswith(ARTICLE_SUFFIXES) and name != FOLDER_CONFIG:
                if file_stat is None:
                    yield path, None, _entry_error(path, problem)
                elif not stat.S_ISREG(file_stat.st_mode):
                    yield path, None, "not a regular file (a pipe, socket or device): not read"
                else:
                    yield path, file_stat, None

    real_root = _real(root)
    yield from walk(root, 0)


def _names(folder: Path, ordered: bool) -> Iterator[str]:
    """A folder's names: in name order, or as listed (streamed). Raises OSError if it can't be listed."""
    if not ordered:
        listing = os.scandir(folder)  # (raises here, not at the first name)

        def streamed() -> Iterator[str]:
            with listing:
                for entry in listing:
                    yield entry.name  # (the DirEntry is let go at once: 100,000 of them held ~100 MiB)

        return streamed()
    names = sorted(os.listdir(folder), reverse=True)

    def popped() -> Iterator[str]:
        while names:
            yield names.pop()  # each name let go once walked (100,000 of them are ~10 MiB)

    return popped()


def _entry_error(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "broken link: a symlink loop"
    if exc.errno == errno.ENOENT:
        return "broken link (its target does not exist)" if os.path.islink(path) else "vanished during the scan"
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
