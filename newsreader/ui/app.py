"""The newsreader Textual app: wires the list, the reader, workers and keys over the pure core."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from newsreader.analysis.model import Analysis
from newsreader.articles import Article
from newsreader.library import Library, scan
from newsreader.render import Document, build_document
from newsreader.sanitize import clean_line
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.commands import OpenArticleCommand
from newsreader.ui.help_screen import HelpScreen
from newsreader.ui.messages import AnalysisReady, ArticlesFound, LibraryLoaded

THEME = "textual-dark"


def analyse(article: Article, library: Library | None) -> Analysis:
    """Analysis of one article (cached by body hash in the core)."""
    from newsreader.analysis.cache import analyze_cached

    hints = library.hints_for(article) if library is not None else article.hints
    return analyze_cached(article.body, tuple(hints))


class NewsReaderApp(App[None]):
    """List pane + reading pane over one folder of articles."""

    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {OpenArticleCommand}
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
        Binding("h,left,escape", "focus_list", "List", key_display="esc"),
        Binding("H", "toggle_highlight", "Highlights"),
        Binding("r", "reload", "Reload", show=False),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
    ]

    def __init__(
        self,
        path: Path,
        *,
        background_analysis: bool = True,
        analyser: Callable[[Article, Library | None], Analysis] = analyse,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.analyser = analyser
        self.library: Library | None = None
        self.background_analysis = background_analysis
        self.highlight = True
        self._analyses: dict[str, Analysis] = {}
        self._shown_key: str | None = None
        self._loading = True

    # ------------------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Static(self._header_text(), id="header", markup=False)
        with Horizontal(id="panes"):
            yield ArticleList(id="list")
            yield ArticleView(id="reader")
        yield Footer()

    def on_mount(self) -> None:
        self.theme = THEME
        self.article_list.focus()
        self.load_library()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ArticleView:
        return self.query_one(ArticleView)

    def _header_text(self) -> str:
        where = clean_line(self.path.resolve().name or str(self.path), 80)
        if self.library is None:
            return f" newsreader  {where} · loading…"
        n = len(self.library.articles)
        errors = len(self.library.errors)
        text = f" newsreader  {where} · {n} article{'s' if n != 1 else ''}"
        if errors:
            text += f" · {errors} could not be read"
        if self.library.config.problem:
            text += " · config problem"
        return text

    # ------------------------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="scan", exit_on_error=False)
    def load_library(self) -> None:
        """Scan in a thread: titles appear in batches, the first frame never waits for the folder."""
        library = scan(self.path, progress=lambda batch: self.post_message(ArticlesFound(list(batch))))
        self.post_message(LibraryLoaded(library))

    @on(ArticlesFound)
    def _articles_found(self, message: ArticlesFound) -> None:
        if self._loading:
            keep = self.article_list.current.key if self.article_list.current else None
            self.article_list.set_articles(self.article_list.articles + message.articles, keep_key=keep)

    @on(LibraryLoaded)
    def _library_loaded(self, message: LibraryLoaded) -> None:
        self._loading = False
        self.library = message.library
        self.query_one("#header", Static).update(self._header_text())
        articles = message.library.articles
        self.article_list.empty_message = "No articles here."
        self.article_list.set_articles(articles, keep_key=self._shown_key)
        if not articles:
            self._show_empty_state()
        if self.library.config.problem:
            self.notify(self.library.config.problem, severity="warning")
        if self.background_analysis and articles:
            self.analyse_all(articles)

    def _show_empty_state(self) -> None:
        self._shown_key = None
        folder = clean_line(str(self.path), 200)
        text = (
            "No articles yet\n\n"
            f"There are no articles in {folder}.\n\n"
            "newsreader reads .txt, .md and .yaml files in this folder and its sub-folders. "
            "Add some and press r to reload, or open another folder: newsreader PATH"
        )
        from newsreader.markdown_text import StyleSpan

        self.reader.set_document(Document(text, 0, [StyleSpan(0, 15, "title")]))

    def action_reload(self) -> None:
        self._loading = True
        self.query_one("#header", Static).update(self._header_text().replace("articles", "articles · reloading…", 1))
        self.load_library()

    # ----------------------------------------------------------------------------------- analysis

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def analyse_one(self, article: Article) -> None:
        self.post_message(AnalysisReady(article.key, self.analyser(article, self.library)))

    @work(thread=True, exclusive=True, group="background-analysis", exit_on_error=False)
    def analyse_all(self, articles: list[Article]) -> None:
        """Analyse the folder in the background (quotation counts, later the filter and actor index)."""
        worker = get_current_worker()
        last = time.monotonic()
        batch: list[tuple[str, Analysis]] = []
        for article in articles:
            if worker.is_cancelled:
                return
            if article.error or article.key in self._analyses:
                continue
            batch.append((article.key, self.analyser(article, self.library)))
            if time.monotonic() - last > 0.2:
                for key, analysis in batch:
                    self.post_message(AnalysisReady(key, analysis))
                batch, last = [], time.monotonic()
            time.sleep(0)  # let the UI thread in
        for key, analysis in batch:
            self.post_message(AnalysisReady(key, analysis))

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        self._analyses[message.key] = message.analysis
        self.article_list.set_quote_count(message.key, len(message.analysis.quotes))
        if message.key == self._shown_key:
            current = self.article_list.current
            if current is not None and current.key == message.key:
                self._show(current, keep_scroll=True)

    # -------------------------------------------------------------------------------------- views

    @on(ArticleList.Highlighted)
    def _preview(self, message: ArticleList.Highlighted) -> None:
        if message.article.key != self._shown_key:
            self._show(message.article)

    @on(ArticleList.Selected)
    def _open(self, message: ArticleList.Selected) -> None:
        self.reader.focus()

    def _show(self, article: Article, *, keep_scroll: bool = False) -> None:
        analysis = self._analyses.get(article.key)
        self.reader.set_document(build_document(article, analysis, highlight=True), keep_scroll=keep_scroll)
        self.reader.set_highlight(self.highlight)
        self._shown_key = article.key
        if analysis is None and not article.error:
            self.analyse_one(article)

    def open_article_at(self, index: int) -> None:
        """Move the list to `index` and read it (the palette's "Open article…")."""
        self.article_list.move_to(index)
        self.reader.focus()

    # ------------------------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Footer shows what matters now: reader keys only while reading."""
        if action == "focus_list" and self.screen is self.screen_stack[0]:
            focused = self.focused
            return focused is not None and not isinstance(focused, ArticleList)
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
        sections = [
            ("Everywhere", self.BINDINGS),
            ("Article list", ArticleList.BINDINGS),
            ("Reader", ArticleView.BINDINGS),
            ("Command palette", [Binding("ctrl+p", "command_palette", "Commands, and Open article…")]),
        ]
        self.push_screen(HelpScreen(sections, legend))


def make_app(path: Path | str, **kwargs: Any) -> NewsReaderApp:
    """The app factory used by the CLI, the tests, the benchmarks and the screenshot script."""
    return NewsReaderApp(Path(path), **kwargs)
