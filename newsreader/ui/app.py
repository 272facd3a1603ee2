"""The newsreader Textual app: wires the list, the reader, workers and keys over the pure core."""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from newsreader.markdown_text import StyleSpan
from newsreader.render import Document, build_document
from newsreader.sanitize import clean_line
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.commands import OpenArticleCommand
from newsreader.ui.filter_bar import FilterBar
from newsreader.ui.find_bar import FindBar
from newsreader.ui.find_filter import FindFilterMixin
from newsreader.ui.actor_commands import ActorCommand
from newsreader.ui.cast import CastMixin
from newsreader.ui.reading_state import ReadStateMixin
from newsreader.ui.help_screen import HelpScreen, pick
from newsreader.ui.signals import exit_on_signals
from newsreader.ui.messages import (
    AnalysisReady,
    ArticleLoaded,
    FolderLoaded,
    IndexProgress,
    ReadStateLoaded,
    Polled,
    QuoteCounts,
)

if TYPE_CHECKING:  # the loader, index and analysis load in the worker, after the first frame
    from newsreader.config import Config
    from newsreader.analysis.model import ActorHint, Analysis
    from newsreader.articles import Article
    from newsreader.session import Session

THEME = "textual-dark"
SYNC_BODY_BYTES = 256 * 1024  # smaller articles are read on the UI thread (well under a millisecond)
POLL_MIN_S = 1.0
POLL_MAX_S = 15.0
BACKGROUND_BATCH = 2
QUIET_BEFORE_ANALYSIS_S = 1.5
# Every @work below names itself (`description=`): without one, Textual builds the worker's name from
# repr() of its arguments on the UI thread, which for a list of 100,000 articles took 0.35 s a keystroke.


class NewsReaderApp(FindFilterMixin, CastMixin, ReadStateMixin, App[None]):
    """List pane + reading pane over one folder of articles."""

    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {OpenArticleCommand, ActorCommand}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("question_mark,f1", "help", "Help"),
        Binding("J", "step_article(1)", "Next article", show=False),
        Binding("K", "step_article(-1)", "Previous article", show=False),
        Binding("space", "reader('page', 1)", "Page down", show=False),
        Binding("b", "reader('page', -1)", "Page up", show=False),
        Binding("ctrl+d", "reader('half_page', 1)", "Half page down", show=False),
        Binding("ctrl+u", "reader('half_page', -1)", "Half page up", show=False),
        Binding("h,left", "focus_list", "List", show=False),
        Binding("escape", "escape", "Back", key_display="esc"),
        Binding("slash,ctrl+f", "open_find", "Find"),
        Binding("n", "find_step(1)", "Next match"),
        Binding("N", "find_step(-1)", "Previous match"),
        Binding("enter", "find_step(1)", "Next match", show=False),
        Binding("f", "open_filter", "Filter"),
        Binding("H", "toggle_highlight", "Highlights"),
        Binding("a", "toggle_actors", "Actors"),
        Binding("right_square_bracket", "step_mention(1)", "Next mention", show=False),
        Binding("left_square_bracket", "step_mention(-1)", "Previous mention", show=False),
        Binding("w", "who_said", "Who said what"),
        Binding("right_curly_bracket", "step_quote(1)", "Next quotation", show=False),
        Binding("left_curly_bracket", "step_quote(-1)", "Previous quotation", show=False),
        Binding("m", "toggle_read", "Read/unread", show=False),
        Binding("U", "toggle_unread_only", "Unread only", show=False),
        Binding("r", "reload", "Reload", show=False),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
    ]

    def __init__(
        self,
        path: Path,
        *,
        background_analysis: bool = True,
        analyser: Callable[[Article, tuple[ActorHint, ...]], Analysis] | None = None,
        use_index: bool = True,
        watch: bool = True,
        read_after: float | None = 2.0,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.config = config  # the user's config file (None: the built-in defaults, as in tests)
        self.path = Path(path)
        self.analyser = analyser
        self.use_index = use_index
        self.live_reload = watch
        self.read_after = read_after  # seconds open before an article counts as read (None: never by time)
        self.session: Session | None = None
        self.background_analysis = background_analysis
        self.highlight = True
        self.shown: Article | None = None  # the full article in the reader
        self.shown_analysis: Analysis | None = None  # its analysis, once known
        self._shown_key: str | None = None
        self._indexing = False
        self._poll_timer: Any = None
        self._last_input = 0.0  # monotonic time of the last key
        self._pending_preview: Article | None = None
        self._loaded_once = False
        self._index_progress = (0, 0)
        self._index_stage = "indexing"
        self._listed = 0  # articles in the last list received (for the header while indexing)
        self._init_find_filter()
        self._init_cast()
        self._init_read_state()

    # ------------------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Static(self._header_text(), id="header", markup=False)
        with Horizontal(id="panes"):
            with Vertical(id="listing"):
                yield FilterBar(id="filter-bar")
                yield ArticleList(id="list")
            with Vertical(id="reading"):
                yield ArticleView(id="reader")
                yield FindBar(id="find-bar")
        yield Footer()

    def on_mount(self) -> None:
        exit_on_signals(self)  # SIGTERM/SIGHUP quit as `q` does: state saved, terminal restored
        self.theme = THEME
        if self.config is not None:
            from newsreader.ui.apply_config import apply_config

            apply_config(self, self.config)
        self.article_list.focus()
        self.load_library()
        self.call_after_refresh(self._prepare_bars)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._last_input = time.monotonic()  # the background analysis waits while keys arrive
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """Keys typed right after `/` or `f` were already queued for the list; they arrive here after the
        input took the focus. Type them into the input, as the user meant ("/trust" typed fast)."""
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            focused.insert_text_at_cursor(event.character)

    async def _prepare_bars(self) -> None:
        """After the first frame: build the find and filter bars' inputs (not needed to paint it)."""
        await self.find_bar.prepare()
        await self.filter_bar.prepare()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    @property
    def filter_bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    @property
    def library(self) -> Session | None:
        return self.session

    def _header_text(self) -> str:
        where = clean_line(self.path.resolve().name or str(self.path), 80)
        session = self.session
        if self._indexing:
            done, todo = self._index_progress
            verb = "reading titles" if self._index_stage == "listing" else "indexing"
            return f" newsreader  {where} · {self._listed:,} articles · {verb} {done:,} of {todo:,} files…"
        if session is None or not self._loaded_once:
            return f" newsreader  {where} · loading…"
        n = len(session.articles)
        text = f" newsreader  {where} · {n:,} article{'s' if n != 1 else ''}"
        errors = len(session.errors)
        if errors:
            text += f" · {errors} could not be read"
        if session.sync.config.problem:
            text += " · config problem"
        return text

    def _update_header(self) -> None:
        self.query_one("#header", Static).update(self._header_text())

    # ------------------------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="scan", exit_on_error=False, description="scan")
    def load_library(self) -> None:
        """Open the index, show what it knows at once, then bring it in line with the folder.

        Cold folders are read file by file with progress; titles appear in batches. Then, unless
        disabled, the folder is polled for new, changed and deleted files.
        """
        from newsreader.library import sort_key
        from newsreader.session import Session, default_analyser
        from newsreader.state import ReadState

        worker = get_current_worker()
        self.post_message(ReadStateLoaded(ReadState.load()))
        session = Session(self.path, use_index=self.use_index, analyser=self.analyser or default_analyser)
        self.session = session
        cached = session.warm_start()
        if cached:
            self.post_message(FolderLoaded(list(cached), final=False, notice=session.notice))

        def progress(done: int, todo: int, new_titles: bool) -> None:
            # runs in this worker, between files: reading the session's entries here is safe
            if new_titles:
                articles = sorted(session.sync.articles(), key=sort_key)
                self.post_message(FolderLoaded(articles, final=False, notice=None))
            self.post_message(IndexProgress(done, todo, "listing" if new_titles and not cached else "indexing"))

        session.refresh(progress, cancelled=lambda: worker.is_cancelled)
        if worker.is_cancelled:
            return
        self.post_message(FolderLoaded(list(session.articles), final=True,
                                       notice=session.take_notice() or (None if cached else session.notice)))

    def _schedule_poll(self) -> None:
        """Live reload: look at the folder again soon (sooner for small folders)."""
        if not self.live_reload or self.session is None:
            return
        if self._poll_timer is not None:
            self._poll_timer.stop()
        delay = min(POLL_MAX_S, max(POLL_MIN_S, 3 * self.session.sync.scan_seconds))
        self._poll_timer = self.set_timer(delay, self._poll_when_quiet)

    def _poll_when_quiet(self) -> None:
        """A rescan of a big folder holds the interpreter for a while: not in the middle of typing."""
        if time.monotonic() - self._last_input < QUIET_BEFORE_ANALYSIS_S:
            self._poll_timer = self.set_timer(QUIET_BEFORE_ANALYSIS_S, self._poll_when_quiet)
        else:
            self.poll_folder()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False, description="poll")
    def poll_folder(self) -> None:
        worker = get_current_worker()
        session = self.session
        if session is None:
            return
        changes = session.refresh(cancelled=lambda: worker.is_cancelled)
        if worker.is_cancelled:
            return
        if changes:
            self.post_message(FolderLoaded(list(session.articles), final=True, notice=session.take_notice(),
                                           changed=True))
        else:
            self.post_message(Polled())

    @on(Polled)
    def _polled(self) -> None:
        self._schedule_poll()

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        self._indexing = message.done < message.todo
        self._index_progress = (message.done, message.todo)
        self._index_stage = message.stage
        bar = self.query_one_optional("#index-progress", ProgressBar)
        if bar is None:  # made on first use: most starts are warm and never need it
            bar = ProgressBar(id="index-progress", show_eta=False)
            self.query_one("#listing").mount(bar, before=0)
        bar.set_class(self._indexing, "-visible")
        bar.update(total=message.todo, progress=message.done)
        self._update_header()

    @on(FolderLoaded)
    def _folder_loaded(self, message: FolderLoaded) -> None:
        self._listed = len(message.articles)
        if message.notice:
            self.notify(message.notice, severity="warning", timeout=6)
        if message.final:
            self._indexing = False
            bar = self.query_one_optional("#index-progress", ProgressBar)
            if bar is not None:
                bar.remove_class("-visible")
        self._update_header()
        session = self.session
        if session is None:
            return
        self.article_list.quote_counts = session.quote_counts
        self.article_list.empty_message = "No articles here." if message.final else "Loading…"
        # While the first load streams in, the cursor stays on top unless the user has moved it.
        keep = self._shown_key if self._loaded_once or self.article_list.user_moved else None
        if self._filter.is_empty:
            self.article_list.set_articles(self.visible_articles(message.articles), keep_key=keep)
        else:
            self._run_filter()
        if message.final:
            self._restore_position(message.articles)
            # The list and the index entries live as long as the app: move them out of the garbage
            # collector's way, or its full passes (~0.1 s with 10,000 articles) land in a keystroke.
            gc.freeze()
        self._loaded_once = self._loaded_once or message.final
        self._update_header()
        if message.changed:
            self._refresh_shown()
        if not message.articles and message.final:
            self._show_empty_state()
        if message.final and session.sync.config.problem and not message.changed:
            self.notify(session.sync.config.problem, severity="warning", markup=False)  # YAML errors quote the file
        if message.final and self.background_analysis and message.articles:
            self.analyse_all()
        if message.final:
            self._schedule_poll()

    def _refresh_shown(self) -> None:
        """After a live reload: re-read the shown article if its file changed, keeping the reader's place."""
        current = self.article_list.current
        if current is None or self.shown is None or current.key != self.shown.key:
            return
        if (current.size, current.mtime) != (self.shown.size, self.shown.mtime):
            self._show(current, keep_scroll=True)

    def _show_empty_state(self) -> None:
        self._shown_key = None
        self.shown = None
        self.shown_analysis = None
        folder = clean_line(str(self.path), 200)
        text = (
            "No articles yet\n\n"
            f"There are no articles in {folder}.\n\n"
            "newsreader reads .txt, .md and .yaml files in this folder and its sub-folders. "
            "Add some and they appear here by themselves (or press r), or open another folder: newsreader PATH"
        )
        self.reader.set_document(Document(text, 0, [StyleSpan(0, 15, "title")]))

    def action_reload(self) -> None:
        """Force a rescan now (the folder is also watched)."""
        if self._poll_timer is not None:
            self._poll_timer.stop()
        self.notify("Reloading the folder…", timeout=1.5)
        self.poll_folder()

    # ----------------------------------------------------------------------------------- analysis

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False, description="analysis")
    def analyse_one(self, article: Article) -> None:
        if self.session is not None:
            self.post_message(AnalysisReady(article.key, self.session.analyse(article)))

    @work(thread=True, exclusive=True, group="background-analysis", exit_on_error=False, description="background-analysis")
    def analyse_all(self) -> None:
        """Analyse the folder in the background: quotation counts, `actor:`/`quote:` filters, the index."""
        worker = get_current_worker()
        session = self.session
        if session is None:
            return
        pending = session.unanalysed()
        for start in range(0, len(pending), BACKGROUND_BATCH):
            if worker.is_cancelled:
                return
            # Pure-Python analysis holds the GIL: while the user is typing or moving, stand back so
            # every key is answered at once; carry on when the keyboard has been quiet for a moment.
            while time.monotonic() - self._last_input < QUIET_BEFORE_ANALYSIS_S and not worker.is_cancelled:
                time.sleep(0.05)
            done = session.analyse_many(pending[start:start + BACKGROUND_BATCH], lambda: worker.is_cancelled)
            if done:
                self.post_message(QuoteCounts(done))
            time.sleep(0.001)  # let the UI thread in

    @on(QuoteCounts)
    def _quote_counts(self, message: QuoteCounts) -> None:
        self.article_list.refresh_counts()
        if self._filter.needs_analysis and not self._refilter_pending:
            self._refilter_pending = True
            self.set_timer(0.5, self._refilter_after_analysis)

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        self.article_list.refresh_counts()
        if self.shown is not None and message.key == self.shown.key:
            self.shown_analysis = message.analysis  # kept here: the session's cache may let it go
            self._cast_analysis_arrived()
            self._render_shown(keep_scroll=True)

    # -------------------------------------------------------------------------------------- views

    @on(ArticleList.Highlighted)
    def _preview(self, message: ArticleList.Highlighted) -> None:
        """Preview after the list has painted its new cursor (or its filtered rows): the keyboard
        feels instant, and holding `j` renders only the article the cursor stops on."""
        first = self._pending_preview is None
        self._pending_preview = message.article
        if first:
            self.call_after_refresh(self._show_pending_preview)

    def _show_pending_preview(self) -> None:
        article, self._pending_preview = self._pending_preview, None
        if article is not None and article.key != self._shown_key:
            self._show(article)

    @on(ArticleList.Selected)
    def _open(self, message: ArticleList.Selected) -> None:
        self.reader.focus()

    def _show(self, entry: Article, *, keep_scroll: bool = False) -> None:
        """Show a list entry: small bodies are read at once, big ones in a worker (never blocking keys)."""
        if self.session is None:
            return
        if entry.partial and entry.size > SYNC_BODY_BYTES:
            self.shown = entry
            self._shown_key = entry.key
            self.reader.set_document(build_document(entry, None), keep_scroll=False)
            self.load_article(entry)
            return
        self._present(self.session.full_article(entry), keep_scroll=keep_scroll)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False, description="article")
    def load_article(self, entry: Article) -> None:
        if self.session is not None:
            self.post_message(ArticleLoaded(entry.key, self.session.full_article(entry)))

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if message.key == self._shown_key:
            self._present(message.article, keep_scroll=False)

    def _present(self, article: Article, *, keep_scroll: bool) -> None:
        new_article = article.key != self._shown_key
        if new_article:
            self._remember_position()
        if new_article or article.body != (self.shown.body if self.shown else None):
            # Asked once, before rendering: if the background analysis stores it a moment later, the
            # worker below finds it cached and posts AnalysisReady, so the reader is never left plain.
            self.shown_analysis = self.session.memory_analysis(article) if self.session is not None else None
        self.shown = article
        self._shown_key = article.key
        known = self.shown_analysis
        if new_article:
            self._cast_article_changed()
            self._article_presented(article)
        self._render_shown(keep_scroll=keep_scroll, new_article=new_article)
        self._apply_pending_scroll()
        if new_article:
            self._remember_position()
        if known is None and not article.error:
            self.analyse_one(article)

    def _render_shown(self, *, keep_scroll: bool, new_article: bool = False) -> None:
        article = self.shown
        if article is None or self.session is None:
            return
        analysis = self.shown_analysis if not article.partial else None
        document = build_document(
            article, self.analysis_to_show(analysis), quote_count=len(analysis.quotes) if analysis else None
        )
        self.reader.set_document(document, keep_scroll=keep_scroll)
        self.reader.set_highlight(self.highlight)
        if new_article and (self._find_from_filter or not self.find_bar.is_open):
            self._prehighlight_filter()
        if self.find_query:
            self._run_find(keep_current=not new_article, scroll=new_article)

    def on_unmount(self) -> None:
        for timer in (self._read_timer, self._poll_timer, self._filter_timer):
            if timer is not None:
                timer.stop()
        self._save_state(now=True)
        if self.session is not None:
            self.session.close()

    def _apply_list(self) -> None:
        """Show the list again after the unread-only switch or read marks changed."""
        if self.session is None:
            return
        if self._filter.is_empty:
            self.article_list.set_articles(self.visible_articles(self.session.articles), keep_key=self._shown_key)
        else:
            self._run_filter()

    def open_article_at(self, index: int) -> None:
        """Move the list to `index` and read it (the palette's "Open article…")."""
        self.article_list.move_to(index)
        self.reader.focus()

    # ------------------------------------------------------------------------------------ actions

    def action_escape(self) -> None:
        """Esc: close the find (clearing its highlights), else clear a filter, else back to the list."""
        if self.find_bar.is_open or self.find_query:
            self.close_find()
        elif not isinstance(self.focused, ArticleList):
            self.article_list.focus()
        elif self.filter_bar.is_open:
            self.on_filter_bar_cleared()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Footer shows what matters now: reader keys only while reading."""
        if action == "find_step":
            return bool(self.find_query)
        if action == "escape":
            return self.find_bar.is_open or bool(self.find_query) or self.filter_bar.is_open or \
                not isinstance(self.focused, ArticleList)
        return True

    def action_step_article(self, delta: int) -> None:
        self.article_list.action_move(delta)

    def action_reader(self, action: str, direction: int) -> None:
        getattr(self.reader, f"action_{action}")(direction)

    def action_focus_list(self) -> None:
        self.article_list.focus()

    def action_toggle_highlight(self) -> None:
        self.highlight = not self.highlight
        self.reader.set_highlight(self.highlight)
        self.notify("Highlighting on" if self.highlight else "Highlighting off", timeout=1.5)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        reader = self.reader
        legend = {role: reader.role_style(role) for role in ("quote", "speaker", "person", "organisation", "place", "match", "current-match")}
        app = self.BINDINGS
        columns = [
            [
                ("Article list", ArticleList.BINDINGS),
                ("Reader", [*ArticleView.BINDINGS, *pick(app, "reader", "focus_list", "escape")]),
                ("Anywhere", pick(app, "step_article", "focus_next", "focus_previous")),
            ],
            [
                ("Find in the article", [
                    *pick(app, "open_find", "find_step"), *FindBar.BINDINGS,
                    Binding("enter", "done", "Keep, read on"),
                ]),
                ("Filter the folder", [
                    *pick(app, "open_filter"), *FilterBar.BINDINGS,
                    Binding("enter", "done", "Keep filter, to the list"),
                ]),
                ("Filter words", [
                    Binding("words", "-", "all must match"), Binding('"a b"', "-", "exact phrase"),
                    Binding("-word", "-", "without word"), Binding("actor:", "-", "actor:Hu finds Ken Hu"),
                    Binding("source:", "-", "by source"), Binding("quote:", "-", "inside quotations"),
                ]),
            ],
            [
                ("Who said what", pick(app, "toggle_highlight", "toggle_actors", "step_mention", "who_said",
                                       "step_quote")),
                ("Actors panel", _actors_panel_bindings()),
                ("Articles", pick(app, "toggle_read", "toggle_unread_only", "reload")),
                ("App", [*pick(app, "help"), Binding("ctrl+p", "command_palette", "Open article…, Actor…"),
                         *pick(app, "quit")]),
            ],
        ]
        self.push_screen(HelpScreen(columns, legend))


def _actors_panel_bindings() -> list[Any]:
    from newsreader.ui.actors_panel import ActorsPanel

    return list(ActorsPanel.BINDINGS)


def make_app(path: Path | str, **kwargs: Any) -> NewsReaderApp:
    """The app factory used by the CLI, the tests, the benchmarks and the screenshot script."""
    return NewsReaderApp(Path(path), **kwargs)
