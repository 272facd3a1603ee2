"""The newsreader Textual app: routes keys to the two panes. The reading state lives in `ReaderPane` (article,
analysis, find, actor, mention, highlight), the list's in `ListPane` (articles, filter, unread only), read marks
in `ReadMarks`; the App owns the session, the workers that load, poll and analyse, the header and the keys."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import App, ComposeResult

from newsreader.sanitize import clean_line
from newsreader.ui import collector
from newsreader.ui import messages as msg
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.footer_row import FooterRow
from newsreader.ui.header import AppHeader, header_parts
from newsreader.ui.key_turns import KeyTurns, Turn
from newsreader.ui.keys import APP_BINDINGS
from newsreader.ui.list_pane import ListPane
from newsreader.ui.loading import FolderWorkers
from newsreader.ui.palette import ReaderCommands, ReaderPalette
from newsreader.ui.panes import Panes
from newsreader.ui.read_marks import ReadMarks
from newsreader.ui.reader_pane import ReaderPane
from newsreader.ui.reader_screen import ReaderScreen
from newsreader.ui.signals import exit_on_signals

if TYPE_CHECKING:  # the loader, index and analysis load in the worker, after the first frame
    from newsreader.folder_actors import FolderActor
    from newsreader.analysis.model import Analysis
    from newsreader.articles import Article
    from newsreader.session import Analyser, Session

log = logging.getLogger(__name__)

THEME = "textual-dark"
SYNC_BODY_BYTES = 256 * 1024  # smaller articles are read on the UI thread (well under a millisecond)


class NewsReaderApp(App[None]):
    """List pane + reading pane over one folder of articles."""

    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"
    COMMANDS = {ReaderCommands}  # the app's commands first, then Textual's (one provider: a fixed order)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = APP_BINDINGS

    def __init__(self, path: Path, *, background_analysis: bool = True, analyser: Analyser | None = None,
                 use_index: bool = True, watch: bool = True, read_after: float | None = 2.0) -> None:
        super().__init__()
        self.theme = THEME  # before the stylesheet is parsed (see refresh_css); a config may set another
        self.path = Path(path)
        self.background_analysis = background_analysis
        self.folder = FolderWorkers(self, self.path, use_index=use_index, analyser=analyser, live_reload=watch)
        self.marks = ReadMarks(self, read_after, changed=self._marks_changed, where=self._where)
        self._preview_pending = False
        self._loaded_once = False
        self._progress: tuple[int, int, str] | None = None  # (done, todo, stage) while indexing
        self._failure: str | None = None  # the last worker failure, for the header
        self._restore_pending = True
        self._pending_scroll: int | None = None  # where to put the reader when the restored article shows
        self.key_turns = KeyTurns(self, super().on_event)

    def compose(self) -> ComposeResult:
        yield AppHeader(id="header")
        with Panes(id="panes"):
            yield ListPane(self.marks, id="listing")
            yield ReaderPane(id="reading-pane")
        yield FooterRow()

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(id="_default")  # as Textual's default screen, styled once at start (see there)

    def on_load(self) -> None:
        collector.hold()  # no garbage collection until the first frame is out (`collector`)

    def on_mount(self) -> None:
        self.call_after_refresh(collector.resume)
        exit_on_signals(self)  # SIGTERM/SIGHUP quit as `q` does: state saved, terminal restored
        self.screen_change_signal.subscribe(self, self.key_turns.screen_changed)
        self.article_list.focus()
        self._update_header()
        for node, name in [*((self.list_pane, n) for n in ListPane.IN_HEADER), (self.reader_pane, "highlight")]:
            self.watch(node, name, self._update_header, init=False)
        self.watch(self.list_pane, "listed_filter", self.reader_pane.set_filter, init=False)
        self.folder.scan()

    def refresh_css(self, animate: bool = True) -> None:
        """A theme set before the first screen mounts needs only new variables (Textual's would parse twice)."""
        if not self.screen_stack:
            self.stylesheet.set_variables(self.get_css_variables())
            return
        super().refresh_css(animate)

    async def on_event(self, event: events.Event) -> None:
        if self._exit and isinstance(event, (events.InputEvent, events.Paste)):
            return  # after q (Textual's flag): a key in the same read ("qi") would open a screen as the app closes
        if isinstance(event, events.Key):
            self.folder.last_input = time.monotonic()  # the background analysis waits while keys arrive
        if self.key_turns.takes(event):
            await self.key_turns.read(event)  # each key once the one before has been handled (`key_turns`)
        elif isinstance(event, Turn):
            await self.key_turns.ended(event)
        else:
            await super().on_event(event)

    @property
    def list_pane(self) -> ListPane:
        return self.query_one(ListPane)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader_pane(self) -> ReaderPane:
        return self.query_one(ReaderPane)

    @property
    def reader(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def session(self) -> Session | None:
        return self.folder.session

    @cached_property
    def _folder_label(self) -> str:
        """The folder's name for the header (resolved once: the header is updated several times a key)."""
        return clean_line(self.path.resolve().name or str(self.path), 80)

    def _update_header(self, *_: object) -> None:
        self.query_one(AppHeader).parts = header_parts(
            self._folder_label, self.session, self.list_pane, progress=self._progress,
            loaded=self._loaded_once, failure=self._failure, highlight=self.reader_pane.highlight,
        )

    def report_failure(self, what: str, error: BaseException) -> None:
        """A worker failed: log it, say so (header and a notice) and carry on; `r` tries again."""
        log.error("%s failed", what, exc_info=error)
        self._failure = f"{what} failed"
        self.notify(f"{what.capitalize()} failed: {type(error).__name__}: {error}. Press r to try again.",
                    severity="error", timeout=10, markup=False)
        self._update_header()

    @msg.handles(msg.Polled)
    def _polled(self) -> None:
        self.folder.schedule_poll()

    @msg.handles(msg.IndexProgress)
    def _indexing(self, message: msg.IndexProgress) -> None:
        self._progress = (message.done, message.todo, message.stage) if message.done < message.todo else None
        self.list_pane.progress(message.done, message.todo)
        self._update_header()

    @msg.handles(msg.ReadStateLoaded)
    def _read_state_loaded(self, message: msg.ReadStateLoaded) -> None:
        self.marks.loaded(message.state, self.path)
        self.list_pane.marks_changed(loaded=True)
        self.watch(self.reader, "scroll_y", self.marks.scrolled, init=False)

    @msg.handles(msg.FolderLoaded)
    def _folder_loaded(self, message: msg.FolderLoaded) -> None:
        if message.notice:
            self.notify(message.notice, severity="warning", timeout=6, markup=False)
        if message.final:
            self._progress = None
            self.list_pane.progress(1, 1)
        session = self.session
        self._loaded_once = self._loaded_once or (message.final and session is not None)
        if session is None:
            self._update_header()
            return
        self.article_list.quote_counts = session.quote_counts
        self.article_list.empty_message = "No articles here." if message.final else "Loading…"
        # While the first load streams in, the cursor stays on top unless the user has moved it (then on the
        # article under it: the reader may not have caught up with the last key yet).
        shown, cursor = self.reader_pane.article, self.article_list.current
        keep = cursor.key if cursor is not None and (self._loaded_once or self.article_list.user_moved) else None
        self.list_pane.loaded(message.articles, keep_key=keep, final=message.final, unread=message.unread)
        if message.first_page and shown is None and (current := self.article_list.current) is not None:
            self._show(current)  # the first article's text belongs in the same frame as the titles
        if message.final:
            self._failure = None  # the folder is in step again
            self._restore_position()
            collector.settle()  # the list lives as long as the app
            self._after_final_load(message, session)
        self._update_header()

    def _after_final_load(self, message: msg.FolderLoaded, session: Session) -> None:
        if message.changed:
            self._refresh_shown()
        if not message.articles and self._failure is None:
            self.reader_pane.empty_state(clean_line(str(self.path), 200))
        if session.sync.config.problem and not message.changed:
            self.notify(session.sync.config.problem, severity="warning", markup=False)  # YAML errors quote the file
        if self.background_analysis and message.articles:
            self.folder.analyse_all()
        if not self.folder.actors_counted and message.articles:
            self.folder.count_folder_actors()  # so the "Actor…" palette has everyone the first time
        self.folder.schedule_poll()

    def _refresh_shown(self) -> None:
        """After a live reload: re-read the shown article if its file changed, keeping the reader's place."""
        current, shown = self.article_list.current, self.reader_pane.article
        if current is not None and shown is not None and current.key == shown.key and \
                (current.size, current.mtime) != (shown.size, shown.mtime):
            self._show(current, keep_scroll=True)

    def _restore_position(self) -> None:
        """Once, after the first full load: reopen the article (and place) read last time here."""
        if self._restore_pending and self.marks.state is not None:
            self._restore_pending = False
            last = self.marks.take_last_position(self.article_list.articles)
            if last is not None and not self.article_list.user_moved:
                self._pending_scroll = last[1]
                self.article_list.move_to(last[0])
                self.article_list.user_moved = False

    def action_reload(self) -> None:
        self.notify("Reloading the folder…", timeout=1.5)
        self.folder.poll()  # (the folder is also watched)

    def action_fetch_feeds(self) -> None:
        self.folder.fetch_feeds()

    @msg.handles(msg.QuoteCounts)
    def _quote_counts(self, message: msg.QuoteCounts) -> None:
        self.article_list.refresh_counts()
        self.list_pane.analysis_progressed()

    @msg.handles(msg.AnalysisReady)
    def _analysis_ready(self, message: msg.AnalysisReady) -> None:
        pane = self.reader_pane
        self.article_list.refresh_counts(message.key)
        if pane.article is not None and message.key == pane.article.key:
            pane.set_analysis(message.analysis)

    @on(ArticleList.Highlighted)
    def _preview(self, message: ArticleList.Highlighted) -> None:
        """Preview the cursor's article once the keys read so far are handled (`KeyTurns.when_done`), in the
        frame that paints the new cursor: one frame per key, and holding `j` renders only the article the
        cursor stops on."""
        if not self._preview_pending:
            self._preview_pending = True
            self.key_turns.when_done(self._show_pending_preview)

    def _show_pending_preview(self) -> None:
        self._preview_pending = False
        if (article := self.article_list.current) is not None and not self._is_shown(article.key):
            self._show(article)

    def action_read(self) -> None:
        """Enter, l, → on the list (or a double click): the reader takes the keys, showing the cursor's article,
        within the binding check, so the keys read with Enter ("enter j j", "k enter j") scroll that article."""
        if (article := self.article_list.current) is not None:
            if not self._is_shown(article.key):
                self._show(article)
            self.screen.set_focus(self.reader)

    def _show(self, entry: Article, *, keep_scroll: bool = False) -> None:
        """Show a list entry: small bodies are read at once, big ones in a worker (never blocking keys)."""
        if self.session is None:
            return
        if entry.partial and entry.size > SYNC_BODY_BYTES:
            self._present(entry, None, keep_scroll=False)
            self.folder.load_article(entry)
            return
        article = self.session.full_article(entry)
        self._present(article, self.session.memory_analysis(article), keep_scroll=keep_scroll)

    @msg.handles(msg.ArticleLoaded)
    def _article_loaded(self, message: msg.ArticleLoaded) -> None:
        if (shown := self.reader_pane.article) is not None and message.key == shown.key and self.session is not None:
            self._present(message.article, self.session.memory_analysis(message.article), keep_scroll=False)

    def _present(self, article: Article, analysis: Analysis | None, *, keep_scroll: bool) -> None:
        pane = self.reader_pane
        new = pane.article is None or pane.article.key != article.key
        if new:
            self.marks.remember()
        pane.show_article(article, analysis, keep_scroll=keep_scroll)
        if self._pending_scroll is not None and not article.partial:
            offset, self._pending_scroll = self._pending_scroll, None
            self.reader.scroll_to(y=self.reader.line_of(offset), animate=False)
        if new:
            self.marks.remember()
        self.marks.article_shown(article, self._is_shown)
        if analysis is None and not article.error and not article.partial:  # once the text is painted:
            self.call_after_refresh(self.folder.analyse_one, article)  # its worker competes for the interpreter

    def _is_shown(self, key: str) -> bool:
        pane = self.query_one_optional(ReaderPane) if self.is_running else None
        return pane is not None and pane.article is not None and pane.article.key == key

    def _where(self) -> tuple[Path, Article, int] | None:
        """Where the reader is: (folder, shown article, offset at the top of the view)."""
        pane, session = self.query_one_optional(ReaderPane), self.session
        if pane is None or pane.article is None or session is None:
            return None
        return session.folder, pane.article, pane.view.offset_of_line(pane.view.scroll_offset.y)

    def _marks_changed(self) -> None:
        if (listing := self.query_one_optional(ListPane)) is not None:  # not while shutting down
            listing.marks_changed()

    def on_unmount(self) -> None:
        collector.release()  # the interpreter's collector again (even if the app quit before its first frame)
        self.marks.stop_clock()
        self.folder.stop_poll()
        self.marks.save(now=True)
        if self.session is not None:
            self.session.close()

    def listed_articles(self) -> Sequence[Article]:  # for the palette (commands.ArticleSource)
        return self.article_list.articles

    def open_article_at(self, index: int) -> None:
        """Move the list to `index` and read it (the palette's "Open article…")."""
        self.article_list.move_to(index)
        self.reader.focus()

    def action_escape(self) -> None:
        """Esc: close the find or the actors panel, else back to the list, else clear the filter."""
        if self.reader_pane.escape():
            return
        if not isinstance(self.focused, ArticleList):
            self.screen.set_focus(self.article_list)
        elif self.list_pane.filter_open:
            self.list_pane.clear_filter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows what matters now: n/N only with matches, esc only when it does something."""
        if (pane := self.query_one_optional(ReaderPane)) is None:
            return True
        if action == "pane" and parameters[:1] == ("step_match",) and parameters[1:] != (0,):
            return bool(pane.find.text)
        if action == "escape":
            return pane.find_open or bool(pane.find.text) or pane.show_actors or \
                self.list_pane.filter_open or not isinstance(self.focused, ArticleList)
        return True

    def action_command_palette(self) -> None:  # Textual's, with its palette safe at any size (`ReaderPalette`)
        if self.use_command_palette and not isinstance(self.screen, ReaderPalette):
            self.push_screen(ReaderPalette(id="--command-palette"))

    def search_themes(self) -> None:  # Textual's "Theme" command, as a `ReaderPalette` too
        from textual.theme import ThemeProvider
        self.push_screen(ReaderPalette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def action_reader(self, action: str, direction: int) -> None:
        getattr(self.reader, f"action_{action}")(direction)

    def action_focus_list(self) -> None:  # `h`: at once, so keys that came with it obey the list's bindings
        self.screen.set_focus(self.article_list)

    def action_pane(self, method: str, *args: Any) -> None:
        """Reader keys (`keys.py`): call the `ReaderPane` method of that name."""
        getattr(self.reader_pane, method)(*args)

    def action_list(self, method: str, *args: Any) -> None:
        """List keys (`keys.py`): call the `ListPane` method of that name."""
        getattr(self.list_pane, method)(*args)

    @on(ReaderPane.ActorFilter)
    def _actor_filter(self, message: ReaderPane.ActorFilter) -> None:
        self.list_pane.set_filter_text(message.query)

    def action_help(self) -> None:
        from newsreader.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.for_app(self, self.reader))

    # ----------------------------------------------------------------------- the "Actor…" palette

    def folder_actors(self) -> tuple[Sequence[FolderActor], str | None]:
        """The folder's cast counted so far and, while counting, a status line (see actor_commands)."""
        return self.folder.actors_for_palette()

    @msg.handles(msg.FolderActorsReady)
    def _folder_actors_ready(self) -> None:
        self.folder.actors_counted = True

    def choose_folder_actor(self, actor: FolderActor) -> None:
        self.list_pane.set_filter_text(actor.filter_query)


def make_app(path: Path | str, **kwargs: Any) -> NewsReaderApp:
    """The app factory used by the CLI, the tests, the benchmarks and the screenshot script."""
    return NewsReaderApp(Path(path), **kwargs)
