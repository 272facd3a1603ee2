"""The list side of the screen: the filter bar, the article list and the indexing progress bar.

`ListPane` owns what the list shows: the folder's articles as last loaded, the filter typed in the bar
(parsed by the pure `newsreader.search`, run by `Session.filter` in a worker) and the unread-only switch.
Its `listed_filter` says which filter the listed rows answer: the App watches it, so the reader shows that
filter's words as find matches, and the header its mode, in the frame that shows the rows.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.worker import get_current_worker

from newsreader.listing import take
from newsreader.ui.article_list import ArticleList
from newsreader.ui.choices import remember_choice
from newsreader.ui.frame_hold import FrameHold

if TYPE_CHECKING:
    from newsreader.articles import Article
    from newsreader.query import FilterQuery
    from newsreader.session import Session
    from newsreader.unread import FolderUnread
    from newsreader.ui.app import NewsReaderApp
    from newsreader.ui.filter_bar import FilterBar
    from newsreader.ui.read_marks import ReadMarks

FILTER_DEBOUNCE_S = 0.02  # keys closer than this are a burst, filtered once at its end; every query runs in a worker
FILTER_FRAME_HOLD_S = 0.04  # a filter key's echo waits this long at most for its rows, to be painted with them
REFILTER_AFTER_ANALYSIS_S = 0.5


class FilterResult(Message):
    """The articles that match the filter typed as `text`, in list order (from the filter worker), and
    their `positions` in the folder's list (`ListPane.articles`). (Messages on the way to the first frame
    are plain classes: see `ui/messages.py`.)"""

    def __init__(self, text: str, articles: Sequence[Article], positions: list[int]) -> None:
        super().__init__()
        self.text = text
        self.articles = articles
        self.positions = positions


class ListPane(Vertical):
    """Filter bar + article list; see the module docstring."""

    BLANK = True  # its children cover it (see ReaderScreen)

    # Enter in the filter: a priority binding runs as the App takes the key, so the keys that came in the
    # same read (typed fast, or while the reader was busy) go to the list; the Input's own Enter would run
    # only after they had been typed into the filter
    BINDINGS = [Binding("enter", "filter_done", "Keep the filter, to the list", show=False, priority=True)]

    IN_HEADER = ("listed", "unread", "sort", "unread_only", "starred_only", "listed_filter")
    """The reactives below that the header shows (the App watches them)."""

    unread_only: reactive[bool] = reactive(False, init=False)
    """Only unread articles are listed (`U`); the header says so."""
    starred_only: reactive[bool] = reactive(False, init=False)
    """Only starred articles are listed (`S`); the header says so."""
    sort: reactive[str] = reactive("newest", init=False)
    """The list's order (`s` cycles `sorting.SORTS`); the header says which, and it is remembered (the
    next start takes it, or the config file's, from `apply_config`)."""
    listed: reactive[tuple[int, int]] = reactive((0, 0), init=False)
    """(rows listed, articles in the folder): the header's count."""
    unread: reactive[int] = reactive(0, init=False)
    """Unread articles among those listed: the header's "12 unread"."""
    listed_filter: reactive[FilterQuery | None] = reactive(None, init=False)
    """The filter the listed rows answer (None: none): set with the rows, so the reader's highlights and
    the header's "filtered" change in the frame that shows them, not a frame (or a query) earlier."""

    def __init__(self, marks: ReadMarks, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.marks = marks
        self.articles: Sequence[Article] = []  # the folder's articles as last loaded
        self.filter_text = ""
        self.filter_query: FilterQuery | None = None
        self._filter_bar: FilterBar | None = None
        self._timer: Any = None
        self._typed_at = 0.0  # monotonic time of the last key typed into the filter
        self._refilter_pending = False
        self._undo_all_read: list[str] = []  # content keys `A` marked read, while `u` can undo it
        self._ranks: tuple[int, str, dict[str, int]] | None = None  # (id of articles, sort, key -> rank)
        self._listed_positions: list[int] | None = None  # their places in `articles` (None: all of them)
        self._unread_counter: FolderUnread | None = None  # for the folder's current list
        self._marks_version = 0  # bumped whenever read marks change
        self._frame_hold: FrameHold | None = None  # a filter key's frame, held for its rows (`frame_hold`)

    def on_unmount(self) -> None:
        if self._frame_hold is not None:
            self._frame_hold.close()

    def compose(self) -> ComposeResult:
        yield ArticleList(id="list")  # the filter bar above it is made on first use (`filter_bar`)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def filter_bar(self) -> FilterBar:
        """The filter bar, made (and its module loaded) the first time it is asked for: most sessions
        never filter, and each widget costs the first frame."""
        if self._filter_bar is None:
            from newsreader.ui.filter_bar import FilterBar

            self._filter_bar = FilterBar(id="filter-bar")
            self.mount(self._filter_bar, before=self.article_list)
            # within the keystroke (a watcher), before the echo could be painted on its own
            self.watch(self._filter_bar.input, "value", self._hold_frame, init=False)
        return self._filter_bar

    @property
    def filter_open(self) -> bool:
        """The filter bar is open (False while it has never been made)."""
        return self._filter_bar is not None and self._filter_bar.is_open

    @property
    def session(self) -> Session | None:
        return getattr(self.app, "session", None)

    # ------------------------------------------------------------------------------------ content

    def loaded(
        self, articles: Sequence[Article], *, keep_key: str | None, final: bool, unread: FolderUnread | None
    ) -> None:
        """A list from the loading worker: the final one (`show_articles`, with its unread counter) or one of a
        cold folder's growing lists (`grow`)."""
        if final:
            self.show_articles(articles, keep_key=keep_key, unread=unread)
        else:
            self.grow(articles, keep_key=keep_key)

    def show_articles(
        self, articles: Sequence[Article], *, keep_key: str | None, unread: FolderUnread | None = None
    ) -> None:
        """The folder's articles (re)loaded: list them through the filter and the unread switch. `unread`:
        their unread counter, if the loading worker made it."""
        self.articles = articles
        if unread is not None and unread.articles is articles:
            self._unread_counter = unread
        if self.filter_query is None:
            self._list(articles, keep_key)
        else:
            self._run_filter()

    def grow(self, articles: Sequence[Article], *, keep_key: str | None) -> None:
        """A cold folder's list grew while its titles are read (many times a second at 100,000 files):
        list it without counting the unread, a pass over every row that the header does not show until
        the folder is loaded (the final `show_articles` counts them). With a filter, another order or
        `U`/`S` in force, as `show_articles`."""
        if self.filter_query is not None or self.sort != "newest" or self.unread_only or self.starred_only:
            self.show_articles(articles, keep_key=keep_key)
            return
        self.articles = articles
        self.article_list.set_articles(articles, keep_key=keep_key)
        self.listed = (len(articles), len(articles))

    def relist(self) -> None:
        """Read marks changed: list again (with unread-only, a just-read article may go)."""
        self.show_articles(self.articles, keep_key=self._current_key())

    def _current_key(self) -> str | None:
        current = self.article_list.current
        return current.key if current is not None else None

    def _list(self, articles: Sequence[Article], keep_key: str | None, positions: list[int] | None = None) -> None:
        """List `articles` (the folder's, or the filter's rows at `positions` in it) through `U`/`S` and
        the order, with everything that says what is listed (the counts, the filter's status, the filter
        in force): one frame shows them all (a C-level pass counts the unread, `count_unread`), with the
        echo of the filter key they answer, held for them."""
        visible = self._visible(articles)
        shown = self._sorted(visible)
        if self.articles and not shown:  # an empty folder says so itself (the App's message)
            self.article_list.empty_message = self._empty_reason()
        self.article_list.set_articles(shown, keep_key=keep_key)
        self.listed = (len(shown), len(self.articles))
        self._listed_positions = positions if visible is articles else None
        self.count_unread()
        if self.filter_query is not None:
            self.filter_bar.set_status(self._status(len(shown)))
        self.listed_filter = self.filter_query
        if self._frame_hold is not None:
            self._frame_hold.release()

    def _visible(self, articles: Sequence[Article]) -> Sequence[Article]:
        """With `U`, only the unread (the article under the cursor stays, just read, so the cursor can);
        with `S`, only the starred."""
        if not (self.unread_only or self.starred_only):
            return articles
        keep, marks = self._current_key(), self.marks
        return [a for a in articles if (not self.starred_only or marks.is_starred(a)) and (
            not self.unread_only or a.key == keep or marks.is_unread(a))]

    def _empty_reason(self) -> str:
        """What hid every article of the folder."""
        if self.filter_query is not None:
            return "Nothing matches this filter."
        if self.starred_only:
            if self.unread_only:
                return "Nothing starred and unread here."
            return "Nothing starred here: * stars an article."
        return "No unread articles here."

    def _sorted(self, articles: Sequence[Article]) -> Sequence[Article]:
        """`articles` (in the folder's order, newest first) in the chosen order. The folder's ranks in that
        order are computed once per load and order, so a filter keystroke only looks them up."""
        if self.sort == "newest":
            return articles
        ranks = self._ranks
        if ranks is None or ranks[0] != id(self.articles) or ranks[1] != self.sort:
            from newsreader.sorting import sort_articles

            counts = self.session.quote_counts if self.session is not None else {}
            ordered = sort_articles(self.articles, self.sort, counts)
            ranks = self._ranks = (id(self.articles), self.sort, {a.key: i for i, a in enumerate(ordered)})
        rank = ranks[2]
        return sorted(articles, key=lambda a: rank.get(a.key, len(rank)))

    def marks_changed(self, *, loaded: bool = False) -> None:
        """Read marks or stars changed (`loaded`: were read for the first time): markers and counts."""
        listing = self.article_list
        if loaded:
            listing.is_unread, listing.is_starred = self.marks.is_unread, self.marks.is_starred
        listing.refresh_counts()
        self._marks_version += 1
        self.count_unread()
        self._undo_all_read = []  # `u` undoes `A` only until a mark changes otherwise

    def count_unread(self) -> None:
        """Count the unread among the listed rows (after listing, or when marks change): the folder's or a
        filter's rows by their positions (`unread.FolderUnread`: a C-level pass, ~3 ms at 100,000 rows);
        rows `U`/`S` picked, by their keys."""
        state = self.marks.state
        if state is None:
            self.unread = 0
            return
        listed, positions = self.article_list.articles, self._listed_positions
        if positions is None and len(listed) != len(self.articles):  # `U`/`S` picked the rows
            key_of = self.marks.key_of
            self.unread = len({key_of(a) for a in listed if not a.error} - state.read)
            return
        counter = self._unread_counter
        if counter is None or counter.articles is not self.articles:
            from newsreader.unread import FolderUnread

            counter = self._unread_counter = FolderUnread(self.articles, self.marks.key_of)
        self.unread = counter.count(state.read, (self._marks_version, len(state.read)), positions)

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

    # ------------------------------------------------------------------- habits of a daily reader (issue 16)

    def toggle_star(self) -> None:
        """`*`: star the article under the cursor for later, or unstar it."""
        entry = self.article_list.current
        if entry is None:
            return
        starred = self.marks.toggle_star(entry)
        if starred is None:
            self.notify("A file that could not be read can't be starred" if entry.error
                        else "Stars are not loaded yet", timeout=1.5)
            return
        self.notify("Starred ★ (S lists the starred)" if starred else "Unstarred", timeout=1.5)
        if self.starred_only and not starred:
            self.relist()

    def toggle_starred_only(self) -> None:
        self.starred_only = not self.starred_only

    def watch_starred_only(self, on: bool) -> None:
        self.notify("Showing starred articles only" if on else "Showing all articles", timeout=1.5)
        self.relist()

    def next_unread(self) -> None:
        """`.`: the next unread article below the cursor, wrapping to the top (within what is listed)."""
        listing = self.article_list
        articles, start = listing.articles, listing.cursor
        for step in range(1, len(articles) + 1):
            index = (start + step) % len(articles)
            if index != start and self.marks.is_unread(articles[index]):
                if index < start:
                    self.notify("↻ from the top", timeout=1)
                listing.move_to(index)
                return
        self.notify("No other unread article here", timeout=1.5)

    def mark_all_read(self) -> None:
        """`A`: every listed article read; `u` undoes it until another mark changes."""
        marked = self.marks.mark_all_read(list(self.article_list.articles))
        self._undo_all_read = marked
        if not marked:
            self.notify("Nothing here was unread", timeout=1.5)
            return
        self.notify(f"Marked {len(marked):,} article{'s' if len(marked) != 1 else ''} read · u undoes it",
                    timeout=4, markup=False)
        if self.unread_only:
            self.relist()

    def undo_mark_all_read(self) -> None:
        """`u`: undo the last `A`."""
        keys, self._undo_all_read = self._undo_all_read, []
        if not keys:
            self.notify("Nothing to undo (u undoes A, mark all read)", timeout=2)
            return
        self.marks.mark_unread(keys)
        plural = "s" if len(keys) != 1 else ""
        self.notify(f"Undone: {len(keys):,} article{plural} unread again", timeout=2, markup=False)
        if self.unread_only:
            self.relist()

    def cycle_sort(self) -> None:
        """`s`: the next order (newest, oldest, title, source, most quotations), remembered."""
        from newsreader.sorting import LABELS, next_sort

        self.sort = next_sort(self.sort)
        self.notify(f"Sorted {LABELS[self.sort]}", timeout=1.5, markup=False)
        remember_choice(self.app, "sort", self.sort)

    def watch_sort(self) -> None:
        self._ranks = None  # quotation counts may have grown since: rank afresh
        self.relist()

    def progress(self, done: int, todo: int) -> None:
        """Cold indexing: a bar over the list while files are read (made, and its module loaded, on first use)."""
        from textual.widgets import ProgressBar

        bar = self.query_one_optional("#index-progress", ProgressBar)
        if bar is None and done >= todo:
            return
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

    def _hold_frame(self) -> None:
        """The filter's text changed: its echo waits for its rows (`_list` releases it), or the limit."""
        if self._frame_hold is None:
            self._frame_hold = FrameHold(self.app, FILTER_FRAME_HOLD_S)
        self._frame_hold.hold()

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        message.stop()
        self.filter_text = message.query
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        now = time.monotonic()
        burst = now - self._typed_at < FILTER_DEBOUNCE_S  # a paste, a held key: filter once it ends
        self._typed_at = now
        if burst:
            self._timer = self.set_timer(FILTER_DEBOUNCE_S, self._run_filter)
        else:
            self._run_filter()  # a key typed on its own: no wait

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is the filter's only while its input has the keys (else the list's or the reader's)."""
        if action == "filter_done":
            return self._filter_bar is not None and self.screen.focused is self._filter_bar.input
        return True

    def action_filter_done(self) -> None:
        """Keep the filter; the list takes the keys now, not after those already queued."""
        self.screen.set_focus(self.article_list)

    def on_filter_bar_cleared(self, message: FilterBar.Cleared) -> None:
        message.stop()
        self.clear_filter()

    def clear_filter(self) -> None:
        if self._filter_bar is not None:
            self._filter_bar.close()
        self.filter_text = ""
        self._run_filter()
        self.article_list.focus()

    def _run_filter(self) -> None:
        from newsreader.query import parse_filter

        parsed = parse_filter(self.filter_text) if self.filter_text.strip() else None
        query = parsed if parsed is not None and not parsed.is_empty else None
        self.filter_query = query
        session = self.session
        if session is None:
            return
        if query is None:
            self.workers.cancel_group(self, "filter")
            if self._filter_bar is not None:
                self._filter_bar.set_status("")
            self._list(self.articles, self._current_key())
            return
        self._filter(self.filter_text, query, session, self.articles)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False, description="filter")
    def _filter(self, text: str, query: FilterQuery, session: Session, articles: Sequence[Article]) -> None:
        worker = get_current_worker()
        try:
            indices = session.filter(query, cancelled=lambda: worker.is_cancelled)
        except Exception as exc:  # noqa: BLE001 - shown, logged, and the list stays usable
            app = cast("NewsReaderApp", self.app)
            app.call_from_thread(app.report_failure, "filter", exc)
            return
        if not worker.is_cancelled:
            indices = [i for i in indices if i < len(articles)] if indices and indices[-1] >= len(articles) else indices
            self.post_message(FilterResult(text, take(articles, indices), indices))

    @on(FilterResult)
    def _filtered(self, message: FilterResult) -> None:
        if message.text != self.filter_text:
            return  # a stale answer (the worker of a newer key is on its way): the frame stays held
        self._list(message.articles, self._current_key(), message.positions)

    def _status(self, shown: int) -> str:
        """"2 of 31" (rows actually listed), "unread" when `U` hides some, and the analysis progress."""
        status = f"{shown:,} of {len(self.articles):,}"
        if self.unread_only:
            status += " unread"
        session = self.session
        if self.filter_query is not None and self.filter_query.needs_analysis and session is not None:
            done, total = session.analysed_count()
            if done < total:
                status += f" · analysing {done:,}/{total:,}"
        return status

    def analysis_progressed(self) -> None:
        """More articles were analysed: an `actor:`/`quote:` filter may match more of them now, and the
        "most quotations" order has more counts to go by."""
        wanted = (self.filter_query is not None and self.filter_query.needs_analysis) or self.sort == "quotes"
        if wanted and not self._refilter_pending:
            self._refilter_pending = True
            self.set_timer(REFILTER_AFTER_ANALYSIS_S, self._refilter)

    def _refilter(self) -> None:
        self._refilter_pending = False
        if self.sort == "quotes":
            self._ranks = None  # rank again with the new counts (the cursor stays on its article)
        if (self.filter_query is not None and self.filter_query.needs_analysis) or self.sort == "quotes":
            self.relist()
