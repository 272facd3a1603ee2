"""A folder of articles: recursive scan, folder config, ordering and load errors.

Scanning is separate from loading so the UI can show paths at once and fill titles in from a worker.
The folder is only ever read: nothing here writes into it.
"""

from __future__ import annotations

import datetime as dt
import os
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
    safe_yaml,
)
from newsreader.sanitize import clean_line

FOLDER_CONFIG = "newsreader.yaml"
MAX_DEPTH = 32


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
        data = safe_yaml(path.read_text(encoding="utf-8", errors="replace")[:1_000_000])
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
    """Article files below `root`, depth-first in name order: (path, error or None).

    Hidden entries are skipped; symlinked folders are followed once (loops are detected by inode);
    folders that can't be listed are reported as errors rather than dropped silently.
    """
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path, depth: int) -> Iterator[tuple[Path, str | None]]:
        try:
            st = folder.stat()
        except OSError as exc:
            yield folder, f"cannot open folder: {exc.strerror or exc}"
            return
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            return  # symlink loop or second link to a folder already scanned
        seen.add(ident)
        if depth > MAX_DEPTH:
            yield folder, f"folder nested deeper than {MAX_DEPTH} levels: not scanned"
            return
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"cannot list folder: {exc.strerror or exc}"
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(Path(entry.path), depth + 1)
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES) and entry.name != FOLDER_CONFIG:
                try:
                    entry.stat()
                except OSError:
                    yield Path(entry.path), "broken link or unreadable entry"
                    continue
                yield Path(entry.path), None

    yield from walk(root, 0)


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
    if root.is_file():
        config = read_folder_config(root.parent)
        articles = load_file(root, config.residue)
        if progress:
            progress(articles)
        return Library(root, articles, config)
    config = read_folder_config(root)
    library = Library(root, [], config)
    pending: list[Article] = []
    for path, error in iter_article_paths(root):
        if error is not None:
            loaded = [Article(path, clean_line(path.name, 200) or "(unnamed)", error=error)]
        else:
            loaded = load_file(path, config.residue)
        pending.extend(loaded)
        if progress and len(pending) >= batch:
            library.articles.extend(pending)
            progress(pending)
            pending = []
    library.articles.extend(pending)
    if progress and pending:
        progress(pending)
    library.articles.sort(key=sort_key)
    return library


def format_date(date: dt.date | None) -> str:
    return date.isoformat() if date else ""
