"""Navigation by who is in the story: the actors panel, `]`/`[` mentions, who-said-what, `}`/`{` quotations,
and the folder-wide "Actor…" palette.

A mixin of NewsReaderApp (message handlers by naming convention). The pure parts live in
`newsreader.actor_index`; the widgets in `actors_panel.py` and `who_said.py`.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Sequence

from textual import work
from textual.worker import get_current_worker

from newsreader.ui.messages import FolderActorsReady

if TYPE_CHECKING:
    from newsreader.analysis.model import Actor, Analysis
    from newsreader.folder_actors import FolderActor
    from newsreader.ui.actors_panel import ActorsPanel


def _nav() -> ModuleType:
    """`newsreader.actor_index`, imported on first use (not needed for the first frame)."""
    from newsreader import actor_index

    return actor_index


class CastMixin:
    """State: the actor chosen in the panel and where `]`/`[` and `}`/`{` are."""

    focus_actor: Actor | None
    _mentions: list[tuple[int, int]]
    _mention_current: int | None
    _quote_current: int | None
    _folder_actors_status: str | None

    def _init_cast(self) -> None:
        self.focus_actor = None
        self._mentions = []
        self._mention_current = None
        self._quote_current = None
        self._folder_actors_status = "open the palette again in a moment: counting the folder's actors"
        self._mounted_kinds: set[str] = set()

    @property
    def actors_panel(self) -> ActorsPanel | None:
        """The panel, once `a` has been pressed (it is mounted on first use)."""
        from newsreader.ui.actors_panel import ActorsPanel

        return self.query_one_optional(ActorsPanel) if "ActorsPanel" in self._mounted_kinds else None

    def _current_analysis(self) -> Analysis | None:
        article = self.shown
        if article is None or self.session is None or article.partial:
            return None
        return self.shown_analysis

    def analysis_to_show(self, analysis: Analysis | None) -> Analysis | None:
        """What the reader highlights: everything, or only the actor chosen in the panel."""
        if analysis is not None and self.focus_actor is not None:
            return _nav().only_actor(analysis, self.focus_actor)
        return analysis

    def _cast_article_changed(self) -> None:
        """A new article is shown: the panel lists its cast; actor focus and quotation position reset."""
        self.focus_actor = None
        self._mentions, self._mention_current, self._quote_current = [], None, None
        if self.actors_panel is not None:
            self.actors_panel.set_analysis(self._current_analysis())

    def _cast_analysis_arrived(self) -> None:
        analysis = self._current_analysis()
        if self.actors_panel is not None:
            self.actors_panel.set_analysis(analysis)
        if self.focus_actor is not None and analysis is not None:
            same = next((a for a in analysis.actors if a.name == self.focus_actor.name), None)
            self.focus_actor = same
            self._mentions = _nav().actor_mentions(same, analysis) if same else []

    # ------------------------------------------------------------------------------ actors panel

    def action_toggle_actors(self) -> None:
        panel = self.actors_panel
        if panel is None:
            from newsreader.ui.actors_panel import ActorsPanel

            panel = ActorsPanel(id="actors")
            panel.display = False
            self.query_one("#panes").mount(panel)
            self._mounted_kinds.add("ActorsPanel")
        if panel.display:
            panel.display = False
            self._set_focus_actor(None)
            self.reader.focus()
        else:
            panel.set_analysis(self._current_analysis())
            panel.display = True
            panel.focus()

    def on_actors_panel_actor_highlighted(self, message: ActorsPanel.ActorHighlighted) -> None:
        self._set_focus_actor(message.actor)
        if self._mentions:
            self._mention_current = 0
            self._scroll_to_body(self._mentions[0][0])

    def on_actors_panel_actor_chosen(self, message: ActorsPanel.ActorChosen) -> None:
        self.set_filter(_nav().actor_filter(message.actor.name))

    def _set_focus_actor(self, actor: Actor | None) -> None:
        analysis = self._current_analysis()
        self.focus_actor = actor
        self._mentions = _nav().actor_mentions(actor, analysis) if actor is not None else []
        self._mention_current = None
        self._render_shown(keep_scroll=True)

    def action_step_mention(self, direction: int) -> None:
        """`]`/`[`: the chosen actor's next / previous mention (aliases and "he said" included)."""
        if self.focus_actor is None:
            self.notify("Choose an actor first: press a, then move to one.", timeout=2.5)
            return
        if not self._mentions:
            self.notify(f"No mentions of {self.focus_actor.name} here.", timeout=2, markup=False)
            return
        if self._mention_current is None:
            offset = self._top_body_offset() - (1 if direction > 0 else 0)
        else:
            offset = self._mentions[self._mention_current][0]
        found = _nav().next_span(self._mentions, offset, direction)
        if found is None:  # wrap
            found = 0 if direction > 0 else len(self._mentions) - 1
            self.notify("Wrapped to the first mention" if direction > 0 else "Wrapped to the last mention",
                        timeout=1.5)
        self._mention_current = found
        self._scroll_to_body(self._mentions[found][0])

    # ----------------------------------------------------------------------------- quotations

    def action_who_said(self) -> None:
        analysis = self._current_analysis()
        article = self.shown
        if article is None or analysis is None:
            self.notify("Still analysing this article…" if article is not None else "No article open.", timeout=2)
            return
        if not analysis.quotes:
            self.notify("No quotations in this article.", timeout=2)
            return
        full = analysis

        def jump(index: int | None) -> None:
            if index is not None and 0 <= index < len(full.quotes):
                self._quote_current = index
                self._scroll_to_body(full.quotes[index].start)
                self.reader.focus()

        from newsreader.ui.who_said import WhoSaidScreen

        self.push_screen(WhoSaidScreen(full, article.title), jump)

    def action_step_quote(self, direction: int) -> None:
        """`}`/`{`: the next / previous quotation from where the reader is."""
        analysis = self._current_analysis()
        if analysis is None or not analysis.quotes:
            self.notify("No quotations here." if analysis is not None else "Still analysing…", timeout=1.5)
            return
        quotes = analysis.quotes
        current = self._quote_current
        if current is not None and current < len(quotes) and self._body_offset_visible(quotes[current].start):
            offset = quotes[current].start
        else:
            offset = self._top_body_offset() - (1 if direction > 0 else 0)
        found = _nav().next_quote(quotes, offset, direction)
        if found is None:
            self.notify("That was the last quotation." if direction > 0 else "That was the first quotation.",
                        timeout=1.5)
            return
        self._quote_current = found
        self._scroll_to_body(quotes[found].start)

    # --------------------------------------------------------------------------------- helpers

    def _scroll_to_body(self, body_offset: int) -> None:
        self.reader.scroll_to_offset(self.reader.document.body_offset + body_offset)

    def _top_body_offset(self) -> int:
        reader = self.reader
        return max(0, reader.offset_of_line(reader.scroll_offset.y) - reader.document.body_offset)

    def _body_offset_visible(self, body_offset: int) -> bool:
        reader = self.reader
        return reader.line_of(reader.document.body_offset + body_offset) in reader.visible_line_range()

    # ---------------------------------------------------------------------------- folder actors

    def folder_actors(self) -> tuple[Sequence[FolderActor], str | None]:
        """For the "Actor…" palette: the cast counted so far and, while counting, a status line."""
        session = self.session
        if session is None:
            return [], "loading the folder"
        actors = session.folder_actors()
        done, total = session.analysed_count()
        if self._folder_actors_status is not None:
            self.count_folder_actors()
            return actors, self._folder_actors_status
        if done < total:
            return actors, f"analysing {done:,}/{total:,} articles"
        return actors, None

    @work(thread=True, exclusive=True, group="folder-actors", exit_on_error=False, description="folder-actors")
    def count_folder_actors(self) -> None:
        worker = get_current_worker()
        if self.session is not None:
            self.session.build_actor_index(cancelled=lambda: worker.is_cancelled)
            self.post_message(FolderActorsReady())

    def on_folder_actors_ready(self, message: FolderActorsReady) -> None:
        self._folder_actors_status = None

    def choose_folder_actor(self, actor: FolderActor) -> None:
        self.set_filter(actor.filter_query)
