"""The app's background work over the folder: the first scan, live-reload polls, article bodies too big
to read on the UI thread, the analysis of the shown article and of the whole folder, the folder's cast.

`FolderWorkers` is a plain object the App holds (not a widget, not a mixin). Every job runs in a Textual
thread worker through `_run`, which catches any failure, logs it and hands it to the app's
`report_failure` (a notice and the header say what failed; `r` tries again), so no worker can leave the
app stuck on "loading…". Workers only post messages (`ui/messages.py`); the App's handlers touch widgets.
Every worker names itself (`description=`): without one, Textual builds the name from repr() of the
arguments on the UI thread, which for a list of 100,000 articles took 0.35 s a keystroke.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.worker import Worker, get_current_worker

from newsreader.ui import collector
from newsreader.ui.messages import (
    AnalysisReady,
    ArticleLoaded,
    FolderActorsReady,
    FolderLoaded,
    IndexProgress,
    Polled,
    QuoteCounts,
    ReadStateLoaded,
)

if TYPE_CHECKING:
    from newsreader.folder_actors import FolderActor
    from newsreader.articles import Article
    from newsreader.session import Analyser, Session
    from newsreader.ui.app import NewsReaderApp

POLL_MIN_S, POLL_MAX_S = 1.0, 15.0
BACKGROUND_BATCH = 2
FIRST_PAGE = 80  # entries listed before the first paint: more rows than a tall terminal shows
QUIET_S = 1.5  # background analysis and rescans wait for this much keyboard quiet
KEYS_YIELD_S = 0.3  # ... and, once started, the jobs that may run long pause while a key came this recently
YIELD_SLEEP_S = 0.02
# How often a thread holding the interpreter lock hands it over to one waiting for it (CPython's default:
# 5 ms). A key's handling takes the lock back dozens of times (after every wait on the terminal or a
# file); with the analysis of the article just shown still running in a worker, each of those waited up
# to 5 ms, which made a `j` 100-200 ms while a cold folder indexed. At 1 ms the worker's throughput barely
# changes and the key waits a fifth as long.
SWITCH_INTERVAL_S = 0.001


def _settle() -> None:
    """Move what was just built to last (list entries, the lists of them, word lists) out of the garbage
    collector's way: its passes over 100,000 entries held the interpreter for 0.1-2.7 s, stalling keys,
    and even a list of frozen entries costs a visit per item in every pass while it is not frozen itself.
    The youngest generation is collected first, so the garbage of the last moments is not kept for good
    (a full collection first would itself visit every item of the big lists). An object frozen here and
    dropped later is still freed by its reference count."""
    gc.collect(0)
    gc.freeze()


class FolderWorkers:
    """Runs the folder's background jobs for `app` and owns the `Session` they fill."""

    def __init__(
        self,
        app: NewsReaderApp,
        path: Path,
        *,
        use_index: bool,
        analyser: Analyser | None,
        live_reload: bool,
    ) -> None:
        self.app = app
        self.path = path
        self.use_index = use_index
        self.analyser = analyser
        self.live_reload = live_reload
        self.session: Session | None = None
        self.last_input = 0.0  # monotonic time of the last key (set by the app)
        self.actors_counted = False  # the folder-wide actor index has been built
        self._poll_timer: Any = None
        self._gc_timer: Any = None
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))

    def _run(self, what: str, group: str, job: Callable[[Worker[None]], None], *, exclusive: bool = True) -> None:
        """Run `job(worker)` in a thread worker; a failure is reported as "`what` failed", never lost."""
        app = self.app

        def guarded() -> None:
            worker = get_current_worker()
            try:
                job(worker)
            except Exception as exc:  # noqa: BLE001 - shown, logged, and the app stays usable
                if not worker.is_cancelled:
                    app.call_from_thread(app.report_failure, what, exc)

        app.run_worker(guarded, thread=True, exclusive=exclusive, group=group, exit_on_error=False,
                       description=group)

    def quiet(self, seconds: float = QUIET_S) -> bool:
        return time.monotonic() - self.last_input >= seconds

    def _yielding(self, worker: Worker[None]) -> Callable[[], bool]:
        """The `cancelled` of a long background job (a rescan, the folder's cast, the background analysis),
        which it asks between small steps (a file, 256 stat-ed names, an analysis), holding no lock: while
        keys arrive it waits there, so a key's work (a filter key's echo, query, listing and paint) has
        the interpreter to itself but for one step; a rescan of 100,000 files in the middle of a filter
        made its keys wait 60-150 ms. (Not the first scan's: a cold folder is listed while `j`/`k` come.)"""

        def cancelled() -> bool:
            while not self.quiet(KEYS_YIELD_S) and not worker.is_cancelled:
                time.sleep(YIELD_SLEEP_S)
            return worker.is_cancelled

        return cancelled

    def _collect_when_quiet(self) -> None:
        """The workers' garbage (a cold folder's streamed entries, analyses) is collected between keys:
        young generations as they fill, full collections by this timer (`collector`)."""
        collector.collect_if_due(time.monotonic() - self.last_input)

    # ------------------------------------------------------------------------------------- scan

    def scan(self) -> None:
        """Open the index, show what it knows at once, then bring it in line with the folder."""
        if self._gc_timer is None:
            self._gc_timer = self.app.set_interval(collector.QUIET_S, self._collect_when_quiet, name="collect")
        early = self.session is None and self._first_page()

        def start() -> None:
            self._run("loading the folder", "scan", lambda worker: self._scan(worker, early))

        if early:  # the first page is up: let it paint before the worker competes for the interpreter
            self.app.call_after_refresh(start)
        else:
            start()

    def _first_page(self) -> bool:
        """A warm folder: open its index and list the first screenful before the first paint, so the
        first frames show titles and the first article's text (a few ms at any folder size); the
        worker then lists everything and checks the folder. Anything odd is left to the worker."""
        from newsreader.cache_paths import index_path_for

        if not self.use_index or not self.path.is_dir() or not index_path_for(self.path).is_file():
            return False  # cold (or a single file): nothing to list yet, the worker reads the folder
        from newsreader.session import Session, default_analyser

        try:
            session = Session(self.path, use_index=self.use_index, analyser=self.analyser or default_analyser)
            page = session.first_page(FIRST_PAGE)
        except Exception:  # noqa: BLE001 - the worker opens it again and reports what is wrong
            return False
        if not page:
            if session.notice:  # the index was made again just now: the worker's own session can't know why
                self.app.notify(session.notice, severity="warning", timeout=6, markup=False)
            session.close()
            return False
        self.session = session
        self.app.post_message(FolderLoaded(page, final=False, notice=session.notice, first_page=True))
        return True

    def _scan(self, worker: Worker[None], early: bool) -> None:
        from newsreader.session import Session, default_analyser
        from newsreader.state import ReadState
        from newsreader.unread import FolderUnread

        post = self.app.post_message
        post(ReadStateLoaded(ReadState.load()))
        session = self.session if early and self.session is not None else \
            Session(self.path, use_index=self.use_index, analyser=self.analyser or default_analyser)
        cached = session.warm_start()
        self.session = session  # only now: if opening failed, `r` starts over with a new scan
        if cached:
            post(FolderLoaded(cached, final=False, notice=None if early else session.notice))
        else:  # cold: the list takes a moment to come; get the analysis ready meanwhile
            self.app.call_from_thread(self._run, "preparing the analysis", "warm-up",
                                      lambda worker: self._warm_up(session))

        listed = session.sync.listing.version

        def progress(done: int, todo: int, listing: bool) -> None:
            # Runs in this worker, between batches: reading the session's entries here is safe. What
            # arrived since the last call is merged into the list here, not on the UI thread (entries of
            # files now stored only fill in the listed ones). While titles are listed the grown list is
            # shown; it and its entries live as long as they are listed, so they are moved out of the
            # garbage collector's way at once (its passes over them stalled keys for 0.1-2.7 s at 100,000).
            nonlocal listed
            articles = session.sync.articles()
            if listing and session.sync.listing.version != listed:
                listed = session.sync.listing.version
                post(FolderLoaded(articles, final=False, notice=None))
                _settle()
            post(IndexProgress(done, todo, "listing" if listing and not cached else "indexing"))

        session.refresh(progress, cancelled=lambda: worker.is_cancelled)
        if self.live_reload and not worker.is_cancelled:
            self._auto_fetch()
        if not worker.is_cancelled:
            # The final list is counted for its unread on the UI thread: its counter (every row's content
            # key) is made here, or 100,000 keys stall a key for a third of a second.
            articles = session.articles  # (a list of rows, never changed: not copied)
            notice = session.take_notice() or (None if cached else session.notice)
            unread = FolderUnread(articles, self.app.marks.key_of)
            post(FolderLoaded(articles, final=True, notice=notice, unread=unread))
            self.app.call_from_thread(self.prepare_filter)  # now, not at the first filter key

    def prepare_filter(self) -> None:
        """The filter's map and prefix table for the current list (`Session.prepare_filter`: a few seconds
        of SQLite at 100,000 articles), in a worker of its own, so a poll never cancels it."""

        def job(worker: Worker[None]) -> None:
            if self.session is not None:
                self.session.prepare_filter(lambda: worker.is_cancelled)  # (SQLite asks it, holding the index)

        self._run("preparing the filter", "filter-table", job)

    # ------------------------------------------------------------------------------- feeds

    def fetch_feeds(self) -> None:
        """`R`, and every `refresh_minutes` of feeds.yaml: fetch the subscribed feeds into their folders
        (newsreader/web/pull.py; it never raises). New files then appear through live reload."""
        self._run("fetching feeds", "fetch", self._fetch)

    def _fetch(self, worker: Worker[None]) -> None:
        from newsreader.web.pull import fetch_for_reader

        app = self.app

        def progress(done: int, todo: int, _what: str) -> None:
            app.call_from_thread(app.notify, f"Fetching feeds: {done:,} of {todo:,}…", timeout=2)

        line = fetch_for_reader(progress, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            app.call_from_thread(app.notify, line, markup=False, timeout=6)
            app.call_from_thread(self.poll)

    def _auto_fetch(self) -> None:
        """Fetch by itself every `refresh_minutes` (feeds.yaml), when the file sets it; read in the worker."""
        from newsreader.web.pull import refresh_minutes

        minutes = refresh_minutes()
        if minutes:
            self.app.call_from_thread(self.app.set_interval, minutes * 60, self.fetch_feeds)

    # ------------------------------------------------------------------------------- live reload

    def schedule_poll(self) -> None:
        """Live reload: look at the folder again soon (sooner for small folders)."""
        if not self.live_reload or self.session is None:
            return
        self.stop_poll()
        delay = min(POLL_MAX_S, max(POLL_MIN_S, 3 * self.session.sync.scan_seconds))
        self._poll_timer = self.app.set_timer(delay, self._poll_when_quiet)

    def stop_poll(self) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None

    def _poll_when_quiet(self) -> None:
        """A rescan of a big folder holds the interpreter for a while: not in the middle of typing."""
        if self.quiet():
            self.poll()
        else:
            self._poll_timer = self.app.set_timer(QUIET_S, self._poll_when_quiet)

    def poll(self) -> None:
        """Rescan now (`r`, or the live-reload timer); without a session the first scan is retried. Not
        while the first scan or a rescan runs: it is reading the folder already (and schedules the next
        look when done), and a second reader would open the index while the first creates it, or refresh
        the same list beside it (a cancelled thread worker runs on until its next step)."""
        self.stop_poll()
        if any(w.group in ("scan", "poll") and not w.is_finished for w in self.app.workers):
            return
        if self.session is None:
            self.scan()
        else:
            self._run("reloading the folder", "poll", self._poll)

    def _poll(self, worker: Worker[None]) -> None:
        from newsreader.unread import FolderUnread

        session = self.session
        assert session is not None
        try:
            changes = session.refresh(cancelled=self._yielding(worker))
        except Exception:
            self.app.post_message(Polled())  # the next poll is scheduled even after a failure
            raise
        if worker.is_cancelled:
            return
        if changes:
            articles = session.articles
            self.app.post_message(FolderLoaded(articles, final=True, notice=session.take_notice(), changed=True,
                                               unread=FolderUnread(articles, self.app.marks.key_of)))
            self.app.call_from_thread(self.prepare_filter)  # for the new list
        else:
            self.app.post_message(Polled())

    # ------------------------------------------------------------------------- articles, analysis

    def load_article(self, entry: Article) -> None:
        """Read a big article's body off the UI thread."""

        def job(worker: Worker[None]) -> None:
            if self.session is not None:
                self.app.post_message(ArticleLoaded(entry.key, self.session.full_article(entry)))

        self._run("reading the article", "article", job)

    def analyse_one(self, article: Article) -> None:
        def job(worker: Worker[None]) -> None:
            if self.session is not None:
                self.app.post_message(AnalysisReady(article.key, self.session.analyse(article)))

        self._run("analysing the article", "analysis", job)

    def analyse_all(self) -> None:
        """Analyse the folder in the background: quotation counts, `actor:`/`quote:` filters, the index."""
        self._run("background analysis", "background-analysis", self._analyse_all)

    def _analyse_all(self, worker: Worker[None]) -> None:
        session = self.session
        if session is None:
            return
        pending = session.unanalysed()
        for start in range(0, len(pending), BACKGROUND_BATCH):
            # Pure-Python analysis holds the GIL: while the user is typing or moving, stand back so
            # every key is answered at once; carry on when the keyboard has been quiet for a moment.
            while not self.quiet() and not worker.is_cancelled:
                time.sleep(0.05)
            if worker.is_cancelled:
                return
            done = session.analyse_many(pending[start:start + BACKGROUND_BATCH], self._yielding(worker))
            if done:
                self.app.post_message(QuoteCounts(done))
            time.sleep(0.001)  # let the UI thread in

    @staticmethod
    def _warm_up(session: Session) -> None:
        session.warm_up_analysis()
        _settle()  # the word lists live as long as the app

    def actors_for_palette(self) -> tuple[list[FolderActor], str | None]:
        """The folder's cast counted so far and, while counting or analysing, a status line."""
        session = self.session
        if session is None:
            return [], "loading the folder"
        if not self.actors_counted:
            self.count_folder_actors()
            return session.folder_actors(), "counting the folder's actors…"
        done, total = session.analysed_count()
        return session.folder_actors(), (f"analysing {done:,}/{total:,} articles" if done < total else None)

    def count_folder_actors(self) -> None:
        """Build the folder-wide actor index (for the "Actor…" palette)."""

        def job(worker: Worker[None]) -> None:
            if self.session is not None:
                self.session.build_actor_index(cancelled=self._yielding(worker))
                self.app.post_message(FolderActorsReady())

        self._run("counting the folder's actors", "folder-actors", job)
