"""The folder's entries in list order, kept up to date batch by batch.

Why: while a cold folder is read, titles arrive a few hundred at a time. Sorting the whole list again for
every batch costs a Python call per entry (`library.sort_key`): at 100,000 entries that is a tenth of a
second each time, in the reader's process, holding the interpreter lock the keys wait for. Here each
entry's sort key is computed once and kept beside it, so a batch costs Python work for the batch only;
merging it in is one C-level sort over the kept keys (two sorted runs: a few milliseconds at 100,000).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsreader.articles import Article
from newsreader.library import sort_key

# the fields a full read may add to an entry listed from its file's head (its place in the list unchanged)
_FILLED_IN = ("body_hash", "notices", "error", "size", "mtime", "quote_count", "source", "author")


def path_text(article: Article) -> str:
    """The entry's path as the folder walk spells it (an index entry keeps it as a string already)."""
    text = getattr(article, "path_text", None)
    return text if text is not None else str(article.path)


class Listing:
    """Entries in list order; changes are queued by path and applied when the list is next asked for.

    A list handed out by `articles` is never changed afterwards (the UI and the filter hold on to it, and
    the filter keys its cached results on its identity): every change makes a new list.
    """

    def __init__(self) -> None:
        self._items: list[Article] = []
        self._keys: list[tuple[Any, ...]] = []
        self._pending: dict[str, list[Article] | None] = {}  # path -> its new entries (None: gone)
        self._paths: dict[str, list[Article]] = {}  # path -> its entries as listed
        self.version = 0  # bumped by every change that reaches the list

    def reset(self, entries: Iterable[Article]) -> None:
        """Start over from `entries` (any order)."""
        self._pending.clear()
        self._paths = {}
        for entry in entries:
            self._paths.setdefault(path_text(entry), []).append(entry)
        self._items, self._keys = [], []
        self._merge([e for group in self._paths.values() for e in group])
        self.version += 1

    def put(self, path: str, entries: list[Article]) -> None:
        """`path` now holds `entries` (new, re-read, or an error entry)."""
        self._pending[path] = entries

    def drop(self, path: str) -> None:
        """`path` is gone."""
        self._pending[path] = None

    @property
    def changed(self) -> bool:
        return bool(self._pending)

    def articles(self) -> list[Article]:
        """The entries in list order, with every queued change applied."""
        if self._pending:
            self._apply()
        return self._items

    def _apply(self) -> None:
        pending, self._pending = self._pending, {}
        removed: set[str] = set()
        added: list[Article] = []
        for path, entries in pending.items():
            old = self._paths.get(path)
            if entries is None:
                if old is not None:
                    removed.add(path)
                    del self._paths[path]
            elif old is not None and old is not entries and _fill_in(old, entries):
                continue  # the same entries in the same places, more known about them (a full read)
            elif old is not entries:
                if old is not None:
                    removed.add(path)
                self._paths[path] = entries
                added += entries
        if removed:
            self._remove(removed)
        if added:
            self._merge(added)
        else:
            self._items = list(self._items)  # a new list all the same: entries changed in place
        self.version += 1

    def _remove(self, paths: set[str]) -> None:
        """Drop the entries of `paths` (a pass over the list: only for files changed or gone)."""
        keep = [i for i, entry in enumerate(self._items) if path_text(entry) not in paths]
        self._items = [self._items[i] for i in keep]
        self._keys = [self._keys[i] for i in keep]

    def _merge(self, added: Sequence[Article]) -> None:
        items = self._items + list(added)
        keys = self._keys + [sort_key(a) for a in added]
        order = sorted(range(len(keys)), key=keys.__getitem__)  # C-level: no Python call per entry
        self._items = list(map(items.__getitem__, order))
        self._keys = list(map(keys.__getitem__, order))


def _fill_in(old: list[Article], new: list[Article]) -> bool:
    """Copy what a full read learnt into the listed entries, if they are body-less entries that stay where
    they are in the list (same count, titles, sort keys); False otherwise (the caller replaces them)."""
    if len(old) != len(new) or not all(a.partial and b.partial for a, b in zip(old, new, strict=True)):
        return False
    if any(a.title != b.title or sort_key(a) != sort_key(b) for a, b in zip(old, new, strict=True)):
        return False  # (the key folds the title's case: "Alpha" and "alpha" share one)
    for listed, read in zip(old, new, strict=True):
        for name in _FILLED_IN:
            setattr(listed, name, getattr(read, name))
    return True
