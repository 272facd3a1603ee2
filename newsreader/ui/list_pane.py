"""The list side of the screen: the filter bar, the article list and the indexing progress bar.

`ListPane` owns what the list shows: the folder's articles as last loaded, the filter typed in the bar
(parsed by the pure `newsreader.search`, run by `Session.filter` in a worker) and the unread-only switch.
It posts `FilterChanged` so the reader can show the filter's words as find matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import ProgressBar
from textual.worker import get_current_worker

from newsreader.ui.article_list import ArticleList
from newsreader.ui.filter_bar import FilterBar

if TYPE_CHECKING:
    from newsreader.articles import Article
    from newsreader.query import FilterQuery
    from newsreader.session import Session
    from newsreader.ui.read_marks import ReadMarks

FILTER_DEBOUNCE_S = 0.02  # just enough to merge a burst of keys; every query runs in a worker
REFILTER_AFTER_ANALYSIS_S = 0.5


@dataclass
class FilterResult(Message):
    """The articles that match the filter typed as `text`, in list order (from the filter worker)."""

    text: str
    articles: list[Article]


class ListPane(Vertical):
    """Filter bar + article list; see the module docstring."""

    @dataclass
    class FilterChanged(Message):
        """The filter in force changed (None: no filter)."""

        query: FilterQuery | None

    unread_only: reactive[bool] = reactive(False, init=False)
    """Only unread articles are listed (`U`); the header says so."""
    listed: reactive[tuple[int, int]] = reactive((0, 0), init=False)
    """(rows listed, articles in the folder): the header's count."""

    def __init__(self, marks: ReadMarks, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.marks = marks
        self.articles: list[Article] = []  # the folder's articles as last loaded
        self.filter_text = ""
        self.query: FilterQuery | None = None
        self._timer: Any = None
        self._refilter_pending = False

    def compose(self) -> ComposeResult:
        yield FilterBar(id="filter-bar")
        yield ArticleList(id="list")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def filter_bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    @property
    def session(self) -> Session | None:
        return getattr(self.app, "session", None)

    # ------------------------------------------------------------------------------------ content

    def show_articles(self, articles: list[Article], *, keep_key: str | None) -> None:
        """The folder's articles (re)loaded: list them through the filter and the unread switch."""
        self.articles = articles
        if self.query is None:
            self._list(articles, keep_key)
        else:
            self._run_filter()

    def relist(self) -> None:
        """Read marks changed: list again (with unread-only, a just-read article may go)."""
        self.show_articles(self.articles, keep_key=self._current_key())

    def _current_key(self) -> str | None:
        current = self.article_list.current
        return current.key if current is not None else None

    def _list(self, articles: list[Article], keep_key: str | None) -> None:
        shown = self._visible(articles)
        self.article_list.set_articles(shown, keep_key=keep_key)
        self.listed = (len(shown), len(self.articles))
        if self.query is not None:
            self.filter_bar.set_status(self._status(len(shown)))

    def _visible(self, articles: list[Article]) -> list[Article]:
        """With `U`, only the unread (the article under the cursor stays, so the cursor can)."""
        if not self.unread_only:
            return articles
        keep = self._current_key()
        return [a for a in articles if a.key == keep or self.marks.is_unread(a)]

    def step(self, delta: int) -> None:
        """`J`/`K`: the next / previous article from anywhere."""
        self.article_list.action_move(delta)

    def toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only

    def toggle_read(self) -> None:
        """`m`: mark the article under the cursor read or unread."""
        entry = self.article_list.current
        now_read = self.marks.toggle(entry) if entry is not None else None
        if now_read is not None:
            self.notify("Marked read" if now_read else "Marked unread", timeout=1.2)
            if self.unread_only and now_read:
                self.relist()

    def watch_unread_only(self, on: bool) -> None:
        self.notify("Showing unread articles only" if on else "Showing all articles", timeout=1.5)
        self.relist()

    def progress(self, done: int, todo: int) -> None:
        """Cold indexing: a bar over the list while files are read (made on first use)."""
        bar = self.query_one_optional("#index-progress", ProgressBar)
        if bar is None:  # most starts are warm and never need it
            bar = ProgressBar(id="index-progress", show_eta=False)
            self.mount(bar, before=0)
        bar.set_class(done < todo, "-visible")
        bar.update(total=todo, progress=done)

    # ------------------------------------------------------------------------------------- filter

    def open_filter(self) -> None:
        self.filter_bar.open()

    def set_filter_text(self, text: str) -> None:
        """Filter by `text` (e.g. `actor:"Ken Hu"` from the actors panel) as if typed, then the list."""
        self.filter_bar.open()
        self.filter_bar.set_value(text, quietly=False)
        self.article_list.focus()

    @on(FilterBar.Changed)
    def _typed(self, message: FilterBar.Changed) -> None:
        message.stop()
        self.filter_text = message.query
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(FILTER_DEBOUNCE_S, self._run_filter)

    @on(FilterBar.Done)
    def _done(self, message: FilterBar.Done) -> None:
        message.stop()
        self.article_list.focus()

    @on(FilterBar.Cleared)
    def _cleared(self, message: FilterBar.Cleared) -> None:
        message.stop()
        self.clear_filter()

    def clear_filter(self) -> None:
        self.filter_bar.close()
        self.filter_text = ""
        self._run_filter()
        self.article_list.focus()

    def _run_filter(self) -> None:
        from newsreader.query import parse_filter

        parsed = parse_filter(self.filter_text) if self.filter_text.strip() else None
        query = parsed if parsed is not None and not parsed.is_empty else None
        if query != self.query:
            self.query = query
            self.post_message(self.FilterChanged(query))
        session = self.session
        if session is None:
            return
        if query is None:
            self.workers.cancel_group(self, "filter")
            self.filter_bar.set_status("")
            self._list(self.articles, self._current_key())
            return
        self._filter(self.filter_text, query, session, self.articles)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False, description="filter")
    def _filter(self, text: str, query: FilterQuery, session: Session, articles: list[Article]) -> None:
        worker = get_current_worker()
        try:
            indices = session.filter(query, cancelled=lambda: worker.is_cancelled)
        except Exception as exc:  # noqa: BLE001 - shown, logged, and the list stays usable
            self.app.call_from_thread(self.app.report_failure, "filter", exc)
            return
        if not worker.is_cancelled:
            self.post_message(FilterResult(text, [articles[i] for i in indices if i < len(articles)]))

    @on(FilterResult)
    def _filtered(self, message: FilterResult) -> None:
        if message.text != self.filter_text:
            return
        self.article_list.empty_message = "Nothing matches this filter."
        self._list(message.articles, self._current_key())

    def _status(self, shown: int) -> str:
        """"2 of 31" (rows actually listed), "unread" when `U` hides some, and the analysis progress."""
        status = f"{shown:,} of {len(self.articles):,}"
        if self.unread_only:
            status += " unread"
        session = self.session
        if self.query is not None and self.query.needs_analysis and session is not None:
            done, total = session.analysed_count()
            if done < total:
                status += f" · analysing {done:,}/{total:,}"
        return status

    def analysis_progressed(self) -> None:
        """More articles were analysed: an `actor:`/`quote:` filter may match more of them now."""
        if self.query is not None and self.query.needs_analysis and not self._refilter_pending:
            self._refilter_pending = True
            self.set_timer(REFILTER_AFTER_ANALYSIS_S, self._refilter)

    def _refilter(self) -> None:
        self._refilter_pending = False
        if self.query is not None and self.query.needs_analysis:
            self._run_filter()
