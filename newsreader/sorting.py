"""The orders the article list can be sorted in (`s` cycles them): pure keys over list entries.

The folder is always loaded newest first (`library.sort_key`); another order is applied to what the
list shows. Every order ends with the folder's own order as the tie-break, so it is total and stable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Callable, Mapping, Sequence

if TYPE_CHECKING:  # the header imports the labels at start-up: the loader (and yaml) load later
    from newsreader.articles import Article

SORTS = ("newest", "oldest", "title", "source", "quotes")
DEFAULT_SORT = "newest"
LABELS = {
    "newest": "newest first",
    "oldest": "oldest first",
    "title": "by title",
    "source": "by source",
    "quotes": "most quotations",
}


def next_sort(name: str) -> str:
    """The order after `name` in the cycle (an unknown name starts the cycle again)."""
    return SORTS[(SORTS.index(name) + 1) % len(SORTS)] if name in SORTS else DEFAULT_SORT


def sort_articles(
    articles: Sequence[Article], order: str, quote_counts: Mapping[str, int] | None = None
) -> list[Article]:
    """`articles` in `order`. Undated articles, those without a source and those whose quotations are
    not counted yet come last in the orders that need them. The sort is stable: pass `articles` in the
    folder's order (`library.sort_key`, as the list holds them) and ties keep it."""
    if order not in SORTS or order == DEFAULT_SORT:
        from newsreader.library import sort_key

        return sorted(articles, key=sort_key)
    return sorted(articles, key=key_function(order, quote_counts or {}))


def key_function(order: str, quote_counts: Mapping[str, int]) -> Callable[[Article], tuple[object, ...]]:
    """The sort key of `order` other than newest first (see `sort_articles`): only what the order
    compares, so sorting 100,000 entries stays well under a second."""
    if order == "oldest":
        return lambda a: (a.date is None, a.date.toordinal() if a.date else 0)
    if order == "title":
        return lambda a: (a.title.casefold(),)
    if order == "source":
        return lambda a: (not a.source, (a.source or "").casefold())

    def by_quotes(a: Article) -> tuple[object, ...]:
        count = quote_counts.get(a.key, a.quote_count)
        return (count is None, -(count or 0))

    return by_quotes
