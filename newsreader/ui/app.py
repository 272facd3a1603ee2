"""The newsreader Textual app: wires the list, the reader, workers and keys over the pure core."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any, Callable

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from newsreader.analysis.model import Analysis
from newsreader.articles import Article
from newsreader.library import Library, scan
from newsreader.render import Document, build_document
from newsreader.sanitize import clean_line
from newsreader.search import (
    FilterQuery,
    SearchDoc,
    analysis_fields,
    did_wrap,
    filter_docs,
    find_matches,
    match_index_at_or_after,
    next_match,
    parse_filter,
    prepare_docs,
)
from newsreader.ui.article_list import ArticleList
from newsreader.ui.article_view import ArticleView
from newsreader.ui.commands import OpenArticleCommand
from newsreader.ui.filter_bar import FilterBar
from newsreader.ui.find_bar import FindBar
from newsreader.ui.help_screen import HelpScreen
from newsreader.ui.messages import AnalysisReady, ArticlesFound, FilterResult, LibraryLoaded

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
        Binding("h,left", "focus_list", "List", show=False),
        Binding("escape", "escape", "Back", key_display="esc"),
        Binding("slash,ctrl+f", "open_find", "Find"),
        Binding("n", "find_step(1)", "Next match"),
        Binding("N", "find_step(-1)", "Previous match"),
        Binding("enter", "find_step(1)", "Next match", show=False),
        Binding("f", "open_filter", "Filter"),
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
        # find in the article (document offsets into the reader's Document)
        self.find_query = ""
        self.find_regex = False
        self.find_word = False
        self.find_matches: list[tuple[int, int]] = []
        self.find_current = -1
        # folder filter
        self._docs: list[SearchDoc] = []
        self._filter: FilterQuery = FilterQuery()
        self._filter_text = ""
        self._filter_timer: Any = None
        self._refilter_pending = False
        self._find_from_filter = False  # the find shows the filter's words (not typed by the user)

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
        self.theme = THEME
        self.article_list.focus()
        self.load_library()

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
        self._docs = [self._search_doc(a) for a in articles]
        self.article_list.empty_message = "No articles here."
        if self._filter.is_empty:
            self.article_list.set_articles(articles, keep_key=self._shown_key)
        else:
            self._run_filter()
        if not articles:
            self._show_empty_state()
        else:
            self.prepare_search(self._docs)
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
        doc = self._doc_by_key.get(message.key) if self._docs else None
        if doc is not None:
            doc.actors, doc.quotes = analysis_fields(message.analysis)
            if self._filter.needs_analysis and not self._refilter_pending:
                self._refilter_pending = True
                self.set_timer(0.5, self._refilter_after_analysis)
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
        new_article = article.key != self._shown_key
        self.reader.set_document(build_document(article, analysis, highlight=True), keep_scroll=keep_scroll)
        self.reader.set_highlight(self.highlight)
        self._shown_key = article.key
        if new_article and (self._find_from_filter or not self.find_bar.is_open):
            self._prehighlight_filter()
        if self.find_query:
            self._run_find(keep_current=not new_article, scroll=new_article)
        if analysis is None and not article.error:
            self.analyse_one(article)

    def open_article_at(self, index: int) -> None:
        """Move the list to `index` and read it (the palette's "Open article…")."""
        self.article_list.move_to(index)
        self.reader.focus()

    # --------------------------------------------------------------------------------------- find

    def action_open_find(self) -> None:
        self.find_bar.open()

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        self._find_from_filter = False
        self.find_query, self.find_regex, self.find_word = message.query, message.regex, message.whole_word
        self._run_find()

    def _run_find(self, *, keep_current: bool = False, scroll: bool = True) -> None:
        """Search the shown document; the current match is the first one at or below the view's top."""
        result = find_matches(self.reader.document.text, self.find_query, regex=self.find_regex,
                              whole_word=self.find_word)
        previous = self.find_matches[self.find_current] if 0 <= self.find_current < len(self.find_matches) else None
        self.find_matches = result.matches
        if not result.matches:
            self.find_current = -1
        elif keep_current and previous in result.matches:
            self.find_current = result.matches.index(previous)
        else:
            top = self.reader.offset_of_line(self.reader.scroll_offset.y)
            self.find_current = match_index_at_or_after(result.matches, top) % len(result.matches)
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

    @on(FindBar.Step)
    def _find_step_message(self, message: FindBar.Step) -> None:
        self.action_find_step(message.direction)

    def action_find_step(self, direction: int) -> None:
        if not self.find_matches:
            if self.find_query:
                self.notify("No matches", timeout=1.5)
            return
        new = next_match(self.find_matches, self.find_current, direction)
        if did_wrap(self.find_current, new, direction):
            self.notify("Wrapped to the top" if direction > 0 else "Wrapped to the bottom", timeout=1.5)
        self.find_current = new
        self.reader.set_current(new)
        self._show_find_position()
        self.reader.scroll_to_offset(self.find_matches[new][0])

    @on(FindBar.Done)
    def _find_done(self) -> None:
        self.reader.focus()

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self.close_find()
        self.reader.focus()

    def close_find(self) -> None:
        self._find_from_filter = False
        self.find_bar.close()
        self.find_query, self.find_matches, self.find_current = "", [], -1
        self.reader.set_matches([], -1)

    # ------------------------------------------------------------------------------------- filter

    def _search_doc(self, article: Article) -> SearchDoc:
        doc = SearchDoc(article.key, article.title, article.body, article.source or "")
        analysis = self._analyses.get(article.key)
        if analysis is not None:
            doc.actors, doc.quotes = analysis_fields(analysis)
        return doc

    @property
    def _doc_by_key(self) -> dict[str, SearchDoc]:
        if getattr(self, "_doc_index_of", None) is not self._docs:
            self._doc_index = {d.key: d for d in self._docs}
            self._doc_index_of = self._docs
        return self._doc_index

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def prepare_search(self, docs: list[SearchDoc]) -> None:
        """Fold every title and body once in the background so the first filter keystroke is fast."""
        worker = get_current_worker()
        prepare_docs(docs, cancelled=lambda: worker.is_cancelled)

    def action_open_filter(self) -> None:
        self.filter_bar.open()

    @on(FilterBar.Changed)
    def _filter_changed(self, message: FilterBar.Changed) -> None:
        self._filter_text = message.query
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(0.08, self._run_filter)

    def _run_filter(self) -> None:
        self._filter = parse_filter(self._filter_text)
        if self.library is None:
            return
        if self._filter.is_empty:
            self.workers.cancel_group(self, "filter")
            self.article_list.set_articles(self.library.articles, keep_key=self._shown_key)
            self.filter_bar.set_status("")
            if self._find_from_filter:
                self.close_find()
            return
        self.filter_library(self._filter_text, self._filter, self._docs)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def filter_library(self, text: str, query: FilterQuery, docs: list[SearchDoc]) -> None:
        worker = get_current_worker()
        indices = filter_docs(docs, query, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(FilterResult(text, indices))

    @on(FilterResult)
    def _filter_result(self, message: FilterResult) -> None:
        if message.query != self._filter_text or self.library is None:
            return
        articles = self.library.articles
        shown = [articles[i] for i in message.indices if i < len(articles)]
        self.article_list.empty_message = "Nothing matches this filter."
        self.article_list.set_articles(shown, keep_key=self._shown_key)
        status = f"{len(shown)} of {len(articles)}"
        if self._filter.needs_analysis:
            pending = sum(1 for d in self._docs if d.actors is None)
            if pending:
                status += f" · analysing {len(articles) - pending}/{len(articles)}"
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

    @on(FilterBar.Done)
    def _filter_done(self) -> None:
        self.article_list.focus()

    @on(FilterBar.Cleared)
    def _filter_cleared(self) -> None:
        self.filter_bar.close()
        self._filter_text = ""
        self._run_filter()
        self.article_list.focus()

    # ------------------------------------------------------------------------------------ actions

    def action_escape(self) -> None:
        """Esc: close the find (clearing its highlights), else clear a filter, else back to the list."""
        if self.find_bar.is_open or self.find_query:
            self.close_find()
        elif not isinstance(self.focused, ArticleList):
            self.article_list.focus()
        elif self.filter_bar.is_open:
            self._filter_cleared()

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
        sections = [
            ("Everywhere", self.BINDINGS),
            ("Article list", ArticleList.BINDINGS),
            ("Reader", ArticleView.BINDINGS),
            ("Find bar (/)", [*FindBar.BINDINGS, Binding("enter", "done", "Keep the matches, back to the reader")]),
            ("Filter (f): words \"phrase\" -word actor:NAME source:X quote:WORDS",
             [*FilterBar.BINDINGS, Binding("enter", "done", "Keep the filter, back to the list")]),
            ("Command palette", [Binding("ctrl+p", "command_palette", "Commands, and Open article…")]),
        ]
        self.push_screen(HelpScreen(sections, legend))


def make_app(path: Path | str, **kwargs: Any) -> NewsReaderApp:
    """The app factory used by the CLI, the tests, the benchmarks and the screenshot script."""
    return NewsReaderApp(Path(path), **kwargs)
