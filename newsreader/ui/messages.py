"""Messages posted by workers; handlers on the App apply them to widgets (workers never touch widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from newsreader.analysis.model import Analysis
    from newsreader.articles import Article
    from newsreader.state import ReadState
    from newsreader.unread import FolderUnread


@dataclass
class FolderLoaded(Message):
    """A (new) sorted list of the folder's articles: partial while indexing, final when in step."""

    articles: Sequence[Article]
    final: bool
    notice: str | None
    changed: bool = False  # a live reload found changes
    first_page: bool = False  # a warm folder's first screenful, before the first paint: open its top article
    unread: FolderUnread | None = None  # a final list's unread counter, made in the worker (its keys take a while)


@dataclass
class IndexProgress(Message):
    """Cold indexing: `done` of `todo` files read."""

    done: int
    todo: int
    stage: str = "indexing"  # "listing" while titles are still arriving

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class QuoteCounts(Message):
    """Background analysis finished these articles: (key, number of quotations)."""

    counts: list[tuple[str, int]]


@dataclass
class AnalysisReady(Message):
    """An article's analysis is ready (from the cache or a worker)."""

    key: str
    analysis: Analysis


@dataclass
class ArticleLoaded(Message):
    """A big article's body was read in a worker."""

    key: str
    article: Article


class Polled(Message):
    """A live-reload poll found nothing new (schedule the next one)."""


class FolderActorsReady(Message):
    """The folder-wide actor index has been counted (the "Actor…" palette can list everyone)."""


@dataclass
class ReadStateLoaded(Message):
    """The read marks and last positions, read from the state file in the loading worker."""

    state: ReadState
