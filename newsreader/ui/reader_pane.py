"""The reading side of the screen: the article view, its find bar, the actors panel and who-said-what.

`ReaderPane` is the one owner of the reading state — the shown article and its analysis, the find query,
its matches and the current match, the actor chosen in the panel and the mention `]`/`[` stopped on, the
quotation `}`/`{` stopped on, and the highlight switch. Its children paint from that state: the view's
match, mention and highlight reactives are bound to the pane's (`data_bind`), the document is rebuilt
from article + analysis + chosen actor, the find bar's counter from the matches. The App only tells the
pane what to show (`show_article`, `set_analysis`, `set_filter`) and routes keys to its public actions.

Literal find runs synchronously (it is linear, so its highlights paint with the input's echo); a regex
runs in a thread worker that forks a child with a time budget (`find_process`), so no pattern can freeze
the screen, and a newer keystroke cancels the older search.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive, var
from textual.widgets import Static
from textual.worker import get_current_worker

from newsreader.markdown_text import StyleSpan
from newsreader.render import Document, build_document
from newsreader.ui.article_view import ArticleView, Spans

if TYPE_CHECKING:
    from newsreader.analysis.model import Actor, Analysis
    from newsreader.articles import Article
    from newsreader.query import FilterQuery
    from newsreader.search import FindResult
    from newsreader.ui.actors_panel import ActorsPanel
    from newsreader.ui.find_bar import FindBar

MORE_MATCHES_AT = 100_000  # search.MAX_MATCHES: the counter then says "+"


class ReadingColumn(Vertical):
    """The article view above its find bar and status line (made on first use)."""

    BLANK = True  # its children cover it (see ReaderScreen)


class FindQuery(NamedTuple):
    """What the find searches for. `from_filter`: the list filter's words, not typed by the user.
    (A NamedTuple, not a frozen dataclass: it is made on the way to the first frame, see `ui/messages.py`.)"""

    text: str = ""
    regex: bool = False
    whole_word: bool = False
    from_filter: bool = False


class RegexFound(Message):
    """A regex search finished in its worker (applied only if `query` is still the find's query)."""

    def __init__(self, query: FindQuery, document: Document, result: FindResult, keep_current: bool,
                 scroll: bool) -> None:
        super().__init__()
        self.query = query
        self.document = document
        self.result = result
        self.keep_current = keep_current
        self.scroll = scroll


class ReaderPane(Horizontal):
    """Article view + find bar + (on first `a`) the actors panel. See the module docstring.

    What to show: `show_article(article, analysis, keep_scroll=)`, `set_analysis(analysis)`,
    `set_filter(query)`, `empty_state(folder)`. Actions (the App routes keys to these by name):
    `open_find`, `close_find`, `step_match(±1)`, `toggle_actors`, `step_mention(±1)`, `step_quote(±1)`,
    `go_to_quote(i)`, `who_said`, `toggle_highlight`, `escape`. State to read or watch
    (`self.watch(pane, "article", …)`): the reactives below; children: `view`, `find_bar`, `actors_panel`.
    """

    class ActorFilter(Message):
        """The user chose an actor in the panel (Enter): filter the folder by `query`."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    BLANK = True  # its children cover it (see ReaderScreen)

    # Enter in the find bar: a priority binding, as the filter's (`ListPane`): keys in the same read as
    # the Enter reach the reader (n, N, j), not the find's text
    BINDINGS = [Binding("enter", "find_done", "Keep the matches, read on", show=False, priority=True)]

    article: var[Article | None] = var(None)
    """The article shown (a list entry until a big body has been read)."""
    analysis: var[Analysis | None] = var(None)
    """Its analysis, once known (kept here: the session's cache may let it go)."""
    list_filter: var[FilterQuery | None] = var(None)
    """The folder filter the list shows: its words (and actors) become find matches."""
    highlight: reactive[bool] = reactive(True, init=False)
    """Analysis highlights (quotations, actors) on; `H` switches."""
    find: reactive[FindQuery] = reactive(FindQuery, init=False)
    """The find query; the matches below are derived from it and the document."""
    matches: reactive[Spans] = reactive((), init=False)
    """Find matches as document offsets (the view paints them)."""
    current_match: reactive[int] = reactive(-1, init=False)
    """Index into `matches` of the current match, or -1."""
    find_error: var[str | None] = var(None)
    """Why the find has no matches (a bad regex, a stopped search), or None."""
    focus_actor: reactive[Actor | None] = reactive(None, init=False)
    """The actor chosen in the panel: the reader shows only its mentions and quotations."""
    mention: reactive[int | None] = reactive(None, init=False)
    """Index into `mentions` of the mention `]`/`[` stopped on."""
    quote: var[int | None] = var(None)
    """Index into the analysis' quotations of the one `}`/`{` or who-said-what stopped on."""
    show_actors: reactive[bool] = reactive(False, init=False)
    """The actors panel is open."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._panel: ActorsPanel | None = None
        self._find_bar: FindBar | None = None
        self._status: Static | None = None

    def compose(self) -> ComposeResult:
        # the find bar and the status line under the text are made on first use (most sessions never
        # show them, and each widget costs the first frame)
        with ReadingColumn(id="reading"):
            yield ArticleView(id="reader").data_bind(
                ReaderPane.highlight, ReaderPane.matches, ReaderPane.current_match
            )

    # --------------------------------------------------------------------------------- children

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def find_bar(self) -> FindBar:
        """The find bar, made (and its module loaded) the first time it is asked for."""
        if self._find_bar is None:
            from newsreader.ui.find_bar import FindBar

            self._find_bar = FindBar(id="find-bar")
            self.query_one("#reading").mount(self._find_bar)
            self.watch(self._find_bar, "text", self._find_typed, init=False)
        return self._find_bar

    @property
    def find_open(self) -> bool:
        """The find bar is open (False while it has never been made)."""
        return self._find_bar is not None and self._find_bar.is_open

    @property
    def actors_panel(self) -> ActorsPanel | None:
        """The panel, once `a` has been pressed (it is mounted on first use)."""
        return self._panel

    @property
    def document(self) -> Document:
        return self.view.document

    @property
    def full_analysis(self) -> Analysis | None:
        """The analysis of the whole article (None while only a big article's list entry is known)."""
        return self.analysis if self.article is not None and not self.article.partial else None

    @property
    def mentions(self) -> list[tuple[int, int]]:
        """Body spans of the chosen actor's mentions ("he said" included)."""
        actor = self.focus_actor
        if actor is None:
            return []
        from newsreader.actor_index import actor_mentions  # loaded with the first actor chosen

        return actor_mentions(actor, self.full_analysis)

    # ------------------------------------------------------------------------------ what to show

    def show_article(self, article: Article, analysis: Analysis | None, *, keep_scroll: bool = False) -> None:
        """Show `article` (a new one, or the same re-read). A new article resets the actor, the mention
        and the quotation; the find query stays and is searched again in the new text."""
        new = self.article is None or article.key != self.article.key
        self.analysis = analysis
        self.article = article
        if new:
            self.set_reactive(ReaderPane.focus_actor, None)
            self.set_reactive(ReaderPane.mention, None)
            self.quote = None
            self._show_position()
        self._paint(keep_scroll=keep_scroll and not new, new_article=new)
        if new:
            self._refresh_panel()

    def set_analysis(self, analysis: Analysis) -> None:
        """The shown article's analysis arrived (or changed): repaint in place, keep the chosen actor."""
        self.analysis = analysis
        actor = self.focus_actor
        if actor is not None:
            same = next((a for a in analysis.actors if a.name == actor.name), None)
            self.set_reactive(ReaderPane.focus_actor, same)
        self._paint(keep_scroll=True)
        self._refresh_panel()

    def show_message(self, document: Document) -> None:
        """A message instead of an article (the empty folder)."""
        self.article, self.analysis = None, None
        self.view.set_document(document)
        self._search()

    def set_filter(self, query: FilterQuery | None) -> None:
        """The list's filter changed: unless the user typed a find, its words become the matches."""
        self.list_filter = query
        if not self.find.text or self.find.from_filter:
            self._find_from_filter()

    def _paint(self, *, keep_scroll: bool, new_article: bool = False) -> None:
        article = self.article
        if article is None:
            return
        analysis = self.full_analysis
        shown = analysis
        if analysis is not None and self.focus_actor is not None:
            from newsreader.actor_index import only_actor

            shown = only_actor(analysis, self.focus_actor)
        # before the analysis arrives, the index's count keeps the meta line from changing under the reader
        quotes = len(analysis.quotes) if analysis is not None else article.quote_count
        self.view.set_document(build_document(article, shown, quote_count=quotes), keep_scroll=keep_scroll)
        if self.find.from_filter or not self.find.text:
            # the filter's actors are known only once the analysis is: look again on every paint,
            # but move the reader only for a new article
            self._find_from_filter(scroll=new_article)
        else:
            self._search(keep_current=not new_article, scroll=new_article)

    # -------------------------------------------------------------------------------------- find

    def open_find(self) -> None:
        """`/`: the bar takes the keys. Words the filter put there are selected, so typing starts a new
        find (as a browser's find box does) while Enter or the arrows keep them."""
        self.find_bar.open()
        if self.find.from_filter:
            self.find_bar.input.select_all()

    def close_find(self) -> None:
        """Close the bar and clear every highlight it made."""
        self.find = FindQuery()
        if self._find_bar is not None:
            self._find_bar.close()

    def watch_find(self, old: FindQuery, new: FindQuery) -> None:
        self._find_changed(old, new, scroll=True)

    def _find_changed(self, old: FindQuery, new: FindQuery, *, scroll: bool) -> None:
        if self._find_bar is not None or new != FindQuery():
            self.find_bar.show_flags(new.regex, new.whole_word)
        if bool(old.text) != bool(new.text):
            self.app.refresh_bindings()  # n/N appear in the footer while there is a find
        if (old.text, old.regex, old.whole_word) != (new.text, new.regex, new.whole_word):
            self._search(scroll=scroll)

    def _find_typed(self, text: str) -> None:
        """The find bar's text changed: typed, unless it is the query already (the pane sets its query
        before it fills in or clears the bar). Runs within the keystroke (a watcher of `FindBar.text`), so
        a literal find's highlights are painted in the same frame as the input's echo."""
        if text != self.find.text:
            self.find = FindQuery(text, self.find.regex, self.find.whole_word)

    def on_find_bar_toggled(self, message: FindBar.Toggled) -> None:
        message.stop()
        if message.flag == "regex":
            self.find = self.find._replace(regex=not self.find.regex, from_filter=False)
        else:
            self.find = self.find._replace(whole_word=not self.find.whole_word, from_filter=False)

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        message.stop()
        self.step_match(message.direction)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is the find bar's only while its input has the keys."""
        if action == "find_done":
            return self._find_bar is not None and self.screen.focused is self._find_bar.input
        return True

    def action_find_done(self) -> None:
        """Keep the matches; the reader takes the keys now (then n/N step), not after those queued."""
        self.screen.set_focus(self.view)

    def on_find_bar_closed(self, message: FindBar.Closed) -> None:
        message.stop()
        self.close_find()
        self.view.focus()

    def _find_from_filter(self, *, scroll: bool = True) -> None:
        """Show the filter's words (and its actors' mentions) as the find, so n/N step through them;
        `scroll` to the first one."""
        wanted = self._filter_find_text()
        if wanted is None:
            if self.find.from_filter:
                self.close_find()
            return
        text, regex = wanted
        query, old = FindQuery(text, regex, False, from_filter=True), self.find
        if query == old:
            self._search(keep_current=not scroll, scroll=scroll)
        else:
            self.set_reactive(ReaderPane.find, query)  # not through the watcher: it would always scroll
            self._find_changed(old, query, scroll=scroll)
        self.find_bar.open(text, focus=False)

    def _filter_find_text(self) -> tuple[str, bool] | None:
        """The filter's words as a find query: one literal word, or a regex of several; an `actor:`
        term adds the chosen actors' names and aliases as they are written here (whole words)."""
        query = self.list_filter
        if query is None or query.is_empty:
            return None
        words = list(dict.fromkeys(t.lower() for t in query.highlight_terms() if t.strip()))
        names = list(dict.fromkeys(self._filter_actor_names()))
        if len(words) == 1 and not names:
            return words[0], False
        if not words and not names:
            return None
        longest_first = sorted([*(re.escape(w) for w in words), *(rf"\b{re.escape(n)}\b" for n in names)],
                               key=len, reverse=True)
        return "(?i:" + "|".join(longest_first) + ")", True

    def _filter_actor_names(self) -> list[str]:
        """Names and aliases of this article's actors that the filter's `actor:` terms select."""
        from newsreader.query import FilterQuery, SearchDoc, filter_docs

        query, analysis = self.list_filter, self.full_analysis
        if query is None or analysis is None:
            return []
        wanted = FilterQuery(tuple(t for t in query.terms if t.field == "actor" and not t.negate))
        if wanted.is_empty:
            return []
        names: list[str] = []
        for actor in analysis.actors:
            doc = SearchDoc(actor.name, "", "", actors=((actor.name, *actor.aliases),), quotes=())
            if filter_docs([doc], wanted):
                names += [actor.name, *actor.aliases]
        return names

    def _search(self, *, keep_current: bool = False, scroll: bool = True) -> None:
        """Search the shown document for the find query: at once for text, in a worker for a regex."""
        query = self.find
        document = self.document
        self.workers.cancel_group(self, "regex-find")
        if query.regex and query.text and not query.from_filter:  # the filter's regex is escaped words
            from newsreader.find_process import CAN_FORK

            if CAN_FORK:
                self.find_bar.set_status("searching…")
                self._find_regex(query, document, keep_current, scroll)
                return
        from newsreader.search import find_matches

        result = find_matches(document.text, query.text, regex=query.regex, whole_word=query.whole_word)
        self._apply_find(result, keep_current=keep_current, scroll=scroll)

    @work(thread=True, exclusive=True, group="regex-find", exit_on_error=False, description="regex find")
    def _find_regex(self, query: FindQuery, document: Document, keep_current: bool, scroll: bool) -> None:
        from newsreader.find_process import find_in_child

        worker = get_current_worker()
        result = find_in_child(document.text, query.text, whole_word=query.whole_word,
                               cancelled=lambda: worker.is_cancelled)
        if result is not None and not worker.is_cancelled:
            self.post_message(RegexFound(query, document, result, keep_current, scroll))

    @on(RegexFound)
    def _regex_found(self, message: RegexFound) -> None:
        if message.query == self.find and message.document is self.document:
            self._apply_find(message.result, keep_current=message.keep_current, scroll=message.scroll)

    def _apply_find(self, result: FindResult, *, keep_current: bool, scroll: bool) -> None:
        """New matches: the current one stays if still there, else the first at or below the view's top."""
        from newsreader.search import match_index_at_or_after

        previous = self.matches[self.current_match] if 0 <= self.current_match < len(self.matches) else None
        found = tuple(result.matches)
        if not found:
            current = -1
        elif keep_current and previous in found:
            current = found.index(previous)
        else:
            current = match_index_at_or_after(found, self.view.offset_of_line(self.view.scroll_offset.y)) % len(found)
        self.find_error = result.error
        self.matches = found
        self.current_match = current
        self._show_find_status()
        if scroll and current >= 0:
            self.view.scroll_to_offset(found[current][0])

    def _show_find_status(self) -> None:
        if self._find_bar is None and not self.find.text:
            return  # nothing to say, and no bar to say it in
        if self.find_error:
            self.find_bar.set_status(self.find_error, error=True)
        elif not self.find.text:
            self.find_bar.set_status("")
        elif not self.matches:
            self.find_bar.set_status("no matches", error=True)
        else:
            more = "+" if len(self.matches) >= MORE_MATCHES_AT else ""
            self.find_bar.set_status(f"{self.current_match + 1}/{len(self.matches)}{more}")

    def step_match(self, direction: int) -> None:
        """`n`/`N`: the next / previous match, wrapping (the counter says so). 0: there is no find."""
        from newsreader.search import did_wrap, next_match

        if not self.matches or not direction:
            self.notify("Nothing to step through: press / to find" if not self.find.text else "No matches",
                        timeout=1.5)
            return
        new = next_match(self.matches, self.current_match, direction)
        wrapped = did_wrap(self.current_match, new, direction)
        self.current_match = new
        self._show_find_status()
        if wrapped:  # in the counter, not a notice over it
            self.find_bar.set_status(("↻ top " if direction > 0 else "↻ end ") + self.find_bar.status_text)
        self.view.scroll_to_offset(self.matches[new][0])

    # ------------------------------------------------------------------------------ actors panel

    def toggle_actors(self) -> None:
        self.show_actors = not self.show_actors

    async def watch_show_actors(self, show: bool) -> None:
        self.app.refresh_bindings()  # esc closes the panel
        if show:
            panel = self._panel
            if panel is None:
                from newsreader.ui.actors_panel import ActorsPanel

                panel = self._panel = ActorsPanel(id="actors")
                await self.mount(panel)
            panel.set_analysis(self.full_analysis)
            panel.display = True
            panel.focus()
        elif self._panel is not None:
            self._panel.display = False
            self.focus_actor = None
            self.view.focus()

    def _refresh_panel(self) -> None:
        if self._panel is not None and self.show_actors:
            self._panel.set_analysis(self.full_analysis)

    def on_actors_panel_actor_highlighted(self, message: ActorsPanel.ActorHighlighted) -> None:
        """The panel's cursor is on an actor: show only it. Moving there scrolls to its first mention;
        opening the panel (`moved` False) keeps the reader's place."""
        message.stop()
        self.focus_actor = message.actor
        if message.moved and self.mentions:
            self.mention = 0
            self._scroll_to_body(self.mentions[0][0])

    def on_actors_panel_actor_chosen(self, message: ActorsPanel.ActorChosen) -> None:
        from newsreader.actor_index import actor_filter

        message.stop()
        self.post_message(self.ActorFilter(actor_filter(message.actor.name)))

    def watch_analysis(self) -> None:
        """Another analysis (a reloaded article's): the mention and the quotation stepped to were places in
        the one before, so they go (a shorter version left `]` an index past its mentions, and raised)."""
        self.mention = None
        self.quote = None

    def watch_focus_actor(self) -> None:
        self.set_reactive(ReaderPane.mention, None)
        self._paint(keep_scroll=True)
        self._show_mention()

    def watch_mention(self) -> None:
        self._show_mention()

    def _show_mention(self) -> None:
        mentions, index = self.mentions, self.mention
        if index is not None and 0 <= index < len(mentions):
            s, e = mentions[index]
            base = self.document.body_offset
            self.view.current_mention = (base + s, base + e)
        else:
            self.view.current_mention = None
        self._show_position()

    def step_mention(self, direction: int) -> None:
        """`]`/`[`: the chosen actor's next / previous mention from where the reader is, wrapping."""
        from newsreader.actor_index import next_span

        actor = self.focus_actor
        if actor is None:
            self.notify("Choose an actor first: press a, then move to one.", timeout=2.5)
            return
        mentions = self.mentions
        if not mentions:
            self.notify(f"No mentions of {actor.name} here.", timeout=2, markup=False)
            return
        if self.mention is None or not self._body_offset_visible(mentions[self.mention][0]):
            offset = self.top_body_offset() - (1 if direction > 0 else 0)
        else:
            offset = mentions[self.mention][0]
        found = next_span(mentions, offset, direction)
        if found is None:
            found = 0 if direction > 0 else len(mentions) - 1
        self.mention = found
        self._scroll_to_body(mentions[found][0])

    # -------------------------------------------------------------------------------- quotations

    def step_quote(self, direction: int) -> None:
        """`}`/`{`: the next / previous quotation from where the reader is."""
        from newsreader.actor_index import next_quote

        analysis = self.full_analysis
        if analysis is None or not analysis.quotes:
            self.notify("No quotations here." if analysis is not None else "Still analysing…", timeout=1.5)
            return
        quotes = analysis.quotes
        current = self.quote
        if current is not None and current < len(quotes) and self._body_offset_visible(quotes[current].start):
            offset = quotes[current].start
        else:
            offset = self.top_body_offset() - (1 if direction > 0 else 0)
        found = next_quote(quotes, offset, direction)
        if found is None:
            self.notify("That was the last quotation." if direction > 0 else "That was the first quotation.",
                        timeout=1.5)
            return
        self.go_to_quote(found)

    def go_to_quote(self, index: int) -> None:
        analysis = self.full_analysis
        if analysis is not None and 0 <= index < len(analysis.quotes):
            self.quote = index
            self._scroll_to_body(analysis.quotes[index].start)
            self._show_position()

    def who_said(self) -> None:
        """Who said what: the quotations by speaker; choosing one scrolls the reader to it."""
        from newsreader.ui.who_said import WhoSaidScreen

        analysis, article = self.full_analysis, self.article
        if article is None or analysis is None:
            self.notify("Still analysing this article…" if article is not None else "No article open.", timeout=2)
            return
        if not analysis.quotes:
            self.notify("No quotations in this article.", timeout=2)
            return

        def jump(index: int | None) -> None:
            """Go to the chosen quotation where it is now: the file may have changed while the list was open."""
            if index is None:
                return
            now, quote = self.full_analysis, analysis.quotes[index]
            if self.article is None or self.article.key != article.key or now is None or quote not in now.quotes:
                self.notify("That quotation is no longer in the article: its file changed.", timeout=3)
                return
            self.go_to_quote(now.quotes.index(quote))
            self.view.focus()

        self.app.push_screen(WhoSaidScreen(analysis, article.title), jump)

    # ----------------------------------------------------------------- the article's source (issue 16)

    def open_link(self) -> None:
        """`o`: the article's URL (or its file) in a browser."""
        from newsreader.links import article_link
        from newsreader.ui.hand_off import open_link

        if self.article is not None:
            open_link(self.app, article_link(self.article))

    def show_info(self) -> None:
        """`i`: every front-matter field of the article."""
        from newsreader.article_info import front_matter_rows
        from newsreader.ui.info_screen import InfoScreen

        session = getattr(self.app, "session", None)
        folder = session.folder if session is not None else None
        if self.article is not None:
            self.app.push_screen(InfoScreen(self.article.title, front_matter_rows(self.article, folder)))

    def copy_link(self) -> None:
        """`Y`: the article's URL, else its file's absolute path."""
        from newsreader.links import web_url
        from newsreader.ui.hand_off import copy_out

        article = self.article
        if article is not None:
            url = web_url(article)
            copy_out(self.app, url or str(article.path.absolute()), "the URL" if url else "the file's path")

    def copy_quote(self) -> None:
        """`y`: the current quotation as `“…” — Speaker` and where it comes from."""
        from newsreader.citation import cite_quote
        from newsreader.ui.hand_off import copy_out

        index = self.quote_to_copy()
        if self.article is None or self.full_analysis is None or index is None:
            self.notify("No quotation on screen: } goes to the next one." if self.full_analysis is not None
                        else "Still analysing…", timeout=2)
            return
        quote = self.full_analysis.quotes[index]
        who = f" by {quote.speaker}" if quote.speaker else ""
        copy_out(self.app, cite_quote(self.article, quote), f"the quotation{who}")

    def quote_to_copy(self) -> int | None:
        """The quotation `}`/`{` or who-said-what stopped on, else the first one on screen."""
        analysis = self.full_analysis
        if analysis is None or not analysis.quotes:
            return None
        if self.quote is not None and self.quote < len(analysis.quotes):
            return self.quote
        view = self.view
        lines = view.visible_line_range()
        on_screen = [i for i, q in enumerate(analysis.quotes)
                     if view.line_of(self.document.body_offset + q.start) in lines
                     or view.line_of(self.document.body_offset + max(q.start, q.end - 1)) in lines]
        return min(on_screen, key=lambda i: analysis.quotes[i].start) if on_screen else None

    # ---------------------------------------------------------------------------------- position

    def _show_position(self) -> None:
        """"Ken Hu · mention 3/9" under the text while stepping through an actor's mentions."""
        actor, mentions = self.focus_actor, self.mentions
        text = ""
        if actor is not None and self.mention is not None and mentions:
            text = f" {actor.name} · mention {self.mention + 1}/{len(mentions)}   ] next  [ previous"
        status = self._status
        if status is None:
            if not text:
                return
            status = self._status = Static("", id="reader-status", markup=False)  # made on first use
            self.query_one("#reading").mount(status, after=self.view)
        if status.content != text:  # (a layout of the screen for nothing, at every `j`, otherwise)
            status.update(text, layout=False)  # (one line high: its size never changes)
        status.display = bool(text)

    def top_body_offset(self) -> int:
        """The body offset at the top of the view."""
        view = self.view
        return max(0, view.offset_of_line(view.scroll_offset.y) - view.document.body_offset)

    def _scroll_to_body(self, body_offset: int) -> None:
        self.view.scroll_to_offset(self.document.body_offset + body_offset)

    def _body_offset_visible(self, body_offset: int) -> bool:
        view = self.view
        return view.line_of(view.document.body_offset + body_offset) in view.visible_line_range()

    # ----------------------------------------------------------------------------------- keys

    def toggle_highlight(self) -> None:
        self.highlight = not self.highlight
        self.notify("Highlighting on" if self.highlight else "Highlighting off", timeout=1.5)

    def escape(self) -> bool:
        """Esc inside the pane: close the find, else the actors panel. False if there was nothing to close."""
        if self.find_open or self.find.text:
            typing = self.find_bar.has_focus_within
            self.close_find()
            if typing:
                self.view.focus()
            return True
        if self.show_actors:
            self.show_actors = False
            return True
        return False

    def empty_state(self, folder: str) -> None:
        """What an empty folder shows: what newsreader reads and how to add articles."""
        title = "No articles yet"
        self.show_message(Document(
            f"{title}\n\nThere are no articles in {folder}.\n\n"
            "newsreader reads .txt, .md and .yaml files in this folder and its sub-folders. Add some and "
            "they appear here by themselves (or press r), or open another folder: newsreader PATH",
            0, [StyleSpan(0, len(title), "title")],
        ))

