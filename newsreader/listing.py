"""The folder's entries in list order, kept up to date batch by batch.

Why: while a cold folder is read, titles arrive a few hundred at a time. Sorting the whole list again for
every batch costs a Python call per entry (`library.sort_key`): at 100,000 entries that is a tenth of a
second each time, in the reader's process, holding the interpreter lock the keys wait for. Here a batch
costs Python work for the batch only: each new entry finds its place by a binary search (the listed
entries' keys are computed on the way, ~17 of them per new entry), and the listed entries between two
new ones are copied as one slice. The keys are not kept: at 100,000 entries they were ~22 MiB.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import Any
from newsreader.articles import Article
from newsreader.library import sort_key

# the fields a full read may add to an entry listed from its file's head (its place in the list unchanged)
MAX_STRAYS = 1_000  # entries out of order past which a first list is sorted as a whole
_FILLED_IN = ("body_hash", "notices", "error", "size", "mtime", "quote_count", "source", "author")


def path_text(article: Article) -> str:
    """The entry's path as the folder walk spells it (an index entry keeps it as a string already)."""
    text = getattr(article, "path_text", None)
    return text if text is not None else str(article.path)


class Listing:
    """A folder's entries: by file (`by_path`, changed at once) and in list order (`articles`, brought up
    to date with the changes since it was last asked for).

    A list handed out by `articles` is never changed afterwards (the UI and the filter hold on to it, and
    the filter keys its cached results on its identity): every change makes a new list.
    """

    def __init__(self) -> None:
        self.by_path: dict[str, list[Article]] = {}  # every file's entries, in file order
        self._items: list[Article] = []
        # files changed since the list was last brought up to date -> their entries as it holds them
        self._listed: dict[str, list[Article] | None] = {}
        self.version = 0  # bumped by every change that reaches the list

    def reset(self, entries: Sequence[Article]) -> None:
        """Start over from `entries` (any order; the index gives them almost in list order)."""
        by_path: dict[str, list[Article]] = {}
        for entry in entries:
            by_path.setdefault(path_text(entry), []).append(entry)
        for group in by_path.values():
            if len(group) > 1:
                group.sort(key=lambda a: a.index)
        self.by_path, self._listed = by_path, {}
        self._items = []
        self._merge(entries)
        self.version += 1

    def put(self, path: str, entries: list[Article]) -> None:
        """`path` now holds `entries` (new, re-read, or an error entry)."""
        self._listed.setdefault(path, self.by_path.get(path))
        self.by_path[path] = entries

    def drop(self, path: str) -> None:
        """`path` is gone."""
        if path in self.by_path:
            self._listed.setdefault(path, self.by_path.pop(path))

    def articles(self) -> list[Article]:
        """The entries in list order, with every change so far applied."""
        if self._listed:
            self._apply()
        return self._items

    def _apply(self) -> None:
        listed, self._listed = self._listed, {}
        removed: set[str] = set()
        added: list[Article] = []
        for path, old in listed.items():
            new = self.by_path.get(path)
            if new is old:
                continue
            if new is not None and old is not None and _fill_in(old, new):
                self.by_path[path] = old  # the listed entries stay where they are, with what was learnt
                continue
            if old is not None:
                removed.add(path)
            if new is not None:
                added += new
        if removed:
            self._remove(removed)
        if added:
            self._merge(added)
        else:
            self._items = list(self._items)  # a new list all the same: entries changed in place
        self.version += 1

    def _remove(self, paths: set[str]) -> None:
        """Drop the entries of `paths` (a pass over the list: only for files changed or gone)."""
        self._items = [entry for entry in self._items if path_text(entry) not in paths]

    def _merge(self, added: Sequence[Article]) -> None:
        """Insert `added` where their keys belong: a binary search per new entry, and the listed entries
        between two insertion points copied as one slice (C-level: about a millisecond at 100,000, where
        sorting everything again took 20-50 ms holding the interpreter lock). Into an empty list, the entries already
        in order are taken as they are (`_in_order`) and only the rest is merged."""
        old_items = self._items
        if not old_items:
            old_items, added = _in_order(added)
            if not added:
                self._items = old_items
                return
        batch = sorted(((sort_key(a), a) for a in added), key=itemgetter(0))
        items: list[Article] = []
        start = 0
        for key, entry in batch:
            end = bisect_right(old_items, key, start, key=sort_key)
            items += old_items[start:end]
            items.append(entry)
            start = end
        items += old_items[start:]
        self._items = items


def _in_order(entries: Sequence[Article]) -> tuple[list[Article], list[Article]]:
    """(the entries that are already in list order, the others). Why: sorting 100,000 entries holds a key
    for each at once (~22 MiB at the start's peak); the index gives them almost in order (its collation
    folds only ASCII case), so one pass keeps the ordered ones, holding two keys at a time, and the few
    strays are merged in. Many strays (not from the index): all of them, sorted, as the batch."""
    kept: list[Article] = []
    stray: list[Article] = []
    last: tuple[Any, ...] | None = None
    for entry in entries:
        key = sort_key(entry)
        if last is None or key >= last:
            kept.append(entry)
            last = key
        else:
            stray.append(entry)
            if len(stray) > MAX_STRAYS and len(stray) * 8 > len(kept):
                return [], list(entries)
    return kept, stray


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
