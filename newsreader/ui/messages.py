"""Messages posted by workers; handlers on the App apply them to widgets (workers never touch widgets).

Plain classes with an `__init__`, as Textual's own messages are: each is made on the way to the first
frame, where a dataclass costs ten times a plain class to create (its methods are compiled from source at
import: ~0.5 ms each).
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING, Any

from textual import on
from textual.message import Message

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from textual.app import App

    from newsreader.analysis.model import Analysis
    from newsreader.articles import Article
    from newsreader.state import ReadState
    from newsreader.unread import FolderUnread


class FolderLoaded(Message):
    """A (new) sorted list of the folder's articles: partial while indexing, final when in step.

    `changed`: a live reload found changes; `first_page`: a warm folder's first screenful, before the
    first paint (open its top article); `unread`: a final list's unread counter, made in the worker (its
    keys take a while)."""

    def __init__(self, articles: Sequence[Article], final: bool, notice: str | None, changed: bool = False,
                 first_page: bool = False, unread: FolderUnread | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.final = final
        self.notice = notice
        self.changed = changed
        self.first_page = first_page
        self.unread = unread


class IndexProgress(Message):
    """Cold indexing: `done` of `todo` files read; `stage` is "listing" while titles are still arriving."""

    def __init__(self, done: int, todo: int, stage: str = "indexing") -> None:
        super().__init__()
        self.done = done
        self.todo = todo
        self.stage = stage

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


class QuoteCounts(Message):
    """Background analysis finished these articles: (key, number of quotations)."""

    def __init__(self, counts: list[tuple[str, int]]) -> None:
        super().__init__()
        self.counts = counts


class AnalysisReady(Message):
    """An article's analysis is ready (from the cache or a worker)."""

    def __init__(self, key: str, analysis: Analysis) -> None:
        super().__init__()
        self.key = key
        self.analysis = analysis


class ArticleLoaded(Message):
    """A big article's body was read in a worker."""

    def __init__(self, key: str, article: Article) -> None:
        super().__init__()
        self.key = key
        self.article = article


class Polled(Message):
    """A live-reload poll found nothing new (schedule the next one)."""


class FolderActorsReady(Message):
    """The folder-wide actor index has been counted (the "Actor…" palette can list everyone)."""


class ReadStateLoaded(Message):
    """The read marks and last positions, read from the state file in the loading worker."""

    def __init__(self, state: ReadState) -> None:
        super().__init__()
        self.state = state


def handles(message_type: type[Message]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """`@on(message_type)` for the App's handler of a worker's message, run only while the app is open.
    Workers post from threads and cannot know the app is closing; a message handled while the screen is
    taken down would find its widgets gone (`tests/ui/test_app_closing.py`)."""

    def decorate(handler: Callable[..., None]) -> Callable[..., None]:
        @wraps(handler)
        def while_open(app: App[Any], *args: Any) -> None:
            if app.is_running:
                handler(app, *args)

        return on(message_type)(while_open)

    return decorate
