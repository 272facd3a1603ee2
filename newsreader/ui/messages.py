"""Messages posted by workers; handlers on the App apply them to widgets (workers never touch widgets)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from newsreader.analysis.model import Analysis
from newsreader.articles import Article
from newsreader.library import Library


@dataclass
class ArticlesFound(Message):
    """A batch of articles loaded while the folder is still being scanned."""

    articles: list[Article]


@dataclass
class LibraryLoaded(Message):
    """The whole folder is loaded (sorted)."""

    library: Library


@dataclass
class AnalysisReady(Message):
    """An article's analysis is ready (from the cache or a worker)."""

    key: str
    analysis: Analysis


@dataclass
class FilterResult(Message):
    """Indices (into the library's articles) that match the filter typed as `query`."""

    query: str
    indices: list[int]
