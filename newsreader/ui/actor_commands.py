"""Command palette: "Actor…" lists every actor in the folder (articles, quotations); choosing one filters.

Wiring: add `ActorCommand` to the app's `COMMANDS`, and give the app two methods (the `ActorSource`
protocol): `folder_actors()` returning the current `FolderActors.actors()` plus a status line while the
background analysis is still running, and `choose_folder_actor(actor)` which applies
`actor.filter_query` (`actor:"Ken Hu"`) to the folder filter.

Actor names come from article text: they are only ever put into `Content(...)` objects, never parsed
as markup (`Matcher.highlight` would parse them, so the fuzzy highlight is done here), and help texts,
which the palette does parse as markup, are escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable
from collections.abc import Sequence

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from newsreader.ui.commands import plain_highlight
from newsreader.ui.palette import uncovering

if TYPE_CHECKING:
    from newsreader.folder_actors import FolderActor

TITLE = "Actor…"
MAX_DISCOVERY = 100
MAX_ALIASES = 3


@runtime_checkable
class ActorSource(Protocol):
    """What the app provides to the "Actor…" palette."""

    def folder_actors(self) -> tuple[Sequence[FolderActor], str | None]:
        """(actors sorted as `FolderActors.actors()`, a status such as "analysing 120/10,000" or None)."""
        ...

    def choose_folder_actor(self, actor: FolderActor) -> None:
        """Filter the folder list to `actor` (e.g. set the filter to `actor.filter_query`)."""
        ...


def actor_help(actor: FolderActor) -> str:
    """"person · 3 articles · 2 quotations · also Trump" — escaped: the palette parses help as markup."""
    parts = [
        actor.kind,
        f"{actor.articles} article{'' if actor.articles == 1 else 's'}",
        f"{actor.quotations} quotation{'' if actor.quotations == 1 else 's'}",
    ]
    if actor.aliases:
        more = "…" if len(actor.aliases) > MAX_ALIASES else ""
        parts.append("also " + ", ".join(actor.aliases[:MAX_ALIASES]) + more)
    return escape(" · ".join(parts))


class FolderActors(Provider):
    """Every actor of the folder; choosing one calls the app's `choose_folder_actor`."""

    def _source(self) -> ActorSource | None:
        app = self.app
        return cast(ActorSource, app) if isinstance(app, ActorSource) else None

    async def search(self, query: str) -> Hits:
        source = self._source()
        if source is None:
            return
        actors, _status = source.folder_actors()
        matcher = self.matcher(query)
        for actor in actors:
            score = matcher.match(actor.name)
            if score > 0:
                # a small boost for actors in many articles, so "trump" puts Donald Trump first
                boost = min(actor.articles, 50) / 1000
                yield Hit(
                    score + boost,
                    plain_highlight(matcher, actor.name),
                    uncovering(self.app, source.choose_folder_actor, actor),
                    text=actor.name,
                    help=actor_help(actor),
                )

    async def discover(self) -> Hits:
        source = self._source()
        if source is None:
            return
        actors, status = source.folder_actors()
        for actor in actors[:MAX_DISCOVERY]:
            yield DiscoveryHit(
                Content(actor.name), uncovering(self.app, source.choose_folder_actor, actor), text=actor.name,
                help=actor_help(actor),
            )
        if status:
            yield DiscoveryHit(Content(f"({status})"), lambda: None, text=status)


class ActorCommand(Provider):
    """The "Actor…" entry of the main palette (`palette.ReaderCommands`); it opens a palette of the
    folder's actors. Usable on its own as a provider too."""

    TITLE = TITLE

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(TITLE)
        if score > 0:
            yield Hit(score, matcher.highlight(TITLE), self.open, text=TITLE, help=self.help_text())

    async def discover(self) -> Hits:
        yield DiscoveryHit(TITLE, self.open, text=TITLE, help=self.help_text())

    def help_text(self) -> str:
        """"Every actor in the folder (1,234)", and a status while counting (escaped: parsed as markup)."""
        source = self.app if isinstance(self.app, ActorSource) else None
        if source is None:
            return "Every actor in the folder"
        actors, status = source.folder_actors()
        text = f"Every actor in the folder ({len(actors):,})" if actors else "Every actor in the folder"
        return escape(f"{text} · {status}" if status else text)

    def open(self) -> None:
        """Push the palette of folder actors."""
        from newsreader.ui.palette import ReaderPalette

        self.app.push_screen(ReaderPalette(providers=[FolderActors], placeholder="Actor… (type a name)"))
