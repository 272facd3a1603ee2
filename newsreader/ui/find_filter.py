"""Find in the article and the folder filter: the App's half of FindBar and FilterBar.

A mixin (message handlers by naming convention) so app.py stays about loading and showing articles.
The searching itself is the pure `newsreader.search` (find) and `newsreader.query` (filter); the filter runs in `Session.filter` in a worker.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from newsreader.ui.filter_bar import FilterBar
from newsreader.ui.find_bar import FindBar
from newsreader.ui.messages import FilterResult

if TYPE_CHECKING:
    from newsreader.articles import Article
    from newsreader.query import FilterQuery

FILTER_DEBOUNCE_S = 0.02  # just enough to merge a burst of keys; every query runs in a worker


def _parse_filter(text: str) -> FilterQuery:
    from newsreader.query import parse_filter

    return parse_filter(text)


def _search() -> ModuleType:
    """`newsreader.search`, imported on first use (it is not needed for the first frame)."""
    from newsreader import search

    return search


class _NoFilter:
    """The filter before anything is typed (a stand-in for an empty `FilterQuery`)."""

    is_empty = True
    needs_analysis = False

    def highlight_terms(self) -> list[str]:
        return []


NO_FILTER = _NoFilter()


class FindFilterMixin:
    """Find state (query, matches, current) and filter state, for NewsReaderApp."""

    find_query: str
    find_regex: bool
    find_word: bool
    find_matches: list[tuple[int, int]]
    find_current: int
    _filter: FilterQuery | _NoFilter
    _filter_text: str
    _filter_timer: Any
    _refilter_pending: bool
    _find_from_filter: bool

    def _init_find_filter(self) -> None:
        self.find_query = ""
        self.find_regex = False
        self.find_word = False
        self.find_matches = []
        self.find_current = -1
        self._filter = NO_FILTER
        self._filter_text = ""
        self._filter_timer = None
        self._refilter_pending = False
        self._find_from_filter = False  # the find shows the filter's words (not typed by the user)

    # --------------------------------------------------------------------------------------- find

    def action_open_find(self) -> None:
        self.find_bar.open()

    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        self._find_from_filter = False
        self.find_query, self.find_regex, self.find_word = message.query, message.regex, message.whole_word
        self._run_find()

    def _run_find(self, *, keep_current: bool = False, scroll: bool = True) -> None:
        """Search the shown document; the current match is the first one at or below the view's top."""
        result = _search().find_matches(self.reader.document.text, self.find_query, regex=self.find_regex,
                              whole_word=self.find_word)
        previous = self.find_matches[self.find_current] if 0 <= self.find_current < len(self.find_matches) else None
        self.find_matches = result.matches
        if not result.matches:
            self.find_current = -1
        elif keep_current and previous in result.matches:
            self.find_current = result.matches.index(previous)
        else:
            top = self.reader.offset_of_line(self.reader.scroll_offset.y)
            self.find_current = _search().match_index_at_or_after(result.matches, top) % len(result.matches)
        self.reader.set_matches(self.find_matches, self.find_current)
        if result.error:
            self.find_bar.set_status(result.error, error=True)
        elif not self.find_query:
            self.find_bar.set_status("")
        elif not result.matches:
            self.find_bar.set_status("no matches", error=True)
        else:
            self._show_find_position()
            if scroll:
                self.reader.scroll_to_offset(self.find_matches[self.find_current][0])

    def _show_find_position(self) -> None:
        more = "+" if len(self.find_matches) >= 100_000 else ""
        self.find_bar.set_status(f"{self.find_current + 1}/{len(self.find_matches)}{more}")

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        self.action_find_step(message.direction)

    def action_find_step(self, direction: int) -> None:
        if not self.find_matches:
            if self.find_query:
                self.notify("No matches", timeout=1.5)
            return
        search = _search()
        new = search.next_match(self.find_matches, self.find_current, direction)
        if search.did_wrap(self.find_current, new, direction):
            self.notify("Wrapped to the top" if direction > 0 else "Wrapped to the bottom", timeout=1.5)
        self.find_current = new
        self.reader.set_current(new)
        self._show_find_position()
        self.reader.scroll_to_offset(self.find_matches[new][0])

    def on_find_bar_done(self) -> None:
        self.reader.focus()

    def on_find_bar_closed(self) -> None:
        self.close_find()
        self.reader.focus()

    def close_find(self) -> None:
        self._find_from_filter = False
        self.find_bar.close()
        self.find_query, self.find_matches, self.find_current = "", [], -1
        self.reader.set_matches([], -1)

    # ------------------------------------------------------------------------------------- filter

    def set_filter(self, text: str) -> None:
        """Filter the folder by `text` (e.g. `actor:"Ken Hu"` from the actors panel) and go to the list."""
        bar = self.filter_bar
        bar.open()
        bar.set_value(text, quietly=False)  # posts Changed: the filter runs as if typed
        self.article_list.focus()

    def action_open_filter(self) -> None:
        self.filter_bar.open()

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        self._filter_text = message.query
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DEBOUNCE_S, self._run_filter)

    def _run_filter(self) -> None:
        self._filter = _parse_filter(self._filter_text) if self._filter_text.strip() else NO_FILTER
        session = self.session
        if session is None:
            return
        if self._filter.is_empty:
            self.workers.cancel_group(self, "filter")
            self.article_list.set_articles(self.visible_articles(session.articles), keep_key=self._shown_key)
            self.filter_bar.set_status("")
            if self._find_from_filter:
                self.close_find()
            return
        self.filter_library(self._filter_text, self._filter, session.articles)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False, description="filter")
    def filter_library(self, text: str, query: FilterQuery, articles: list[Article]) -> None:
        worker = get_current_worker()
        session = self.session
        if session is None:
            return
        indices = session.filter(query, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(FilterResult(text, [articles[i] for i in indices if i < len(articles)]))

    def on_filter_result(self, message: FilterResult) -> None:
        session = self.session
        if message.query != self._filter_text or session is None:
            return
        shown = message.articles
        total = len(session.articles)
        self.article_list.empty_message = "Nothing matches this filter."
        self.article_list.set_articles(self.visible_articles(shown), keep_key=self._shown_key)
        status = f"{len(shown):,} of {total:,}"
        if self._filter.needs_analysis:
            done, all_ = session.analysed_count()
            if done < all_:
                status += f" · analysing {done:,}/{all_:,}"
        self.filter_bar.set_status(status)
        if self._find_from_filter or not self.find_bar.is_open:
            self._prehighlight_filter()
            if self.find_query:
                self._run_find()

    def _refilter_after_analysis(self) -> None:
        self._refilter_pending = False
        if self._filter.needs_analysis:
            self._run_filter()

    def _prehighlight_filter(self) -> None:
        """Show the filter's words as find matches, so n/N jump between them in an opened article."""
        wanted = self._filter_highlight_query()
        if wanted is None:
            if self._find_from_filter:
                self.close_find()
            return
        query, regex = wanted
        self.find_bar.open(query, regex=regex, focus=False)
        self.find_query, self.find_regex, self.find_word = query, regex, False
        self._find_from_filter = True

    def _filter_highlight_query(self) -> tuple[str, bool] | None:
        """The filter's words as a find query, so n/N jump between them in an opened article."""
        if self._filter.is_empty:
            return None
        terms = [t.lower() for t in self._filter.highlight_terms() if t.strip()]
        if not terms:
            return None
        if len(terms) == 1:
            return terms[0], False
        return "|".join(re.escape(t) for t in terms), True

    def on_filter_bar_done(self) -> None:
        self.article_list.focus()

    def on_filter_bar_cleared(self) -> None:
        self.filter_bar.close()
        self._filter_text = ""
        self._run_filter()
        self.article_list.focus()
